"""Importing the credit report (个人信用报告): its inquiries (机构查询记录明细, 本人查询记录明细) become inquiry notes
with their reason and institution, and each account it shows overdue in the last five years an overdue-record note.

The report is read (``importers.credit_report``) from the file where it is, or from pasted text, and never copied.
``plan`` says what would be added and what is recorded already (a dry run stops there); ``commit`` writes the new
notes as one import, which *Undo import* takes back whole. Importing the same report again adds nothing: an inquiry
is the same when its day and text are, an overdue account when its text is (a later report repeats it with a later
date)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from jiebei_tracker.domain.vocabulary import InquiryReason, NoteKind
from jiebei_tracker.importers.credit_report import (
    CreditReport,
    ReportInquiry,
    ReportOverdue,
    read_credit_report_file,
    read_credit_report_text,
)
from jiebei_tracker.services.changes import Changes
from jiebei_tracker.services.ledger import Ledger, NoteEntry
from jiebei_tracker.services.ledger.batch import ImportedFile
from jiebei_tracker.storage import transfers
from jiebei_tracker.storage.database import Database

IMPORT_KIND = "credit_report"


@dataclass(frozen=True)
class ReportPlan:
    """What importing a report would do: the notes it would add, and how many of its lines are recorded already."""

    source: str  # the file's name, or "pasted text"
    report: CreditReport
    new: tuple[NoteEntry, ...]
    already: int

    @property
    def inquiries(self) -> int:
        return sum(1 for entry in self.new if entry.kind is NoteKind.INQUIRY)

    @property
    def overdue(self) -> int:
        return sum(1 for entry in self.new if entry.kind is NoteKind.OVERDUE_RECORD)


def read_report(*, path: str | os.PathLike[str] | None = None, text: str | None = None) -> tuple[str, CreditReport]:
    """The report in ``path`` (text, or a PDF with a text layer) or in ``text``, with what to call its source."""
    if path is not None:
        return Path(path).name, read_credit_report_file(path)
    return "pasted text", read_credit_report_text(text or "")


def plan(database: Database, source: str, report: CreditReport, *, today: date) -> ReportPlan:
    """The notes ``report`` gives, less those recorded already (in the database, or earlier in the report)."""
    with database.reading() as session:
        recorded = {(day, kind, text) for day, kind, text in transfers.note_keys(session)}
    seen_overdue = {text for _, kind, text in recorded if kind == NoteKind.OVERDUE_RECORD.value}
    seen = {(day, kind, text) for day, kind, text in recorded}
    new: list[NoteEntry] = []
    already = 0
    for entry in notes_of(report, today=today):
        if entry.kind is NoteKind.OVERDUE_RECORD:
            known = entry.text in seen_overdue
            seen_overdue.add(entry.text)
        else:
            key = (entry.noted_on, entry.kind.value, entry.text)
            known = key in seen
            seen.add(key)
        if known:
            already += 1
        else:
            new.append(entry)
    return ReportPlan(source, report, tuple(new), already)


def commit(ledger: Ledger, found: ReportPlan) -> Changes:
    """Write the plan's new notes as one import (nothing when there are none)."""
    if not found.new:
        return Changes()
    return ledger.add_history((), notes=found.new, import_batch=ImportedFile(found.source, IMPORT_KIND))


def notes_of(report: CreditReport, *, today: date) -> list[NoteEntry]:
    """The notes a report gives, in its order: its inquiries, then its overdue accounts (noted on the report's
    date, or today when it gives none)."""
    noted_on = min(report.report_date or today, today)
    return [*(_inquiry(row) for row in report.inquiries), *(_overdue(row, noted_on) for row in report.overdue)]


def _inquiry(row: ReportInquiry) -> NoteEntry:
    reason = row.reason.label("zh_CN")
    text = f"{reason}（{row.institution}）" if row.own else f"{row.institution} {reason}"
    institution = "" if row.own and row.institution == "本人" else row.institution
    return NoteEntry(row.day, NoteKind.INQUIRY, text, reason=InquiryReason(row.reason), institution=institution)


def _overdue(row: ReportOverdue, noted_on: date) -> NoteEntry:
    text = f"{row.account}：最近 5 年内有 {row.months_overdue} 个月处于逾期状态"
    if row.longest_days is not None:
        text += f"，最长逾期 {row.longest_days} 天" if row.longest_days != 91 else "，有逾期超过 90 天"
    return NoteEntry(noted_on, NoteKind.OVERDUE_RECORD, text)
