"""The Prefect API a run reports to: a server named by PREFECT_API_URL, or a local one.

A run starts only once its API answers on /health. Without PREFECT_API_URL it starts Prefect's
local API server (SQLite in PREFECT_HOME, migrated on its first start) and waits for it for up
to PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS, instead of racing it. An API that cannot
start or does not answer ends the run before it begins, with a message that says so.
"""

from __future__ import annotations

import atexit
import os
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import httpx

from flows import stopping

if TYPE_CHECKING:
    from prefect.server.api.server import SubprocessASGIServer

POLL_SECONDS = 0.2
# uvicorn exits with 3 when its start-up fails: a port taken meanwhile (then try another one)
# or the application's own start-up (a database it cannot open or migrate).
STARTUP_FAILED = 3
HINT = (
    "on a slow machine, set PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS higher; "
    "or set PREFECT_API_URL to a running Prefect server"
)


class PrefectApiUnavailable(RuntimeError):
    """The Prefect API could not be started or does not answer."""


def startup_timeout() -> float:
    """Seconds to wait for the Prefect API (Prefect's ephemeral start-up timeout setting)."""
    from prefect.settings import PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS

    return float(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value())


def ensure_api(timeout: float | None = None) -> str:
    """Make sure the Prefect API answers, starting the local server if none is configured."""
    return begin_api(timeout)()


def begin_api(timeout: float | None = None) -> Callable[[], str]:
    """Start the local API server if none is configured; return the wait for it to answer.

    Splitting the start from the wait lets the caller import the flow's modules while the
    server process starts (seconds of a run's fixed cost on a cold interpreter).
    """
    from prefect.settings import PREFECT_API_URL

    timeout = startup_timeout() if timeout is None else timeout
    url = PREFECT_API_URL.value()
    if url:

        def wait_configured() -> str:
            wait_for_configured_api(url, timeout)
            return url

        return wait_configured
    return _begin_local_api(timeout)


def wait_for_configured_api(url: str, timeout: float) -> None:
    """Wait until the API at PREFECT_API_URL passes Prefect's health check."""
    from prefect.client.orchestration import get_client

    deadline = time.monotonic() + timeout
    while True:
        with get_client(sync_client=True) as client:
            error = client.api_healthcheck()
        if error is None:
            return
        if time.monotonic() >= deadline:
            raise PrefectApiUnavailable(
                f"the Prefect API at {url} did not answer within {timeout:.0f} s "
                f"({type(error).__name__}: {error}); check PREFECT_API_URL and that the "
                "server runs"
            )
        time.sleep(1)


def _healthy(client: httpx.Client, api_url: str) -> bool:
    """Whether the API at ``api_url`` answers its health check."""
    try:
        return client.get(f"{api_url}/health", timeout=5).status_code == 200
    except httpx.HTTPError:
        return False


def start_local_api(timeout: float) -> str:
    """Start Prefect's local API server, wait until it is healthy and return its URL."""
    return _begin_local_api(timeout)()


def _begin_local_api(timeout: float) -> Callable[[], str]:
    """Start Prefect's local API server; return the wait until it is healthy (with its URL).

    The server is the instance Prefect's own clients reuse, so the flow reports to it. Prefect's
    SubprocessASGIServer.start counts only its sleeps against the timeout and keeps waiting
    when the server process has died; this loop waits on the wall clock and stops as soon as
    the process exits, with its exit code.
    """
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    if server.running:
        return lambda: server.api_url
    home = os.environ.get("PREFECT_HOME", "~/.prefect")
    server.port = server.find_available_port()
    server.server_process = server._run_uvicorn_command()
    server.running = True
    atexit.register(server.stop)
    # A run stopped on request may exit without its exit handlers (flows.stopping).
    stopping.at_deadline(lambda: server.server_process and server.server_process.terminate())
    started = time.monotonic()

    def wait() -> str:
        # One client for all polls: a new httpx client loads the CA bundle each time (0.2 s of
        # CPU per poll, measured), taken from the server process starting on the same cores.
        with httpx.Client() as client:
            _wait_until_healthy(client, server, started, timeout, home)
        return server.api_url

    return wait


def _wait_until_healthy(
    client: httpx.Client, server: SubprocessASGIServer, started: float, timeout: float, home: str
) -> None:
    """Poll the starting server until it answers; restart it on a taken port, fail on exit."""
    while not _healthy(client, server.api_url):
        code = server.server_process.poll()
        if code == STARTUP_FAILED and not server.is_port_available(server.port):
            server.port = server.find_available_port()
            server.server_process = server._run_uvicorn_command()
            continue
        if code is not None:
            server.stop()
            raise PrefectApiUnavailable(
                f"the local Prefect API server exited with code {code} while starting "
                f"(Prefect home {home}); its output is above"
            )
        if time.monotonic() - started > timeout:
            server.stop()
            raise PrefectApiUnavailable(
                f"the local Prefect API server did not answer within {timeout:.0f} s "
                f"(Prefect home {home}); {HINT}"
            )
        time.sleep(POLL_SECONDS)
