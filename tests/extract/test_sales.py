"""Sales figures: metric, value, period, market, segment, and rejection of non-sales."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from .conftest import doc


def _sales(extractor, text: str) -> list:
    return extractor.extract(doc(text)).sales


def test_german_figures_with_period_and_body(extractor) -> None:
    text = (
        "Titel\n\n1. März 2025\n\n"
        "Die Absatzzahlen der Hersteller zeigen es deutlich. "
        "BYD war im Januar mit 296.446 Einheiten die klare Nummer eins, Geely folgt mit "
        "121.071 Einheiten, meldet der Branchenverband CPCA."
    )
    rows = _sales(extractor, text)
    assert [(r.company_id, r.value) for r in rows] == [
        ("byd", Decimal("296446")),
        ("geely", Decimal("121071")),
    ]
    assert rows[0].period_start == date(2025, 1, 1) and rows[0].period_end == date(2025, 1, 31)
    assert rows[0].period_grain == "month" and rows[0].reporting_body == "CPCA"
    assert rows[0].market == "CN"
    assert rows[0].metric == "units_sold"


@pytest.mark.parametrize(
    ("text", "company", "metric", "value", "unit", "market", "segment"),
    [
        (
            "Tesla delivered 1,789,226 vehicles worldwide in 2024.",
            "tesla",
            "deliveries",
            "1789226",
            "vehicles",
            "global",
            "all",
        ),
        (
            "BYD sold 4.27 million new energy vehicles worldwide in 2024.",
            "byd",
            "units_sold",
            "4270000",
            "vehicles",
            "global",
            "NEV",
        ),
        (
            "Tesla kam 2024 in Deutschland auf 37.575 Neuzulassungen.",
            "tesla",
            "registrations",
            "37575",
            "vehicles",
            "DE",
            "all",
        ),
        (
            "BYD heeft in 2024 wereldwijd 4.272.145 auto's verkocht.",
            "byd",
            "units_sold",
            "4272145",
            "vehicles",
            "global",
            "all",
        ),
        (
            "Nel 2023 il gruppo Renault ha registrato un fatturato di 52,4 miliardi di euro.",
            "renault",
            "revenue",
            "52400000000",
            "EUR",
            "global",
            "all",
        ),
        (
            "Der VW-Marktanteil bei Elektroautos in China sank 2024 auf 0,5 Prozent.",
            "volkswagen",
            "market_share",
            "0.5",
            "percent",
            "CN",
            "BEV",
        ),
        (
            "Die BMW Group lieferte 2024 weltweit rund 2,45 Millionen Fahrzeuge aus.",
            "bmw",
            "deliveries",
            "2450000",
            "vehicles",
            "global",
            "all",
        ),
    ],
)
def test_metric_value_market_segment(
    extractor, text, company, metric, value, unit, market, segment
) -> None:
    (row,) = _sales(extractor, text)
    assert (row.company_id, row.metric, row.value, row.unit) == (
        company,
        metric,
        Decimal(value),
        unit,
    )
    assert (row.market, row.segment) == (market, segment)
    assert text[row.char_start : row.char_end] == row.sentence_text


@pytest.mark.parametrize(
    "text",
    [
        "Tesla hat in Grünheide eine Kapazität von 375.000 Fahrzeugen im Jahr.",
        "Der Tesla Model Y kostet 45.000 Euro.",
        "Bei Tesla arbeiten rund 12.000 Mitarbeiter.",
        "Tesla investiert 2024 rund 1,8 Milliarden Euro in die Fabrik.",
        "Tesla will 2025 zwei Millionen Autos verkaufen.",
        "Samen met Nissan zou Honda jaarlijks acht miljoen auto's hebben verkocht.",
        "Der Absatz von Tesla stieg um 12 Prozent.",
        "BYD verkaufte mehr als 60-mal so viele E-Autos wie Volkswagen.",
        "Tesla hat 2024 rund 2,2 Millionen Nutzer in der App.",
        "Im Jahr 2024 produzierte China 12 Millionen E-Fahrzeuge.",
    ],
)
def test_non_sales_figures_are_rejected(extractor, text) -> None:
    assert _sales(extractor, text) == []


def test_comparison_figure_takes_its_own_period(extractor) -> None:
    rows = _sales(
        extractor, "Tesla delivered 1,789,226 vehicles in 2024, down from 1,808,581 in 2023."
    )
    assert [(r.value, r.period_start.year) for r in rows] == [
        (Decimal("1789226"), 2024),
        (Decimal("1808581"), 2023),
    ]


def test_rounded_headline_figure_gives_way_to_precise_one(extractor) -> None:
    text = (
        "BYD verkocht in 2024 ruim 4,27 miljoen auto's\n\n"
        "BYD heeft in 2024 4.272.145 auto's verkocht."
    )
    assert [r.value for r in _sales(extractor, text)] == [Decimal("4272145")]
