"""SmartData (German news, RSS and tweets): company mentions and Acquisition/Merger deals."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from evaluation.output import Output
from evaluation.scoring import Ratio, Score, Span, overlaps
from evaluation.sets import SMARTDATA, shown
from flows.extract import Extractor
from flows.extract.models import PartnershipClaim, RawDocument

# Gold entity type of a company, and the relations that are deals with their partnership type.
COMPANY_TYPE = "organization-company"
DEALS = {"Acquisition": "acquisition", "Merger": "merger"}
DEAL_ROLES = ("buyer", "acquired", "old", "new")

Deal = tuple[str, list[Span]]


@dataclass
class SmartDataReport:
    """Mention scores per source (and `all`), deal hits and their typing."""

    mentions: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    deals: Score = field(default_factory=Score)
    typed: Ratio = field(default_factory=Ratio)


def company_spans(record: dict) -> list[Span]:
    """The gold company mentions of a record."""
    return [(e["start"], e["end"]) for e in record["entities"] if e["type"] == COMPANY_TYPE]


def gold_deals(record: dict) -> list[Deal]:
    """The record's deals with at least two parties: partnership type and the parties' spans."""
    deals = []
    for relation in record["relations"]:
        if relation["name"] not in DEALS:
            continue
        args = [(a["start"], a["end"]) for a in relation["args"] if a["role"] in DEAL_ROLES]
        if len(args) >= 2:
            deals.append((DEALS[relation["name"]], args))
    return deals


def deal_hit(
    claim: PartnershipClaim, spans: dict[str, list[Span]], deals: list[Deal]
) -> int | None:
    """The gold deal a claim states: one party's mention on one argument, the other party's
    mention on another argument or, for a party named by a description (`der Konzern`), that
    argument inside the claim's sentence."""
    sentence = (claim.char_start, claim.char_end)
    for index, (_kind, args) in enumerate(deals):
        for i, first in enumerate(args):
            for j, second in enumerate(args):
                if i == j:
                    continue
                a_on_first = any(overlaps(s, first) for s in spans[claim.company_a_id])
                b_on_second = any(overlaps(s, second) for s in spans[claim.company_b_id])
                a_in_sentence = sentence[0] <= first[0] and first[1] <= sentence[1]
                b_in_sentence = sentence[0] <= second[0] and second[1] <= sentence[1]
                if (a_on_first and (b_on_second or b_in_sentence)) or (
                    b_on_second and a_in_sentence
                ):
                    return index
    return None


def score_record(report: SmartDataReport, record: dict, extractor: Extractor) -> None:
    """Count one record's mentions and deals."""
    extraction = extractor.extract(RawDocument(record["id"], "smartdata", record["text"]))
    found = [(m.char_start, m.char_end) for m in extraction.mentions]
    for key in (record["source"], "all"):
        report.mentions[key].add_spans(company_spans(record), found)
    spans: dict[str, list[Span]] = defaultdict(list)
    for mention in extraction.mentions:
        spans[mention.company_id].append((mention.char_start, mention.char_end))
    deals = gold_deals(record)
    matched: set[int] = set()
    for claim in extraction.partnerships:
        hit = deal_hit(claim, spans, deals)
        if hit is None:
            report.deals.fp += 1
        elif hit not in matched:
            matched.add(hit)
            report.deals.tp += 1
            report.typed.add(claim.partnership_type == deals[hit][0])
    report.deals.fn += len(deals) - len(matched)


def evaluate(extractor: Extractor, path: Path = SMARTDATA) -> SmartDataReport:
    """Scores over every record of the set."""
    report = SmartDataReport()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            score_record(report, json.loads(line), extractor)
    return report


def run(extractor: Extractor, out: Output) -> None:
    """Print the mention and deal tables, or why the set is absent."""
    if not SMARTDATA.exists():
        out.note(f"SmartData: {shown(SMARTDATA.parent)} is absent, skipped.")
        return
    report = evaluate(extractor)
    sources = sorted(report.mentions, key=lambda k: (k == "all", k))
    out.table(
        "SmartData (de): organization-company mentions, overlap match",
        ("source", "gold", "found", "P", "R", "F1"),
        (_score_row(source, report.mentions[source]) for source in sources),
    )
    out.table(
        "SmartData (de): deals (Acquisition, Merger) as partnership pairs",
        ("gold", "found", "P", "R", "F1", "type right"),
        [[*_score_row(None, report.deals), str(report.typed)]],
    )


def _score_row(key: str | None, score: Score) -> list[str]:
    """Gold and found counts with precision, recall and F1, after ``key`` when given."""
    cells = [str(score.tp + score.fn), str(score.tp + score.fp), *score.cells()]
    return cells if key is None else [key, *cells]
