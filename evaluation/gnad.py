"""10kGNAD (1,028 mostly off-topic German articles): every claim read, and the throughput.

No labels: every partnership and sales claim is listed with its sentence so that a reader can
check that none is invented; then one warm extractor reads the articles again, timed.
"""

from __future__ import annotations

import csv
import time
from pathlib import Path
from typing import NamedTuple

from evaluation.output import Output
from evaluation.scoring import period_label
from evaluation.sets import GNAD, shown
from flows.extract import Extractor
from flows.extract.models import RawDocument

SENTENCE_CHARS = 220
PARTNERSHIP_COLUMNS = ("doc", "a", "b", "type", "status", "trigger", "sentence")
SALES_COLUMNS = ("doc", "company", "metric", "value", "period", "market", "sentence")


class Throughput(NamedTuple):
    """Documents read per second of CPU time (the per-core figure) and of wall-clock time."""

    documents: int
    mean_chars: float
    per_cpu_second: float
    per_wall_second: float

    def __str__(self) -> str:
        return (
            f"Throughput: {self.per_cpu_second:,.0f} documents/s per core of CPU time "
            f"({self.per_wall_second:,.0f}/s wall clock) on {self.documents} German articles of "
            f"{self.mean_chars:,.0f} characters on average, warm extractor."
        )


def documents(path: Path = GNAD) -> list[RawDocument]:
    """The articles of the set as raw documents, numbered in file order."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";", quotechar="'"))
    return [RawDocument(str(i), "10kgnad", text) for i, (_topic, text) in enumerate(rows)]


def claim_rows(extractor: Extractor, docs: list[RawDocument]) -> tuple[list, list]:
    """Every partnership and every sales claim read from the documents, as table rows."""
    partnerships, sales = [], []
    for document in docs:
        extraction = extractor.extract(document)
        for p in extraction.partnerships:
            partnerships.append(
                [
                    document.document_id,
                    p.company_a_name,
                    p.company_b_name,
                    p.partnership_type,
                    p.status,
                    p.trigger_text or "",
                    p.sentence_text[:SENTENCE_CHARS],
                ]
            )
        for s in extraction.sales:
            sales.append(
                [
                    document.document_id,
                    s.company_name,
                    s.metric,
                    f"{s.value} {s.unit}",
                    str(period_label(s.period_start, s.period_grain, s.period_end)),
                    s.market,
                    s.sentence_text[:SENTENCE_CHARS],
                ]
            )
    return partnerships, sales


def throughput(extractor: Extractor, docs: list[RawDocument]) -> Throughput:
    """Time one pass of a warm extractor over the documents."""
    started, cpu_started = time.perf_counter(), time.process_time()
    for document in docs:
        extractor.extract(document)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    return Throughput(
        documents=len(docs),
        mean_chars=sum(len(d.body) for d in docs) / len(docs),
        per_cpu_second=len(docs) / cpu_seconds,
        per_wall_second=len(docs) / seconds,
    )


def run(extractor: Extractor, out: Output) -> None:
    """Print every claim, their counts and the throughput, or why the set is absent."""
    if not GNAD.exists():
        out.note(f"10kGNAD: {shown(GNAD.parent)} is absent, skipped.")
        return
    docs = documents()
    partnerships, sales = claim_rows(extractor, docs)
    for kind, columns, rows in (
        ("partnership", PARTNERSHIP_COLUMNS, partnerships),
        ("sales", SALES_COLUMNS, sales),
    ):
        out.table(
            f"10kGNAD (de): every {kind} claim (check that none is invented)",
            columns,
            rows,
            fold=True,
        )
        out.line(f"10kGNAD: {len(rows)} {kind} claims from {len(docs)} articles.")
    # CPU time is the per-core figure; wall time also counts other work on the machine.
    out.line(str(throughput(extractor, docs)))
