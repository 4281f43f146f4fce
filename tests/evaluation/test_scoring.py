"""The shared arithmetic: counts, precision/recall/F1, span matching, value tolerance, periods."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from evaluation.scoring import (
    Ratio,
    Score,
    fmt,
    match_spans,
    overlaps,
    period_label,
    values_close,
)


def test_score_counts_hits_extras_and_misses_of_sets() -> None:
    score = Score()
    score.add({"a", "b", "c"}, {"b", "c", "d"})
    score.add({"e"}, set())
    assert (score.tp, score.fp, score.fn) == (2, 1, 2)
    assert score.precision == pytest.approx(2 / 3)
    assert score.recall == pytest.approx(2 / 4)
    assert score.f1 == pytest.approx(2 * (2 / 3) * (1 / 2) / (2 / 3 + 1 / 2))


def test_nothing_found_leaves_precision_and_f1_undefined() -> None:
    score = Score(tp=0, fp=0, fn=3)
    assert score.precision is None
    assert score.recall == 0.0
    assert score.f1 is None


def test_nothing_to_find_leaves_recall_and_f1_undefined() -> None:
    score = Score(tp=0, fp=2, fn=0)
    assert score.precision == 0.0
    assert score.recall is None
    assert score.f1 is None


def test_f1_is_zero_when_found_and_gold_items_share_nothing() -> None:
    score = Score()
    score.add({"a"}, {"b"})
    assert (score.precision, score.recall, score.f1) == (0.0, 0.0, 0.0)


def test_as_dict_rounds_and_keeps_undefined_as_none() -> None:
    assert Score(tp=1, fp=2, fn=0).as_dict() == {
        "tp": 1,
        "fp": 2,
        "fn": 0,
        "precision": 0.3333,
        "recall": 1.0,
        "f1": 0.5,
    }
    assert Score(fn=1).as_dict(digits=2) == {
        "tp": 0,
        "fp": 0,
        "fn": 1,
        "precision": None,
        "recall": 0.0,
        "f1": None,
    }


def test_spans_overlap_only_when_they_share_a_character() -> None:
    assert overlaps((0, 5), (4, 9))
    assert not overlaps((0, 5), (5, 9))
    assert overlaps((3, 4), (0, 10))


def test_each_gold_span_is_matched_at_most_once() -> None:
    gold = [(0, 10)]
    found = [(0, 4), (5, 10)]
    assert match_spans(gold, found) == {0: 0}
    score = Score()
    score.add_spans(gold, found)
    assert (score.tp, score.fp, score.fn) == (1, 1, 0)


def test_a_found_span_takes_the_first_free_gold_span_it_overlaps() -> None:
    gold = [(0, 5), (6, 12), (20, 25)]
    found = [(3, 8), (4, 7), (30, 31)]
    assert match_spans(gold, found) == {0: 0, 1: 1}
    score = Score()
    score.add_spans(gold, found)
    assert (score.tp, score.fp, score.fn) == (2, 1, 1)


def test_values_are_close_within_half_a_percent_of_the_gold_value() -> None:
    assert values_close(Decimal("1005"), Decimal("1000"))
    assert values_close(Decimal("995"), Decimal("1000"))
    assert not values_close(Decimal("1006"), Decimal("1000"))
    assert values_close(Decimal("4.51"), Decimal("4.5"), tolerance=Decimal("0.01"))
    assert values_close(Decimal("0"), Decimal("0"))
    assert not values_close(Decimal("0.001"), Decimal("0"))


@pytest.mark.parametrize(
    ("start", "grain", "end", "label"),
    [
        (date(2024, 1, 1), "year", None, "2024"),
        (date(2024, 3, 1), "month", None, "2024-03"),
        (date(2024, 7, 1), "quarter", None, "2024-Q3"),
        (date(2024, 7, 1), "half_year", None, "2024-H2"),
        (date(2024, 1, 1), "year_to_date", date(2024, 5, 31), "2024-01-01..2024-05-31"),
        (None, "month", None, None),
        (date(2024, 3, 1), None, None, None),
    ],
)
def test_period_labels_follow_the_label_files(start, grain, end, label) -> None:
    assert period_label(start, grain, end) == label


def test_ratio_shows_share_and_counts_or_a_dash() -> None:
    ratio = Ratio()
    assert str(ratio) == "–" and ratio.value is None
    for ok in (True, False, True, True):
        ratio.add(ok)
    assert (ratio.right, ratio.total, ratio.value) == (3, 4, 0.75)
    assert str(ratio) == "0.75 (3/4)"


def test_fmt_prints_two_decimals_or_a_dash() -> None:
    assert fmt(None) == "–"
    assert fmt(2 / 3) == "0.67"
    assert fmt(0.0) == "0.00"
