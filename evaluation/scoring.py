"""Counting right, false and missed items: the arithmetic every evaluation table shares."""

from __future__ import annotations

from dataclasses import dataclass


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


def fmt(value: float | None) -> str:
    """Two decimals, or a dash when there was nothing to count."""
    return "–" if value is None else f"{value:.2f}"
