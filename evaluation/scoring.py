"""Counting right, false and missed items: the arithmetic and matching every evaluation shares."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

# Two figures are the same when they differ by at most this share (rounded figures stay rounded).
VALUE_TOLERANCE = Decimal("0.005")

Span = tuple[int, int]


@dataclass
class Score:
    """True positives, false positives and false negatives of one task."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: set, found: set) -> None:
        """Count one document's gold and found items."""
        self.tp += len(gold & found)
        self.fp += len(found - gold)
        self.fn += len(gold - found)

    def add_spans(self, gold: Sequence[Span], found: Sequence[Span]) -> None:
        """Count one text's spans, matched one to one by overlap (see `match_spans`)."""
        matched = match_spans(gold, found)
        self.tp += len(matched)
        self.fp += len(found) - len(matched)
        self.fn += len(gold) - len(matched)

    @property
    def precision(self) -> float | None:
        """Share of found items that are right (None when nothing was found)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        """Share of gold items found (None when there is no gold item)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        """Harmonic mean of precision and recall (0 when either is 0, None when undefined)."""
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def cells(self) -> list[str]:
        """Precision, recall and F1 as table cells."""
        return [fmt(self.precision), fmt(self.recall), fmt(self.f1)]

    def as_dict(self, digits: int = 4) -> dict[str, int | float | None]:
        """The counts with precision, recall and F1 rounded, for JSON results."""
        rounded = {
            name: None if value is None else round(value, digits)
            for name, value in (("precision", self.precision), ("recall", self.recall))
        }
        f1 = self.f1
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            **rounded,
            "f1": None if f1 is None else round(f1, digits),
        }


@dataclass
class Ratio:
    """Right out of total, for accuracies."""

    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        """Count one case."""
        self.total += 1
        self.right += bool(ok)

    @property
    def value(self) -> float | None:
        """The share right, or None when nothing was counted."""
        return self.right / self.total if self.total else None

    def __str__(self) -> str:
        return f"{self.right / self.total:.2f} ({self.right}/{self.total})" if self.total else "–"


# The first columns of every per-document table: companies, pairs and the pairs' types.
DOCUMENT_COLUMNS = (
    "lang",
    "docs",
    "co P",
    "co R",
    "co F1",
    "pair P",
    "pair R",
    "pair F1",
    "type ok",
)


@dataclass
class DocumentScores:
    """What every per-document table counts, for one language or for all documents."""

    docs: int = 0
    companies: Score = field(default_factory=Score)
    pairs: Score = field(default_factory=Score)
    type_right: Ratio = field(default_factory=Ratio)
    status_right: Ratio = field(default_factory=Ratio)
    sales: Score = field(default_factory=Score)
    language: Ratio = field(default_factory=Ratio)
    misses: list[str] = field(default_factory=list)

    def row(self, key: str) -> list[str]:
        """The scores as a row of their table: DOCUMENT_COLUMNS, then the table's own."""
        first = [key, str(self.docs), *self.companies.cells(), *self.pairs.cells()]
        return [*first, str(self.type_right), *self.more_cells()]

    def more_cells(self) -> list[str]:
        """The cells of the columns after DOCUMENT_COLUMNS."""
        return []

    def count_missed(
        self, score: Score, gold: list[dict], matched: set[int], describe: Callable[[dict], str]
    ) -> None:
        """Count each gold item whose index is not in ``matched`` as missed, and say which."""
        for index, item in enumerate(gold):
            if index not in matched:
                score.fn += 1
                self.misses.append(describe(item))


def fmt(value: float | None) -> str:
    """Two decimals, or a dash when there was nothing to count."""
    return "–" if value is None else f"{value:.2f}"


def overlaps(a: Span, b: Span) -> bool:
    """Whether two character spans share a character."""
    return a[0] < b[1] and b[0] < a[1]


def match_spans(gold: Sequence[Span], found: Sequence[Span]) -> dict[int, int]:
    """One-to-one overlap matching: found index -> gold index, each found span taking the first
    gold span it overlaps that no earlier found span took."""
    matched: dict[int, int] = {}
    used: set[int] = set()
    for index, span in enumerate(found):
        hit = next((i for i, g in enumerate(gold) if i not in used and overlaps(span, g)), None)
        if hit is not None:
            used.add(hit)
            matched[index] = hit
    return matched


def values_close(found: Decimal, gold: Decimal, tolerance: Decimal = VALUE_TOLERANCE) -> bool:
    """A found figure equals a gold one within ``tolerance`` of the gold value."""
    if gold == 0:
        return found == 0
    return abs(found - gold) / abs(gold) <= tolerance


def period_label(start: date | None, grain: str | None, end: date | None = None) -> str | None:
    """A period as labels write it: `YYYY`, `YYYY-MM`, `YYYY-Qn`, `YYYY-Hn`, else `start..end`."""
    if start is None or grain is None:
        return None
    if grain == "year":
        return f"{start.year}"
    if grain == "month":
        return f"{start.year}-{start.month:02d}"
    if grain == "quarter":
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    if grain == "half_year":
        return f"{start.year}-H{1 if start.month <= 6 else 2}"
    return f"{start.isoformat()}..{end.isoformat() if end else ''}"
