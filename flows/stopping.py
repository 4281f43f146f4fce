"""Stopping a run on request: SIGTERM or Ctrl-C ends it within seconds, whatever step it is in.

While a run is under ``stop_on_signals``, SIGTERM and SIGINT raise ``RunCancelled`` in the main
thread, where every step runs. It is a KeyboardInterrupt, so the libraries in the way treat it
as one: psycopg cancels the query in progress on the server, dbt cancels its connections, and
each step's open transaction rolls back, so nothing half-written stays. On its way out it
kills the extraction workers (flows.workers) and the story signing processes, and
``recorded_run`` closes the run's record in meta.runs as 'cancelled'. A second signal while
stopping is ignored: the first one's cleanup runs to its end.

For `autonews run`, ``exit_within`` also arms a deadline: whatever still holds the process
(Prefect reporting the stop to an API that went down with the same Ctrl-C, and retrying), it
exits 8 seconds after the request at the latest, and 2 seconds after the run's record is
written, with the exit status a death by that signal would have: 128 + the signal's number
(130 for Ctrl-C, 143 for SIGTERM).
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# Seconds from the stop request to the process's exit at the latest (`autonews run`).
STOP_DEADLINE_SECONDS = 8.0
SIGNALS = (signal.SIGTERM, signal.SIGINT)


class RunCancelled(KeyboardInterrupt):
    """The run was asked to stop (SIGTERM or Ctrl-C)."""

    def __init__(self, signum: int) -> None:
        super().__init__(f"stopped on request ({signal.Signals(signum).name})")
        self.signum = signum

    @property
    def exit_status(self) -> int:
        """128 + the signal's number, as if the signal had ended the process."""
        return 128 + self.signum


# Once the run's own cleanup is done (its record written), Prefect may report the stop to its
# API for this many seconds more: an API that went down with the same Ctrl-C is retried for
# much longer.
SETTLED_GRACE_SECONDS = 2.0


class _State:
    requested: int | None = None
    depth = 0
    # Seconds a stop request leaves the process (`autonews run`), None: no deadline.
    deadline: float | None = None
    # When the process exits at the latest (time.monotonic), once a stop is requested.
    exit_at: float | None = None
    at_deadline: list[Callable[[], object]] = []


def requested() -> int | None:
    """The signal that asked the run to stop, if one did."""
    return _State.requested


def check() -> None:
    """Raise RunCancelled when a stop was requested (for code that swallowed the first one)."""
    if _State.requested is not None:
        raise RunCancelled(_State.requested)


def _handle(signum: int, frame: object) -> None:
    """The signal handler: the first request raises RunCancelled, later ones are ignored."""
    if _State.requested is not None:
        return
    _State.requested = signum
    if _State.deadline is not None:
        _arm_deadline(signum, _State.deadline)
    raise RunCancelled(signum)


def _arm_deadline(signum: int, seconds: float) -> None:
    """Exit the process ``seconds`` from now (or sooner, see settled), whatever it does then."""
    _State.exit_at = time.monotonic() + seconds

    def expire() -> None:
        while (left := (_State.exit_at or 0) - time.monotonic()) > 0:
            time.sleep(min(left, 0.1))
        for callback in _State.at_deadline:
            with contextlib.suppress(Exception):  # exiting regardless
                callback()
        os.write(2, b"run stopped on request: exiting without waiting longer for the Prefect API\n")
        os._exit(128 + signum)

    threading.Thread(target=expire, name="stop-deadline", daemon=True).start()


def settled(grace: float = SETTLED_GRACE_SECONDS) -> None:
    """The run's own cleanup is done: leave at most ``grace`` seconds to the rest."""
    if _State.exit_at is not None:
        _State.exit_at = min(_State.exit_at, time.monotonic() + grace)


def at_deadline(callback: Callable[[], object]) -> None:
    """Call ``callback`` before the process exits at a stop's deadline (end a child process)."""
    _State.at_deadline.append(callback)


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """SIGTERM and SIGINT raise RunCancelled in the block (main thread only; nests)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    if _State.depth == 0:
        _State.requested = None
    previous = {signum: signal.signal(signum, _handle) for signum in SIGNALS}
    _State.depth += 1
    try:
        yield
    finally:
        _State.depth -= 1
        for signum, handler in previous.items():
            signal.signal(signum, handler)


@contextmanager
def exit_within(seconds: float = STOP_DEADLINE_SECONDS) -> Iterator[None]:
    """Like stop_on_signals, and a stop request ends the process ``seconds`` later at most."""
    _State.deadline = seconds
    try:
        with stop_on_signals():
            yield
    finally:
        _State.deadline = None


def is_stop(exc: BaseException) -> bool:
    """Whether ``exc`` is a stop request: ours, a bare Ctrl-C, or Prefect's SIGTERM bridge."""
    from prefect.exceptions import TerminationSignal

    return isinstance(exc, KeyboardInterrupt | TerminationSignal)


def stop_status(exc: BaseException) -> int:
    """The exit status of a run ended by the stop request ``exc``: 128 + the signal number."""
    if isinstance(exc, RunCancelled):
        return exc.exit_status
    signum = getattr(exc, "signal", None)
    return 128 + (signum if isinstance(signum, int) else signal.SIGINT)
