"""Run one step in a fresh Python process and measure its time and peak memory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

from bench.corpus import WORK_DIR
from flows.settings import PROJECT_DIR

# How often the process tree's memory is sampled.
SAMPLE_SECONDS = 0.05
# A step still running after this long is stopped and reported as failed.
STEP_TIMEOUT_SECONDS = float(os.environ.get("BENCH_STEP_TIMEOUT", 3600))
QUIET_ENV = {
    "DO_NOT_TRACK": "1",
    "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "RUNTIME__DLTHUB_TELEMETRY": "false",
}


class StepFailed(RuntimeError):
    """A step's process exited with an error; the message holds the end of its log."""


@dataclass
class StepResult:
    """What one step measured: its own timing, the process tree's peak RSS, its payload."""

    name: str
    seconds: float
    wall_seconds: float
    peak_rss: int
    payload: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready view without the bulky profile text."""
        payload = {k: v for k, v in self.payload.items() if k != "profile"}
        return {
            "seconds": round(self.seconds, 3),
            "wall_seconds": round(self.wall_seconds, 3),
            "peak_rss_mb": round(self.peak_rss / 1e6, 1),
            **payload,
        }


def _tree_rss(process: psutil.Process) -> int:
    """Resident memory of a process and all its descendants, in bytes."""
    total = 0
    try:
        members = [process, *process.children(recursive=True)]
    except psutil.Error:
        return 0
    for member in members:
        try:
            total += member.memory_info().rss
        except psutil.Error:
            continue
    return total


class PeakSampler(threading.Thread):
    """Samples the summed RSS of a process tree until the process ends."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak = 0

    def run(self) -> None:
        """Keep the largest sample until the process is gone."""
        try:
            process = psutil.Process(self.pid)
            while process.is_running() and process.status() != psutil.STATUS_ZOMBIE:
                self.peak = max(self.peak, _tree_rss(process))
                time.sleep(SAMPLE_SECONDS)
        except psutil.Error:
            return


def child_env() -> dict[str, str]:
    """The environment of a step process: no telemetry, dbt's files kept apart."""
    env = {**os.environ, **QUIET_ENV}
    # dbt's target/ and logs/ of the benchmark stay out of the project's own.
    env.setdefault("DBT_TARGET_PATH", str(WORK_DIR / "dbt-target"))
    env.setdefault("DBT_LOG_PATH", str(WORK_DIR / "dbt-logs"))
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(PROJECT_DIR), env.get("PYTHONPATH")) if p)
    return env


def run_step(name: str, args: dict[str, Any], label: str | None = None) -> StepResult:
    """Run step ``name`` with ``args`` in a fresh process; raise StepFailed on error."""
    label = label or name
    logs = WORK_DIR / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    result_path = logs / f"{label}.json"
    log_path = logs / f"{label}.log"
    result_path.unlink(missing_ok=True)
    command = [sys.executable, "-m", "bench.steps", name, json.dumps(args), str(result_path)]
    started = time.perf_counter()
    with log_path.open("w") as log:
        process = subprocess.Popen(
            command, cwd=PROJECT_DIR, env=child_env(), stdout=log, stderr=subprocess.STDOUT
        )
        sampler = PeakSampler(process.pid)
        sampler.start()
        try:
            code = process.wait(timeout=STEP_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            _stop_tree(process.pid)
            code = process.wait()
            log.write(f"\nstopped after {STEP_TIMEOUT_SECONDS:.0f} s\n")
        sampler.join(timeout=5)
    wall = time.perf_counter() - started
    if code != 0 or not result_path.exists():
        raise StepFailed(f"step {label} failed (exit {code}):\n{_tail(log_path)}")
    payload = json.loads(result_path.read_text())
    peak = max(sampler.peak, payload.pop("maxrss_self", 0), payload.pop("maxrss_children", 0))
    return StepResult(label, float(payload.pop("seconds")), wall, peak, payload)


def _stop_tree(pid: int) -> None:
    """Terminate a step's process and its descendants (all started by this benchmark)."""
    try:
        parent = psutil.Process(pid)
        members = [*parent.children(recursive=True), parent]
    except psutil.Error:
        return
    for member in members:
        try:
            member.terminate()
        except psutil.Error:
            continue
    psutil.wait_procs(members, timeout=10)


def _tail(path: Path, lines: int = 25) -> str:
    """The last lines of a log file."""
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"
