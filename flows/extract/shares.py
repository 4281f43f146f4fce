"""Percentages: a change, a market share, or something else (a stake, a mix, a rate).

One reading for every step that meets a percentage: the sales figures ask whether it is a
market share, the partnerships whether a `share of 12 %` is a stake or a market share.
"""

from __future__ import annotations

import re
from functools import lru_cache

from flows.extract.constants import (
    SALES_CHANGE_BY,
    SALES_CHANGE_WORDS,
    SALES_MARKET_WORDS,
    SALES_METRIC_CUES,
    SALES_PARTITIVE_CUES,
    SALES_SHARE_WORDS,
    SALES_STAKE_CUES,
)
from flows.extract.vocabulary import own_and_english

# How far a share word may stand from its figure: before it in the same clause, after it.
_SHARE_REACH_BEFORE = 60
_SHARE_REACH_AFTER = 30
_CHANGE_REACH_BEFORE = 40
_APPROX = (
    r"rund|etwa|fast|knapp|ca\.|über|mehr als|about|around|nearly|almost|over|more than|circa"
    r"|ongeveer|bijna|ruim|quasi|oltre|poco più|circa il|solo|only|just|nur|slechts|a|an"
)
# A share word reaches its figure across a parenthesis or a colon (`VW (Anteil: 15,5%)`),
# not across another clause.
_CLAUSE_MARK_RE = re.compile(r"[;)\u2013\u2014]|,\s|\s-\s")
# A capitalised name right after a percentage (`2,43% in Pirelli`, `20 Prozent an Northvolt`)
# is the company the percentage is held in.
_HELD_IN_RE = re.compile(
    r"\s*(?:an|in|at|of|di|van|bei|am|nel|nella|del|della|im)\s+(?:der|dem|den|the|de|het)?\s*"
    r"[A-ZÄÖÜ]"
)


@lru_cache(maxsize=8)
def _patterns(language: str | None) -> dict[str, re.Pattern[str]]:
    """Compiled percentage cues for a language."""
    langs = own_and_english(language)

    def union(table: dict[str, str]) -> str:
        return "|".join(table[lang] for lang in langs if table.get(lang))

    change = union(SALES_CHANGE_WORDS)
    return {
        "change_before": re.compile(
            rf"(?:(?<![\w])(?:um|by)|[+\-\u2212\u00b1]|(?<![\w])(?:plus|minus)"
            rf"|(?<![\w])(?:{change})(?:\s+(?:[\w'’-]+\s+){{0,3}}?(?:{union(SALES_CHANGE_BY)}))?)"
            rf"\s*(?:(?:{_APPROX})\s+)*$",
            re.I,
        ),
        "change_after": re.compile(
            rf"\s*(?:[\w/-]+\s+)?(?:{change}|mehr|weniger|more|less|meer|minder|in più|in meno"
            r"|year[- ]on[- ]year|yoy|y/y|on year|jaar op jaar|op jaarbasis|su base annua"
            r"|im jahresvergleich|gegenüber|im vergleich|compared|rispetto|vergeleken"
            r"|percentage points?|prozentpunkte?|procentpunt\w*|punti percentuali)(?![\w])",
            re.I,
        ),
        "market_share": re.compile(
            rf"(?<![\w])(?:{union(SALES_METRIC_CUES['market_share'])})(?![\w])", re.I
        ),
        "share": re.compile(rf"(?<![\w])(?:{union(SALES_SHARE_WORDS)})(?![\w])", re.I),
        "stake": re.compile(rf"(?<![\w])(?:{union(SALES_STAKE_CUES)})(?![\w])", re.I),
        "market": re.compile(rf"(?<![\w])(?:{union(SALES_MARKET_WORDS)})(?![\w])", re.I),
        "partitive": re.compile(
            rf"\s*(?:{union(SALES_PARTITIVE_CUES)})(?![\w])(?!\s+(?:[\w-]+\s+)?(?:markt|market"
            r"|mercato|gesamtmarkt|marktes|markts))",
            re.I,
        ),
    }


def is_change(text: str, start: int, end: int, language: str | None) -> bool:
    """Whether a percentage states growth or decline (`um 12 Prozent`, `up 5%`, `+3,1 %`)."""
    pats = _patterns(language)
    before = text[max(0, start - _CHANGE_REACH_BEFORE) : start]
    return bool(pats["change_before"].search(before) or pats["change_after"].match(text, end))


def share_context(text: str, language: str | None) -> bool:
    """Whether a text speaks of a market or of sales, where a bare `share` is a market share."""
    pats = _patterns(language)
    return bool(pats["market"].search(text) or pats["market_share"].search(text))


def names_a_stake(text: str, language: str | None) -> bool:
    """Whether a text speaks of holdings (`Anteile halten`, `stake`, `partecipazione`)."""
    return _patterns(language)["stake"].search(text) is not None


def _clause_head(text: str, start: int) -> str:
    """The text of a figure's clause before it, at most the share word's reach."""
    head = text[max(0, start - _SHARE_REACH_BEFORE) : start]
    marks = list(_CLAUSE_MARK_RE.finditer(head))
    return head[marks[-1].end() :] if marks else head


def names_a_share(text: str, start: int, end: int, language: str | None) -> bool:
    """Whether a share word stands with a percentage: before it in its clause or right after."""
    pats = _patterns(language)
    after = text[end : end + _SHARE_REACH_AFTER]
    return bool(
        pats["share"].search(_clause_head(text, start))
        or pats["market_share"].search(_clause_head(text, start))
        or re.match(rf"^\s*(?:[\w-]+\s+)?(?:{pats['share'].pattern})", after, re.I)
        or re.match(rf"^\s*(?:[\w-]+\s+)?(?:{pats['market_share'].pattern})", after, re.I)
    )


def is_market_share(
    text: str, start: int, end: int, language: str | None, context: str = ""
) -> bool:
    """Whether the percentage at [start, end) is a market share.

    A market-share word (`Marktanteil`, `market share`, `quota di mercato`) near it says so; a
    bare share word (`Anteil`, `share`, `quota`, `aandeel`) does when the sentence (or the
    given context) speaks of a market or of sales and not of a holding. A change, a share of
    a stated whole (`22 Prozent aller Fahrzeuge`) or one held in a company is none.
    """
    pats = _patterns(language)
    if is_change(text, start, end, language) or pats["partitive"].match(text, end):
        return False
    head = _clause_head(text, start)
    after = text[end : end + _SHARE_REACH_AFTER]
    if pats["market_share"].search(head) or re.match(
        rf"^\s*(?:[\w-]+\s+)?(?:{pats['market_share'].pattern})", after, re.I
    ):
        return True
    if not names_a_share(text, start, end, language):
        return False
    held_in = _HELD_IN_RE.match(text, end) and not pats["market"].search(after)
    if pats["stake"].search(head) or held_in:
        return False
    return share_context(text, language) or share_context(context, language)
