"""Numbers, amounts and percentages as each language writes them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from flows.extract.constants import (
    CURRENCIES,
    LOCALE_DECIMAL_COMMA,
    NUMBER_WORDS,
    PERCENT_WORDS,
    SCALE_WORDS,
)
from flows.extract.gate import gated

_SPACES = "\u00a0\u202f\u2009"
_DIGITS = rf"\d(?:[\d.,{_SPACES}]*\d)?"
# Thousands grouped by plain spaces (`824 300 Fahrzeuge`): one to three digits, then groups
# of exactly three, with no other digit or separator joined on either side.
_SPACE_GROUPED = r"\d{1,3}(?:[ ]\d{3})+(?![\d]|[.,]\d)"
# Indian grouping by lakh and crore (`1,52,718`, `17,59,881`).
_LAKH_RE = re.compile(r"^\d{1,2}(?:,\d{2})+,\d{3}$")
_ATTACHED_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}
_WORD_SCALES = sorted(
    (w for w in SCALE_WORDS if len(w) > 2 or w.endswith(".")), key=len, reverse=True
)
_SCALE_ALT = "|".join(re.escape(w) for w in _WORD_SCALES)
_CURRENCY_WORDS = sorted((c for c in CURRENCIES if c[0].isalpha()), key=len, reverse=True)
_CURRENCY_ALT = "|".join(re.escape(c) for c in _CURRENCY_WORDS)
_PERCENT_ALT = "|".join(re.escape(p) for p in sorted(PERCENT_WORDS, key=len, reverse=True))
_NUMBER_WORD_ALT = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))


def _quantity_re(number_words: str) -> re.Pattern[str]:
    """Figures in digits, or number words (`number_words`) before a scale word."""
    return re.compile(
        rf"""
    (?P<prefix>US\$|\$|€|£|¥)?\s?
    (?:(?<![\w.,])(?P<num>{_SPACE_GROUPED}|{_DIGITS})(?P<attached>bn|mn|k|m|M|K)?(?![\w])
      |(?<![\w])(?P<word>{number_words})(?=\s+(?:{_SCALE_ALT})(?![\w])))
    (?:\s?(?P<scale>{_SCALE_ALT})(?![\w]))?
    (?:\s?(?P<percent>{_PERCENT_ALT})(?![\w]))?
    (?:\s?(?:di\s)?(?P<currency>{_CURRENCY_ALT})(?![\w]))?
    """,
        re.I | re.X,
    )


QUANTITY_RE = _quantity_re(_NUMBER_WORD_ALT)
# A number word is a figure only before a scale word (`zwei Millionen`). Trying the long
# case-insensitive union of number words at every offset is most of the scan's cost, so a
# text without any scale word is read by the same pattern with a word branch that never
# matches (the groups stay the same).
_DIGIT_QUANTITY_RE = _quantity_re("(?!)")
_SCALE_GATE = gated(re.compile(_SCALE_ALT, re.I))
_GROUPS_RE = re.compile(r"^\d{1,3}(?:X\d{3})+$")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure in a text: its value with scale applied, and what kind of figure it is."""

    value: Decimal
    start: int
    end: int
    text: str
    is_percent: bool = False
    currency: str | None = None
    has_scale: bool = False
    is_word: bool = False


def _grouped(token: str, sep: str) -> bool:
    """Whether a token is digits grouped by threes with one separator."""
    return bool(_GROUPS_RE.match(token.replace(sep, "X")))


def parse_number(token: str, language: str | None) -> Decimal | None:
    """Read a numeral with the grouping and decimal marks of the language."""
    # Babel's parse_decimal (not a dependency) reads one strict locale; news writes `1.5 Mio`
    # in German texts too, so a separator is read by its locale and by the digits after it.
    token = token.strip()
    for space in (*_SPACES, " "):
        token = token.replace(space, "")
    if _LAKH_RE.match(token):
        return Decimal(token.replace(",", ""))
    group = "." if language in LOCALE_DECIMAL_COMMA or language is None else ","
    decimal = "." if group == "," else ","
    dots, commas = token.count("."), token.count(",")
    try:
        if not dots and not commas:
            return Decimal(token)
        if dots and commas:
            dec = "." if token.rfind(".") > token.rfind(",") else ","
            grp = "," if dec == "." else "."
            whole, frac = token.rsplit(dec, 1)
            if not _grouped(whole, grp) and grp in whole:
                return None
            return Decimal(whole.replace(grp, "") + "." + frac)
        sep = "." if dots else ","
        parts = token.split(sep)
        if len(parts) > 2:
            return Decimal(token.replace(sep, "")) if _grouped(token, sep) else None
        whole, tail = parts
        if len(tail) == 3 and 1 <= len(whole) <= 3 and whole != "0" and sep == group:
            return Decimal(whole + tail)
        if sep == decimal or len(tail) != 3:
            return Decimal(whole + "." + tail)
        return Decimal(whole + tail) if _grouped(token, sep) else None
    except InvalidOperation:
        return None


def find_quantities(text: str, language: str | None) -> list[Quantity]:
    """Every figure of a text with its scale word, percent sign or currency."""
    return list(_quantities(text, language))


# The extractor asks whether a sentence holds a figure, then the sales and partnership
# readers read the same sentence's figures again: the last few answers are kept.
@lru_cache(maxsize=16)
def _quantities(text: str, language: str | None) -> tuple[Quantity, ...]:
    """The figures of a text (frozen, shared between callers)."""
    out: list[Quantity] = []
    pattern = QUANTITY_RE if _SCALE_GATE.search(text) else _DIGIT_QUANTITY_RE
    for match in pattern.finditer(text):
        if match.group("word"):
            number: Decimal | None = Decimal(NUMBER_WORDS[match.group("word").lower()])
        else:
            number = parse_number(match.group("num"), language)
        if number is None:
            continue
        scale = 1
        if match.group("attached"):
            scale = _ATTACHED_SCALES[match.group("attached").lower()]
        if match.group("scale"):
            scale *= SCALE_WORDS[match.group("scale").lower()]
        currency = None
        if match.group("prefix"):
            currency = CURRENCIES.get(match.group("prefix").lower())
        if match.group("currency"):
            currency = CURRENCIES[match.group("currency").lower()]
        start = (
            match.start("prefix")
            if match.group("prefix")
            else match.start("word" if match.group("word") else "num")
        )
        end = match.end()
        while end > start and text[end - 1].isspace():
            end -= 1
        out.append(
            Quantity(
                value=clean_decimal(number * scale),
                start=start,
                end=end,
                text=text[start:end],
                is_percent=bool(match.group("percent")),
                currency=currency,
                has_scale=scale != 1,
                is_word=bool(match.group("word")),
            )
        )
    return tuple(out)


def clean_decimal(value: Decimal) -> Decimal:
    """Drop trailing zeros: `1100000000.0` becomes `1100000000`."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()
