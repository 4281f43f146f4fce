"""A run waits for its Prefect API, starts cold every time, and says plainly when it cannot."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flows.cli import EXIT_NO_API
from flows.settings import PROJECT_DIR, SAMPLE_DIR

AUTONEWS = [sys.executable, "-m", "flows.cli"]
# Variables that would point a run at an existing server or home instead of a cold start.
NOT_INHERITED = ("DATABASE_URL", "TEST_DATABASE_URL", "PREFECT_API_URL", "PREFECT_HOME")


def cold_env(state: Path, **extra: str) -> dict[str, str]:
    """The environment of a user who has nothing yet: a new, empty state folder."""
    env = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
    return {**env, "AUTONEWS_STATE_DIR": str(state), **extra}


def autonews(env: dict[str, str], *args: str, timeout: float = 900) -> tuple[int, str]:
    """Run the `autonews` command line; return its exit status and output."""
    result = subprocess.run(
        [*AUTONEWS, *args],
        cwd=PROJECT_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        timeout=timeout,
    )
    return result.returncode, result.stdout.decode(errors="replace")


@pytest.fixture
def two_articles(tmp_path: Path) -> Path:
    """A source folder with two of the bundled samples."""
    folder = tmp_path / "source"
    folder.mkdir()
    for sample in sorted(SAMPLE_DIR.glob("*.txt"))[:2]:
        shutil.copy(sample, folder / sample.name)
    return folder


def test_three_cold_starts_in_a_row_all_succeed(tmp_path: Path, two_articles: Path) -> None:
    for n in range(3):
        state = tmp_path / f"state{n}"
        env = cold_env(state)
        started = time.monotonic()
        try:
            code, output = autonews(env, "run", "--source", str(two_articles))
        finally:
            autonews(env, "db", "stop", timeout=120)
        took = time.monotonic() - started
        assert code == 0, f"cold start {n + 1} after {took:.0f} s:\n{output[-3000:]}"
        assert "succeeded" in output
        assert (state / "pgdata").is_dir() and (state / "prefect" / "prefect.db").is_file()


def _closed_port() -> int:
    """A local port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_prefect_api_that_does_not_answer_is_named_and_nothing_runs(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{_closed_port()}/api"
    env = cold_env(
        tmp_path / "state",
        PREFECT_API_URL=url,
        PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="2",
        PREFECT_CLIENT_MAX_RETRIES="0",
    )
    code, output = autonews(env, "run", timeout=300)
    assert code == EXIT_NO_API, output[-3000:]
    flat = " ".join(output.split())
    assert f"run not started: the Prefect API at {url} did not answer within 2 s" in flat
    assert not (tmp_path / "state" / "pgdata").exists(), "the run went on without its API"


def test_a_local_api_slower_than_the_timeout_is_reported_with_the_setting(tmp_path: Path) -> None:
    env = cold_env(tmp_path / "state", PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="1")
    code, output = autonews(env, "run", timeout=300)
    assert code == EXIT_NO_API, output[-3000:]
    flat = " ".join(output.split())
    assert "the local Prefect API server did not answer within 1 s" in flat
    assert "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS" in flat


def test_a_local_api_that_cannot_start_fails_at_once(tmp_path: Path) -> None:
    unusable = tmp_path / "missing" / "folder" / "prefect.db"
    env = cold_env(
        tmp_path / "state",
        PREFECT_SERVER_DATABASE_CONNECTION_URL=f"sqlite+aiosqlite:///{unusable}",
        PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="900",
    )
    started = time.monotonic()
    code, output = autonews(env, "run", timeout=900)
    took = time.monotonic() - started
    assert code == EXIT_NO_API, output[-3000:]
    assert "the local Prefect API server exited with code" in " ".join(output.split())
    assert took < 300, "the run waited for the start-up timeout instead of the server's exit"
