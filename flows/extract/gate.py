"""A literal gate before a long case-insensitive alternation.

Python's `re` tries every branch of an alternation at every offset of a text, so a union of
a few dozen cue patterns costs tens of microseconds per sentence even when nothing matches.
Most branches cannot match without some fixed letters (`auftrag`, `owned by`); one
Aho-Corasick pass finds whether any of them stands in the text, and the regex runs only
then. The gate only ever skips texts the regex cannot match, so results are the same.
"""

from __future__ import annotations

import re
import re._constants as sre_constants  # the parser's opcodes, to read a pattern's literals
import re._parser as sre_parser
from collections.abc import Iterator
from itertools import product

import ahocorasick

# More alternatives than this make a literal set too costly to expand; the branch then
# contributes the literals read so far.
_MAX_LITERALS = 256
# Letters `re.IGNORECASE` matches to a Latin letter that `str.lower` maps elsewhere
# (dotless ı, dotted İ, long ſ); the gate lowers texts this way on top of `str.lower`.
_RE_CASE_TWINS = str.maketrans({"ı": "i", "İ": "i", "ſ": "s"})
# Literals are only trusted in Latin script: other scripts have more letters that
# `re.IGNORECASE` and `str.lower` treat differently (Greek final sigma, the micro sign).
_LATIN_MAX = 0x24F
# Opening strings shorter than this find too many offsets to be worth the regex's trials.
_MIN_OPENING = 2


# The last text lowered and its lowered form: the gates of one sentence ask in a row.
_last_lowered: tuple[str, str] = ("", "")


def lower_like_re(text: str) -> str:
    """A text lowered so that every letter `re.IGNORECASE` equates with a Latin letter
    becomes that letter."""
    global _last_lowered
    last = _last_lowered
    if last[0] is text:
        return last[1]
    lowered = text
    if not text.isascii() and ("ı" in text or "İ" in text or "ſ" in text):
        lowered = text.translate(_RE_CASE_TWINS)
    lowered = lowered.lower()
    _last_lowered = (text, lowered)
    return lowered


# A set of strings at least one of which every match contains, whether the element
# matches exactly one of them (so that what follows may be appended), and whether every
# match starts with one of them (so that they may be appended to what precedes).
_Literals = tuple[frozenset[str], bool, bool]
_ZERO_WIDTH = object()


def _element(op: object, av: object) -> _Literals | object | None:
    """The literals of one parsed element; None when it has none, `_ZERO_WIDTH` for a
    lookaround or an anchor."""
    if op is sre_constants.LITERAL:
        return frozenset({lower_like_re(chr(av))}), True, True  # type: ignore[arg-type]
    if op is sre_constants.SUBPATTERN:
        return _sequence(av[-1])  # type: ignore[index]
    if op is sre_constants.BRANCH:
        found = [_sequence(alternative) for alternative in av[1]]  # type: ignore[index]
        if any(f is None for f in found):
            return None
        union = frozenset().union(*(f[0] for f in found))  # type: ignore[index]
        if len(union) > _MAX_LITERALS:
            return None
        return union, all(f[1] for f in found), all(f[2] for f in found)  # type: ignore[index]
    if op is sre_constants.IN:
        chars = [a for o, a in av if o is sre_constants.LITERAL]  # type: ignore[union-attr]
        if len(chars) != len(av) or len(chars) > 8:  # type: ignore[arg-type]
            return None
        return frozenset(lower_like_re(chr(c)) for c in chars), True, True
    if op in (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT):
        return _ZERO_WIDTH
    return None


def _sequence(items: object) -> _Literals | None:
    """The most selective literals of a sequence of parsed elements."""
    best: frozenset[str] | None = None
    exact = True
    run: frozenset[str] = frozenset({""})
    # What every match of the sequence starts with, once known (`sells?`: `sell`).
    opening: frozenset[str] | None = None

    def offer(candidate: frozenset[str]) -> None:
        nonlocal best
        if not candidate or "" in candidate:
            return
        if best is None or min(map(len, candidate)) > min(map(len, best)):
            best = candidate

    for op, av in items:  # type: ignore[attr-defined]
        found = _element(op, av)
        if found is _ZERO_WIDTH:
            continue
        if found is None or not found[1] or len(run) * len(found[0]) > _MAX_LITERALS:  # type: ignore[index]
            # The exact run stands right before this element: when every match of the
            # element starts with one of its literals, the run joined to them is a literal.
            joined = run
            if found is not None and found[2] and len(run) * len(found[0]) <= _MAX_LITERALS:  # type: ignore[index]
                joined = frozenset(a + b for a, b in product(run, found[0]))  # type: ignore[index]
            if exact and "" not in joined:
                opening = joined
            exact = False
            offer(run)
            if found is not None:
                offer(found[0])  # type: ignore[index]
            offer(joined)
            run = frozenset({""})
            continue
        run = frozenset(a + b for a, b in product(run, found[0]))  # type: ignore[index]
    if exact:
        return run, True, True
    offer(run)
    return (best, False, best == opening) if best is not None else None


def literals(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Lowered strings one of which every match of a pattern contains; None when some
    branch holds no fixed letters (`\\d`, `\\S*` alone) or a letter beyond Latin script."""
    found = _sequence(sre_parser.parse(pattern, flags))
    if found is None or "" in found[0]:
        return None
    if any(ord(c) > _LATIN_MAX or c == "µ" for word in found[0] for c in word):
        return None
    return found[0]


def _opening(items: object) -> frozenset[str] | None:
    """Lowered strings one of which every match of a sequence starts with; None when
    unknown (no fixed letters at its start)."""
    run: frozenset[str] = frozenset({""})
    for op, av in items:  # type: ignore[attr-defined]
        found = _element(op, av)
        if found is _ZERO_WIDTH:
            continue
        if found is None or len(run) * len(found[0]) > _MAX_LITERALS:  # type: ignore[index]
            break
        joined = frozenset(a + b for a, b in product(run, found[0]))  # type: ignore[index]
        if not found[1]:  # type: ignore[index]
            run = joined if found[2] else run  # type: ignore[index]
            break
        run = joined
    return None if "" in run else run


def opening_search(regex: re.Pattern[str]) -> re.Pattern[str] | None:
    """A regex that finds, in a text lowered by `lower_like_re`, every offset at which
    `regex` may match: the strings all its matches start with. None when they are unknown,
    beyond Latin script or too short to narrow anything down."""
    words = _opening(sre_parser.parse(regex.pattern, regex.flags))
    if not words or any(ord(c) > _LATIN_MAX or c == "µ" for word in words for c in word):
        return None
    if min(map(len, words)) < _MIN_OPENING:
        return None  # a single letter stands everywhere: the regex alone is cheaper
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def scan(
    regex: re.Pattern[str], opening: re.Pattern[str] | None, text: str
) -> Iterator[re.Match[str]]:
    """`regex.finditer(text)`, trying the regex only where `opening` (from `opening_search`)
    finds one of the strings its matches start with."""
    lowered = lower_like_re(text)
    if opening is None or len(lowered) != len(text):
        yield from regex.finditer(text)
        return
    position = 0
    while (candidate := opening.search(lowered, position)) is not None:
        start = candidate.start()
        found = regex.match(text, start)
        if found is None:
            position = start + 1
            continue
        yield found  # never empty: it starts with one of the opening strings
        position = found.end()


class GatedPattern:
    """A compiled regex that reads a text only when one of its literals stands in it.

    `search`, `finditer` and `findall` are gated; everything else is the regex's own.
    """

    def __init__(self, regex: re.Pattern[str], words: frozenset[str]) -> None:
        self.regex = regex
        self.automaton = ahocorasick.Automaton()
        for word in words:
            self.automaton.add_word(word, word)
        self.automaton.make_automaton()

    def _may_match(self, text: str) -> bool:
        for _ in self.automaton.iter(lower_like_re(text)):
            return True
        return False

    def search(self, text: str, *args: int) -> re.Match[str] | None:
        return self.regex.search(text, *args) if self._may_match(text) else None

    def finditer(self, text: str, *args: int) -> Iterator[re.Match[str]]:
        return self.regex.finditer(text, *args) if self._may_match(text) else iter(())

    def findall(self, text: str, *args: int) -> list:
        return self.regex.findall(text, *args) if self._may_match(text) else []

    def __getattr__(self, name: str) -> object:
        return getattr(self.regex, name)


def gated(regex: re.Pattern[str]) -> re.Pattern[str]:
    """The regex behind a literal gate when every branch has fixed letters, else itself."""
    words = literals(regex.pattern, regex.flags)
    return GatedPattern(regex, words) if words else regex  # type: ignore[return-value]
