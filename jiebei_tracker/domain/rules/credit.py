"""Rules on the credit report and lenders: ``credit_report_negative`` (原因 4) and ``private_lending`` (策略 3(2))."""

from __future__ import annotations

from jiebei_tracker.domain.book.records import CreditNote, Loan
from jiebei_tracker.domain.book.snapshot import Snapshot
from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.domain.rules.flags import CAUSE_4, STRATEGY_3_2, EvidenceItem, Flag, Severity, Text
from jiebei_tracker.domain.rules.registry import Finding, rule
from jiebei_tracker.domain.rules.thresholds import Thresholds
from jiebei_tracker.domain.rules.wording import joined, loan_item, make_flag, plural
from jiebei_tracker.domain.vocabulary import NoteKind, PlatformKind

_NEGATIVE = {
    NoteKind.OVERDUE_RECORD: Severity.HIGH,
    NoteKind.BAD_DEBT: Severity.HIGH,
    NoteKind.GUARANTEE: Severity.MEDIUM,
}
# A record resolved but still on the report (for five years after it was settled) weighs less, but lenders see it.
_RESOLVED = {
    NoteKind.OVERDUE_RECORD: Severity.MEDIUM,
    NoteKind.BAD_DEBT: Severity.MEDIUM,
    NoteKind.GUARANTEE: Severity.LOW,
}
_RISKY_LENDERS = (PlatformKind.PRIVATE, PlatformKind.MICROFINANCE)


def on_the_report(notes, as_of) -> list[CreditNote]:
    """The negative records a lender sees on ``as_of``: unresolved ones, and resolved ones until they drop off
    (five years after they were resolved)."""
    return [
        n
        for n in notes
        if n.kind in _NEGATIVE and (n.resolved_on is None or (n.drops_off_on is not None and n.drops_off_on > as_of))
    ]


@rule("credit_report_negative", CAUSE_4, STRATEGY_3_2, worst=Severity.HIGH)
def credit_report_negative(snapshot: Snapshot, thresholds: Thresholds) -> Finding | None:
    """Negative lines on the credit report: unresolved overdue and bad-debt records (high) or guarantees (medium);
    resolved ones a step lower until they drop off the report five years after they were resolved."""
    notes = on_the_report(snapshot.notes, snapshot.as_of)
    if not notes:
        return None
    severity = max((_weight(n) for n in notes), key=lambda s: s.rank)
    return Finding(severity, lambda: _credit_report_negative_flag(snapshot, notes, severity))


def _weight(note: CreditNote) -> Severity:
    return (_NEGATIVE if note.resolved_on is None else _RESOLVED)[note.kind]


def _negative_item(n: CreditNote) -> EvidenceItem:
    if n.resolved_on is None:
        state = Text(
            "未解决，结清后 5 年才会从征信上消失", "unresolved; it leaves the report 5 years after you settle it"
        )
        dates = (("noted_on", n.noted_on),)
    else:
        gone = n.drops_off_on.isoformat()
        state = Text(
            f"{n.resolved_on.isoformat()} 已解决，{gone} 从征信上消失",
            f"resolved {n.resolved_on.isoformat()}; leaves the report on {gone}",
        )
        dates = (("noted_on", n.noted_on), ("resolved_on", n.resolved_on), ("drops_off_on", n.drops_off_on))
    return EvidenceItem(
        kind="note",
        text=Text(
            f"{n.noted_on.isoformat()} {n.kind.label('zh_CN')}：{n.text}（{state.zh_CN}）",
            f"{n.noted_on.isoformat()} {n.kind.label('en').lower()}: {n.text} ({state.en})",
        ),
        note_id=n.note_id,
        dates=dates,
    )


def _credit_report_negative_flag(snapshot: Snapshot, notes: list[CreditNote], severity: Severity) -> Flag:
    items = [_negative_item(n) for n in notes]
    unresolved = sum(1 for n in notes if n.resolved_on is None)
    kinds = list(dict.fromkeys(n.kind for n in notes))
    guarantee_zh = "担保一旦被借款人拖欠就会变成您的债，能解除就尽早申请解除。" if NoteKind.GUARANTEE in kinds else ""
    guarantee_en = (
        " A guarantee becomes your debt the moment the borrower stops paying; ask to be released when you can."
        if NoteKind.GUARANTEE in kinds
        else ""
    )
    return make_flag(
        snapshot,
        "credit_report_negative",
        severity,
        title=Text("征信报告上有负面记录", "Negative lines on the credit report"),
        summary=Text(
            f"征信上有 {len(notes)} 条负面记录（{unresolved} 条未解决）："
            f"{joined((k.label('zh_CN') for k in kinds), 'zh_CN')}。",
            f"{plural(len(notes), 'negative line')} on the credit report ({unresolved} unresolved): "
            f"{joined((k.label('en').lower() for k in kinds), 'en')}.",
        ),
        items=items,
        advice=Text(
            "逐条处理：把相关欠款结清，请放贷机构把状态报送为已结清，处理好后在这里把记录标为已解决。"
            "负面记录从结清那天起保留 5 年，越早结清越早消失；在此期间别再产生新的不良记录。" + guarantee_zh,
            "Deal with each line: settle what it is about, ask the lender to report it as settled, then mark the "
            "note resolved here. A negative line stays on the report for 5 years from the day it is settled, so "
            "the sooner it is settled the sooner it goes; meanwhile avoid anything that adds a new one." + guarantee_en,
        ),
    )


@rule("private_lending", STRATEGY_3_2, worst=Severity.MEDIUM)
def private_lending(snapshot: Snapshot, thresholds: Thresholds) -> Finding | None:
    """Loans from private lenders or small-loan (microfinance) companies, while they count."""
    loans = [
        loan for loan in snapshot.loans_that_count(thresholds.event_memory_days) if loan.platform_kind in _RISKY_LENDERS
    ]
    if not loans:
        return None
    return Finding(Severity.MEDIUM, lambda: _private_lending_flag(snapshot, loans))


def _private_lending_flag(snapshot: Snapshot, loans: list[Loan]) -> Flag:
    outstanding = sum(loan.outstanding_principal_fen for loan in loans)
    lenders = list(dict.fromkeys(loan.platform for loan in loans))
    return make_flag(
        snapshot,
        "private_lending",
        Severity.MEDIUM,
        title=Text("有民间借贷或小额贷款公司借款", "Loans from private lenders or small-loan companies"),
        summary=Text(
            f"{len(loans)} 笔借款来自民间借贷或小额贷款公司（{joined(lenders, 'zh_CN')}），"
            f"未还本金 {format_yuan(outstanding)}。",
            f"{plural(len(loans), 'loan')} from private lenders or small-loan companies ({joined(lenders, 'en')}), "
            f"{format_yuan(outstanding)} principal still owed.",
        ),
        items=[loan_item(loan, loan.platform_kind.label("zh_CN"), loan.platform_kind.label("en")) for loan in loans],
        advice=Text(
            "先还清这些借款；如果一时还不清，考虑换成银行或持牌消费金融的低息贷款。以后不要再找民间借贷或小贷公司，"
            "这类借款在平台眼里风险更高。",
            "Pay these off first; if you cannot yet, consider replacing them with a cheaper loan from a bank or a "
            "licensed consumer lender. Avoid private lenders and small-loan companies from now on — lenders read "
            "them as a sign of higher risk.",
        ),
    )
