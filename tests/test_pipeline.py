"""The pipeline's steps: one document the extractor fails on costs that document, not the run."""

from __future__ import annotations

import dataclasses
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
