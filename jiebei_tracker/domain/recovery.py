"""The recovery checklist: measurable targets drawn from the flags behind a limit cut, measured on today's records."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import timedelta
from enum import StrEnum

from jiebei_tracker.domain.book import Snapshot
from jiebei_tracker.domain.cost import COSTLY_APR, costs_more_than
from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.domain.rules import Flag, Text, Thresholds
from jiebei_tracker.domain.rules.credit import on_the_report
from jiebei_tracker.domain.rules.inquiries import hard_inquiries
from jiebei_tracker.domain.vocabulary import InstallmentStatus, LoanPurpose, PlatformKind


class Goal(StrEnum):
    """Whether a target is reached by getting up to it (days, a limit) or down to it (an amount, a count)."""

    AT_LEAST = "at_least"
    AT_MOST = "at_most"


@dataclass(frozen=True)
class ChecklistItem:
    """One target: ``current`` against ``target`` in ``unit`` (``days``, ``count``, ``installments`` or ``fen``)."""

    key: str
    rule: str | None
    label: Text
    current: int
    target: int
    unit: str
    goal: Goal
    start: int | None = None  # the value when the checklist began (the cut), for measuring progress

    @property
    def done(self) -> bool:
        return self.current >= self.target if self.goal is Goal.AT_LEAST else self.current <= self.target

    @property
    def progress_percent(self) -> int:
        """How far along, 0–100 (for a progress bar); an at-most target is measured from ``current`` alone."""
        if self.done:
            return 100
        if self.goal is Goal.AT_LEAST:
            return max(0, self.current * 100 // self.target) if self.target else 100
        if self.start is None or self.start <= self.target:
            return 0
        return max(0, (self.start - self.current) * 100 // (self.start - self.target))

    def progress_text(self, language: str = "en") -> str:
        """``No new loan for 30 days: 12 of 30`` / ``Platforms with a balance: 4 → 2`` / ``Overdue amount: ¥0.00``."""
        label = self.label.get(language)
        zh = language.startswith("zh")
        if self.goal is Goal.AT_LEAST:
            current, target = self._show(min(self.current, self.target)), self._show(self.target)
            return f"{label}：{current}/{target}" if zh else f"{label}: {current} of {target}"
        if self.done:
            return f"{label}：{self._show(self.current)}" if zh else f"{label}: {self._show(self.current)}"
        return (
            f"{label}：{self._show(self.current)} → {self._show(self.target)}"
            if zh
            else (f"{label}: {self._show(self.current)} → {self._show(self.target)}")
        )

    def _show(self, value: int) -> str:
        return format_yuan(value) if self.unit == "fen" else str(value)


Measure = Callable[[Snapshot, Thresholds, Flag], list[ChecklistItem]]


def _overdue_amount(snapshot: Snapshot, t: Thresholds, flag: Flag) -> list[ChecklistItem]:
    owed = sum(
        inst.remaining_fen
        for loan in snapshot.open_loans
        for inst in loan.installments
        if inst.status(snapshot.as_of, snapshot.grace_days) is InstallmentStatus.OVERDUE
    )
    return [
        ChecklistItem("overdue_amount", flag.rule, Text("逾期未还金额", "Overdue amount"), owed, 0, "fen", Goal.AT_MOST)
    ]


def _on_time_streak(snapshot: Snapshot, t: Thresholds, flag: Flag) -> list[ChecklistItem]:
    """Installments settled on time in a row, counting back from the latest one that fell due."""
    fallen_due = sorted(
        (i for loan in snapshot.loans for i in loan.installments if i.deadline(snapshot.grace_days) < snapshot.as_of),
        key=lambda i: (i.due_on, i.installment_id),
    )
    streak = 0
    for inst in reversed(fallen_due):
        if not inst.status(snapshot.as_of, snapshot.grace_days).is_on_time:
            break
        streak += 1
    target = max(t.late_recent_months, 1)
    label = Text(f"连续按时还款 {target} 期", f"{target} repayments on time in a row")
    return [ChecklistItem("on_time_streak", flag.rule, label, streak, target, "installments", Goal.AT_LEAST)]


def days_without_new_loan(snapshot: Snapshot, t: Thresholds, rule: str | None) -> ChecklistItem:
    last = max((loan.borrowed_on for loan in snapshot.loans), default=None)
    days = t.frequency_short_days if last is None else (snapshot.as_of - last).days
    label = Text(f"{t.frequency_short_days} 天不借新款", f"No new loan for {t.frequency_short_days} days")
    return ChecklistItem("days_without_new_loan", rule, label, days, t.frequency_short_days, "days", Goal.AT_LEAST)


def _no_new_loan(snapshot: Snapshot, t: Thresholds, flag: Flag) -> list[ChecklistItem]:
    return [days_without_new_loan(snapshot, t, flag.rule)]


def _platforms(snapshot: Snapshot, t: Thresholds, flag: Flag) -> list[ChecklistItem]:
    items = []
    kinds = {item.kind for item in flag.evidence.items}
    if "platform" in kinds:
        count = len({loan.platform for loan in snapshot.open_loans})
        label = Text("有未还余额的平台数", "Platforms with a balance")
        items.append(
            ChecklistItem(
                "platforms_with_balance", flag.rule, label, count, t.platform_count - 1, "count", Goal.AT_MOST
            )
        )
    if "note" in kinds:
        months = t.inquiry_window_months
        count = len(hard_inquiries(snapshot.notes, snapshot.as_of, months))
        label = Text(f"近 {months} 个月的审批类征信查询", f"Hard credit inquiries in the last {months} months")
        items.append(
            ChecklistItem("recent_inquiries", flag.rule, label, count, t.inquiry_count - 1, "count", Goal.AT_MOST)
        )
    return items


def _investment_balance(snapshot: Snapshot, t: Thresholds, flag: Flag) -> list[ChecklistItem]:
    owed = sum(l.outstanding_principal_fen for l in snapshot.open_loans if l.purpose is LoanPurpose.INVESTMENT)  # noqa: E741
    label = Text("用于投资的借款余额", "Balance of loans used for investment")
    return [ChecklistItem("investment_balance", flag.rule, label, owed, 0, "fen", Goal.AT_MOST)]


def _transfers(snapshot: Snapshot, t: Thresholds, flag: Flag) -> list[ChecklistItem]:
    since = snapshot.as_of - timedelta(days=t.transfer_window_days - 1)
    count = sum(1 for loan in snapshot.loans_borrowed_since(since) if loan.purpose is LoanPurpose.TRANSFER)
    label = Text(
        f"近 {t.transfer_window_days} 天转到其他账户的借款",
        f"Loans moved to other accounts in the last {t.transfer_window_days} days",
    )
    return [ChecklistItem("recent_transfers", flag.rule, label, count, t.transfer_count - 1, "count", Goal.AT_MOST)]


def _many_inquiries(snapshot: Snapshot, t: Thresholds, flag: Flag) -> list[ChecklistItem]:
    months = t.many_inquiries_months
    count = len(hard_inquiries(snapshot.notes, snapshot.as_of, months))
    label = Text(f"近 {months} 个月的审批类征信查询", f"Hard credit inquiries in the last {months} months")
    return [
        ChecklistItem("inquiries_lately", flag.rule, label, count, t.many_inquiries_count - 1, "count", Goal.AT_MOST)
    ]


def _negative_notes(snapshot: Snapshot, t: Thresholds, flag: Flag) -> list[ChecklistItem]:
    """The unresolved records to settle, and each resolved one's days left until it drops off the report."""
    shown = on_the_report(snapshot.notes, snapshot.as_of)
    count = sum(1 for n in shown if n.resolved_on is None)
    label = Text(
        "未解决的征信负面记录（结清后 5 年消失）",
        "Unresolved negative credit-report lines (gone 5 years after settled)",
    )
    items = [ChecklistItem("unresolved_negative_notes", flag.rule, label, count, 0, "count", Goal.AT_MOST)]
    for note in (n for n in shown if n.drops_off_on is not None):
        gone = note.drops_off_on.isoformat()
        label = Text(
            f"{note.kind.label('zh_CN')}（{note.noted_on.isoformat()}）{gone} 移出征信，剩余天数",
            f"{note.kind.label('en')} of {note.noted_on.isoformat()} leaves the report on {gone}: days left",
        )
        left = (note.drops_off_on - snapshot.as_of).days
        items.append(ChecklistItem(f"drops_off_{note.note_id}", flag.rule, label, left, 0, "days", Goal.AT_MOST))
    return items


def _private_balance(snapshot: Snapshot, t: Thresholds, flag: Flag) -> list[ChecklistItem]:
    risky = (PlatformKind.PRIVATE, PlatformKind.MICROFINANCE)
    owed = sum(loan.outstanding_principal_fen for loan in snapshot.open_loans if loan.platform_kind in risky)
    label = Text("民间借贷和小贷公司的借款余额", "Balance with private lenders and small-loan companies")
    return [ChecklistItem("private_balance", flag.rule, label, owed, 0, "fen", Goal.AT_MOST)]


def _autopay(snapshot: Snapshot, t: Thresholds, flag: Flag) -> list[ChecklistItem]:
    open_loans = snapshot.open_loans
    on_autopay = sum(1 for loan in open_loans if loan.autopay)
    label = Text("已开通自动还款的还款中借款", "Active loans on autopay")
    return [ChecklistItem("loans_on_autopay", flag.rule, label, on_autopay, len(open_loans), "count", Goal.AT_LEAST)]


def _costly_balance(snapshot: Snapshot, t: Thresholds, flag: Flag) -> list[ChecklistItem]:
    owed = sum(
        loan.outstanding_principal_fen
        for loan in snapshot.open_loans
        if costs_more_than(COSTLY_APR, loan.received_fen, loan.cash_flows)
    )
    label = Text("真实年化超过 24% 的借款余额", "Balance of loans costing more than 24% a year")
    return [ChecklistItem("costly_balance", flag.rule, label, owed, 0, "fen", Goal.AT_MOST)]


MEASURES: dict[str, Measure] = {
    "overdue": _overdue_amount,
    "late_history": _on_time_streak,
    "borrowing_frequency": _no_new_loan,
    "revolving": _no_new_loan,
    "multi_platform": _platforms,
    "risky_purpose": _investment_balance,
    "transfer_out": _transfers,
    "credit_report_negative": _negative_notes,
    "many_inquiries": _many_inquiries,
    "private_lending": _private_balance,
    "no_autopay": _autopay,
    "costly_credit": _costly_balance,
}


def limit_target(snapshot: Snapshot, platform: str, before_fen: int) -> ChecklistItem:
    """The platform's limit now against what it was before the cut."""
    current = snapshot.limit_on(platform, snapshot.as_of) or 0
    label = Text(f"{platform} 额度恢复到降额前", f"{platform} limit back to its level before the cut")
    return ChecklistItem("limit", None, label, current, before_fen, "fen", Goal.AT_LEAST)


def checklist(
    snapshot: Snapshot, thresholds: Thresholds, flags: Iterable[Flag], *, start: Snapshot | None = None
) -> list[ChecklistItem]:
    """The targets the flags call for, measured on ``snapshot`` (today's records, so it moves as the user acts),
    with each one's value on ``start`` when given; a target two flags share (e.g. no new loan) appears once."""
    flags = list(flags)
    items = _measured(snapshot, thresholds, flags)
    if start is not None:
        began = _measured(start, thresholds, flags)
        items = {key: replace(item, start=began[key].current if key in began else None) for key, item in items.items()}
    return list(items.values())


def _measured(snapshot: Snapshot, thresholds: Thresholds, flags: list[Flag]) -> dict[str, ChecklistItem]:
    items: dict[str, ChecklistItem] = {}
    for flag in flags:
        measure = MEASURES.get(flag.rule)
        for item in measure(snapshot, thresholds, flag) if measure else ():
            items.setdefault(item.key, item)
    return items
