"""CORE (English company pairs from Wikipedia): partnership detection, typing and direction.

The partnership rules run on each sentence with the two gold entity spans as its mentions.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from evaluation.output import Output
from evaluation.sets import CORE, shown
from flows.extract import Extractor
from flows.extract.companies import Match
from flows.extract.partnerships import sentence_partnerships

# CORE relations and the partnership types that state them; None: no partnership at all.
CORE_TYPES: dict[str, tuple[str, ...] | None] = {
    "acquired_by": ("acquisition",),
    "shareholder_of": ("equity_investment",),
    "merged_with": ("merger",),
    "collaboration": (
        "technology",
        "research",
        "production",
        "supply",
        "distribution",
        "joint_venture",
        "other",
    ),
    "client_of": ("supply", "technology", "production", "distribution", "other"),
    "competitor_of": None,
    "brand_of": None,
    "product_or_service_of": None,
    "traded_on": None,
    "regulated_by": None,
    "undefined": None,
}
# Relations whose direction the claim must get right (company a is the buyer or the holder).
DIRECTED = ("acquired_by", "shareholder_of")
COLUMNS = ("relation", "records", "claim made", "type right", "direction right", "reading")


@dataclass
class RelationCounts:
    """Records of one relation, how many got a claim, of the right type, in the right direction."""

    records: int = 0
    claimed: int = 0
    typed: int = 0
    directed: int = 0


def record_text(record: dict) -> tuple[str, Match, Match]:
    """The record's tokens joined by spaces, and its two entities as mentions `e1` and `e2`."""
    tokens = record["context"]
    offsets, offset = [], 0
    for token in tokens:
        offsets.append(offset)
        offset += len(token) + 1

    def entity(key: str) -> Match:
        first, last = record[f"{key}_start"], record[f"{key}_end"]
        start, end = offsets[first], offsets[last] + len(tokens[last])
        return Match(start, end, key, record[f"{key}_name"], "alias")

    return " ".join(tokens), entity("e1"), entity("e2")


def holder(record: dict) -> str:
    """The entity that is company a of a right claim: the buyer or the shareholder."""
    inverted = bool(record["invert_relation"])
    if record["relation"] == "acquired_by":
        return "e1" if inverted else "e2"
    return "e2" if inverted else "e1"


def score_record(counts: RelationCounts, record: dict, extractor: Extractor) -> None:
    """Count one record."""
    text, e1, e2 = record_text(record)
    mentions = sorted([e1, e2], key=lambda m: m.start)
    pairs = sentence_partnerships(text, mentions, "en", extractor.reference)
    expected = CORE_TYPES.get(record["relation"])
    counts.records += 1
    if not pairs:
        return
    counts.claimed += 1
    pair = pairs[0]
    if expected and pair.type in expected:
        counts.typed += 1
        if pair.directed:
            counts.directed += pair.a.company_id == holder(record)


def evaluate(extractor: Extractor, path: Path = CORE) -> dict[str, RelationCounts]:
    """Counts per relation over every record of the set."""
    by_relation: dict[str, RelationCounts] = defaultdict(RelationCounts)
    for record in json.loads(path.read_text(encoding="utf-8")):
        score_record(by_relation[record["relation"]], record, extractor)
    return by_relation


def run(extractor: Extractor, out: Output) -> None:
    """Print the table per relation, or why the set is absent."""
    if not CORE.exists():
        out.note(f"CORE: {shown(CORE.parent)} is absent, skipped.")
        return
    rows = []
    for relation, c in sorted(evaluate(extractor).items()):
        expected = CORE_TYPES.get(relation)
        rows.append(
            [
                relation,
                str(c.records),
                f"{c.claimed} ({c.claimed / c.records:.2f})",
                f"{c.typed} ({c.typed / c.claimed:.2f})" if expected and c.claimed else "–",
                str(c.directed) if relation in DIRECTED else "–",
                "should be claimed" if expected else "should not be claimed",
            ]
        )
    out.table("CORE (en): partnership detection and typing with gold entity pairs", COLUMNS, rows)
