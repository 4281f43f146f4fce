"""news_dev scored through the marts: the pipeline builds them from a folder of texts, and each
file's mart rows are read back in the scorer's terms."""

from __future__ import annotations

import json
from pathlib import Path

import psycopg
import pytest

from evaluation import marts
from evaluation.news_dev import load_parts, read_with_extractor, score
from flows.extract import Extractor, load_reference

TEXTS = {
    "de_t_01.txt": (
        "Wolfsburg, 12. März 2024 – Volkswagen kooperiert mit Xpeng bei Elektroautos für China. "
        "Tesla verkaufte im Februar 2024 in Deutschland 6.000 Fahrzeuge."
    ),
    "en_t_01.txt": (
        "March 5, 2024 – BMW denied reports that it would buy a stake in Nio. "
        "Renault sold 120,000 cars in January 2024. "
        "The new plant has a capacity of 300,000 cars a year."
    ),
}
# The same text again under another name: ingest stores it once, as a duplicate file.
COPY = ("en_t_02.txt", "en_t_01.txt")
LABELS = {
    "companies": {
        "volkswagen": ["Volkswagen"],
        "xpeng": ["Xpeng"],
        "tesla": ["Tesla"],
        "bmw": ["BMW"],
        "nio": ["Nio"],
        "renault": ["Renault"],
    },
    "documents": {
        "de_t_01.txt": {
            "language": "de",
            "published": "2024-03-12",
            "must": ["volkswagen", "xpeng", "tesla"],
        },
        "en_t_01.txt": {
            "language": "en",
            "published": "2024-03-05",
            "must": ["bmw", "nio", "renault"],
        },
        "en_t_02.txt": {
            "language": "en",
            "published": "2024-03-05",
            "must": ["bmw", "nio", "renault"],
        },
    },
    "partnerships": {
        "must": [
            {
                "a": "volkswagen",
                "b": "xpeng",
                "types": ["technology"],
                "file": "de_t_01.txt",
                "why": "-",
            },
            {
                "a": "bmw",
                "b": "nio",
                "types": ["equity_investment"],
                "statuses": ["denied"],
                "file": "en_t_01.txt",
                "why": "-",
            },
        ],
        "negative": [
            {"a": "bmw", "b": "nio", "ok_statuses": ["denied"], "file": "en_t_01.txt", "why": "-"}
        ],
    },
    "sales": {
        "must": [
            {
                "company": "tesla",
                "period": "2024-02",
                "metric": "units",
                "value": 6000,
                "file": "de_t_01.txt",
            },
            {
                "company": "renault",
                "period": "2024-01",
                "metric": "units",
                "value": 120000,
                "file": "en_t_01.txt",
            },
        ],
        "distractors": [{"file": "en_t_01.txt", "text": "a capacity of 300,000 cars a year"}],
    },
}


@pytest.fixture(scope="module")
def labelled_set(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A labelled set in the news_dev layout: texts/ and a labels file."""
    folder = tmp_path_factory.mktemp("news")
    (folder / "texts").mkdir()
    for name, text in TEXTS.items():
        (folder / "texts" / name).write_text(text, encoding="utf-8")
    copy, original = COPY
    (folder / "texts" / copy).write_text(TEXTS[original], encoding="utf-8")
    (folder / "labels_T.json").write_text(json.dumps(LABELS), encoding="utf-8")
    return folder


def test_marts_built_from_the_texts_score_like_the_extractor(
    empty_db: str, labelled_set: Path
) -> None:
    texts = labelled_set / "texts"
    marts.build(empty_db, texts)
    with psycopg.connect(empty_db) as conn:
        paths = [p for (p,) in conn.execute("select source_path from marts.dim_documents")]
        pairs = conn.execute(
            "select company_a_id, company_b_id, status from marts.fct_partnership_mentions"
        ).fetchall()
    assert sorted(paths) == sorted(TEXTS)
    assert ("bmw", "nio", "denied") in pairs
    parts = load_parts(labelled_set)
    missing: list[str] = []
    built = score(parts, marts.read_through_marts(empty_db, parts, texts, missing))
    assert missing == [COPY[0]]
    report = built["all"]
    assert report.docs == 3
    # The duplicate file has no rows of its own: its three companies are missed.
    assert (report.companies.tp, report.companies.fp, report.companies.fn) == (6, 0, 3)
    assert (report.pairs.tp, report.pairs.fp, report.pairs.fn) == (2, 0, 0)
    assert (report.status_right.right, report.status_right.total) == (1, 1)
    assert report.negatives_positive == 0
    assert (report.sales.tp, report.sales.fp, report.sales.fn) == (2, 0, 0)
    assert report.distractors_hit == 0
    assert str(built["de"].published) == "1.00 (1/1)"
    extracted = score(parts, read_with_extractor(Extractor(load_reference()), parts, labelled_set))
    assert extracted["de"] == built["de"]
    # The extractor reads the copy as a document of its own; the marts hold its text once.
    assert (extracted["all"].companies.tp, extracted["all"].companies.fn) == (9, 0)
