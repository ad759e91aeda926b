"""Text → rows with the line each starts on: the separator, the header row (found by its column names, after any
title lines), and the blank, separator and summary lines that are not data."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from jiebei_tracker.importers.decoding import Foreign, TextLines
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
# A cell a spreadsheet would run as a formula starts with one of these; exports put a ' before it (see export.py).
FORMULA_STARTS = "=+-@\t\r"
_PROTECTED = re.compile(f"'+[{re.escape(FORMULA_STARTS)}]")

Text = str | TextLines  # a whole file's text, or its lines read as they are needed


@dataclass(frozen=True)
class RawRow:
    """The cells of one row (padding removed) and the line a text editor shows where the row starts.
    ``foreign``: the row (a line of it) is in another encoding than the file's."""

    line: int
    cells: list[str]
    foreign: Foreign | None = None


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


def unprotect(cell: str) -> str:
    """A cell as it was before an export protected it from spreadsheets: ``'=1+2`` → ``=1+2`` (one ' taken off a
    cell that starts with ' and then one of = + - @ tab CR; ``''=1`` was ``'=1``)."""
    return cell[1:] if cell[:1] == "'" and _PROTECTED.match(cell) else cell


def read_rows(text: Text, delimiter: str, *, file_name: str) -> Iterator[RawRow]:
    """Every row, blank ones included, with quoted separators and line breaks kept inside their cell."""
    # newline="" hands the csv module \r, \n and \r\n line ends untouched, so its line count is an editor's.
    if isinstance(text, str):
        lines, foreign = io.StringIO(text, newline=""), []
    else:
        lines, foreign = text.reader()
    reader = csv.reader(lines, delimiter=delimiter, skipinitialspace=True)
    previous = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise ImportFailure(file_name, f"cannot be split into cells: {error}", line=previous + 1) from None
        cells = [unprotect(c) if (c := cell.strip())[:1] == "'" else c for cell in cells]
        if foreign:  # the csv module reads no further than the row's last line, so these lines are the row's
            yield RawRow(previous + 1, cells, foreign[0])
            foreign.clear()
        else:
            yield RawRow(previous + 1, cells)
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
    text: Text,
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
        if best[1].row.foreign is not None:
            raise best[1].row.foreign.failure(file_name)
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


# A file of a million blank lines is summed up, not listed: the first lines skipped for each reason are kept.
SKIPPED_KEPT = 100


@dataclass
class DataRows:
    """The rows after the header, with the lines that were not data noted as they go by: how many for each
    reason in ``skipped_counts``, the first ``SKIPPED_KEPT`` of each in ``skipped``."""

    text: Text
    delimiter: str
    header_line: int
    file_name: str
    skipped: list[SkippedLine] = field(default_factory=list)
    skipped_counts: Counter = field(default_factory=Counter)

    def __iter__(self) -> Iterator[RawRow]:
        self.skipped.clear()
        self.skipped_counts.clear()
        for row in read_rows(self.text, self.delimiter, file_name=self.file_name):
            if row.line <= self.header_line:
                continue
            why = line_kind(row.cells)
            if why is None:
                yield row
            else:
                self.skipped_counts[why] += 1
                if self.skipped_counts[why] <= SKIPPED_KEPT:
                    self.skipped.append(SkippedLine(row.line, why))


def preview_rows(text: Text, delimiter: str, *, file_name: str, limit: int = 200) -> tuple[list[RawRow], bool]:
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
