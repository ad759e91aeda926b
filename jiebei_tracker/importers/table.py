"""Text → rows with the line each starts on: the separator, the header row (found by its column names, after any
title lines), and the blank, separator and summary lines that are not data."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from jiebei_tracker.importers.errors import ImportFailure

# In the order a tie is broken: comma first, as most files are comma-separated.
DELIMITERS = {",": "comma", "\t": "tab", ";": "semicolon", "|": "pipe"}
_DELIMITER_NAMES = {
    "comma": ",",
    "tab": "\t",
    "\\t": "\t",
    "semicolon": ";",
    "pipe": "|",
    "，": ",",
    "；": ";",
    "｜": "|",
}
# Alipay puts about 24 lines of notes before its header row; others put a title or two.
HEADER_SCAN_ROWS = 100
# A header row names at least this many known columns.
MIN_HEADER_NAMES = 2

_SEPARATOR_LINE = re.compile(r"^[-=_*~—－─━·.\s]+$")
_SUMMARY_LINE = re.compile(r"^(合计|总计|小计|汇总|统计|共\s*\d+\s*(笔|条|行)|(total|sum)\b)", re.IGNORECASE)


@dataclass(frozen=True)
class RawRow:
    """The cells of one row (padding removed) and the line a text editor shows where the row starts."""

    line: int
    cells: list[str]


@dataclass(frozen=True)
class SkippedLine:
    line: int
    why: str  # "blank", "separator", "summary"


def delimiter_option(text: str, *, file_name: str) -> str:
    """The separator a user names: ``,`` ``;`` ``|`` a tab, or comma / tab / semicolon / pipe."""
    if text in DELIMITERS:
        return text
    found = _DELIMITER_NAMES.get(text.strip().lower())
    if found is None:
        raise ImportFailure(file_name, f"unknown separator {text!r} (use comma, tab, semicolon or pipe)")
    return found


def read_rows(text: str, delimiter: str, *, file_name: str) -> Iterator[RawRow]:
    """Every row, blank ones included, with quoted separators and line breaks kept inside their cell."""
    # newline="" hands the csv module \r, \n and \r\n line ends untouched, so its line count is an editor's.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, skipinitialspace=True)
    previous = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise ImportFailure(file_name, f"cannot be split into cells: {error}", line=previous + 1) from None
        yield RawRow(previous + 1, [cell.strip() for cell in cells])
        previous = reader.line_num


def line_kind(cells: list[str]) -> str | None:
    """Why a row after the header is not data ("blank", "separator", "summary"), or None for a data row."""
    filled = [cell for cell in cells if cell]
    if not filled:
        return "blank"
    if all(_SEPARATOR_LINE.match(cell) for cell in filled):
        return "separator"
    if _SUMMARY_LINE.match(filled[0]) and len(filled) <= max(2, len(cells) // 2):
        return "summary"
    return None


@dataclass
class HeaderFound:
    delimiter: str
    row: RawRow


def find_header(
    text: str,
    *,
    file_name: str,
    score: Callable[[list[str]], int],
    delimiter: str | None = None,
    header_line: int | None = None,
    expected: str = "",
) -> HeaderFound:
    """The separator and the header row. The header is the first row naming ``MIN_HEADER_NAMES`` known columns
    (``score`` counts them); without a given separator, the one whose header names the most columns wins."""
    candidates = [delimiter] if delimiter else list(DELIMITERS)
    best: tuple[int, HeaderFound] | None = None
    for candidate in candidates:
        found = _header_with(text, candidate, file_name, score, header_line)
        if found is None:
            continue
        points = score(found.row.cells)
        if best is None or points > best[0]:
            best = (points, found)
    if best is not None:
        return best[1]
    if header_line is not None:
        raise ImportFailure(file_name, f"no row starts on line {header_line}", line=header_line)
    hint = f" such as {expected}" if expected else ""
    raise ImportFailure(
        file_name,
        f"no header row found in the first {HEADER_SCAN_ROWS} rows: expected column names{hint}",
    )


def _header_with(text, delimiter, file_name, score, header_line) -> HeaderFound | None:
    for index, row in enumerate(read_rows(text, delimiter, file_name=file_name)):
        if header_line is not None:
            if row.line == header_line:
                return HeaderFound(delimiter, row)
            if row.line > header_line:
                return None
        elif score(row.cells) >= MIN_HEADER_NAMES:
            return HeaderFound(delimiter, row)
        if index >= HEADER_SCAN_ROWS and header_line is None:
            return None
    return None


@dataclass
class DataRows:
    """The rows after the header, with the lines that were not data noted in ``skipped`` as they go by."""

    text: str
    delimiter: str
    header_line: int
    file_name: str
    skipped: list[SkippedLine] = field(default_factory=list)

    def __iter__(self) -> Iterator[RawRow]:
        self.skipped.clear()
        for row in read_rows(self.text, self.delimiter, file_name=self.file_name):
            if row.line <= self.header_line:
                continue
            why = line_kind(row.cells)
            if why is None:
                yield row
            else:
                self.skipped.append(SkippedLine(row.line, why))


def preview_rows(text: str, delimiter: str, *, file_name: str, limit: int = 200) -> tuple[list[RawRow], bool]:
    """The first ``limit`` rows of the file, title lines included (for the wizard's preview); and whether
    the file goes on past them."""
    rows: list[RawRow] = []
    try:
        for row in read_rows(text, delimiter, file_name=file_name):
            if len(rows) == limit:
                return rows, True
            rows.append(row)
    except ImportFailure:
        pass  # the preview shows what could be split; the import itself reports the error with its line
    return rows, False
