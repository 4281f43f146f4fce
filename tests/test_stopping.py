"""SIGTERM or Ctrl-C stops a run within 10 seconds in every step, recorded as cancelled, and the
next run ends with the marts of a run never stopped."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import psycopg
import pytest

from flows import warehouse
from flows.settings import PROJECT_DIR
from tests.conftest import VOLATILE, mart_fingerprints
from tests.test_resilience import (  # noqa: F401 - fixtures
    AUTONEWS,
    KILL_POINTS,
    corpus,
    query,
    reference_marts,
    start_run,
    wait_for,
)

STOP_WITHIN_SECONDS = 10
# The stories step, held where it reads the signatures: the test holds a lock on them.
STORIES_BLOCKED = (
    "select exists (select 1 from pg_stat_activity where datname = current_database() "
    "and application_name = 'autonews' and wait_event_type = 'Lock' "
    "and query ilike '%story_signatures%')"
)
POINTS = {
    "ingest": KILL_POINTS["ingest"],
    "extract": KILL_POINTS["extract"],
    "stories": STORIES_BLOCKED,
    "dbt": KILL_POINTS["dbt"],
}
# Measured stop latencies, printed at the end of the module (pytest -s).
LATENCIES: dict[str, float] = {}


@pytest.fixture(scope="module", autouse=True)
def report_latencies():
    yield
    for point, seconds in LATENCIES.items():
        print(f"stop latency at {point}: {seconds:.2f} s")


def _left_in_group(pgid: int) -> bool:
    """Whether any process of the run's process group is still alive."""
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def _stop(process: subprocess.Popen, signum: int, group: bool = False) -> tuple[float, str]:
    """Send ``signum`` (to the run, or to its whole process group as a terminal's Ctrl-C
    does); return the seconds until it exited, and its output."""
    sent = time.monotonic()
    if group:
        os.killpg(process.pid, signum)
    else:
        process.send_signal(signum)
    try:
        output, _ = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    took = time.monotonic() - sent
    return took, output.decode(errors="replace")


def _assert_cancelled(db: str, took: float, output: str, process, status: int) -> None:
    assert took < STOP_WITHIN_SECONDS, f"took {took:.1f} s to stop:\n{output[-3000:]}"
    assert process.returncode == status, output[-3000:]
    assert "run stopped on request" in output, output[-3000:]
    assert query(db, "select status from meta.runs order by run_id desc limit 1") == "cancelled"
    assert query(db, "select count(*) from raw.load_batches where status = 'running'") == 0
    # The workers, the dbt threads' queries, everything the run started has ended.
    deadline = time.monotonic() + 5
    while _left_in_group(process.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _left_in_group(process.pid), "a process of the stopped run is still alive"
    assert (
        query(
            db,
            "select count(*) from pg_stat_activity where datname = current_database() "
            "and pid <> pg_backend_pid() and state = 'active'",
        )
        == 0
    )


def _rerun_gives_the_reference(db: str, source: Path, tmp_path: Path, reference: dict) -> None:
    rerun = start_run(db, source, tmp_path)
    output, _ = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, output.decode(errors="replace")[-3000:]
    assert mart_fingerprints(db, VOLATILE) == reference
    assert query(db, "select count(*) from raw.documents") == 1500
    assert query(db, "select count(*) from staging.extraction_failures") == 0


@pytest.mark.parametrize("point", list(POINTS))
def test_sigterm_stops_the_run_within_seconds_and_the_next_run_completes(
    point: str,
    db: str,
    corpus: Path,  # noqa: F811 - the fixture imported above
    reference_marts: dict,  # noqa: F811
    tmp_path: Path,
) -> None:
    blocker = None
    if point == "stories":
        # Hold the stories step at its first read: a run stopped while waiting on the server.
        blocker = psycopg.connect(db)
        blocker.execute("lock table staging.story_signatures in access exclusive mode")
    # Two workers: the extraction pool has processes to stop.
    process = start_run(db, corpus, tmp_path, env={"AUTONEWS_WORKERS": "2"})
    try:
        wait_for(lambda: bool(query(db, POINTS[point])), process)
        took, output = _stop(process, signal.SIGTERM)
    finally:
        if blocker is not None:
            blocker.close()
    LATENCIES[f"{point} (SIGTERM)"] = took
    _assert_cancelled(db, took, output, process, 128 + signal.SIGTERM)
    _rerun_gives_the_reference(db, corpus, tmp_path, reference_marts)


def test_ctrl_c_stops_a_run_whose_local_prefect_api_went_down_with_it(
    db: str,
    corpus: Path,  # noqa: F811 - the fixture imported above
    reference_marts: dict,  # noqa: F811
    tmp_path: Path,
) -> None:
    # No PREFECT_API_URL: the run starts its own local API server, in its process group, so
    # the Ctrl-C of a terminal reaches it too and Prefect reports the stop to an API gone.
    env = {
        **os.environ,
        "DATABASE_URL": db,
        "AUTONEWS_BATCH_SIZE": "100",
        "AUTONEWS_WORKERS": "2",
        "AUTONEWS_STATE_DIR": str(tmp_path / "state"),
        "PREFECT_HOME": str(tmp_path / "prefect"),
    }
    env.pop("PREFECT_API_URL", None)
    process = subprocess.Popen(
        [*AUTONEWS, "run", "--source", str(corpus)],
        cwd=PROJECT_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    wait_for(lambda: bool(query(db, KILL_POINTS["extract"])), process, timeout=600)
    took, output = _stop(process, signal.SIGINT, group=True)
    LATENCIES["extract (Ctrl-C, API gone)"] = took
    _assert_cancelled(db, took, output, process, 128 + signal.SIGINT)
    _rerun_gives_the_reference(db, corpus, tmp_path, reference_marts)


def test_a_stopped_run_is_listed_as_cancelled(db: str, tmp_path: Path) -> None:
    with warehouse.connect(db, autocommit=True) as conn:
        conn.execute(
            "insert into meta.runs (extractor_version, status, finished_at, error_message) "
            "values ('x', 'cancelled', now(), 'RunCancelled: stopped on request (SIGTERM)')"
        )
    env = {**os.environ, "DATABASE_URL": db, "COLUMNS": "250"}
    result = subprocess.run(
        [*AUTONEWS, "status"], cwd=PROJECT_DIR, env=env, capture_output=True, timeout=300
    )
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert "cancelled" in result.stdout.decode(errors="replace")
