"""prefect.yaml for real: a Prefect server, a process work pool, `prefect deploy`, a worker."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import time as clock
from pathlib import Path
from zoneinfo import ZoneInfo

import psycopg
import pytest
import yaml
from prefect.client.orchestration import SyncPrefectClient, get_client
from prefect.client.schemas.filters import (
    ArtifactFilter,
    ArtifactFilterFlowRunId,
    DeploymentFilter,
    DeploymentFilterId,
    FlowRunFilter,
    FlowRunFilterState,
    FlowRunFilterStateType,
)
from prefect.client.schemas.objects import StateType
from prefect.settings import PREFECT_API_URL, temporary_settings

from flows import warehouse
from flows.nightly import REPORT_ARTIFACT_KEY
from flows.settings import DBT_PROJECT_DIR, PROJECT_DIR, SAMPLE_DIR

BIN = Path(sys.executable).parent
PREFECT = str(BIN / "prefect")
BERLIN = ZoneInfo("Europe/Berlin")
# Let the server schedule a year and a bit ahead, so the runs cross both DST changes.
SCHEDULE_AHEAD = {
    "PREFECT_SERVER_SERVICES_SCHEDULER_MIN_RUNS": "400",
    "PREFECT_SERVER_SERVICES_SCHEDULER_MAX_RUNS": "400",
    "PREFECT_SERVER_SERVICES_SCHEDULER_MIN_SCHEDULED_TIME": "P400D",
    "PREFECT_SERVER_SERVICES_SCHEDULER_MAX_SCHEDULED_TIME": "P400D",
}
# Prefect 3.8.8's scheduler inserts runs with a bulk statement that SQLAlchemy 2.1 refuses
# ("Can't evaluate bulk DML statement; please supply a bulk_dml decorated function"), so
# with SQLAlchemy >= 2.1 a server never creates the scheduled runs of any deployment.


def free_port() -> int:
    """A free TCP port on localhost."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _children(pid: int) -> list[int]:
    """Ids of the processes whose parent is ``pid`` (Linux /proc)."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            children.append(int(stat.parent.name))
    return children


def _descendants(pid: int) -> list[int]:
    """Ids of every process below ``pid``."""
    found, queue = [], [pid]
    while queue:
        for child in _children(queue.pop()):
            found.append(child)
            queue.append(child)
    return found


@dataclass
class Background:
    """A process started in a process group of its own, with its output in a log file."""

    process: subprocess.Popen
    log: Path

    def tail(self, lines: int = 60) -> str:
        """The end of the process's output."""
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        """End the process group and the groups of any descendants (flow runs get their own)."""
        own = os.getpgrp()
        groups = set()
        for pid in [self.process.pid, *_descendants(self.process.pid)]:
            with suppress(ProcessLookupError):
                groups.add(os.getpgid(pid))
        groups.discard(own)
        for sig, wait in ((signal.SIGTERM, 20), (signal.SIGKILL, 10)):
            for group in groups:
                with suppress(ProcessLookupError):
                    os.killpg(group, sig)
            try:
                self.process.wait(timeout=wait)
                break
            except subprocess.TimeoutExpired:
                continue


@contextmanager
def background(argv: list[str], env: dict[str, str], log: Path) -> Iterator[Background]:
    """Run ``argv`` in the background for the block's duration; always end it afterwards."""
    with log.open("wb") as out:
        process = subprocess.Popen(
            argv,
            cwd=PROJECT_DIR,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    job = Background(process, log)
    try:
        yield job
    finally:
        job.stop()


def clean_env(home: Path, api_url: str | None = None) -> dict[str, str]:
    """The environment of the Prefect processes: no setting of this session leaks in."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("PREFECT_") and key not in ("DATABASE_URL", "AUTONEWS_PROJECT_DIR")
    }
    env.pop("AUTONEWS_ALERT_WEBHOOK_URL", None)
    env.update(
        DO_NOT_TRACK="1",
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        DBT_SEND_ANONYMOUS_USAGE_STATS="false",
        PREFECT_HOME=str(home),
        PREFECT_UI_ENABLED="false",
    )
    if api_url:
        env["PREFECT_API_URL"] = api_url
    return env


def prefect(*args: str, env: dict[str, str]) -> str:
    """Run a prefect CLI command in the project folder; return its output."""
    result = subprocess.run(
        [PREFECT, *args], cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=180
    )
    assert result.returncode == 0, f"prefect {' '.join(args)}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def wait_for_health(api_url: str, server: Background, timeout: float = 120) -> None:
    """Wait until the server answers its health check."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(f"prefect server exited:\n{server.tail()}")
        try:
            with urllib.request.urlopen(f"{api_url}/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"prefect server did not come up:\n{server.tail()}")


@dataclass
class Deployed:
    """A running Prefect server with `nightly` deployed from prefect.yaml."""

    api_url: str
    home: Path
    server: Background

    @contextmanager
    def client(self) -> Iterator[SyncPrefectClient]:
        """A client of this server (not of the session's test server)."""
        with (
            temporary_settings(updates={PREFECT_API_URL: self.api_url}),
            get_client(sync_client=True) as client,
        ):
            yield client


@pytest.fixture(scope="module")
def deployed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployed]:
    """A fresh server (SQLite in a temporary PREFECT_HOME), the pool, and `nightly` deployed."""
    home = tmp_path_factory.mktemp("prefect-home")
    port = free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    env = {**clean_env(home), **SCHEDULE_AHEAD}
    argv = [PREFECT, "server", "start", "--host", "127.0.0.1", "--port", str(port)]
    with background(argv, env, home / "server.log") as server:
        wait_for_health(api_url, server)
        cli_env = clean_env(home, api_url)
        prefect("work-pool", "create", "autonews", "--type", "process", env=cli_env)
        prefect("--no-prompt", "deploy", "--name", "nightly", env=cli_env)
        yield Deployed(api_url, home, server)


def wait_for_final_state(client: SyncPrefectClient, flow_run_id, timeout: float = 600):
    """Poll a flow run until it reaches a final state; return the run."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        flow_run = client.read_flow_run(flow_run_id)
        if flow_run.state is not None and flow_run.state.is_final():
            return flow_run
        time.sleep(2)
    return client.read_flow_run(flow_run_id)


def test_the_deployment_stores_schedule_pool_and_pull_step(deployed: Deployed) -> None:
    with deployed.client() as client:
        deployment = client.read_deployment_by_name("nightly/nightly")
    assert deployment.work_pool_name == "autonews"
    (schedule,) = deployment.schedules
    assert schedule.active
    assert schedule.schedule.cron == "0 2 * * *"
    assert schedule.schedule.timezone == "Europe/Berlin"
    assert deployment.global_concurrency_limit.limit == 1
    assert deployment.concurrency_options.collision_strategy == "ENQUEUE"
    # The project folder is looked up by the worker when a run starts, not stored.
    steps = str(deployment.pull_steps)
    assert "{{ $AUTONEWS_PROJECT_DIR }}" in steps
    assert str(PROJECT_DIR) not in steps


def test_a_worker_runs_the_deployment_and_fills_the_marts(
    deployed: Deployed, db: str, tmp_path: Path
) -> None:
    with warehouse.connect(db) as conn:
        assert warehouse.mart_row_counts(conn) == {}
    env = clean_env(deployed.home, deployed.api_url)
    env.update(
        AUTONEWS_PROJECT_DIR=str(PROJECT_DIR),
        AUTONEWS_STATE_DIR=str(tmp_path / "state"),
        DATABASE_URL=db,
        PREFECT_WORKER_QUERY_SECONDS="1",
        CI="true",
    )
    argv = [PREFECT, "worker", "start", "--pool", "autonews", "--type", "process"]
    with background(argv, env, tmp_path / "worker.log") as worker:
        with deployed.client() as client:
            deployment = client.read_deployment_by_name("nightly/nightly")
            created = client.create_flow_run_from_deployment(
                deployment.id,
                parameters={"database_url": db, "source_dir": str(SAMPLE_DIR)},
            )
            flow_run = wait_for_final_state(client, created.id)
            artifacts = client.read_artifacts(
                artifact_filter=ArtifactFilter(
                    flow_run_id=ArtifactFilterFlowRunId(any_=[created.id])
                )
            )
        assert flow_run.state.is_completed(), (
            f"{flow_run.state}\nworker:\n{worker.tail()}\nserver:\n{deployed.server.tail()}"
        )
    assert worker.process.poll() is not None, "the worker is still running"

    with psycopg.connect(db) as conn:
        counts = warehouse.mart_row_counts(conn)
        runs = conn.execute("select status, source_dir from meta.runs").fetchall()
    assert runs == [("succeeded", str(SAMPLE_DIR))]
    marts_yaml = DBT_PROJECT_DIR / "models" / "marts" / "_marts__models.yml"
    marts = {m["name"] for m in yaml.safe_load(marts_yaml.read_text())["models"]}
    assert set(counts) == marts
    assert all(n > 0 for n in counts.values()), counts
    (report,) = [a for a in artifacts if a.key == REPORT_ARTIFACT_KEY]
    assert "succeeded" in report.data.splitlines()[0]


def test_the_server_schedules_one_run_per_day_at_two_berlin_time(deployed: Deployed) -> None:
    scheduled = FlowRunFilter(
        state=FlowRunFilterState(type=FlowRunFilterStateType(any_=[StateType.SCHEDULED]))
    )
    runs: list = []
    with deployed.client() as client:
        deployment = client.read_deployment_by_name("nightly/nightly")
        only_nightly = DeploymentFilter(id=DeploymentFilterId(any_=[deployment.id]))
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and len(runs) < 366:
            runs = []
            while batch := client.read_flow_runs(
                flow_run_filter=scheduled,
                deployment_filter=only_nightly,
                offset=len(runs),
                limit=200,
            ):
                runs += batch
            time.sleep(1)
    starts = sorted(run.expected_start_time.astimezone(BERLIN) for run in runs)
    assert len(starts) >= 366, f"{len(starts)} scheduled runs\n{deployed.server.tail()}"
    per_day = Counter(start.date() for start in starts)
    assert set(per_day.values()) == {1}
    off_hour = [s for s in starts if s.time() != clock(2, 0)]
    # Only the spring change day (no 02:00 that night) runs at another time: 01:00 CET.
    assert len(off_hour) in (1, 2) and all(s.time() == clock(1, 0) for s in off_hour)
