"""Publication dates: the ` date YYYY-MM` header, a dateline near the top, a date in the text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from flows.extract.constants import (
    AMBIGUOUS_MONTH_ABBREVIATIONS,
    DATELINE_MAX_OFFSET,
    DATELINE_SEARCH_CHARS,
    DATELINE_SEARCH_LINES,
    DATELINE_SHORT_LINE,
    FUTURE_CUES,
    LANGUAGES,
    MONTH_NAMES,
    YEAR_MIN,
)

# A strict pattern per language is enough for datelines and keeps a weekday abbreviation
# from being read as a month; dateparser guesses freely and costs about a millisecond a call.
_YEAR_RE = re.compile(r"(?:19|20)\d\d")
_WINDOW_BEFORE_YEAR = 25
_SENTENCE_REACH = 160
HEADER_RE = re.compile(r"\A[ \t]?date[ \t]+(\d{4})-(\d{2})(?:-(\d{2}))?[ \t]*")


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date read from the text, its precision and where it stands."""

    value: date
    precision: str  # day | month | year
    start: int
    end: int


def month_number(token: str, language: str | None) -> int | None:
    """The month a month name or abbreviation stands for in a language."""
    key = token.lower().rstrip(".")
    languages = (language,) if language in MONTH_NAMES else LANGUAGES
    for lang in languages:
        if key in MONTH_NAMES[lang]:
            return MONTH_NAMES[lang][key]
    return None


def _month_alternation(language: str | None, full_only: bool) -> str:
    """A regex alternation of the month names of one language (or all)."""
    languages = (language,) if language in MONTH_NAMES else LANGUAGES
    names = {
        name
        for lang in languages
        for name in MONTH_NAMES[lang]
        if not (
            full_only
            and (
                len(name) <= 4 and name not in {"mai", "mei", "juni", "juli", "june", "july", "may"}
            )
        )
    }
    return "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))


@lru_cache(maxsize=8)
def _patterns(language: str | None) -> tuple[re.Pattern[str], ...]:
    """Compiled full-date patterns for a language, day-month-year order first."""
    months = _month_alternation(language, full_only=False)
    day_month_year = re.compile(
        rf"(?<!\w)(?P<d>\d{{1,2}})(?:\.|°|º)?\s*(?P<m>{months})\.?,?\s+(?P<y>\d{{4}})(?!\d)", re.I
    )
    month_day_year = re.compile(
        rf"(?<!\w)(?P<m>{months})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})(?!\d)",
        re.I,
    )
    numeric = re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?![\d])")
    iso = re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)")
    patterns = [day_month_year, numeric, iso]
    if language in (None, "en"):
        patterns.insert(1, month_day_year)
    if language in ("nl", "it"):
        patterns.append(
            re.compile(r"(?<![\d/-])(?P<d>\d{1,2})[/-](?P<m>\d{1,2})[/-](?P<y>\d{4})(?!\d)")
        )
    return tuple(patterns)


@lru_cache(maxsize=8)
def _month_year_pattern(language: str | None) -> re.Pattern[str]:
    """Full month name followed by a year (`März 2025`)."""
    months = _month_alternation(language, full_only=True)
    return re.compile(rf"(?<![\w.])(?P<m>{months})\s+(?P<y>\d{{4}})(?!\d)", re.I)


def _build(match: re.Match[str], language: str | None, today: date) -> date | None:
    """Turn a match with d/m/y groups into a date, or None when invalid or in the future."""
    month_text = match.group("m")
    if month_text.isdigit():
        month = int(month_text)
    else:
        if month_text.lower().rstrip(".") in AMBIGUOUS_MONTH_ABBREVIATIONS and language is None:
            return None
        month = month_number(month_text, language) or 0
    try:
        found = date(int(match.group("y")), month, int(match.group("d")))
    except ValueError:
        return None
    if found.year < YEAR_MIN or found > today:
        return None
    return found


def header_date(text: str, today: date) -> FoundDate | None:
    """The ` date 2021-03` header line at the very start of a document."""
    match = HEADER_RE.match(text)
    if not match:
        return None
    year, month, day = int(match.group(1)), int(match.group(2)), match.group(3)
    try:
        value = date(year, month, int(day) if day else 1)
    except ValueError:
        return None
    if value > today:
        return None
    return FoundDate(value, "day" if day else "month", match.start(), match.end())


def _year_windows(text: str) -> list[tuple[int, int]]:
    """Stretches of text around every four-digit year: only there can a full date stand."""
    windows: list[tuple[int, int]] = []
    size = len(text)
    for match in _YEAR_RE.finditer(text):
        start, end = match.span()
        if (start and text[start - 1].isdigit()) or (end < size and text[end].isdigit()):
            continue
        start = max(0, start - _WINDOW_BEFORE_YEAR)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def full_dates(
    text: str, language: str | None, today: date, windows: list[tuple[int, int]] | None = None
) -> list[FoundDate]:
    """Every complete day-month-year date in a text, in text order."""
    found: dict[int, FoundDate] = {}
    for window_start, window_end in _year_windows(text) if windows is None else windows:
        for pattern in _patterns(language):
            for match in pattern.finditer(text, window_start, window_end):
                if any(f.start <= match.start() < f.end for f in found.values()):
                    continue
                value = _build(match, language, today)
                if value:
                    found[match.start()] = FoundDate(value, "day", match.start(), match.end())
    return [found[k] for k in sorted(found)]


def month_year_dates(
    text: str, language: str | None, today: date, windows: list[tuple[int, int]] | None = None
) -> list[FoundDate]:
    """Every `Monat JJJJ` in a text (month precision), in text order."""
    out = []
    pattern = _month_year_pattern(language)
    for window_start, window_end in _year_windows(text) if windows is None else windows:
        for match in pattern.finditer(text, window_start, window_end):
            month = month_number(match.group("m"), language)
            year = int(match.group("y"))
            if not month or year < YEAR_MIN:
                continue
            value = date(year, month, 1)
            if value <= today:
                out.append(FoundDate(value, "month", match.start(), match.end()))
    return out


def dateline(text: str, language: str | None, today: date) -> FoundDate | None:
    """A date standing near the top of the article, at the head of its line or on a short line.

    A date at the end of a long line near the top is a photo caption's or an event's
    (`displayed at the motor show in Bangkok, March 25, 2024.`), not the article's.
    """
    head_end = min(len(text), DATELINE_SEARCH_CHARS)
    lines = text[:head_end].split("\n")[:DATELINE_SEARCH_LINES]
    head = "\n".join(lines)
    for found in full_dates(head, language, today):
        line_start = head.rfind("\n", 0, found.start) + 1
        line_end = head.find("\n", found.end)
        line_end = len(head) if line_end < 0 else line_end
        if found.start - line_start <= DATELINE_MAX_OFFSET or line_end - line_start <= (
            DATELINE_SHORT_LINE
        ):
            return found
    return None


@lru_cache(maxsize=8)
def _future_pattern(language: str | None) -> re.Pattern[str]:
    """Cues of a sentence about the future, in a language (or all)."""
    languages = (language,) if language in FUTURE_CUES else LANGUAGES
    words = "|".join(FUTURE_CUES[lang] for lang in languages)
    return re.compile(rf"(?<![\w])(?:{words})(?![\w])", re.I)


def _in_future_sentence(text: str, found: FoundDate, language: str | None) -> bool:
    """Whether a date stands in a sentence about the future (`will am 6. Mai vorstellen`)."""
    start = max(0, found.start - _SENTENCE_REACH)
    head = text[start : found.start]
    cut = max(head.rfind(". "), head.rfind("\n"), head.rfind("! "), head.rfind("? "))
    tail_end = text.find(". ", found.end, found.end + _SENTENCE_REACH)
    tail = text[found.end : tail_end if tail_end >= 0 else found.end + _SENTENCE_REACH]
    pattern = _future_pattern(language)
    return bool(pattern.search(head[cut + 1 :]) or pattern.search(tail.split("\n")[0]))


def text_date(text: str, language: str | None, today: date) -> FoundDate | None:
    """The latest date the text states for something that has happened.

    Every day and every `Monat JJJJ` counts (a month by its first day, so a day of the same
    month wins); a date in a sentence about the future (a launch, a target) does not.
    """
    windows = _year_windows(text)
    if not windows:
        return None
    dates = full_dates(text, language, today, windows)
    months = [
        m
        for m in month_year_dates(text, language, today, windows)
        if not any(d.start <= m.start < d.end or m.start <= d.start < m.end for d in dates)
    ]
    found = [f for f in dates + months if not _in_future_sentence(text, f, language)]
    if not found:
        return None
    return max(found, key=lambda f: (f.value, f.precision == "day"))


def month_bounds(year: int, month: int) -> tuple[date, date]:
    """First and last day of a month."""
    start = date(year, month, 1)
    end = date(year + (month == 12), month % 12 + 1, 1)
    return start, date.fromordinal(end.toordinal() - 1)
