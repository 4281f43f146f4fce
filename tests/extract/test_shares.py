"""Percentages: changes, market shares and holdings, read the same way for every step."""

from __future__ import annotations

import pytest

from flows.extract.shares import is_change, is_market_share


def _span(text: str, figure: str) -> tuple[int, int]:
    start = text.index(figure)
    return start, start + len(figure)


@pytest.mark.parametrize(
    ("text", "figure", "language"),
    [
        ("Der Absatz stieg um 12 Prozent.", "12 Prozent", "de"),
        ("Sales were up 28.2% year-on-year.", "28.2%", "en"),
        ("De verkoop groeide met 5 procent.", "5 procent", "nl"),
        ("Le vendite sono calate dell'1,63% a novembre.", "1,63%", "it"),
        ("Opel (+0,2 %/5,1 %)", "0,2 %", "de"),
        ("a 17.7% jump in deliveries", "17.7%", "en"),
    ],
)
def test_changes(text, figure, language) -> None:
    assert is_change(text, *_span(text, figure), language)


@pytest.mark.parametrize(
    ("text", "figure", "language"),
    [
        ("la quota è salita all'1,37% del mercato", "1,37%", "it"),
        ("Opel (+0,2 %/5,1 %)", "5,1 %", "de"),
        ("stieg der Anteil auf 44 Prozent", "44 Prozent", "de"),
    ],
)
def test_levels_reached_are_no_changes(text, figure, language) -> None:
    assert not is_change(text, *_span(text, figure), language)


@pytest.mark.parametrize(
    ("text", "figure", "language", "expected"),
    [
        ("Skoda war mit 5,8 Prozent Marktanteil stärkster Importeur.", "5,8 Prozent", "de", True),
        (
            "Bei den Neuzulassungen kam Seat auf einen Anteil von 4,7 Prozent.",
            "4,7 Prozent",
            "de",
            True,
        ),
        ("Kia had in mei een marktaandeel van 8,8 procent.", "8,8 procent", "nl", True),
        ("Le vendite di MG valgono una quota del 3,4% del mercato.", "3,4%", "it", True),
        ("Tesla took a share of 12 % of the European market.", "12 %", "en", True),
        ("Brembo ha acquistato una quota del 2,43% in Pirelli.", "2,43%", "it", False),
        ("Honda erwarb einen Anteil von 5 Prozent an Nissan.", "5 Prozent", "de", False),
        ("Apple holds a 12 % share in the company.", "12 %", "en", False),
        (
            "Reine E-Autos machten 22 Prozent aller verkauften Fahrzeuge aus.",
            "22 Prozent",
            "de",
            False,
        ),
        ("Der Marktanteil wuchs um 1,7 Prozentpunkte.", "1,7 Prozent", "de", False),
    ],
)
def test_market_shares(text, figure, language, expected) -> None:
    assert is_market_share(text, *_span(text, figure), language) is expected
