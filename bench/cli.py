"""`python -m bench`: build the corpora, run every measurement per size, print and save them."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psutil
from rich.console import Console

from bench import corpus, db, report, worst_case
from bench.baseline import compare, reference_names
from bench.runner import StepFailed, StepResult, run_step
from flows.database import drop_database, recreate_database
from flows.settings import DBT_PROJECT_DIR, PROJECT_DIR, load_settings
from flows.warehouse import migrate

DEFAULT_SIZES = "10000,100000"
RESULTS_DIR = Path(__file__).resolve().parent / "results"
# The share of new files of the second incremental run.
NEW_SHARE = 0.01
PROFILE_TOP = 30


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--sizes", default=DEFAULT_SIZES, help="corpus sizes, comma-separated (e.g. 10000,1000000)"
    )
    parser.add_argument(
        "--spacy-sample", type=int, default=2000, help="documents the spaCy baseline reads"
    )
    parser.add_argument(
        "--extract-sample",
        type=int,
        default=20000,
        help="documents the single-core extractor measurement reads (at most N)",
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="instead of benchmarking, profile ingest and extraction (cProfile) at each size",
    )
    parser.add_argument(
        "--analyze-before-dbt",
        action="store_true",
        help="what-if: run ANALYZE before each dbt build, counted in the dbt step's time",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the benchmark databases and run folders"
    )
    return parser.parse_args(argv)


def parse_sizes(text: str) -> list[int]:
    """'10000,100000' → [10000, 100000]; sizes must be positive."""
    sizes = [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
    if not sizes or min(sizes) < 1:
        raise SystemExit(f"--sizes wants positive numbers, got {text!r}")
    return sizes


def extractor_problem() -> str | None:
    """Why flows.extract cannot be used yet, or None when its entry points import."""
    try:
        module = importlib.import_module("flows.extract")
    except Exception as exc:  # noqa: BLE001 - any import error means: not ready
        return f"flows.extract does not import: {type(exc).__name__}: {exc}"
    missing = [name for name in ("extract_batch", "load_reference") if not hasattr(module, name)]
    if missing:
        return f"flows.extract lacks {', '.join(missing)}"
    return None


def dbt_problem() -> str | None:
    """Why the dbt build cannot run yet, or None when the project has models."""
    if not any((DBT_PROJECT_DIR / "models").rglob("*.sql")):
        return "the dbt project has no models yet"
    return None


def attempt(fn: Callable[[], Any], errors: list[str], what: str) -> Any:
    """Call ``fn``; on a step failure record it under ``what`` and return None."""
    try:
        return fn()
    except StepFailed as exc:
        errors.append(f"{what}: {exc}")
        return None


def rate(documents: int, total_bytes: int, seconds: float) -> dict[str, float]:
    """Documents per second and MB per second."""
    seconds = max(seconds, 1e-9)
    return {
        "documents_per_s": round(documents / seconds, 1),
        "mb_per_s": round(total_bytes / 1e6 / seconds, 2),
    }


def loader_figures(step: StepResult | None, corpus_bytes: int) -> dict[str, Any] | None:
    """Throughput of one loader step."""
    if step is None:
        return None
    documents = step.payload.get("documents", step.payload.get("files_seen", 0))
    total = step.payload.get("bytes", corpus_bytes)
    return {**step.as_dict(), **rate(documents, total, step.seconds)}


def run_pipeline(
    url: str,
    folder: Path,
    label: str,
    problems: dict[str, str | None],
    errors: list[str],
    analyze: bool = False,
) -> dict[str, Any]:
    """One nightly run (ingest, extract, stories, dbt build, publish), each in its own process."""
    args = {"url": url, "folder": str(folder)}
    steps: dict[str, StepResult] = {}
    plan = ["ingest"]
    if problems["extract"] is None:
        plan += ["extract", "stories"]
        if problems["dbt"] is None:
            plan += ["dbt", "publish"]
    dbt_error = None
    for name in plan:
        if name == "publish" and dbt_error:
            break
        step_args = {**args, "analyze": True} if name == "dbt" and analyze else args
        step = attempt(
            lambda n=name, a=step_args: run_step(n, a, f"{label}-{n}"), errors, f"{label} {name}"
        )
        if step is None:
            break
        steps[name] = step
        if name == "dbt" and "error" in step.payload:
            dbt_error = step.payload["error"]
            errors.append(f"{label} dbt build: {dbt_error}")
    return {
        "steps": {name: step.as_dict() for name, step in steps.items()},
        "seconds": round(sum(step.seconds for step in steps.values()), 3),
        "peak_rss_mb": round(max((s.peak_rss for s in steps.values()), default=0) / 1e6, 1),
        "complete": len(steps) == len(plan) and dbt_error is None,
        "measured": list(steps),
    }


def extraction_figures(
    folder: Path, n: int, args: argparse.Namespace, label: str, errors: list[str]
) -> dict[str, Any] | None:
    """Single-core extractor vs the spaCy baseline on the same texts, with their overlap."""
    work = corpus.WORK_DIR / "extraction"
    work.mkdir(parents=True, exist_ok=True)
    sample = min(n, args.spacy_sample)
    ours_path, theirs_path = work / f"{label}-ours.json", work / f"{label}-spacy.json"
    ours = attempt(
        lambda: run_step(
            "extractor",
            {
                "folder": str(folder),
                "limit": min(n, args.extract_sample),
                "batch_size": load_settings().batch_size,
                "sample": sample,
                "sample_path": str(ours_path),
            },
            f"{label}-extractor",
        ),
        errors,
        f"{label} extractor",
    )
    if ours is None:
        return None
    theirs = attempt(
        lambda: run_step(
            "spacy",
            {
                "folder": str(folder),
                "limit": sample,
                "sample_path": str(ours_path),
                "result_path": str(theirs_path),
            },
            f"{label}-spacy",
        ),
        errors,
        f"{label} spaCy baseline",
    )
    figures: dict[str, Any] = {
        "autonews": {
            **ours.as_dict(),
            **rate(ours.payload["documents"], ours.payload["bytes"], ours.seconds),
        },
    }
    if theirs is not None:
        spacy_rate = rate(theirs.payload["documents"], theirs.payload["bytes"], theirs.seconds)
        figures["spacy"] = {
            **theirs.as_dict(),
            **spacy_rate,
            "extrapolated_seconds_for_n": round(n / max(spacy_rate["documents_per_s"], 1e-9), 1),
            "sampled": theirs.payload["documents"] < n,
        }
        figures["ratio"] = round(
            figures["autonews"]["documents_per_s"] / max(spacy_rate["documents_per_s"], 1e-9), 2
        )
        figures["overlap"] = compare(
            json.loads(ours_path.read_text()),
            json.loads(theirs_path.read_text()),
            reference_names(),
        )
    return figures


def quality_figures(
    problems: dict[str, str | None], results: dict[str, Any]
) -> dict[str, Any] | None:
    """Both matchers scored on labelled company mentions, when the labels are here."""
    if problems["extract"] is not None:
        return None
    if not corpus.GOLD_MENTIONS.exists():
        results["skipped"]["quality"] = "the labelled news of ../shared/eval are absent"
        return None
    errors: list[str] = []
    step = attempt(
        lambda: run_step("quality", {"gold_path": str(corpus.GOLD_MENTIONS)}, "quality"),
        errors,
        "quality",
    )
    if step is None:
        results["skipped"]["quality"] = errors[0].splitlines()[0]
        return None
    return step.as_dict()


def measure_loaders(
    url: str, folder: Path, label: str, errors: list[str]
) -> tuple[StepResult | None, StepResult | None]:
    """The two loading baselines: a bare COPY and dlt, into the same server."""
    copy = attempt(
        lambda: run_step("copy", {"url": url, "folder": str(folder)}, f"{label}-copy"),
        errors,
        "COPY baseline",
    )
    pipelines = corpus.WORK_DIR / "dlt" / label
    shutil.rmtree(pipelines, ignore_errors=True)
    dlt = attempt(
        lambda: run_step(
            "dlt",
            {"url": url, "folder": str(folder), "pipelines_dir": str(pipelines)},
            f"{label}-dlt",
        ),
        errors,
        "dlt baseline",
    )
    shutil.rmtree(pipelines, ignore_errors=True)
    return copy, dlt


def measure_runs(
    url: str,
    folder: Path,
    texts: list[str],
    n: int,
    problems: dict[str, str | None],
    errors: list[str],
    args: argparse.Namespace,
    console: Console,
) -> dict[str, Any]:
    """A full run, a run with no new files and one with 1 % new files, in that order."""
    label, analyze = f"n{n}", args.analyze_before_dbt
    runs: dict[str, Any] = {}
    console.log(f"N={n:,}: full run")
    runs["full"] = run_pipeline(url, folder, f"{label}-full", problems, errors, analyze)
    console.log(f"N={n:,}: run with no new files")
    runs["none"] = run_pipeline(url, folder, f"{label}-none", problems, errors, analyze)
    added = max(1, round(n * NEW_SHARE))
    corpus.write_documents(folder, texts, n, added)
    console.log(f"N={n:,}: run with {added:,} new files")
    runs["one_percent"] = run_pipeline(
        url, folder, f"{label}-one-percent", problems, errors, analyze
    )
    runs["one_percent"]["new_documents"] = added
    return runs


def bench_size(
    n: int,
    texts: list[str],
    server: str,
    args: argparse.Namespace,
    problems: dict[str, str | None],
    console: Console,
) -> dict[str, Any]:
    """Every measurement at one corpus size."""
    errors: list[str] = []
    label = f"n{n}"
    started = time.perf_counter()
    built, fresh = corpus.build(n, texts)
    result: dict[str, Any] = {
        "corpus": {
            "documents": n,
            "megabytes": round(built.megabytes, 1),
            "build_seconds": round(time.perf_counter() - started, 1),
            "from_cache": not fresh,
        },
        "errors": errors,
    }
    console.log(f"N={n:,}: corpus of {built.megabytes:,.0f} MB ready")
    folder = corpus.run_folder(built, f"run-{label}")
    database = f"autonews_bench_{label}"
    url = recreate_database(server, database)
    try:
        console.log(f"N={n:,}: bare COPY and dlt")
        copy, dlt = measure_loaders(url, folder, label, errors)
        migrate(url)
        runs = measure_runs(url, folder, texts, n, problems, errors, args, console)
        result["runs"] = runs
        ingest = runs["full"]["steps"].get("ingest")
        result["ingest"] = {
            "autonews": ingest and {**ingest, **rate(n, built.total_bytes, ingest["seconds"])},
            "copy": loader_figures(copy, built.total_bytes),
            "dlt": loader_figures(dlt, built.total_bytes),
        }
        if problems["extract"] is None:
            console.log(f"N={n:,}: extractor vs spaCy")
            result["extraction"] = extraction_figures(folder, n, args, label, errors)
    finally:
        if not args.keep:
            drop_database(server, database)
            corpus.remove_folder(folder)
    return result


def profile_plans(n: int, url: str, folder: Path, extract_sample: int) -> list[tuple[str, dict]]:
    """The steps profiled at one size, with their arguments."""
    plans: list[tuple[str, dict]] = [("ingest", {"url": url, "folder": str(folder)})]
    if extractor_problem() is None:
        work = corpus.WORK_DIR / "extraction"
        work.mkdir(parents=True, exist_ok=True)
        # The extraction step's own process (reads, hand-off to workers, staging writes)...
        plans.append(("extract", {"url": url, "folder": str(folder)}))
        # ...and the extractor alone on one core.
        extractor = {
            "folder": str(folder),
            "limit": min(n, extract_sample),
            "batch_size": load_settings().batch_size,
            "sample": 0,
            "sample_path": str(work / "profile-sample.json"),
        }
        plans.append(("extractor", extractor))
    return plans


def profile_size(
    n: int, texts: list[str], server: str, args: argparse.Namespace, console: Console
) -> list[Path]:
    """Profile ingest, the extraction step and the extractor at one size; return the reports."""
    built, _ = corpus.build(n, texts)
    folder = corpus.run_folder(built, f"profile-n{n}")
    database = f"autonews_bench_profile_n{n}"
    url = recreate_database(server, database)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    written = []
    try:
        migrate(url)
        RESULTS_DIR.mkdir(parents=True, exist_ok=True)
        for name, step_args in profile_plans(n, url, folder, args.extract_sample):
            console.log(f"N={n:,}: profiling {name}")
            step = run_step(name, {**step_args, "profile": PROFILE_TOP}, f"profile-n{n}-{name}")
            path = RESULTS_DIR / f"profile-{stamp}-n{n}-{name}.txt"
            summary = {k: v for k, v in step.as_dict().items() if k != "wall_seconds"}
            path.write_text(f"{name} at N={n}: {summary}\n\n{step.payload['profile']}")
            written.append(path)
    finally:
        if not args.keep:
            drop_database(server, database)
            corpus.remove_folder(folder)
    return written


def git_revision() -> dict[str, Any]:
    """The commit the tree is at and whether it has uncommitted changes."""

    def git(*args: str) -> str:
        """Output of one read-only git command, or '' when git is unavailable."""
        try:
            done = subprocess.run(
                ["git", *args], cwd=PROJECT_DIR, capture_output=True, text=True, check=True
            )
        except (OSError, subprocess.CalledProcessError):
            return ""
        return done.stdout.strip()

    return {
        "commit": git("rev-parse", "--short", "HEAD"),
        "dirty": bool(git("status", "--porcelain")),
    }


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    return {
        "cpus": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 1e9, 1),
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
    }


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; 0 also when it is skipped for want of the shared corpus."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["worst-case"]:
        return worst_case.main(argv[1:])
    args = parse_args(argv)
    sizes = parse_sizes(args.sizes)
    # A wide table: let it keep its rows on one line when the output is not a terminal.
    console = Console(width=None if sys.stdout.isatty() else 160)
    try:
        texts = corpus.source_texts()
    except corpus.CorpusMissing as exc:
        console.print(f"[yellow]bench skipped:[/] {exc}")
        return 0
    server = db.server_url()
    if args.profile:
        for n in sizes:
            for path in profile_size(n, texts, server, args, console):
                console.print(f"profile written to {path.relative_to(PROJECT_DIR)}")
        return 0
    problems = {"extract": extractor_problem(), "dbt": dbt_problem()}
    for what, problem in problems.items():
        if problem:
            console.print(f"[yellow]{what} skipped:[/] {problem}")
    settings = load_settings()
    results: dict[str, Any] = {
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        **git_revision(),
        "machine": machine(),
        "server": {"where": db.server_label(), "version": db.server_version(server)},
        "settings": {
            "batch_size": settings.batch_size,
            "workers": settings.workers or "automatic",
            "spacy_sample": args.spacy_sample,
            "extract_sample": args.extract_sample,
            "analyze_before_dbt": args.analyze_before_dbt,
        },
        "skipped": {k: v for k, v in problems.items() if v},
        "sizes": {},
    }
    for n in sizes:
        results["sizes"][str(n)] = bench_size(n, texts, server, args, problems, console)
    results["quality"] = quality_figures(problems, results)
    results["targets"] = report.evaluate_targets(results)
    console.print(report.table(results))
    for line in report.notes(results):
        console.print(line)
    path = report.save(results, RESULTS_DIR)
    console.print(f"results written to {path.relative_to(PROJECT_DIR)}")
    return 0
