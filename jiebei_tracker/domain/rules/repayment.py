"""Rules on repaying: ``overdue`` (原因 1, 原因 4, 策略 3(1)) and ``late_history`` (原因 1, 原因 4)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from dateutil.relativedelta import relativedelta

from jiebei_tracker.domain.book.records import Installment, Loan
from jiebei_tracker.domain.book.snapshot import Snapshot
from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.domain.rules.flags import (
    CAUSE_1,
    CAUSE_4,
    STRATEGY_3_1,
    Flag,
    Severity,
    Text,
)
from jiebei_tracker.domain.rules.registry import Finding, rule
from jiebei_tracker.domain.rules.thresholds import Thresholds
from jiebei_tracker.domain.rules.wording import installment_item, make_flag, plural
from jiebei_tracker.domain.status import overdue_before


@rule("overdue", CAUSE_1, CAUSE_4, STRATEGY_3_1, worst=Severity.CRITICAL)
def overdue(snapshot: Snapshot, thresholds: Thresholds) -> Finding | None:
    """Any installment past its due date (plus grace) and not fully paid as of the snapshot date."""
    if next(_overdue_installments(snapshot), None) is None:
        return None
    return Finding(Severity.CRITICAL, lambda: _overdue_flag(snapshot))


def _overdue_flag(snapshot: Snapshot) -> Flag:
    as_of = snapshot.as_of
    items = []
    total_fen = 0
    oldest_days = 0
    penalty_total = 0
    for loan, inst in _overdue_installments(snapshot):
        days = (as_of - inst.due_on).days
        oldest_days = max(oldest_days, days)
        total_fen += inst.remaining_fen
        penalty = loan.penalty_on(inst, as_of, snapshot.grace_days)
        penalty_total += penalty
        items.append(
            installment_item(
                loan,
                inst,
                f"（{inst.due_on.isoformat()} 到期）：未还 {format_yuan(inst.remaining_fen)}，已逾期 {days} 天，"
                f"估计罚息 {format_yuan(penalty)}",
                f" due {inst.due_on.isoformat()}: {format_yuan(inst.remaining_fen)} unpaid, "
                f"{plural(days, 'day')} overdue, penalty interest about {format_yuan(penalty)}",
                dates=(("due_on", inst.due_on),),
                amounts_fen=(("unpaid", inst.remaining_fen), ("penalty_estimate", penalty)),
                counts=(("days_overdue", days),),
            )
        )
    amount = format_yuan(total_fen)
    penalties = format_yuan(penalty_total)
    loans = len({item.loan_id for item in items})
    return make_flag(
        snapshot,
        "overdue",
        Severity.CRITICAL,
        title=Text("有逾期未还的款项", "Repayments are overdue"),
        summary=Text(
            f"{len(items)} 期还款逾期未还（涉及 {loans} 笔借款），共 {amount}，最久的已逾期 {oldest_days} 天；"
            f"罚息估计已有 {penalties}，每拖一天还会增加。",
            f"{plural(len(items), 'installment')} on {plural(loans, 'loan')} overdue: {amount} unpaid, "
            f"the oldest for {plural(oldest_days, 'day')}; penalty interest about {penalties} so far, growing "
            "every day.",
        ),
        items=items,
        advice=Text(
            f"今天就把逾期的 {amount} 补上，先还逾期时间最长的那一期；逾期每多一天，记录就更难看。"
            "还清之后主动联系平台客服，说明原因，问清楚能否申请信用修复，并为以后的每一期开通自动还款。",
            f"Pay the overdue {amount} today, oldest installment first — every extra day makes the record worse. "
            "Once it is cleared, call the platform, explain what happened and ask whether you can apply for "
            "credit repair; then put every later installment on autopay.",
        ),
    )


def _overdue_installments(snapshot: Snapshot) -> Iterator[tuple[Loan, Installment]]:
    """Each installment still open and due before the snapshot date less the grace days, with its loan."""
    # Overdue means still open and due before this day (domain/status.py); installments come in due order.
    due_before = overdue_before(snapshot.as_of, snapshot.grace_days)
    for loan in snapshot.open_loans:
        for inst in loan.installments:
            if inst.due_on >= due_before:
                break
            if inst.settled_on is None:
                yield loan, inst


@rule("late_history", CAUSE_1, CAUSE_4, worst=Severity.HIGH)
def late_history(snapshot: Snapshot, thresholds: Thresholds) -> Finding | None:
    """Installments settled after their due date (plus grace) within the window; high while the latest is recent,
    medium once it is older, and none at all once every one is older than the window."""
    window_start, recent_start = _late_window(snapshot, thresholds)
    latest = snapshot.last_settled_late_between(window_start, snapshot.as_of)
    if latest is None:
        return None
    severity = Severity.HIGH if latest >= recent_start else Severity.MEDIUM
    return Finding(severity, lambda: _late_history_flag(snapshot, thresholds, window_start, latest, severity))


def _late_history_flag(
    snapshot: Snapshot, thresholds: Thresholds, window_start: date, latest: date, severity: Severity
) -> Flag:
    as_of = snapshot.as_of
    items = []
    for inst in snapshot.installments_settled_late_between(window_start, as_of):
        settled = inst.settled_on
        loan = snapshot.loans_by_id[inst.loan_id]
        days_late = (settled - inst.due_on).days
        items.append(
            installment_item(
                loan,
                inst,
                f"：{inst.due_on.isoformat()} 到期，{settled.isoformat()} 才还清，晚了 {days_late} 天",
                f" due {inst.due_on.isoformat()}, paid {settled.isoformat()}: {plural(days_late, 'day')} late",
                dates=(("due_on", inst.due_on), ("settled_on", settled)),
                amounts_fen=(("amount", inst.total_fen),),
                counts=(("days_late", days_late),),
            )
        )
    recent = severity is Severity.HIGH
    months = thresholds.late_window_months
    return make_flag(
        snapshot,
        "late_history",
        severity,
        title=Text("近期有逾期后才还清的记录", "Repayments were made late"),
        summary=Text(
            f"近 {months} 个月内有 {len(items)} 期还款晚于到期日才还清，最近一次在 {latest.isoformat()}"
            + ("（半年之内，影响较大）。" if recent else "（已过去较久，影响在减弱）。"),
            f"{plural(len(items), 'installment')} repaid after the due date in the last {months} months, "
            f"the latest on {latest.isoformat()}"
            + (" — recent, so it still weighs heavily." if recent else " — long enough ago that it weighs less."),
        ),
        items=items,
        advice=Text(
            "从现在起每一期都准时还：给每笔借款开通自动还款，或在到期前几天设好提醒。"
            "迟还的记录会随时间淡化，一长串按时还款是恢复信用最快的办法。",
            "From now on, pay every installment on time: switch on autopay for each loan, or set a reminder a few "
            "days before each due date. Late marks fade with time, and a long run of on-time payments is the "
            "fastest way to rebuild trust.",
        ),
    )


def _late_window(snapshot: Snapshot, thresholds: Thresholds) -> tuple[date, date]:
    """Where late repayments start to count, and where they start to count as recent."""
    as_of = snapshot.as_of
    return (
        as_of - relativedelta(months=thresholds.late_window_months),
        as_of - relativedelta(months=thresholds.late_recent_months),
    )
