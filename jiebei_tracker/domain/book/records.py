"""The user's records as plain, read-only values: loans with their installments, repayments, limits, notes."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from itertools import compress
from operator import attrgetter
from typing import NamedTuple

from jiebei_tracker.domain.dates import months_after
from jiebei_tracker.domain.penalty import DEFAULT_MULTIPLIER, PenaltyTerms
from jiebei_tracker.domain.status import installment_status
from jiebei_tracker.domain.vocabulary import InquiryReason, InstallmentStatus, LoanPurpose, NoteKind, PlatformKind

# A negative record stays on the credit report for five years from the day the bad behaviour ended (征信业管理条例
# 第十六条).
RECORD_YEARS = 5
NEGATIVE_KINDS = frozenset({NoteKind.OVERDUE_RECORD, NoteKind.BAD_DEBT, NoteKind.GUARANTEE})


def drop_off_day(kind: NoteKind, resolved_on: date | None) -> date | None:
    """When a negative record leaves the report: RECORD_YEARS after it was resolved; None while unresolved (five
    years after it is settled), and for a note that is not a negative record."""
    if kind not in NEGATIVE_KINDS or resolved_on is None:
        return None
    return years_after(resolved_on, RECORD_YEARS)


def years_after(day: date, years: int) -> date:
    """The same day ``years`` later (29 February: the 28th in a year without one)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


class Installment(NamedTuple):
    """A scheduled payment with what had been paid on it; ``settled_on`` is None while it is open.

    A NamedTuple rather than a frozen dataclass (both read-only) because a long history holds tens of thousands
    of them and a frozen dataclass takes three times as long to build (benchmarks/bench_rules.py)."""

    installment_id: int
    loan_id: int
    seq: int
    due_on: date
    principal_fen: int
    interest_fen: int
    paid_interest_fen: int = 0  # interest and fee paid: both come before principal
    paid_principal_fen: int = 0
    settled_on: date | None = None
    fee_fen: int = 0
    paid_penalty_fen: int = 0  # penalty interest paid beyond the installment's total (a late repayment's surplus)

    @property
    def total_fen(self) -> int:
        return self.principal_fen + self.interest_fen + self.fee_fen

    @property
    def charges_fen(self) -> int:
        """Interest and fee: what a payment pays before principal."""
        return self.interest_fen + self.fee_fen

    @property
    def paid_fen(self) -> int:
        return self.paid_interest_fen + self.paid_principal_fen

    @property
    def remaining_fen(self) -> int:
        """Still owed (0 once settled, even by a payoff for less)."""
        return 0 if self.settled_on is not None else self.total_fen - self.paid_fen

    @property
    def remaining_principal_fen(self) -> int:
        return 0 if self.settled_on is not None else self.principal_fen - self.paid_principal_fen

    def deadline(self, grace_days: int = 0) -> date:
        return self.due_on + timedelta(days=grace_days)

    def status(self, as_of: date, grace_days: int = 0) -> InstallmentStatus:
        return installment_status(self.due_on, self.settled_on, as_of, grace_days)


@dataclass(frozen=True, slots=True)
class Loan:
    """A loan with its platform, what it was for, and its installments (oldest first)."""

    loan_id: int
    platform: str
    platform_kind: PlatformKind
    purpose: LoanPurpose
    autopay: bool
    principal_fen: int
    borrowed_on: date
    installments: tuple[Installment, ...]
    external_id: str | None = None
    fee_upfront_fen: int = 0  # kept back at payout: the borrower received the principal less this
    annual_rate: Decimal = Decimal(0)
    penalty_multiplier: Decimal = DEFAULT_MULTIPLIER  # the platform's, of the daily rate, on what is overdue

    def penalty_on(self, inst: Installment, as_of: date, grace_days: int = 0) -> int:
        """The penalty interest an open installment has run up by ``as_of`` (an estimate: 0 when not overdue)."""
        if inst.settled_on is not None and inst.settled_on <= as_of:
            return 0
        terms = PenaltyTerms(self.annual_rate, self.penalty_multiplier, grace_days)
        return terms.accrued(inst.due_on, inst.remaining_principal_fen, as_of)

    @property
    def received_fen(self) -> int:
        return self.principal_fen - self.fee_upfront_fen

    @property
    def cash_flows(self) -> list[tuple[int, int]]:
        """(month after borrowing, total due) of each installment: what the true APR is worked out from."""
        borrowed_on = self.borrowed_on
        return [(months_after(borrowed_on, i.due_on), i.total_fen) for i in self.installments]

    @property
    def ref(self) -> str:
        """How people name the loan: the platform's loan number if known, else ``#<number>``."""
        return self.external_id or f"#{self.loan_id}"

    @property
    def is_open(self) -> bool:
        """Some installment is still to be settled."""
        return any(i.settled_on is None for i in self.installments)

    @property
    def outstanding_principal_fen(self) -> int:
        return sum(i.remaining_principal_fen for i in self.installments)

    @property
    def remaining_fen(self) -> int:
        return sum(i.remaining_fen for i in self.installments)

    def next_open(self) -> Installment | None:
        return next((i for i in self.installments if i.settled_on is None), None)


class Repayment(NamedTuple):
    """Money paid on a loan (a NamedTuple for the same reason as Installment)."""

    repayment_id: int
    loan_id: int
    paid_on: date
    amount_fen: int
    is_payoff: bool = False


@dataclass(frozen=True)
class Repayments:
    """Repayments in date order kept as one tuple per field. No rule reads repayments one by one — they only
    rebuild the state of loans on past days — so tens of thousands of them cost five tuples here rather than an
    object each; ``records()`` gives them as Repayment values when asked."""

    repayment_ids: tuple[int, ...] = ()
    loan_ids: tuple[int, ...] = ()
    days: tuple[date, ...] = ()
    amounts_fen: tuple[int, ...] = ()
    payoffs: tuple[bool, ...] = ()

    @classmethod
    def of(cls, records: Iterable[Repayment]) -> Repayments:
        """Columns of ``records`` put in date order (same-day repayments keep their order)."""
        ordered = sorted(records, key=attrgetter("paid_on"))
        return cls(*(tuple(column) for column in zip(*ordered, strict=True))) if ordered else cls()

    def __len__(self) -> int:
        return len(self.days)

    def count_by(self, day: date) -> int:
        """How many were paid on or before ``day``."""
        return bisect_right(self.days, day)

    def first(self, count: int) -> Repayments:
        """The first ``count`` repayments (those paid by a day: see ``count_by``)."""
        return self if count >= len(self) else Repayments(*(column[:count] for column in _columns(self)))

    def records(self, count: int | None = None) -> tuple[Repayment, ...]:
        """The first ``count`` repayments (all when None) as records."""
        columns = (column[:count] for column in _columns(self))
        return tuple(map(Repayment, *columns))

    def with_loans_replaced(self, loan_ids: set[int], fresh: Repayments) -> Repayments:
        """These columns less the repayments of ``loan_ids``, plus ``fresh`` (theirs as they are now). Both must be
        in (day, id) order, as the loader reads them; so is the result, as a full read would give it."""
        keep = [loan_id not in loan_ids for loan_id in self.loan_ids]
        columns = [list(compress(column, keep)) for column in _columns(self)]
        days, ids = columns[2], columns[0]
        for row in zip(*_columns(fresh), strict=True):
            at = bisect_right(days, row[2])
            start = bisect_left(days, row[2])
            at = start + bisect_right(ids[start:at], row[0])
            for column, value in zip(columns, row, strict=True):
                column.insert(at, value)
        return Repayments(*(tuple(column) for column in columns))

    def only_loans(self, loan_ids: set[int]) -> Repayments:
        keep = list(map(loan_ids.__contains__, self.loan_ids))
        return Repayments(*(tuple(compress(column, keep)) for column in _columns(self)))

    def by_loan(self) -> dict[int, tuple[list[date], list[int]]]:
        """Per loan, its payment days in order and the running total paid by each."""
        found: dict[int, tuple[list[date], list[int]]] = {}
        for loan_id, day, amount in zip(self.loan_ids, self.days, self.amounts_fen, strict=True):
            days, totals = found.setdefault(loan_id, ([], []))
            days.append(day)
            totals.append((totals[-1] if totals else 0) + amount)
        return found

    def last_paid(self) -> dict[int, date]:
        """Per loan, the day of its last repayment (in date order, the last one written wins)."""
        return dict(zip(self.loan_ids, self.days, strict=True))


def _columns(columns: Repayments) -> tuple[tuple, ...]:
    return (columns.repayment_ids, columns.loan_ids, columns.days, columns.amounts_fen, columns.payoffs)


@dataclass(frozen=True, slots=True)
class CreditNote:
    """A credit-report (征信) line. ``resolved_on`` is None while it is unresolved; an inquiry has its ``reason``
    (None for the other kinds) and the ``institution`` that looked, when known."""

    note_id: int
    noted_on: date
    kind: NoteKind
    text: str
    resolved_on: date | None = None
    reason: InquiryReason | None = None
    institution: str = ""

    @property
    def is_hard_inquiry(self) -> bool:
        """An application for credit as lenders count it: a loan or card approval, or a guarantee check."""
        return self.kind is NoteKind.INQUIRY and self.reason is not None and self.reason.is_hard

    @property
    def drops_off_on(self) -> date | None:
        """The day a negative record leaves the report: five years after the bad behaviour ended (settled);
        None while it is unresolved, or for a note that is not a negative record."""
        return drop_off_day(self.kind, self.resolved_on)
