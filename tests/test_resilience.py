"""Crashes, failing dbt tests and parallel runs leave the warehouse consistent."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest
from prefect.settings import PREFECT_API_URL

from flows.nightly import nightly
from flows.settings import PROJECT_DIR, SAMPLE_DIR
from tests.conftest import VOLATILE, create_database, drop_database, mart_fingerprints

AUTONEWS = [sys.executable, "-m", "flows.cli"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Some 1,500 distinct articles made from the samples, enough for runs that take a while."""
    folder = tmp_path_factory.mktemp("corpus")
    samples = sorted(SAMPLE_DIR.glob("*.txt"))
    for n in range(1500):
        sample = samples[n % len(samples)]
        text = sample.read_text(encoding="utf-8")
        (folder / f"{n:05d}_{sample.name}").write_text(f"{text}\nAusgabe {n}.\n", encoding="utf-8")
    return folder


def start_run(
    url: str, source: Path, tmp_path: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.Popen:
    """Start `autonews run` as a real subprocess in a process group of its own.

    It reports to the session's Prefect API server, so no run pays for starting one. ``env``
    adds to or overrides its environment.
    """
    extra = env or {}
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "AUTONEWS_BATCH_SIZE": "100",
        "AUTONEWS_INGEST_BATCH": "20",
        "AUTONEWS_WORKERS": "1",
        "PREFECT_HOME": str(tmp_path / "prefect"),
        "PREFECT_API_URL": PREFECT_API_URL.value(),
        **extra,
    }
    return subprocess.Popen(
        [*AUTONEWS, "run", "--source", str(source), *args],
        cwd=PROJECT_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def wait_for(
    condition: Callable[[], bool], process: subprocess.Popen, timeout: float = 240
) -> None:
    """Poll ``condition`` until it holds; fail if the run ends first or time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        if process.poll() is not None:
            output = process.stdout.read().decode(errors="replace")
            pytest.fail(f"the run ended before the kill point was reached:\n{output[-3000:]}")
        time.sleep(0.02)
    pytest.fail("kill point not reached in time")


def query(url: str, statement: str) -> object:
    """The first column of the first row of ``statement``."""
    with psycopg.connect(url, autocommit=True) as conn:
        return conn.execute(statement).fetchone()[0]


KILL_POINTS = {
    "ingest": "select exists (select 1 from raw.load_batches where status = 'running') "
    "and exists (select 1 from raw.files)",
    "extract": "select (select count(*) from staging.extractions) between 1 and 1400",
    "dbt": "select exists (select 1 from pg_namespace where nspname = 'marts_build')",
}


@pytest.fixture(scope="module")
def reference_marts(corpus: Path, server_url: str, tmp_path_factory) -> dict:
    """The marts of an uninterrupted run over the corpus."""
    from flows import warehouse

    url = create_database(server_url)
    try:
        warehouse.migrate(url)
        nightly(source_dir=str(corpus), database_url=url)
        return mart_fingerprints(url, VOLATILE)
    finally:
        drop_database(server_url, url)


@pytest.mark.parametrize("point", list(KILL_POINTS))
def test_sigkill_then_rerun_gives_the_uninterrupted_marts(
    point: str, db: str, corpus: Path, reference_marts: dict, tmp_path: Path
) -> None:
    process = start_run(db, corpus, tmp_path)
    try:
        wait_for(lambda: bool(query(db, KILL_POINTS[point])), process)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    # The killed run left its records marked running; the next run closes them and finishes.
    rerun = start_run(db, corpus, tmp_path)
    output, _ = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, output.decode(errors="replace")[-3000:]
    assert mart_fingerprints(db, VOLATILE) == reference_marts
    assert query(db, "select count(*) from raw.load_batches where status = 'running'") == 0
    assert query(db, "select count(*) from meta.runs where status = 'running'") == 0
    assert query(db, "select count(*) from raw.documents") == 1500


def test_failing_dbt_test_fails_the_run_and_keeps_the_last_good_marts(db: str) -> None:
    nightly(source_dir=str(SAMPLE_DIR), database_url=db)
    good = mart_fingerprints(db)
    with psycopg.connect(db) as conn:
        document_id, version = conn.execute(
            "select document_id, extractor_version from staging.extractions limit 1"
        ).fetchone()
        conn.execute(
            """
            insert into staging.partnership_claims (
                document_id, claim_index, extractor_version, company_a_id, company_a_name,
                company_b_id, company_b_name, is_directed, partnership_type, status,
                sentence_text, char_start, char_end)
            values (%s, 999, %s, 'bmw', 'BMW', 'byd', 'BYD', false, 'friendship', 'active',
                    'BMW and BYD are friends.', 0, 10)
            """,
            [document_id, version],
        )
    with pytest.raises(Exception, match="dbt build failed"):
        nightly(source_dir=str(SAMPLE_DIR), database_url=db)
    assert mart_fingerprints(db) == good
    with psycopg.connect(db) as conn:
        assert conn.execute("select status from meta.runs order by run_id").fetchall() == [
            ("succeeded",),
            ("failed",),
        ]


def test_a_run_while_another_holds_the_lock_exits_with_a_clear_message(
    db: str, tmp_path: Path
) -> None:
    from flows import warehouse

    with warehouse.run_lock(db):  # what a run in progress holds
        second = start_run(db, SAMPLE_DIR, tmp_path)
        output, _ = second.communicate(timeout=300)
    assert second.returncode == 3
    assert b"another autonews run is in progress" in output
    assert query(db, "select count(*) from raw.documents") == 0


def test_two_runs_started_at_once_never_duplicate_rows(db: str, tmp_path: Path) -> None:
    runs = [start_run(db, SAMPLE_DIR, tmp_path / name, "--wait") for name in ("first", "second")]
    for run in runs:
        output, _ = run.communicate(timeout=600)
        assert run.returncode == 0, output.decode(errors="replace")[-3000:]
    assert query(db, "select count(*) from raw.documents") == len(list(SAMPLE_DIR.glob("*.txt")))
    assert query(db, "select count(*) from meta.runs where status = 'succeeded'") == 2
    assert query(db, "select count(*) from raw.files where outcome = 'loaded'") == len(
        list(SAMPLE_DIR.glob("*.txt"))
    )


def test_postgres_restart_during_a_run(
    db: str, corpus: Path, reference_marts: dict, restart_server, tmp_path: Path
) -> None:
    process = start_run(db, corpus, tmp_path)
    try:
        wait_for(lambda: bool(query(db, KILL_POINTS["extract"])), process)
        restart_server()
        output, _ = process.communicate(timeout=600)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    text = output.decode(errors="replace")
    if process.returncode != 0:
        # Failing is allowed, but loudly, and with nothing half-written: a rerun completes.
        assert "run failed" in text, text[-3000:]
        rerun = start_run(db, corpus, tmp_path)
        rerun.communicate(timeout=600)
        assert rerun.returncode == 0
    assert mart_fingerprints(db, VOLATILE) == reference_marts
    assert query(db, "select count(*) from raw.documents") == 1500
