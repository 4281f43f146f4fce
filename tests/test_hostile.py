"""Hostile inputs beside ordinary articles: the night finishes, the articles reach the marts,
every hostile document is extracted or failed with its reason, and a second run changes nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import psycopg
import pytest

from flows.extract.extractor import Extractor
from flows.nightly import nightly
from flows.settings import SAMPLE_DIR
from tests.conftest import VOLATILE, mart_fingerprints
from tests.test_pipeline import POISON, _poisoned_extract

MB = 1_000_000
# Company names of the reference list, for the list and the records.
NAMES = ("BYD", "Tesla", "Volkswagen", "Stellantis", "Toyota", "BMW", "Renault", "Hyundai")


def _repeat(unit: str, size: int) -> str:
    """``unit`` repeated to about ``size`` characters."""
    return unit * (size // len(unit))


def _hostile_files() -> dict[str, str]:
    """The generated inputs, by file name (each under the ingest limit of 20 MB)."""
    words = "Absatz Werk Batterie Modell Markt Preis Fabrik Zulieferer Kunde Quartal "
    records = "\n".join(
        json.dumps({"id": i, "company": NAMES[i % len(NAMES)], "units": i * 7, "share": 0.5})
        for i in range(200_000)
    )
    nested = "<html><body>" + "<div>" * 10_000 + "BYD und Tesla." + "</div>" * 10_000
    return {
        "one-name.txt": _repeat("BYD ", 12 * MB),
        "no-sentence-end.txt": _repeat(words, 3 * MB),
        "name-list.txt": _repeat(", ".join(NAMES) + ", ", 2 * MB),
        # JSON Lines handed over as one text (a dump saved under another name).
        "records.txt": records,
        "nested.html": nested + "</body></html>",
        "numbers.txt": _repeat("4711 0815 3,14 2024 12.345.678 ", MB),
        "unreadable.txt": f"{POISON}: Toyota und Subaru bauen gemeinsam einen Sportwagen.\n",
    }


def _rows(url: str, statement: str) -> list[tuple]:
    """All rows of a query."""
    with psycopg.connect(url) as conn:
        return [tuple(row) for row in conn.execute(statement)]


@pytest.fixture
def hostile_folder(tmp_path: Path) -> Path:
    """Three bundled articles and the hostile files, side by side in one folder."""
    folder = tmp_path / "source"
    folder.mkdir()
    for sample in sorted(SAMPLE_DIR.glob("*.txt"))[:3]:
        shutil.copy(sample, folder / sample.name)
    for name, text in _hostile_files().items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_hostile_inputs_cost_at_most_themselves(
    db: str, hostile_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Budgets far above what these inputs need: the test is about their outcome, and a busy
    # machine must not turn a slow document into a failed one (tests/test_pipeline.py covers
    # the budgets).
    monkeypatch.setenv("AUTONEWS_DOCUMENT_SECONDS", "900")
    monkeypatch.setattr(Extractor, "extract", _poisoned_extract(Extractor.extract))

    first = nightly(source_dir=str(hostile_folder), database_url=db)

    assert first.status == "succeeded", first.error
    files = _rows(db, "select source_path, outcome, reason from raw.files order by source_path")
    assert {path for path, _, _ in files} == {p.name for p in hostile_folder.iterdir()}
    assert all(outcome == "loaded" for _, outcome, _ in files), files
    # Every document is extracted or failed with its reason; only the injected fault fails.
    outcomes = _rows(
        db,
        """
        select f.source_path, e.document_id is not null, x.reason
        from raw.files as f
        left join staging.extractions as e on e.document_id = f.document_id
        left join staging.extraction_failures as x on x.document_id = f.document_id
        """,
    )
    for path, extracted, reason in outcomes:
        assert extracted != (reason is not None), (path, extracted, reason)
    failed = {path: reason for path, _, reason in outcomes if reason is not None}
    assert failed == {"unreadable.txt": "ValueError: injected fault: cannot read this document"}
    # The ordinary articles are in the marts with what they say.
    samples = [p.name for p in sorted(SAMPLE_DIR.glob("*.txt"))[:3]]
    in_marts = _rows(
        db,
        """
        select f.source_path, count(c.company_id)
        from raw.files as f
        inner join marts.dim_documents as d on d.document_id = f.document_id
        left join marts.fct_document_companies as c on c.document_id = d.document_id
        group by f.source_path
        """,
    )
    counts = dict(in_marts)
    assert all(counts.get(name, 0) > 0 for name in samples), counts
    # The hostile texts name companies too, but within the caps of a document.
    assert counts["one-name.txt"] == 1  # BYD, once per document however often it is named

    before = mart_fingerprints(db, ignore=VOLATILE)
    second = nightly(source_dir=str(hostile_folder), database_url=db)

    assert second.status == "succeeded", second.error
    assert (second.ingest.files_loaded, second.extract.documents) == (0, 0)
    assert second.extract.failed == 1  # the unreadable document is tried again, and fails again
    assert mart_fingerprints(db, ignore=VOLATILE) == before
