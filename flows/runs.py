"""What a nightly run records: its report in meta.runs, and what the marts gained by it.

How a report is shown (terminal, Prefect artifact, `autonews status`) is flows/report.py.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, is_dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import psycopg
from psycopg import sql

from flows import warehouse
from flows.freshness import Freshness
from flows.ingest import IngestReport
from flows.pipeline import ExtractReport
from flows.transform import DbtReport

EXAMPLES = 10

TOP_COMPANIES = """
select company_name, subject_story_count, story_count, mention_count
from marts.dim_companies
where subject_story_count > 0
order by subject_story_count desc, story_count desc, company_name
limit %s
"""
NEWEST_PARTNERSHIPS = """
select a.company_name, b.company_name, p.partnership_type, p.status, p.last_reported_date
from marts.fct_partnerships as p
join marts.dim_companies as a on a.company_id = p.company_a_id
join marts.dim_companies as b on b.company_id = p.company_b_id
order by p.last_reported_date desc nulls last, p.partnership_id
limit %s
"""
LATEST_SALES = """
select c.company_name, s.metric, s.value, s.unit, s.period_start, s.period_grain, s.market,
       s.segment
from marts.fct_sales as s
join marts.dim_companies as c on c.company_id = s.company_id
order by s.period_start desc nulls last, s.sales_id
limit %s
"""
PRIMARY_KEYS = """
select tc.table_name, kcu.column_name
from information_schema.table_constraints as tc
join information_schema.key_column_usage as kcu
  on kcu.constraint_schema = tc.constraint_schema and kcu.constraint_name = tc.constraint_name
where tc.table_schema = %s and tc.constraint_type = 'PRIMARY KEY'
order by tc.table_name
"""
# New companies, partnerships and sales figures of the freshly built schema {b}, by name;
# {new} stands for "not in the published marts": (table, alias, key) below.
NEW_EXAMPLES = {
    "companies": """
        select c.company_name, c.company_id, c.sector, c.mention_count
        from {b}.dim_companies as c
        where {new}
        order by c.mention_count desc, c.company_name
        limit %s
    """,
    "partnerships": """
        select a.company_name, b.company_name, p.partnership_type, p.status,
               p.last_reported_date
        from {b}.fct_partnerships as p
        join {b}.dim_companies as a on a.company_id = p.company_a_id
        join {b}.dim_companies as b on b.company_id = p.company_b_id
        where {new}
        order by p.last_reported_date desc, p.partnership_id
        limit %s
    """,
    "sales figures": """
        select c.company_name, s.metric, s.value, s.unit, s.period_start, s.period_grain,
               s.market, s.segment
        from {b}.fct_sales as s
        join {b}.dim_companies as c on c.company_id = s.company_id
        where {new}
        order by s.period_start desc nulls last, s.sales_id
        limit %s
    """,
}
NEW_EXAMPLE_KEYS = {
    "companies": ("dim_companies", "c", "company_id"),
    "partnerships": ("fct_partnerships", "p", "partnership_id"),
    "sales figures": ("fct_sales", "s", "sales_id"),
}


def plain(value: Any) -> Any:
    """Make a value JSON-friendly."""
    if is_dataclass(value):
        return plain(asdict(value))
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    return value


@dataclass
class RunReport:
    """Everything a reader wants to know about one nightly run."""

    source_dir: str
    extractor_version: str
    run_id: int | None = None
    status: str = "running"
    error: str | None = None
    ingest: IngestReport | None = None
    extract: ExtractReport | None = None
    dbt: DbtReport | None = None
    freshness: Freshness | None = None
    # What the marts were built from; a run whose inputs equal the last build's skips dbt.
    input_state: str | None = None
    build_skipped: bool = False
    seconds: dict[str, float] = field(default_factory=dict)
    mart_rows: dict[str, int] = field(default_factory=dict)
    new_rows: dict[str, int] = field(default_factory=dict)
    new_examples: dict[str, list[tuple]] = field(default_factory=dict)
    top_companies: list[tuple] = field(default_factory=list)
    newest_partnerships: list[tuple] = field(default_factory=list)
    latest_sales: list[tuple] = field(default_factory=list)

    def start(self, conn: psycopg.Connection) -> int:
        """Record the run as started and return its id."""
        (self.run_id,) = conn.execute(
            "insert into meta.runs (source_dir, extractor_version) values (%s, %s) "
            "returning run_id",
            [self.source_dir, self.extractor_version],
        ).fetchone()
        return self.run_id

    def collect(self, conn: psycopg.Connection, limit: int = 10) -> None:
        """Read row counts and highlights from the published marts."""
        self.mart_rows = warehouse.mart_row_counts(conn)
        self.top_companies = [tuple(r) for r in conn.execute(TOP_COMPANIES, [limit])]
        self.newest_partnerships = [tuple(r) for r in conn.execute(NEWEST_PARTNERSHIPS, [limit])]
        self.latest_sales = [tuple(r) for r in conn.execute(LATEST_SALES, [limit])]

    def finish(self, url: str, run_id: int, status: str) -> None:
        """Record the run's end, status and report, on a connection of its own."""
        self.status = status
        try:
            with warehouse.connect(url, autocommit=True) as conn:
                conn.execute(
                    "update meta.runs set finished_at = now(), status = %s, error_message = %s, "
                    "batch_id = %s, report = %s where run_id = %s",
                    [
                        status,
                        self.error,
                        self.ingest.batch_id if self.ingest else None,
                        json.dumps(self.as_json()),
                        run_id,
                    ],
                )
        except psycopg.Error:
            # The server may be what failed; the run's own error is the one to raise, and
            # the next run marks this one as interrupted.
            if status == "succeeded":
                raise

    def as_json(self) -> dict:
        """The report as plain JSON values."""
        return plain(self)


def _exists(conn: psycopg.Connection, schema: str, table: str) -> bool:
    """Whether the table ``schema.table`` exists."""
    (regclass,) = conn.execute(
        "select to_regclass(format('%%I.%%I', %s::text, %s::text))", [schema, table]
    ).fetchone()
    return regclass is not None


# A table whose rows stand before any document names them: the reference companies are in
# dim_companies from the first run on. Such a row is new once its count column turns positive,
# so "new companies" are the companies the documents name for the first time.
FOUND_WHEN_COUNTED = {"dim_companies": "mention_count"}


def _is_new(
    conn: psycopg.Connection, published: str, table: str, alias: str, key: str
) -> sql.Composable:
    """SQL condition: the row ``alias`` was found, and ``published.table`` has no such row."""
    a, count = sql.Identifier(alias), FOUND_WHEN_COUNTED.get(table)
    conditions = []
    if count:
        conditions.append(sql.SQL("{}.{} > 0").format(a, sql.Identifier(count)))
    if _exists(conn, published, table):
        seen = sql.SQL(" and o.{} > 0").format(sql.Identifier(count)) if count else sql.SQL("")
        conditions.append(
            sql.SQL("not exists (select 1 from {p} as o where o.{k} = {a}.{k}{seen})").format(
                p=sql.Identifier(published, table), k=sql.Identifier(key), a=a, seen=seen
            )
        )
    return sql.SQL(" and ").join(conditions) if conditions else sql.SQL("true")


def count_new_rows(conn: psycopg.Connection, built: str, published: str) -> dict[str, int]:
    """Per table of ``built``: rows found in this run that the same table of ``published`` lacks."""
    counts: dict[str, int] = {}
    for table, key in conn.execute(PRIMARY_KEYS, [built]).fetchall():
        query = sql.SQL("select count(*) from {b} as n where {new}").format(
            b=sql.Identifier(built, table), new=_is_new(conn, published, table, "n", key)
        )
        (counts[table],) = conn.execute(query).fetchone()
    return counts


def new_examples(
    conn: psycopg.Connection, built: str, published: str, limit: int = EXAMPLES
) -> dict[str, list[tuple]]:
    """Up to ``limit`` new companies, partnerships and sales figures, by name."""
    examples: dict[str, list[tuple]] = {}
    for kind, template in NEW_EXAMPLES.items():
        table, alias, key = NEW_EXAMPLE_KEYS[kind]
        if not _exists(conn, built, table):
            continue
        query = sql.SQL(template).format(
            b=sql.Identifier(built), new=_is_new(conn, published, table, alias, key)
        )
        examples[kind] = [tuple(r) for r in conn.execute(query, [limit])]
    return examples


@dataclass
class WarehouseStatus:
    """What `autonews status` reads: the last runs, the published marts and who published them."""

    runs: list[tuple] = field(default_factory=list)
    mart_rows: dict[str, int] = field(default_factory=dict)
    published_by: tuple | None = None


LAST_RUNS = """
select run_id, status, started_at, finished_at - started_at,
       report -> 'ingest' ->> 'files_loaded', report -> 'extract' ->> 'documents',
       report -> 'extract' ->> 'failed', report -> 'freshness' ->> 'status', error_message
from meta.runs
order by run_id desc
limit %s
"""
LAST_PUBLISHING_RUN = """
select run_id, finished_at, now() - finished_at
from meta.runs
where status = 'succeeded'
order by run_id desc
limit 1
"""


def read_status(conn: psycopg.Connection, limit: int = 10) -> WarehouseStatus:
    """The last ``limit`` runs, the marts' row counts and the run that published them."""
    return WarehouseStatus(
        runs=[tuple(r) for r in conn.execute(LAST_RUNS, [limit])],
        mart_rows=warehouse.mart_row_counts(conn),
        published_by=conn.execute(LAST_PUBLISHING_RUN).fetchone(),
    )
