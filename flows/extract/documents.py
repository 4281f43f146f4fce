"""Turn a raw document into its plain text, language, title and publication date."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date

from selectolax.lexbor import LexborHTMLParser

from flows.extract.constants import (
    HTML_BLOCK_TAGS,
    HTML_DROP_TAGS,
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
_HTML_DATE_SELECTORS = (
    'meta[property="article:published_time"]',
    'meta[name="date"]',
    'meta[name="pubdate"]',
    'meta[name="publish-date"]',
    'meta[itemprop="datePublished"]',
    "time[datetime]",
)


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


def html_to_text(body: str) -> tuple[str, str | None, FoundDate | None]:
    """Visible text of an HTML page (blocks on their own lines), its title and meta date."""
    tree = LexborHTMLParser(body)
    title_node = tree.css_first("title") or tree.css_first("h1")
    title = title_node.text(strip=True) if title_node else None
    meta_date = None
    for selector in _HTML_DATE_SELECTORS:
        node = tree.css_first(selector)
        if node is not None:
            meta_date = node.attributes.get("content") or node.attributes.get("datetime")
            if meta_date:
                break
    for node in tree.css(HTML_DROP_TAGS):
        node.decompose()
    for node in tree.css(HTML_BLOCK_TAGS):
        node.insert_after("\n")
    root = tree.body or tree.root
    text = root.text(separator="") if root is not None else ""
    found = _iso_date(meta_date, date.max) if meta_date else None
    return normalise_lines(text), title or None, found


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
        except (ValueError, KeyError, TypeError):
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
