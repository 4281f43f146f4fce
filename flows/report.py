"""The run report: recorded in meta.runs, shown in the terminal and as a Prefect artifact."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, is_dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any, TextIO

import psycopg
from psycopg import sql

from flows import warehouse
from flows.ingest import IngestReport
from flows.pipeline import ExtractReport
from flows.settings import DBT_PROJECT_DIR
from flows.transform import DbtReport

SOURCES_YML = DBT_PROJECT_DIR / "models" / "staging" / "autonews" / "_autonews__sources.yml"
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
NEW_EXAMPLE_HEADERS = {
    "companies": ["company", "id", "sector", "mentions"],
    "partnerships": ["company a", "company b", "type", "status", "last reported"],
    "sales figures": ["company", "metric", "value", "unit", "period", "grain", "market", "segment"],
}


def _plain(value: Any) -> Any:
    """Make a value JSON-friendly."""
    if is_dataclass(value):
        return _plain(asdict(value))
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    return value


def format_age(seconds: float | None) -> str:
    """An age in seconds as days, hours and minutes (``2 d 3 h``)."""
    if seconds is None:
        return "unknown"
    minutes = int(seconds // 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return f"{days} d {hours} h" if hours else f"{days} d"
    if hours:
        return f"{hours} h {minutes} min"
    return f"{minutes} min"


@dataclass
class Freshness:
    """dbt source freshness of the newest loaded document (raw.documents.loaded_at)."""

    status: str
    newest_loaded_at: datetime | None = None
    age_seconds: float | None = None
    warn_after: str = ""
    error_after: str = ""
    message: str | None = None


def _period(rule: dict) -> timedelta:
    """A dbt freshness rule (``count``, ``period``) as a timedelta."""
    return timedelta(**{f"{rule['period']}s": int(rule["count"])})


def freshness_thresholds() -> tuple[timedelta, timedelta]:
    """Warn and error thresholds of raw.documents, as the dbt project declares them."""
    import yaml

    config = yaml.safe_load(SOURCES_YML.read_text())
    (raw,) = [s for s in config["sources"] if s["name"] == "raw"]
    (documents,) = [t for t in raw["tables"] if t["name"] == "documents"]
    rules = documents["config"]["freshness"]
    return _period(rules["warn_after"]), _period(rules["error_after"])


def freshness_status(age: timedelta | None) -> str:
    """pass, warn or error for an age of the newest document, by the dbt thresholds."""
    warn, error = freshness_thresholds()
    if age is None or age >= error:
        return "error"
    return "warn" if age >= warn else "pass"


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

    def compare(self, conn: psycopg.Connection, built: str, published: str) -> None:
        """Count the rows of the built marts that the published marts lack, by primary key."""
        self.new_rows = count_new_rows(conn, built, published)
        self.new_examples = new_examples(conn, built, published)

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
        return _plain(self)


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
class Section:
    """One table of the report, rendered the same way as markdown and in the terminal."""

    title: str
    headers: list[str]
    rows: list[list[Any]]


def report_sections(report: RunReport) -> list[Section]:
    """The report's tables, in the order they are shown."""
    sections: list[Section] = []
    if report.ingest:
        i = report.ingest
        sections.append(
            Section(
                "Files",
                ["seen", "loaded", "duplicate", "rejected", "new documents"],
                [
                    [
                        i.files_seen,
                        i.files_loaded,
                        i.files_duplicate,
                        i.files_rejected,
                        i.documents_loaded,
                    ]
                ],
            )
        )
        if i.rejections:
            sections.append(
                Section("Rejected files", ["file", "reason"], [list(r) for r in i.rejections])
            )
    if report.freshness:
        f = report.freshness
        sections.append(
            Section(
                "Source freshness (newest document)",
                ["status", "newest loaded at", "age", "warn after", "error after"],
                [
                    [
                        f.status,
                        f.newest_loaded_at,
                        format_age(f.age_seconds),
                        f.warn_after,
                        f.error_after,
                    ]
                ],
            )
        )
    if report.extract:
        e = report.extract
        sections.append(
            Section(
                "Extraction",
                ["documents", "mentions", "partnership claims", "sales claims", "workers"],
                [[e.documents, e.mentions, e.partnerships, e.sales, e.workers]],
            )
        )
    if report.dbt:
        d = report.dbt
        sections.append(
            Section(
                "dbt tests",
                ["passed", "of which warned", "failed"],
                [[d.tests_passed, d.statuses.get("warn", 0), d.tests_failed]],
            )
        )
    if report.build_skipped:
        sections.append(
            Section(
                "dbt",
                ["build"],
                [["skipped: nothing changed since the last build, the marts stand as they are"]],
            )
        )
    if report.new_rows:
        new = [
            [kind, report.new_rows.get(table, 0)]
            for kind, (table, _, _) in NEW_EXAMPLE_KEYS.items()
        ]
        sections.append(Section("New in this run", ["what", "new"], new))
        for kind, rows in report.new_examples.items():
            if rows:
                sections.append(
                    Section(f"New {kind}", NEW_EXAMPLE_HEADERS[kind], [list(r) for r in rows])
                )
    if report.mart_rows:
        sections.append(
            Section(
                "Marts",
                ["table", "rows", "new"],
                [[t, n, report.new_rows.get(t, 0)] for t, n in report.mart_rows.items()],
            )
        )
    if report.top_companies:
        sections.append(
            Section(
                "Companies most in the news",
                ["company", "stories as subject", "stories", "mentions"],
                [list(r) for r in report.top_companies],
            )
        )
    if report.newest_partnerships:
        sections.append(
            Section(
                "Newest partnerships",
                ["company a", "company b", "type", "status", "last reported"],
                [list(r) for r in report.newest_partnerships],
            )
        )
    if report.latest_sales:
        sections.append(
            Section(
                "Latest sales figures",
                NEW_EXAMPLE_HEADERS["sales figures"],
                [list(r) for r in report.latest_sales],
            )
        )
    if report.seconds:
        sections.append(
            Section("Time per step (s)", list(report.seconds), [list(report.seconds.values())])
        )
    return sections


def _cell(value: Any) -> str:
    """A table cell as text."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    return str(_plain(value))


def _markdown_table(section: Section) -> str:
    """A section as a markdown table."""

    def escape(value: Any) -> str:
        return _cell(value).replace("|", "\\|").replace("\n", " ")

    lines = [
        "| " + " | ".join(escape(h) for h in section.headers) + " |",
        "|" + "---|" * len(section.headers),
    ]
    lines += ["| " + " | ".join(escape(v) for v in row) + " |" for row in section.rows]
    return "\n".join(lines)


def headline(report: RunReport) -> str:
    """One line: run id and status."""
    return f"autonews nightly run {report.run_id}: {report.status}"


def render_markdown(report: RunReport) -> str:
    """The run report as markdown (the Prefect artifact)."""
    parts = [f"# {headline(report)}", f"Source folder: `{report.source_dir}`"]
    if report.error:
        parts.append(f"**Error:** {report.error}")
    for section in report_sections(report):
        parts.append(f"## {section.title}")
        parts.append(_markdown_table(section))
    return "\n\n".join(parts) + "\n"


def print_report(report: RunReport, console) -> None:
    """The run report as rich tables in the terminal: the same tables as the artifact."""
    from rich.table import Table

    console.print(f"[bold]{headline(report)}[/bold]  ({report.source_dir})")
    if report.error:
        console.print(f"[red]error:[/red] {report.error}")
    for section in report_sections(report):
        table = Table(title=section.title, title_justify="left")
        for header in section.headers:
            table.add_column(header)
        for row in section.rows:
            table.add_row(*(_cell(v) for v in row))
        console.print(table)


def progress_wanted(stream: TextIO | None = None, environ: dict | None = None) -> bool:
    """Progress bars only in an interactive terminal: stdout is a TTY and CI is not set."""
    stream = sys.stdout if stream is None else stream
    environ = os.environ if environ is None else environ
    if environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


@contextmanager
def step_progress(
    description: str, stream: TextIO | None = None, environ: dict | None = None
) -> Iterator[Callable[[int, int], None] | None]:
    """A rich progress bar for a long step; yields ``update(done, total)``, or None when quiet."""
    stream = sys.stdout if stream is None else stream
    if not progress_wanted(stream, environ):
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.fields[count]}"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=Console(file=stream), transient=True) as progress:
        task = progress.add_task(description, total=None, count="")

        def update(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total or None, count=f"{done}/{total}")

        yield update


def print_status(url: str, console, limit: int = 10) -> None:
    """The last runs, the marts' row counts and when they were built, the newest document's age."""
    from rich.table import Table

    with warehouse.connect(url) as conn:
        runs = conn.execute(
            "select run_id, status, started_at, finished_at - started_at, "
            "report -> 'ingest' ->> 'files_loaded', report -> 'extract' ->> 'documents', "
            "report -> 'freshness' ->> 'status', error_message "
            "from meta.runs order by run_id desc limit %s",
            [limit],
        ).fetchall()
        counts = warehouse.mart_row_counts(conn)
        built = conn.execute(
            "select run_id, finished_at, now() - finished_at from meta.runs "
            "where status = 'succeeded' order by run_id desc limit 1"
        ).fetchone()
        newest, age = conn.execute(
            "select max(loaded_at), now() - max(loaded_at) from raw.documents"
        ).fetchone()
    table = Table(title="Last runs", title_justify="left")
    headers = ["run", "status", "started", "took", "files loaded", "documents extracted"]
    for header in [*headers, "freshness", "error"]:
        table.add_column(header)
    for row in runs:
        table.add_row(*("" if v is None else str(v) for v in row))
    console.print(table if runs else "no runs yet")
    marts = Table(title="Marts", title_justify="left")
    marts.add_column("table")
    marts.add_column("rows")
    for name, count in counts.items():
        marts.add_row(name, str(count))
    console.print(marts if counts else "no marts published yet")
    if built:
        age_built = format_age(built[2].total_seconds())
        console.print(f"marts published by run {built[0]} at {built[1]} ({age_built} ago)")
    warn, error = freshness_thresholds()
    status = freshness_status(age)
    when = f"{newest} ({format_age(age.total_seconds())} ago)" if newest else "never"
    console.print(
        f"source freshness: {status} (newest document loaded {when}; "
        f"warn after {format_age(warn.total_seconds())}, "
        f"error after {format_age(error.total_seconds())})"
    )
