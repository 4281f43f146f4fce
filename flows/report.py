"""How a run report is shown: the same tables in the terminal and as the Prefect artifact,
and `autonews status`. What a run records is flows/runs.py."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from flows.freshness import Freshness, format_age
from flows.runs import NEW_EXAMPLE_KEYS, RunReport, WarehouseStatus, plain

NEW_EXAMPLE_HEADERS = {
    "companies": ["company", "id", "sector", "mentions"],
    "partnerships": ["company a", "company b", "type", "status", "last reported"],
    "sales figures": ["company", "metric", "value", "unit", "period", "grain", "market", "segment"],
}


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
                [
                    "documents",
                    "mentions",
                    "partnership claims",
                    "sales claims",
                    "failed",
                    "workers",
                ],
                [[e.documents, e.mentions, e.partnerships, e.sales, e.failed, e.workers]],
            )
        )
        if e.failures:
            sections.append(
                Section(
                    "Documents the extractor could not read (kept in raw, tried again next run)",
                    ["document", "reason"],
                    [list(failure) for failure in e.failures],
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
    if isinstance(value, timedelta):
        return f"{value.total_seconds():.1f} s"
    return str(plain(value))


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


def _rich_table(section: Section):  # noqa: ANN202 - a rich Table
    """A section as a rich table for the terminal."""
    from rich.table import Table

    table = Table(title=section.title, title_justify="left")
    for header in section.headers:
        table.add_column(header)
    for row in section.rows:
        table.add_row(*(_cell(v) for v in row))
    return table


def print_report(report: RunReport, console) -> None:
    """The run report as rich tables in the terminal: the same tables as the artifact."""
    console.print(f"[bold]{headline(report)}[/bold]  ({report.source_dir})")
    if report.error:
        console.print(f"[red]error:[/red] {report.error}")
    for section in report_sections(report):
        console.print(_rich_table(section))


LAST_RUNS_HEADERS = [
    "run",
    "status",
    "started",
    "took",
    "files loaded",
    "documents extracted",
    "extraction failed",
    "freshness",
    "error",
]


def freshness_line(freshness: Freshness) -> str:
    """One line: the freshness status, the newest document's age and the thresholds."""
    when = "never"
    if freshness.newest_loaded_at is not None:
        when = f"{_cell(freshness.newest_loaded_at)} ({format_age(freshness.age_seconds)} ago)"
    line = (
        f"source freshness: {freshness.status} (newest document loaded {when}; "
        f"warn after {freshness.warn_after or '?'}, error after {freshness.error_after or '?'})"
    )
    return f"{line}: {freshness.message}" if freshness.status == "runtime error" else line


def print_status(status: WarehouseStatus, freshness: Freshness, console) -> None:
    """The last runs, the marts' row counts and who published them, the source freshness."""
    runs = Section("Last runs", LAST_RUNS_HEADERS, [list(r) for r in status.runs])
    console.print(_rich_table(runs) if status.runs else "no runs yet")
    marts = Section("Marts", ["table", "rows"], [list(r) for r in status.mart_rows.items()])
    console.print(_rich_table(marts) if status.mart_rows else "no marts published yet")
    if status.published_by:
        run_id, finished_at, age = status.published_by
        console.print(
            f"marts published by run {run_id} at {_cell(finished_at)} "
            f"({format_age(age.total_seconds())} ago)"
        )
    console.print(freshness_line(freshness), highlight=False)
