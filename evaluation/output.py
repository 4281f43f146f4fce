"""How the evaluation prints: tables on a wide terminal, one-line notes, and the list of misses."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rich.console import Console
from rich.table import Table

WIDTH = 200


@dataclass
class Output:
    """The console the tables go to, and whether every miss is listed too (`-v`)."""

    verbose: bool = False
    console: Console = field(default_factory=lambda: Console(width=WIDTH))

    def note(self, message: str) -> None:
        """A one-line note, such as a set that is absent."""
        self.console.print(f"[dim]{message}[/dim]", highlight=False)

    def line(self, message: str) -> None:
        """A line of plain text (no markup is read from it)."""
        self.console.print(message, highlight=False, markup=False, soft_wrap=True)

    def table(
        self,
        title: str,
        columns: Sequence[str],
        rows: Iterable[Sequence[str]],
        fold: bool = False,
    ) -> None:
        """A table; numbers right-aligned, or long text folded over lines when ``fold``."""
        table = Table(title=title)
        for column in columns:
            if fold:
                table.add_column(column, overflow="fold")
            else:
                table.add_column(column, justify="right")
        for row in rows:
            table.add_row(*row)
        self.console.print(table)

    def misses(self, lines: Iterable[str]) -> None:
        """Every miss and extra, one a line, when the listing was asked for."""
        if self.verbose:
            for text in lines:
                self.line(text)
