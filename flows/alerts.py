"""Failure alerts: a failed nightly run POSTs a JSON message to a configurable webhook."""

from __future__ import annotations

import json
import logging
import os
import threading
import urllib.error
import urllib.request
from typing import Any

WEBHOOK_ENV = "AUTONEWS_ALERT_WEBHOOK_URL"
TIMEOUT_SECONDS = 10.0

log = logging.getLogger("autonews.alerts")

# Reports of the runs in flight in this process, by flow run id, for the failure hook.
_reports: dict[str, Any] = {}
_lock = threading.Lock()


def webhook_url() -> str | None:
    """The webhook alerts go to, from AUTONEWS_ALERT_WEBHOOK_URL; None when unset."""
    return os.environ.get(WEBHOOK_ENV, "").strip() or None


def remember_report(flow_run_id: object, report: Any) -> None:
    """Keep a run's report so that the failure hook can send it along."""
    with _lock:
        _reports[str(flow_run_id)] = report


def forget_report(flow_run_id: object) -> Any:
    """Drop and return the report kept for a flow run (None if there is none)."""
    with _lock:
        return _reports.pop(str(flow_run_id), None)


def error_message(state: Any, report: Any = None) -> str:
    """The error of a failed run: the report's, else the state's exception, else its message."""
    if report is not None and getattr(report, "error", None):
        return report.error
    try:
        error = state.result(raise_on_failure=False)
    except Exception:  # the result may not be retrievable; the message still is
        error = None
    if isinstance(error, BaseException):
        return f"{type(error).__name__}: {error}"
    return state.message or state.name or "unknown error"


def alert_payload(flow_name: str, flow_run: Any, state: Any, report: Any = None) -> dict:
    """The JSON body of a failure alert; `text` makes it readable as a Slack/Mattermost message."""
    error = error_message(state, report)
    report_json = report.as_json() if report is not None else None
    return {
        "text": f"autonews: {flow_name} run {flow_run.name!r} {state.name.lower()}: {error}",
        "flow_name": flow_name,
        "flow_run_id": str(flow_run.id),
        "flow_run_name": flow_run.name,
        "deployment_id": str(flow_run.deployment_id) if flow_run.deployment_id else None,
        "state": state.name,
        "state_type": state.type.value,
        "error": error,
        "report": report_json,
    }


def post_json(url: str, payload: dict, timeout: float = TIMEOUT_SECONDS) -> int:
    """POST ``payload`` as JSON to ``url``; return the HTTP status."""
    body = json.dumps(payload, default=str).encode()
    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={"Content-Type": "application/json", "User-Agent": "autonews-alerts"},
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.status


def notify_failure(flow: Any, flow_run: Any, state: Any) -> None:
    """Prefect on_failure hook: send the alert; never raise, the run's own error is what counts."""
    report = forget_report(flow_run.id)
    url = webhook_url()
    if url is None:
        return
    try:
        status = post_json(url, alert_payload(flow.name, flow_run, state, report))
        log.info("failure alert sent (HTTP %s)", status)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        log.warning("failure alert could not be sent to the webhook: %s", exc)
