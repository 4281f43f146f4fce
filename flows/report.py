"""The run report: recorded in meta.runs, shown in the terminal and as a Prefect artifact."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, is_dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import psycopg

from flows import warehouse
from flows.ingest import IngestReport
from flows.pipeline import ExtractReport
from flows.transform import DbtReport

TOP_COMPANIES = """
select company_name, mention_count, document_count
from marts.dim_companies
where mention_count > 0
order by mention_count desc, company_name
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
    seconds: dict[str, float] = field(default_factory=dict)
    mart_rows: dict[str, int] = field(default_factory=dict)
    new_rows: dict[str, int] = field(default_factory=dict)
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
        previous = conn.execute(
            "select report -> 'mart_rows' from meta.runs "
            "where status = 'succeeded' order by run_id desc limit 1"
        ).fetchone()
        before = (previous[0] if previous else None) or {}
        self.new_rows = {
            table: count - int(before.get(table, 0)) for table, count in self.mart_rows.items()
        }
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


def _table(headers: list[str], rows: list[list[Any]]) -> str:
    """A markdown table."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    for row in rows:
        lines.append("| " + " | ".join("" if v is None else str(_plain(v)) for v in row) + " |")
    return "\n".join(lines)


def render_markdown(report: RunReport) -> str:
    """The run report as markdown (the Prefect artifact)."""
    parts = [f"# autonews nightly run {report.run_id}: {report.status}"]
    if report.error:
        parts.append(f"**Error:** {report.error}")
    if report.ingest:
        i = report.ingest
        parts.append("## Files")
        parts.append(
            _table(
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
            parts.append(_table(["rejected file", "reason"], [list(r) for r in i.rejections]))
    if report.extract:
        e = report.extract
        parts.append("## Extraction")
        parts.append(
            _table(
                [
                    "documents",
                    "mentions",
                    "partnership claims",
                    "sales claims",
                    "workers",
                    "version",
                ],
                [
                    [
                        e.documents,
                        e.mentions,
                        e.partnerships,
                        e.sales,
                        e.workers,
                        e.extractor_version,
                    ]
                ],
            )
        )
    if report.dbt:
        parts.append("## dbt")
        parts.append(
            _table(
                ["tests passed", "tests failed", "nodes"],
                [[report.dbt.tests_passed, report.dbt.tests_failed, dict(report.dbt.statuses)]],
            )
        )
    if report.mart_rows:
        parts.append("## Marts")
        parts.append(
            _table(
                ["table", "rows", "new"],
                [[t, n, report.new_rows.get(t, 0)] for t, n in report.mart_rows.items()],
            )
        )
    if report.seconds:
        parts.append("## Time per step (s)")
        parts.append(_table(list(report.seconds), [list(report.seconds.values())]))
    return "\n\n".join(parts) + "\n"


def print_report(report: RunReport, console) -> None:
    """The run report as rich tables in the terminal."""
    from rich.table import Table

    def show(title: str, headers: list[str], rows: list) -> None:
        table = Table(title=title, title_justify="left")
        for header in headers:
            table.add_column(header)
        for row in rows:
            table.add_row(*("" if v is None else str(_plain(v)) for v in row))
        console.print(table)

    console.print(
        f"[bold]autonews run {report.run_id}: {report.status}[/bold]  ({report.source_dir})"
    )
    if report.ingest:
        i = report.ingest
        show(
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
        if i.rejections:
            show("Rejected files", ["file", "reason"], [list(r) for r in i.rejections])
    if report.extract:
        e = report.extract
        show(
            "Extraction",
            ["documents", "mentions", "partnership claims", "sales claims"],
            [[e.documents, e.mentions, e.partnerships, e.sales]],
        )
    if report.dbt:
        show(
            "dbt build",
            ["tests passed", "tests failed"],
            [[report.dbt.tests_passed, report.dbt.tests_failed]],
        )
    show(
        "Marts",
        ["table", "rows", "new"],
        [[t, n, report.new_rows.get(t, 0)] for t, n in report.mart_rows.items()],
    )
    show("Companies most in the news", ["company", "mentions", "documents"], report.top_companies)
    show(
        "Newest partnerships",
        ["company a", "company b", "type", "status", "last reported"],
        report.newest_partnerships,
    )
    show(
        "Latest sales figures",
        ["company", "metric", "value", "unit", "period", "grain", "market", "segment"],
        report.latest_sales,
    )
    show("Seconds per step", list(report.seconds), [list(report.seconds.values())])


def print_status(url: str, console, limit: int = 10) -> None:
    """The last runs, the marts' row counts and the newest document's age."""
    from rich.table import Table

    with warehouse.connect(url) as conn:
        runs = conn.execute(
            "select run_id, status, started_at, finished_at - started_at, "
            "report -> 'extract' ->> 'documents', error_message "
            "from meta.runs order by run_id desc limit %s",
            [limit],
        ).fetchall()
        counts = warehouse.mart_row_counts(conn)
        newest = conn.execute(
            "select max(loaded_at), now() - max(loaded_at) from raw.documents"
        ).fetchone()
    table = Table(title="Last runs", title_justify="left")
    for header in ["run", "status", "started", "took", "documents extracted", "error"]:
        table.add_column(header)
    for row in runs:
        table.add_row(*("" if v is None else str(v) for v in row))
    console.print(table)
    marts = Table(title="Marts", title_justify="left")
    marts.add_column("table")
    marts.add_column("rows")
    for name, count in counts.items():
        marts.add_row(name, str(count))
    console.print(marts)
    console.print(f"newest document loaded at {newest[0]} ({newest[1]} ago)")
