"""The measured steps, each run in a fresh process: `python -m bench.steps STEP ARGS RESULT`.

Each step times only its own work (imports and set-up excluded, reported apart where they
matter) and writes a JSON result, with the process's own peak RSS, to the RESULT path.
"""

from __future__ import annotations

import cProfile
import io
import json
import pstats
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.corpus import files_under

Args = dict[str, Any]
Result = dict[str, Any]
# Rows per COPY statement of the bare COPY baseline, and items per page handed to dlt.
PAGE_SIZE = 1000


def read_corpus(folder: Path, limit: int | None = None) -> list[tuple[str, str]]:
    """(relative path, text) of the first ``limit`` files of a corpus folder, in order."""
    found = []
    for path in files_under(folder):
        if limit is not None and len(found) >= limit:
            break
        found.append((path.relative_to(folder).as_posix(), path.read_text(encoding="utf-8")))
    return found


def step_copy(args: Args) -> Result:
    """Bare psycopg COPY of (path, body) of every file into a plain table: the loading limit."""
    import psycopg

    folder = Path(args["folder"])
    with psycopg.connect(args["url"], autocommit=True) as conn:
        conn.execute("drop schema if exists bench_copy cascade")
        conn.execute("create schema bench_copy")
        conn.execute("create table bench_copy.documents (path text, body text)")
    started = time.perf_counter()
    documents = total = 0
    with psycopg.connect(args["url"]) as conn, conn.cursor() as cur:
        with cur.copy("copy bench_copy.documents (path, body) from stdin") as copy:
            for path in files_under(folder):
                data = path.read_bytes()
                copy.write_row((path.relative_to(folder).as_posix(), data.decode("utf-8")))
                documents += 1
                total += len(data)
        conn.commit()
    seconds = time.perf_counter() - started
    with psycopg.connect(args["url"], autocommit=True) as conn:
        conn.execute("drop schema bench_copy cascade")
    return {"seconds": seconds, "documents": documents, "bytes": total}


def step_dlt(args: Args) -> Result:
    """dlt loading the same files' path and text as one resource into the same server."""
    import dlt

    from bench.db import dlt_credentials

    folder = Path(args["folder"])
    counted = {"documents": 0, "bytes": 0}

    @dlt.resource(name="documents", write_disposition="append")
    def documents():
        """The files as pages of {path, body} items."""
        page = []
        for path in files_under(folder):
            data = path.read_bytes()
            page.append({"path": path.relative_to(folder).as_posix(), "body": data.decode()})
            counted["documents"] += 1
            counted["bytes"] += len(data)
            if len(page) >= PAGE_SIZE:
                yield page
                page = []
        if page:
            yield page

    pipeline = dlt.pipeline(
        pipeline_name="bench_dlt",
        pipelines_dir=args["pipelines_dir"],
        destination=dlt.destinations.postgres(credentials=dlt_credentials(args["url"])),
        dataset_name="bench_dlt",
    )
    started = time.perf_counter()
    info = pipeline.run(documents())
    seconds = time.perf_counter() - started
    info.raise_on_failed_jobs()
    import psycopg

    with psycopg.connect(args["url"], autocommit=True) as conn:
        conn.execute("drop schema if exists bench_dlt cascade")
        conn.execute("drop schema if exists bench_dlt_staging cascade")
    return {"seconds": seconds, **counted}


def step_ingest(args: Args) -> Result:
    """autonews's ingest step (flows.ingest.ingest) into a migrated database."""
    from flows import warehouse
    from flows.ingest import ingest
    from flows.settings import load_settings

    settings = load_settings()
    started = time.perf_counter()
    with warehouse.connect(args["url"]) as conn:
        report = ingest(conn, Path(args["folder"]), settings.max_file_bytes)
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "files_seen": report.files_seen,
        "files_loaded": report.files_loaded,
        "files_duplicate": report.files_duplicate,
        "files_rejected": report.files_rejected,
        "documents_loaded": report.documents_loaded,
    }


def step_extract(args: Args) -> Result:
    """autonews's extraction step (flows.pipeline.run_extract): raw → extractor → staging."""
    from flows.pipeline import run_extract
    from flows.settings import load_settings

    started = time.perf_counter()
    report = run_extract(args["url"], load_settings())
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "documents": report.documents,
        "mentions": report.mentions,
        "partnerships": report.partnerships,
        "sales": report.sales,
        "workers": report.workers,
    }


def step_stories(args: Args) -> Result:
    """autonews's story step (flows.stories.assign_stories): sign and group the new documents."""
    from flows.stories import assign_stories

    started = time.perf_counter()
    report = assign_stories(args["url"])
    return {
        "seconds": time.perf_counter() - started,
        "documents": report.documents,
        "joined": report.joined,
        "too_short": report.too_short,
    }


def step_dbt(args: Args) -> Result:
    """dbt build of the marts into the side schema, tests included (flows.transform)."""
    from flows.transform import DbtFailed, build_marts

    started = time.perf_counter()
    if args.get("analyze"):
        import psycopg

        with psycopg.connect(args["url"], autocommit=True) as conn:
            conn.execute("analyze")
    analyzed = time.perf_counter() - started
    try:
        report = build_marts(args["url"])
    except DbtFailed as exc:
        return {"seconds": time.perf_counter() - started, "error": str(exc)[:2000]}
    return {
        "seconds": time.perf_counter() - started,
        "statuses": dict(report.statuses),
        "tests_passed": report.tests_passed,
        "tests_failed": report.tests_failed,
        **({"analyze_seconds": round(analyzed, 3)} if args.get("analyze") else {}),
    }


def step_publish(args: Args) -> Result:
    """Swap the tested marts in (flows.transform.publish_marts)."""
    from flows.transform import publish_marts

    started = time.perf_counter()
    publish_marts(args["url"])
    return {"seconds": time.perf_counter() - started}


def step_extractor(args: Args) -> Result:
    """flows.extract.extract_batch on one core over the corpus texts, without a database."""
    from flows.extract import extract_batch
    from flows.extract.models import RawDocument

    docs = [
        RawDocument(f"{n:016x}", path, body, "text")
        for n, (path, body) in enumerate(read_corpus(Path(args["folder"]), args["limit"]))
    ]
    batch = int(args["batch_size"])
    started = time.perf_counter()
    extract_batch(docs[:1])
    startup = time.perf_counter() - started
    started = time.perf_counter()
    sample: list[dict[str, Any]] = []
    mentions = 0
    for first in range(0, len(docs), batch):
        for extraction in extract_batch(docs[first : first + batch]):
            mentions += len(extraction.mentions)
            if len(sample) < args["sample"]:
                sample.append(_mentions_of(extraction))
    seconds = time.perf_counter() - started
    Path(args["sample_path"]).write_text(json.dumps(sample))
    return {
        "seconds": seconds,
        "startup_seconds": startup,
        "documents": len(docs),
        "bytes": sum(len(d.body.encode("utf-8")) for d in docs),
        "mentions": mentions,
    }


def _mentions_of(extraction: Any) -> dict[str, Any]:
    """The language and company mentions of one extraction, for the comparison."""
    return {
        "language": extraction.meta.language,
        "mentions": [
            [m.char_start, m.char_end, m.company_id, m.match_method, m.surface_text]
            for m in extraction.mentions
        ],
    }


def step_spacy(args: Args) -> Result:
    """The spaCy baseline (blank pipeline + sentencizer + PhraseMatcher) over the sample."""
    from bench.baseline import SpacyMatcher, reference_names

    texts = [body for _, body in read_corpus(Path(args["folder"]), args["limit"])]
    ours = json.loads(Path(args["sample_path"]).read_text())
    languages = [doc["language"] for doc in ours][: len(texts)]
    started = time.perf_counter()
    matcher = SpacyMatcher(reference_names(), sorted({lang for lang in languages if lang}))
    startup = time.perf_counter() - started
    started = time.perf_counter()
    found = matcher.mentions(texts, languages)
    seconds = time.perf_counter() - started
    Path(args["result_path"]).write_text(json.dumps(found))
    return {
        "seconds": seconds,
        "startup_seconds": startup,
        "documents": len(texts),
        "bytes": sum(len(t.encode("utf-8")) for t in texts),
        "mentions": sum(len(m) for m in found),
        "names": matcher.name_count,
    }


def step_quality(args: Args) -> Result:
    """Company mentions of the extractor and the spaCy baseline scored on labelled news."""
    from bench.baseline import SpacyMatcher, reference_names
    from evaluation.scoring import Score
    from evaluation.smartdata import company_spans
    from flows.extract import extract_batch
    from flows.extract.models import RawDocument

    started = time.perf_counter()
    lines = Path(args["gold_path"]).read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line]
    texts = [r["text"] for r in records]
    golds = [company_spans(r) for r in records]
    extractions = extract_batch(
        [RawDocument(f"gold-{i}", "gold", text) for i, text in enumerate(texts)]
    )
    matcher = SpacyMatcher(reference_names(), ["de"])
    theirs = matcher.mentions(texts, ["de"] * len(texts))
    scores = {"ours": Score(), "ours_reference_names": Score(), "spacy": Score()}
    for gold, extraction, found in zip(golds, extractions, theirs, strict=True):
        scores["ours"].add_spans(gold, [(m.char_start, m.char_end) for m in extraction.mentions])
        scores["ours_reference_names"].add_spans(
            gold, [(m.char_start, m.char_end) for m in extraction.mentions if m.is_reference]
        )
        scores["spacy"].add_spans(gold, [(m[0], m[1]) for m in found])
    return {
        "seconds": time.perf_counter() - started,
        "documents": len(records),
        "gold_mentions": sum(len(g) for g in golds),
        **{key: score.as_dict() for key, score in scores.items()},
    }


STEPS: dict[str, Callable[[Args], Result]] = {
    "copy": step_copy,
    "dlt": step_dlt,
    "ingest": step_ingest,
    "extract": step_extract,
    "stories": step_stories,
    "dbt": step_dbt,
    "publish": step_publish,
    "extractor": step_extractor,
    "spacy": step_spacy,
    "quality": step_quality,
}


def profiled(step: Callable[[Args], Result], args: Args, top: int) -> Result:
    """Run ``step`` under cProfile and add its top functions (by own time) to the result."""
    profiler = cProfile.Profile()
    result = profiler.runcall(step, args)
    buffer = io.StringIO()
    stats = pstats.Stats(profiler, stream=buffer)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    result["profile"] = buffer.getvalue()
    return result


def peak_rss_bytes() -> dict[str, int]:
    """Peak RSS of this process and of its largest waited-for child, in bytes (Linux: KiB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return {"maxrss_self": own, "maxrss_children": children}


def main(argv: list[str]) -> int:
    """Run one step and write its JSON result."""
    name, raw_args, result_path = argv
    args = json.loads(raw_args)
    step = STEPS[name]
    top = int(args.get("profile") or 0)
    result = profiled(step, args, top) if top else step(args)
    result.update(peak_rss_bytes())
    Path(result_path).write_text(json.dumps(result, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
