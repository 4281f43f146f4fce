"""Progress bars for the long steps, in an interactive terminal only (never in logs or CI)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO


def progress_wanted(stream: TextIO | None = None, environ: dict | None = None) -> bool:
    """Progress bars only in an interactive terminal: stdout is a TTY and CI is not set."""
    stream = sys.stdout if stream is None else stream
    environ = os.environ if environ is None else environ
    if environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


@contextmanager
def step_progress(
    description: str, stream: TextIO | None = None, environ: dict | None = None
) -> Iterator[Callable[[int, int], None] | None]:
    """A rich progress bar for a long step; yields ``update(done, total)``, or None when quiet."""
    stream = sys.stdout if stream is None else stream
    if not progress_wanted(stream, environ):
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.fields[count]}"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=Console(file=stream), transient=True) as progress:
        task = progress.add_task(description, total=None, count="")

        def update(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total or None, count=f"{done}/{total}")

        yield update
