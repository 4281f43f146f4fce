"""Failure alerts: a nightly run that fails for real POSTs JSON to the configured webhook."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import psycopg
import pytest
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

from flows import alerts
from flows.nightly import REPORT_ARTIFACT_KEY, nightly


@dataclass
class Webhook:
    """A local HTTP server that records the JSON bodies POSTed to it."""

    url: str
    received: list[dict] = field(default_factory=list)
    headers: list[dict] = field(default_factory=list)


@pytest.fixture
def webhook() -> Iterator[Webhook]:
    """An http.server in a thread, answering 204 to every POST."""
    hook = Webhook(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (the name http.server calls)
            body = self.rfile.read(int(self.headers["Content-Length"]))
            hook.headers.append(dict(self.headers))
            hook.received.append(json.loads(body))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args) -> None:
            """Keep the test output quiet."""

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    hook.url = f"http://127.0.0.1:{server.server_address[1]}/hooks/autonews"
    try:
        yield hook
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def closed_port() -> int:
    """A localhost port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fail_a_run(db: str, tmp_path: Path):
    """Run the nightly flow over a folder that does not exist; return its final state."""
    state = nightly(source_dir=str(tmp_path / "missing"), database_url=db, return_state=True)
    assert state.is_failed()
    return state


def test_a_failed_run_posts_its_name_state_error_and_report(
    db: str, tmp_path: Path, webhook: Webhook, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(alerts.WEBHOOK_ENV, webhook.url)
    state = fail_a_run(db, tmp_path)

    assert len(webhook.received) == 1
    assert webhook.headers[0]["Content-Type"] == "application/json"
    alert = webhook.received[0]
    with get_client(sync_client=True) as client:
        flow_run = client.read_flow_run(state.state_details.flow_run_id)
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run.id]))
        )
    assert alert["flow_name"] == "nightly"
    assert alert["flow_run_id"] == str(flow_run.id)
    assert alert["flow_run_name"] == flow_run.name
    assert alert["state"] == "Failed"
    assert alert["state_type"] == "FAILED"
    assert alert["error"].startswith("FileNotFoundError: source folder not found")
    assert flow_run.name in alert["text"] and "source folder not found" in alert["text"]

    report = alert["report"]
    with psycopg.connect(db) as conn:
        run_id, status, error = conn.execute(
            "select run_id, status, error_message from meta.runs"
        ).fetchone()
    assert report["run_id"] == run_id
    assert report["status"] == status == "failed"
    assert report["error"] == error == alert["error"]
    assert report["source_dir"].endswith("missing")
    assert set(report["seconds"]) == {"migrate", "ingest"}
    assert alerts.forget_report(flow_run.id) is None, "the hook keeps no report behind"
    # The failed run has its report artifact too.
    (artifact,) = [a for a in artifacts if a.key == REPORT_ARTIFACT_KEY]
    assert artifact.data.startswith(f"# autonews nightly run {run_id}: failed")
    assert f"**Error:** {error}" in artifact.data


def test_without_a_webhook_nothing_is_sent(
    db: str, tmp_path: Path, webhook: Webhook, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(alerts.WEBHOOK_ENV, raising=False)
    fail_a_run(db, tmp_path)
    assert webhook.received == []


def test_an_unreachable_webhook_does_not_hide_the_runs_own_error(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(alerts.WEBHOOK_ENV, f"http://127.0.0.1:{closed_port()}/hook")
    with pytest.raises(FileNotFoundError, match="source folder not found"):
        nightly(source_dir=str(tmp_path / "missing"), database_url=db)
    with psycopg.connect(db) as conn:
        assert conn.execute("select status from meta.runs").fetchall() == [("failed",)]


def test_a_run_that_fails_before_it_starts_is_alerted_without_a_report(
    tmp_path: Path, webhook: Webhook, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(alerts.WEBHOOK_ENV, webhook.url)
    # A broken database URL: the first step fails before any run is recorded (and the
    # error is not a lost connection, so it is not retried).
    broken = "postgresql://nobody@localhost/autonews?no_such_option=1"
    state = nightly(source_dir=str(tmp_path), database_url=broken, return_state=True)
    assert state.is_failed()
    (alert,) = webhook.received
    assert alert["state"] == "Failed"
    assert "invalid URI query parameter" in alert["error"]
    assert alert["report"] is None
