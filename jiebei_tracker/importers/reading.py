"""A whole file read: bytes → decoded text → separator and header row → column map → records and row errors.
The text is read a line at a time (``decoding.TextLines``); ``read_records`` gathers every record of a file, for
files small enough to hold (imports check a file of any size row by row instead: ``checking.check_file``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date

from jiebei_tracker.importers.alipay import wrong_file_hint
from jiebei_tracker.importers.columns import COLUMNS, FileKind, guess_kind, normalize_header, recognised_count
from jiebei_tracker.importers.decoding import BinarySource, Decoded, TextLines, open_text
from jiebei_tracker.importers.errors import ImportFailure, RowError
from jiebei_tracker.importers.mapping import ColumnMap, map_columns
from jiebei_tracker.importers.rows import parse_rows
from jiebei_tracker.importers.table import DELIMITERS, DataRows, RawRow, SkippedLine, delimiter_option, find_header


@dataclass(frozen=True)
class ReadOptions:
    """What the user chose; None means "detect it". ``columns`` maps header text → canonical name ('' ignores)."""

    kind: FileKind | None = None
    encoding: str | None = None
    delimiter: str | None = None
    header_line: int | None = None
    columns: Mapping[str, str] | None = None

    def __post_init__(self) -> None:
        if self.kind is not None:  # accept "loans" as well as FileKind.LOANS
            object.__setattr__(self, "kind", FileKind(self.kind))


@dataclass
class Layout:
    """How the file was read: what was detected or chosen, for the user to check."""

    encoding: str
    encoding_label: str
    delimiter: str
    header_line: int
    columns: ColumnMap
    skipped: list[SkippedLine] = field(default_factory=list)  # the first lines skipped for each reason
    skipped_counts: Counter = field(default_factory=Counter)  # how many lines were skipped, by reason

    @property
    def kind(self) -> FileKind:
        return self.columns.kind

    @property
    def delimiter_label(self) -> str:
        return DELIMITERS.get(self.delimiter, repr(self.delimiter))

    def describe(self) -> str:
        """One line for the CLI: encoding, separator, header row."""
        titles = f" ({self.header_line - 1} title lines above it ignored)" if self.header_line > 1 else ""
        return f"{self.encoding_label}, {self.delimiter_label}-separated, header on line {self.header_line}{titles}"


@dataclass
class ReadResult:
    layout: Layout
    records: list
    errors: list[RowError]
    rows: int  # data rows read (blank, separator and summary lines not counted)


# A cell longer than this names no column (a note): the header search does not spend time on it.
_LONGEST_HEADER = 100


def _scorer(kind: FileKind | None, overrides: Mapping[str, str] | None):
    known = {normalize_header(text) for text, target in (overrides or {}).items() if target}
    kinds = [kind] if kind else list(FileKind)

    def score(cells: list[str]) -> int:
        cells = [cell for cell in cells if cell and len(cell) <= _LONGEST_HEADER]
        extra = sum(1 for cell in cells if normalize_header(cell) in known)
        return max(recognised_count(k, cells) for k in kinds) + extra

    return score


def _expected(kind: FileKind | None) -> str:
    kinds = [kind] if kind else list(FileKind)
    names = [f"{c.name}/{c.aliases[0]}" for k in kinds for c in COLUMNS[k] if c.required][:6]
    return ", ".join(names)


def read_layout(decoded: Decoded | TextLines, *, file_name: str, options: ReadOptions, strict: bool = True) -> Layout:
    """Find the separator and header row of ``decoded`` and map its columns (the kind is guessed if not given).
    With ``strict`` off, a column mapping that is not complete yet comes back with its problems."""
    delimiter = delimiter_option(options.delimiter, file_name=file_name) if options.delimiter else None
    text = decoded.text if isinstance(decoded, Decoded) else decoded
    try:
        found = find_header(
            text,
            file_name=file_name,
            score=_scorer(options.kind, options.columns),
            delimiter=delimiter,
            header_line=options.header_line,
            expected=_expected(options.kind),
        )
        kind = options.kind or guess_kind(found.row.cells)
        if kind is None:
            raise ImportFailure(
                file_name,
                "cannot tell what the file holds: choose loans, repayments, limits or notes",
                line=found.row.line,
            )
        columns = map_columns(
            kind, found.row.cells, file_name=file_name, line=found.row.line, overrides=options.columns, strict=strict
        )
    except ImportFailure:
        # One of Alipay's exports brought here by mistake deserves better than "missing column": say what it is.
        hint = None if options.header_line else wrong_file_hint(text)
        if hint:
            raise ImportFailure(file_name, hint) from None
        raise
    return Layout(decoded.encoding, decoded.label, found.delimiter, found.row.line, columns)


def foreign_error(row: RawRow, columns: ColumnMap) -> RowError:
    """The error of a row in another encoding than the file's, named by its first cell with non-ASCII text."""
    position = next((i for i, cell in enumerate(row.cells) if not cell.isascii()), 0)
    header = columns.header
    column = header[position] if position < len(header) and header[position] else f"#{position + 1}"
    return RowError(row.line, column, row.foreign.row_reason())


def same_encoding(rows: Iterable[RawRow], columns: ColumnMap, refused: list[RowError]) -> Iterator[RawRow]:
    """The rows in the file's encoding; each row in another one goes into ``refused`` as its error instead."""
    for row in rows:
        if row.foreign is None:
            yield row
        else:
            refused.append(foreign_error(row, columns))


def read_records(data: BinarySource, *, file_name: str, options: ReadOptions, today: date) -> ReadResult:
    """Read and check every row of the file. Raises ImportFailure when the file as a whole cannot be read."""
    text = open_text(data, file_name=file_name, encoding=options.encoding)
    layout = read_layout(text, file_name=file_name, options=options)
    rows = DataRows(text, layout.delimiter, layout.header_line, file_name)
    refused: list[RowError] = []
    records, errors, count = parse_rows(layout.columns, same_encoding(rows, layout.columns, refused), today=today)
    layout.skipped, layout.skipped_counts = list(rows.skipped), Counter(rows.skipped_counts)
    errors = sorted(refused + errors, key=lambda error: error.line) if refused else errors
    return ReadResult(layout, records, errors, count + len(refused))
