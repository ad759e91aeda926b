"""What a loan truly costs a year (真实年化): the internal rate of return of its cash flows, by the IRR method that
lenders in China must use to state an annualised rate — fees included, whatever the loan calls them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from jiebei_tracker.domain.dates import months_after
from jiebei_tracker.domain.schedule import LoanTerms, PlannedInstallment, build_schedule

# Above this the credit is costly (a low-severity flag); above HIGH it is very costly. Chinese courts stop
# protecting interest above 24 % a year, and 36 % is the line beyond which no lender may charge at all.
COSTLY_APR = Decimal("0.24")
VERY_COSTLY_APR = Decimal("0.36")
_PLACES = Decimal("0.0001")


@dataclass(frozen=True)
class TrueCost:
    """``apr``: the monthly IRR × 12 (what lenders must state); ``effective``: (1 + IRR)¹² − 1, with the monthly
    interest compounded. Both fractions rounded half-up to four places (0.1456 is 14.56 % a year)."""

    apr: Decimal
    effective: Decimal


def loan_cost(terms: LoanTerms) -> TrueCost:
    """The true cost of a loan on its terms (its schedule as the terms build it)."""
    return true_cost(terms, build_schedule(terms))


def true_cost(terms: LoanTerms, schedule: Sequence[PlannedInstallment]) -> TrueCost:
    """The true cost of a loan whose schedule is ``schedule``: the borrower receives ``terms.received_fen`` at
    month 0 and pays each installment's total (principal, interest and fee) at the month it falls due."""
    flows = [(months_after(terms.borrowed_on, i.due_on), i.total_fen) for i in schedule]
    return cost_of_flows(terms.received_fen, flows)


def cost_of_flows(received_fen: int, flows: Sequence[tuple[int, int]]) -> TrueCost:
    """The true cost of receiving ``received_fen`` now and paying ``flows`` (month, fen)."""
    monthly = monthly_irr(received_fen, flows)
    return TrueCost(_fraction(monthly * 12), _fraction((1 + monthly) ** 12 - 1))


def costs_more_than(apr: Decimal, received_fen: int, flows: Sequence[tuple[int, int]]) -> bool:
    """Whether the true APR of the flows, rounded as shown, is above ``apr`` — asking the IRR only when a cheap
    bound cannot say no. For i ≥ 0, (1 + i)^m ≥ 1 + i·m, so the payments discounted at simple interest are worth at
    least their value at the IRR, which is what was received; if at i = apr ÷ 12 they are worth no more than what
    was received, the IRR is at most apr ÷ 12. Most loans are told apart by this one pass over their installments."""
    monthly = float(apr) / 12
    if sum(fen / (1 + monthly * month) for month, fen in flows) <= received_fen:
        return False
    return cost_of_flows(received_fen, flows).apr > apr


def monthly_irr(received_fen: int, payments: Sequence[tuple[int, int]]) -> float:
    """The monthly rate i at which ``received_fen`` now equals the ``payments`` (month, fen) discounted at i.

    What the payments are worth falls as i rises, so there is one root: Newton's steps find it in a few rounds,
    and a step that would leave the bracket known to hold the root halves the bracket instead (so it cannot wander
    off). Found to the precision of a float: far finer than the four places shown."""

    def surplus(rate: float) -> tuple[float, float]:
        """What the payments are worth at ``rate`` less what was received, and its slope."""
        worth = slope = 0.0
        for month, fen in payments:
            discounted = fen / (1 + rate) ** month
            worth += discounted
            slope -= month * discounted / (1 + rate)
        return worth - received_fen, slope

    low, high = -0.99, 1.0
    while surplus(high)[0] > 0:  # above 100 % a month: widen until the root is bracketed
        low, high = high, high * 2
        if high > 1e6:
            raise ValueError("no rate of return: the payments never come down to what was received")
    if surplus(low)[0] < 0:
        raise ValueError("no rate of return: less is repaid than any rate above −99 % a month asks")
    rate = min(max(0.01, low), high)
    for _ in range(200):
        value, slope = surplus(rate)
        if value == 0:
            return rate
        if value > 0:
            low = rate
        else:
            high = rate
        step = rate - value / slope if slope else None
        if step is None or not low < step < high:
            step = (low + high) / 2
        if step == rate or high - low <= 1e-16:
            break
        rate = step
    return rate


def _fraction(value: float) -> Decimal:
    return Decimal(value).quantize(_PLACES, rounding=ROUND_HALF_UP)
