"""Turn a raw document into its plain text, language, title and publication date."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from datetime import date

import htmldate
import trafilatura

from flows.extract.constants import (
    JSON_DATE_KEYS,
    JSON_TEXT_KEYS,
    LANGUAGES,
    TITLE_MAX_CHARS,
    TITLE_MIN_CHARS,
)
from flows.extract.dates import FoundDate, dateline, full_dates, header_date, text_date
from flows.extract.language import detect_language
from flows.extract.models import RawDocument
from flows.extract.text import is_boilerplate_line

_SPACE_RUN_RE = re.compile(r"[ \t\u00a0\u200b\r\f\v]+")
_BLANK_RUN_RE = re.compile(r"\n{3,}")
_ISO_DATE_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_TAG_RE = re.compile(r"<(?:([A-Za-z][\w-]*)|/?[^>]*)[^>]*>")
_TAG_CLOSE_RE = re.compile(r"</(?:script|style)\s*>", re.I)


@dataclass(slots=True)
class PreparedDocument:
    """The text every offset points into, plus the document-level facts read from it."""

    text: str
    text_body: str | None
    language: str | None
    title: str | None
    published: FoundDate | None
    date_source: str | None
    # Offset where the article's own text begins (after a ` date YYYY-MM` header).
    body_start: int = 0


def normalise_lines(text: str) -> str:
    """Collapse runs of spaces inside lines and runs of blank lines."""
    lines = [_SPACE_RUN_RE.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_RUN_RE.sub("\n\n", "\n".join(lines)).strip("\n")


def _iso_date(value: object, today: date) -> FoundDate | None:
    """A date from an ISO-like string (`2021-03-04 12:00:00`), not in the future."""
    if not isinstance(value, str):
        return None
    match = _ISO_DATE_RE.search(value)
    if not match:
        return None
    try:
        found = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    return FoundDate(found, "day", -1, -1) if found <= today else None


def _html_meta_date(body: str) -> FoundDate | None:
    """The publication date a page states in its markup (meta tags, JSON-LD, time elements)."""
    # extensive_search=False: only what the page declares, not dates guessed from its text or
    # links; the text's own dateline is read later by the same rules as for plain text.
    found = htmldate.find_date(
        body, extensive_search=False, original_date=True, outputformat="%Y-%m-%d"
    )
    return _iso_date(found, date.max) if found else None


def html_to_text(body: str) -> tuple[str, str | None, FoundDate | None]:
    """The article of an HTML page without the page around it, its title and meta date.

    trafilatura keeps the main text and drops menus, teasers, cookie banners, share boxes and
    footers; a page it finds no article in keeps the text trafilatura's recall mode or, at
    last, its plain conversion gives, so no page loses its words.
    """
    extracted = None
    for precision in (True, False):
        extracted = trafilatura.bare_extraction(
            body,
            with_metadata=True,
            include_comments=False,
            favor_precision=precision,
            favor_recall=not precision,
            # Only the date the markup declares (read again below if no article is found).
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
        if extracted is not None and (extracted.text or "").strip():
            break
    title = (extracted.title or "").strip() or None if extracted is not None else None
    main = extracted.text if extracted is not None and extracted.text else ""
    if not main.strip():
        main = trafilatura.html2txt(body) or ""
    if not main.strip():
        # Markup nested deeper than the parser reads (it stops at 256 levels) gives no tree
        # at all: the page's words are read with its tags dropped.
        main = _without_tags(body)
    text = normalise_lines(main)
    if title and not text.startswith(title):
        # The headline stands first, as in the other formats, so its names count.
        text = f"{title}\n\n{text}" if text else title
    return text, title, _html_meta_date(body)


def _without_tags(body: str) -> str:
    """The text of a page with its tags, scripts and styles dropped, in one pass."""
    kept: list[str] = []
    position = 0
    for tag in _TAG_RE.finditer(body):
        if tag.start() < position:
            continue  # inside a script or style
        kept.append(body[position : tag.start()])
        position = tag.end()
        if tag.group(1) and tag.group(1).lower() in ("script", "style"):
            close = _TAG_CLOSE_RE.search(body, position)
            position = close.end() if close else len(body)
    kept.append(body[position:])
    return html.unescape(" ".join(kept))


def json_to_text(body: str) -> tuple[str, str | None, str | None, object]:
    """Text, title, language and raw date of one news-please style JSON record."""
    record = json.loads(body)
    if isinstance(record, list):
        record = record[0] if record else {}
    if not isinstance(record, dict):
        raise ValueError("not a JSON object")
    title = (record.get("title") or "").strip() or None
    main = next((record[k] for k in JSON_TEXT_KEYS if isinstance(record.get(k), str)), "") or ""
    main = normalise_lines(main)
    text = main
    if title and not main.startswith(title):
        text = f"{title}\n\n{main}" if main else title
    raw_date = next((record[k] for k in JSON_DATE_KEYS if record.get(k)), None)
    language = record.get("language")
    return text, title, language if language in LANGUAGES else None, raw_date


def find_title(text: str, start: int) -> str | None:
    """The first line of reasonable length that is neither boilerplate nor a bare date."""
    for line in text[start:].split("\n"):
        candidate = line.strip()
        if not candidate or is_boilerplate_line(candidate):
            continue
        if len(candidate) > TITLE_MAX_CHARS:
            head = re.split(r"(?<=[.!?])\s", candidate, maxsplit=1)[0]
            if TITLE_MIN_CHARS <= len(head) <= TITLE_MAX_CHARS:
                return head
            continue
        if len(candidate) < TITLE_MIN_CHARS:
            continue
        dates = full_dates(candidate, None, date.max)
        if dates and sum(d.end - d.start for d in dates) >= len(candidate) * 0.5:
            continue
        return candidate
    return None


def prepare(doc: RawDocument, today: date) -> PreparedDocument:
    """Read text, language, title and publication date out of a raw document."""
    title: str | None = None
    language: str | None = None
    published: FoundDate | None = None
    source: str | None = None
    text_body: str | None = None
    text = doc.body
    if doc.source_format == "html":
        text, title, meta = html_to_text(doc.body)
        text_body = text
        if meta and meta.value <= today:
            published, source = meta, "html_meta"
    elif doc.source_format == "json":
        try:
            text, title, language, raw_date = json_to_text(doc.body)
            text_body = text
            found = _iso_date(raw_date, today)
            if found:
                published, source = found, "json"
        except (ValueError, KeyError, TypeError, RecursionError):
            # Not one JSON record (JSON Lines, or arrays nested too deep to parse): the raw text.
            text = doc.body
    body_start = 0
    header = header_date(text, today)
    if header:
        body_start = header.end
        published, source = header, "header"
    language = language or detect_language(text[body_start:])
    if published is None:
        found = dateline(text[body_start:], language, today)
        if found:
            published = FoundDate(
                found.value, found.precision, found.start + body_start, found.end + body_start
            )
            source = "dateline"
    if published is None:
        found = text_date(text[body_start:], language, today)
        if found:
            published, source = found, "text"
    if title is None and header is None:
        # A text that opens with a ` date YYYY-MM` header has no headline line.
        title = find_title(text, body_start)
    return PreparedDocument(text, text_body, language, title, published, source, body_start)
