"""Progress bars for the long steps: in an interactive terminal only, never in logs or CI."""

from __future__ import annotations

import io
import os
import select
import time
from collections.abc import Callable

from flows.progress import progress_wanted, step_progress


def _read_all(fd: int, wait: float = 0.5) -> str:
    """Everything written to the master side of a pty so far."""
    chunks = []
    while select.select([fd], [], [], wait)[0]:
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
        wait = 0.1
    return b"".join(chunks).decode(errors="replace")


def test_progress_bars_only_when_stdout_is_a_terminal_and_ci_is_not_set() -> None:
    master, slave = os.openpty()
    try:
        with os.fdopen(slave, "w") as tty:
            assert progress_wanted(tty, {})
            assert progress_wanted(tty, {"CI": ""})
            assert not progress_wanted(tty, {"CI": "true"})
            assert not progress_wanted(tty, {"CI": "1"})
            assert not progress_wanted(io.StringIO(), {})

            with step_progress("extract", stream=tty, environ={}) as update:
                assert isinstance(update, Callable)
                update(3, 10)
                time.sleep(0.3)
            tty.flush()
            drawn = _read_all(master)
            assert "extract" in drawn and "3/10" in drawn

            with step_progress("extract", stream=tty, environ={"CI": "true"}) as update:
                assert update is None
            tty.flush()
            assert _read_all(master, wait=0.2) == ""
    finally:
        os.close(master)


def test_no_progress_bars_in_logs() -> None:
    log = io.StringIO()
    with step_progress("dbt build", stream=log, environ={}) as update:
        assert update is None
    assert log.getvalue() == ""
