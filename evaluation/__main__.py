"""`python -m evaluation`: precision, recall and F1 of the extractor on the labelled sets.

python -m evaluation               news_dev, read by the extractor (a few seconds)
python -m evaluation -v            the same, and every miss and extra, one a line
python -m evaluation --marts       news_dev also through the marts, and where the two differ
python -m evaluation all --marts   every set and the throughput (what `make eval` runs)
python -m evaluation smartdata     named sets only
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from functools import partial

from evaluation import core, gnad, marts, news_dev, org_recall, own_labels, people, smartdata
from evaluation.output import Output
from evaluation.sets import (
    NEWS_DEV,
    SAMPLES_LABELS,
    SEEDS_DIR,
    SEEDS_LABELS,
    shown,
)
from flows.extract import Extractor, load_reference
from flows.settings import SAMPLE_DIR

Runner = Callable[[Extractor, Output], None]
SETS: dict[str, Runner] = {
    "samples": partial(own_labels.run, title="samples", folder=SAMPLE_DIR, labels=SAMPLES_LABELS),
    "seeds": partial(own_labels.run, title="seeds", folder=SEEDS_DIR, labels=SEEDS_LABELS),
    "people": people.run,
    "smartdata": smartdata.run,
    "org": org_recall.run,
    "core": core.run,
    "gnad": gnad.run,
}


def run_news_dev(extractor: Extractor, out: Output, through_marts: bool) -> None:
    """news_dev read by the extractor and, when asked, through the marts; and their differences."""
    if not NEWS_DEV.is_dir():
        out.note(f"news_dev: {shown(NEWS_DEV)} is absent, skipped.")
        return
    parts = news_dev.load_parts(NEWS_DEV)
    extracted = news_dev.score(parts, news_dev.read_with_extractor(extractor, parts, NEWS_DEV))
    news_dev.show(out, "news_dev: extractor", extracted)
    if not through_marts:
        out.misses(extracted["all"].misses)
        return
    texts = NEWS_DEV / "texts"
    url = marts.scratch_database()
    marts.build(url, texts)
    missing: list[str] = []
    built = news_dev.score(parts, marts.read_through_marts(url, parts, texts, missing))
    news_dev.show(out, "news_dev: through the marts (the figures that count)", built)
    for file in missing:
        out.line(f"{file}: not in marts.dim_documents (rejected or a duplicate at ingest)")
    out.misses(built["all"].misses)
    show_differences(out, extracted["all"].misses, built["all"].misses)


def show_differences(out: Output, extracted: list[str], built: list[str]) -> None:
    """The misses that only one of the two scorings has."""
    only_marts = [line for line in built if line not in set(extracted)]
    only_extractor = [line for line in extracted if line not in set(built)]
    if not only_marts and not only_extractor:
        out.line("news_dev: the marts score exactly as the extractor does.")
        return
    out.line(f"news_dev: {len(only_marts)} misses only through the marts:")
    for line in only_marts:
        out.line(f"  {line}")
    out.line(f"news_dev: {len(only_extractor)} misses only in the extractor's output:")
    for line in only_extractor:
        out.line(f"  {line}")


def main(argv: list[str] | None = None) -> int:
    """Run the chosen sets, news_dev last."""
    parser = argparse.ArgumentParser(
        prog="python -m evaluation", description=__doc__.split("\n")[0]
    )
    names = ["all", "news_dev", *SETS]
    parser.add_argument(
        "sets",
        nargs="*",
        metavar="SET",
        help=f"{', '.join(names)} (default: news_dev; all: every set and the throughput)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss and extra")
    parser.add_argument(
        "--marts",
        action="store_true",
        help="also score news_dev through the marts, built by the pipeline in a scratch database",
    )
    args = parser.parse_args(argv)
    unknown = [name for name in args.sets if name not in names]
    if unknown:
        parser.error(f"unknown set {', '.join(unknown)}; choose from {', '.join(names)}")
    chosen = set(args.sets or ["news_dev"])
    if "all" in chosen:
        chosen = {"news_dev", *SETS}
    out = Output(verbose=args.verbose)
    extractor = Extractor(load_reference())
    for name, runner in SETS.items():
        if name in chosen:
            runner(extractor, out)
    if "news_dev" in chosen or args.marts:
        run_news_dev(extractor, out, through_marts=args.marts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
