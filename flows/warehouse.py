"""Everything the Python steps do in PostgreSQL: migrations, the run lock, staging writes."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg import sql

from flows.extract.models import Extraction, RawDocument
from flows.settings import MIGRATIONS_DIR, RUN_LOCK_KEY

MIGRATION_NAME = re.compile(r"^V(\d{3,})__([a-z0-9_]+)\.sql$")
# A second lock key, used only while migrations run.
MIGRATION_LOCK_KEY = RUN_LOCK_KEY + 1

MIGRATIONS_TABLE = """
create schema if not exists meta;
create table if not exists meta.schema_migrations (
    version integer primary key,
    name text not null,
    checksum text not null,
    applied_at timestamptz not null default now()
)
"""


class MigrationError(RuntimeError):
    """A migration file is missing, renamed or changed after it was applied."""


class RunLockedError(RuntimeError):
    """Another run holds the run lock on this database."""


@dataclass(frozen=True)
class Migration:
    """One versioned SQL file under sql/migrations."""

    version: int
    name: str
    path: Path

    @property
    def checksum(self) -> str:
        """SHA-256 of the file's bytes."""
        return hashlib.sha256(self.path.read_bytes()).hexdigest()


def connect(url: str, **kwargs) -> psycopg.Connection:
    """Open a connection that identifies itself in pg_stat_activity.

    Writers pass autocommit=True and group their statements in ``conn.transaction()``
    blocks: without autocommit those blocks would only be savepoints of one long
    transaction, and nothing would be committed before the end.
    """
    return psycopg.connect(url, application_name="autonews", **kwargs)


def discover_migrations(directory: Path = MIGRATIONS_DIR) -> list[Migration]:
    """The migrations in ``directory``, ordered by version."""
    found = []
    for path in sorted(directory.glob("*.sql")):
        match = MIGRATION_NAME.match(path.name)
        if not match:
            raise MigrationError(f"migration file not named V<version>__<name>.sql: {path.name}")
        found.append(Migration(int(match.group(1)), match.group(2), path))
    versions = [m.version for m in found]
    if len(versions) != len(set(versions)):
        raise MigrationError(f"two migrations share a version in {directory}")
    return found


def migrate(url: str, directory: Path = MIGRATIONS_DIR) -> list[Migration]:
    """Apply the migrations not yet recorded, each in its own transaction; return them."""
    migrations = discover_migrations(directory)
    applied: list[Migration] = []
    with connect(url, autocommit=True) as conn:
        conn.execute("select pg_advisory_lock(%s)", [MIGRATION_LOCK_KEY])
        try:
            conn.execute(MIGRATIONS_TABLE)
            done = {
                version: (name, checksum)
                for version, name, checksum in conn.execute(
                    "select version, name, checksum from meta.schema_migrations"
                )
            }
            for migration in migrations:
                if migration.version in done:
                    name, checksum = done[migration.version]
                    if checksum != migration.checksum:
                        raise MigrationError(
                            f"migration V{migration.version:03d} ({name}) changed after it was "
                            "applied; add a new migration instead"
                        )
                    continue
                with conn.transaction():
                    conn.execute(migration.path.read_text(encoding="utf-8"))
                    conn.execute(
                        "insert into meta.schema_migrations (version, name, checksum) "
                        "values (%s, %s, %s)",
                        [migration.version, migration.name, migration.checksum],
                    )
                applied.append(migration)
        finally:
            conn.execute("select pg_advisory_unlock(%s)", [MIGRATION_LOCK_KEY])
    return applied


@contextmanager
def run_lock(url: str, wait: bool = False) -> Iterator[psycopg.Connection]:
    """Hold the database-wide run lock for the duration of the block."""
    with connect(url, autocommit=True) as conn:
        if wait:
            conn.execute("select pg_advisory_lock(%s)", [RUN_LOCK_KEY])
        else:
            (got,) = conn.execute("select pg_try_advisory_lock(%s)", [RUN_LOCK_KEY]).fetchone()
            if not got:
                raise RunLockedError(
                    "another autonews run is in progress on this database; "
                    "wait for it to finish (or pass --wait)"
                )
        try:
            yield conn
        finally:
            # A session that died (a server restart) has already lost its locks.
            if not conn.closed and not conn.broken:
                conn.execute("select pg_advisory_unlock(%s)", [RUN_LOCK_KEY])


def pending_documents(
    conn: psycopg.Connection, extractor_version: str, batch_size: int
) -> Iterator[list[RawDocument]]:
    """Stream the raw documents not yet extracted by ``extractor_version``, in batches."""
    query = """
        select d.document_id, d.source_path, d.body, d.source_format
        from raw.documents as d
        left join staging.extractions as e on e.document_id = d.document_id
        where e.document_id is null or e.extractor_version <> %s
        order by d.document_id
    """
    with conn.cursor(name="pending_documents") as cur:
        cur.itersize = batch_size
        cur.execute(query, [extractor_version])
        while rows := cur.fetchmany(batch_size):
            yield [RawDocument(*row) for row in rows]


def count_pending(conn: psycopg.Connection, extractor_version: str) -> int:
    """Number of raw documents not yet extracted by ``extractor_version``."""
    (count,) = conn.execute(
        """
        select count(*) from raw.documents as d
        left join staging.extractions as e on e.document_id = d.document_id
        where e.document_id is null or e.extractor_version <> %s
        """,
        [extractor_version],
    ).fetchone()
    return count


STAGING_TABLES = (
    "company_mentions",
    "partnership_claims",
    "sales_claims",
    "person_mentions",
    "documents",
)

DOCUMENT_COLUMNS = (
    "document_id",
    "extractor_version",
    "language",
    "title",
    "published_date",
    "published_precision",
    "date_source",
    "text_body",
    "char_count",
)
MENTION_COLUMNS = (
    "document_id",
    "mention_index",
    "extractor_version",
    "company_id",
    "company_name",
    "is_reference",
    "match_method",
    "surface_text",
    "char_start",
    "char_end",
    "sentence_text",
)
PARTNERSHIP_COLUMNS = (
    "document_id",
    "claim_index",
    "extractor_version",
    "company_a_id",
    "company_a_name",
    "company_b_id",
    "company_b_name",
    "is_directed",
    "partnership_type",
    "status",
    "stake_percent",
    "amount_value",
    "amount_currency",
    "trigger_text",
    "sentence_text",
    "char_start",
    "char_end",
)
SALES_COLUMNS = (
    "document_id",
    "claim_index",
    "extractor_version",
    "company_id",
    "company_name",
    "metric",
    "value",
    "unit",
    "value_text",
    "period_start",
    "period_end",
    "period_grain",
    "market",
    "segment",
    "reporting_body",
    "sentence_text",
    "char_start",
    "char_end",
)

PERSON_COLUMNS = (
    "document_id",
    "mention_index",
    "extractor_version",
    "person_name",
    "surface_text",
    "char_start",
    "char_end",
    "sentence_text",
    "role",
    "role_text",
    "company_id",
    "company_name",
    "company_mention_index",
)


def _copy(cur: psycopg.Cursor, table: str, columns: Sequence[str], rows: list[tuple]) -> None:
    """COPY ``rows`` into ``staging.<table>``."""
    if not rows:
        return
    statement = sql.SQL("copy staging.{} ({}) from stdin").format(
        sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, columns))
    )
    with cur.copy(statement) as copy:
        for row in rows:
            copy.write_row(row)


def _row(obj: object, doc_id: str, version: str, columns: Sequence[str]) -> tuple:
    """A staging row for a mention or claim dataclass."""
    values = {"document_id": doc_id, "extractor_version": version}
    return tuple(values[c] if c in values else getattr(obj, c) for c in columns)


def write_extractions(conn: psycopg.Connection, results: list[Extraction]) -> None:
    """Replace the staging rows of the given documents with these extractions, atomically.

    A failed extraction writes only its failure record: the document's earlier rows stay as
    they are and it stays pending, so the next run reads it again.
    """
    if not results:
        return
    extractions = [e for e in results if e.error is None]
    ids = [e.document_id for e in extractions]
    with conn.transaction(), conn.cursor() as cur:
        _record_failures(cur, [e for e in results if e.error is not None])
        if not extractions:
            return
        cur.execute("delete from staging.extraction_failures where document_id = any(%s)", [ids])
        for table in STAGING_TABLES:
            cur.execute(
                sql.SQL("delete from staging.{} where document_id = any(%s)").format(
                    sql.Identifier(table)
                ),
                [ids],
            )
        _copy(
            cur,
            "documents",
            DOCUMENT_COLUMNS,
            [
                _row(e.meta, e.document_id, e.extractor_version, DOCUMENT_COLUMNS)
                for e in extractions
            ],
        )
        for table, columns, attr in (
            ("company_mentions", MENTION_COLUMNS, "mentions"),
            ("partnership_claims", PARTNERSHIP_COLUMNS, "partnerships"),
            ("sales_claims", SALES_COLUMNS, "sales"),
            ("person_mentions", PERSON_COLUMNS, "people"),
        ):
            rows = [
                _row(item, e.document_id, e.extractor_version, columns)
                for e in extractions
                for item in getattr(e, attr)
            ]
            _copy(cur, table, columns, rows)
        cur.execute(
            """
            insert into staging.extractions (document_id, extractor_version)
            select * from unnest(%s::text[], %s::text[])
            on conflict (document_id) do update
                set extractor_version = excluded.extractor_version, extracted_at = now()
            """,
            [ids, [e.extractor_version for e in extractions]],
        )


def _record_failures(cur: psycopg.Cursor, failed: list[Extraction]) -> None:
    """Record (or count again) the documents the extractor could not read."""
    if not failed:
        return
    cur.execute(
        """
        insert into staging.extraction_failures (document_id, extractor_version, reason)
        select * from unnest(%s::text[], %s::text[], %s::text[])
        on conflict (document_id) do update
            set extractor_version = excluded.extractor_version, reason = excluded.reason,
                failed_at = now(), attempts = staging.extraction_failures.attempts + 1
        """,
        [
            [e.document_id for e in failed],
            [e.extractor_version for e in failed],
            [e.error for e in failed],
        ],
    )


def reset_staging(conn: psycopg.Connection) -> None:
    """Empty every staging table so the next extraction starts from raw alone."""
    with conn.transaction():
        conn.execute(
            "truncate staging.extractions, staging.company_mentions, staging.partnership_claims, "
            "staging.sales_claims, staging.person_mentions, staging.documents, "
            "staging.story_signatures, staging.story_bands, staging.extraction_failures"
        )


def mart_row_counts(conn: psycopg.Connection, schema: str = "marts") -> dict[str, int]:
    """Row count of every table in the marts schema."""
    tables = [
        name
        for (name,) in conn.execute(
            "select table_name from information_schema.tables "
            "where table_schema = %s and table_type = 'BASE TABLE' order by table_name",
            [schema],
        )
    ]
    counts = {}
    for table in tables:
        (counts[table],) = conn.execute(
            sql.SQL("select count(*) from {}.{}").format(
                sql.Identifier(schema), sql.Identifier(table)
            )
        ).fetchone()
    return counts


def close_interrupted(conn: psycopg.Connection) -> int:
    """Mark batches and runs left 'running' by a killed process as failed; return how many.

    Call it only while holding the run lock: then nothing else can still be running.
    """
    message = "interrupted: the process ended before the run finished"
    with conn.transaction():
        batches = conn.execute(
            "update raw.load_batches set status = 'failed', finished_at = now(), "
            "error_message = %s where status = 'running'",
            [message],
        ).rowcount
        runs = conn.execute(
            "update meta.runs set status = 'failed', finished_at = now(), error_message = %s "
            "where status = 'running'",
            [message],
        ).rowcount
    return batches + runs


def analyze(conn: psycopg.Connection) -> None:
    """Refresh the planner statistics of the tables the steps write."""
    conn.execute(
        "analyze raw.documents, raw.files, staging.extractions, staging.documents, "
        "staging.company_mentions, staging.partnership_claims, staging.sales_claims, "
        "staging.person_mentions"
    )
