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
        ("Deliveries rose 31.4% year-on-year.", "31.4%", "en"),
        ("De verkoop groeide met 5 procent.", "5 procent", "nl"),
        ("A marzo le consegne sono scese del 2,71%.", "2,71%", "it"),
        ("Opel (+0,7 %/4,6 %)", "0,7 %", "de"),
        ("a 23.5% jump in registrations", "23.5%", "en"),
    ],
)
def test_changes(text, figure, language) -> None:
    assert is_change(text, *_span(text, figure), language)


@pytest.mark.parametrize(
    ("text", "figure", "language"),
    [
        ("nel mese la quota di mercato è arrivata al 2,86%", "2,86%", "it"),
        ("Opel (+0,7 %/4,6 %)", "4,6 %", "de"),
        ("kletterte der Anteil auf 37 Prozent", "37 Prozent", "de"),
    ],
)
def test_levels_reached_are_no_changes(text, figure, language) -> None:
    assert not is_change(text, *_span(text, figure), language)


@pytest.mark.parametrize(
    ("text", "figure", "language", "expected"),
    [
        ("Seat lag mit 3,9 Prozent Marktanteil vor allen Importmarken.", "3,9 Prozent", "de", True),
        (
            "Bei den Neuzulassungen kam Seat auf einen Anteil von 4,7 Prozent.",
            "4,7 Prozent",
            "de",
            True,
        ),
        ("Volvo haalde in juni 6,4 procent marktaandeel.", "6,4 procent", "nl", True),
        ("Le vendite di MG valgono una quota del 3,4% del mercato.", "3,4%", "it", True),
        ("Tesla took a share of 12 % of the European market.", "12 %", "en", True),
        ("Stellantis ha comprato il 3,15% del capitale di Leapmotor.", "3,15%", "it", False),
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
