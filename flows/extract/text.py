"""Text helpers shared by the extractor: case folding with stable offsets, boilerplate lines."""

from __future__ import annotations

import re
from functools import lru_cache

from flows.extract.constants import (
    APOSTROPHES,
    BOILERPLATE_LINE_PATTERNS,
    BOILERPLATE_MAX_CHARS,
    HYPHENS,
    TAG_LINE_MIN_TOKENS,
)

_FOLD_PAIRS = tuple((h, " ") for h in HYPHENS) + tuple((a, "'") for a in APOSTROPHES if a != "'")
_BOILERPLATE_RE = re.compile("|".join(f"(?:{p})" for p in BOILERPLATE_LINE_PATTERNS), re.I)
_TAG_TOKEN_RE = re.compile(r"\S+")
_LINE_RE = re.compile(r"[^\n]*")


def fold(text: str) -> str:
    """Lower-case a text, hyphens to spaces, one apostrophe; same length as the input."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    # A few str.replace calls beat str.translate with a table on long non-ASCII texts.
    for char, replacement in _FOLD_PAIRS:
        if char in low:
            low = low.replace(char, replacement)
    return low


def fold_name(name: str) -> str:
    """Fold a dictionary name the way `fold` folds a text, spaces collapsed."""
    return " ".join(fold(name).split())


def is_boilerplate_line(line: str) -> bool:
    """Whether a line is promotion, navigation, a caption or a tag cloud."""
    stripped = line.strip()
    if not stripped or len(stripped) > BOILERPLATE_MAX_CHARS:
        return False
    return _is_boilerplate(stripped)


@lru_cache(maxsize=4096)
def _is_boilerplate(stripped: str) -> bool:
    """`is_boilerplate_line` of a short stripped line, remembered: the lines before every
    sales figure are read again for its section, and a text of short lines holding many
    figures asked for each line hundreds of times."""
    if _BOILERPLATE_RE.search(stripped):
        return True
    return _is_tag_line(stripped)


def _is_tag_line(line: str) -> bool:
    """A line of capitalised tokens only, without any punctuation, is a tag list."""
    if any(ch in line for ch in '.,:;!?"„“”«»()'):
        return False
    tokens = _TAG_TOKEN_RE.findall(line)
    if len(tokens) < TAG_LINE_MIN_TOKENS:
        return False
    return all(t[0].isupper() or t[0].isdigit() for t in tokens)


@lru_cache(maxsize=256)
def word_regex(pattern: str) -> re.Pattern[str]:
    """Compile an alternation of cue words with word boundaries, case-insensitive."""
    return re.compile(rf"(?<![\w])(?:{pattern})(?![\w])", re.I)


class Spans:
    """The characters covered by a growing set of spans: an overlap test costs the length of
    the span asked about, not the number of spans (a list scan made a text of many mentions
    quadratic)."""

    def __init__(self, size: int, indexed: bool = False) -> None:
        self.covered = bytearray(size + 1)
        # With `indexed`, the spans by their start, each with its rank, and the longest one.
        self.by_start: dict[int, list[tuple[int, int, int]]] | None = {} if indexed else None
        self.count = 0
        self.longest = 0

    def add(self, start: int, end: int) -> None:
        """Cover the characters `start` .. `end` - 1."""
        if end > start:
            self.covered[start:end] = b"\x01" * (end - start)
        if self.by_start is not None:
            self.by_start.setdefault(start, []).append((self.count, start, end))
            self.longest = max(self.longest, end - start)
        self.count += 1

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a covered character lies in `start` .. `end` - 1."""
        return self.covered.find(1, start, end) >= 0

    def crossing(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans (of an indexed set) that share a character with `start` .. `end` - 1,
        in the order they were added."""
        if self.by_start is None or not self.overlaps(start, end):
            return []
        found = [
            span
            for first in range(max(0, start - self.longest), end)
            for span in self.by_start.get(first, ())
            if span[2] > start
        ]
        return [(s, e) for _, s, e in sorted(found)]
