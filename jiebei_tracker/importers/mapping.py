"""Which cell of a row holds which column: found from the header row, or from a profile the user saved."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from jiebei_tracker.importers.columns import (
    COLUMNS,
    LOAN_REFERENCE_COLUMNS,
    RATE_COLUMNS,
    FileKind,
    canonical_name,
    normalize_header,
    required_columns,
)
from jiebei_tracker.importers.errors import ImportFailure

IGNORE = ""  # what a profile maps a column to when the user wants it ignored


@dataclass(frozen=True)
class ColumnMap:
    """``index`` gives each mapped canonical column's position in a row; ``header`` is the file's header row."""

    kind: FileKind
    header: list[str]
    index: dict[str, int]
    unknown: list[str]
    problems: tuple[str, ...] = ()  # what stops an import (missing columns, …); only kept when not strict

    def label(self, name: str) -> str:
        """The column's name as the file writes it (what error messages show), else the canonical name."""
        position = self.index.get(name)
        return self.header[position] if position is not None and self.header[position] else name

    def assignments(self) -> list[str]:
        """For each header cell, the canonical column it was mapped to ('' for none)."""
        by_position = {position: name for name, position in self.index.items()}
        return [by_position.get(position, IGNORE) for position in range(len(self.header))]


def _aliases(name: str, kind: FileKind) -> str:
    column = next(c for c in COLUMNS[kind] if c.name == name)
    return "/".join(column.aliases[:2])


def map_columns(
    kind: FileKind,
    header: list[str],
    *,
    file_name: str,
    line: int,
    overrides: Mapping[str, str] | None = None,
    strict: bool = True,
) -> ColumnMap:
    """Map header cells to canonical columns. ``overrides`` (header text → canonical name, or '' to ignore)
    comes from a saved profile or the wizard and wins over the automatic match. A mapping that cannot be
    imported (a required column missing, two columns meaning one) raises ImportFailure, or with ``strict``
    off is returned with its ``problems`` for the user to sort out."""
    chosen = {normalize_header(text): target for text, target in (overrides or {}).items()}
    valid = {column.name for column in COLUMNS[kind]}
    index: dict[str, int] = {}
    unknown: list[str] = []
    problems: list[str] = []
    for position, cell in enumerate(header):
        key = normalize_header(cell)
        target = chosen[key] if key in chosen else canonical_name(kind, cell)
        if target and target not in valid:
            problems.append(f"column {cell!r} is mapped to {target!r}, which a {kind.value} file does not have")
            continue
        if not target:
            if cell:
                unknown.append(cell)
            continue
        if target in index:
            first = header[index[target]]
            problems.append(f"columns {first!r} and {cell!r} both mean '{target}'; ignore one of them")
            continue
        index[target] = position
    problems.extend(_missing(kind, index))
    if problems and strict:
        raise ImportFailure(file_name, "; ".join(problems), line=line)
    return ColumnMap(kind, list(header), index, unknown, tuple(problems))


def _missing(kind: FileKind, index: dict[str, int]) -> list[str]:
    missing = [
        f"missing column '{name}' ({_aliases(name, kind)})" for name in required_columns(kind) if name not in index
    ]
    if kind is FileKind.LOANS and not any(name in index for name in RATE_COLUMNS):
        missing.append("missing column 'annual_rate' (年化利率) or 'daily_rate' (日利率)")
    if kind is FileKind.REPAYMENTS and "loan_id" not in index:
        absent = [name for name in LOAN_REFERENCE_COLUMNS if name not in index]
        if absent:
            missing.append(
                "missing column 'loan_id' (借款编号), or all of platform + borrowed_on + principal to find the loan "
                f"(no {', '.join(absent)})"
            )
    return missing
