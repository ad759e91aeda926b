"""Rules on what the money was for: ``risky_purpose``, ``transfer_out`` (原因 2) and ``revolving`` (策略 2(2))."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from jiebei_tracker.domain.book.records import Installment, Loan
from jiebei_tracker.domain.book.snapshot import Snapshot
from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.domain.rules.flags import (
    CAUSE_2,
    STRATEGY_2_1,
    STRATEGY_2_2,
    EvidenceItem,
    Flag,
    Severity,
    Text,
)
from jiebei_tracker.domain.rules.registry import Finding, rule
from jiebei_tracker.domain.rules.thresholds import Thresholds
from jiebei_tracker.domain.rules.wording import installment_item, installment_name, loan_item, make_flag, plural
from jiebei_tracker.domain.vocabulary import LoanPurpose


@rule("risky_purpose", CAUSE_2, STRATEGY_2_1, worst=Severity.HIGH)
def risky_purpose(snapshot: Snapshot, thresholds: Thresholds) -> Finding | None:
    """Loans used for investment (stocks, futures…): high when large against the platform's limit at the time."""
    found = list(_investments(snapshot, thresholds))
    if not found:
        return None
    severity = Severity.HIGH if any(is_large for _loan, _limit, is_large in found) else Severity.MEDIUM
    return Finding(severity, lambda: _risky_purpose_flag(snapshot, thresholds, found, severity))


def _risky_purpose_flag(
    snapshot: Snapshot, t: Thresholds, found: list[tuple[Loan, int | None, bool]], severity: Severity
) -> Flag:
    items = []
    large = 0
    outstanding = 0
    for loan, limit, is_large in found:
        if limit is not None:
            zh = f"{loan.borrowed_on.isoformat()} 时额度 {format_yuan(limit)}"
            en = f"the limit then was {format_yuan(limit)}"
            extra = {"amounts_fen": (("limit", limit),)}
        else:
            zh, en, extra = "未记录当时的额度", "no limit recorded then", {}
        large += is_large
        outstanding += loan.outstanding_principal_fen
        items.append(
            loan_item(loan, zh + ("，金额偏大" if is_large else ""), en + (" — large" if is_large else ""), **extra)
        )
    share = t.risky_limit_share_percent
    return make_flag(
        snapshot,
        "risky_purpose",
        severity,
        title=Text("借款用于炒股、期货等高风险投资", "Borrowed money used for speculation"),
        summary=Text(
            f"{len(items)} 笔借款用途为投资理财"
            + (
                f"，其中 {large} 笔达到当时额度的 {share}% 及以上"
                f"（没有额度记录时按 {format_yuan(t.risky_amount_fen)} 算）"
                if large
                else ""
            )
            + f"，未还本金 {format_yuan(outstanding)}。",
            f"{plural(len(items), 'loan')} used for investment"
            + (
                f", {large} of them {share}% or more of the platform's limit at the time "
                f"({format_yuan(t.risky_amount_fen)} or more where no limit was recorded)"
                if large
                else ""
            )
            + f"; {format_yuan(outstanding)} principal still owed.",
        ),
        items=items,
        advice=Text(
            "优先还清用于投资的借款，以后借款只用在生活开支或正当经营上。"
            "用借来的钱买股票、期货，在平台看来就是还款能力存在风险的信号。",
            "Repay the loans used for investing first, and keep future borrowing for living costs or a lawful "
            "business. Money borrowed to trade stocks or futures tells the platform your ability to repay is at risk.",
        ),
    )


def _investments(snapshot: Snapshot, t: Thresholds) -> Iterator[tuple[Loan, int | None, bool]]:
    """Each loan used for investment that still counts, with the platform's limit when it was borrowed (None when
    none was recorded) and whether it was large against that limit (or against the fixed amount)."""
    for loan in snapshot.loans_that_count(t.event_memory_days):
        if loan.purpose is not LoanPurpose.INVESTMENT:
            continue
        limit = snapshot.limit_on(loan.platform, loan.borrowed_on)
        if limit is not None:
            yield loan, limit, loan.principal_fen * 100 >= t.risky_limit_share_percent * limit
        else:
            yield loan, None, loan.principal_fen >= t.risky_amount_fen


@rule("transfer_out", CAUSE_2, STRATEGY_2_1, worst=Severity.MEDIUM)
def transfer_out(snapshot: Snapshot, thresholds: Thresholds) -> Finding | None:
    """Several loans moved on to other (or savings) accounts within the window."""
    since = snapshot.as_of - timedelta(days=thresholds.transfer_window_days - 1)
    moved = [loan for loan in snapshot.loans_borrowed_since(since) if loan.purpose is LoanPurpose.TRANSFER]
    if len(moved) < thresholds.transfer_count:
        return None
    return Finding(Severity.MEDIUM, lambda: _transfer_out_flag(snapshot, thresholds, moved))


def _transfer_out_flag(snapshot: Snapshot, t: Thresholds, moved: list[Loan]) -> Flag:
    total = format_yuan(sum(loan.principal_fen for loan in moved))
    return make_flag(
        snapshot,
        "transfer_out",
        Severity.MEDIUM,
        title=Text("借来的钱被转到其他账户", "Loan money moved on to other accounts"),
        summary=Text(
            f"近 {t.transfer_window_days} 天有 {len(moved)} 笔借款（共 {total}）转到了其他账户。",
            f"{plural(len(moved), 'loan')} ({total}) moved to other accounts "
            f"in the last {t.transfer_window_days} days.",
        ),
        items=[loan_item(loan) for loan in moved],
        advice=Text(
            "借来的钱直接花在借款时说的用途上，不要转进储蓄账户或别的银行卡；"
            "借到就转走，看起来像是在挪用资金。如果只是想留一笔备用金，就少借一点。",
            "Spend borrowed money directly on what you borrowed it for rather than moving it to savings or other "
            "cards; money that leaves right after the loan looks diverted. If you only want a cash cushion, "
            "borrow less.",
        ),
    )


@rule("revolving", STRATEGY_2_2, worst=Severity.HIGH)
def revolving(snapshot: Snapshot, thresholds: Thresholds) -> Finding | None:
    """Borrowing to repay: a loan taken shortly before another loan's due date (recently), or one whose stated
    purpose is repaying another loan (while it counts)."""
    if next(_rolled_over(snapshot, thresholds), None) is None:
        return None
    return Finding(Severity.HIGH, lambda: _revolving_flag(snapshot, thresholds))


def _revolving_flag(snapshot: Snapshot, t: Thresholds) -> Flag:
    items: list[EvidenceItem] = []
    rolled = 0
    listed: set[int] = set()  # an installment several new loans were taken before is listed once
    for loan, pressing in _rolled_over(snapshot, t):
        rolled += 1
        if not pressing:
            items.append(loan_item(loan, "用途是还其他贷款", "taken to repay another loan"))
            continue
        first = pressing[0]
        other = snapshot.loans_by_id[first.loan_id]
        days = (first.due_on - loan.borrowed_on).days
        items.append(
            loan_item(
                loan,
                f"距离 {installment_name(other, first).zh_CN} 到期只有 {days} 天",
                f"{plural(days, 'day')} before {installment_name(other, first).en} fell due",
                dates=(("other_due_on", first.due_on),),
            )
        )
        for inst in pressing[:_DUES_SHOWN]:
            if inst.installment_id in listed:
                continue
            listed.add(inst.installment_id)
            owner = snapshot.loans_by_id[inst.loan_id]
            items.append(
                installment_item(
                    owner,
                    inst,
                    f"：{inst.due_on.isoformat()} 到期 {format_yuan(inst.total_fen)}",
                    f": {format_yuan(inst.total_fen)} due {inst.due_on.isoformat()}",
                    dates=(("due_on", inst.due_on),),
                    amounts_fen=(("amount", inst.total_fen),),
                )
            )
    return make_flag(
        snapshot,
        "revolving",
        Severity.HIGH,
        title=Text("以贷养贷：借新款还旧款", "Borrowing to repay other loans"),
        summary=Text(
            f"{rolled} 笔借款是在其他借款到期前 {t.revolving_days_before_due} 天内借的，或写明用于还其他贷款。",
            f"{plural(rolled, 'loan')} taken within {t.revolving_days_before_due} days before another loan's due "
            "date, or to repay another loan.",
        ),
        items=items,
        advice=Text(
            "别再用新借款去填旧账。把接下来几个月要还的钱列出来，先用收入还清余额小的几笔；"
            "哪一期实在还不上，直接找那家平台商量延期，而不是再去别处借。",
            "Stop covering repayments with new loans. List what falls due over the next months and clear the "
            "smallest balances from income first; if one installment really cannot be met, ask that lender for "
            "more time instead of borrowing elsewhere.",
        ),
    )


def _rolled_over(snapshot: Snapshot, t: Thresholds) -> Iterator[tuple[Loan, list[Installment]]]:
    """Each loan that counts as borrowing to repay: with no dues when its stated purpose says so, else with the
    first few other loans' dues it was taken shortly before."""
    for loan in snapshot.loans_that_count(t.event_memory_days):
        if loan.purpose is LoanPurpose.REPAY_OTHER_LOAN:
            yield loan, []
            continue
        if (snapshot.as_of - loan.borrowed_on).days >= t.event_memory_days:
            continue
        pressing = _dues_it_may_cover(snapshot, loan, t.revolving_days_before_due)
        if pressing:
            yield loan, pressing


# A loan taken amid many others may precede dozens of dues; the nearest few make the point.
_DUES_SHOWN = 3


def _dues_it_may_cover(snapshot: Snapshot, loan: Loan, days_before: int):
    """Other loans' installments falling due within ``days_before`` days after ``loan`` was taken and still
    unpaid that day — what the new money may have gone to; the first few only, all the rule shows."""
    return snapshot.installments_due_between_for(loan, days_before, limit=_DUES_SHOWN)
