"""Evaluate the extractor: precision, recall and F1 per language and task.

Run as `python -m flows.evaluate` (`-v` lists every miss on the project's own gold labels).

Gold data: the project's own labels under eval/labels/, and third-party evaluation sets in
../shared/eval/ (read only, never copied). Every set that is absent is skipped with a note.
"""

from __future__ import annotations

import csv
import json
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from rich.console import Console
from rich.table import Table

from flows.extract import Extractor, load_reference
from flows.extract.companies import Match
from flows.extract.models import Extraction, PartnershipClaim, RawDocument, SalesClaim
from flows.extract.partnerships import sentence_partnerships
from flows.extract.reference import load_statuses
from flows.settings import PROJECT_DIR, SAMPLE_DIR

SHARED_DIR = PROJECT_DIR.parent / "shared"
LABELS_DIR = PROJECT_DIR / "eval" / "labels"
SEEDS_DIR = SHARED_DIR / "corpus" / "seeds"
GNAD_CSV = SHARED_DIR / "corpus" / "10kgnad_de" / "test.csv"
SMARTDATA = SHARED_DIR / "eval" / "smartdata_de" / "dev.jsonl"
GERMEVAL = SHARED_DIR / "eval" / "germeval2014_de" / "NER-de-dev.tsv"
CONLL_NL = (SHARED_DIR / "eval" / "conll2002_nl" / "ned.testa",)
CORE = SHARED_DIR / "eval" / "core_en" / "train.json"
SALES_VALUE_TOLERANCE = Decimal("0.005")
SMARTDATA_DEALS = {"Acquisition": "acquisition", "Merger": "merger"}
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

# The order statuses merge in, shared with the marts (reference_partnership_statuses.csv).
STATUS_WEIGHT = {status.status: status.merge_rank for status in load_statuses()}

console = Console(width=160)


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
        """Harmonic mean of precision and recall."""
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

    def __str__(self) -> str:
        return f"{self.right / self.total:.2f} ({self.right}/{self.total})" if self.total else "–"


@dataclass
class GoldReport:
    """Scores of one language on the project's own gold labels."""

    docs: int = 0
    companies: Score = field(default_factory=Score)
    pairs: Score = field(default_factory=Score)
    triples: Score = field(default_factory=Score)
    type_right: Ratio = field(default_factory=Ratio)
    status_right: Ratio = field(default_factory=Ratio)
    sales: Score = field(default_factory=Score)
    sales_full: Ratio = field(default_factory=Ratio)
    language: Ratio = field(default_factory=Ratio)
    date: Ratio = field(default_factory=Ratio)
    title: Ratio = field(default_factory=Ratio)
    misses: list[str] = field(default_factory=list)


def note(message: str) -> None:
    """Print a one-line note."""
    console.print(f"[dim]{message}[/dim]")


def fmt(value: float | None) -> str:
    """Two decimals, or a dash when there was nothing to count."""
    return "–" if value is None else f"{value:.2f}"


# ---------------------------------------------------------------- own gold labels


def period_label(claim: SalesClaim) -> str | None:
    """A sales period as the gold labels write it: YYYY, YYYY-MM or YYYY-Qn."""
    if claim.period_start is None or claim.period_grain is None:
        return None
    start = claim.period_start
    if claim.period_grain == "year":
        return f"{start.year}"
    if claim.period_grain == "month":
        return f"{start.year}-{start.month:02d}"
    if claim.period_grain == "quarter":
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    if claim.period_grain == "half_year":
        return f"{start.year}-H{1 if start.month <= 6 else 2}"
    end = claim.period_end
    return f"{start.isoformat()}..{end.isoformat() if end else ''}"


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
    """One entry per pair and type, with the status the article ends at.

    A final state (denied, cancelled, rejected, completed) outweighs the talk, plans and
    background that an article tells around it; otherwise the strongest status stated wins.
    """
    out: dict[tuple[str, str, str], str] = {}
    for claim in claims:
        key = (claim.company_a_id, claim.company_b_id, claim.partnership_type)
        if key not in out or STATUS_WEIGHT[claim.status] < STATUS_WEIGHT[out[key]]:
            out[key] = claim.status
    return out


def unordered(a: str, b: str) -> tuple[str, str]:
    """A pair without direction."""
    return (a, b) if a <= b else (b, a)


def value_close(a: Decimal, b: Decimal) -> bool:
    """Two sales values equal within rounding."""
    if b == 0:
        return a == 0
    return abs(a - b) / abs(b) <= SALES_VALUE_TOLERANCE


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
        if (a, b, kind) in found:
            report.status_right.add(found[(a, b, kind)] == status)
            if found[(a, b, kind)] != status:
                report.misses.append(
                    f"{name}: status {a}-{b} {kind}: {found[(a, b, kind)]} != {status}"
                )
        else:
            report.misses.append(f"{name}: partnership missed {a} {b} {kind} {status}")
    for key in sorted(set(found) - set(gold_parts)):
        report.misses.append(f"{name}: partnership extra {' '.join(key)} {found[key]}")

    gold_sales = list(gold.get("sales", []))
    matched_gold: set[int] = set()
    for claim in extraction.sales:
        hit = None
        for index, row in enumerate(gold_sales):
            if index in matched_gold:
                continue
            if (
                row["company_id"] == claim.company_id
                and row["metric"] == claim.metric
                and str(row.get("period")) == str(period_label(claim))
                and value_close(claim.value, Decimal(str(row["value"])))
            ):
                hit = index
                break
        if hit is None:
            report.sales.fp += 1
            report.misses.append(
                f"{name}: sales extra {claim.company_id} {claim.metric} {claim.value} "
                f"{period_label(claim)} {claim.market} {claim.segment}"
            )
        else:
            matched_gold.add(hit)
            report.sales.tp += 1
            row = gold_sales[hit]
            full = row.get("market") == claim.market and row.get("segment") == claim.segment
            report.sales_full.add(full)
            if not full:
                report.misses.append(
                    f"{name}: sales {claim.company_id} {claim.value}: market/segment "
                    f"{claim.market}/{claim.segment} != {row.get('market')}/{row.get('segment')}"
                )
    for index, row in enumerate(gold_sales):
        if index not in matched_gold:
            report.sales.fn += 1
            report.misses.append(
                f"{name}: sales missed {row['company_id']} {row['metric']} {row['value']} "
                f"{row.get('period')} {row.get('market')} {row.get('segment')}"
            )


def evaluate_gold(extractor: Extractor, labels: Path, folder: Path, title: str) -> None:
    """Scores on one of the project's gold label files, per language."""
    if not labels.exists():
        note(f"{title}: {labels.relative_to(PROJECT_DIR)} is absent, skipped.")
        return
    if not folder.exists():
        note(f"{title}: {_shown(folder)} is absent, skipped.")
        return
    gold_all = json.loads(labels.read_text(encoding="utf-8"))
    reports: dict[str, GoldReport] = defaultdict(GoldReport)
    for name, gold in sorted(gold_all.items()):
        if name.startswith("_") or not isinstance(gold, dict):
            continue
        path = folder / name
        if not path.exists():
            note(f"{title}: {name} is not in {folder.name}/, skipped.")
            continue
        extraction = extractor.extract(_raw(path))
        language = gold.get("language") or "?"
        for key in (language, "all"):
            score_document(reports[key], gold, extraction, name)
    table = Table(title=f"{title}: own gold labels")
    for column in (
        "lang",
        "docs",
        "co P",
        "co R",
        "co F1",
        "pair P",
        "pair R",
        "pair F1",
        "type ok",
        "p+t F1",
        "status ok",
        "sales P",
        "sales R",
        "mkt+seg ok",
        "lang ok",
        "date ok",
        "title ok",
    ):
        table.add_column(column, justify="right")
    for language in sorted(reports, key=lambda k: (k == "all", k)):
        r = reports[language]
        table.add_row(
            language,
            str(r.docs),
            fmt(r.companies.precision),
            fmt(r.companies.recall),
            fmt(r.companies.f1),
            fmt(r.pairs.precision),
            fmt(r.pairs.recall),
            fmt(r.pairs.f1),
            str(r.type_right),
            fmt(r.triples.f1),
            str(r.status_right),
            fmt(r.sales.precision),
            fmt(r.sales.recall),
            str(r.sales_full),
            str(r.language),
            str(r.date),
            str(r.title),
        )
    console.print(table)
    if "-v" in sys.argv:
        for line in reports["all"].misses:
            console.print(f"  [yellow]{line}[/yellow]", highlight=False)


def _shown(folder: Path) -> str:
    """A folder as the project speaks of it: relative to the project or its parent."""
    for base, prefix in ((PROJECT_DIR, ""), (PROJECT_DIR.parent, "../")):
        if folder.is_relative_to(base):
            return prefix + str(folder.relative_to(base))
    return folder.name


def _raw(path: Path) -> RawDocument:
    """A raw document from a file, its format from its suffix."""
    suffix = path.suffix.lower()
    source_format = {".html": "html", ".htm": "html", ".json": "json"}.get(suffix, "text")
    body = path.read_text(encoding="utf-8")
    return RawDocument(path.stem, path.name, body, source_format)


# ---------------------------------------------------------------- SmartData


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two spans share a character."""
    return a[0] < b[1] and b[0] < a[1]


def _span_score(gold: list[tuple[int, int]], found: list[tuple[int, int]], score: Score) -> None:
    """One-to-one overlap matching of gold and found spans."""
    used: set[int] = set()
    for span in found:
        hit = next((i for i, g in enumerate(gold) if i not in used and _overlaps(span, g)), None)
        if hit is None:
            score.fp += 1
        else:
            used.add(hit)
            score.tp += 1
    score.fn += len(gold) - len(used)


def _deal_hit(
    claim: PartnershipClaim,
    spans: dict[str, list[tuple[int, int]]],
    gold_deals: list[tuple[str, list[tuple[int, int]]]],
) -> int | None:
    """The gold deal a claim states: one party's mention on one argument, the other party's
    mention on another argument or, for a party named by a description (`der Konzern`), that
    argument inside the claim's sentence."""
    sentence = (claim.char_start, claim.char_end)
    for index, (_kind, args) in enumerate(gold_deals):
        for i, first in enumerate(args):
            for j, second in enumerate(args):
                if i == j:
                    continue
                a_on_first = any(_overlaps(s, first) for s in spans[claim.company_a_id])
                b_on_second = any(_overlaps(s, second) for s in spans[claim.company_b_id])
                a_in_sentence = sentence[0] <= first[0] and first[1] <= sentence[1]
                b_in_sentence = sentence[0] <= second[0] and second[1] <= sentence[1]
                if (a_on_first and (b_on_second or b_in_sentence)) or (
                    b_on_second and a_in_sentence
                ):
                    return index
    return None


def evaluate_smartdata(extractor: Extractor) -> None:
    """Company mentions and deals on SmartData (German news, tweets and feeds)."""
    if not SMARTDATA.exists():
        note("SmartData: ../shared/eval/smartdata_de is absent, skipped.")
        return
    by_source: dict[str, Score] = defaultdict(Score)
    deals = Score()
    typed = Ratio()
    for line in SMARTDATA.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        text = record["text"]
        extraction = extractor.extract(RawDocument(record["id"], "smartdata", text))
        gold = [
            (e["start"], e["end"])
            for e in record["entities"]
            if e["type"] == "organization-company"
        ]
        found = [(m.char_start, m.char_end) for m in extraction.mentions]
        for key in (record["source"], "all"):
            _span_score(gold, found, by_source[key])
        spans = defaultdict(list)
        for mention in extraction.mentions:
            spans[mention.company_id].append((mention.char_start, mention.char_end))
        gold_deals = []
        for relation in record["relations"]:
            if relation["name"] not in SMARTDATA_DEALS:
                continue
            args = [
                (a["start"], a["end"])
                for a in relation["args"]
                if a["role"] in ("buyer", "acquired", "old", "new")
            ]
            if len(args) >= 2:
                gold_deals.append((SMARTDATA_DEALS[relation["name"]], args))
        matched: set[int] = set()
        for claim in extraction.partnerships:
            hit = _deal_hit(claim, spans, gold_deals)
            if hit is None:
                deals.fp += 1
            elif hit not in matched:
                matched.add(hit)
                deals.tp += 1
                typed.add(claim.partnership_type == gold_deals[hit][0])
        deals.fn += len(gold_deals) - len(matched)
    table = Table(title="SmartData (de): organization-company mentions, overlap match")
    for column in ("source", "gold", "found", "P", "R", "F1"):
        table.add_column(column, justify="right")
    for source in sorted(by_source, key=lambda k: (k == "all", k)):
        s = by_source[source]
        table.add_row(
            source, str(s.tp + s.fn), str(s.tp + s.fp), fmt(s.precision), fmt(s.recall), fmt(s.f1)
        )
    console.print(table)
    table = Table(title="SmartData (de): deals (Acquisition, Merger) as partnership pairs")
    for column in ("gold", "found", "P", "R", "F1", "type right"):
        table.add_column(column, justify="right")
    table.add_row(
        str(deals.tp + deals.fn),
        str(deals.tp + deals.fp),
        fmt(deals.precision),
        fmt(deals.recall),
        fmt(deals.f1),
        str(typed),
    )
    console.print(table)


# ---------------------------------------------------------------- GermEval / CoNLL


def _bio_sentences(
    path: Path, token_col: int, tag_col: int, comment: str
) -> Iterator[tuple[str, list[tuple[int, int]]]]:
    """Sentences of a BIO file as text (tokens joined by spaces) and gold ORG spans."""
    tokens: list[tuple[str, str]] = []

    def flush() -> tuple[str, list[tuple[int, int]]]:
        text, spans, offset, current = [], [], 0, None
        for token, tag in tokens:
            start = offset
            text.append(token)
            offset += len(token) + 1
            if tag.startswith("B-ORG") or (tag.startswith("I-ORG") and current is None):
                current = [start, start + len(token)]
                spans.append(current)
            elif tag.startswith("I-ORG") and current is not None:
                current[1] = start + len(token)
            else:
                current = None
        return " ".join(text), [tuple(s) for s in spans]

    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith(comment) or line.startswith("-DOCSTART-"):
            continue
        parts = line.split("\t") if "\t" in line else line.split(" ")
        if not line.strip():
            if tokens:
                yield flush()
                tokens = []
            continue
        if len(parts) > max(token_col, tag_col):
            tokens.append((parts[token_col], parts[tag_col]))
    if tokens:
        yield flush()


def evaluate_org_recall(extractor: Extractor) -> None:
    """Recall of organisation mentions on GermEval 2014 (de) and CoNLL-2002 (nl)."""
    sets: list[tuple[str, str, Iterable[tuple[str, list[tuple[int, int]]]]]] = []
    if GERMEVAL.exists():
        sets.append(("GermEval 2014 dev", "de", _bio_sentences(GERMEVAL, 1, 2, "#")))
    else:
        note("GermEval 2014: ../shared/eval/germeval2014_de is absent, skipped.")
    for path in CONLL_NL:
        if path.exists():
            sets.append((f"CoNLL-2002 {path.name}", "nl", _bio_sentences(path, 0, 2, "#")))
        else:
            note(f"CoNLL-2002: {path.name} is absent, skipped.")
    if not sets:
        return
    table = Table(title="Organisation recall (all ORG are gold; precision is not meaningful)")
    for column in (
        "set",
        "lang",
        "sentences",
        "gold ORG",
        "found on ORG",
        "recall",
        "mentions elsewhere",
    ):
        table.add_column(column, justify="right")
    for name, language, sentences in sets:
        score = Score()
        count = 0
        for text, gold in sentences:
            count += 1
            found = [(m.start, m.end) for m in extractor.find_mentions(text, language)]
            _span_score(gold, found, score)
        table.add_row(
            name,
            language,
            str(count),
            str(score.tp + score.fn),
            str(score.tp),
            fmt(score.recall),
            str(score.fp),
        )
    console.print(table)


# ---------------------------------------------------------------- CORE


def evaluate_core(extractor: Extractor) -> None:
    """Partnership typing of English company pairs on CORE (gold entity spans given)."""
    if not CORE.exists():
        note("CORE: ../shared/eval/core_en is absent, skipped.")
        return
    records = json.loads(CORE.read_text(encoding="utf-8"))
    by_relation: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for record in records:
        tokens = record["context"]
        offsets, offset = [], 0
        for token in tokens:
            offsets.append(offset)
            offset += len(token) + 1
        text = " ".join(tokens)

        def span(first: int, last: int, offsets: list[int] = offsets, tokens=tokens) -> tuple:
            return offsets[first], offsets[last] + len(tokens[last])

        s1, s2 = (
            span(record["e1_start"], record["e1_end"]),
            span(record["e2_start"], record["e2_end"]),
        )
        mentions = sorted(
            [
                Match(*s1, "e1", record["e1_name"], "alias"),
                Match(*s2, "e2", record["e2_name"], "alias"),
            ],
            key=lambda m: m.start,
        )
        pairs = sentence_partnerships(text, mentions, "en", extractor.reference)
        relation = record["relation"]
        expected = CORE_TYPES.get(relation)
        counts = by_relation[relation]
        counts[0] += 1
        if pairs:
            counts[1] += 1
            pair = pairs[0]
            if expected and pair.type in expected:
                counts[2] += 1
                if pair.directed:
                    holder = "e2" if record["invert_relation"] else "e1"
                    if relation == "acquired_by":
                        holder = "e1" if record["invert_relation"] else "e2"
                    counts[3] += pair.a.company_id == holder
    table = Table(title="CORE (en): partnership detection and typing with gold entity pairs")
    for column in ("relation", "records", "claim made", "type right", "direction right", "reading"):
        table.add_column(column, justify="right")
    for relation, (total, claimed, right, direction) in sorted(by_relation.items()):
        expected = CORE_TYPES.get(relation)
        reading = "should be claimed" if expected else "should not be claimed"
        table.add_row(
            relation,
            str(total),
            f"{claimed} ({claimed / total:.2f})",
            f"{right} ({right / claimed:.2f})" if expected and claimed else "–",
            str(direction) if relation in ("acquired_by", "shareholder_of") else "–",
            reading,
        )
    console.print(table)


# ---------------------------------------------------------------- 10kGNAD


def evaluate_gnad(extractor: Extractor) -> None:
    """Every partnership and sales row read from 1,028 mostly off-topic German articles."""
    if not GNAD_CSV.exists():
        note("10kGNAD: ../shared/corpus/10kgnad_de is absent, skipped.")
        return
    with GNAD_CSV.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";", quotechar="'"))
    parts = Table(title="10kGNAD (de): every partnership claim (check that none is invented)")
    for column in ("doc", "a", "b", "type", "status", "trigger", "sentence"):
        parts.add_column(column, overflow="fold")
    sales = Table(title="10kGNAD (de): every sales claim (check that none is invented)")
    for column in ("doc", "company", "metric", "value", "period", "market", "sentence"):
        sales.add_column(column, overflow="fold")
    n_parts = n_sales = 0
    for index, (_topic, text) in enumerate(rows):
        extraction = extractor.extract(RawDocument(str(index), "10kgnad", text))
        for claim in extraction.partnerships:
            n_parts += 1
            parts.add_row(
                str(index),
                claim.company_a_name,
                claim.company_b_name,
                claim.partnership_type,
                claim.status,
                claim.trigger_text or "",
                claim.sentence_text[:220],
            )
        for claim in extraction.sales:
            n_sales += 1
            sales.add_row(
                str(index),
                claim.company_name,
                claim.metric,
                f"{claim.value} {claim.unit}",
                str(period_label(claim)),
                claim.market,
                claim.sentence_text[:220],
            )
    console.print(parts)
    console.print(f"10kGNAD: {n_parts} partnership claims from {len(rows)} articles.")
    console.print(sales)
    console.print(f"10kGNAD: {n_sales} sales claims from {len(rows)} articles.")
    docs = [RawDocument(str(i), "10kgnad", text) for i, (_topic, text) in enumerate(rows)]
    started, cpu_started = time.perf_counter(), time.process_time()
    for document in docs:
        extractor.extract(document)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    size = sum(len(d.body) for d in docs) / len(docs)
    # CPU time is the per-core figure; wall time also counts other work on the machine.
    console.print(
        f"Throughput: {len(docs) / cpu_seconds:,.0f} documents/s per core of CPU time "
        f"({len(docs) / seconds:,.0f}/s wall clock) on {len(docs)} German articles of "
        f"{size:,.0f} characters on average, warm extractor."
    )


def main() -> None:
    """Run every evaluation whose data is present."""
    extractor = Extractor(load_reference())
    evaluate_gold(extractor, LABELS_DIR / "samples.json", SAMPLE_DIR, "samples")
    evaluate_gold(extractor, LABELS_DIR / "seeds.json", SEEDS_DIR, "seeds")
    evaluate_smartdata(extractor)
    evaluate_org_recall(extractor)
    evaluate_core(extractor)
    evaluate_gnad(extractor)


if __name__ == "__main__":
    main()
