"""The benchmark's targets, its table and its JSON file."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rich.table import Table

# Targets: reported as met or not met, never asserted.
INGEST_VS_COPY = 0.7
INGEST_VS_DLT = 2.0
EXTRACT_VS_SPACY = 2.0
END_TO_END_N = 100_000
END_TO_END_SECONDS = 300.0
ONE_PERCENT_SHARE = 0.10
NO_NEW_SHARE = 0.05
MEMORY_LIMIT_MB = 1000.0
MEMORY_LIMIT_N = 1_000_000
# "Flat": the largest size's peak at most this many times the smallest size's.
MEMORY_FLAT_FACTOR = 1.5
RUN_STEPS = ("ingest", "extract", "stories", "dbt", "publish")


def _get(data: dict[str, Any] | None, *keys: str) -> Any:
    """data[k1][k2]... or None when any level is missing."""
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _ratio(a: float | None, b: float | None) -> float | None:
    """a / b rounded, or None."""
    if a is None or not b:
        return None
    return round(a / b, 3)


def _target(name: str, size: int | None, value: Any, limit: str, met: bool | None) -> dict:
    """One target's outcome."""
    return {"target": name, "size": size, "value": value, "limit": limit, "met": met}


def _met(value: float | None, ok: bool) -> bool | None:
    """Whether a target is met, None when it could not be measured."""
    return None if value is None else ok


def size_targets(n: int, data: dict[str, Any]) -> list[dict[str, Any]]:
    """The targets measured at one corpus size."""
    found = []
    ingest = _get(data, "ingest", "autonews", "documents_per_s")
    vs_copy = _ratio(ingest, _get(data, "ingest", "copy", "documents_per_s"))
    vs_dlt = _ratio(ingest, _get(data, "ingest", "dlt", "documents_per_s"))
    found.append(
        _target(
            "ingest ≥ 0.7 × bare COPY",
            n,
            vs_copy,
            "≥ 0.7",
            _met(vs_copy, (vs_copy or 0) >= INGEST_VS_COPY),
        )
    )
    found.append(
        _target("ingest ≥ 2 × dlt", n, vs_dlt, "≥ 2", _met(vs_dlt, (vs_dlt or 0) >= INGEST_VS_DLT))
    )
    ratio = _get(data, "extraction", "ratio")
    found.append(
        _target(
            "extraction ≥ 2 × spaCy", n, ratio, "≥ 2", _met(ratio, (ratio or 0) >= EXTRACT_VS_SPACY)
        )
    )
    full = _get(data, "runs", "full")
    if n == END_TO_END_N and full:
        seconds = full["seconds"] if full.get("complete") else None
        found.append(
            _target(
                "100,000 documents end to end ≤ 5 min",
                n,
                seconds,
                "≤ 300 s",
                _met(seconds, (seconds or 0) <= END_TO_END_SECONDS),
            )
        )
    for key, limit, text in (
        ("one_percent", ONE_PERCENT_SHARE, "run with 1 % new files ≤ 10 % of a full run"),
        ("none", NO_NEW_SHARE, "run with no new files ≤ 5 % of a full run"),
    ):
        share = run_share(data, key)
        found.append(_target(text, n, share, f"≤ {limit:.0%}", _met(share, (share or 1) <= limit)))
    if n == MEMORY_LIMIT_N:
        peak = peak_of_run(data)
        found.append(
            _target(
                "peak memory ≤ 1 GB at 1,000,000",
                n,
                peak,
                "≤ 1000 MB",
                _met(peak, (peak or 0) <= MEMORY_LIMIT_MB),
            )
        )
    return found


def run_share(data: dict[str, Any], key: str) -> float | None:
    """A run's time as a share of the full run's (both complete), or None."""
    full, run = _get(data, "runs", "full"), _get(data, "runs", key)
    if not full or not run or full.get("measured") != run.get("measured"):
        return None
    return _ratio(run["seconds"], full["seconds"])


def peak_of_run(data: dict[str, Any]) -> float | None:
    """The largest peak RSS (MB) of any step of any nightly run at one size."""
    peaks = [
        step["peak_rss_mb"]
        for run in (_get(data, "runs") or {}).values()
        for step in run["steps"].values()
    ]
    return max(peaks) if peaks else None


def evaluate_targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Every target of the run, per size, plus memory flatness across sizes."""
    sizes = sorted(results["sizes"], key=int)
    found = [t for n in sizes for t in size_targets(int(n), results["sizes"][n])]
    ours, theirs = (_get(results, "quality", k, "f1") for k in ("ours", "spacy"))
    if ours is not None and theirs is not None:
        found.append(
            _target(
                "extraction quality ≥ spaCy (F1 on labelled company mentions)",
                None,
                ours,
                f"≥ {theirs:.3f}",
                ours >= theirs,
            )
        )
    if len(sizes) >= 2:
        small, large = (
            peak_of_run(results["sizes"][sizes[0]]),
            peak_of_run(results["sizes"][sizes[-1]]),
        )
        growth = _ratio(large, small)
        found.append(
            _target(
                f"peak memory flat from N={int(sizes[0]):,} to N={int(sizes[-1]):,}",
                None,
                growth,
                f"≤ {MEMORY_FLAT_FACTOR} ×",
                _met(growth, (growth or 0) <= MEMORY_FLAT_FACTOR),
            )
        )
    return found


def _mark(met: bool | None) -> str:
    """✓, ✗ or nothing."""
    return {True: " [green]✓[/]", False: " [red]✗[/]"}.get(met, "")


def _num(value: float | None, digits: int = 0) -> str:
    """A number with thousands separators, or a dash."""
    return "—" if value is None else f"{value:,.{digits}f}"


def _loader(figures: dict[str, Any] | None) -> str:
    """'1,234 docs/s · 3.4 MB/s (12.3 s)' for one loader."""
    if not figures:
        return "—"
    return (
        f"{_num(figures['documents_per_s'])} docs/s · {_num(figures['mb_per_s'], 1)} MB/s "
        f"({_num(figures['seconds'], 1)} s)"
    )


def _met_for(results: dict[str, Any], n: str | None, prefix: str) -> bool | None:
    """Whether the target whose name starts with ``prefix`` was met at size ``n`` (or overall)."""
    size = None if n is None else int(n)
    for target in results.get("targets", []):
        if target["size"] == size and target["target"].startswith(prefix):
            return target["met"]
    return None


def _run_cell(run: dict[str, Any] | None) -> str:
    """'123.4 s (ingest 10 + extract 20 + dbt 90 + publish 0.1)'."""
    if not run or not run.get("steps"):
        return "—"
    parts = " + ".join(f"{k} {v['seconds']:,.1f}" for k, v in run["steps"].items())
    return f"{run['seconds']:,.1f} s ({parts})"


def _share_cell(value: float | None, met: bool | None = None) -> str:
    """A share as a percentage with its mark."""
    return "—" if value is None else f"{value:.1%}{_mark(met)}"


def table(results: dict[str, Any]) -> Table:
    """The results as one table: a column per corpus size."""
    sizes = sorted(results["sizes"], key=int)
    data = [results["sizes"][n] for n in sizes]
    grid = Table(title="autonews benchmark", show_lines=False)
    grid.add_column("measure", style="bold")
    for n in sizes:
        grid.add_column(f"N = {int(n):,}", justify="right")
    grid.add_column("target")

    def row(label: str, cells: list[str], target: str = "") -> None:
        """Add one row."""
        grid.add_row(label, *cells, target)

    row(
        "corpus",
        [f"{d['corpus']['documents']:,} files · {d['corpus']['megabytes']:,.0f} MB" for d in data],
    )
    grid.add_section()
    row("ingest: autonews", [_loader(_get(d, "ingest", "autonews")) for d in data])
    row("ingest: bare COPY", [_loader(_get(d, "ingest", "copy")) for d in data])
    row("ingest: dlt", [_loader(_get(d, "ingest", "dlt")) for d in data])
    row(
        "autonews / COPY",
        [
            _num(
                _ratio(
                    _get(d, "ingest", "autonews", "documents_per_s"),
                    _get(d, "ingest", "copy", "documents_per_s"),
                ),
                2,
            )
            + _mark(_met_for(results, n, "ingest ≥ 0.7"))
            for n, d in zip(sizes, data, strict=True)
        ],
        "≥ 0.7",
    )
    row(
        "autonews / dlt",
        [
            _num(
                _ratio(
                    _get(d, "ingest", "autonews", "documents_per_s"),
                    _get(d, "ingest", "dlt", "documents_per_s"),
                ),
                2,
            )
            + _mark(_met_for(results, n, "ingest ≥ 2"))
            for n, d in zip(sizes, data, strict=True)
        ],
        "≥ 2",
    )
    grid.add_section()
    row(
        "extract: autonews (1 core)",
        [_extractor_cell(_get(d, "extraction", "autonews")) for d in data],
    )
    row("extract: spaCy (1 core)", [_extractor_cell(_get(d, "extraction", "spacy")) for d in data])
    row(
        "autonews / spaCy",
        [
            _num(_get(d, "extraction", "ratio"), 1) + _mark(_met_for(results, n, "extraction"))
            for n, d in zip(sizes, data, strict=True)
        ],
        "≥ 2",
    )
    row(
        "docs with mentions: ours · spaCy · both",
        [_triple(_get(d, "extraction", "overlap", "documents_with_mentions")) for d in data],
    )
    row(
        "mentions: ours · spaCy",
        [_pair(_get(d, "extraction", "overlap", "mentions")) for d in data],
    )
    row(
        "spaCy's mentions ours finds",
        [
            _share_cell(_get(d, "extraction", "overlap", "share_of_spacy_found_by_ours"))
            for d in data
        ],
    )
    row(
        "our mentions spaCy finds",
        [
            _share_cell(_get(d, "extraction", "overlap", "share_of_ours_found_by_spacy"))
            for d in data
        ],
    )
    quality = results.get("quality")
    for key, label in (
        ("ours", "labelled news: ours P · R · F1"),
        ("spacy", "labelled news: spaCy P · R · F1"),
    ):
        cells = [_prf_cell(_get(quality, key))] + [""] * (len(sizes) - 1)
        met = _met_for(results, None, "extraction quality") if key == "ours" else None
        row(label, [cells[0] + _mark(met), *cells[1:]], "F1 ≥ spaCy's" if key == "ours" else "")
    grid.add_section()
    row(
        "full run",
        [
            _run_cell(_get(d, "runs", "full")) + _mark(_met_for(results, n, "100,000 documents"))
            for n, d in zip(sizes, data, strict=True)
        ],
        "≤ 300 s at 100,000",
    )
    row(
        "run, no new files",
        [
            _share_cell(run_share(d, "none"), _met_for(results, n, "run with no"))
            + f" ({_num(_get(d, 'runs', 'none', 'seconds'), 1)} s)"
            for n, d in zip(sizes, data, strict=True)
        ],
        "≤ 5 % of full",
    )
    row(
        "run, 1 % new files",
        [
            _share_cell(run_share(d, "one_percent"), _met_for(results, n, "run with 1"))
            + f" ({_num(_get(d, 'runs', 'one_percent', 'seconds'), 1)} s)"
            for n, d in zip(sizes, data, strict=True)
        ],
        "≤ 10 % of full",
    )
    row("dbt build (full run)", [_dbt_cell(_get(d, "runs", "full", "steps", "dbt")) for d in data])
    row(
        "story step (full run)",
        [_stories_cell(_get(d, "runs", "full")) for d in data],
        "≤ 10 % of full",
    )
    grid.add_section()
    for step in RUN_STEPS:
        row(
            f"peak RSS: {step}",
            [_mb(_get(d, "runs", "full", "steps", step, "peak_rss_mb")) for d in data],
        )
    row("peak RSS: bare COPY", [_mb(_get(d, "ingest", "copy", "peak_rss_mb")) for d in data])
    row("peak RSS: dlt", [_mb(_get(d, "ingest", "dlt", "peak_rss_mb")) for d in data])
    row(
        "peak RSS: extractor / spaCy",
        [
            f"{_mb(_get(d, 'extraction', 'autonews', 'peak_rss_mb'))} / "
            f"{_mb(_get(d, 'extraction', 'spacy', 'peak_rss_mb'))}"
            for d in data
        ],
    )
    row(
        "peak RSS: any run step",
        [_mb(peak_of_run(d)) for d in data],
        "flat; ≤ 1,000 MB at 1,000,000",
    )
    return grid


def _extractor_cell(figures: dict[str, Any] | None) -> str:
    """'1,234 docs/s (20,000 docs)' for one extractor."""
    if not figures:
        return "—"
    sampled = " sampled" if figures.get("sampled") else ""
    return (
        f"{_num(figures['documents_per_s'])} docs/s · {_num(figures['mb_per_s'], 2)} MB/s "
        f"({figures['documents']:,} docs{sampled})"
    )


def _prf_cell(scores: dict[str, Any] | None) -> str:
    """'0.91 · 0.29 · 0.44' or a dash."""
    if not scores or scores.get("f1") is None:
        return "—"
    return f"{scores['precision']:.2f} · {scores['recall']:.2f} · {scores['f1']:.2f}"


def _triple(counts: dict[str, int] | None) -> str:
    """'a · b · c' of ours, spaCy's and both."""
    if not counts:
        return "—"
    return f"{counts['ours']:,} · {counts['spacy']:,} · {counts['both']:,}"


def _pair(counts: dict[str, int] | None) -> str:
    """'a · b' mentions of ours and spaCy's."""
    if not counts:
        return "—"
    return f"{counts['ours']:,} · {counts['spacy']:,}"


def _stories_cell(run: dict[str, Any] | None) -> str:
    """The story step's seconds and its share of the full run."""
    step = _get(run, "steps", "stories")
    if not step or not run.get("seconds"):
        return "—"
    return f"{step['seconds']:,.1f} s ({step['seconds'] / run['seconds']:.1%})"


def _dbt_cell(step: dict[str, Any] | None) -> str:
    """dbt build seconds with the number of tests passed."""
    if not step:
        return "skipped"
    if "error" in step:
        return f"failed after {step['seconds']:,.1f} s"
    return f"{step['seconds']:,.1f} s ({step.get('tests_passed', 0)} tests passed)"


def _mb(value: float | None) -> str:
    """'123 MB' or a dash."""
    return "—" if value is None else f"{value:,.0f} MB"


def notes(results: dict[str, Any]) -> list[str]:
    """Lines printed under the table: skipped parts, sampling, errors, targets."""
    lines = [f"[yellow]skipped:[/] {k}: {v}" for k, v in results.get("skipped", {}).items()]
    if _get(results, "settings", "analyze_before_dbt"):
        lines.append("what-if: ANALYZE ran before each dbt build (its time counts in dbt's)")
    for n, data in sorted(results["sizes"].items(), key=lambda kv: int(kv[0])):
        spacy = _get(data, "extraction", "spacy")
        if spacy and spacy.get("sampled"):
            lines.append(
                f"N={int(n):,}: spaCy read a sample of {spacy['documents']:,} documents; at its "
                f"rate all {int(n):,} would take ≈ {spacy['extrapolated_seconds_for_n']:,.0f} s"
            )
        lines += [f"[red]N={int(n):,}:[/] {e.splitlines()[0]}" for e in data.get("errors", [])]
    overlap = next(
        (
            _get(d, "extraction", "overlap")
            for d in results["sizes"].values()
            if _get(d, "extraction", "overlap")
        ),
        None,
    )
    if overlap:
        for key, who in (("top_only_spacy", "only spaCy"), ("top_only_ours", "only ours")):
            top = ", ".join(f"{text} ×{count}" for text, count in overlap[key][:8])
            lines.append(f"mentions found by {who}, most frequent: {top or 'none'}")
    quality = results.get("quality")
    if quality:
        lines.append(
            f"labelled news: {quality['documents']} German news items with "
            f"{quality['gold_mentions']} gold company mentions, one-to-one overlap match"
        )
    met = [t for t in results.get("targets", []) if t["met"] is not None]
    lines.append(
        f"targets met: {sum(t['met'] for t in met)} of {len(met)} measured"
        " (ratios are against the baselines measured in this same run)"
    )
    return lines


def save(results: dict[str, Any], directory: Path) -> Path:
    """Write the results as bench-<timestamp>.json and return the path."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"bench-{datetime.now(UTC).strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(results, indent=2, default=str) + "\n")
    return path


def worst_case_table(results: dict[str, Any]) -> Table:
    """Extraction time per KB of each generated worst case, as a multiple of the median
    article's, with its CPU seconds; a column per input size."""
    median = results["median_ms_per_kb"]
    sizes = results["sizes_kb"]
    grid = Table(
        title=(
            "worst-case inputs: extraction ms per KB (× median 10kGNAD article"
            f" = {_num(median, 3)} ms per KB) and seconds"
        )
    )
    grid.add_column("input", style="bold")
    for size in sizes:
        grid.add_column(f"{size:,} KB" if size < 1024 else f"{size / 1024:g} MB", justify="right")
    for name, row in results["shapes"].items():
        cells = []
        for size in sizes:
            cell = row.get(str(size))
            if cell is None:
                cells.append("not run")
                continue
            ratio = _ratio(cell["ms_per_kb"], median)
            times = "" if ratio is None else f" ({ratio:,.1f} ×)"
            failed = " failed" if cell.get("error") else ""
            cells.append(f"{cell['ms_per_kb']:,.2f}{times} · {cell['seconds']:,.1f} s{failed}")
        grid.add_row(name, *cells)
    return grid


def save_worst_case(results: dict[str, Any], directory: Path) -> Path:
    """Write the worst-case results as worst-case-<timestamp>.json and return the path."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"worst-case-{datetime.now(UTC).strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(results, indent=2, default=str) + "\n")
    return path
