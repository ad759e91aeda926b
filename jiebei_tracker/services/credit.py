"""Read-side: platforms with their credit-limit history, and credit-report notes, as plain records."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from operator import attrgetter

from jiebei_tracker.domain.book.records import CreditNote, drop_off_day
from jiebei_tracker.domain.limits import limit_changes
from jiebei_tracker.domain.penalty import DEFAULT_MULTIPLIER
from jiebei_tracker.domain.rules.credit import on_the_report
from jiebei_tracker.domain.rules.inquiries import REPORT_WINDOWS_MONTHS, hard_inquiries
from jiebei_tracker.domain.vocabulary import InquiryReason, NoteKind, PlatformKind
from jiebei_tracker.storage import reads
from jiebei_tracker.storage.database import Database


@dataclass(frozen=True)
class LimitChange:
    recorded_on: date
    limit_fen: int
    change_fen: int | None  # against the previous record; None for the first
    limit_id: int = 0
    note: str = ""

    @property
    def is_cut(self) -> bool:
        return self.change_fen is not None and self.change_fen < 0


@dataclass(frozen=True)
class PlatformSummary:
    name: str
    kind: PlatformKind
    limits: list[LimitChange]
    penalty_multiplier: Decimal = DEFAULT_MULTIPLIER

    @property
    def current_limit_fen(self) -> int | None:
        return self.limits[-1].limit_fen if self.limits else None


@dataclass(frozen=True)
class NoteRecord:
    note_id: int
    noted_on: date
    kind: NoteKind
    text: str
    resolved: bool
    resolved_on: date | None
    reason: InquiryReason | None = None  # an inquiry's
    institution: str = ""

    @property
    def drops_off_on(self) -> date | None:
        """When a negative record leaves the report (five years after it was resolved); None while unresolved."""
        return drop_off_day(self.kind, (self.resolved_on or self.noted_on) if self.resolved else None)

    @property
    def needs_reason(self) -> bool:
        """An inquiry whose reason is not known: the notes page asks the user to set it."""
        return self.kind is NoteKind.INQUIRY and self.reason in (None, InquiryReason.OTHER)


def list_platforms(database: Database) -> list[PlatformSummary]:
    """Every platform by name, with its limit records oldest first and the change each one made."""
    with database.read() as connection:  # one snapshot for both
        platforms = reads.platforms(connection)
        records = reads.limit_records(connection)
    by_platform: dict[int, list[LimitChange]] = {}
    for record, change in limit_changes(records, platform_of=attrgetter("platform_id")):
        by_platform.setdefault(record.platform_id, []).append(
            LimitChange(record.recorded_on, record.limit_fen, change, record.limit_id, record.note)
        )
    return [
        PlatformSummary(p.name, PlatformKind(p.kind), by_platform.get(p.platform_id, []), Decimal(p.penalty_multiplier))
        for p in platforms
    ]


def list_notes(database: Database) -> list[NoteRecord]:
    """Credit-report notes, newest first."""
    with database.read() as connection:
        rows = reads.notes(connection)
    return [
        NoteRecord(
            r.note_id,
            r.noted_on,
            NoteKind(r.kind),
            r.text,
            r.resolved,
            r.resolved_on,
            InquiryReason(r.reason) if r.reason else None,
            r.institution,
        )
        for r in rows
    ]


@dataclass(frozen=True)
class ReportSummary:
    """The credit report as lenders read it on a day: the hard inquiries of the report's own windows (近1个月 /
    近3个月 / 近6个月), the negative records still on it with the day each drops off, and how many inquiries have no
    known reason (the notes page asks for them)."""

    as_of: date
    hard_inquiries: tuple[tuple[int, int], ...]  # (months, how many)
    negatives: tuple[CreditNote, ...]
    unknown_reasons: int


def report_summary(notes: Iterable[CreditNote], as_of: date) -> ReportSummary:
    """What the notes page's credit-report panel shows, from the Book's notes (``Session.book().notes``)."""
    notes = [n for n in notes if n.noted_on <= as_of]
    return ReportSummary(
        as_of,
        tuple((months, len(hard_inquiries(notes, as_of, months))) for months in REPORT_WINDOWS_MONTHS),
        tuple(sorted(on_the_report(notes, as_of), key=lambda n: (n.resolved_on is not None, n.noted_on))),
        sum(1 for n in notes if n.kind is NoteKind.INQUIRY and n.reason in (None, InquiryReason.OTHER)),
    )
