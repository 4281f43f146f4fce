"""The run report (recorded in meta.runs, shown in the terminal and as the Prefect artifact)
and `autonews status`."""

from __future__ import annotations

import io
import os
from pathlib import Path

import psycopg
import pytest
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId
from rich.console import Console

from flows import cli, pipeline
from flows.freshness import Freshness
from flows.nightly import REPORT_ARTIFACT_KEY
from flows.report import freshness_line, print_report, render_markdown, report_sections
from flows.runs import RunReport, count_new_rows
from flows.settings import SAMPLE_DIR, load_settings
from tests.conftest import SampleRun, age_documents, sample_files

STEPS = [
    "migrate",
    "ingest",
    "freshness",
    "extract",
    "stories",
    "dbt build",
    "compare",
    "publish",
]


# --- the run report ---------------------------------------------------------------------


def test_the_report_counts_files_new_rows_tests_freshness_and_time(sample_run: SampleRun) -> None:
    report = sample_run.report
    assert report.status == "succeeded"
    files = len(sample_files())
    assert report.ingest.files_seen == report.ingest.files_loaded == files
    assert report.ingest.files_duplicate == report.ingest.files_rejected == 0
    # The first run: every row is new by primary key, but of the companies only those the
    # documents name; the reference list alone is no news.
    with psycopg.connect(sample_run.url) as conn:
        (named,) = conn.execute(
            "select count(*) from marts.dim_companies where mention_count > 0"
        ).fetchone()
    assert 0 < named == report.new_rows["dim_companies"] < report.mart_rows["dim_companies"]
    assert {t: n for t, n in report.new_rows.items() if t != "dim_companies"} == {
        t: n for t, n in report.mart_rows.items() if t != "dim_companies"
    }
    assert report.new_rows["fct_partnerships"] > 0
    assert report.new_rows["fct_sales"] > 0
    assert set(report.new_examples) == {"companies", "partnerships", "sales figures"}
    top = report.new_examples["companies"]
    assert 0 < len(top) <= 10
    assert [row[3] for row in top] == sorted((row[3] for row in top), reverse=True)
    assert report.dbt.tests_passed > 0 and report.dbt.tests_failed == 0
    assert report.freshness.status == "pass"
    assert 0 <= report.freshness.age_seconds < 3600
    assert list(report.seconds) == STEPS
    assert all(seconds >= 0 for seconds in report.seconds.values())


def test_the_report_artifact_can_be_read_back_from_the_prefect_api(
    sample_run: SampleRun,
) -> None:
    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(
                flow_run_id=ArtifactFilterFlowRunId(any_=[sample_run.flow_run_id])
            )
        )
    (artifact,) = [a for a in artifacts if a.key == REPORT_ARTIFACT_KEY]
    assert artifact.type == "markdown"
    markdown = artifact.data
    assert markdown == render_markdown(sample_run.report)
    report = sample_run.report
    assert markdown.startswith(f"# autonews nightly run {report.run_id}: succeeded")
    files = len(sample_files())
    assert f"| {files} | {files} | 0 | 0 | {files} |" in markdown
    for title in [
        "Files",
        "Source freshness (newest document)",
        "dbt tests",
        "New in this run",
        "New companies",
        "New partnerships",
        "New sales figures",
        "Marts",
        "Time per step (s)",
    ]:
        assert f"\n## {title}\n" in markdown
    assert f"| companies | {report.new_rows['dim_companies']} |" in markdown
    assert f"| {report.dbt.tests_passed} | 0 | 0 |" in markdown
    assert "| " + " | ".join(STEPS) + " |" in markdown


def test_the_terminal_shows_the_same_tables(sample_run: SampleRun) -> None:
    out = io.StringIO()
    print_report(sample_run.report, Console(file=out, width=250, color_system=None))
    text = out.getvalue()
    markdown = render_markdown(sample_run.report)
    sections = report_sections(sample_run.report)
    assert len(sections) >= 10
    for section in sections:
        assert section.title in text and f"## {section.title}" in markdown
        for header in section.headers:
            assert header in text
        first = [str(v) for v in section.rows[0] if v is not None and not isinstance(v, float)]
        for value in first:
            assert value.split()[0] in text, f"{section.title}: {value}"


def test_the_run_is_recorded_with_its_report(sample_run: SampleRun) -> None:
    with psycopg.connect(sample_run.url) as conn:
        status, report = conn.execute(
            "select status, report from meta.runs where run_id = %s", [sample_run.report.run_id]
        ).fetchone()
    assert status == "succeeded"
    assert report["freshness"]["status"] == "pass"
    assert report["new_rows"]["fct_sales"] == report["mart_rows"]["fct_sales"]
    assert 0 < report["new_rows"]["dim_companies"] < report["mart_rows"]["dim_companies"]
    assert report["dbt"]["tests_failed"] == 0


def test_new_companies_are_those_the_documents_name_for_the_first_time(db: str) -> None:
    with psycopg.connect(db, autocommit=True) as conn:
        for schema in ("built", "published"):
            conn.execute(f"create schema {schema}")
            conn.execute(
                f"create table {schema}.dim_companies "
                "(company_id text primary key, mention_count bigint not null)"
            )
            conn.execute(f"create table {schema}.fct_sales (sales_id text primary key)")
        conn.execute(
            "insert into built.dim_companies values "
            "('listed-never-named', 0), ('named-before', 4), ('named-now', 1), ('discovered', 2)"
        )
        conn.execute(
            "insert into published.dim_companies values "
            "('listed-never-named', 0), ('named-before', 3), ('named-now', 0)"
        )
        conn.execute("insert into built.fct_sales values ('a'), ('b')")
        conn.execute("insert into published.fct_sales values ('a')")
        assert count_new_rows(conn, "built", "published") == {"dim_companies": 2, "fct_sales": 1}
        # A first run: nothing published yet, and the reference list alone is no news.
        conn.execute("drop schema published cascade")
        assert count_new_rows(conn, "built", "published") == {"dim_companies": 3, "fct_sales": 2}


def test_rejected_files_are_listed_with_their_reasons(tmp_path: Path) -> None:
    from flows.ingest import IngestReport

    report = RunReport(source_dir=str(tmp_path), extractor_version="x", run_id=7)
    report.ingest = IngestReport(batch_id=1, files_seen=2, files_loaded=1, files_rejected=1)
    report.ingest.rejections = [("bad|name.json", "invalid JSON: line 1")]
    markdown = render_markdown(report)
    assert "## Rejected files" in markdown
    assert "| bad\\|name.json | invalid JSON: line 1 |" in markdown


# --- autonews status --------------------------------------------------------------------


@pytest.fixture
def run_cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture):
    """Run `autonews ...` in-process against a database; return its exit status and output."""
    for key, value in {**cli.PREFECT_DEFAULTS, "COLUMNS": "200"}.items():
        monkeypatch.setenv(key, os.environ.get(key, value))
    monkeypatch.setenv("PREFECT_HOME", os.environ.get("PREFECT_HOME", "unused"))

    def run(url: str, *argv: str) -> tuple[int, str]:
        monkeypatch.setenv("DATABASE_URL", url)
        capsys.readouterr()
        code = cli.main(list(argv))
        return code, capsys.readouterr().out

    return run


def test_status_prints_the_last_runs_row_counts_and_freshness(
    sample_run: SampleRun, run_cli
) -> None:
    code, out = run_cli(sample_run.url, "status")
    assert code == 0
    report = sample_run.report
    assert "Last runs" in out
    run_line = next(line for line in out.splitlines() if f" {report.run_id} " in line)
    assert "succeeded" in run_line and " pass " in run_line
    for table, count in report.mart_rows.items():
        assert any(table in line and f" {count} " in line for line in out.splitlines()), table
    assert f"marts published by run {report.run_id} at " in out
    assert "source freshness: pass (newest document loaded 20" in out
    assert "warn after 2 d, error after 7 d" in out


def test_status_of_an_empty_warehouse(db: str, run_cli) -> None:
    code, out = run_cli(db, "status")
    assert code == 0
    assert "no runs yet" in out
    assert "no marts published yet" in out
    assert "source freshness: error (newest document loaded never" in out


def test_status_warns_about_a_stale_source(db: str, run_cli) -> None:
    pipeline.run_ingest(db, SAMPLE_DIR, load_settings())
    age_documents(db, 3)
    code, out = run_cli(db, "status", "--limit", "1")
    assert code == 0
    assert "source freshness: warn (newest document loaded 20" in out
    assert "(3 d 0 h ago" in out or "(3 d ago" in out


def test_status_says_why_freshness_could_not_be_read() -> None:
    broken = Freshness(status="runtime error", message="dbt could not connect")
    assert freshness_line(broken) == (
        "source freshness: runtime error (newest document loaded never; "
        "warn after ?, error after ?): dbt could not connect"
    )
