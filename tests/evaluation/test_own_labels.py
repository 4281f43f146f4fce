"""The project's own gold labels: the status an entry ends at, as the marts rank statuses."""

from __future__ import annotations

import csv
from itertools import permutations

from evaluation.own_labels import final_partnerships, unordered
from flows.settings import REFERENCE_DIR


def merge_ranks() -> dict[str, int]:
    """The merge rank of every status, read straight from the seed the marts use."""
    path = REFERENCE_DIR / "reference_partnership_statuses.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["status"]: int(row["merge_rank"]) for row in csv.DictReader(handle)}


def test_the_status_with_the_lower_merge_rank_of_the_seed_wins_in_any_order(make_claim) -> None:
    ranks = merge_ranks()
    assert len(ranks) >= 9
    for first, second in permutations(ranks, 2):
        (status,) = final_partnerships(
            [make_claim(status=first), make_claim(status=second)]
        ).values()
        assert status == min(first, second, key=ranks.__getitem__), (first, second)


def test_a_denial_outweighs_every_positive_status_and_active_outweighs_announced(
    make_claim,
) -> None:
    found = final_partnerships(
        [make_claim(status="announced"), make_claim(status="active"), make_claim(status="talks")]
    )
    assert found == {("bmw", "nio", "technology"): "active"}
    found = final_partnerships(
        [make_claim(status="completed"), make_claim(status="denied"), make_claim(status="rumored")]
    )
    assert found == {("bmw", "nio", "technology"): "denied"}


def test_each_pair_and_type_keeps_its_own_status(make_claim) -> None:
    found = final_partnerships(
        [
            make_claim(status="talks"),
            make_claim(status="completed", kind="supply"),
            make_claim(status="planned", a="nio", b="bmw"),
        ]
    )
    assert found == {
        ("bmw", "nio", "technology"): "talks",
        ("bmw", "nio", "supply"): "completed",
        ("nio", "bmw", "technology"): "planned",
    }
    assert unordered("nio", "bmw") == unordered("bmw", "nio") == ("bmw", "nio")
