"""Between table rows and domain values: the one place that knows how a Loan row becomes LoanTerms."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from jiebei_tracker.domain.payments import Payment
from jiebei_tracker.domain.rates import Rate, RateBasis
from jiebei_tracker.domain.schedule import NO_FEES, Fees, LoanTerms, PlannedInstallment
from jiebei_tracker.domain.vocabulary import InterestBasis, RepaymentMethod

if TYPE_CHECKING:  # the rows' types only: rate_of also reads plain-driver rows (storage/reads.py)
    from jiebei_tracker.storage import reads, tables


def rate_of(row: tables.LoanTable | reads.LoanRow) -> Rate:
    return Rate(Decimal(row.annual_rate), RateBasis(row.rate_basis))


def terms_of(row: tables.LoanTable) -> LoanTerms:
    return LoanTerms(
        borrowed_on=row.borrowed_on,
        principal_fen=row.principal_fen,
        term_months=row.term_months,
        method=RepaymentMethod(row.method),
        rate=rate_of(row),
        interest_basis=InterestBasis(row.interest_basis),
        fees=fees_of(row),
        interest_free_days=row.interest_free_days,
    )


def fees_of(row: tables.LoanTable | reads.LoanRow) -> Fees:
    if not (row.fee_upfront_fen or row.fee_per_installment_fen or row.fee_rate != "0"):
        return NO_FEES
    return Fees(row.fee_upfront_fen, row.fee_per_installment_fen, Decimal(row.fee_rate))


def installment_of(row: tables.InstallmentTable) -> PlannedInstallment:
    return PlannedInstallment(row.seq, row.due_on, row.principal_fen, row.interest_fen, row.fee_fen)


def payment_of(row: tables.RepaymentTable) -> Payment:
    return Payment(row.paid_on, row.amount_fen, row.is_payoff)
