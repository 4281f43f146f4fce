"""Periods of sales figures: outright, relative to the article, relative to the text's focus."""

from __future__ import annotations

from datetime import date

import pytest

from flows.extract.periods import BASE, BOUND, STATED, Anchor, find_period, period_mentions

from .conftest import doc

EXACT = Anchor(date(2024, 4, 2), exact=True)


def _sales(extractor, text: str) -> list:
    return extractor.extract(doc(text)).sales


def _periods(rows) -> list[tuple]:
    return [(r.company_id, r.value_text, r.period_start, r.period_grain) for r in rows]


@pytest.mark.parametrize(
    ("text", "language", "roles"),
    [
        ("mehr verkauft als 2022", "de", [BASE]),
        ("compared with 35,000 vehicles last year", "en", [BASE]),
        ("una crescita del 9% rispetto al 2022", "it", [BASE]),
        ("meer dan in 2021", "nl", [BASE]),
        ("seit 2019 an der Spitze", "de", [BOUND]),
        ("wants to sell a million cars by 2030", "en", [BOUND]),
        ("entro il 2030", "it", [BOUND]),
        ("broke its 2021 record", "en", [BOUND]),
        ("named the 2022 European Car Of The Year by the jury", "en", [BOUND]),
        ("im Mai 2024", "de", [STATED]),
    ],
)
def test_a_period_is_stated_compared_with_or_a_bound(text, language, roles) -> None:
    assert [m.role for m in period_mentions(text, language, EXACT)] == roles


@pytest.mark.parametrize(
    ("text", "language", "start", "grain"),
    [
        ("vorige maand", "nl", date(2024, 3, 1), "month"),
        ("il mese scorso", "it", date(2024, 3, 1), "month"),
        ("im vergangenen Monat", "de", date(2024, 3, 1), "month"),
        ("last month", "en", date(2024, 3, 1), "month"),
        ("in March last year", "en", date(2023, 3, 1), "month"),
        ("in maart vorig jaar", "nl", date(2023, 3, 1), "month"),
        ("im abgelaufenen Jahr", "de", date(2023, 1, 1), "year"),
        ("lo scorso anno", "it", date(2023, 1, 1), "year"),
        ("in diesem Februar", "de", date(2024, 2, 1), "month"),
        ("a febbraio di quest'anno", "it", date(2024, 2, 1), "month"),
    ],
)
def test_periods_relative_to_the_article(text, language, start, grain) -> None:
    period = find_period(text, language, EXACT)
    assert period is not None and (period.start, period.grain) == (start, grain)


@pytest.mark.parametrize(
    ("text", "language", "start"),
    [
        ("im Vormonat", "de", date(2019, 6, 1)),
        ("the previous month", "en", date(2019, 6, 1)),
        ("il mese precedente", "it", date(2019, 6, 1)),
        ("im Berichtsmonat", "de", date(2019, 7, 1)),
        ("in the same period last year", "en", date(2018, 7, 1)),
        ("dello stesso periodo dell'anno scorso", "it", date(2018, 7, 1)),
        ("een jaar eerder", "nl", date(2018, 7, 1)),
    ],
)
def test_periods_relative_to_the_focus(text, language, start) -> None:
    focus = find_period("Juli 2019", "de", None)
    period = find_period(text, language, EXACT, focus)
    assert period is not None and period.start == start and period.grain == "month"


def test_a_period_counted_from_nothing_stays_unknown() -> None:
    assert find_period("im Vormonat", "de", None) is None
    assert find_period("last month", "en", Anchor(date(2024, 4, 30), exact=False)) is None


def test_figure_compared_with_a_year_keeps_the_year_it_states(extractor) -> None:
    text = (
        " date 2024-03 Im vergangenen Jahr hat Cupra mit 230.700 Autos 50 Prozent mehr "
        "verkauft als 2022."
    )
    assert _periods(_sales(extractor, text)) == [("cupra", "230.700", date(2023, 1, 1), "year")]


def test_previous_month_counts_from_the_month_the_text_reports(extractor) -> None:
    text = (
        "Im Juli 2019 wurden in Deutschland 610 Fahrzeuge von Tesla neu zugelassen. "
        "Im Vormonat hatte Tesla noch 1600 Neuzulassungen verzeichnet."
    )
    assert [r.period_start for r in _sales(extractor, text)] == [
        date(2019, 7, 1),
        date(2019, 6, 1),
    ]


def test_comparison_figures_take_the_year_before_their_base(extractor) -> None:
    text = (
        " date 2024-04-02 Tesla sold 53,100 cars last month, four per cent more, "
        "compared with 50,700 cars in the same month last year."
    )
    assert _periods(_sales(extractor, text)) == [
        ("tesla", "53,100", date(2024, 3, 1), "month"),
        ("tesla", "50,700", date(2023, 3, 1), "month"),
    ]


def test_focus_of_the_opening_reaches_later_paragraphs(extractor) -> None:
    text = (
        " date 2025-01-19 Die Manager in Wien sind mit dem abgelaufenen Jahr zufrieden.\n\n"
        "Bei den Marken ist BYD die Nummer eins mit 9.300 verkauften Pkw, dahinter folgen "
        "Geely (8.100) und Tesla (5.200)."
    )
    assert _periods(_sales(extractor, text)) == [
        ("byd", "9.300", date(2024, 1, 1), "year"),
        ("geely", "8.100", date(2024, 1, 1), "year"),
        ("tesla", "5.200", date(2024, 1, 1), "year"),
    ]


def test_undated_text_places_months_by_the_latest_date_it_states(extractor) -> None:
    text = (
        "Im Juni 2024 lieferte Xiaomi erstmals mehr als 10.000 Fahrzeuge aus. "
        "Im April hatte Xiaomi 7.050 Fahrzeuge ausgeliefert. "
        "Im Oktober will Xiaomi neue Werke eröffnen."
    )
    rows = _sales(extractor, text)
    assert ("xiaomi", "7.050", date(2024, 4, 1), "month") in _periods(rows)


def test_undated_text_leaves_months_after_its_latest_date_unknown(extractor) -> None:
    text = "Im März 2024 stellte Xiaomi ein Auto vor. Im Oktober lieferte Xiaomi 20.100 Autos aus."
    assert _periods(_sales(extractor, text)) == [("xiaomi", "20.100", None, None)]


def test_last_year_of_an_undated_text_about_whole_years(extractor) -> None:
    text = (
        "Hyundai setzte 2023 weltweit 4,18 Millionen Fahrzeuge ab. "
        "Bei Kia wuchs der Absatz im vergangenen Jahr auf 3,02 Millionen Fahrzeuge."
    )
    assert [(r.company_id, r.period_start) for r in _sales(extractor, text)] == [
        ("hyundai", date(2023, 1, 1)),
        ("kia", date(2023, 1, 1)),
    ]


def test_a_caption_date_is_no_dateline(extractor) -> None:
    text = (
        "Zeekr deliveries nearly doubled\n\n"
        "Cars on display at a motor show in Bangkok, Thailand, during a preview day for the "
        "trade press, March 25, 2024.\n\n"
        "Zeekr delivered 25,100 vehicles in October."
    )
    extraction = extractor.extract(doc(text))
    assert extraction.meta.date_source == "text"
    assert _periods(extraction.sales) == [("zeekr", "25,100", None, None)]


def test_a_date_in_a_sentence_about_the_future_is_no_lower_bound(extractor) -> None:
    text = (
        "Im ersten Quartal 2024 lieferte Tesla 386.800 Fahrzeuge aus. "
        "Die Geschäftszahlen will Tesla am 23. April 2024 vorstellen."
    )
    assert extractor.extract(doc(text)).meta.published_date is None
