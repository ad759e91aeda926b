"""The credit report (个人信用报告) as lenders read it: the hard inquiries of the last months, counted as the report
counts them, and the negative records with the day each leaves the report.

A lender looks at the *hard* inquiries — loan and card applications and guarantee checks (``InquiryReason.is_hard``)
— over calendar months: 近3个月 runs from the same day three months before, inclusive (on 2026-05-31 that is from
2026-02-28, the month's last day standing in for a day the month does not have). Checks by lenders the borrower
already has (贷后管理), the borrower's own (本人查询) and insurers' (保前审查) do not count; an inquiry whose reason is
not known (other) does not either, and the notes page asks for it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from jiebei_tracker.domain.book.records import CreditNote
from jiebei_tracker.domain.rules.flags import Text
from jiebei_tracker.domain.schedule import due_date
from jiebei_tracker.domain.vocabulary import InquiryReason, NoteKind

# The windows the report's own summary gives (近1个月 / 近3个月 / 近6个月): the notes page shows each.
REPORT_WINDOWS_MONTHS = (1, 3, 6)


def months_before(day: date, months: int) -> date:
    """The same day ``months`` calendar months before ``day`` (the month's last day when it is shorter)."""
    return due_date(day, -months)


@dataclass(frozen=True)
class InquiryCount:
    """The inquiries of a window: those a lender counts, and those in it that it does not."""

    since: date  # the first day of the window (inclusive); it ends on the day asked about
    counted: tuple[CreditNote, ...]
    left_out: tuple[CreditNote, ...]

    def __len__(self) -> int:
        return len(self.counted)


def hard_inquiries(notes: Iterable[CreditNote], as_of: date, months: int) -> InquiryCount:
    """The inquiries noted in the ``months`` calendar months up to ``as_of``: the hard ones, and the others."""
    since = months_before(as_of, months)
    window = [n for n in notes if n.kind is NoteKind.INQUIRY and since <= n.noted_on <= as_of]
    return InquiryCount(
        since,
        tuple(n for n in window if n.is_hard_inquiry),
        tuple(n for n in window if not n.is_hard_inquiry),
    )


def why_left_out(note: CreditNote) -> Text:
    """Why an inquiry does not count, in a few words."""
    reason = note.reason or InquiryReason.OTHER
    return {
        InquiryReason.POST_LOAN: Text(
            "贷后管理：已有的放贷机构例行查看，不代表新申请", "post-loan check by a lender you already have"
        ),
        InquiryReason.SELF: Text("本人查询：自己查征信不影响", "your own look at your report"),
        InquiryReason.INSURANCE_CHECK: Text("保前审查：保险公司查询，不是借款申请", "an insurer's check, not a loan"),
    }.get(
        reason,
        Text(
            "查询原因不明：请在征信记录页补上原因",
            "reason not known: set it on the credit report notes page",
        ),
    )


def inquiry_text(note: CreditNote) -> Text:
    """An inquiry as the evidence lists it: day, institution (or the note's text) and reason."""
    reason = note.reason or InquiryReason.OTHER
    who = note.institution or note.text
    return Text(
        f"{note.noted_on.isoformat()} {who}（{reason.label('zh_CN')}）",
        f"{note.noted_on.isoformat()} {who} ({reason.label('en').lower()})",
    )
