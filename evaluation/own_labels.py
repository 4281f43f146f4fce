"""The project's own gold labels (`labels/*.json`): the bundled samples and the seed articles.

One entry per file: language, publication date, title, company ids, partnerships with the
status the article ends at, and sales facts. See README.md for what each column means.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from evaluation.output import Output
from evaluation.scoring import (
    DOCUMENT_COLUMNS,
    DocumentScores,
    Ratio,
    Score,
    fmt,
    period_label,
    values_close,
)
from evaluation.sets import shown
from flows.extract import Extractor
from flows.extract.models import Extraction, PartnershipClaim, RawDocument, SalesClaim
from flows.extract.reference import load_statuses

COLUMNS = (
    *DOCUMENT_COLUMNS,
    "p+t F1",
    "status ok",
    "sales P",
    "sales R",
    "mkt+seg ok",
    "lang ok",
    "date ok",
    "title ok",
)


@dataclass
class GoldReport(DocumentScores):
    """Scores of one language (or of all documents) on the project's own gold labels."""

    triples: Score = field(default_factory=Score)
    sales_full: Ratio = field(default_factory=Ratio)
    date: Ratio = field(default_factory=Ratio)
    title: Ratio = field(default_factory=Ratio)

    def more_cells(self) -> list[str]:
        """Entries with their type, statuses, sales, and the document's metadata."""
        return [
            fmt(self.triples.f1),
            str(self.status_right),
            *self.sales.cells()[:2],
            str(self.sales_full),
            str(self.language),
            str(self.date),
            str(self.title),
        ]


def claim_period(claim: SalesClaim) -> str | None:
    """A sales claim's period as the labels write it."""
    return period_label(claim.period_start, claim.period_grain, claim.period_end)


def date_label(extraction: Extraction) -> str | None:
    """The publication date at the precision the extractor found it."""
    meta = extraction.meta
    if meta.published_date is None:
        return None
    value = meta.published_date
    if meta.published_precision == "year":
        return f"{value.year}"
    if meta.published_precision == "month":
        return f"{value.year}-{value.month:02d}"
    return value.isoformat()


def final_partnerships(claims: list[PartnershipClaim]) -> dict[tuple[str, str, str], str]:
    """One entry per pair and type, with the status the marts would publish for claims of one
    date: the first by merge rank of the status seed (a rejection, cancellation or denial
    before any positive status, then the most advanced one)."""
    rank = {status.status: status.merge_rank for status in load_statuses()}
    out: dict[tuple[str, str, str], str] = {}
    for claim in claims:
        key = (claim.company_a_id, claim.company_b_id, claim.partnership_type)
        if key not in out or rank[claim.status] < rank[out[key]]:
            out[key] = claim.status
    return out


def unordered(a: str, b: str) -> tuple[str, str]:
    """A pair without direction."""
    return (a, b) if a <= b else (b, a)


def score_document(report: GoldReport, gold: dict, extraction: Extraction, name: str) -> None:
    """Compare one document's extraction with its gold labels."""
    report.docs += 1
    report.language.add(extraction.meta.language == gold.get("language"))
    report.date.add(date_label(extraction) == gold.get("published_date"))
    if "title" in gold:
        report.title.add((extraction.meta.title or None) == gold.get("title"))
    found_ids = {m.company_id for m in extraction.mentions}
    gold_ids = set(gold.get("companies", []))
    report.companies.add(gold_ids, found_ids)
    for missing in sorted(gold_ids - found_ids):
        report.misses.append(f"{name}: company missed {missing}")
    for extra in sorted(found_ids - gold_ids):
        report.misses.append(f"{name}: company extra {extra}")
    _score_partnerships(report, gold, extraction, name)
    _score_sales(report, gold, extraction, name)


def _score_partnerships(report: GoldReport, gold: dict, extraction: Extraction, name: str) -> None:
    """Pairs, (pair, type) entries, type and status accuracy of one document."""
    found = final_partnerships(extraction.partnerships)
    gold_parts = {
        (p["a"], p["b"], p["type"]): p.get("status") for p in gold.get("partnerships", [])
    }
    report.pairs.add(
        {unordered(a, b) for a, b, _ in gold_parts}, {unordered(a, b) for a, b, _ in found}
    )
    report.triples.add(set(gold_parts), set(found))
    found_types = defaultdict(set)
    for a, b, kind in found:
        found_types[unordered(a, b)].add(kind)
    for (a, b, kind), status in gold_parts.items():
        pair = unordered(a, b)
        if pair in found_types:
            report.type_right.add(kind in found_types[pair])
        if (a, b, kind) not in found:
            report.misses.append(f"{name}: partnership missed {a} {b} {kind} {status}")
            continue
        report.status_right.add(found[(a, b, kind)] == status)
        if found[(a, b, kind)] != status:
            report.misses.append(
                f"{name}: status {a}-{b} {kind}: {found[(a, b, kind)]} != {status}"
            )
    for key in sorted(set(found) - set(gold_parts)):
        report.misses.append(f"{name}: partnership extra {' '.join(key)} {found[key]}")


def _same_sale(row: dict, claim: SalesClaim) -> bool:
    """Whether a gold sales row states the claim's company, metric, period and value."""
    return (
        row["company_id"] == claim.company_id
        and row["metric"] == claim.metric
        and str(row.get("period")) == str(claim_period(claim))
        and values_close(claim.value, Decimal(str(row["value"])))
    )


def _score_sales(report: GoldReport, gold: dict, extraction: Extraction, name: str) -> None:
    """Sales hits, false rows and misses of one document, each gold row matched once."""
    gold_sales = list(gold.get("sales", []))
    matched: set[int] = set()
    for claim in extraction.sales:
        hit = next(
            (
                index
                for index, row in enumerate(gold_sales)
                if index not in matched and _same_sale(row, claim)
            ),
            None,
        )
        if hit is None:
            report.sales.fp += 1
            report.misses.append(
                f"{name}: sales extra {claim.company_id} {claim.metric} {claim.value} "
                f"{claim_period(claim)} {claim.market} {claim.segment}"
            )
            continue
        matched.add(hit)
        report.sales.tp += 1
        row = gold_sales[hit]
        full = row.get("market") == claim.market and row.get("segment") == claim.segment
        report.sales_full.add(full)
        if not full:
            report.misses.append(
                f"{name}: sales {claim.company_id} {claim.value}: market/segment "
                f"{claim.market}/{claim.segment} != {row.get('market')}/{row.get('segment')}"
            )
    report.count_missed(
        report.sales,
        gold_sales,
        matched,
        lambda row: (
            f"{name}: sales missed {row['company_id']} {row['metric']} {row['value']} "
            f"{row.get('period')} {row.get('market')} {row.get('segment')}"
        ),
    )


def raw_document(path: Path) -> RawDocument:
    """A raw document from a file, its format from its suffix."""
    suffix = path.suffix.lower()
    source_format = {".html": "html", ".htm": "html", ".json": "json"}.get(suffix, "text")
    return RawDocument(path.stem, path.name, path.read_text(encoding="utf-8"), source_format)


def evaluate(
    extractor: Extractor, folder: Path, labels: Path, out: Output
) -> dict[str, GoldReport]:
    """Reports per language and `all` for every labelled file of ``folder`` that is present."""
    gold_all = json.loads(labels.read_text(encoding="utf-8"))
    reports: dict[str, GoldReport] = defaultdict(GoldReport)
    for name, gold in sorted(gold_all.items()):
        if name.startswith("_") or not isinstance(gold, dict):
            continue
        path = folder / name
        if not path.exists():
            out.note(f"{name} is not in {shown(folder)}, skipped.")
            continue
        extraction = extractor.extract(raw_document(path))
        for key in (gold.get("language") or "?", "all"):
            score_document(reports[key], gold, extraction, name)
    return reports


def run(extractor: Extractor, out: Output, title: str, folder: Path, labels: Path) -> None:
    """Print the table of one labelled folder (and every miss when asked), or why it is absent."""
    for needed in (labels, folder):
        if not needed.exists():
            out.note(f"{title}: {shown(needed)} is absent, skipped.")
            return
    reports = evaluate(extractor, folder, labels, out)
    keys = sorted(reports, key=lambda k: (k == "all", k))
    out.table(f"{title}: own gold labels", COLUMNS, (reports[k].row(k) for k in keys))
    out.misses(reports["all"].misses)
