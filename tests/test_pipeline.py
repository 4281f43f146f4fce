"""The pipeline's steps: one document the extractor fails on costs that document, not the run."""

from __future__ import annotations

import dataclasses
import os
import signal
import time
from pathlib import Path

import psycopg
import pytest

from flows import pipeline
from flows.extract.extractor import Extractor
from flows.extract.models import Extraction, RawDocument
from flows.settings import load_settings

POISON = "Unlesbar"
ARTICLES = {
    "a.txt": "Toyota und Subaru entwickeln gemeinsam einen Sportwagen.\n",
    "b.txt": "Renault verkaufte im März 40.000 Autos in Frankreich.\n",
    "c.txt": f"{POISON}: BMW und Northvolt beenden ihre Zusammenarbeit.\n",
    "d.txt": "Volvo Cars and Geely share a new electric platform.\n",
}


def _poisoned_extract(original):
    """Extractor.extract that raises on the documents holding POISON (the fault injected)."""

    def extract(self: Extractor, doc: RawDocument) -> Extraction:
        if POISON in doc.body:
            raise ValueError("injected fault: cannot read this document")
        return original(self, doc)

    return extract


def _rows(url: str, statement: str) -> list[tuple]:
    """All rows of a query."""
    with psycopg.connect(url) as conn:
        return [tuple(row) for row in conn.execute(statement)]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_document_the_extractor_fails_on_costs_only_that_document(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    # With 2, batches run in worker processes (forked: they inherit the injected fault).
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    settings = dataclasses.replace(load_settings(), workers=workers, batch_size=2)
    pipeline.run_ingest(db, tmp_path, settings)
    monkeypatch.setattr(Extractor, "extract", _poisoned_extract(Extractor.extract))

    report = pipeline.run_extract(db, settings)

    assert (report.documents, report.failed) == (3, 1)
    [(failed_id, reason)] = report.failures
    assert reason == "ValueError: injected fault: cannot read this document"
    assert _rows(db, "select document_id, reason, attempts from staging.extraction_failures") == [
        (failed_id, reason, 1)
    ]
    # The other documents of its batch and of the others are extracted; the failed one has no
    # staging rows at all, and its raw text is kept.
    extracted = {row[0] for row in _rows(db, "select document_id from staging.extractions")}
    assert len(extracted) == 3 and failed_id not in extracted
    for table in ("documents", "company_mentions", "partnership_claims"):
        assert _rows(db, f"select 1 from staging.{table} where document_id = '{failed_id}'") == []
    assert _rows(db, f"select body from raw.documents where document_id = '{failed_id}'") == [
        (ARTICLES["c.txt"],)
    ]

    # Still failing: the next run tries it again and counts the attempt.
    again = pipeline.run_extract(db, settings)
    assert (again.documents, again.failed) == (0, 1)
    assert _rows(db, "select attempts from staging.extraction_failures") == [(2,)]

    # Once the extractor can read it, the next run extracts it for real.
    monkeypatch.undo()
    healed = pipeline.run_extract(db, settings)
    assert (healed.documents, healed.failed) == (1, 0)
    assert _rows(db, "select count(*) from staging.extraction_failures") == [(0,)]
    assert _rows(
        db,
        f"select company_a_id, company_b_id from staging.partnership_claims "
        f"where document_id = '{failed_id}'",
    ) == [("bmw", "northvolt")]


# Documents that misbehave in ways no exception reports: each costs its worker process.
SLOW, HUNGRY, FATAL, FLAKY = "Endlos", "Gefräßig", "Absturz", "Wackelig"
MISBEHAVING = {
    "a.txt": "Toyota und Subaru entwickeln gemeinsam einen Sportwagen.\n",
    "b.txt": f"{SLOW}: Renault verkaufte im März 40.000 Autos in Frankreich.\n",
    "c.txt": "Volvo Cars and Geely share a new electric platform.\n",
    "d.txt": f"{HUNGRY}: BMW und Northvolt beenden ihre Zusammenarbeit.\n",
    "e.txt": "Stellantis e Leapmotor firmano una joint venture.\n",
    "f.txt": f"{FATAL}: Nissan en Honda praten over een fusie.\n",
    "g.txt": "Mercedes-Benz übernimmt einen Anteil an BAIC.\n",
    "h.txt": f"{FLAKY}: Ford and Volkswagen extend their alliance.\n",
    "i.txt": "Hyundai verkaufte im Mai 5.000 Elektroautos in Deutschland.\n",
}


def _misbehaving_extract(original, flaky_marker: Path):
    """Extract.extract that hangs, eats memory or kills its process on the marked documents.

    The flaky document kills its process only the first time (a kill from outside, say).
    """

    def extract(self: Extractor, doc: RawDocument) -> Extraction:
        if SLOW in doc.body:
            time.sleep(3600)
        if HUNGRY in doc.body:
            hog = b"x" * (400 * 2**20)  # written, so resident
            time.sleep(3600)
            del hog
        if FATAL in doc.body:
            os.kill(os.getpid(), signal.SIGKILL)
        if FLAKY in doc.body and not flaky_marker.exists():
            flaky_marker.touch()
            os.kill(os.getpid(), signal.SIGKILL)
        return original(self, doc)

    return extract


@pytest.mark.parametrize("workers", [1, 2])
def test_a_document_over_budget_or_killing_its_worker_costs_only_that_document(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    source = tmp_path / "source"
    source.mkdir()
    for name, text in MISBEHAVING.items():
        (source / name).write_text(text, encoding="utf-8")
    settings = dataclasses.replace(
        load_settings(),
        workers=workers,
        batch_size=4,
        document_seconds=2,
        document_memory_mb=200,
    )
    pipeline.run_ingest(db, source, settings)
    ids = dict(_rows(db, "select source_path, document_id from raw.documents"))
    monkeypatch.setattr(
        Extractor, "extract", _misbehaving_extract(Extractor.extract, tmp_path / "flaky")
    )

    started = time.monotonic()
    report = pipeline.run_extract(db, settings)
    took = time.monotonic() - started

    # Each bad document costs its budget (or a worker), not the night.
    assert took < 60, took
    assert (report.documents, report.failed) == (6, 3)
    reasons = dict(_rows(db, "select document_id, reason from staging.extraction_failures"))
    assert reasons.keys() == {ids["b.txt"], ids["d.txt"], ids["f.txt"]}
    assert reasons[ids["b.txt"]] == "time budget exceeded: still reading after 2 s"
    assert reasons[ids["d.txt"]].startswith("memory budget exceeded: the document took ")
    assert reasons[ids["d.txt"]].endswith(" MB (budget 200 MB)")
    assert reasons[ids["f.txt"]] == "worker died while extracting (killed by SIGKILL)"
    # Every other document of every batch is extracted and written, the flaky one included:
    # a worker killed once from outside costs nothing.
    extracted = {row[0] for row in _rows(db, "select document_id from staging.extractions")}
    assert extracted == set(ids.values()) - set(reasons)
    assert (tmp_path / "flaky").exists()

    # The failed documents stay pending: the next run (and --reprocess) reads them again.
    monkeypatch.undo()
    healed = pipeline.run_extract(db, settings)
    assert (healed.documents, healed.failed) == (3, 0)
    assert _rows(db, "select count(*) from staging.extraction_failures") == [(0,)]
