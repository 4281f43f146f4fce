"""Numbers, amounts and percentages in each language's notation."""

from __future__ import annotations

from decimal import Decimal

import pytest

from flows.extract.numbers import find_quantities, parse_number


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("296.446", "de", Decimal("296446")),
        ("296,446", "en", Decimal("296446")),
        ("1,1", "de", Decimal("1.1")),
        ("1.2", "en", Decimal("1.2")),
        ("1.000.000", "de", Decimal("1000000")),
        ("1.000.000", "nl", Decimal("1000000")),
        ("1.234", "de", Decimal("1234")),
        ("1.234", "en", Decimal("1.234")),
        ("4,99", "de", Decimal("4.99")),
        ("1.234,5", "it", Decimal("1234.5")),
        ("1,234.5", "en", Decimal("1234.5")),
    ],
)
def test_parse_number_per_locale(text: str, language: str, expected: Decimal) -> None:
    assert parse_number(text, language) == expected


def test_dates_are_not_numbers() -> None:
    assert parse_number("20.04.2023", "de") is None


@pytest.mark.parametrize(
    ("text", "language", "value", "currency", "percent"),
    [
        ("1,1 Milliarden Euro", "de", "1100000000", "EUR", False),
        ("700 Millionen US-Dollar", "de", "700000000", "USD", False),
        ("$1.5 billion", "en", "1500000000", "USD", False),
        ("1,5 miljard euro", "nl", "1500000000", "EUR", False),
        ("tien miljard dollar", "nl", "10000000000", "USD", False),
        ("1,5 miliardi di euro", "it", "1500000000", "EUR", False),
        ("4,5 mila", "it", "4500", None, False),
        ("3,4 Mio.", "de", "3400000", None, False),
        ("2,26 Millionen", "de", "2260000", None, False),
        ("1.2 million", "en", "1200000", None, False),
        ("12 %", "de", "12", None, True),
        ("34 Prozent", "de", "34", None, True),
        ("4,99 procent", "nl", "4.99", None, True),
    ],
)
def test_quantities(
    text: str, language: str, value: str, currency: str | None, percent: bool
) -> None:
    (quantity,) = find_quantities(text, language)
    assert quantity.value == Decimal(value)
    assert quantity.currency == currency
    assert quantity.is_percent is percent
    assert text[quantity.start : quantity.end] == quantity.text
