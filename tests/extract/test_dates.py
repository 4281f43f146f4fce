"""Publication dates per language: header, dateline, text, never the future."""

from __future__ import annotations

from datetime import date

import pytest

from flows.extract.dates import dateline, header_date, text_date
from flows.extract.periods import Anchor, find_period

from .conftest import TODAY, doc


def test_header_gives_month_precision() -> None:
    found = header_date(" date 2021-03 Na Apple, Huawei en Sony gaat ook Xiaomi.", TODAY)
    assert found is not None
    assert (found.value, found.precision) == (date(2021, 3, 1), "month")


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Titel\n\nDüsseldorf, 20.04.2023\n\nDie Gruppe", "de", date(2023, 4, 20)),
        ("Titel\n\n1. März 2025\n\nDer Text", "de", date(2025, 3, 1)),
        ("Amsterdam, 5 februari 2025 - De fabrikant", "nl", date(2025, 2, 5)),
        ("Torino, 3 gennaio 2025 – Il gruppo", "it", date(2025, 1, 3)),
        ("DETROIT, January 2, 2025 - The company", "en", date(2025, 1, 2)),
        ("mar 3 gennaio 2025", "it", date(2025, 1, 3)),
    ],
)
def test_datelines(text: str, language: str, expected: date) -> None:
    found = dateline(text, language, TODAY)
    assert found is not None and found.value == expected and found.precision == "day"


def test_future_dates_are_ignored() -> None:
    assert dateline("Berlin, 20.04.2031\n\nText", "de", TODAY) is None


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("mar 4 febbraio 2025", "it", date(2025, 2, 4)),  # mar = martedì, not marzo
        ("Mi, 5. März 2025", "de", date(2025, 3, 5)),
        ("di 4 maart 2025", "nl", date(2025, 3, 4)),
    ],
)
def test_weekday_abbreviation_is_not_a_month(text: str, language: str, expected: date) -> None:
    found = text_date(text, language, TODAY)
    assert found is not None and found.value == expected


def test_text_date_takes_latest_stated_date() -> None:
    found = text_date("Am 11. Mai 2024 und am 14. Februar 2025 war es so.", "de", TODAY)
    assert found is not None and found.value == date(2025, 2, 14)


def test_document_without_date_has_none(extractor) -> None:
    meta = extractor.extract(doc("Tesla baut Autos.\n\nMehr nicht.")).meta
    assert meta.published_date is None and meta.date_source is None


@pytest.mark.parametrize(
    ("sentence", "language", "start", "end", "grain"),
    [
        (
            "Kia lag im Januar mit 41.208 Einheiten vorne",
            "de",
            date(2025, 1, 1),
            date(2025, 1, 31),
            "month",
        ),
        ("Im Jahr 2024 verkaufte Tesla", "de", date(2024, 1, 1), date(2024, 12, 31), "year"),
        ("im ersten Quartal 2024", "de", date(2024, 1, 1), date(2024, 3, 31), "quarter"),
        ("bis Ende Mai", "de", date(2024, 1, 1), date(2024, 5, 31), "ytd"),
        ("im Vorjahr", "de", date(2024, 1, 1), date(2024, 12, 31), "year"),
        ("last year", "en", date(2024, 1, 1), date(2024, 12, 31), "year"),
        ("nel primo trimestre 2024", "it", date(2024, 1, 1), date(2024, 3, 31), "quarter"),
        ("in december", "nl", date(2024, 12, 1), date(2024, 12, 31), "month"),
    ],
)
def test_periods_relative_to_article(sentence, language, start, end, grain) -> None:
    period = find_period(sentence, language, Anchor(date(2025, 3, 1), exact=True))
    assert period is not None
    assert (period.start, period.end, period.grain) == (start, end, grain)
