"""`python -m evaluation`: the news_dev table (more sets to follow)."""

import sys
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from evaluation.news_dev import from_extraction, load_parts, score
from evaluation.scoring import fmt
from flows.extract import Extractor, load_reference
from flows.extract.models import RawDocument
from flows.settings import PROJECT_DIR

COLUMNS = (
    "lang",
    "docs",
    "co P",
    "co R",
    "co F1",
    "pair P",
    "pair R",
    "pair F1",
    "type ok",
    "status ok",
    "neg+",
    "sales P",
    "sales R",
    "distr",
    "lang ok",
    "date ok",
)
NEWS_DEV = PROJECT_DIR.parent / "shared" / "eval" / "news_dev"


def main() -> int:
    console = Console(width=200)
    parts = load_parts(NEWS_DEV)
    extractor = Extractor(load_reference())
    started = time.process_time()

    def read():
        for index, part in enumerate(parts):
            for file in sorted(part.documents):
                body = (NEWS_DEV / "texts" / file).read_text(encoding="utf-8")
                extraction = extractor.extract(RawDocument(Path(file).stem, file, body))
                yield index, file, from_extraction(extraction)

    reports = score(parts, read())
    seconds = time.process_time() - started
    table = Table(title="news_dev")
    for column in COLUMNS:
        table.add_column(column, justify="right")
    for key in sorted(reports, key=lambda k: (k == "all", k)):
        r = reports[key]
        table.add_row(
            key,
            str(r.docs),
            fmt(r.companies.precision),
            fmt(r.companies.recall),
            fmt(r.companies.f1),
            fmt(r.pairs.precision),
            fmt(r.pairs.recall),
            fmt(r.pairs.f1),
            str(r.type_right),
            str(r.status_right),
            str(r.negatives_positive),
            fmt(r.sales.precision),
            fmt(r.sales.recall),
            str(r.distractors_hit),
            str(r.language),
            str(r.published),
        )
    console.print(table)
    console.print(f"{seconds:.1f} s CPU")
    if "-v" in sys.argv:
        for line in reports["all"].misses:
            console.print(line, highlight=False, markup=False)
    return 0


raise SystemExit(main())
