"""What an import reports: a bad value in a row (``FILE:LINE: column 'X': reason``) or a file it cannot read."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# The issue asks for every error at once, but a file with 50,000 bad rows would bury the first ones.
MAX_LISTED_ERRORS = 100


@dataclass(frozen=True, order=True)
class RowError:
    """A value the importer cannot use. ``line`` is the line a text editor shows where the row starts;
    ``column`` is the column's name as the file writes it."""

    line: int
    column: str
    reason: str

    def message(self, file_name: str) -> str:
        return f"{file_name}:{self.line}: column '{self.column}': {self.reason}"


class ImportFailure(Exception):
    """The file as a whole cannot be imported: not text, no header row, a required column missing, …"""

    def __init__(self, file_name: str, reason: str, *, line: int | None = None) -> None:
        self.file_name = file_name
        self.reason = reason
        self.line = line
        super().__init__(self.message())

    def message(self) -> str:
        where = self.file_name if self.line is None else f"{self.file_name}:{self.line}"
        return f"{where}: {self.reason}"


class ImportCancelled(Exception):
    """The user cancelled while the import was being written; nothing of it was kept."""


def error_report(errors: Iterable[RowError], file_name: str, *, limit: int = MAX_LISTED_ERRORS) -> list[str]:
    """The first ``limit`` errors as messages, then one line saying how many more there are."""
    ordered = sorted(errors, key=lambda error: error.line)  # stable: a row's errors stay in column order
    lines = [error.message(file_name) for error in ordered[:limit]]
    if len(ordered) > limit:
        lines.append(f"{file_name}: … and {len(ordered) - limit} more errors ({len(ordered)} in all)")
    return lines
