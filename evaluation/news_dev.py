"""Score the extractor on a labelled news set in the `news_dev` format (companies, pairs, sales).

The set's README fixes the rules: per document; companies matched by normalised aliases;
pairs undirected with type and status accuracy; `negative` pairs claimed with a positive
status count as false and are reported apart; sales matched on company, metric (units,
market share, revenue), period and value within 0.5 %. This module reads the labels, turns
extractions (or mart rows) into the same shape and counts.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from evaluation.output import Output
from evaluation.scoring import (
    DOCUMENT_COLUMNS,
    DocumentScores,
    Ratio,
    period_label,
    values_close,
)
from flows.extract import Extractor
from flows.extract.models import Extraction, RawDocument

COLUMNS = (
    *DOCUMENT_COLUMNS,
    "status ok",
    "neg+",
    "sales P",
    "sales R",
    "distr",
    "lang ok",
    "date ok",
)
UNIT_METRICS = frozenset({"units_sold", "deliveries", "registrations"})
# Words a label's alias and a system name may differ by (the set's README lists them).
_LEGAL_WORDS = frozenset(
    [
        "gmbh",
        "ag",
        "se",
        "sa",
        "spa",
        "s",
        "p",
        "a",
        "nv",
        "bv",
        "plc",
        "inc",
        "corp",
        "corporation",
        "co",
        "ltd",
        "limited",
        "llc",
        "kg",
        "kgaa",
        "group",
        "gruppe",
        "groep",
        "gruppo",
        "holding",
        "holdings",
        "company",
    ]
)


def normalise(name: str) -> str:
    """A name without case, accents, punctuation and legal-form words."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    words = re.findall(r"[a-z0-9]+", text)
    kept = [w for w in words if w not in _LEGAL_WORDS]
    return " ".join(kept or words)


@dataclass(frozen=True)
class SystemCompany:
    """One company the system names in a document, with every name it goes by there."""

    key: str
    names: frozenset[str]


@dataclass(frozen=True)
class SystemPair:
    """One partnership claim as the scorer sees it."""

    a: str
    b: str
    type: str
    status: str
    sentence: str = ""


@dataclass(frozen=True)
class SystemSale:
    """One sales claim as the scorer sees it."""

    company: str
    metric: str
    value: Decimal
    period: str | None
    value_text: str = ""
    sentence: str = ""


@dataclass
class SystemDocument:
    """What the system read from one document, in the scorer's terms."""

    language: str | None = None
    published: str | None = None
    companies: list[SystemCompany] = field(default_factory=list)
    pairs: list[SystemPair] = field(default_factory=list)
    sales: list[SystemSale] = field(default_factory=list)


@dataclass
class Report(DocumentScores):
    """Counts of one language (or of all documents)."""

    negatives_positive: int = 0
    distractors_hit: int = 0
    published: Ratio = field(default_factory=Ratio)

    def more_cells(self) -> list[str]:
        """Statuses, negatives, sales and the document's metadata."""
        return [
            str(self.status_right),
            str(self.negatives_positive),
            *self.sales.cells()[:2],
            str(self.distractors_hit),
            str(self.language),
            str(self.published),
        ]


@dataclass
class Part:
    """The labels of one part of the set; company ids are local to their part."""

    aliases: dict[str, set[str]]
    documents: dict[str, dict]
    pairs_must: list[dict]
    pairs_optional: list[dict]
    pairs_negative: list[dict]
    sales_must: list[dict]
    sales_optional: list[dict]
    distractors: list[dict]


def load_parts(folder: Path) -> list[Part]:
    """Every `labels_*.json` of a set."""
    parts = []
    for path in sorted(folder.glob("labels_*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        partnerships = data.get("partnerships", {})
        sales = data.get("sales", {})
        parts.append(
            Part(
                aliases={
                    key: {normalise(name) for name in [key.replace("_", " "), *names]}
                    for key, names in data.get("companies", {}).items()
                },
                documents=data.get("documents", {}),
                pairs_must=partnerships.get("must", []),
                pairs_optional=partnerships.get("optional", []),
                pairs_negative=partnerships.get("negative", []),
                sales_must=sales.get("must", []),
                sales_optional=sales.get("optional", []),
                distractors=sales.get("distractors", []),
            )
        )
    return parts


def _label_ids(company: SystemCompany, part: Part) -> set[str]:
    """The label ids a system company matches by any of its names."""
    return {key for key, names in part.aliases.items() if names & company.names}


def _in_file(entry: dict, file: str) -> bool:
    """Whether a label entry holds in a file (entries without a file hold everywhere)."""
    return entry.get("file") in (None, file)


def _metric(metric: str) -> str:
    """A system metric in the labels' terms."""
    return "units" if metric in UNIT_METRICS else metric


def score_document(report: Report, part: Part, file: str, found: SystemDocument) -> None:
    """Compare one document's system output with its labels."""
    gold = part.documents[file]
    report.docs += 1
    report.language.add(found.language == gold.get("language"))
    if gold.get("published"):
        report.published.add(
            bool(found.published) and found.published.startswith(gold["published"])
        )
    must = set(gold.get("must", []))
    optional = set(gold.get("optional", []))
    ids_of = {c.key: _label_ids(c, part) for c in found.companies}
    matched: set[str] = set()
    for company in found.companies:
        ids = ids_of[company.key]
        matched |= ids
        if not ids & (must | optional):
            report.companies.fp += 1
            report.misses.append(f"{file}: company extra {sorted(company.names)}")
    report.companies.tp += len(must & matched)
    report.companies.fn += len(must - matched)
    for key in sorted(must - matched):
        report.misses.append(f"{file}: company missed {key}")
    _score_pairs(report, part, file, found, ids_of)
    _score_sales(report, part, file, found, ids_of)


def _score_pairs(
    report: Report, part: Part, file: str, found: SystemDocument, ids_of: dict[str, set[str]]
) -> None:
    """Pairs, types, statuses and negatives of one document."""
    claims: dict[frozenset[str], list[SystemPair]] = defaultdict(list)
    for claim in found.pairs:
        for a in ids_of.get(claim.a) or {f"?{claim.a}"}:
            for b in ids_of.get(claim.b) or {f"?{claim.b}"}:
                if a != b:
                    claims[frozenset((a, b))].append(claim)
    musts = [p for p in part.pairs_must if p.get("file") == file]
    negatives = [p for p in part.pairs_negative if p.get("file") == file]
    optional = {frozenset((p["a"], p["b"])) for p in part.pairs_optional if _in_file(p, file)}
    must_keys = {frozenset((p["a"], p["b"])) for p in musts}
    for pair in musts:
        key = frozenset((pair["a"], pair["b"]))
        hits = claims.get(key)
        if not hits:
            report.pairs.fn += 1
            report.misses.append(f"{file}: pair missed {pair['a']}-{pair['b']} ({pair['why']})")
            continue
        report.pairs.tp += 1
        type_ok = any(c.type in pair["types"] for c in hits)
        report.type_right.add(type_ok)
        if not type_ok:
            report.misses.append(
                f"{file}: type {pair['a']}-{pair['b']} {sorted({c.type for c in hits})} "
                f"not in {pair['types']}"
            )
        if pair.get("statuses"):
            status_ok = any(c.status in pair["statuses"] for c in hits)
            report.status_right.add(status_ok)
            if not status_ok:
                report.misses.append(
                    f"{file}: status {pair['a']}-{pair['b']} {sorted({c.status for c in hits})} "
                    f"not in {pair['statuses']} | {hits[0].sentence[:160]}"
                )
    negative_keys = set()
    for pair in negatives:
        key = frozenset((pair["a"], pair["b"]))
        negative_keys.add(key)
        wrong = [c for c in claims.get(key, []) if c.status not in pair["ok_statuses"]]
        if wrong:
            report.negatives_positive += 1
            report.pairs.fp += 1
            report.misses.append(
                f"{file}: NEGATIVE {pair['a']}-{pair['b']} claimed {wrong[0].status} "
                f"| {wrong[0].sentence[:160]}"
            )
    for key, hits in sorted(claims.items(), key=lambda item: sorted(item[0])):
        if key in must_keys or key in optional or key in negative_keys:
            continue
        report.pairs.fp += 1
        names = "-".join(sorted(key))
        report.misses.append(
            f"{file}: pair extra {names} {hits[0].type}/{hits[0].status} | {hits[0].sentence[:160]}"
        )


def _score_sales(
    report: Report, part: Part, file: str, found: SystemDocument, ids_of: dict[str, set[str]]
) -> None:
    """Sales hits, false rows and distractors of one document."""
    musts = [s for s in part.sales_must if s.get("file") == file]
    optional = [s for s in part.sales_optional if _in_file(s, file)]
    distractors = [d for d in part.distractors if d.get("file") == file]
    hit: set[int] = set()
    for sale in found.sales:
        ids = ids_of.get(sale.company, set())
        metric = _metric(sale.metric)

        def same(entry: dict, ids: set[str] = ids, sale: SystemSale = sale) -> bool:
            return (
                entry["company"] in ids
                and entry["metric"] == _metric(sale.metric)
                and values_close(sale.value, Decimal(str(entry["value"])))
            )

        exact = next(
            (
                i
                for i, entry in enumerate(musts)
                if i not in hit and same(entry) and str(entry.get("period")) == str(sale.period)
            ),
            None,
        )
        if exact is not None:
            hit.add(exact)
            report.sales.tp += 1
            continue
        if any(same(entry) for entry in musts) or any(
            same(entry) and entry.get("period") in (None, sale.period) for entry in optional
        ):
            continue
        report.sales.fp += 1
        label = "/".join(sorted(ids)) or sale.company
        report.misses.append(
            f"{file}: sales extra {label} {metric} {sale.value} {sale.period} "
            f"| {sale.sentence[:140]}"
        )
        if any(_is_distractor(d, sale) for d in distractors):
            report.distractors_hit += 1
    report.count_missed(
        report.sales,
        musts,
        hit,
        lambda entry: (
            f"{file}: sales missed {entry['company']} {entry['metric']} "
            f"{entry['value']} {entry.get('period')} ({entry.get('why', '')})"
        ),
    )


def _digits(text: str) -> str:
    """The digits of a text, for comparing numbers written in any locale."""
    return re.sub(r"\D", "", text)


def _is_distractor(distractor: dict, sale: SystemSale) -> bool:
    """Whether a sales row was read from a number the labels call no sale."""
    digits = _digits(sale.value_text)
    return (
        bool(digits)
        and digits in _digits(distractor["text"])
        and (distractor["text"][:25] in sale.sentence or not sale.sentence)
    )


def score(parts: list[Part], read: Iterable[tuple[int, str, SystemDocument]]) -> dict[str, Report]:
    """Reports per language and `all` for the system output of every labelled document."""
    reports: dict[str, Report] = defaultdict(Report)
    for part_index, file, found in read:
        part = parts[part_index]
        language = part.documents[file].get("language", "?")
        for key in (language, "all"):
            score_document(reports[key], part, file, found)
    return reports


def from_extraction(extraction: Extraction) -> SystemDocument:
    """An extraction in the scorer's terms (every name the system gave a company)."""
    names: dict[str, set[str]] = defaultdict(set)
    for mention in extraction.mentions:
        names[mention.company_id] |= {
            normalise(mention.company_name),
            normalise(mention.surface_text),
        }
    for claim in extraction.partnerships:
        names[claim.company_a_id].add(normalise(claim.company_a_name))
        names[claim.company_b_id].add(normalise(claim.company_b_name))
    for claim in extraction.sales:
        names[claim.company_id].add(normalise(claim.company_name))
    meta = extraction.meta
    return SystemDocument(
        language=meta.language,
        published=meta.published_date.isoformat() if meta.published_date else None,
        companies=[SystemCompany(key, frozenset(n)) for key, n in names.items()],
        pairs=[
            SystemPair(
                c.company_a_id, c.company_b_id, c.partnership_type, c.status, c.sentence_text
            )
            for c in extraction.partnerships
        ],
        sales=[
            SystemSale(
                c.company_id,
                c.metric,
                c.value,
                period_label(c.period_start, c.period_grain, c.period_end),
                c.value_text,
                c.sentence_text,
            )
            for c in extraction.sales
        ],
    )


def labelled_files(parts: list[Part]) -> Iterator[tuple[int, str]]:
    """Every labelled file with the index of the part that labels it."""
    for index, part in enumerate(parts):
        for file in sorted(part.documents):
            yield index, file


def read_with_extractor(
    extractor: Extractor, parts: list[Part], folder: Path
) -> Iterator[tuple[int, str, SystemDocument]]:
    """What the extractor reads from each labelled file of ``folder``/texts."""
    for index, file in labelled_files(parts):
        body = (folder / "texts" / file).read_text(encoding="utf-8")
        extraction = extractor.extract(RawDocument(Path(file).stem, file, body))
        yield index, file, from_extraction(extraction)


def show(out: Output, title: str, reports: dict[str, Report]) -> None:
    """The table of one scoring, a row per language and one for all documents."""
    keys = sorted(reports, key=lambda k: (k == "all", k))
    out.table(title, COLUMNS, (reports[key].row(key) for key in keys))
