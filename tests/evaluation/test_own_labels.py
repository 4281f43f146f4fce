"""The project's own gold labels: the status an entry ends at, as the marts rank statuses."""

from __future__ import annotations

import csv
from itertools import permutations

from evaluation.own_labels import final_partnerships, unordered
from flows.extract.models import PartnershipClaim
from flows.settings import REFERENCE_DIR


def claim(
    status: str, kind: str = "technology", a: str = "bmw", b: str = "nio"
) -> PartnershipClaim:
    """A claim of one pair and type with ``status``."""
    return PartnershipClaim(
        claim_index=0,
        company_a_id=a,
        company_a_name=a,
        company_b_id=b,
        company_b_name=b,
        is_directed=False,
        partnership_type=kind,
        status=status,
        sentence_text="",
        char_start=0,
        char_end=0,
    )


def merge_ranks() -> dict[str, int]:
    """The merge rank of every status, read straight from the seed the marts use."""
    path = REFERENCE_DIR / "reference_partnership_statuses.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["status"]: int(row["merge_rank"]) for row in csv.DictReader(handle)}


def test_the_status_with_the_lower_merge_rank_of_the_seed_wins_in_any_order() -> None:
    ranks = merge_ranks()
    assert len(ranks) >= 9
    for first, second in permutations(ranks, 2):
        (status,) = final_partnerships([claim(first), claim(second)]).values()
        assert status == min(first, second, key=ranks.__getitem__), (first, second)


def test_a_denial_outweighs_every_positive_status_and_active_outweighs_announced() -> None:
    found = final_partnerships([claim("announced"), claim("active"), claim("talks")])
    assert found == {("bmw", "nio", "technology"): "active"}
    found = final_partnerships([claim("completed"), claim("denied"), claim("rumored")])
    assert found == {("bmw", "nio", "technology"): "denied"}


def test_each_pair_and_type_keeps_its_own_status() -> None:
    found = final_partnerships(
        [claim("talks"), claim("completed", kind="supply"), claim("planned", a="nio", b="bmw")]
    )
    assert found == {
        ("bmw", "nio", "technology"): "talks",
        ("bmw", "nio", "supply"): "completed",
        ("nio", "bmw", "technology"): "planned",
    }
    assert unordered("nio", "bmw") == unordered("bmw", "nio") == ("bmw", "nio")
