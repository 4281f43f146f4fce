"""Worst-case inputs for the extractor, generated at any size, and its time per KB on them.

`python -m bench worst-case` extracts each generated shape at sizes from 10 KB to 12 MB on
one core and compares its time per KB with the median 10kGNAD article's. Needs no database.
"""

from __future__ import annotations

import csv
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from flows.extract.models import RawDocument
from flows.extract.reference import COMPANIES_FILE
from flows.settings import REFERENCE_DIR

KB = 1024
SIZES_KB = (10, 40, 160, 640, 2560, 12288)
# Targets: reported as met or not met, never asserted.
RATIO_LIMIT = 10.0
LARGEST_SECONDS = 60.0
# A shape stops growing once one size took this long (its larger sizes are not measured).
BUDGET_SECONDS = 120.0
# Invented words of news-like text (no sentence end among them), with numbers, months,
# relation words and capitalised names, so that every step of the extractor has work.
_WORDS = (
    "der die und mit von im auf für Absatz Hersteller Partner Werk liefert übernimmt "
    "kooperiert beteiligt Gespräche Auslieferungen Fahrzeuge Prozent Millionen März April "
    "2024 1.250 37,5 Nord Motoren Holding Systeme GmbH AG Konzern Chef sagte Berlin"
)


def _fill(pattern: Callable[[int], str], size: int) -> str:
    """Pieces `pattern(0)`, `pattern(1)` ... joined until the text has `size` characters."""
    parts: list[str] = []
    total = 0
    number = 0
    while total < size:
        piece = pattern(number)
        parts.append(piece)
        total += len(piece)
        number += 1
    return "".join(parts)[:size]


def repeated_name(size: int) -> RawDocument:
    """One company name over and over: `BYD BYD BYD …`, one line without a full stop."""
    return RawDocument("worst-repeated", "repeated.txt", ("BYD " * (size // 4 + 1))[:size])


def no_sentence_end(size: int) -> RawDocument:
    """News-like words, names and figures on one line that never ends a sentence."""
    rng = random.Random(7)
    words = _WORDS.split()
    text = _fill(lambda _: rng.choice(words) + " ", size)
    return RawDocument("worst-no-stop", "no-stop.txt", text)


def reference_names() -> list[str]:
    """The names of the reference companies, in file order."""
    with (REFERENCE_DIR / COMPANIES_FILE).open(encoding="utf-8", newline="") as handle:
        return [row["company_name"] for row in csv.DictReader(handle)]


def company_list(size: int) -> RawDocument:
    """The reference companies' names, comma-separated, over and over."""
    names = reference_names()
    text = _fill(lambda n: names[n % len(names)] + ", ", size)
    return RawDocument("worst-company-list", "companies.txt", text)


def numbers_only(size: int) -> RawDocument:
    """Figures only: integers, decimals and years, separated by blanks and line breaks."""
    rng = random.Random(11)
    forms = ("{}", "{}.{:03d}", "{},{}", "20{:02d}", "{} %")

    def piece(n: int) -> str:
        form = forms[n % len(forms)]
        value = form.format(rng.randrange(1, 999), rng.randrange(0, 999))
        return value + ("\n" if n % 40 == 39 else " ")

    return RawDocument("worst-numbers", "numbers.txt", _fill(piece, size))


def _record(n: int) -> str:
    """One JSON Lines record."""
    record = {"title": f"Meldung {n}", "maintext": f"BYD liefert {n} Fahrzeuge.", "n": n}
    return json.dumps(record, ensure_ascii=False) + "\n"


def json_lines(size: int) -> RawDocument:
    """A JSON Lines text (many short records) handed over as one JSON document."""
    return RawDocument("worst-jsonl", "records.jsonl", _fill(_record, size), "json")


def json_lines_records(count: int) -> RawDocument:
    """A JSON Lines text of exactly `count` records, as one JSON document."""
    return RawDocument(
        "worst-jsonl", "records.jsonl", "".join(_record(n) for n in range(count)), "json"
    )


def nested_html(size: int) -> RawDocument:
    """An HTML page whose article sits in `<div>` elements nested as deep as the size allows."""
    inner = "<p>BYD liefert mehr Fahrzeuge aus als Tesla.</p>"
    depth = max(1, (size - 60 - len(inner)) // 11)
    return nested_html_depth(depth, inner)


def nested_html_depth(depth: int, inner: str = "<p>BYD und Tesla.</p>") -> RawDocument:
    """An HTML page with `depth` nested `<div>` elements around its text."""
    body = "<div>" * depth + inner + "</div>" * depth
    page = f"<html><head><title>Tief</title></head><body>{body}</body></html>"
    return RawDocument("worst-nested-html", "nested.html", page, "html")


SHAPES: dict[str, Callable[[int], RawDocument]] = {
    "repeated name": repeated_name,
    "no sentence end": no_sentence_end,
    "company list": company_list,
    "numbers only": numbers_only,
    "JSON Lines": json_lines,
    "nested HTML": nested_html,
}


def cpu_seconds(extract: Callable[[list[RawDocument]], Any], doc: RawDocument) -> float:
    """CPU seconds of one extraction."""
    started = time.process_time()
    extract([doc])
    return time.process_time() - started


def median_article_ms_per_kb(extract: Callable[[list[RawDocument]], Any]) -> float | None:
    """The median time per KB of the 10kGNAD test articles, None when they are not here."""
    from bench.corpus import CorpusMissing, source_texts

    try:
        texts = source_texts()
    except CorpusMissing:
        return None
    extract([RawDocument("warm-up", "warm-up.txt", texts[0])])
    rates = []
    for number, text in enumerate(texts):
        doc = RawDocument(f"gnad-{number}", f"{number}.txt", text)
        rates.append(cpu_seconds(extract, doc) * 1000 / (len(text.encode("utf-8")) / KB))
    return statistics.median(rates)


def measure(
    sizes_kb: tuple[int, ...] = SIZES_KB,
    shapes: dict[str, Callable[[int], RawDocument]] | None = None,
    log: Callable[[str], None] = print,
    budget: float = BUDGET_SECONDS,
) -> dict[str, Any]:
    """Time per KB of every shape at every size, and the median article's."""
    from flows.extract import extract_batch

    median = median_article_ms_per_kb(extract_batch)
    log(f"median 10kGNAD article: {median and round(median, 3)} ms per KB")
    rows: dict[str, dict[str, Any]] = {}
    for name, make in (shapes or SHAPES).items():
        extract_batch([make(4 * KB)])  # what a shape reads first (word lists) is loaded here
        row: dict[str, Any] = {}
        for size in sizes_kb:
            doc = make(size * KB)
            seconds = cpu_seconds(extract_batch, doc)
            failed = extract_batch([doc])[0].error if size <= 40 else None
            kb = len(doc.body.encode("utf-8")) / KB
            row[str(size)] = {
                "seconds": round(seconds, 3),
                "ms_per_kb": round(seconds * 1000 / kb, 3),
                "error": failed,
            }
            log(f"{name} at {size} KB: {seconds:.2f} s")
            if seconds > budget:
                break
        rows[name] = row
    return {"median_ms_per_kb": median, "sizes_kb": list(sizes_kb), "shapes": rows}


def targets(results: dict[str, Any]) -> list[tuple[str, bool | None]]:
    """The worst-case targets: no shape above 10 × the median's time per KB, 12 MB in 60 s."""
    median = results["median_ms_per_kb"]
    worst = max(
        (cell["ms_per_kb"] for row in results["shapes"].values() for cell in row.values()),
        default=None,
    )
    largest = str(max(results["sizes_kb"]))
    slowest = [row.get(largest, {}).get("seconds") for row in results["shapes"].values()]
    ratio_met = None if median is None or worst is None else worst <= RATIO_LIMIT * median
    seconds_met = None if None in slowest else max(slowest) <= LARGEST_SECONDS
    return [
        (f"no input above {RATIO_LIMIT:g} × the median article's time per KB", ratio_met),
        (f"{largest} KB of any shape within {LARGEST_SECONDS:g} s", seconds_met),
    ]


def main(argv: list[str]) -> int:
    """`python -m bench worst-case`: measure, print the table and the targets, save JSON."""
    import argparse

    from rich.console import Console

    from bench import report

    parser = argparse.ArgumentParser(prog="python -m bench worst-case", description=__doc__)
    parser.add_argument(
        "--sizes",
        default=",".join(map(str, SIZES_KB)),
        help="input sizes in KB, comma-separated",
    )
    parser.add_argument(
        "--shapes", default="", help="only these inputs (comma-separated names, see the table)"
    )
    parser.add_argument(
        "--budget",
        type=float,
        default=BUDGET_SECONDS,
        help="an input whose extraction took longer is not measured at larger sizes",
    )
    args = parser.parse_args(argv)
    sizes = tuple(sorted(int(part) for part in args.sizes.split(",") if part.strip()))
    wanted = {part.strip() for part in args.shapes.split(",") if part.strip()}
    shapes = {name: make for name, make in SHAPES.items() if not wanted or name in wanted}
    console = Console(width=None if sys.stdout.isatty() else 200)
    results = measure(sizes, shapes, console.log, args.budget)
    console.print(report.worst_case_table(results))
    for text, met in targets(results):
        console.print(f"{text}: {'—' if met is None else 'met' if met else 'not met'}")
    path = report.save_worst_case(results, Path(__file__).resolve().parent / "results")
    console.print(f"results written to {path.name}")
    return 0
