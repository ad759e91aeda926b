"""The rule on what credit costs: ``costly_credit`` — a loan still being repaid whose true APR (fees included, by
the IRR method lenders must state) is above 24 % a year, or above 36 %."""

from __future__ import annotations

from decimal import Decimal

from jiebei_tracker.domain.book.records import Loan
from jiebei_tracker.domain.book.snapshot import Snapshot
from jiebei_tracker.domain.cost import COSTLY_APR, VERY_COSTLY_APR, cost_of_flows, costs_more_than
from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.domain.rules.flags import STRATEGY_2_2, Flag, Severity, Text
from jiebei_tracker.domain.rules.registry import Finding, rule
from jiebei_tracker.domain.rules.thresholds import Thresholds
from jiebei_tracker.domain.rules.wording import loan_item, make_flag, plural


@rule("costly_credit", STRATEGY_2_2, worst=Severity.HIGH, cause=False)
def costly_credit(snapshot: Snapshot, thresholds: Thresholds) -> Finding | None:
    """Open loans costing more than 24 % a year (a reminder), or more than 36 % (high)."""
    costly = [
        (loan, cost_of_flows(loan.received_fen, loan.cash_flows).apr)
        for loan in snapshot.loans
        if snapshot.is_open(loan) and costs_more_than(COSTLY_APR, loan.received_fen, loan.cash_flows)
    ]
    if not costly:
        return None
    costly.sort(key=lambda found: found[1], reverse=True)  # the costliest first: the order to repay them in
    severity = Severity.HIGH if costly[0][1] > VERY_COSTLY_APR else Severity.LOW
    return Finding(severity, lambda: _costly_credit_flag(snapshot, costly, severity))


def _percent(fraction: Decimal) -> str:
    return f"{fraction * 100:.2f}%"


def _costly_credit_flag(snapshot: Snapshot, costly: list[tuple[Loan, Decimal]], severity: Severity) -> Flag:
    owed = sum(loan.outstanding_principal_fen for loan, _ in costly)
    return make_flag(
        snapshot,
        "costly_credit",
        severity,
        title=Text("借款成本偏高", "Costly credit"),
        summary=Text(
            f"{len(costly)} 笔还款中的借款真实年化利率超过 24%，最高 {_percent(costly[0][1])}，"
            f"未还本金 {format_yuan(owed)}。",
            f"{plural(len(costly), 'loan')} still being repaid cost more than 24% a year in truth, the costliest "
            f"{_percent(costly[0][1])}; {format_yuan(owed)} principal still owed.",
        ),
        items=[
            loan_item(
                loan,
                f"真实年化 {_percent(apr)}",
                f"true APR {_percent(apr)}",
                counts=(("apr_basis_points", int(apr * 10_000)),),
            )
            for loan, apr in costly
        ],
        advice=Text(
            "有余钱时先提前还这几笔，从成本最高的还起；手续费、服务费都算在真实年化里。以后借款前先看平台公示的年化"
            "利率（按 IRR 计算），超过 24% 的尽量不借，超过 36% 的不要借。",
            "When you have money to spare, repay these early, the costliest first; fees and service charges count "
            "in the true APR. Before borrowing again, look for the annualised rate the lender must state (by the IRR "
            "method): avoid credit above 24% a year, and never take credit above 36%.",
        ),
    )
