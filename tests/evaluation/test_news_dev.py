"""The news_dev scorer's rules, on labels and system output written here."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from evaluation.news_dev import (
    Part,
    Report,
    SystemCompany,
    SystemDocument,
    SystemPair,
    SystemSale,
    load_parts,
    normalise,
    score,
    score_document,
)

FILE = "de_x_01.txt"
COMPANIES = {
    "volkswagen": ["Volkswagen", "VW", "Volkswagen-Konzern"],
    "xpeng": ["Xpeng"],
    "bmw": ["BMW"],
    "nio": ["Nio"],
    "reuters": ["Reuters"],
}


def write_part(folder: Path, name: str = "A", **sections: object) -> None:
    """A labels file of one part: the companies above, one document, and ``sections``."""
    labels = {
        "companies": COMPANIES,
        "documents": {
            FILE: {
                "language": "de",
                "published": "2024-03",
                "must": ["volkswagen", "xpeng"],
                "optional": ["reuters"],
            }
        },
        **sections,
    }
    (folder / f"labels_{name}.json").write_text(json.dumps(labels), encoding="utf-8")


def company(key: str, *names: str) -> SystemCompany:
    """A system company with its names as the scorer normalises them."""
    return SystemCompany(key, frozenset(normalise(n) for n in names))


def scored(part: Part, found: SystemDocument) -> Report:
    """The report of one document."""
    report = Report()
    score_document(report, part, FILE, found)
    return report


VW_XPENG = [company("vw", "Volkswagen Group"), company("xp", "XPeng", "Xpeng")]


@pytest.mark.parametrize(
    ("name", "normalised"),
    [
        ("Volkswagen AG", "volkswagen"),
        ("Škoda Auto a.s.", "skoda auto"),
        ("BYD Co., Ltd.", "byd"),
        ("Citroën", "citroen"),
        ("Stellantis N.V.", "stellantis n v"),
        ("Holding Group", "holding group"),
    ],
)
def test_names_lose_case_accents_punctuation_and_legal_form_words(name, normalised) -> None:
    assert normalise(name) == normalised


def test_load_parts_reads_every_labels_file_with_aliases_normalised(tmp_path: Path) -> None:
    write_part(tmp_path, "A")
    write_part(tmp_path, "B", sales={"must": [{"company": "bmw"}]})
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    first, second = load_parts(tmp_path)
    assert first.aliases["volkswagen"] == {"volkswagen", "vw", "volkswagen konzern"}
    assert first.sales_must == [] and second.sales_must == [{"company": "bmw"}]
    assert set(first.documents) == {FILE}


def test_companies_hit_by_any_name_miss_and_extra_but_optional_never_counts(
    tmp_path: Path,
) -> None:
    write_part(tmp_path)
    (part,) = load_parts(tmp_path)
    found = SystemDocument(
        companies=[
            company("vw", "Volkswagen Group", "VW"),
            company("r", "Reuters"),
            company("f", "Ford"),
        ]
    )
    report = scored(part, found)
    assert (report.companies.tp, report.companies.fp, report.companies.fn) == (1, 1, 1)
    assert f"{FILE}: company missed xpeng" in report.misses
    assert f"{FILE}: company extra ['ford']" in report.misses


def test_a_must_pair_is_hit_in_either_direction_with_type_and_status_checked(
    tmp_path: Path,
) -> None:
    must = {
        "a": "volkswagen",
        "b": "xpeng",
        "types": ["technology", "research"],
        "statuses": ["active"],
        "file": FILE,
        "why": "-",
    }
    write_part(tmp_path, partnerships={"must": [must]})
    (part,) = load_parts(tmp_path)
    right = SystemDocument(companies=VW_XPENG, pairs=[SystemPair("xp", "vw", "research", "active")])
    report = scored(part, right)
    assert (report.pairs.tp, report.pairs.fp, report.pairs.fn) == (1, 0, 0)
    assert (report.type_right.right, report.type_right.total) == (1, 1)
    assert (report.status_right.right, report.status_right.total) == (1, 1)
    wrong = SystemDocument(companies=VW_XPENG, pairs=[SystemPair("vw", "xp", "supply", "talks")])
    report = scored(part, wrong)
    assert report.pairs.tp == 1
    assert (report.type_right.right, report.status_right.right) == (0, 0)
    missed = scored(part, SystemDocument(companies=VW_XPENG))
    assert (missed.pairs.tp, missed.pairs.fn) == (0, 1)


def test_a_negative_pair_claimed_with_a_positive_status_is_a_false_positive(
    tmp_path: Path,
) -> None:
    pair = {"a": "volkswagen", "b": "xpeng", "file": FILE, "why": "-"}
    write_part(
        tmp_path,
        partnerships={
            "must": [{**pair, "types": ["acquisition"], "statuses": ["denied"]}],
            "negative": [{**pair, "ok_statuses": ["denied", "cancelled", "rejected"]}],
        },
    )
    (part,) = load_parts(tmp_path)
    positive = SystemDocument(
        companies=VW_XPENG, pairs=[SystemPair("vw", "xp", "acquisition", "planned")]
    )
    report = scored(part, positive)
    assert report.negatives_positive == 1
    assert (report.pairs.tp, report.pairs.fp) == (1, 1)
    assert (report.status_right.right, report.status_right.total) == (0, 1)
    denied = SystemDocument(
        companies=VW_XPENG, pairs=[SystemPair("vw", "xp", "acquisition", "denied")]
    )
    report = scored(part, denied)
    assert report.negatives_positive == 0
    assert (report.pairs.tp, report.pairs.fp, report.status_right.right) == (1, 0, 1)


def test_optional_pairs_are_free_and_unlabelled_pairs_are_false(tmp_path: Path) -> None:
    write_part(tmp_path, partnerships={"optional": [{"a": "volkswagen", "b": "reuters"}]})
    (part,) = load_parts(tmp_path)
    found = SystemDocument(
        companies=[*VW_XPENG, company("r", "Reuters")],
        pairs=[
            SystemPair("vw", "r", "other", "active"),
            SystemPair("vw", "xp", "supply", "active"),
        ],
    )
    report = scored(part, found)
    assert (report.pairs.tp, report.pairs.fp, report.pairs.fn) == (0, 1, 0)
    assert any("pair extra volkswagen-xpeng supply/active" in m for m in report.misses)


def test_sales_hit_within_tolerance_and_other_periods_or_optionals_are_neither(
    tmp_path: Path,
) -> None:
    write_part(
        tmp_path,
        sales={
            "must": [
                {
                    "company": "volkswagen",
                    "period": "2024-02",
                    "metric": "units",
                    "value": 1000,
                    "file": FILE,
                },
                {
                    "company": "xpeng",
                    "period": "2024",
                    "metric": "units",
                    "value": 77,
                    "file": FILE,
                },
            ],
            "optional": [{"company": "xpeng", "metric": "revenue", "value": 5}],
            "distractors": [{"file": FILE, "text": "Kapazität von 300.000 Autos pro Jahr"}],
        },
    )
    (part,) = load_parts(tmp_path)
    found = SystemDocument(
        companies=VW_XPENG,
        sales=[
            SystemSale("vw", "deliveries", Decimal("1004"), "2024-02"),
            SystemSale("vw", "units_sold", Decimal("1000"), "2024-01"),
            SystemSale("xp", "revenue", Decimal("5"), "2024"),
            SystemSale(
                "xp",
                "units_sold",
                Decimal("300000"),
                "2024",
                "300.000",
                "Die Kapazität von 300.000 Autos pro Jahr.",
            ),
        ],
    )
    report = scored(part, found)
    assert (report.sales.tp, report.sales.fp, report.sales.fn) == (1, 1, 1)
    assert report.distractors_hit == 1
    assert f"{FILE}: sales missed xpeng units 77 2024 ()" in report.misses


def test_score_reports_each_language_and_all(tmp_path: Path) -> None:
    write_part(tmp_path)
    parts = load_parts(tmp_path)
    found = SystemDocument(language="de", published="2024-03-12", companies=VW_XPENG)
    reports = score(parts, [(0, FILE, found)])
    assert set(reports) == {"de", "all"}
    for report in reports.values():
        assert report.docs == 1
        assert (report.companies.tp, report.companies.fp, report.companies.fn) == (2, 0, 0)
        assert str(report.language) == "1.00 (1/1)"
        assert str(report.published) == "1.00 (1/1)"
    wrong = SystemDocument(language="nl", published="2023-03-12")
    report = score(parts, [(0, FILE, wrong)])["all"]
    assert (report.language.right, report.published.right) == (0, 0)
