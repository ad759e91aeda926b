"""Imports and exports for the window and the CLI: plan a file (new / already there / bad), commit it in one
ledger transaction with progress and cancel, Alipay statements, saved column profiles, and export."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path

from jiebei_tracker.domain.past import PastRepayments, installments_due_by
from jiebei_tracker.domain.vocabulary import RepaymentSource
from jiebei_tracker.importers.alipay import AlipayStatement, looks_like_alipay, read_alipay
from jiebei_tracker.importers.alipay_plan import (
    Action,
    AlipayWrites,
    Choice,
    NewLoanTerms,
    Suggestion,
    build_writes,
    platform_matches,
    suggest,
)
from jiebei_tracker.importers.checking import ImportPlan, check_file
from jiebei_tracker.importers.columns import COLUMNS, FileKind
from jiebei_tracker.importers.decoding import ENCODING_LABELS, BinarySource, open_text
from jiebei_tracker.importers.errors import ImportCancelled, ImportFailure, error_report, file_changed
from jiebei_tracker.importers.matching import Existing, ExistingLoan
from jiebei_tracker.importers.reading import Layout, ReadOptions, read_layout
from jiebei_tracker.importers.table import DELIMITERS, RawRow, delimiter_option, preview_rows
from jiebei_tracker.services.changes import Changes
from jiebei_tracker.services.files import backups
from jiebei_tracker.services.imports.db import existing_for, existing_for_alipay, export_all
from jiebei_tracker.services.ledger import HistoricLoan, Ledger, LimitEntry, NoteEntry, RepaymentEntry
from jiebei_tracker.services.ledger.batch import ImportedFile
from jiebei_tracker.services.settings import SettingsStore
from jiebei_tracker.storage.database import Database


def past_question(loans: int, installments: int) -> str:
    """What the import asks when loans do not say whether their installments already due were repaid."""
    return (
        f"{loans} loan{'' if loans == 1 else 's'} {'has' if loans == 1 else 'have'} {installments} "
        f"installment{'' if installments == 1 else 's'} already due, and the file does not say "
        "whether they were repaid; nothing was imported. Say so with --past paid (repaid on schedule up to today) "
        "or --past unpaid (not repaid: overdue), or add a status (状态) or paid_installments (已还期数) column"
    )


# What the wizard offers and shows; the UI takes them from here rather than from the importers.
__all__ = [
    "COLUMNS",
    "DELIMITERS",
    "ENCODING_LABELS",
    "Action",
    "AlipayPlan",
    "Choice",
    "FileKind",
    "ImportCancelled",
    "ImportFailure",
    "ImportPlan",
    "ImportService",
    "NewLoanTerms",
    "PastAnswer",
    "Preview",
    "Profile",
    "ReadOptions",
]

PROFILE_KEY = "import_profile:{name}"
PROFILE_INDEX_KEY = "import_profiles"

Progress = Callable[[int, int], None]


class PastAnswer(StrEnum):
    """The answer for a whole file's loans that do not say what happened to their installments already due."""

    PAID = "paid"  # repaid on schedule up to the import day
    UNPAID = "unpaid"  # not repaid: they are overdue


@dataclass
class AlipayPlan:
    """An Alipay statement's credit rows, each with a suggestion, and the loans a repayment may go to."""

    file_name: str
    statement: AlipayStatement
    suggestions: list[Suggestion]
    existing: Existing = field(repr=False)

    @property
    def loans(self) -> list[ExistingLoan]:
        return self.existing.loans

    @property
    def present(self) -> int:
        return sum(1 for s in self.suggestions if s.present)

    def loans_for(self, suggestion: Suggestion) -> list[ExistingLoan]:
        """The loans a repayment row could go to: those on its platform taken by that day first, then the rest."""
        row = suggestion.row

        def fits(loan: ExistingLoan) -> bool:
            return platform_matches(loan.platform, row.platform) and loan.borrowed_on <= row.day

        return [loan for loan in self.loans if fits(loan)] + [loan for loan in self.loans if not fits(loan)]

    def error_messages(self) -> list[str]:
        return error_report(self.statement.errors, self.file_name)


@dataclass
class Preview:
    """The first rows of a file as the wizard shows them, how it would be read, or why it cannot be."""

    file_name: str
    rows: list[RawRow]
    more: bool  # the file goes on past these rows
    encoding_label: str = ""
    layout: Layout | None = None
    is_alipay: bool = False
    problem: str = ""  # the ImportFailure message when the file cannot be read as asked

    @property
    def column_problems(self) -> str:
        """What the column mapping still lacks ('' when it is complete)."""
        return "; ".join(self.layout.columns.problems) if self.layout else ""


@dataclass(frozen=True)
class Profile:
    """A saved column mapping: header text → canonical column ('' to ignore), for files of ``kind``."""

    name: str
    kind: FileKind
    columns: dict[str, str]


class ImportService:
    """Everything the wizard and the CLI do with files. ``today`` is injectable for tests."""

    def __init__(self, *, database: Database, ledger: Ledger, today: Callable[[], date] = date.today) -> None:
        self._database = database
        self._ledger = ledger
        self._today = today
        self._settings = SettingsStore(database=database)

    # -- CSV files of the four kinds ----------------------------------------------------------------------

    def preview(self, source: BinarySource, *, file_name: str, options: ReadOptions, limit: int = 200) -> Preview:
        """How the file would be read with ``options`` (detecting whatever is None), and its first rows."""
        try:
            text = open_text(source, file_name=file_name, encoding=options.encoding)
        except ImportFailure as failure:
            return Preview(file_name, [], False, problem=failure.message())
        preview = Preview(file_name, [], False, text.label)
        delimiter = options.delimiter or ","
        try:
            if options.kind is None and options.header_line is None and looks_like_alipay(text):
                preview.is_alipay = True
            else:
                preview.layout = read_layout(text, file_name=file_name, options=options, strict=False)
                delimiter = preview.layout.delimiter
        except ImportFailure as failure:
            preview.problem = failure.message()
        try:
            preview.rows, preview.more = preview_rows(
                text, delimiter_option(delimiter, file_name=file_name), file_name=file_name, limit=limit
            )
        except ImportFailure as failure:  # an unknown separator typed in
            preview.problem = failure.message()
        return preview

    def today(self) -> date:
        return self._today()

    def plan(
        self,
        source: BinarySource,
        *,
        file_name: str,
        options: ReadOptions,
        cancelled: Callable[[], bool] | None = None,
    ) -> ImportPlan:
        """Read and check the file — a path, or bytes — a row at a time, and count what is new. Raises
        ImportFailure for a file it cannot read, ImportCancelled when ``cancelled()`` says so."""
        text = open_text(source, file_name=file_name, encoding=options.encoding)
        layout = read_layout(text, file_name=file_name, options=options)
        existing = existing_for(self._database, layout.kind)
        return check_file(text, layout, existing, today=self._today(), cancelled=cancelled)

    def commit(
        self,
        plan: ImportPlan,
        *,
        valid_only: bool = False,
        past: PastAnswer | None = None,
        past_by_line: Mapping[int, PastRepayments] | None = None,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> Changes:
        """Write the plan's new rows in one transaction: all of them, or — on an error or a cancel — none.
        A plan with bad rows is written only when ``valid_only`` (the good rows, then). Loans whose row does not
        say what happened to the installments already due take ``past_by_line[line]``, else ``past``; without
        either, nothing is written (ImportFailure saying how many loans and installments are concerned).
        The new rows are read again from the file as they are written; a file that changed since the plan
        was made is refused (ImportFailure), and nothing is written."""
        if plan.bad and not valid_only:
            raise ImportFailure(
                plan.file_name, f"{plan.bad} bad rows, so nothing was imported (fix them, or import only the good rows)"
            )
        if not plan.new and not plan.sets_platforms:
            return Changes()
        answers = dict(past_by_line or {})
        if past is None and plan.undecided_count:
            answered = [due for record, due in plan.undecided if record.line in answers]
            if len(answered) < plan.undecided_count:
                loans = plan.undecided_count - len(answered)
                raise ImportFailure(plan.file_name, past_question(loans, plan.undecided_installments - sum(answered)))
        if plan.changed():
            raise file_changed(plan.file_name)
        records = plan.new_records()
        if plan.kind is FileKind.LOANS:
            entries = {
                "loans": self._loans(plan, records, past, answers),
                "platform_kinds": plan.platform_kinds,
                "penalty_multipliers": plan.penalty_multipliers,
            }
        elif plan.kind is FileKind.REPAYMENTS:
            numbers = plan.loan_numbers
            entries = {
                "loans": (),
                "repayments": (
                    RepaymentEntry(numbers[ordinal], r.payment, r.source_ref, r.note, r.source)
                    for ordinal, r in records
                ),
            }
        elif plan.kind is FileKind.LIMITS:
            entries = {
                "loans": (),
                "limits": (LimitEntry(r.platform, r.recorded_on, r.limit_fen, r.note) for _, r in records),
                "platform_kinds": plan.platform_kinds,
                "penalty_multipliers": plan.penalty_multipliers,
            }
        else:
            entries = {
                "loans": (),
                "notes": (
                    NoteEntry(r.noted_on, r.kind, r.text, r.resolved_on, r.reason, r.institution) for _, r in records
                ),
            }
        return self._write(plan.file_name, plan.kind.value, progress, cancelled, total=plan.new, **entries)

    def _loans(
        self, plan: ImportPlan, records: Iterator, past: PastAnswer | None, answers: dict[int, PastRepayments]
    ) -> Iterator[HistoricLoan]:
        """The new loans, each with what happened to its installments already due: as its row says, else as
        answered for its line, else as ``past`` says for all."""
        today = self._today()
        default = PastRepayments.paid_through(today) if past is PastAnswer.PAID else PastRepayments.unpaid()
        for _, record in records:
            answer = record.past or answers.get(record.line)
            if answer is None and past is None:
                terms = record.draft.terms
                if installments_due_by(terms.borrowed_on, terms.term_months, today):  # a day passed since the plan
                    raise ImportFailure(
                        plan.file_name,
                        f"line {record.line}: an installment fell due since the file was checked; check it again",
                    )
            yield HistoricLoan(record.draft, past=answer or default)

    def _write(
        self, file_name: str, kind: str, progress: Progress | None, cancelled: Callable[[], bool] | None, **history
    ) -> Changes:
        """The one place an import's write transaction starts (the ledger's ``add_history``), for both kinds of
        file: the data is backed up first, another program kept waiting is told this one is importing, and the
        import is recorded so that it can be undone."""
        with backups.importing(self._database):
            return self._ledger.add_history(
                **history,
                progress=_watch(progress, cancelled),
                import_batch=ImportedFile(Path(file_name).name, kind),
            )

    # -- Alipay ---------------------------------------------------------------------------------------------

    def plan_alipay(self, source: BinarySource, *, file_name: str, encoding: str | None = None) -> AlipayPlan:
        """The statement's credit rows (a path, or bytes, read a line at a time), each with a suggestion."""
        statement = read_alipay(source, file_name=file_name, encoding=encoding)
        existing = existing_for_alipay(self._database)
        return AlipayPlan(file_name, statement, suggest(statement.credit_rows, existing), existing)

    def alipay_writes(self, plan: AlipayPlan, choices: Mapping[int, Choice]) -> AlipayWrites:
        """What the choices (by line; other lines keep their suggestion) would write, and any problem with them."""
        return build_writes(plan.suggestions, choices, plan.existing)

    def commit_alipay(
        self,
        plan: AlipayPlan,
        choices: Mapping[int, Choice],
        *,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> Changes:
        """Write the chosen loans and repayments (with their order numbers) in one transaction."""
        writes = self.alipay_writes(plan, choices)
        if writes.errors:
            raise ImportFailure(plan.file_name, "; ".join(e.message(plan.file_name) for e in writes.errors[:5]))
        if not writes.count:
            return Changes()
        alipay = RepaymentSource.ALIPAY
        loans = [
            HistoricLoan(draft, [p for p, _ in payments], [ref for _, ref in payments], source=alipay)
            for draft, payments in writes.loans
        ]
        repayments = [RepaymentEntry(number, payment, ref, source=alipay) for number, payment, ref in writes.repayments]
        return self._write(plan.file_name, "alipay", progress, cancelled, loans=loans, repayments=repayments)

    # -- column profiles ------------------------------------------------------------------------------------

    def profiles(self) -> dict[str, Profile]:
        found = {}
        for name in self._settings.get(PROFILE_INDEX_KEY, []):
            stored = self._settings.get(PROFILE_KEY.format(name=name))
            if stored and stored.get("kind") in set(FileKind):
                found[name] = Profile(name, FileKind(stored["kind"]), dict(stored.get("columns", {})))
        return found

    def profile(self, name: str) -> Profile:
        found = self.profiles().get(name)
        if found is None:
            known = ", ".join(sorted(self.profiles())) or "none saved yet"
            raise ImportFailure(name, f"no column profile of this name (saved profiles: {known})")
        return found

    def save_profile(self, name: str, kind: FileKind, columns: Mapping[str, str]) -> None:
        name = name.strip()
        if not name:
            raise ImportFailure("profile", "give the profile a name")
        self._settings.put(PROFILE_KEY.format(name=name), {"kind": kind.value, "columns": dict(columns)})
        names = set(self._settings.get(PROFILE_INDEX_KEY, [])) | {name}
        self._settings.put(PROFILE_INDEX_KEY, sorted(names))

    def delete_profile(self, name: str) -> None:
        self._settings.delete(PROFILE_KEY.format(name=name))
        names = set(self._settings.get(PROFILE_INDEX_KEY, [])) - {name}
        self._settings.put(PROFILE_INDEX_KEY, sorted(names))

    # -- export ---------------------------------------------------------------------------------------------

    def export(self, folder: str | Path, *, overwrite: bool = False) -> dict[FileKind, Path]:
        """Write loans.csv, repayments.csv, limits.csv and notes.csv into ``folder``; returns where each went."""
        return export_all(self._database, Path(folder), overwrite=overwrite)


def _watch(progress: Progress | None, cancelled: Callable[[], bool] | None) -> Progress:
    """The ledger's progress callback: reports on, and raises ImportCancelled when the user has cancelled,
    which rolls the ledger's transaction back."""

    def report(done: int, total: int) -> None:
        if cancelled is not None and cancelled():
            raise ImportCancelled()
        if progress is not None:
            progress(done, total)

    return report
