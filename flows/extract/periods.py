"""Reporting periods of sales figures, resolved against the article's date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from flows.extract.constants import LANGUAGES, MONTH_NAMES, QUARTER_WORDS, YEAR_MIN
from flows.extract.dates import month_bounds

_HALF_WORDS = r"ersten|zweiten|first|second|eerste|tweede|primo|secondo"
_HALF_INDEX = {"ersten": 1, "first": 1, "eerste": 1, "primo": 1}
_YTD_RE = (
    r"seit jahresbeginn|seit jahresanfang|year[- ]to[- ]date|ytd|da inizio anno"
    r"|sinds begin dit jaar"
    r"|in den ersten \w+ monaten|in the first \w+ months|in de eerste \w+ maanden"
    r"|nei primi \w+ mesi"
)
_COUNT_WORDS = {
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
    "zehn": 10,
    "elf": 11,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twee": 2,
    "drie": 3,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "negen": 9,
    "tien": 10,
    "due": 2,
    "tre": 3,
    "quattro": 4,
    "cinque": 5,
    "sei": 6,
    "sette": 7,
    "otto": 8,
    "nove": 9,
    "dieci": 10,
    "undici": 11,
}
_LAST_YEAR = (
    r"im vorjahr|vorjahr|im vergangenen jahr|im letzten jahr|im vorigen jahr|last year"
    r"|vorig jaar|vorige jaar|afgelopen jaar|l'anno scorso|lo scorso anno|nel \d{4} precedente"
)
_THIS_YEAR = r"in diesem jahr|dieses jahr|this year|dit jaar|quest'anno|nell'anno in corso"
_LAST_MONTH = r"im vormonat|vergangenen monat|last month|vorige maand|il mese scorso"
_DAY_BEFORE_RE = re.compile(r"(?<!\d)\d{1,2}\.?\s+$")
_DAY_AFTER_RE = re.compile(r"\s+\d{1,2}(?:st|nd|rd|th)?(?![\d.,]\d)\b")
# A relative period that is only the base of a comparison ("als im Vorjahr",
# "gegenüber dem Vorjahr").
_COMPARISON_RE = re.compile(
    r"(?:als|than|dan|gegenüber|vergleich\w*|verglichen|compared|vergeleken|rispetto|vs\.?|from)"
    r"\s+(?:\w+\s+){0,2}$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Period:
    """A reporting period: first day, last day and grain."""

    start: date
    end: date
    grain: str


@lru_cache(maxsize=8)
def _patterns(language: str | None) -> dict[str, re.Pattern[str]]:
    """Compiled period patterns for a language."""
    langs = (language,) if language in MONTH_NAMES else LANGUAGES
    months = sorted(
        {m for lang in langs for m in MONTH_NAMES[lang] if len(m) > 3 or m in ("mai", "mei")},
        key=len,
        reverse=True,
    )
    month_alt = "|".join(re.escape(m) for m in months)
    quarter_alt = "|".join(re.escape(w) for lang in langs for w in QUARTER_WORDS.get(lang, {}))
    year = r"(?:\s+(?:des\s+jahres\s+|van\s+|del\s+|of\s+)?(?P<year>(?:19|20)\d{2}))?"
    flags = re.I
    return {
        "ytd_month": re.compile(
            rf"\b(?:bis ende|bis einschließlich|through|until the end of|tot en met|t/m|"
            rf"fino a fine|da gennaio a|von januar bis|januari tot en met|january to|"
            rf"january through)\s+(?P<month>{month_alt}){year}",
            flags,
        ),
        "ytd": re.compile(rf"\b(?:{_YTD_RE})\b", flags),
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
        "month": re.compile(rf"(?<![\w.])(?P<month>{month_alt}){year}(?![\w])", flags),
        "year": re.compile(r"(?<![\w.,/-])(?P<year>(?:19|20)\d{2})(?![\w.,/-]\d|\d)"),
        "last_year": re.compile(rf"\b(?:{_LAST_YEAR})\b", flags),
        "this_year": re.compile(rf"\b(?:{_THIS_YEAR})\b", flags),
        "last_month": re.compile(rf"\b(?:{_LAST_MONTH})\b", flags),
    }


def _month_of(token: str, language: str | None) -> int | None:
    """Month number of a month name in the document's language (or any)."""
    key = token.lower()
    for lang in (language,) if language in MONTH_NAMES else LANGUAGES:
        if key in MONTH_NAMES[lang]:
            return MONTH_NAMES[lang][key]
    return None


def _year_for_month(month: int, explicit: str | None, article: date | None) -> int | None:
    """The year of a month: stated, or the latest such month up to the article date."""
    if explicit:
        return int(explicit)
    if article is None:
        return None
    return article.year if month <= article.month else article.year - 1


def _ok(period: Period, article: date | None) -> Period | None:
    """Drop periods that start after the article or before any plausible data."""
    if period.start.year < YEAR_MIN:
        return None
    if article is not None and period.start > article:
        return None
    return period


def find_period(sentence: str, language: str | None, article: date | None) -> Period | None:
    """The reporting period a sentence states, most specific first."""
    pats = _patterns(language)
    match = pats["ytd_month"].search(sentence)
    if match:
        month = _month_of(match.group("month"), language)
        year = _year_for_month(month or 1, match.group("year"), article)
        if month and year:
            return _ok(Period(date(year, 1, 1), month_bounds(year, month)[1], "ytd"), article)
    match = pats["ytd"].search(sentence)
    if match:
        count = re.search(r"(\w+) (?:monaten|months|maanden|mesi)", match.group(0), re.I)
        year_match = pats["year"].search(sentence)
        year = int(year_match.group("year")) if year_match else (article.year if article else None)
        if year:
            months = _COUNT_WORDS.get(count.group(1).lower()) if count else None
            if months and not year_match and article and months > article.month:
                year -= 1
            if months:
                return _ok(Period(date(year, 1, 1), month_bounds(year, months)[1], "ytd"), article)
            end = article if article and article.year == year else date(year, 12, 31)
            return _ok(Period(date(year, 1, 1), end, "ytd"), article)
    for key in ("quarter", "q_short"):
        match = pats[key].search(sentence)
        if match:
            q_text = match.group("q").lower()
            quarter = int(q_text) if q_text.isdigit() else _quarter_index(q_text, language)
            year_text = match.group("year")
            if year_text and len(year_text) == 2:
                year_text = "20" + year_text
            year = int(year_text) if year_text else _implicit_year(sentence, pats, article)
            if quarter and year:
                start = date(year, 3 * quarter - 2, 1)
                if not year_text and article is not None and start > article:
                    year -= 1  # the latest such quarter before the article
                    start = date(year, 3 * quarter - 2, 1)
                return _ok(Period(start, month_bounds(year, 3 * quarter)[1], "quarter"), article)
    match = pats["half"].search(sentence)
    if match:
        half = _HALF_INDEX.get(match.group("h").lower(), 2)
        year = (
            int(match.group("year"))
            if match.group("year")
            else _implicit_year(sentence, pats, article)
        )
        if year:
            start = date(year, 1 if half == 1 else 7, 1)
            end = date(year, 6, 30) if half == 1 else date(year, 12, 31)
            return _ok(Period(start, end, "half_year"), article)
    for match in pats["month"].finditer(sentence):
        token = match.group("month")
        if language == "en" and token.lower() == "may" and not token[0].isupper():
            continue
        if _DAY_BEFORE_RE.search(
            sentence, max(0, match.start() - 5), match.start()
        ) or _DAY_AFTER_RE.match(sentence, match.end()):
            continue  # `2 aprile 2025`, `20. April`, `January 3`: a day's date, not a month
        month = _month_of(token, language)
        year = _year_for_month(month or 1, match.group("year"), article)
        if month and year:
            start, end = month_bounds(year, month)
            return _ok(Period(start, end, "month"), article)
    match = pats["year"].search(sentence)
    if match:
        year = int(match.group("year"))
        return _ok(Period(date(year, 1, 1), date(year, 12, 31), "year"), article)
    relative = _relative(sentence, pats)
    if article is None or relative is None:
        return None
    if relative == "last_month":
        year, month = (
            (article.year, article.month - 1) if article.month > 1 else (article.year - 1, 12)
        )
        start, end = month_bounds(year, month)
        return Period(start, end, "month")
    year = article.year + (-1 if relative == "last_year" else 0)
    return Period(date(year, 1, 1), date(year, 12, 31), "year")


def _relative(text: str, pats: dict[str, re.Pattern[str]]) -> str | None:
    """The relative period a text states and does not only compare with, if any."""
    for key in ("last_year", "this_year", "last_month"):
        for rel in pats[key].finditer(text):
            if not _COMPARISON_RE.search(text[: rel.start()]):
                return key
    return None


def states_relative_period(text: str, language: str | None) -> bool:
    """Whether a text names its period relative to the article (`im vergangenen Jahr`) only."""
    pats = _patterns(language)
    absolute = ("ytd", "quarter", "q_short", "half", "month", "year")
    if any(pats[key].search(text) for key in absolute):
        return False
    return _relative(text, pats) is not None


def _quarter_index(word: str, language: str | None) -> int | None:
    """Quarter number of an ordinal word."""
    for lang in (language,) if language in QUARTER_WORDS else LANGUAGES:
        if word in QUARTER_WORDS[lang]:
            return QUARTER_WORDS[lang][word]
    return None


def _implicit_year(
    sentence: str, pats: dict[str, re.Pattern[str]], article: date | None
) -> int | None:
    """A year stated elsewhere in the sentence, else the article's year."""
    match = pats["year"].search(sentence)
    if match:
        return int(match.group("year"))
    return article.year if article else None
