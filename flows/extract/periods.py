"""Reporting periods of sales figures, resolved against the article's date and the text's focus.

A text names a period in three ways: outright (`im Mai 2024`, `Q3`, `2023`), relative to the
article (`last month`, `im vergangenen Jahr`, `vorige maand`, `il mese scorso`), or relative to
the period the text is talking about (`im Vormonat`, `the previous month`, `the same period
last year`). Every mention also has a role: the period a figure is stated for, the base of a
comparison (`als 2022`, `rispetto al 2020`), or a bound (`seit 2019`, `by 2030`, `its 2021
record`) that is nobody's period. A mention that cannot be resolved keeps its place with an
unknown period, so that a figure never borrows a wrong one from further away.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import ahocorasick

from flows.extract.constants import (
    LANGUAGES,
    MONTH_NAMES,
    PERIOD_COUNT_WORDS,
    PERIOD_CUES,
    QUARTER_WORDS,
    YEAR_MIN,
)
from flows.extract.dates import month_bounds
from flows.extract.gate import gated
from flows.extract.text import Spans

_HALF_WORDS = r"ersten|zweiten|first|second|eerste|tweede|primo|secondo"
_HALF_INDEX = {"ersten": 1, "first": 1, "eerste": 1, "primo": 1}
# A period of a year before that qualifies a noun (`di un anno fa`) is what is compared with.
_OF_BEFORE_RE = re.compile(
    r"(?<![\w])(?:of|di|del|dello|della|dell['’]|van|von|vom|des)\s+(?:the\s+)?$", re.I
)
_DAY_BEFORE_RE = re.compile(r"(?<!\d)\d{1,2}\.?\s+$")
# Not the first group of a figure written with spaces (`im November 25 600 Autos`).
_DAY_AFTER_RE = re.compile(
    r"\s+\d{1,2}(?:st|nd|rd|th)?(?![\d.,]\d)\b(?![ \u00a0\u202f]\d{3}(?!\d))"
)
# How many words may stand between a comparison marker and the period it compares with
# (`against 28,400 cars last year`).
_BASE_REACH_WORDS = 4
_BOUND_REACH_WORDS = 1
_TAIL_CHARS = 60
STATED = "stated"
BASE = "base"
BOUND = "bound"
FOCUS_RELATIVE = frozenset({"year_before", "previous_month", "previous_year", "reporting_month"})


@dataclass(frozen=True, slots=True)
class Period:
    """A reporting period: first day, last day and grain."""

    start: date
    end: date
    grain: str


@dataclass(frozen=True, slots=True)
class Anchor:
    """The day relative periods count from: the publication date, or a date the text names.

    A date read from the text is only a lower bound of the publication date: it places a month
    named without a year up to its own month, and `this year`, never `last month`.
    """

    day: date
    exact: bool
    # Whether a lower bound knows its month; a year alone names the year the text reports on.
    month_known: bool = True


@dataclass(frozen=True, slots=True)
class PeriodMention:
    """A period named in a text: where, what (None when it cannot be resolved) and its role."""

    start: int
    end: int
    period: Period | None
    role: str  # stated | base | bound
    kind: str = "year"  # the pattern that named it: month, last_year, year_before ...


def _words(lang_table: dict[str, str], langs: tuple[str, ...]) -> str:
    """One alternation of the cue patterns of some languages."""
    return "|".join(lang_table[lang] for lang in langs if lang_table.get(lang))


@lru_cache(maxsize=8)
def _patterns(language: str | None) -> dict[str, re.Pattern[str]]:
    """Compiled period patterns for a language (with English, which news quotes everywhere)."""
    langs = (language, "en") if language in MONTH_NAMES and language != "en" else LANGUAGES
    if language == "en":
        langs = ("en",)
    months = sorted(
        {
            m
            for lang in langs
            for m in MONTH_NAMES[lang]
            if len(m) > 3 or m in ("mai", "mei", "may")
        },
        key=len,
        reverse=True,
    )
    month_alt = "|".join(re.escape(m) for m in months)
    quarter_alt = "|".join(re.escape(w) for lang in langs for w in QUARTER_WORDS.get(lang, {}))
    year = r"(?:\s+(?:des\s+jahres\s+|van\s+|del\s+|of\s+)?(?P<year>(?:19|20)\d{2}))?"
    # The cue unions behind the literal gate; the stems below only tell which patterns may
    # match, a digit lets several of them run on every sentence with a figure.
    return {
        key: gated(pattern)
        for key, pattern in _compiled(langs, month_alt, quarter_alt, year).items()
    }


def _compiled(
    langs: tuple[str, ...], month_alt: str, quarter_alt: str, year: str
) -> dict[str, re.Pattern[str]]:
    """The period patterns of some cue languages."""
    flags = re.I

    def cue(kind: str) -> str:
        return _words(PERIOD_CUES[kind], langs)

    return {
        "ytd_month": re.compile(
            rf"\b(?:{cue('ytd_through')})\s*(?P<month>{month_alt}){year}", flags
        ),
        "ytd": re.compile(rf"\b(?:{cue('ytd')})(?:\s+(?P<year>(?:19|20)\d{{2}}))?(?![\w])", flags),
        "quarter": re.compile(
            rf"(?<![\w])(?P<q>{quarter_alt})[\s-]+(?:quartal|kwartaal|quarter|trimestre){year}",
            flags,
        ),
        "q_short": re.compile(r"\bQ(?P<q>[1-4])(?:[ /'-]?(?P<year>(?:19|20)?\d{2}))?\b"),
        "half": re.compile(
            rf"\b(?P<h>{_HALF_WORDS})\s+(?:halbjahr|half|halfjaar|semestre|jahreshälfte"
            rf"|helft(?:\s+van\s+het\s+jaar)?){year}",
            flags,
        ),
        "month_last_year": re.compile(
            rf"(?<![\w.])(?P<month>{month_alt})\s+(?:{cue('month_last_year')})\b", flags
        ),
        "month_this_year": re.compile(
            rf"(?:(?:{cue('this_month_word')})\s+(?P<month>{month_alt})(?![\w])"
            rf"|(?<![\w.])(?P<month2>{month_alt})\s+(?:{cue('month_this_year')})\b)",
            flags,
        ),
        "month": re.compile(rf"(?<![\w.])(?P<month>{month_alt}){year}(?![\w])", flags),
        "year": re.compile(r"(?<![\w.,/-])(?P<year>(?:19|20)\d{2})(?![\w.,/-]\d|\d)"),
        "last_year": re.compile(rf"\b(?:{cue('last_year')})\b", flags),
        "this_year": re.compile(rf"\b(?:{cue('this_year')})\b", flags),
        "last_month": re.compile(rf"\b(?:{cue('last_month')})\b", flags),
        "year_before": re.compile(rf"\b(?:{cue('year_before')})\b", flags),
        "previous_month": re.compile(rf"\b(?:{cue('previous_month')})\b", flags),
        "previous_year": re.compile(rf"\b(?:{cue('previous_year')})\b", flags),
        "reporting_month": re.compile(rf"\b(?:{cue('reporting_month')})\b", flags),
        # A base: the marker right before the period, or before the compared figure and a
        # few words (`against 28,400 cars last year`).
        "base": re.compile(
            rf"(?:^|[^\w])(?:{cue('base')})\s+(?:[^\s]+\s+)?$"
            rf"|(?:^|[^\w])(?:{cue('base')})\s+(?:\S+\s+)?[\d.,]*\d\s+"
            rf"(?:[^\s]+\s+){{0,{_BASE_REACH_WORDS}}}$",
            flags,
        ),
        # `the 2022 World Car Award winner`, `2021 Mustang GT`: a year in a name.
        "name_after": re.compile(r"\s+[A-Z][\w-]*\s+[A-Z0-9][\w-]*"),
        "bound": re.compile(
            rf"(?:^|[^\w])(?:{cue('bound')})\s+(?:[^\s]+\s+){{0,{_BOUND_REACH_WORDS}}}$", flags
        ),
        "record_after": re.compile(rf"[\s-]*(?:{cue('record')})\b", flags),
    }


# Every period a text can name holds a digit, a month name or one of these stems; one pass
# over the lower-cased text tells which of the patterns below can match at all.
_PERIOD_STEMS = {
    "year_word": ("jahr", "year", "jaar", "anno", "ytd"),
    "month_word": ("monat", "month", "maand", "mese", "mesi"),
    "quarter_word": ("quartal", "quarter", "kwartaal", "trimestre"),
    "half_word": ("halbjahr", "half", "helft", "semestre", "jahreshälfte"),
}
# What each pattern needs to find in a text before it is worth running.
_NEEDS = {
    "ytd_month": {"month"},
    "ytd": {"year_word", "month_word", "digit"},
    "quarter": {"quarter_word"},
    "q_short": {"digit"},
    "half": {"half_word"},
    "month_last_year": {"month"},
    "month_this_year": {"month"},
    "month": {"month"},
    "year": {"digit"},
    "year_before": {"year_word"},
    "previous_month": {"month_word"},
    "previous_year": {"year_word"},
    "reporting_month": {"month_word"},
    "last_year": {"year_word"},
    "this_year": {"year_word"},
    "last_month": {"month_word"},
}
_DIGIT_RE = re.compile(r"\d")
_YEARISH_RE = re.compile(r"(?:19|20)\d\d|Q[1-4]")


@lru_cache(maxsize=8)
def _stem_automaton(language: str | None) -> ahocorasick.Automaton:
    """Month names and period stems of a language with their kind, for a one-pass test."""
    langs = (language, "en") if language in MONTH_NAMES else LANGUAGES
    automaton = ahocorasick.Automaton()
    for word in {m for lang in langs for m in MONTH_NAMES[lang]}:
        automaton.add_word(word, "month")
    for kind, stems in _PERIOD_STEMS.items():
        for stem in stems:
            automaton.add_word(stem, kind)
    automaton.make_automaton()
    return automaton


def _stems(text: str, language: str | None) -> set[str]:
    """The kinds of period words a text holds (`digit`, `month`, `year_word` ...)."""
    found = {kind for _, kind in _stem_automaton(language).iter(text.lower())}
    if _DIGIT_RE.search(text):
        found.add("digit")
    return found


def may_name_period(text: str, language: str | None) -> bool:
    """Whether a text holds a year, a quarter's number, a month name or a period word."""
    if _YEARISH_RE.search(text):
        return True
    return next(_stem_automaton(language).iter(text.lower()), None) is not None


def _month_of(token: str, language: str | None) -> int | None:
    """Month number of a month name in the document's language (or any)."""
    key = token.lower()
    for lang in (language, "en") if language in MONTH_NAMES else LANGUAGES:
        if key in MONTH_NAMES[lang]:
            return MONTH_NAMES[lang][key]
    return None


def _latest_month_year(month: int, until: date) -> int:
    """The year of the latest such month up to a day."""
    return until.year if month <= until.month else until.year - 1


@dataclass(frozen=True, slots=True)
class _Frame:
    """What a text's relative periods count from: the article, the focus, a year it states."""

    anchor: Anchor | None
    focus: Period | None
    stated_year: int | None

    def year_of_month(self, month: int) -> int | None:
        """The year of a month named without one."""
        if self.stated_year:
            return self.stated_year
        if self.anchor and self.anchor.exact:
            return _latest_month_year(month, self.anchor.day)
        if self.anchor:
            # A lower bound places a month up to its own, and no later one.
            if not self.anchor.month_known or month <= self.anchor.day.month:
                return self.anchor.day.year
            return None
        if self.focus:
            return _latest_month_year(month, self.focus.end)
        return None

    def year_of_part(self, start_month: int) -> int | None:
        """The year of a quarter or half named without one (the latest before the article)."""
        if self.stated_year:
            return self.stated_year
        if self.anchor and self.anchor.exact:
            return _latest_month_year(start_month, self.anchor.day)
        if self.anchor:
            return self.anchor.day.year
        return self.focus.end.year if self.focus else None

    @property
    def article_year(self) -> int | None:
        """The year of the article, when the anchor says it."""
        return self.anchor.day.year if self.anchor else None


def _month_period(year: int | None, month: int | None) -> Period | None:
    """A calendar month."""
    if not year or not month:
        return None
    start, end = month_bounds(year, month)
    return Period(start, end, "month")


def _year_period(year: int | None) -> Period | None:
    """A calendar year."""
    return Period(date(year, 1, 1), date(year, 12, 31), "year") if year else None


def _shift_year(period: Period) -> Period:
    """The same period one year earlier."""
    start, end = period.start, period.end
    end_day = (
        month_bounds(end.year - 1, end.month)[1] if end.day > 28 else end.replace(year=end.year - 1)
    )
    return Period(
        start.replace(year=start.year - 1, day=1 if start.day > 28 else start.day),
        end_day,
        period.grain,
    )


def _previous_month(period: Period) -> Period:
    """The month before a period's last month."""
    year, month = (
        (period.end.year, period.end.month - 1)
        if period.end.month > 1
        else (
            period.end.year - 1,
            12,
        )
    )
    start, end = month_bounds(year, month)
    return Period(start, end, "month")


def _ok(period: Period | None, frame: _Frame) -> Period | None:
    """Drop periods before any plausible data or after the publication date."""
    if period is None or period.start.year < YEAR_MIN:
        return None
    anchor = frame.anchor
    if anchor is not None and anchor.exact and period.start > anchor.day:
        return None
    return period


def _role(text: str, start: int, end: int, kind: str, pats: dict[str, re.Pattern[str]]) -> str:
    """Whether a period mention is stated, the base of a comparison, or a bound."""
    head = text[max(0, start - _TAIL_CHARS) : start]
    if kind in ("ytd", "ytd_month"):
        return STATED  # `From January to August` opens a period of its own
    if pats["bound"].search(head) or pats["record_after"].match(text, end):
        return BOUND
    if kind == "year" and pats["name_after"].match(text, end):
        return BOUND
    if pats["base"].search(head):
        return BASE
    if kind == "year_before" and _OF_BEFORE_RE.search(head):
        return BASE  # `le vendite di un anno fa`, `the sales of a year earlier`
    return STATED


def _absolute(text: str, language: str | None, pats: dict[str, re.Pattern[str]]) -> list:
    """Every absolute period pattern's matches as (start, end, kind, match), most specific first."""
    stems = _stems(text, language)
    if not stems:
        return []
    found = []
    for kind, needs in _NEEDS.items():
        if not needs & stems:
            continue
        for match in pats[kind].finditer(text):
            if kind in ("month", "month_last_year") and not _is_month(text, match, language):
                continue
            found.append((match.start(), match.end(), kind, match))
    kept: list = []
    taken = Spans(len(text))
    for hit in found:
        if not taken.overlaps(hit[0], hit[1]):
            taken.add(hit[0], hit[1])
            kept.append(hit)
    return sorted(kept, key=lambda h: h[0])


def _is_month(text: str, match: re.Match[str], language: str | None) -> bool:
    """A month name standing for a month, not `may` the verb nor the month of a day's date."""
    token = match.group("month")
    if token.lower() == "may" and not token[0].isupper():
        return False
    before = _DAY_BEFORE_RE.search(text, max(0, match.start() - 5), match.start())
    return not (before or _DAY_AFTER_RE.match(text, match.end()))


def period_mentions(
    text: str,
    language: str | None,
    anchor: Anchor | None,
    focus: Period | None = None,
) -> list[PeriodMention]:
    """Every period a text names, in text order, resolved where the text allows."""
    pats = _patterns(language)
    hits = _absolute(text, language, pats)
    roles = [_role(text, h[0], h[1], h[2], pats) for h in hits]
    stated_years = [
        int(h[3].group("year"))
        for h, role in zip(hits, roles, strict=True)
        if role == STATED
        and "year" in h[3].groupdict()
        and h[3].group("year")
        and len(h[3].group("year")) == 4
    ]
    frame = _Frame(anchor, focus, stated_years[0] if len(set(stated_years)) == 1 else None)
    out = []
    for (start, end, kind, match), role in zip(hits, roles, strict=True):
        period = _resolve(kind, match, text, language, frame)
        out.append(PeriodMention(start, end, _ok(period, frame), role, kind))
    return out


def _resolve(
    kind: str, match: re.Match[str], text: str, language: str | None, frame: _Frame
) -> Period | None:
    """The period one match names, or None when the text and its frame do not say."""
    groups = match.groupdict()
    explicit = int(groups["year"]) if groups.get("year") and len(groups["year"]) == 4 else None
    if kind == "ytd_month":
        month = _month_of(match.group("month"), language)
        year = explicit or (frame.year_of_month(month) if month else None)
        if not month or not year:
            return None
        return Period(date(year, 1, 1), month_bounds(year, month)[1], "ytd")
    if kind == "ytd":
        return _ytd(match, frame)
    if kind in ("quarter", "q_short"):
        return _quarter(match, language, frame)
    if kind == "half":
        half = _HALF_INDEX.get(match.group("h").lower(), 2)
        year = explicit or frame.year_of_part(1 if half == 1 else 7)
        if not year:
            return None
        start = date(year, 1 if half == 1 else 7, 1)
        return Period(start, date(year, 6, 30) if half == 1 else date(year, 12, 31), "half_year")
    if kind == "month":
        month = _month_of(match.group("month"), language)
        return _month_period(explicit or (frame.year_of_month(month) if month else None), month)
    if kind == "month_last_year":
        month = _month_of(match.group("month"), language)
        base = frame.anchor.day.year if frame.anchor and frame.anchor.exact else None
        base = base or (frame.focus.end.year if frame.focus else None)
        return _month_period(base - 1 if base else None, month)
    if kind == "month_this_year":
        month = _month_of(match.group("month") or match.group("month2"), language)
        year = frame.article_year or (frame.focus.end.year if frame.focus else None)
        return _month_period(year, month)
    if kind == "year":
        return _year_period(int(match.group("year")))
    return _relative(kind, frame)


def _relative(kind: str, frame: _Frame) -> Period | None:
    """A period named relative to the article or to the text's focus."""
    anchor, focus = frame.anchor, frame.focus
    exact = anchor is not None and anchor.exact
    if kind == "last_year":
        if exact:
            return _year_period(anchor.day.year - 1)
        if anchor is not None and not anchor.month_known:
            # A text that states whole years and no publication date: its latest year is the
            # one it calls last year (`2023 kam Hyundai auf ...; Kia ... im vergangenen Jahr`).
            return _year_period(anchor.day.year)
        return None
    if kind == "this_year":
        return _year_period(anchor.day.year) if anchor else None
    if kind == "last_month":
        if not exact:
            return None
        return _previous_month(Period(anchor.day, anchor.day, "day"))
    if kind == "year_before":
        return _shift_year(focus) if focus else None
    if kind == "previous_year":
        if focus:
            return _year_period(focus.end.year - 1)
        return _year_period(anchor.day.year - 1) if exact else None
    if kind == "previous_month":
        if focus and focus.grain == "month":
            return _previous_month(focus)
        return _previous_month(Period(anchor.day, anchor.day, "day")) if exact else None
    if kind == "reporting_month":
        return focus if focus and focus.grain == "month" else None
    return None


def _ytd(match: re.Match[str], frame: _Frame) -> Period | None:
    """`seit Jahresbeginn`, `in the first seven months`: from January to a month of a year."""
    count = re.search(r"(\w+) (?:monaten|months|maanden|mesi)", match.group(0), re.I)
    months = PERIOD_COUNT_WORDS.get(count.group(1).lower()) if count else None
    explicit = match.group("year")
    year = (
        (int(explicit) if explicit else None)
        or frame.stated_year
        or frame.article_year
        or (frame.focus.end.year if frame.focus else None)
    )
    if not year:
        return None
    anchor = frame.anchor
    if months and not frame.stated_year and anchor and months > anchor.day.month:
        year -= 1
    if months:
        return Period(date(year, 1, 1), month_bounds(year, months)[1], "ytd")
    end = anchor.day if anchor and anchor.day.year == year else date(year, 12, 31)
    return Period(date(year, 1, 1), end, "ytd")


def _quarter(match: re.Match[str], language: str | None, frame: _Frame) -> Period | None:
    """A quarter named by an ordinal word or `Q3`, with or without its year."""
    q_text = match.group("q").lower()
    quarter = int(q_text) if q_text.isdigit() else _quarter_index(q_text, language)
    year_text = match.group("year")
    if year_text and len(year_text) == 2:
        year_text = "20" + year_text
    year = int(year_text) if year_text else frame.year_of_part(3 * (quarter or 1) - 2)
    if not quarter or not year:
        return None
    start = date(year, 3 * quarter - 2, 1)
    return Period(start, month_bounds(year, 3 * quarter)[1], "quarter")


def _quarter_index(word: str, language: str | None) -> int | None:
    """Quarter number of an ordinal word."""
    for lang in (language, "en") if language in QUARTER_WORDS else LANGUAGES:
        if word in QUARTER_WORDS[lang]:
            return QUARTER_WORDS[lang][word]
    return None


def stated_period(mentions: list[PeriodMention]) -> Period | None:
    """The first resolved period a text states for itself (not a base or a bound)."""
    for mention in mentions:
        if mention.role == STATED and mention.period is not None:
            return mention.period
    return None


def nearest_stated(
    mentions: list[PeriodMention], position: int, start: int = 0, end: int | None = None
) -> PeriodMention | None:
    """The stated mention nearest an offset within [start, end), resolved or not."""
    best: tuple[int, PeriodMention] | None = None
    for mention in mentions:
        if (
            mention.role != STATED
            or mention.start < start
            or (end is not None and mention.end > end)
        ):
            continue
        distance = position - mention.end if mention.end <= position else mention.start - position
        if best is None or abs(distance) < best[0]:
            best = (abs(distance), mention)
    return best[1] if best else None


def find_period(
    text: str, language: str | None, anchor: Anchor | None, focus: Period | None = None
) -> Period | None:
    """The period a text states, the first named (comparison bases and bounds left out)."""
    for mention in period_mentions(text, language, anchor, focus):
        if mention.role == STATED:
            return mention.period
    return None
