"""A file of any size checked row by row before anything is written (``check_file``), and its new rows read again
when they are written (``ImportPlan.new_records``). The plan holds counts, the first errors, a byte a row and the
file's checksum — not the file's records — so a 200 MB file costs tens of megabytes, not gigabytes."""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from jiebei_tracker.domain.past import installments_due_by
from jiebei_tracker.domain.vocabulary import PlatformKind
from jiebei_tracker.importers.columns import FileKind
from jiebei_tracker.importers.decoding import Source, TextLines
from jiebei_tracker.importers.errors import (
    ErrorLog,
    ImportCancelled,
    NoticeGroup,
    NoticeLog,
    RowError,
    error_report,
    file_changed,
    notice_report,
)
from jiebei_tracker.importers.matching import MATCHERS, NEW, PRESENT, Existing, RepaymentMatcher
from jiebei_tracker.importers.reading import Layout, foreign_error
from jiebei_tracker.importers.records import ImportedLoan
from jiebei_tracker.importers.rows import PARSERS, RowParser
from jiebei_tracker.importers.table import DataRows

# The loans a plan lists in full among those whose row does not say what happened to their installments already
# due (the wizard offers to answer loan by loan for at most these); the others are only counted.
UNDECIDED_SHOWN = 1000
# A cancel is looked at every this many rows while a file is checked.
_CANCEL_STEP = 1000


@dataclass
class ImportPlan:
    """What importing a file would do, before anything is written."""

    file_name: str
    layout: Layout
    rows: int  # data rows read (blank, separator and summary lines not counted)
    new: int
    present: int
    bad: int  # rows with at least one error
    errors: list[RowError]  # the first MAX_KEPT_ERRORS, by line
    error_count: int
    platform_kinds: dict[str, PlatformKind]  # the kinds the file sets for its platforms
    # New loans whose row does not say what happened to their installments already due, each with how many fell
    # due by ``today``: the first UNDECIDED_SHOWN of them, and how many loans and installments in all.
    undecided: list[tuple[ImportedLoan, int]]
    undecided_count: int
    undecided_installments: int
    today: date
    source: Source = field(repr=False)
    checksum: tuple[int, int] | None = field(repr=False)
    verdicts: bytearray = field(repr=False)  # each row's: matching.NEW, PRESENT or BAD
    loan_numbers: array = field(repr=False)  # a repayments file's: each row's loan (0 for none)
    # Good rows' values read otherwise than written (随借随还 as 先息后本, an unknown purpose as 其他): alike ones
    # grouped with their lines, the first MAX_KEPT_ERRORS of them; and how many notices (one a row and cell) in all.
    notices: list[NoticeGroup] = field(default_factory=list)
    notice_count: int = 0
    penalty_multipliers: dict[str, Decimal] = field(default_factory=dict)  # the multipliers the file sets

    @property
    def kind(self) -> FileKind:
        return self.layout.kind

    @property
    def sets_platforms(self) -> bool:
        """Whether importing changes some platform's kind or penalty multiplier (even with no new row)."""
        return bool(self.platform_kinds or self.penalty_multipliers)

    @property
    def undecided_complete(self) -> bool:
        """Whether ``undecided`` lists every such loan."""
        return len(self.undecided) == self.undecided_count

    def error_messages(self) -> list[str]:
        """The first 100 errors as ``FILE:LINE: column 'X': reason``, then how many more."""
        return error_report(self.errors, self.file_name, total=self.error_count)

    def notice_messages(self, language: str = "en") -> list[str]:
        """The first 100 notices as ``FILE:LINE: column 'X': what was done (also lines …)``, then how many more."""
        return notice_report(self.notices, self.file_name, language=language)

    def changed(self) -> bool:
        """Whether the file is no longer the one that was checked."""
        return self.source.checksum() != self.checksum

    def new_records(self) -> Iterator[tuple[int, object]]:
        """Each new row's number and record, read again from the file as it goes. Raises ImportFailure when the
        file turns out not to be the one that was checked (nothing should be kept of what was written)."""
        text = TextLines(self.source, self.layout.encoding)
        parser = RowParser(self.layout.columns, today=self.today)
        parse = PARSERS[self.kind]
        layout, verdicts = self.layout, self.verdicts
        count = 0
        for ordinal, row in enumerate(DataRows(text, layout.delimiter, layout.header_line, self.file_name)):
            count = ordinal + 1
            if count > len(verdicts):
                raise file_changed(self.file_name)
            if verdicts[ordinal] != NEW:
                continue
            record = parse(parser, row) if row.foreign is None else None
            if record is None:
                raise file_changed(self.file_name)
            yield ordinal, record
        if count != len(verdicts) or text.checksum != self.checksum:
            raise file_changed(self.file_name)


def check_file(
    text: TextLines,
    layout: Layout,
    existing: Existing,
    *,
    today: date,
    cancelled: Callable[[], bool] | None = None,
) -> ImportPlan:
    """Read and check every row after ``layout``'s header against ``existing``. Raises ImportFailure when the
    file cannot be read on, ImportCancelled when ``cancelled()`` says so."""
    errors, notices = ErrorLog(), NoticeLog()
    columns = layout.columns
    matcher = MATCHERS[layout.kind](columns, existing, errors)
    parser = RowParser(columns, today=today, errors=errors, notices=notices)
    parse = PARSERS[layout.kind]
    undecided = _Undecided(today) if layout.kind is FileKind.LOANS else None
    rows = DataRows(text, layout.delimiter, layout.header_line, text.file_name)
    for ordinal, row in enumerate(rows):
        if cancelled is not None and ordinal % _CANCEL_STEP == 0 and cancelled():
            raise ImportCancelled()
        if row.foreign is not None:
            errors.append(foreign_error(row, columns))
            matcher.add_bad()
            continue
        record = parse(parser, row)
        if record is None:
            matcher.add_bad()
        elif matcher.add(record) == NEW and undecided is not None:
            undecided.note(ordinal, record)
    matcher.finish()
    layout.skipped, layout.skipped_counts = list(rows.skipped), Counter(rows.skipped_counts)
    verdicts = matcher.verdicts
    shown, count, installments = undecided.settle(verdicts) if undecided is not None else ([], 0, 0)
    new, present = verdicts.count(NEW), verdicts.count(PRESENT)
    return ImportPlan(
        file_name=text.file_name,
        layout=layout,
        rows=len(verdicts),
        new=new,
        present=present,
        bad=len(verdicts) - new - present,
        errors=errors.first(),
        error_count=errors.total,
        platform_kinds=matcher.platform_kinds,
        undecided=shown,
        undecided_count=count,
        undecided_installments=installments,
        today=today,
        source=text.source,
        checksum=text.checksum,
        verdicts=verdicts,
        loan_numbers=matcher.loan_numbers if isinstance(matcher, RepaymentMatcher) else array("q"),
        notices=notices.groups(),
        notice_count=notices.total,
        penalty_multipliers=matcher.penalty_multipliers,
    )


class _Undecided:
    """The loans judged new whose row does not say what happened to their installments already due: the number
    of each and how many fell due (6 bytes a loan), the first UNDECIDED_SHOWN in full. ``settle`` keeps those still
    new once the whole file is matched."""

    def __init__(self, today: date) -> None:
        self._today = today
        self._ordinals = array("I")
        self._due = array("H")
        self._shown: list[tuple[int, ImportedLoan, int]] = []

    def note(self, ordinal: int, record: ImportedLoan) -> None:
        if record.past is not None:
            return
        terms = record.draft.terms
        due = installments_due_by(terms.borrowed_on, terms.term_months, self._today)
        if not due:
            return
        self._ordinals.append(ordinal)
        self._due.append(due)
        if len(self._shown) < UNDECIDED_SHOWN:
            self._shown.append((ordinal, record, due))

    def settle(self, verdicts: bytearray) -> tuple[list[tuple[ImportedLoan, int]], int, int]:
        """The loans shown, how many loans and how many installments in all."""
        count = installments = 0
        for ordinal, due in zip(self._ordinals, self._due, strict=True):
            if verdicts[ordinal] == NEW:
                count += 1
                installments += due
        shown = [(record, due) for ordinal, record, due in self._shown if verdicts[ordinal] == NEW]
        return shown, count, installments
