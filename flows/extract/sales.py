"""Sales figures: a company, a metric, a value, a period, a market and a segment per figure.

A sentence's figures are read one by one. A figure is a value when its words say what was
counted (a metric cue or a vehicle unit) and nothing says it is something else (a change, a
target, a price, a threshold, a rate, a running total, a model name, a stock code, an
ordinal). It belongs to the company it is paired with (`Opel (8.123)`, `Seat mit 4,7 Prozent`,
`412.377 stuks van de Renault-groep`), else to the company its clause is about; a
figure two companies share (`Hyundai und Kia verkauften zusammen ...`) belongs to neither.
Its period is the nearest one its clause states, else the sentence's, the paragraph's, or the
period the text is talking about.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import lru_cache

from flows.extract.companies import Match
from flows.extract.constants import (
    MARKET_CUES,
    MONTH_NAMES,
    REPORTING_BODIES,
    REPORTING_BODY_CANONICAL,
    ROUNDING_TOLERANCE,
    SALES_ACHIEVED_CUES,
    SALES_ASIDE_CUES,
    SALES_CONTINUATION_CUES,
    SALES_CUMULATIVE_CUES,
    SALES_EACH_CUES,
    SALES_HYPOTHETICAL_CUES,
    SALES_MAX_SENTENCE_CHARS,
    SALES_METRIC_CUES,
    SALES_METRIC_PRIORITY,
    SALES_OWNED_METRIC_CUES,
    SALES_OWNED_METRIC_OWNER,
    SALES_PART_CUES,
    SALES_PLURAL_SUBJECTS,
    SALES_PRONOUN_SUBJECTS,
    SALES_RATE_CUES,
    SALES_REJECT_CUES,
    SALES_SHARE_WORDS,
    SALES_THRESHOLD_WORDS,
    SALES_UNIT_WORDS,
    SALES_WHOLE_MARKET_CUES,
    SEGMENT_CUES,
)
from flows.extract.gate import gated
from flows.extract.numbers import Quantity, find_quantities
from flows.extract.periods import (
    BASE,
    STATED,
    Anchor,
    Period,
    PeriodMention,
    nearest_stated,
    period_mentions,
)
from flows.extract.sentences import split_line
from flows.extract.shares import is_change, is_market_share, names_a_stake, share_context
from flows.extract.text import is_boilerplate_line, word_regex
from flows.extract.vocabulary import own_and_english

_CLAUSE_RE = re.compile(r"[;:()\u2013\u2014]|,(?=\s|[^\W\d])|\s-\s")
_COMPARISON_RE = re.compile(
    r"(?:\bfrom|compared (?:with|to)|versus|vs\.?|gegenüber|\bnach|\btegen|tegenover"
    r"|ten opzichte van|rispetto a\w*|\bcontro|\bthan|\bals|\bdan|\bstatt|surpass\w*|eclips\w*"
    r"|übertr\w*|superand\w*|exceed\w*|\bbeat|overtook|vergleicht sich mit|compares with"
    r"|vergelijkt zich met|si confronta con)\s+(?:\w+\s+){0,2}?"
    r"(?:(?:about|around|rund|etwa|ongeveer|circa|knapp|ruim)\s+)?$",
    re.I,
)
_COMPARISON_GAP = 80
# A figure right after these is the base of a comparison (`up from 44,044`, `tegen 3.160.901`).
_BASE_FIGURE_RE = re.compile(
    r"(?<![\w])(?:compared (?:with|to)|versus|vs\.?|against|up from|down from|from|gegenüber"
    r"|im vergleich zu[mr]?|verglichen mit|statt|von|tegen|tegenover|ten opzichte van"
    r"|vergeleken met|rispetto a\w*|contro|sul|sull['’])\s+(?:(?:the|die|den|dem|de|het|i|il|le"
    r"|gli|alle|ai)\s+)?(?:(?:about|around|rund|etwa|ongeveer|circa|knapp|ruim)\s+)?$",
    re.I,
)
# A relative clause after a period names what happened in it (`April, during which`).
_RELATIVE_PERIOD_RE = re.compile(
    r",?\s*(?:during which|in which|when|als|in dem|waarin|toen|in cui|quando|durante il quale)\b",
    re.I,
)
_FULL_YEAR_RE = re.compile(
    r"\b(?:over the year|for the (?:full|whole) year|im gesamtjahr|im gesamten jahr|im ganzen jahr"
    r"|in het hele jaar|over heel het jaar|nell'intero anno|nell'anno intero)\b",
    re.I,
)
_MULTIPLIER_RE = re.compile(r"^\s?-?\s?(?:mal|fach|fache[nm]?|x\b|times|keer|volte)", re.I)
_RANK_BEFORE_RE = re.compile(r"(?:platz|rang|rank|plaats|posto|nummer|nr\.?|no\.?|top|#)\s*$", re.I)
_RANK_AFTER_RE = re.compile(r"^\.?\s*(?:platz|rang|plaats|posto|place)\b", re.I)
_ORDINAL_AFTER_RE = re.compile(
    r"^\s?(?:millionth|millionste\w*|miljoenste|milionesim\w*|thousandth|tausendste\w*"
    r"|duizendste|millesim\w*)",
    re.I,
)
# `(9988.HK)`, `NYSE:NIO`: stock codes and exchange listings.
_TICKER_AFTER_RE = re.compile(r"^\.(?:HK|SZ|SS|SH|T|KS|KQ|TW|DE|PA|MI|AS|L|F)\b")
_TICKER_BEFORE_RE = re.compile(r"(?:NYSE|NASDAQ|HKEX|HKG|SZSE|SSE|ETR|XETRA|KRX|TSE|HK)\s*:\s*$")
_FRACTION_AFTER_RE = re.compile(r"^\s?/\s?\d")
_FRACTION_BEFORE_RE = re.compile(r"\d\s?/\s?$")
# `Model 3`, `Serie 5`: a small number after a model word is part of a name.
_MODEL_WORD_BEFORE_RE = re.compile(
    r"(?<![\w])(?:model|modell|modello|serie|series|klasse|class|type|typ|tipo)\s$", re.I
)
# The word right before a number: `iWork 11`, `Tiggo 8`, `Galaxy 23`.
_WORD_BEFORE_RE = re.compile(r"(?<![\w.'’-])([^\W\d_][\w-]*)\s$")
_CAMEL_RE = re.compile(r"^[^\W\d_]*[a-z][A-Z]")
# Ranges (`van 500 tot 1500`, `zwischen 9 und 9,5 Millionen`, `9-10 million`) are estimates.
_RANGE_BEFORE_RE = re.compile(
    r"(?<![\w])(?:van|von|from|da|tra|zwischen|between|tussen)\s+"
    r"(?:(?:rund|etwa|about|around|circa|ongeveer)\s+)?$",
    re.I,
)
_RANGE_AFTER_RE = re.compile(
    r"^\s*(?:[^\s\d]+\s+)?(?:tot|bis|to|a|and|und|e|en)\s+\d|^\s?[-\u2013]\s?\d", re.I
)
_RANGE_SECOND_RE = re.compile(
    r"(?:(?<![\w])(?:van|von|from|da|tra|zwischen|between|tussen)\s+[\d.,]+(?:\s+[^\s\d]+)?"
    r"\s+(?:tot|bis|to|a|and|und|e|en)\s+|\d\s?[-\u2013]\s?)$",
    re.I,
)
_LOOKAHEAD_RE = re.compile(r"\(\?=(?:[^()]|\([^()]*\))*\)")
_LISTED_FIGURES_RE = re.compile(r"\s*(?:,|und|and|en|e|ed|&|,\s*(?:und|and|en|e))\s*", re.I)
# A clause opened by the figure it holds (`Mit 3,9 Prozent Marktanteil lag Seat`).
_FRONTED_RE = re.compile(r"\s*(?:mit|met|with|con|avec)\s", re.I)
_NOUN_AFTER_RE = re.compile(r"\s*(?:[\w'’.-]+\s+)?[\w'’.-]+")
_COMPOUND_AFTER_RE = re.compile(r"-[^\W\d]")  # `360-Grad`, `32-Millionenstadt`
_UNIT_COMPOUND_RE = re.compile(r"-(?:unit|einheit|stück|stuks|unità)", re.I)
_YEAR_RE = re.compile(r"^(?:19|20)\d{2}$")
# A brand as the unit: `2.706 neue Tesla`, `1.254 nieuwe Kia's` (an adjective at most between,
# and the brand is no part of a compound such as `Facebook-User`).
_BRAND_AS_UNIT_RE = re.compile(
    r"\s+(?:(?!(?:von|vom|van|of|di|del|de|der|des|from|by|bei|für|for|voor|per|zu|zum|to|in"
    r"|im|at|mit|met|with|con|und|and|en|e)\s)[^\W\d]+\s+)?",
    re.I,
)
_LISTED_MIN = 1000  # smaller figures right after a name are model names (`Audi 100`)
# The gap between a name and the figure paired with it: `BYD 300.538`, `Opel (8.123)`,
# `Toyota with 1.93 million`, `KIA met 3.418`, `Peugeot: 9.200`, `Seat (+6,2 %) mit 3,9`.
_PAIR_GAP_RE = re.compile(
    r"\s*(?:\([^()]{0,24}\)\s*)?[(:,]?\s*(?:(?:mit|met|with|con|at|auf|op|a|at)\s+)?"
    r"(?:(?:rund|etwa|circa|ca\.|knapp|about|around|nearly|almost|ongeveer|bijna|ruim|oltre"
    r"|quasi|over|more than|mehr als|über|meer dan)\s+)?",
    re.I,
)
# A figure inside the parentheses that follow a name: `Stellantis (1,204,118 units)`,
# `VW (Anteil: 15,5%)`, `Ford (-7,3 %/3,2 %)`.
_PAREN_OPEN_RE = re.compile(r"\s*\([^()]{0,30}$")
_RESPECTIVELY_RE = re.compile(
    r"\b(?:respectively|beziehungsweise|respektive|respectievelijk|rispettivamente)\b", re.I
)
_CUE_OF_FIGURE_RE = re.compile(
    r"\s*(?:von|of|van|di|del|de|at|bei|auf|in höhe von)?\s*"
    r"(?:rund|etwa|circa|ca\.|knapp|about|around|ongeveer|circa|oltre)?\s*",
    re.I,
)
_DIFFERENCE_AFTER_RE = re.compile(
    r"\s+(?:[^\W\d]+\s+){0,2}?(?:weniger|mehr|fewer|more|less|minder|meer|in meno|in più)\b"
    r"(?!\s+(?:als|than|dan|di)\s+\d)",
    re.I,
)
_WHOLE_MARKET_RE = re.compile(rf"\b(?:{SALES_WHOLE_MARKET_CUES})\b", re.I)
_OWNED_METRIC_OWNER_RE = re.compile(SALES_OWNED_METRIC_OWNER, re.I)
_COORDINATION_RE = re.compile(
    r"^\s*(?:,\s*)?(?:(?:und|and|en|e|ed|sowie|as well as|oder|or|&|/)\s*)?$", re.I
)
_EACH_RE = re.compile(rf"(?<![\w])(?:{SALES_EACH_CUES})(?![\w])", re.I)
_COUNTED_METRICS = ("registrations", "deliveries", "exports", "production", "units_sold")
_UNIT_METRICS = ("registrations", "deliveries", "units_sold")
_REPORTING_RE = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(b) for b in REPORTING_BODIES) + r")(?![\w-])"
)
_REPORTING_MARKET = {
    "CPCA": "CN",
    "CAAM": "CN",
    "KBA": "DE",
    "ACEA": "Europe",
    "RAI": "NL",
    "BOVAG": "NL",
    "UNRAE": "IT",
    "SMMT": "UK",
    "VDA": "DE",
}
# Units sold outside the maker's home market: a market of their own, not a metric.
EXPORT_MARKET = "export"
# A company's figure with no market named anywhere near it counts worldwide.
_DEFAULT_MARKET = "global"
# A section: the paragraphs since the last heading line, at most this many before the current
# one; with no heading that near, only the current paragraph counts.
_SECTION_PARAGRAPHS = 3
_SECTION_MAX_CHARS = 4000
_HEADING_MAX_CHARS = 120
_HEADING_END_RE = re.compile(r"[.,;:\u2026][\"'\u00bb\u201c\u201d\u2019)\]]*$")
_BULLET_RE = re.compile(r"^[-*\u2022\u2013\u2014>|]")
# A figure sentence that speaks of the whole market keeps segment `all`.
_TOTAL_RE = word_regex(
    r"insgesamt|gesamtabsatz|gesamtmarkt\w*|alle antriebsarten|total|in total|overall"
    r"|all powertrains|in totaal|totaal|alle aandrijvingen|in tutto|complessivamente|totale"
)
# Cue words a segment pattern over-matches (`bevor`, `never`): the bare abbreviation only.
_ABBREVIATION_CUE_RE = re.compile(r"^(?:bev|nev)", re.I)
_ABBREVIATION_RE = re.compile(r"^(?:bev|nev)s?(?:'s|\u2019s)?$", re.I)
# BEV cue words that say battery-only; the others (`Elektroautos`, `EVs`) are often used for
# every new energy vehicle and give way to a section that says NEV.
_STRICT_BEV_RE = re.compile(
    r"bev|batterie|battery|voll|rein|fully|all-electric|volledig|puramente", re.I
)
# A segment word that names a kind of company (`Elektroautohersteller`, `EV maker`) is no
# segment of a figure.
_MAKER_RE = re.compile(
    r"(?:hersteller\w*|bauer\w*|konzern\w*|produzent\w*|pionier\w*|bouwer\w*|fabrikant\w*"
    r"|makers?|manufacturers?|produttor\w*|costruttor\w*|start-?ups?)$",
    re.I,
)
_MAKER_AFTER_RE = re.compile(
    r"^[\s-]*(?:hersteller|bauer|konzern|makers?|manufacturers?|companies|company"
    r"|start-?ups?|pioneer|bouwer|fabrikant|produttor\w*|costruttor\w*)\b",
    re.I,
)
_JOINED_RE = re.compile(
    r"^(?:'s|\u2019s)?\s*(?:und|sowie|oder|and|or|en|of|e|ed|o|/|&|\+)\s*$", re.I
)
# Labels a new energy vehicle statement may also name as its parts.
_NEV_PARTS = frozenset({"NEV", "BEV", "PHEV"})
# Owners named after a figure: `412.377 stuks van de Renault-groep`, `388 Wagen
# von Hyundai`; `for`, `für`, `voor` only after a comparison (`tegen 187.240 voor de BMW Groep`).
_OWNER_AFTER = r"von|vom|van|of|di|del|della|dello|dei|degli|des"
_OWNER_AFTER_COMPARED = r"für|voor|for|per"
_ARTICLE = (
    r"(?:(?:der|die|das|dem|den|de|het|the|il|la|lo|l['’]|i|gli|le)\s+)?"
    r"(?:(?:gruppo|groep|konzern|group|gruppe)\s+)?"
)


@dataclass(frozen=True, slots=True)
class SalesRow:
    """One sales figure read from one sentence (offsets relative to the sentence)."""

    company: Match
    metric: str
    value: Decimal
    unit: str
    value_text: str
    period: Period | None
    market: str
    segment: str
    reporting_body: str | None
    # Read as the base of a comparison (`up from 1,808,581`): no period the text talks about.
    compared: bool = False
    # Neither its sentence, nor its paragraph, nor the text so far names any time for it.
    timeless: bool = False


@dataclass(frozen=True, slots=True)
class Context:
    """What surrounds a sentence: its paragraph, its section, the article's date and focus.

    `focus` is the period the text was last talking about (the period of the last figure, or
    of the last sentence that spoke of sales and named one period); `topic` is the company of
    the last figure, which a pronoun subject (`it delivered`, `man lieferte`) refers back to.
    """

    previous: tuple[str, ...] = ()
    following: str = ""
    heading: str = ""
    earlier: tuple[str, ...] = ()  # lines of the section's earlier paragraphs, in text order
    anchor: Anchor | None = None
    focus: Period | None = None
    topic: Match | None = None


@dataclass(frozen=True, slots=True)
class _Stated:
    """The one segment a text states, and whether only loose BEV words say it."""

    label: str
    loose: bool


@dataclass(slots=True)
class _Sentence:
    """One sentence as its figures see it, with what is read once and shared."""

    text: str
    language: str | None
    context: Context
    companies: list[Match]
    quantities: list[Quantity]
    periods: list[PeriodMention]
    excluded: set[int] = field(default_factory=set)  # starts of names that own no figure
    _previous_periods: list[list[PeriodMention]] | None = None

    def previous_periods(self) -> list[list[PeriodMention]]:
        """The period mentions of the paragraph's earlier sentences, nearest first."""
        if self._previous_periods is None:
            self._previous_periods = [
                period_mentions(text, self.language, self.context.anchor, self.context.focus)
                for text in reversed(self.context.previous)
            ]
        return self._previous_periods


def _is_heading(line: str) -> bool:
    """A short title line: no closing punctuation, no bullet, not boilerplate."""
    stripped = line.strip().lstrip("#").strip()
    return (
        0 < len(stripped) <= _HEADING_MAX_CHARS
        and (stripped[0].isupper() or stripped[0].isdigit())
        and not _HEADING_END_RE.search(stripped)
        and not _BULLET_RE.match(stripped)
        and not is_boilerplate_line(line)
    )


def section_before(text: str, start: int) -> tuple[str, tuple[str, ...]]:
    """The heading of the section holding an offset and the lines of its earlier paragraphs.

    Lines of the offset's own paragraph before it may be the heading; earlier paragraphs are
    returned only when a heading closes them within reach, else the section is unknown.
    """
    position = text.rfind("\n", 0, start) + 1
    paragraphs: list[list[str]] = [[]]
    gap = False
    while position > 0 and start - position <= _SECTION_MAX_CHARS:
        end = position - 1
        position = text.rfind("\n", 0, end) + 1
        line = text[position:end]
        if not line.strip():
            gap = True
            continue
        if gap:
            if len(paragraphs) > _SECTION_PARAGRAPHS:
                break
            paragraphs.append([])
            gap = False
        if _is_heading(line):
            earlier = tuple(kept for lines in reversed(paragraphs[1:]) for kept in lines)
            return line.strip(), earlier
        if not is_boilerplate_line(line):
            paragraphs[-1].insert(0, line.strip())
    return "", ()


@lru_cache(maxsize=8)
def _patterns(language: str | None) -> dict[str, re.Pattern[str]]:
    """Compiled cue patterns for a language."""
    langs = own_and_english(language, only_none_unknown=True)

    def union(table: dict[str, str]) -> str:
        return "|".join(table[lang] for lang in langs)

    out = {f"metric:{m}": word_regex(union(SALES_METRIC_CUES[m])) for m in SALES_METRIC_PRIORITY}
    # Every sales word at once; the lookaheads that narrow some cues are left out, so this
    # finds a little more than the metric cues do, in one fast pass.
    talk = "|".join(union(SALES_METRIC_CUES[m]) for m in SALES_METRIC_PRIORITY if m != "revenue")
    out["sales_talk"] = word_regex(_LOOKAHEAD_RE.sub("", talk))
    reject = union(SALES_REJECT_CUES)
    # German compounds: `Produktionskapazität`, `Verkaufspreis` carry the cue at the end.
    out["reject"] = (
        re.compile(rf"(?:{reject})(?![\w])", re.I) if language == "de" else word_regex(reject)
    )
    out["achieved"] = word_regex(union(SALES_ACHIEVED_CUES))
    out["continuation"] = word_regex(union(SALES_CONTINUATION_CUES))
    out["part"] = word_regex(union(SALES_PART_CUES))
    out["owned_metric"] = word_regex(union(SALES_OWNED_METRIC_CUES))
    out["hypothetical"] = word_regex(union(SALES_HYPOTHETICAL_CUES))
    units = union(SALES_UNIT_WORDS)
    out["unit"] = re.compile(rf"^\s*(?:[\w-]+\s+){{0,2}}?(?:{units})(?![\w])", re.I)
    out["unit_word"] = word_regex(units)
    out["threshold_before"] = re.compile(
        rf"(?<![\w])(?:{union(SALES_THRESHOLD_WORDS)})\s+(?:\w+\s+){{0,1}}?"
        rf"(?:von|of|van|di|dei|del|della|de|der)?\s*(?:the\s+)?$",
        re.I,
    )
    out["threshold_after"] = re.compile(
        rf"^[\s-]*(?:[\w-]+[\s-]+){{0,2}}?(?:{union(SALES_THRESHOLD_WORDS)})(?![\w])", re.I
    )
    out["surpass_before"] = re.compile(
        r"(?<![\w-])(?:surpass\w*|exceed\w*|cross\w*|broke|break\w*|topp\w*|übersprang\w*"
        r"|übersprungen|überschritt\w*|überschritten|überstieg\w*|superat\w*|superando"
        r"|oltrepass\w*|overschre\w*|doorbr\w*)\s+(?:(?:the|die|de|het|la|il|i|le|its|seine"
        r"|ihre)\s+)?(?:[a-zäöüß][\w-]*\s+){0,3}$",
        re.I,
    )
    out["rate"] = word_regex(union(SALES_RATE_CUES))
    out["first_time"] = word_regex(
        r"for the first time|first time|erstmals|zum ersten mal|voor het eerst"
        r"|per la prima volta|prima volta"
    )
    out["cumulative"] = word_regex(union(SALES_CUMULATIVE_CUES))
    out["aside"] = word_regex(union(SALES_ASIDE_CUES))
    out["pronoun"] = word_regex(union(SALES_PRONOUN_SUBJECTS))
    out["plural"] = word_regex(union(SALES_PLURAL_SUBJECTS))
    months = "|".join(
        sorted(
            {m for lang in langs for m in MONTH_NAMES[lang] if len(m) > 2}, key=len, reverse=True
        )
    )
    out["month_before"] = re.compile(rf"(?<![\w])(?:{months})\.?\s$", re.I)
    # `am 7. Mai`, `on 7 May`, `il 7 maggio`: the day of a date.
    out["month_after"] = re.compile(rf"^\.?\s(?:{months})(?![\w])", re.I)
    out["owner_after"] = re.compile(
        rf"^\s*(?:[\w’'-]+\s+){{0,3}}?(?:{_OWNER_AFTER})\s+{_ARTICLE}$", re.I
    )
    out["owner_after_compared"] = re.compile(
        rf"^\s*(?:[\w’'-]+\s+){{0,3}}?(?:{_OWNER_AFTER}|{_OWNER_AFTER_COMPARED})\s+"
        rf"{_ARTICLE}$",
        re.I,
    )
    # The cue unions run on every sentence with a figure; a literal gate spares the regex
    # the sentences without any of their words. Patterns anchored at the start stay as
    # they are: they fail at once.
    return {k: v if v.pattern.startswith("^") else gated(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _market_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Compiled market cues."""
    return tuple((market, word_regex(pattern)) for market, pattern in MARKET_CUES)


@lru_cache(maxsize=1)
def _segment_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Compiled segment cues."""
    return tuple((segment, re.compile(rf"(?<![\w]){p}", re.I)) for segment, p in SEGMENT_CUES)


def _clause(sentence: str, position: int) -> tuple[int, int]:
    """Start and end of the clause around an offset."""
    start = 0
    for match in _CLAUSE_RE.finditer(sentence):
        if match.end() <= position:
            start = match.end()
        elif match.start() >= position:
            return start, match.start()
    return start, len(sentence)


def _nearest_cue(
    sentence: str, position: int, patterns: tuple[tuple[str, re.Pattern[str]], ...]
) -> str | None:
    """The label of the cue nearest an offset in a sentence."""
    best: tuple[int, str] | None = None
    for label, pattern in patterns:
        for match in pattern.finditer(sentence):
            distance = abs(match.start() - position)
            if best is None or distance < best[0]:
                best = (distance, label)
    return best[1] if best else None


def _section_sentences(context: Context, language: str | None) -> tuple[str, ...]:
    """The section's sentences before the paragraph of a figure, nearest first, heading last."""
    if not context.heading:
        return ()
    out: list[str] = []
    for line in reversed(context.earlier):
        spans = split_line(line, 0, 0, language)
        out.extend(line[span.start : span.end] for span in reversed(spans))
    return (*out, context.heading)


def _speaks_of_sales(text: str, language: str | None) -> bool:
    """Whether a text names a sales metric other than revenue (`Absatz`, `market share`)."""
    return _patterns(language)["sales_talk"].search(text) is not None


def _section_market(context: Context, language: str | None) -> str | None:
    """The one market the nearest sales talk of the section (before the paragraph) gives."""
    for text in _section_sentences(context, language):
        if not _speaks_of_sales(text, language):
            continue
        markets = {label for label, pattern in _market_patterns() if pattern.search(text)}
        if markets:
            return markets.pop() if len(markets) == 1 else None
    return None


def find_market(
    sentence: str,
    position: int,
    context: Context,
    body: str | None,
    language: str | None = None,
) -> str:
    """The market a figure counts in: the sentence, the body, its paragraph, its section."""
    market = _nearest_cue(sentence, position, _market_patterns())
    if market:
        return market
    if body and body in _REPORTING_MARKET:
        return _REPORTING_MARKET[body]
    for previous in reversed(context.previous):
        market = _nearest_cue(previous, len(previous), _market_patterns())
        if market:
            return market
    return _section_market(context, language) or _DEFAULT_MARKET


def _segment_hits(text: str) -> list[tuple[int, int, str]]:
    """Segment cues of a text as (start, end, label); `Plug-in-Hybride` counts once, as PHEV."""
    hits = [
        (match.start(), match.end(), label)
        for label, pattern in _segment_patterns()
        for match in pattern.finditer(text)
        if _is_segment_word(text, match)
    ]
    kept = [
        hit
        for hit in hits
        if not any(
            o[0] <= hit[0] and hit[1] <= o[1] and o[1] - o[0] > hit[1] - hit[0] for o in hits
        )
    ]
    return _joined_as_nev(text, sorted(kept))


def _is_segment_word(text: str, match: re.Match[str]) -> bool:
    """A whole segment word, not `bevor`, `never`, `electric carmaker` or `EV maker`."""
    word = match.group()
    if _ABBREVIATION_CUE_RE.match(word) and not _ABBREVIATION_RE.match(word):
        return False
    if match.end() < len(text) and (text[match.end()].isalnum() or text[match.end()] == "_"):
        return False
    return not (_MAKER_RE.search(word) or _MAKER_AFTER_RE.match(text[match.end() :]))


def _joined_as_nev(text: str, hits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """`Elektroautos und Plug-in-Hybride`: a BEV and a PHEV cue joined name NEVs."""
    out: list[tuple[int, int, str]] = []
    for hit in hits:
        joined = out and _JOINED_RE.match(text[out[-1][1] : hit[0]])
        if joined and {out[-1][2], hit[2]} == {"BEV", "PHEV"}:
            out[-1] = (out[-1][0], hit[1], "NEV")
            continue
        out.append(hit)
    return out


def _is_loose(text: str, hit: tuple[int, int, str]) -> bool:
    """A BEV cue that may stand for every new energy vehicle (`Elektroautos`, `EVs`)."""
    return hit[2] == "BEV" and not _STRICT_BEV_RE.match(text[hit[0] : hit[1]])


def _stated_segment(text: str) -> _Stated | None:
    """The one segment a text states; NEV when it names NEVs and at most their parts."""
    hits = _segment_hits(text)
    labels = {hit[2] for hit in hits}
    if len(labels) == 1 or ("NEV" in labels and labels <= _NEV_PARTS):
        label = "NEV" if "NEV" in labels else labels.pop()
        loose = label == "BEV" and all(_is_loose(text, hit) for hit in hits)
        return _Stated(label, loose)
    return None


def _section_segment(context: Context, language: str | None) -> _Stated | None:
    """The segment the nearest sales talk before a figure states, in its paragraph or section.

    Sales talk about the whole market (`insgesamt`, `overall`) ends the search.
    """
    for text in (*reversed(context.previous), *_section_sentences(context, language)):
        if not _speaks_of_sales(text, language):
            continue
        if _segment_hits(text):
            return _stated_segment(text)
        if _TOTAL_RE.search(text):
            return None
    return None


def _section_says_nev(context: Context, language: str | None) -> bool:
    """Whether the section heading, else the sales talk before a figure, states NEVs."""
    heading = _stated_segment(context.heading) if context.heading else None
    stated = heading or _section_segment(context, language)
    return stated is not None and stated.label == "NEV"


def find_segment(
    sentence: str, quantity: Quantity, metric: str, context: Context, language: str | None
) -> str:
    """The segment of a figure: its clause, else the sales talk before it in its section.

    A loose word (`Elektroautos`) gives way to a section that says new energy vehicles; a
    figure in a sentence that names another segment or the whole market keeps `all`.
    """
    _, clause_end = _clause(sentence, quantity.start)
    hits = _segment_hits(sentence[:clause_end])
    if hits:
        hit = min(hits, key=lambda h: (abs(h[0] - quantity.start), h[0]))
        others = {h[2] for h in _segment_hits(sentence)} - {"BEV"}
        if _is_loose(sentence, hit) and not others and _section_says_nev(context, language):
            return "NEV"
        return hit[2]
    if metric == "revenue" or _segment_hits(sentence) or _TOTAL_RE.search(sentence):
        return "all"
    stated = _section_segment(context, language)
    if stated is None:
        return "all"
    if stated.loose and _section_says_nev(context, language):
        return "NEV"
    return stated.label


def find_reporting_body(sentence: str, context: Context) -> str | None:
    """The statistics body named in the sentence or the one right after it."""
    for text in (sentence, context.following):
        match = _REPORTING_RE.search(text)
        if match:
            name = match.group(1)
            return REPORTING_BODY_CANONICAL.get(name.lower(), name)
    return None


def _cue_distance(sentence: str, match: re.Match[str], quantity: Quantity, unit: re.Pattern) -> int:
    """How far a metric cue stands from a figure, read as the figure's own words.

    A cue right after the figure's unit (`6.001 Einheiten ausgeliefert`) is the figure's own
    verb; a cue before it that a conjunction separates (`produziert und 6.001 ...`) belongs
    to the other half of the sentence.
    """
    if match.end() <= quantity.start:
        gap = sentence[match.end() : quantity.start]
        penalty = 60 if re.search(r"(?<![\w])(?:und|and|en|e|ed|sowie)(?![\w])", gap) else 0
        return len(gap) + penalty
    if match.start() >= quantity.end:
        gap = sentence[quantity.end : match.start()]
        unit_match = unit.match(gap)
        if unit_match and not gap[unit_match.end() :].strip(" \t"):
            return 0
        return len(gap)
    return 0  # the cue spans the figure ("aandeel van 34 procent in de markt")


def _metric_for(
    sentence: str, quantity: Quantity, language: str | None, metrics: tuple[str, ...]
) -> str | None:
    """The metric (of those a figure of its kind can have) whose cue stands nearest it."""
    pats = _patterns(language)
    best: tuple[int, int, str] | None = None
    for rank, metric in enumerate(SALES_METRIC_PRIORITY):
        if metric not in metrics:
            continue
        for match in pats[f"metric:{metric}"].finditer(sentence):
            distance = _cue_distance(sentence, match, quantity, pats["unit"])
            if best is None or (distance, rank) < best[:2]:
                best = (distance, rank, metric)
    return best[2] if best else None


def _not_a_value(sentence: str, quantity: Quantity, language: str | None) -> bool:
    """A number that names something other than an amount: a model, a code, a rank, a mark."""
    before = sentence[max(0, quantity.start - 40) : quantity.start]
    after = sentence[quantity.end : quantity.end + 40]
    pats = _patterns(language)
    small = quantity.value < _LISTED_MIN and quantity.text.isdigit()
    return bool(
        (
            small
            and (_MODEL_WORD_BEFORE_RE.search(before) or _in_a_name(sentence, quantity, language))
        )
        or (
            (small or _YEAR_RE.match(quantity.text))
            and pats["month_before"].search(before)
            # `im Juli 607 Fahrzeuge`: no day and no year, a count with its unit.
            and (
                quantity.value <= 31
                or _YEAR_RE.match(quantity.text)
                or not pats["unit"].match(after)
            )
        )
        or (small and quantity.value <= 31 and pats["month_after"].match(after))
        or (_RANGE_BEFORE_RE.search(before) and _RANGE_AFTER_RE.match(after))
        or _RANGE_SECOND_RE.search(before)
        or _ORDINAL_AFTER_RE.match(after)
        or _TICKER_AFTER_RE.match(after)
        or _TICKER_BEFORE_RE.search(before)
        or _FRACTION_AFTER_RE.match(after)
        or _FRACTION_BEFORE_RE.search(before)
        or pats["threshold_before"].search(before)
        or pats["threshold_after"].match(after)
        or (pats["surpass_before"].search(before) and _passed_mark(sentence, quantity, language))
    )


def _in_a_name(sentence: str, quantity: Quantity, language: str | None) -> bool:
    """A small number right after a name-like word is part of a product or model name.

    The word is written in camel case (`iWork 11`, `eGolf 2`), or, where common nouns are
    written in lower case, it is a capitalised word inside the sentence that names no place
    and no month (`the Tiggo 8 SUVs`, `la Serie 3`). German capitalises every noun, so only
    camel case counts there.
    """
    word = _WORD_BEFORE_RE.search(sentence, 0, quantity.start)
    if word is None:
        return False
    text = word.group(1)
    if _CAMEL_RE.match(text):
        return True
    if not text[0].isupper() or text.isupper() or not sentence[: word.start()].strip():
        return False
    if language in (None, "de"):
        return False
    return not any(pattern.fullmatch(text) for _, pattern in _market_patterns())


def _passed_mark(sentence: str, quantity: Quantity, language: str | None) -> bool:
    """After `exceeded`, `übersprang`: a mark passed, unless the figure has a period of its own.

    `topped 15,000 cars for the first time` passes a mark; `outdid the 9,318 registrations
    of March 2021` compares with a figure of another period.
    """
    _, clause_end = _clause(sentence, quantity.end)
    own = sentence[quantity.end : clause_end]
    if _patterns(language)["first_time"].search(sentence):
        return True
    mentions = period_mentions(own, language, None)
    return not any(m.role == STATED for m in mentions)


def _passed_share(read: _Sentence, quantity: Quantity) -> bool:
    """A share mark passed (`its share topped 5 percent for the first time`)."""
    before = read.text[max(0, quantity.start - 40) : quantity.start]
    return bool(
        _patterns(read.language)["surpass_before"].search(before)
        and _passed_mark(read.text, quantity, read.language)
    )


def _is_count(sentence: str, quantity: Quantity, language: str | None) -> bool:
    """A plain figure that can be a number of vehicles."""
    if quantity.is_percent or quantity.currency:
        return False
    if quantity.value < 1 or quantity.value != quantity.value.to_integral_value():
        return False
    if _DIFFERENCE_AFTER_RE.match(sentence, quantity.end):
        return False  # `2.300 Fahrzeuge weniger als im Vorjahr` is a difference
    if _YEAR_RE.match(quantity.text) and not _patterns(language)["unit"].match(
        sentence[quantity.end :]
    ):
        return False
    after = sentence[quantity.end : quantity.end + 12]
    if _MULTIPLIER_RE.match(after) or _RANK_AFTER_RE.match(after):
        return False
    if _COMPOUND_AFTER_RE.match(after) and not _UNIT_COMPOUND_RE.match(after):
        return False
    if _not_a_value(sentence, quantity, language):
        return False
    return not _RANK_BEFORE_RE.search(sentence[max(0, quantity.start - 12) : quantity.start])


def _own_span(sentence: str, quantity: Quantity, quantities: list[Quantity]) -> tuple[int, int]:
    """A figure's own words: from it to the next figure or the end of its clause.

    Figures listed together (`300,538, 150,000 and 63,238 vehicles`) share the words after
    the list.
    """
    _, clause_end = _clause(sentence, quantity.end)
    end = quantity.end
    for other in quantities:
        if other.start < end or _YEAR_RE.match(other.text):
            continue
        if not _LISTED_FIGURES_RE.fullmatch(sentence, end, other.start):
            return quantity.start, min(clause_end, other.start)
        end = other.end
    return quantity.start, max(clause_end, _clause(sentence, end)[1])


def _rejected(read: _Sentence, quantity: Quantity) -> bool:
    """Whether the clause of a figure speaks of capacity, price, staff, goals, rates, totals."""
    sentence = read.text
    start, end = _clause(sentence, quantity.start)
    clause = sentence[start:end]
    pats = _patterns(read.language)
    own_start, own_end = _own_span(sentence, quantity, read.quantities)
    own = sentence[own_start:own_end]
    if pats["rate"].search(own) or pats["cumulative"].search(clause):
        return True
    # `die kumulierten Verkäufe der Modelle A1, B2 und C3 erreichten 48.210`: a running
    # total named before the figure, with a list of names between and no other figure.
    cumulative = [m.end() for m in pats["cumulative"].finditer(sentence, 0, quantity.start)]
    if cumulative and not any(cumulative[-1] <= q.start < quantity.start for q in read.quantities):
        return True
    if pats["rate"].search(sentence[max(start, quantity.start - 25) : quantity.start]):
        return True
    if not pats["reject"].search(clause):
        return False
    # `das Ziel von 25.000 Einheiten` names what the figure is, whatever else was achieved.
    head = sentence[start : quantity.start]
    for cue in pats["reject"].finditer(head):
        if _CUE_OF_FIGURE_RE.fullmatch(head[cue.end() :]):
            return True
    # `25,795 patents`, `1,025 horsepower`: the noun right after the figure names it.
    noun = _NOUN_AFTER_RE.match(sentence, quantity.end)
    if noun and pats["reject"].search(noun.group(0)):
        return True
    return not pats["achieved"].search(clause)


def _asides(read: _Sentence) -> set[int]:
    """Starts of names inside an aside (`including Genesis`, `owned by Dongfeng`)."""
    out: set[int] = set()
    pats = _patterns(read.language)
    for cue in pats["aside"].finditer(read.text):
        end = _clause(read.text, cue.end())[1]
        # The aside runs over its list of names: up to the clause that holds a figure.
        for company in read.companies:
            if cue.end() <= company.start and company.start <= end + 80:
                between = read.text[cue.end() : company.start]
                if not any(cue.end() <= q.start < company.start for q in read.quantities) and (
                    len(between) < 120
                ):
                    out.add(company.start)
    return out


def _in_parentheses_after(read: _Sentence, quantity: Quantity) -> Match | None:
    """The name whose parentheses hold the figure: `Opel (8.123)`, `VW (Anteil: 15,5%)`."""
    for company in reversed(read.companies):
        if company.end > quantity.start:
            continue
        gap = read.text[company.end : quantity.start]
        if _PAREN_OPEN_RE.fullmatch(gap):
            return company
        return None
    return None


def _in_parentheses_of_another(read: _Sentence, quantity: Quantity) -> bool:
    """A figure in the parentheses after a name that is no company read: `Spar (30 Prozent)`.

    What parentheses hold is said of the word right before them; a name there that is no
    company found (nor a metric, unit, segment or market word) owns the figure, so the
    company named earlier does not.
    """
    head = read.text[max(0, quantity.start - 32) : quantity.start]
    opening = _PAREN_OPEN_RE.search(head)
    if opening is None:
        return False
    before = read.text[: quantity.start - len(head) + opening.start()]
    word = _WORD_BEFORE_RE.search(before + " ")
    if word is None or not word.group(1)[0].isupper():
        return False
    if any(c.start <= word.start() < c.end for c in read.companies):
        return False
    text = word.group(1)
    pats = _patterns(read.language)
    return not (
        pats["sales_talk"].search(text)
        or pats["unit_word"].search(text)
        or _patterns_share(read.language).match(text)
        or _segment_hits(text)
        or any(pattern.search(text) for _, pattern in _market_patterns())
        or pats["month_before"].search(text + " ")
    )


def _paired_before(read: _Sentence, quantity: Quantity) -> Match | None:
    """The name a figure is paired with: `Toyota with 1.93 million`, `KIA met 3.418`."""
    for company in reversed(read.companies):
        if company.end > quantity.start:
            continue
        gap = read.text[company.end : quantity.start]
        return company if _PAIR_GAP_RE.fullmatch(gap) else None
    return None


def _owner_after(read: _Sentence, quantity: Quantity, compared: bool) -> Match | None:
    """The owner named after a figure: `412.377 stuks van de Renault-groep`."""
    pattern = _patterns(read.language)["owner_after_compared" if compared else "owner_after"]
    _, clause_end = _clause(read.text, quantity.end)
    for company in read.companies:
        if company.start < quantity.end or company.start > clause_end:
            continue
        if any(quantity.end <= q.start < company.start for q in read.quantities):
            return None
        gap = read.text[quantity.end : company.start]
        return company if pattern.fullmatch(gap) else None
    return None


def _joint(read: _Sentence, owner: Match, quantity: Quantity) -> bool:
    """Whether a figure is the total of several companies (`Hyundai und Kia verkauften`).

    The company before it is coordinated with another (`A und B`, `A, B and C`), or a plural
    subject refers to several named before (`their sales of ...`).
    """
    if _EACH_RE.search(read.text):
        return False
    earlier = [c for c in read.companies if c.end <= owner.start and c.start not in read.excluded]
    if (
        earlier
        and earlier[-1].company_id != owner.company_id
        and _COORDINATION_RE.match(read.text[earlier[-1].end : owner.start])
    ):
        return True
    clause_start, _ = _clause(read.text, quantity.start)
    plural = _patterns(read.language)["plural"].search(read.text, clause_start, quantity.start)
    named = {c.company_id for c in read.companies if c.end <= quantity.start}
    return bool(plural) and len(named) > 1 and owner.end <= plural.start()


def _subject(read: _Sentence, quantity: Quantity) -> Match | None:
    """The company a figure's clause is about: named in it, referred to, or before it."""
    sentence = read.text
    clause_start, clause_end = _clause(sentence, quantity.start)
    usable = [c for c in read.companies if c.start not in read.excluded]
    in_clause = [c for c in usable if clause_start <= c.start and c.end <= quantity.start]
    if in_clause:
        return in_clause[-1]
    pronoun = _patterns(read.language)["pronoun"].search(sentence, clause_start, quantity.start)
    if pronoun:
        topic = read.context.topic
        named = [c for c in usable if c.company_id == (topic.company_id if topic else None)]
        if named:
            return named[0]
        if usable and usable[0].start < pronoun.start():
            return usable[0]  # `Voyah ... said that it delivered`
        if topic is not None:
            return topic  # `Het bedrijf leverde ...`: the company of the last figure
        if usable:
            return usable[0]
    # Names in parentheses closed before the figure are an aside (`Cupra (marchio di Seat)
    # vende 4.100 auto`): the name they describe is the subject.
    before = [
        c
        for c in usable
        if c.end <= quantity.start and not _in_closed_parentheses(sentence, c, quantity.start)
    ]
    if before:
        return before[-1]
    after = [c for c in usable if quantity.end <= c.start]
    if _FRONTED_RE.match(sentence, clause_start):
        # `Con 4328 vetture vendute, Alpine cresce`: the subject follows the fronted figure.
        return after[0] if after else None
    topic = read.context.topic
    named = [c for c in after if topic is not None and c.company_id == topic.company_id]
    if named:
        return named[0]  # `Which topped an earlier best of 14,208 ..., lifting Polestar's count`
    after = [c for c in after if c.end <= clause_end]
    return after[0] if after else None


def _in_closed_parentheses(sentence: str, company: Match, end: int) -> bool:
    """Whether a name stands inside parentheses that close before an offset."""
    opening = sentence.rfind("(", 0, company.start)
    if opening < 0 or sentence.rfind(")", opening, company.start) >= 0:
        return False
    closing = sentence.find(")", company.end)
    return 0 <= closing < end


def _company_for(read: _Sentence, quantity: Quantity) -> Match | None:
    """The company a figure belongs to; None for nobody's or a shared figure."""
    paired = _in_parentheses_after(read, quantity)
    if paired is not None and paired.start not in read.excluded:
        return paired
    compared = bool(
        _COMPARISON_RE.search(read.text[max(0, quantity.start - _COMPARISON_GAP) : quantity.start])
    )
    after = _owner_after(read, quantity, compared)
    if after is not None:
        return after
    paired = _paired_before(read, quantity)
    if paired is not None and paired.start not in read.excluded:
        return paired
    if _in_parentheses_of_another(read, quantity):
        return None
    owner = _subject(read, quantity)
    if owner is None or _joint(read, owner, quantity):
        return None
    return owner


def _figure_period(read: _Sentence, quantity: Quantity) -> Period | None:
    """The period of one figure: its clause, the sentence, the paragraph, the text's focus."""
    sentence = read.text
    clause_start, clause_end = _clause(sentence, quantity.start)
    # After the figure, its clause speaks for it only up to the next figure.
    own_end = _own_span(sentence, quantity, read.quantities)[1]
    relative = _RELATIVE_PERIOD_RE.match(sentence, clause_start)
    if relative:
        # `up from April, during which Nio delivered`: the clause is about that period.
        for m in read.periods:
            if m.period is not None and not sentence[m.end : clause_start].strip(" ,"):
                return m.period
    mention = nearest_stated(read.periods, quantity.start, clause_start, max(own_end, quantity.end))
    if mention is None and _BASE_FIGURE_RE.search(
        sentence, max(0, quantity.start - _COMPARISON_GAP), quantity.start
    ):
        # `up 9 percent from the 1.2 million sold in 2021`: a base figure read on its own has the
        # base period of its own words.
        mention = next(
            (
                m
                for m in read.periods
                if m.role == BASE and quantity.end <= m.start and m.end <= own_end
            ),
            None,
        )
    if mention is None:
        mention = nearest_stated(read.periods, quantity.start, 0, clause_start)
    if mention is not None:
        period = mention.period
        if (
            period
            and period.grain != "year"
            and _FULL_YEAR_RE.search(sentence, clause_start, clause_end)
        ):
            # "over the year" after a quarter figure: the whole year of that quarter.
            year = period.start.year
            return Period(date(year, 1, 1), date(year, 12, 31), "year")
        return _most_specific(read, quantity, period)
    for mentions in read.previous_periods():
        stated = [m.period for m in mentions if m.role == STATED]
        if stated:
            # `2024, vor allem im Februar`: a month of the year named with it is more specific.
            first = stated[0]
            months = [
                p
                for p in stated[1:]
                if first is not None
                and p is not None
                and first.grain == "year"
                and p.grain == "month"
                and p.start.year == first.start.year
            ]
            return months[0] if len(months) == 1 else first
    return read.context.focus


def _most_specific(read: _Sentence, quantity: Quantity, period: Period | None) -> Period | None:
    """A year stated for a figure gives way to a month of that year named before it.

    `im März, als dieses Jahr 812 Wagen ... verkauft wurden`: March of this year.
    """
    if period is None or period.grain != "year":
        return period
    months = [
        m.period
        for m in read.periods
        if m.role == STATED
        and m.end <= quantity.start
        and m.period is not None
        and m.period.grain == "month"
        and m.period.start.year == period.start.year
    ]
    return months[-1] if months else period


def _is_share(read: _Sentence, quantity: Quantity, metric: str | None) -> bool:
    """Whether a percentage is a market share of the company it is read for."""
    sentence = read.text
    if quantity.value > 100 or is_change(sentence, quantity.start, quantity.end, read.language):
        return False
    context = " ".join(read.context.previous)
    if metric == "market_share" or is_market_share(
        sentence, quantity.start, quantity.end, read.language, context
    ):
        return True
    # `Mazda (1,23 procent)`, `1.8 million cars (11.2 percent)`, `Audi (+4,4 %/6,6 %)`:
    # an unsigned percentage in a name's or a figure's parentheses, in a text about shares.
    head = sentence[max(0, quantity.start - 30) : quantity.start]
    in_parentheses = bool(re.search(r"\(\s*$|\(\s*[^()]{0,14}%\s*/\s*$", head))
    if not in_parentheses or names_a_stake(sentence, read.language):
        return False
    shares = _patterns_share(read.language)
    return bool(shares.search(sentence) or shares.search(context)) and (
        share_context(sentence, read.language) or share_context(context, read.language)
    )


def _context_speaks_of_sales(read: _Sentence) -> bool:
    """Whether the sentence, its paragraph, its section or the figures before speak of sales."""
    if read.context.topic is not None:
        return True
    return any(
        _speaks_of_sales(text, read.language)
        for text in (read.text, *read.context.previous, read.context.heading)
    )


@lru_cache(maxsize=8)
def _patterns_share(language: str | None) -> re.Pattern[str]:
    """Share and market-share words, for a text that presents shares in parentheses."""
    langs = own_and_english(language, only_none_unknown=True)
    words = "|".join(
        [SALES_SHARE_WORDS[lang] for lang in langs]
        + [SALES_METRIC_CUES["market_share"][lang] for lang in langs]
    )
    return re.compile(rf"(?<![\w])(?:{words})", re.I)


def _in_period(read: _Sentence, quantity: Quantity) -> bool:
    """Whether a number is part of a period the sentence names (`Nel 2022 le vendite`)."""
    return any(m.start <= quantity.start and quantity.end <= m.end for m in read.periods)


def _read_figure(read: _Sentence, quantity: Quantity) -> SalesRow | None:
    """One figure as a sales row, or None when it is not a sales figure of a named company."""
    sentence, language = read.text, read.language
    if _in_period(read, quantity):
        return None
    pats = _patterns(language)
    if quantity.is_percent:
        kinds: tuple[str, ...] = ("market_share",)
    elif quantity.currency:
        kinds = ("revenue",)
    else:
        kinds = _COUNTED_METRICS
    metric = _metric_for(sentence, quantity, language, kinds)
    # A brand can be the unit: `2.706 neue Tesla`, `1.254 nieuwe Kia's`.
    has_unit = bool(pats["unit"].match(sentence[quantity.end :])) or any(
        _BRAND_AS_UNIT_RE.fullmatch(sentence[quantity.end : m.start])
        and not sentence.startswith(("-", "\u2010", "\u2011"), m.end)
        for m in read.companies
        if m.start >= quantity.end
    )
    if not has_unit and not quantity.is_percent and not quantity.currency:
        # A segment word is a unit too: `8.240 plug-inhybrides`, `3.115 E-Autos`.
        has_unit = _segment_as_unit(sentence, quantity)
    if quantity.is_percent:
        if not _is_share(read, quantity, metric) or _passed_share(read, quantity):
            return None
        metric, unit = "market_share", "percent"
    elif quantity.currency:
        if metric != "revenue":
            return None
        unit = quantity.currency
    else:
        if not _is_count(sentence, quantity, language):
            return None
        if metric is None and has_unit:
            # Vehicles counted with no verb of their own (`Stellantis with 1.4 million
            # units`): a sale when the paragraph speaks of sales, its metric if it names one.
            metric = _inherited_metric(read.context, language)
            if metric is None and _context_speaks_of_sales(read):
                metric = "units_sold"
        if metric is None or metric == "production":
            return None  # a production figure is no sale
        listed = quantity.value >= _LISTED_MIN and _paired_before(read, quantity) is not None
        if not (has_unit or listed or _metric_near(sentence, quantity, metric, language)):
            return None
        unit = "vehicles"
    if _rejected(read, quantity):
        return None
    company = _company_for(read, quantity)
    if company is None:
        return None
    return _row(read, quantity, company, metric, unit)


_SEGMENT_UNIT_GAP_RE = re.compile(r"\s*(?:[^\W\d][\w-]*\s+)?")


def _segment_as_unit(sentence: str, quantity: Quantity) -> bool:
    """Whether a segment word (an adjective at most between) follows a figure."""
    after = sentence[quantity.end : quantity.end + 40]
    hits = _segment_hits(after)
    return bool(hits) and _SEGMENT_UNIT_GAP_RE.fullmatch(after, 0, hits[0][0]) is not None


def _row(read: _Sentence, quantity: Quantity, company: Match, metric: str, unit: str) -> SalesRow:
    """A sales row for a figure of a company, with period, market, segment and source."""
    sentence, language, context = read.text, read.language, read.context
    body = find_reporting_body(sentence, context)
    # The parts after `davon` have their own markets: `50.000 Autos, davon 12.000 in Europa`.
    part = _patterns(language)["part"].search(sentence, quantity.end)
    scope = sentence[: part.start()] if part else sentence
    market = find_market(scope, quantity.start, context, body, language)
    if metric == "exports":
        metric, market = "units_sold", EXPORT_MARKET
    before = sentence[max(0, quantity.start - _COMPARISON_GAP) : quantity.start]
    return SalesRow(
        company=company,
        metric=metric,
        value=quantity.value,
        unit=unit,
        value_text=quantity.text,
        period=_figure_period(read, quantity),
        market=market,
        segment=find_segment(sentence, quantity, metric, context, language),
        reporting_body=body,
        compared=bool(_BASE_FIGURE_RE.search(before)),
        timeless=_timeless(read),
    )


def _timeless(read: _Sentence) -> bool:
    """Whether no time at all is named for a sentence's figures: none the text has been
    talking about, none stated in its sentence or in its paragraph before it (a month the
    text gives no year for still names one)."""
    if read.context.focus is not None or any(m.role == STATED for m in read.periods):
        return False
    if read.context.anchor is None and any(
        m.role == STATED for m in period_mentions(read.text, read.language, _ANY_DAY)
    ):
        return False
    return not any(m.role == STATED for mentions in read.previous_periods() for m in mentions)


# A day to read periods against only to learn whether a sentence names one at all.
_ANY_DAY = Anchor(date(2000, 12, 31), exact=True)


def _comparison(
    read: _Sentence, quantity: Quantity, base: tuple[Quantity, SalesRow]
) -> SalesRow | None:
    """A figure compared with an accepted one (`up from 1,808,581 in 2023`): same meaning."""
    sentence, language = read.text, read.language
    base_quantity, base_row = base
    if base_row.unit == "percent":
        if not quantity.is_percent or is_change(sentence, quantity.start, quantity.end, language):
            return None
    elif base_row.unit != "vehicles" or not _is_count(sentence, quantity, language):
        return None
    gap = sentence[base_quantity.end : quantity.start]
    if len(gap) > _COMPARISON_GAP or not _COMPARISON_RE.search(gap):
        return None
    start, end = _own_span(sentence, quantity, read.quantities)
    focus = base_row.period or read.context.focus
    own = period_mentions(sentence[start:end], language, read.context.anchor, focus)
    mention = next((m for m in own if m.role == STATED), None)
    other = _owner_after(read, quantity, True)
    if other is not None and other.company_id != base_row.company.company_id:
        # `3.161.500 wagens tegen 3.160.800 stuks van het Volkswagen-concern`: another
        # company's figure, for the same period unless it names its own.
        period = mention.period if mention is not None else base_row.period
        return dataclasses.replace(
            base_row, company=other, value=quantity.value, value_text=quantity.text, period=period
        )
    if mention is None or mention.period is None or mention.period == base_row.period:
        return None
    return dataclasses.replace(
        base_row,
        value=quantity.value,
        value_text=quantity.text,
        period=mention.period,
        compared=True,
    )


def _listed(
    read: _Sentence, quantity: Quantity, base: tuple[Quantity, SalesRow]
) -> SalesRow | None:
    """A figure right after another company's name in a list (`gefolgt von Changan (120.000)`)."""
    sentence, language = read.text, read.language
    _, base_row = base
    if _in_period(read, quantity):
        return None
    if base_row.unit == "percent":
        if not quantity.is_percent or is_change(sentence, quantity.start, quantity.end, language):
            return None
    elif base_row.unit != "vehicles" or not _is_count(sentence, quantity, language):
        return None
    company = _in_parentheses_after(read, quantity) or _paired_before(read, quantity)
    if company is None or company.company_id == base_row.company.company_id:
        return None
    if company.start in read.excluded or _rejected(read, quantity):
        return None
    return _row(read, quantity, company, base_row.metric, base_row.unit)


def _part(
    read: _Sentence, quantity: Quantity, accepted: list[tuple[Quantity, SalesRow]]
) -> SalesRow | None:
    """A part of an accepted figure after `davon`, `of which`: its own market or segment."""
    sentence, language = read.text, read.language
    cue = _patterns(language)["part"].search(sentence, 0, quantity.start)
    if cue is None or not _is_count(sentence, quantity, language):
        return None
    wholes = [row for q, row in accepted if q.end <= cue.start()]
    if not wholes or wholes[-1].unit != "vehicles" or quantity.value >= wholes[-1].value:
        return None
    base_row = wholes[-1]
    # The part's own words run to the next figure: `davon 12.000 in Europa und 8.000 in den USA`.
    end = min((q.start for q in read.quantities if q.start >= quantity.end), default=len(sentence))
    own = sentence[quantity.start : end]
    market = _nearest_cue(own, 0, _market_patterns())
    if _EXPORT_RE.search(own):
        market = EXPORT_MARKET
    hits = _segment_hits(own)
    segment = hits[0][2] if hits else None
    if market is None and segment is None:
        return None
    return dataclasses.replace(
        base_row,
        value=quantity.value,
        value_text=quantity.text,
        market=market or base_row.market,
        segment=segment or base_row.segment,
    )


_EXPORT_RE = re.compile(
    r"(?<![\w])(?:export\w*|ausfuhr\w*|uitvoer|esportazion\w*|esportat\w*|outside (?:of )?\w+"
    r"|abroad|im ausland|ins ausland|buitenland|all['’]estero)",
    re.I,
)


def _respectively(rows: list[SalesRow], sentence: str, companies: list[Match]) -> list[SalesRow]:
    """`A, B and C sold x, y and z respectively`: the n-th figure is the n-th company's."""
    first = min(sentence.find(row.value_text) for row in rows)
    named: list[Match] = []
    for company in companies:
        if company.end <= first and company.company_id not in {c.company_id for c in named}:
            named.append(company)
    if len(named) != len(rows):
        return []
    return [
        dataclasses.replace(row, company=company) for row, company in zip(rows, named, strict=True)
    ]


def sentence_sales(
    sentence: str,
    mentions: list[Match],
    language: str | None,
    context: Context,
) -> list[SalesRow]:
    """Every sales figure a sentence states for a company named in it."""
    if not mentions or len(sentence) > SALES_MAX_SENTENCE_CHARS:
        return []
    quantities = find_quantities(sentence, language)
    if not quantities:
        return []
    hypothetical = _patterns(language)["hypothetical"].search(sentence)
    if hypothetical:
        # `Kia kam auf 3,2 Prozent, mit Hyundai würde man auf 7,5 Prozent kommen`: the
        # figures of the clauses before the hypothetical one stand.
        start = _clause(sentence, hypothetical.start())[0]
        quantities = [q for q in quantities if q.end <= start]
        if not quantities:
            return []
    companies = [m for m in mentions if m.method != "product" and not m.product_use]
    read = _Sentence(
        sentence,
        language,
        context,
        companies,
        quantities,
        period_mentions(sentence, language, context.anchor, context.focus),
    )
    read.excluded = _asides(read)
    rows: list[SalesRow] = []
    accepted: list[tuple[Quantity, SalesRow]] = []
    seen: set[tuple[str, str, Decimal]] = set()
    for quantity in quantities:
        before = sentence[max(0, quantity.start - _COMPARISON_GAP) : quantity.start]
        # A share after a count (`ein Anteil von 0,2 Prozent`) is no base of that count.
        same_kind = accepted and quantity.is_percent == (accepted[-1][1].unit == "percent")
        if same_kind and _BASE_FIGURE_RE.search(before):
            # `against 61,300 cars a year earlier`: the base of a
            # comparison has a period of its own or none at all, never the compared one's.
            row = _comparison(read, quantity, accepted[-1])
        else:
            row = _read_figure(read, quantity)
        if row is None and accepted:
            row = _comparison(read, quantity, accepted[-1])
        if row is None and accepted:
            row = _listed(read, quantity, accepted[-1])
        if row is None and accepted:
            row = _part(read, quantity, accepted)
        if row is None:
            continue
        key = (row.company.company_id, row.metric, row.value)
        if key in seen:
            continue
        seen.add(key)
        accepted.append((quantity, row))
        rows.append(row)
    if len(rows) > 1 and _RESPECTIVELY_RE.search(sentence):
        return _respectively(rows, sentence, companies)
    return rows


def sole_company_sales(
    sentence: str, company: Match, language: str | None, context: Context
) -> list[SalesRow]:
    """Vehicles counted in a sentence naming no company, in a text that has named only one.

    `Im März lieferte man 5.120 Autos aus`, `In Duitsland werden 1.870 wagens
    verkocht` after paragraphs about that one company: its figures, when the sentence
    or its paragraph before it speaks of sales. A sentence about the whole market
    (`insgesamt`, `overall`), or about a target or a capacity, states none.
    """
    if not may_be_sole_company_sales(sentence, context.previous, language):
        return []
    stand_in = dataclasses.replace(company, start=0, end=0)
    rows = sentence_sales(sentence, [stand_in], language, context)
    return [row for row in rows if row.unit == "vehicles"]


def may_be_sole_company_sales(
    sentence: str, previous: tuple[str, ...], language: str | None
) -> bool:
    """Whether a sentence naming no company may state the one company's figures: it or its
    paragraph before it speaks of sales, and it names no whole market, target or capacity."""
    if not any(_speaks_of_sales(text, language) for text in (sentence, *previous)):
        return False
    return not (_WHOLE_MARKET_RE.search(sentence) or _patterns(language)["reject"].search(sentence))


def continued_sales(
    sentence: str, previous: SalesRow, language: str | None, context: Context
) -> list[SalesRow]:
    """The previous sentence's figure for other periods or a part, in a sentence naming no company.

    Figures that compare the previous one with other periods (`above the 27,940 cars
    handed over in May`), a cue that the sentence goes on with the same figure for a period of
    its own (`In 2023 waren het er nog 3.024.417`), or a segment or market of its own (`Davon
    waren 48.100 vollelektrisch`); everything else is the previous row's.
    """
    if len(sentence) > SALES_MAX_SENTENCE_CHARS or previous.unit != "vehicles":
        return []
    pats = _patterns(language)
    if pats["hypothetical"].search(sentence):
        return []
    quantities = find_quantities(sentence, language)
    counts = [q for q in quantities if _is_count(sentence, q, language)]
    if not counts:
        return []
    anchor = context.anchor
    focus = previous.period or context.focus
    if len(counts) > 1 and not _COMPARISON_RE.search(sentence[: counts[0].start]):
        parts = _listed_parts(sentence, counts, previous, language)
        if parts:
            return parts
    if len(counts) > 1 or _COMPARISON_RE.search(sentence[: counts[0].start]):
        return _compared_periods(sentence, counts, quantities, previous, language, context)
    if pats["reject"].search(sentence):
        return []
    quantity = counts[0]
    mentions = period_mentions(sentence, language, anchor, focus)
    period = next((m.period for m in mentions if m.role == STATED), None)
    if pats["continuation"].search(sentence):
        if period is None or period == previous.period:
            return []
        return [
            dataclasses.replace(
                previous, value=quantity.value, value_text=quantity.text, period=period
            )
        ]
    if (
        previous.market != EXPORT_MARKET
        and _EXPORT_RE.search(sentence)
        and pats["unit"].match(sentence[quantity.end :])
        and _speaks_of_sales(sentence, language)
        and not _WHOLE_MARKET_RE.search(sentence)
    ):
        # `Exports reached 2,400 units`: the same company's units abroad.
        return [
            dataclasses.replace(
                previous,
                metric="units_sold",
                value=quantity.value,
                value_text=quantity.text,
                period=period or previous.period,
                market=EXPORT_MARKET,
                segment=find_segment(sentence, quantity, "units_sold", Context(), language),
            )
        ]
    segment = find_segment(sentence, quantity, previous.metric, Context(), language)
    market = _nearest_cue(sentence, quantity.start, _market_patterns())
    owned = _owned_metric(sentence, quantity, language)
    if owned and market and market != previous.market:
        # "In China sank der Absatz auf 2,93 Millionen Fahrzeuge": another market, own period.
        return [
            dataclasses.replace(
                previous,
                metric=owned,
                value=quantity.value,
                value_text=quantity.text,
                period=period or previous.period,
                market=market,
                segment=segment,
            )
        ]
    if not pats["part"].search(sentence) or quantity.value >= previous.value:
        return []
    if (segment == "all" or segment == previous.segment) and market in (None, previous.market):
        return []
    return [
        dataclasses.replace(
            previous,
            value=quantity.value,
            value_text=quantity.text,
            period=period or previous.period,
            segment=segment if segment != "all" else previous.segment,
            market=market or previous.market,
        )
    ]


def _listed_parts(
    sentence: str, counts: list[Quantity], previous: SalesRow, language: str | None
) -> list[SalesRow]:
    """Parts of the previous figure listed after `davon`, `of which`, each with its segment or
    market (`Darunter 2.300 E-Autos und 900 Plug-in-Hybride`); together no more than it."""
    pats = _patterns(language)
    cue = pats["part"].search(sentence, 0, counts[0].start)
    if cue is None or pats["reject"].search(sentence):
        return []
    if sum(q.value for q in counts) > previous.value * (1 + ROUNDING_TOLERANCE):
        return []
    rows = []
    for index, quantity in enumerate(counts):
        end = counts[index + 1].start if index + 1 < len(counts) else len(sentence)
        own = sentence[quantity.end : end]
        hits = _segment_hits(own)
        market = _nearest_cue(own, 0, _market_patterns())
        if not hits and market is None:
            return []
        rows.append(
            dataclasses.replace(
                previous,
                value=quantity.value,
                value_text=quantity.text,
                segment=hits[0][2] if hits else previous.segment,
                market=market or previous.market,
            )
        )
    return rows


def _compared_periods(
    sentence: str,
    counts: list[Quantity],
    quantities: list[Quantity],
    previous: SalesRow,
    language: str | None,
    context: Context,
) -> list[SalesRow]:
    """Figures a sentence compares with the previous one, each stated with a period of its own."""
    pats = _patterns(language)
    if not _COMPARISON_RE.search(sentence[: counts[0].start]):
        return []
    rows = []
    focus = previous.period or context.focus
    for quantity in counts:
        start, end = _own_span(sentence, quantity, quantities)
        own = sentence[start:end]
        if not pats["unit"].match(sentence[quantity.end :]) or pats["reject"].search(own):
            continue
        mentions = period_mentions(own, language, context.anchor, focus)
        period = next((m.period for m in mentions if m.role == STATED), None)
        if period is None or period == previous.period:
            continue
        rows.append(
            dataclasses.replace(
                previous,
                value=quantity.value,
                value_text=quantity.text,
                period=period,
                compared=True,
            )
        )
    return rows


def _owned_metric(sentence: str, quantity: Quantity, language: str | None) -> str | None:
    """The metric of `der Absatz`, `its sales` owned by no one named, before a counted figure."""
    pats = _patterns(language)
    if _WHOLE_MARKET_RE.search(sentence) or not pats["unit"].match(sentence[quantity.end :]):
        return None
    for match in pats["owned_metric"].finditer(sentence, 0, quantity.start):
        if _OWNED_METRIC_OWNER_RE.match(sentence, match.end()):
            continue
        for metric in SALES_METRIC_PRIORITY:
            if metric in _COUNTED_METRICS and pats[f"metric:{metric}"].search(match.group(0)):
                return metric
    return None


def _metric_near(sentence: str, quantity: Quantity, metric: str, language: str | None) -> bool:
    """Whether the metric's cue stands within a few words of a figure."""
    pattern = _patterns(language)[f"metric:{metric}"]
    # Matched on the whole sentence, so a cue that looks ahead (`lieferte ... aus`) sees its end.
    return any(
        quantity.start - 30 <= m.start()
        and m.end() <= quantity.start
        or quantity.end <= m.start()
        and m.end() <= quantity.end + 25
        for m in pattern.finditer(sentence)
    )


def _inherited_metric(context: Context, language: str | None) -> str | None:
    """A unit metric stated in the sentence before (a table-like run of figures)."""
    if not context.previous:
        return None
    pats = _patterns(language)
    for previous in reversed(context.previous):
        for metric in _UNIT_METRICS:
            if pats[f"metric:{metric}"].search(previous) and not pats["reject"].search(previous):
                return metric
    return None


def subject_pronoun(language: str | None) -> re.Pattern[str]:
    """A subject that stands for the company talked about (`man`, `it`, `the company`)."""
    return _patterns(language)["pronoun"]


def names_sales_metric(text: str, language: str | None) -> bool:
    """Whether a text names a sales metric other than revenue (`Absatz`, `market share`)."""
    return _speaks_of_sales(text, language)


def speaks_of_sales(text: str, language: str | None) -> bool:
    """Whether a text names a sales metric other than revenue and no target or forecast."""
    pats = _patterns(language)
    return _speaks_of_sales(text, language) and not pats["reject"].search(text)
