"""The whole nightly flow against PostgreSQL: files → raw → staging → dbt → marts."""

from __future__ import annotations

import importlib
import shutil
from pathlib import Path

import psycopg
import pytest
import yaml

from flows.nightly import nightly
from flows.settings import PROJECT_DIR, SAMPLE_DIR
from tests.conftest import MARTS, VOLATILE, mart_fingerprints


def test_prefect_yaml_entrypoints_import() -> None:
    config = yaml.safe_load((PROJECT_DIR / "prefect.yaml").read_text())
    deployments = {d["name"]: d for d in config["deployments"]}
    assert "nightly" in deployments
    for deployment in deployments.values():
        path, name = deployment["entrypoint"].split(":")
        module = importlib.import_module(path.removesuffix(".py").replace("/", "."))
        flow = getattr(module, name)
        assert flow.name == deployment["name"]
    (schedule,) = deployments["nightly"]["schedules"]
    assert schedule["cron"] == "0 2 * * *"
    assert schedule["timezone"] == "Europe/Berlin"


def test_samples_fill_every_mart_and_a_second_run_changes_nothing(db: str) -> None:
    report = nightly(source_dir=str(SAMPLE_DIR), database_url=db)
    assert report.status == "succeeded"
    assert report.ingest.files_rejected == 0
    first = mart_fingerprints(db)
    for table in MARTS:
        assert first[table][0] > 0, f"marts.{table} is empty"
    with psycopg.connect(db) as conn:
        # Evidence points at the text it came from.
        bad_offsets = conn.execute(
            """
            select count(*)
            from marts.fct_company_mentions as m
            join raw.documents as d using (document_id)
            left join staging.documents as s using (document_id)
            where substr(coalesce(s.text_body, d.body), m.char_start + 1, m.char_end - m.char_start)
                  <> m.surface_text
            """
        ).fetchone()[0]
        assert bad_offsets == 0
        assert conn.execute(
            "select count(*) from marts.fct_partnerships where evidence_text is null"
        ).fetchone() == (0,)
        statuses = {r[0] for r in conn.execute("select distinct status from meta.runs")}
        assert statuses == {"succeeded"}

    again = nightly(source_dir=str(SAMPLE_DIR), database_url=db)
    assert again.ingest.files_loaded == 0
    assert again.ingest.files_duplicate == report.ingest.files_seen
    assert again.extract.documents == 0
    assert again.build_skipped and again.dbt is None
    assert mart_fingerprints(db) == first


def test_reprocess_rebuilds_the_same_marts_from_raw(db: str) -> None:
    nightly(source_dir=str(SAMPLE_DIR), database_url=db)
    before = mart_fingerprints(db, ignore=VOLATILE)
    report = nightly(source_dir=str(SAMPLE_DIR), database_url=db, reprocess=True)
    assert report.extract.documents == report.mart_rows["dim_documents"]
    assert report.ingest.files_loaded == 0
    assert mart_fingerprints(db, ignore=VOLATILE) == before


def test_seed_articles_fill_every_mart(db: str, shared_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "seeds"
    shutil.copytree(shared_dir / "corpus" / "seeds", source)
    nightly(source_dir=str(source), database_url=db)
    counts = mart_fingerprints(db)
    for table in MARTS:
        assert counts[table][0] > 0, f"marts.{table} is empty"
    nightly(source_dir=str(source), database_url=db)
    assert mart_fingerprints(db) == counts


def test_a_run_over_a_missing_folder_fails_loudly(db: str, tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="source folder not found"):
        nightly(source_dir=str(tmp_path / "nope"), database_url=db)
    with psycopg.connect(db) as conn:
        assert conn.execute("select status from meta.runs").fetchall() == [("failed",)]
