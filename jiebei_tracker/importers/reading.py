"""A whole file read: bytes → decoded text → separator and header row → column map → records and row errors."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from jiebei_tracker.importers.alipay import wrong_file_hint
from jiebei_tracker.importers.columns import COLUMNS, FileKind, guess_kind, normalize_header, recognised_count
from jiebei_tracker.importers.decoding import Decoded, decode
from jiebei_tracker.importers.errors import ImportFailure, RowError
from jiebei_tracker.importers.mapping import ColumnMap, map_columns
from jiebei_tracker.importers.rows import parse_rows
from jiebei_tracker.importers.table import DELIMITERS, DataRows, SkippedLine, delimiter_option, find_header


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
    skipped: list[SkippedLine] = field(default_factory=list)

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


def _scorer(kind: FileKind | None, overrides: Mapping[str, str] | None):
    known = {normalize_header(text) for text, target in (overrides or {}).items() if target}
    kinds = [kind] if kind else list(FileKind)

    def score(cells: list[str]) -> int:
        extra = sum(1 for cell in cells if cell and normalize_header(cell) in known)
        return max(recognised_count(k, cells) for k in kinds) + extra

    return score


def _expected(kind: FileKind | None) -> str:
    kinds = [kind] if kind else list(FileKind)
    names = [f"{c.name}/{c.aliases[0]}" for k in kinds for c in COLUMNS[k] if c.required][:6]
    return ", ".join(names)


def read_layout(decoded: Decoded, *, file_name: str, options: ReadOptions, strict: bool = True) -> Layout:
    """Find the separator and header row of ``decoded`` and map its columns (the kind is guessed if not given).
    With ``strict`` off, a column mapping that is not complete yet comes back with its problems."""
    delimiter = delimiter_option(options.delimiter, file_name=file_name) if options.delimiter else None
    try:
        found = find_header(
            decoded.text,
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
        hint = None if options.header_line else wrong_file_hint(decoded.text)
        if hint:
            raise ImportFailure(file_name, hint) from None
        raise
    return Layout(decoded.encoding, decoded.label, found.delimiter, found.row.line, columns)


def read_records(data: bytes, *, file_name: str, options: ReadOptions, today: date) -> ReadResult:
    """Read and check every row of the file. Raises ImportFailure when the file as a whole cannot be read."""
    decoded = decode(data, file_name=file_name, encoding=options.encoding)
    layout = read_layout(decoded, file_name=file_name, options=options)
    rows = DataRows(decoded.text, layout.delimiter, layout.header_line, file_name)
    records, errors, count = parse_rows(layout.columns, rows, today=today)
    layout.skipped = list(rows.skipped)
    return ReadResult(layout, records, errors, count)
