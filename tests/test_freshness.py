"""Source freshness of the newest loaded document by the dbt project's rule, the one
implementation the nightly run records and `autonews status` shows; dbt's own
`source freshness` command is the oracle it must agree with."""

from __future__ import annotations

from datetime import timedelta

import psycopg
import pytest
import yaml

from flows import pipeline
from flows.freshness import SOURCE, check_freshness, format_age, freshness_rule
from flows.nightly import nightly
from flows.report import render_markdown
from flows.settings import DBT_PROJECT_DIR, SAMPLE_DIR, load_settings
from flows.transform import invoke_dbt
from tests.conftest import age_documents, sample_files

SOURCES_YML = DBT_PROJECT_DIR / "models" / "staging" / "autonews" / "_autonews__sources.yml"


def test_the_dbt_project_declares_freshness_on_loaded_at() -> None:
    (raw,) = [s for s in yaml.safe_load(SOURCES_YML.read_text())["sources"] if s["name"] == "raw"]
    (documents,) = [t for t in raw["tables"] if t["name"] == "documents"]
    config = documents["config"]
    assert config["loaded_at_field"] == "loaded_at"
    assert config["freshness"]["warn_after"] == {"count": 2, "period": "day"}
    assert config["freshness"]["error_after"] == {"count": 7, "period": "day"}
    rule = freshness_rule()
    assert rule.loaded_at_field == "loaded_at"
    assert (rule.warn_after, rule.error_after) == (timedelta(days=2), timedelta(days=7))


def _dbt_verdict(url: str) -> str:
    """dbt's own `source freshness` status for raw.documents."""
    result = invoke_dbt(url, "source", "freshness", "--select", SOURCE)
    return str(result.result.results[0].status)


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (None, "unknown"),
        (59, "0 min"),
        (3 * 3600 + 5 * 60, "3 h 5 min"),
        (2 * 86400, "2 d"),
        (7 * 86400 + 3 * 3600 + 59, "7 d 3 h"),
    ],
)
def test_ages_read_in_days_hours_and_minutes(seconds, text) -> None:
    assert format_age(seconds) == text


@pytest.mark.parametrize(("days", "expected"), [(0, "pass"), (3, "warn"), (8, "error")])
def test_dbt_source_freshness_of_the_newest_document(db: str, days: int, expected: str) -> None:
    pipeline.run_ingest(db, SAMPLE_DIR, load_settings())
    age_documents(db, days)
    freshness = check_freshness(db)
    assert freshness.status == expected
    assert timedelta(days=days) <= timedelta(seconds=freshness.age_seconds)
    assert timedelta(seconds=freshness.age_seconds) < timedelta(days=days, hours=1)
    assert (freshness.warn_after, freshness.error_after) == ("2 d", "7 d")


def test_the_verdict_agrees_with_dbts_own_source_freshness(db: str) -> None:
    assert check_freshness(db).status == _dbt_verdict(db) == "error"  # no document yet
    pipeline.run_ingest(db, SAMPLE_DIR, load_settings())
    for days in (0, 3, 5):  # 0, 3 and 8 days old in total
        age_documents(db, days)
        assert check_freshness(db).status == _dbt_verdict(db)


def test_freshness_without_any_document_is_an_error(db: str) -> None:
    freshness = check_freshness(db)
    assert freshness.status == "error"
    assert freshness.newest_loaded_at is None and freshness.age_seconds is None


def test_a_stale_source_is_reported_but_does_not_fail_the_run(db: str) -> None:
    pipeline.run_ingest(db, SAMPLE_DIR, load_settings())
    age_documents(db, 8)
    report = nightly(source_dir=str(SAMPLE_DIR), database_url=db)
    assert report.status == "succeeded"
    assert report.freshness.status == "error"
    assert report.freshness.age_seconds >= timedelta(days=8).total_seconds()
    assert report.mart_rows["dim_documents"] == len(sample_files())
    assert "| error |" in render_markdown(report)
    with psycopg.connect(db) as conn:
        (status,) = conn.execute(
            "select report -> 'freshness' ->> 'status' from meta.runs"
        ).fetchone()
    assert status == "error"
