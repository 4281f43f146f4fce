"""Transform: run dbt on the warehouse and publish the marts it built."""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field

import psycopg
from psycopg import sql

from flows import stopping
from flows.database import libpq_env
from flows.settings import DBT_PROJECT_DIR

MARTS_SCHEMA = "marts"
BUILD_SCHEMA = "marts_build"
PREVIOUS_SCHEMA = "marts_previous"
BI_ROLE = "autonews_bi"


class DbtFailed(RuntimeError):
    """dbt reported failing nodes; the published marts were left as they were."""


@dataclass
class DbtReport:
    """Outcome of one dbt invocation, counted by node status."""

    command: str
    success: bool
    statuses: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    tests_passed: int = 0
    tests_failed: int = 0


@contextmanager
def _dbt_environment(url: str):
    """Point dbt's profile at ``url`` through PG* variables for the block's duration."""
    wanted = {
        **libpq_env(url),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "DO_NOT_TRACK": "1",
    }
    saved = {key: os.environ.get(key) for key in wanted}
    os.environ.update(wanted)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def invoke_dbt(url: str, *args: str, marts_schema: str = MARTS_SCHEMA):
    """Invoke dbt in-process against ``url``; return dbt's own result (a dbtRunnerResult).

    ``args`` are the command and its options: ``invoke_dbt(url, "source", "freshness")``.
    The project, profile, marts schema and quiet logging are set here, in one place.
    """
    from dbt.cli.main import dbtRunner

    argv = [
        *args,
        "--project-dir",
        str(DBT_PROJECT_DIR),
        "--profiles-dir",
        str(DBT_PROJECT_DIR),
        "--vars",
        json.dumps({"marts_schema": marts_schema}),
        "--quiet",
    ]
    with _dbt_environment(url):
        result = dbtRunner().invoke(argv)
    # dbt returns a Ctrl-C (or a stop request, flows.stopping) as its result, after cancelling
    # its queries: it stops the run, it is no failure of dbt's.
    if isinstance(result.exception, KeyboardInterrupt):
        raise result.exception
    # An interrupt that lands inside dbt's own code can come back as another error (a relation
    # it was building, say): after a stop request, whatever dbt returned is the stop.
    stopping.check()
    return result


def run_dbt(url: str, command: str, *args: str, marts_schema: str = MARTS_SCHEMA) -> DbtReport:
    """Invoke a dbt command against ``url`` and count node results.

    ``args`` follow the command and may name a subcommand: ``run_dbt(url, "docs", "generate")``.
    """
    result = invoke_dbt(url, command, *args, marts_schema=marts_schema)
    report = DbtReport(command=command, success=bool(result.success))
    if result.exception is not None:
        report.failures.append(f"dbt {command}: {result.exception}")
    for node in getattr(result.result, "results", None) or []:
        status = str(node.status)
        report.statuses[status] += 1
        resource = getattr(node.node, "resource_type", "")
        if str(resource).endswith("test"):
            if status in ("pass", "warn"):
                report.tests_passed += 1
            else:
                report.tests_failed += 1
        if status in ("error", "fail", "runtime error"):
            report.failures.append(f"{node.node.unique_id}: {status}: {node.message or ''}".strip())
    return report


def build_marts(url: str) -> DbtReport:
    """Build and test every model into the side schema; raise DbtFailed when anything fails."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(
            sql.SQL("drop schema if exists {} cascade").format(sql.Identifier(BUILD_SCHEMA))
        )
    report = run_dbt(url, "build", marts_schema=BUILD_SCHEMA)
    if not report.success:
        detail = "; ".join(report.failures[:10]) or "see the dbt log"
        raise DbtFailed(f"dbt build failed, marts left unchanged: {detail}")
    return report


def publish_marts(url: str) -> None:
    """Swap the freshly built side schema in as ``marts`` in one transaction."""
    with psycopg.connect(url) as conn, conn.transaction():
        has_build = conn.execute(
            "select 1 from pg_namespace where nspname = %s", [BUILD_SCHEMA]
        ).fetchone()
        if not has_build:
            raise RuntimeError(f"nothing to publish: schema {BUILD_SCHEMA} does not exist")
        conn.execute(
            sql.SQL("drop schema if exists {} cascade").format(sql.Identifier(PREVIOUS_SCHEMA))
        )
        conn.execute(
            sql.SQL("alter schema {} rename to {}").format(
                sql.Identifier(MARTS_SCHEMA), sql.Identifier(PREVIOUS_SCHEMA)
            )
        )
        conn.execute(
            sql.SQL("alter schema {} rename to {}").format(
                sql.Identifier(BUILD_SCHEMA), sql.Identifier(MARTS_SCHEMA)
            )
        )
        grant_bi_access(conn)
        conn.execute(sql.SQL("drop schema {} cascade").format(sql.Identifier(PREVIOUS_SCHEMA)))


def grant_bi_access(conn: psycopg.Connection) -> None:
    """Give the read-only BI role usage of the marts schema and select on its tables."""
    if not conn.execute("select 1 from pg_roles where rolname = %s", [BI_ROLE]).fetchone():
        return
    marts, role = sql.Identifier(MARTS_SCHEMA), sql.Identifier(BI_ROLE)
    conn.execute(sql.SQL("grant usage on schema {} to {}").format(marts, role))
    conn.execute(sql.SQL("grant select on all tables in schema {} to {}").format(marts, role))


# What dbt builds from besides the warehouse: the project's own files.
DBT_INPUT_DIRS = ("models", "seeds", "macros", "tests", "analyses")
INPUT_COUNTS = """
select
    (select count(*) from raw.documents),
    (select max(loaded_at) from raw.documents),
    (select count(*) from staging.extractions),
    (select max(extracted_at) from staging.extractions),
    (select count(*) from staging.documents),
    (select count(*) from staging.company_mentions),
    (select count(*) from staging.partnership_claims),
    (select count(*) from staging.sales_claims),
    (select count(*) from staging.story_signatures),
    (select max(signed_at) from staging.story_signatures),
    (select count(*) from staging.person_mentions)
"""


def input_state(conn: psycopg.Connection) -> str:
    """A digest of everything the marts are built from: the dbt project and the warehouse."""
    digest = hashlib.sha256()
    files = [DBT_PROJECT_DIR / "dbt_project.yml"]
    for folder in DBT_INPUT_DIRS:
        files.extend(sorted(p for p in (DBT_PROJECT_DIR / folder).rglob("*") if p.is_file()))
    for path in files:
        digest.update(str(path.relative_to(DBT_PROJECT_DIR)).encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    digest.update(repr(conn.execute(INPUT_COUNTS).fetchone()).encode())
    return digest.hexdigest()


def last_built_state(conn: psycopg.Connection) -> str | None:
    """The input state of the newest successful run that published marts, if they still stand."""
    has_marts = conn.execute(
        "select count(*) from information_schema.tables where table_schema = %s", [MARTS_SCHEMA]
    ).fetchone()[0]
    if not has_marts:
        return None
    row = conn.execute(
        "select report ->> 'input_state' from meta.runs "
        "where status = 'succeeded' and report ->> 'input_state' is not null "
        "order by run_id desc limit 1"
    ).fetchone()
    return row[0] if row else None
