"""A fast rule-based sentence splitter that knows abbreviations, numbers and headlines."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from flows.extract.constants import ABBREVIATIONS, MAX_SENTENCE_CHARS, MONTH_NAMES
from flows.extract.text import is_boilerplate_line

# spaCy's sentencizer splits `z. B.` and `20. April` and is ten times slower on long
# texts; a few rules over the punctuation candidates do better for news.
# A stop before white space and a capital; or, in text scraped without spaces, a stop between
# a lower-case word and a capitalised one (`year-on-year.As of Saturday`). Both branches start
# with the stop itself, so the scan jumps from stop to stop; a lookbehind in front would be
# tried at every character.
_CANDIDATE_RE = re.compile(
    r"[.!?…]+[\"'»”“’)\]]*(?=[ \t\u00a0]+[\"'„“«(\[‚]?[A-ZÄÖÜÀ-ÞĀ-Ž0-9])"
    r"|\.(?<=[a-zäöüß]{2}\.)(?=[A-ZÄÖÜ][a-zäöüß])"
)
_INITIALISM_RE = re.compile(r"^(?:\w\.)+\w?\.?$")
_NEXT_WORD_RE = re.compile(r"\s+[\"'„“«(\[]?(\w+)")
_ALL_MONTHS = frozenset(name for names in MONTH_NAMES.values() for name in names)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence as offsets into the document text, with its paragraph number."""

    start: int
    end: int
    paragraph: int


def _is_boundary(line: str, match: re.Match[str], language: str | None) -> bool:
    """Whether a punctuation candidate really ends a sentence."""
    punct = match.group(0)
    if not punct.startswith("."):
        return True
    cut = match.start() + 1
    # The last blank before the stop: tabs and no-break spaces are looked for only after the
    # last space (each search back to the line start made long lines quadratic).
    space = line.rfind(" ", 0, cut)
    begin = max(space, line.rfind("\t", space + 1, cut), line.rfind("\u00a0", space + 1, cut))
    token = line[begin + 1 : cut]
    bare = token.lstrip("(\"'„“«[").lower()
    if bare in ABBREVIATIONS or bare.rstrip(".") in ABBREVIATIONS:
        return False
    core = bare.rstrip(".")
    if len(core) == 1 and core.isalpha():
        return False
    if _INITIALISM_RE.match(bare) and "." in bare[:-1]:
        return False
    if core.isdigit():
        next_word = _NEXT_WORD_RE.match(line, match.end())
        if next_word and next_word.group(1).lower() in _ALL_MONTHS:
            return False
        if language == "de" and len(core) <= 2:
            return False
    return True


def split_line(line: str, offset: int, paragraph: int, language: str | None) -> list[Sentence]:
    """Split one line of text into sentences."""
    cuts = [0]
    for match in _CANDIDATE_RE.finditer(line):
        if _is_boundary(line, match, language):
            cuts.append(match.end())
    cuts.append(len(line))
    if len(line) > MAX_SENTENCE_CHARS:
        cuts = _windowed(line, cuts)
    out: list[Sentence] = []
    # Each piece is trimmed as `_trim` does, without building its untrimmed span first.
    for begin, stop in itertools.pairwise(cuts):
        piece = line[begin:stop]
        rest = piece.lstrip()
        if rest:
            left = offset + begin + len(piece) - len(rest)
            out.append(Sentence(left, left + len(rest.rstrip()), paragraph))
    return out


def _windowed(line: str, cuts: list[int]) -> list[int]:
    """The cuts of a line, with pieces longer than `MAX_SENTENCE_CHARS` cut into windows.

    A window ends after the last comma or semicolon in its second half, else at its last
    blank, else (a run of characters without any) at its length.
    """
    out = [cuts[0]]
    for stop in cuts[1:]:
        begin = out[-1]
        while stop - begin > MAX_SENTENCE_CHARS:
            limit = begin + MAX_SENTENCE_CHARS
            half = begin + MAX_SENTENCE_CHARS // 2
            cut = max(line.rfind(", ", half, limit), line.rfind("; ", half, limit)) + 1
            if cut <= 0:
                cut = line.rfind(" ", begin + 1, limit)
            if cut <= begin:
                cut = limit
            out.append(cut)
            begin = cut
        out.append(stop)
    return out


def sentence_at(
    line: str, offset: int, paragraph: int, language: str | None, start: int, end: int
) -> Sentence | None:
    """The sentence of `split_line` that holds the span `start`-`end`, or None.

    Only the stops next to the span are judged: the last boundary before it and the first
    after its start, instead of every stop of the line.
    """
    position = start - offset
    before: list[re.Match[str]] = []
    after = None
    for match in _CANDIDATE_RE.finditer(line):
        if match.end() <= position:
            before.append(match)
        elif _is_boundary(line, match, language):
            after = match
            break
    begin = next(
        (m.end() for m in reversed(before) if _is_boundary(line, m, language)),
        0,
    )
    stop = after.end() if after else len(line)
    if not line[begin:stop].strip():
        return None
    sentence = _trim(line, offset, Sentence(offset + begin, offset + stop, paragraph))
    return sentence if sentence.start <= start and end <= sentence.end else None


def _trim(line: str, offset: int, sentence: Sentence) -> Sentence:
    """Drop leading and trailing white space from a sentence span."""
    text = line[sentence.start - offset : sentence.end - offset]
    left = len(text) - len(text.lstrip())
    right = len(text.rstrip())
    return Sentence(sentence.start + left, sentence.start + right, sentence.paragraph)


def line_table(text: str) -> list[tuple[int, int, int]]:
    """Start, end and paragraph number of every line of a text."""
    table: list[tuple[int, int, int]] = []
    paragraph = 0
    offset = 0
    for line in text.split("\n"):
        if not line.strip():
            paragraph += 1
        table.append((offset, offset + len(line), paragraph))
        offset += len(line) + 1
    return table


def split_sentences(
    text: str,
    language: str | None,
    skip_until: int = 0,
    paragraphs: set[int] | None = None,
    lines: list[tuple[int, int, int]] | None = None,
) -> list[Sentence]:
    """Split a text into sentences; line breaks end sentences, boilerplate lines are left out.

    With `paragraphs`, only those paragraphs are split (the others hold nothing to extract).
    """
    sentences: list[Sentence] = []
    for line_start, line_end, paragraph in lines if lines is not None else line_table(text):
        if paragraphs is not None and paragraph not in paragraphs:
            continue
        if line_end <= skip_until or line_start == line_end:
            continue
        cut = max(line_start, skip_until)
        line = text[cut:line_end]
        if not line.strip() or is_boilerplate_line(line):
            continue
        sentences.extend(split_line(line, cut, paragraph, language))
    return sentences
