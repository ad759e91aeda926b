"""What an import reports: a bad value in a row (``FILE:LINE: column 'X': reason``), a value read otherwise than it is
written (a notice: ``随借随还`` read as 先息后本), or a file it cannot read."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

# The issue asks for every error at once, but a file with 50,000 bad rows would bury the first ones.
MAX_LISTED_ERRORS = 100
# What a check of a file keeps of its errors (the first ones by line; the others are only counted): enough for the
# wizard to mark the rows it shows, while a file of a million bad rows costs no more memory than a good one.
MAX_KEPT_ERRORS = 1000


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


def file_changed(file_name: str) -> ImportFailure:
    """The file is not the one that was checked: nothing of it may be written."""
    return ImportFailure(file_name, "the file changed since it was checked; check it again")


class ImportCancelled(Exception):
    """The user cancelled while the import was being written; nothing of it was kept."""


def _more(file_name: str, hidden: int, total: int) -> str:
    return f"{file_name}: … and {hidden} more errors ({total} in all)"


def error_report(
    errors: Iterable[RowError],
    file_name: str,
    *,
    limit: int = MAX_LISTED_ERRORS,
    total: int | None = None,
    message: Callable[[RowError, str], str] = RowError.message,
    more: Callable[[str, int, int], str] = _more,
) -> list[str]:
    """The first ``limit`` errors as messages, then one line saying how many more there are (``total``: how many
    there were in all, when ``errors`` holds only the first of them). ``message`` and ``more`` word them (the
    window says them in its language)."""
    ordered = sorted(errors, key=lambda error: error.line)  # stable: a row's errors stay in column order
    total = len(ordered) if total is None else total
    lines = [message(error, file_name) for error in ordered[:limit]]
    if total > limit:
        lines.append(more(file_name, total - limit, total))
    return lines


class ErrorSink(Protocol):
    """Where a check puts the row errors it finds: a list, or an ErrorLog."""

    def append(self, error: RowError, /) -> None: ...


class ErrorLog:
    """A file's row errors as a check finds them: the first ``keep`` by line (a row's own in the order found),
    and how many there were in all."""

    def __init__(self, keep: int = MAX_KEPT_ERRORS) -> None:
        self.total = 0
        self._keep = keep
        self._kept: list[RowError] = []

    def append(self, error: RowError) -> None:
        self.total += 1
        self._kept.append(error)
        if len(self._kept) >= 2 * self._keep:
            self._trim()

    def first(self) -> list[RowError]:
        self._trim()
        return list(self._kept)

    def _trim(self) -> None:
        self._kept.sort(key=lambda error: error.line)  # stable: errors of one line stay in the order found
        del self._kept[self._keep :]


# A notice lists at most this many of the lines it was given for; the others are counted.
NOTICE_LINES_SHOWN = 10


@dataclass(frozen=True)
class RowNotice:
    """A value read otherwise than it is written, which the user should know about (随借随还 read as 先息后本):
    the line and column, and what was done, in both languages the app ships."""

    line: int
    column: str
    zh_CN: str
    en: str


@dataclass
class NoticeGroup:
    """One notice as it was given for one or more rows: the column, what was done, the first lines, how many rows."""

    column: str
    zh_CN: str
    en: str
    lines: list[int]
    count: int = 0

    def text(self, language: str = "en") -> str:
        return self.zh_CN if language.startswith("zh") else self.en

    def message(self, file_name: str, language: str = "en") -> str:
        """``FILE:LINE: column 'X': what was done``, then the other lines it was given for."""
        first, others = self.lines[0], [str(line) for line in self.lines[1:]]
        more = self.count > len(self.lines)
        if language.startswith("zh"):
            also = "、".join(others)
            tail = f"（另见第 {also} 行{'等' if more else ''}，共 {self.count} 行）" if others else ""
            return f"{file_name}:{first}：“{self.column}”列：{self.zh_CN}{tail}"
        also = ", ".join(others) + (" …" if more else "")
        tail = f" (also lines {also}; {self.count} rows)" if others else ""
        return f"{file_name}:{first}: column '{self.column}': {self.en}{tail}"


class NoticeLog:
    """A file's notices as a check finds them, alike ones grouped (a column of 随借随还 is one notice with its
    lines): the first ``keep`` different notices, and how many notices there were in all."""

    def __init__(self, keep: int = MAX_KEPT_ERRORS) -> None:
        self.total = 0
        self._keep = keep
        self._groups: dict[tuple[str, str], NoticeGroup] = {}

    def append(self, notice: RowNotice) -> None:
        self.total += 1
        group = self._groups.get((notice.column, notice.en))
        if group is None:
            if len(self._groups) >= self._keep:
                return
            group = self._groups[notice.column, notice.en] = NoticeGroup(notice.column, notice.zh_CN, notice.en, [])
        group.count += 1
        if len(group.lines) < NOTICE_LINES_SHOWN:
            group.lines.append(notice.line)

    def groups(self) -> list[NoticeGroup]:
        """The notices kept, by the first line each was given for."""
        return sorted(self._groups.values(), key=lambda group: group.lines[0])


def notice_report(
    groups: Iterable[NoticeGroup], file_name: str, *, language: str = "en", limit: int = MAX_LISTED_ERRORS
) -> list[str]:
    """The first ``limit`` notices as messages, then one line saying how many more there are."""
    groups = list(groups)
    lines = [group.message(file_name, language) for group in groups[:limit]]
    if len(groups) > limit:
        rest = len(groups) - limit
        zh = language.startswith("zh")
        lines.append(f"{file_name}：另有 {rest} 条说明未列出" if zh else f"{file_name}: … and {rest} more notices")
    return lines
