"""The literal gate: it skips only texts a regex cannot match."""

import re

import pytest

from flows.extract.gate import GatedPattern, gated, literals, lower_like_re, opening_search, scan


def test_literals_of_an_alternation_with_lookarounds() -> None:
    pattern = r"(?<![\w])(?:(?:make|build)s?(?=\s+\w+)|ordered by|jv)(?![\w])"
    assert literals(pattern, re.I) == {"make", "build", "ordered by", "jv"}


def test_literals_after_a_leading_repeat() -> None:
    assert literals(r"\S*(?:plant|factory)\s+opens") == {"plant", "factory"}
    assert literals(r"(?:grand)?order(?=\s)") == {"order"}


def test_literals_joined_to_the_opening_of_what_follows() -> None:
    # The parser factors the shared `s` out of the branches; each branch still opens with
    # its own letters, so `s` is joined to them rather than lost.
    assert literals(r"(?:sells?|sold|sale)(?=\s+to\s)", re.I) == {"sell", "sold", "sale"}
    assert literals(r"ab(?:c+|d)e") == {"ab"}
    assert literals(r"x(?:yz?|w)\s+") == {"xy", "xw"}
    # A branch that does not open with its letters is not joined.
    assert literals(r"ab(?:\d+cd|ef)") == {"ab"}


def test_no_literals_without_fixed_letters() -> None:
    assert literals(r"\d+|units") is None
    assert literals(r"(?:\w+ )?") is None


@pytest.mark.parametrize(
    "text",
    [
        "Zorvex and Pellia ordered by the dozen.",
        "They BUILDS nothing here.",
        "Nothing relevant in this sentence at all.",
        "A JV between two firms.",
        "Kardeşler ORDERED BY TELEFON; ıstanbul.",
        "ORDERED BY in capitals, ſmall long s.",
        "A SMALL one and a ſmall one.",
        "Only a ſmall one.",
    ],
)
def test_gated_search_equals_the_regex(text: str) -> None:
    regex = re.compile(r"(?<![\w])(?:builds?|ordered by|jv|ſmall)(?![\w])", re.I)
    gate = gated(regex)
    assert isinstance(gate, GatedPattern)
    assert bool(gate.search(text)) == bool(regex.search(text))
    assert [m.span() for m in gate.finditer(text)] == [m.span() for m in regex.finditer(text)]


def test_dotless_and_dotted_i_lower_like_re() -> None:
    assert lower_like_re("İNVEST ıN") == "invest in"
    regex = re.compile("invest", re.I)
    assert gated(regex).search("İNVEST") is not None


def test_a_pattern_without_literals_stays_ungated() -> None:
    regex = re.compile(r"\d+", re.I)
    assert gated(regex) is regex


@pytest.mark.parametrize(
    "text",
    [
        "Vertrag mit der Zorvex AG und mit Pellia, durch Kandor vermittelt.",
        "xmit Zorvex; Amit Pellia mit  den  neuen Partnern Kandor",
        "İmit Zorvex mit Pellia",
        "nothing here",
    ],
)
def test_scan_equals_finditer(text: str) -> None:
    regex = re.compile(r"(?<![\w])\b(?:mit|durch)\s+(?:de[nmrs]|die)?\s*(?=[A-Z])")
    opening = opening_search(regex)
    assert opening is not None and opening.pattern == "durch|mit"
    assert [m.span() for m in scan(regex, opening, text)] == [
        m.span() for m in regex.finditer(text)
    ]


def test_no_opening_search_without_leading_letters() -> None:
    assert opening_search(re.compile(r"\S*plant")) is None
    assert opening_search(re.compile(r"a|bc")) is None  # one letter finds every offset
