"""Sales figures: a company, a metric, a value, a period, a market and a segment per figure."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache

from flows.extract.companies import Match
from flows.extract.constants import (
    MARKET_CUES,
    REPORTING_BODIES,
    REPORTING_BODY_CANONICAL,
    SALES_ACHIEVED_CUES,
    SALES_CONTINUATION_CUES,
    SALES_HYPOTHETICAL_CUES,
    SALES_MAX_SENTENCE_CHARS,
    SALES_METRIC_CUES,
    SALES_METRIC_PRIORITY,
    SALES_OWNED_METRIC_CUES,
    SALES_OWNED_METRIC_OWNER,
    SALES_PART_CUES,
    SALES_REJECT_CUES,
    SALES_UNIT_WORDS,
    SALES_WHOLE_MARKET_CUES,
    SEGMENT_CUES,
)
from flows.extract.numbers import Quantity, find_quantities
from flows.extract.periods import Period, find_period, states_relative_period
from flows.extract.sentences import split_line
from flows.extract.text import is_boilerplate_line, word_regex

_CLAUSE_RE = re.compile(r"[;:()\u2013\u2014]|,(?=\s)|\s-\s")
_COMPARISON_RE = re.compile(
    r"(?:\bfrom|compared (?:with|to)|versus|vs\.?|gegenüber|\bnach|\btegen|tegenover"
    r"|ten opzichte van|rispetto a\w*|\bcontro)\s+(?:(?:about|around|rund|etwa|ongeveer|circa"
    r"|knapp|ruim)\s+)?$",
    re.I,
)
_YEAR_BEFORE_RE = re.compile(
    r"^\W*(?:\w+\s+){0,3}?(?:a year earlier|the year before|im vorjahr|vor einem jahr"
    r"|een jaar eerder|vorig jaar|l'anno precedente|un anno prima)",
    re.I,
)
_COMPARISON_GAP = 80
_FULL_YEAR_RE = re.compile(
    r"\b(?:over the year|for the (?:full|whole) year|im gesamtjahr|im gesamten jahr|im ganzen jahr"
    r"|in het hele jaar|over heel het jaar|nell'intero anno|nell'anno intero)\b",
    re.I,
)
_MULTIPLIER_RE = re.compile(r"^\s?-?\s?(?:mal|fach|fache[nm]?|x\b|times|keer|volte)", re.I)
_RANK_BEFORE_RE = re.compile(r"(?:platz|rang|rank|plaats|posto|nummer|nr\.?|no\.?)\s*$", re.I)
_RANK_AFTER_RE = re.compile(r"^\.?\s*(?:platz|rang|plaats|posto|place)\b", re.I)
_CHANGE_BEFORE_RE = re.compile(
    r"(?:\bum|\bby|\bmet|\bplus|\bminus|\+|-|\bwuchs|\bstieg|\bgrew|\brose|\bfell"
    r"|(?:crescita|calo|aumento|diminuzione|rialzo|ribasso|flessione)\s+(?:del|di))"
    r"\s*(?:rund|etwa|fast|knapp|ca\.|about|around|nearly|almost|circa|ongeveer|bijna)?\s*$",
    re.I,
)
_CHANGE_AFTER_RE = re.compile(
    r"^\s*(?:mehr|weniger|plus|minus|more|less|higher|lower|up|down|meer|minder|in più|in meno"
    r"|increase|zuwachs|wachstum|growth|groei|crescita|anstieg|rückgang|gegenüber|im vergleich"
    r"|year[- ]on[- ]year|on year|jaar op jaar|rispetto)",
    re.I,
)
_COMPOUND_AFTER_RE = re.compile(r"-[^\W\d]")  # `360-Grad`, `32-Millionenstadt`
_YEAR_RE = re.compile(r"^(?:19|20)\d{2}$")
_BRAND_AS_UNIT_RE = re.compile(r"\s+(?:\w+\s+)?")
_NAME_FIGURE_GAP_RE = re.compile(r"\s*[(:]?\s*")
_LISTED_MIN = 1000  # smaller figures right after a name are model names (`Audi 100`)
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
_COUNTED_METRICS = ("registrations", "deliveries", "exports", "production", "units_sold")
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


@dataclass(frozen=True, slots=True)
class Context:
    """Neighbouring sentences of the same paragraph and the section heading and paragraphs."""

    previous: tuple[str, ...] = ()
    following: str = ""
    heading: str = ""
    earlier: tuple[str, ...] = ()  # lines of the section's earlier paragraphs, in text order


@dataclass(frozen=True, slots=True)
class _Stated:
    """The one segment a text states, and whether only loose BEV words say it."""

    label: str
    loose: bool


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


def _languages(language: str | None) -> tuple[str, ...]:
    """Cue languages of a document: its own plus English."""
    if language in (None,):
        return ("de", "nl", "en", "it")
    return (language,) if language == "en" else (language, "en")


@lru_cache(maxsize=8)
def _patterns(language: str | None) -> dict[str, re.Pattern[str]]:
    """Compiled cue patterns for a language."""
    langs = _languages(language)

    def union(table: dict[str, str]) -> str:
        return "|".join(table[lang] for lang in langs)

    out = {f"metric:{m}": word_regex(union(SALES_METRIC_CUES[m])) for m in SALES_METRIC_PRIORITY}
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
    out["unit"] = re.compile(rf"^\s*(?:\w+\s+){{0,2}}?(?:{union(SALES_UNIT_WORDS)})(?![\w])", re.I)
    return out


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


def _metric_for(sentence: str, quantity: Quantity, language: str | None) -> str | None:
    """The metric whose cue stands nearest a figure in the sentence."""
    pats = _patterns(language)
    best: tuple[int, int, str] | None = None
    for rank, metric in enumerate(SALES_METRIC_PRIORITY):
        for match in pats[f"metric:{metric}"].finditer(sentence):
            if match.end() <= quantity.start:
                distance = quantity.start - match.end()
            elif match.start() >= quantity.end:
                distance = match.start() - quantity.end
            else:
                distance = 0  # the cue spans the figure ("aandeel van 34 procent in de markt")
            if best is None or (distance, rank) < best[:2]:
                best = (distance, rank, metric)
    return best[2] if best else None


def _is_change(sentence: str, quantity: Quantity) -> bool:
    """A percentage that states growth or decline rather than a level."""
    before = sentence[max(0, quantity.start - 25) : quantity.start]
    after = sentence[quantity.end : quantity.end + 30]
    return bool(_CHANGE_BEFORE_RE.search(before) or _CHANGE_AFTER_RE.match(after))


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
    if (
        _MULTIPLIER_RE.match(after)
        or _RANK_AFTER_RE.match(after)
        or _COMPOUND_AFTER_RE.match(after)
    ):
        return False
    return not _RANK_BEFORE_RE.search(sentence[max(0, quantity.start - 12) : quantity.start])


def _rejected(sentence: str, quantity: Quantity, language: str | None) -> bool:
    """Whether the clause of a figure speaks of capacity, price, staff, users, goals..."""
    start, end = _clause(sentence, quantity.start)
    clause = sentence[start:end]
    pats = _patterns(language)
    if not pats["reject"].search(clause):
        return False
    # `das Ziel von 25.000 Einheiten` names what the figure is, whatever else was achieved.
    head = sentence[start : quantity.start]
    for cue in pats["reject"].finditer(head):
        if _CUE_OF_FIGURE_RE.fullmatch(head[cue.end() :]):
            return True
    return not pats["achieved"].search(clause)


def _company_for(sentence: str, mentions: list[Match], quantity: Quantity) -> Match | None:
    """The company a figure belongs to: the nearest named before it, else right after it."""
    before = [m for m in mentions if m.end <= quantity.start]
    if before:
        return max(before, key=lambda m: m.end)
    clause_start, clause_end = _clause(sentence, quantity.start)
    after = [m for m in mentions if quantity.end <= m.start and m.end <= clause_end]
    return min(after, key=lambda m: m.start) if after else None


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
    pats = _patterns(language)
    return any(
        pats[f"metric:{metric}"].search(text)
        for metric in SALES_METRIC_PRIORITY
        if metric != "revenue"
    )


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


def _inherited_metric(context: Context, language: str | None) -> str | None:
    """A unit metric stated in the sentence before (a table-like run of figures)."""
    if not context.previous:
        return None
    pats = _patterns(language)
    for previous in reversed(context.previous):
        for metric in ("units_sold", "deliveries", "registrations"):
            if pats[f"metric:{metric}"].search(previous) and not pats["reject"].search(previous):
                return metric
    return None


def _figure_period(
    sentence: str, quantity: Quantity, language: str | None, article: date | None, context: Context
) -> Period | None:
    """The period of one figure: its clause and what precedes it, the sentence, the paragraph."""
    clause_start, clause_end = _clause(sentence, quantity.start)
    clause = sentence[clause_start:clause_end]
    if states_relative_period(clause, language):
        # "im vergangenen Jahr" in the figure's own clause: a date named elsewhere in the
        # sentence ("im Oktober 2014 kaufte ...") is not its period; without an article date
        # the period stays unknown.
        return find_period(clause, language, article)
    full_year = _FULL_YEAR_RE.search(clause) is not None
    for text in (sentence[:clause_end], sentence, *reversed(context.previous)):
        period = find_period(text, language, article)
        if period and full_year and period.grain != "year":
            # "over the year" after a quarter figure: the whole year of that quarter.
            year = period.start.year
            return Period(date(year, 1, 1), date(year, 12, 31), "year")
        if period:
            return period
    return None


def _read_figure(
    sentence: str,
    quantity: Quantity,
    companies: list[Match],
    language: str | None,
    article: date | None,
    context: Context,
) -> SalesRow | None:
    """One figure as a sales row, or None when it is not a sales figure of a named company."""
    pats = _patterns(language)
    metric = _metric_for(sentence, quantity, language)
    # A brand can be the unit: `2.706 neue Tesla`, `1.254 nieuwe Kia's`.
    has_unit = bool(pats["unit"].match(sentence[quantity.end :])) or any(
        _BRAND_AS_UNIT_RE.fullmatch(sentence[quantity.end : m.start])
        for m in companies
        if m.start >= quantity.end
    )
    if metric is None and has_unit and _is_count(sentence, quantity, language):
        metric = _inherited_metric(context, language)
    if metric is None:
        return None
    if metric == "market_share":
        if not quantity.is_percent or _is_change(sentence, quantity) or quantity.value > 100:
            return None
        unit = "percent"
    elif metric == "revenue":
        if not quantity.currency:
            return None
        unit = quantity.currency
    else:
        if not _is_count(sentence, quantity, language):
            return None
        listed = (
            quantity.value >= _LISTED_MIN
            and _named_right_before(sentence, quantity, companies) is not None
        )
        if not (has_unit or listed or _metric_near(sentence, quantity, metric, language)):
            return None
        unit = "vehicles"
    if _rejected(sentence, quantity, language):
        return None
    company = _company_for(sentence, companies, quantity)
    if company is None:
        return None
    body = find_reporting_body(sentence, context)
    # The parts after `davon` have their own markets: `50.000 Autos, davon 12.000 in Europa`.
    part = _patterns(language)["part"].search(sentence, quantity.end)
    scope = sentence[: part.start()] if part else sentence
    return SalesRow(
        company=company,
        metric=metric,
        value=quantity.value,
        unit=unit,
        value_text=quantity.text,
        period=_figure_period(sentence, quantity, language, article, context),
        market=find_market(scope, quantity.start, context, body, language),
        segment=find_segment(sentence, quantity, metric, context, language),
        reporting_body=body,
    )


def _comparison(
    sentence: str,
    quantity: Quantity,
    base: tuple[Quantity, SalesRow],
    language: str | None,
    article: date | None,
) -> SalesRow | None:
    """A figure compared with an accepted one (`up from 1,808,581 in 2023`): same meaning."""
    base_quantity, base_row = base
    if base_row.unit != "vehicles" or not _is_count(sentence, quantity, language):
        return None
    gap = sentence[base_quantity.end : quantity.start]
    if len(gap) > _COMPARISON_GAP or not _COMPARISON_RE.search(gap):
        return None
    _, clause_end = _clause(sentence, quantity.start)
    period = find_period(sentence[quantity.start : clause_end], language, article)
    if period is None and base_row.period and _YEAR_BEFORE_RE.search(sentence[quantity.end :]):
        start, end = base_row.period.start, base_row.period.end
        period = Period(
            start.replace(year=start.year - 1),
            end.replace(year=end.year - 1),
            base_row.period.grain,
        )
    if period is None:
        return None
    return dataclasses.replace(
        base_row, value=quantity.value, value_text=quantity.text, period=period
    )


def _listed(
    sentence: str,
    quantity: Quantity,
    companies: list[Match],
    base: tuple[Quantity, SalesRow],
    language: str | None,
) -> SalesRow | None:
    """A figure right after another company's name in a list (`gefolgt von Changan (120.000)`)."""
    _, base_row = base
    if base_row.unit != "vehicles" or not _is_count(sentence, quantity, language):
        return None
    company = _named_right_before(sentence, quantity, companies)
    if company is None or company.company_id == base_row.company.company_id:
        return None
    return dataclasses.replace(
        base_row, company=company, value=quantity.value, value_text=quantity.text
    )


def _named_right_before(sentence: str, quantity: Quantity, companies: list[Match]) -> Match | None:
    """The company whose name stands right before a figure (`BYD 300.538`, `Chery (100.500)`)."""
    for company in companies:
        gap = sentence[company.end : quantity.start]
        if company.end <= quantity.start and _NAME_FIGURE_GAP_RE.fullmatch(gap):
            return company
    return None


def _part(
    sentence: str,
    quantity: Quantity,
    quantities: list[Quantity],
    accepted: list[tuple[Quantity, SalesRow]],
    language: str | None,
) -> SalesRow | None:
    """A part of an accepted figure after `davon`, `of which`: its own market or segment."""
    cue = _patterns(language)["part"].search(sentence, 0, quantity.start)
    if cue is None or not _is_count(sentence, quantity, language):
        return None
    wholes = [row for q, row in accepted if q.end <= cue.start()]
    if not wholes or wholes[-1].unit != "vehicles" or quantity.value >= wholes[-1].value:
        return None
    base_row = wholes[-1]
    # The part's own words run to the next figure: `davon 12.000 in Europa und 8.000 in den USA`.
    end = min((q.start for q in quantities if q.start >= quantity.end), default=len(sentence))
    own = sentence[quantity.start : end]
    market = _nearest_cue(own, 0, _market_patterns())
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
    article: date | None,
    context: Context,
) -> list[SalesRow]:
    """Every sales figure a sentence states for a company named in it."""
    if not mentions or len(sentence) > SALES_MAX_SENTENCE_CHARS:
        return []
    quantities = find_quantities(sentence, language)
    if not quantities or _patterns(language)["hypothetical"].search(sentence):
        return []
    rows: list[SalesRow] = []
    accepted: list[tuple[Quantity, SalesRow]] = []
    seen: set[tuple[str, str, Decimal]] = set()
    companies = [m for m in mentions if m.method != "product" and not m.product_use]
    for quantity in quantities:
        row = _read_figure(sentence, quantity, companies, language, article, context)
        if row is None and accepted:
            row = _comparison(sentence, quantity, accepted[-1], language, article)
        if row is None and accepted:
            row = _listed(sentence, quantity, companies, accepted[-1], language)
        if row is None and accepted:
            row = _part(sentence, quantity, quantities, accepted, language)
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


def continued_sales(
    sentence: str, previous: SalesRow, language: str | None, article: date | None
) -> SalesRow | None:
    """The previous sentence's figure for another period or a part, in a sentence naming no company.

    One plain count and a cue that the sentence goes on with the same figure: for a period of
    its own ("In 2023 waren het er nog 3.024.417"), or for a segment or market of its own
    ("Davon waren 48.100 vollelektrisch"); everything else is the previous row's.
    """
    if len(sentence) > SALES_MAX_SENTENCE_CHARS or previous.unit != "vehicles":
        return None
    pats = _patterns(language)
    if pats["hypothetical"].search(sentence) or pats["reject"].search(sentence):
        return None
    counts = [q for q in find_quantities(sentence, language) if _is_count(sentence, q, language)]
    if len(counts) != 1:
        return None
    quantity = counts[0]
    period = find_period(sentence, language, article)
    if pats["continuation"].search(sentence):
        if period is None or period == previous.period:
            return None
        return dataclasses.replace(
            previous, value=quantity.value, value_text=quantity.text, period=period
        )
    segment = find_segment(sentence, quantity, previous.metric, Context(), language)
    market = _nearest_cue(sentence, quantity.start, _market_patterns())
    owned = _owned_metric(sentence, quantity, language)
    if owned and market and market != previous.market:
        # "In China sank der Absatz auf 2,93 Millionen Fahrzeuge": another market, own period.
        return dataclasses.replace(
            previous,
            metric=owned,
            value=quantity.value,
            value_text=quantity.text,
            period=period or previous.period,
            market=market,
            segment=segment,
        )
    if not pats["part"].search(sentence) or quantity.value >= previous.value:
        return None
    if (segment == "all" or segment == previous.segment) and market in (None, previous.market):
        return None
    return dataclasses.replace(
        previous,
        value=quantity.value,
        value_text=quantity.text,
        period=period or previous.period,
        segment=segment if segment != "all" else previous.segment,
        market=market or previous.market,
    )


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
    window = sentence[max(0, quantity.start - 30) : quantity.start]
    after = sentence[quantity.end : quantity.end + 25]
    return bool(pattern.search(window) or pattern.search(after))
