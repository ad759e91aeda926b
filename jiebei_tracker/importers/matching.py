"""Which rows are new and which are already in the database, counted with multiplicity, and the checks that need
what the database holds (a repayment's loan, what is left to pay on it).

The matching rule:

- A loan with a ``loan_id`` is already there when a loan with that id is (with other terms, the row is an error).
  A loan without one is compared on platform + borrowing date + principal + term + method + annual rate.
- A repayment with a ``source_ref`` (an order number) is already there when a repayment with that reference is.
  Otherwise it is compared on loan + date paid + amount + payoff.
- A credit limit is compared on platform + date + amount; a credit-report note on date + kind + text.
- Rows compared on their content are counted: when the file has n rows alike and the database already has m
  records like them, the first m rows are "already there" and the other n − m are new. So importing a file twice
  adds nothing, while two equal repayments on one day in one file are two repayments.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.domain.vocabulary import PlatformKind
from jiebei_tracker.importers.errors import RowError
from jiebei_tracker.importers.mapping import ColumnMap
from jiebei_tracker.importers.records import LimitRecord, LoanRecord, NoteRecord, RepaymentRecord


@dataclass(frozen=True, slots=True)
class ExistingLoan:
    """A loan already in the database, as much of it as matching needs. ``number`` is its database id."""

    number: int
    external_id: str | None
    key: tuple  # records.loan_key(...)
    owed_fen: int = 0  # everything its schedule asks for
    paid_fen: int = 0  # everything repaid so far
    payoff_on: date | None = None
    open_fen: tuple[int, ...] = ()  # what is left on each installment not yet settled

    @property
    def platform(self) -> str:
        return self.key[0]

    @property
    def borrowed_on(self) -> date:
        return self.key[1]

    @property
    def principal_fen(self) -> int:
        return self.key[2]

    def describe(self) -> str:
        name = self.external_id or f"#{self.number}"
        return f"loan {name} ({self.platform}, {self.borrowed_on.isoformat()}, {format_yuan(self.principal_fen)})"


@dataclass
class Existing:
    """What the database already holds, for one kind of import (the other fields stay empty)."""

    loans: list[ExistingLoan] = field(default_factory=list)
    repayments: list[tuple[tuple, str | None]] = field(default_factory=list)  # ((loan, day, fen, payoff), ref)
    limits: Counter = field(default_factory=Counter)
    notes: Counter = field(default_factory=Counter)
    platform_kinds: dict[str, str] = field(default_factory=dict)


@dataclass
class Matched:
    """The outcome of matching: the new records (repayments paired with their loan's number), how many rows
    were already there, the errors found, and the platform kinds the file sets."""

    new: list = field(default_factory=list)
    present: int = 0
    errors: list[RowError] = field(default_factory=list)
    platform_kinds: dict[str, PlatformKind] = field(default_factory=dict)


def _split_by_multiplicity(records: Iterable, key_of, already: Counter) -> tuple[list, int]:
    """Per key, the first ``already[key]`` records are there; the rest are new."""
    seen: Counter = Counter()
    new, present = [], 0
    for record in records:
        key = key_of(record)
        seen[key] += 1
        if seen[key] <= already[key]:
            present += 1
        else:
            new.append(record)
    return new, present


def _platform_kinds(records: Sequence, columns: ColumnMap, existing: Existing, matched: Matched) -> list:
    """Collect the platform kinds rows set; a row naming another kind for a platform than an earlier row is bad."""
    first: dict[str, tuple[PlatformKind, int]] = {}
    good = []
    for record in records:
        kind = record.platform_kind
        if kind is not None:
            platform = record.draft.platform if isinstance(record, LoanRecord) else record.platform
            earlier = first.setdefault(platform.strip(), (kind, record.line))
            if earlier[0] is not kind:
                matched.errors.append(
                    RowError(
                        record.line,
                        columns.label("platform_kind"),
                        f"{kind.value!r}: line {earlier[1]} says {platform} is {earlier[0].value}",
                    )
                )
                continue
        good.append(record)
    matched.platform_kinds = {
        name: kind for name, (kind, _) in first.items() if existing.platform_kinds.get(name) != kind.value
    }
    return good


def match_loans(records: Sequence[LoanRecord], columns: ColumnMap, existing: Existing) -> Matched:
    matched = Matched()
    records = _platform_kinds(records, columns, existing, matched)
    by_id = {loan.external_id: loan for loan in existing.loans if loan.external_id}
    first_line: dict[str, int] = {}
    with_content_key = []
    for record in records:
        loan_id = record.draft.external_id
        if loan_id is None:
            with_content_key.append(record)
            continue
        if loan_id in first_line:
            matched.errors.append(
                RowError(record.line, columns.label("loan_id"), f"{loan_id!r} is used again (first on line "
                f"{first_line[loan_id]}); each loan needs its own id")
            )  # fmt: skip
            continue
        first_line[loan_id] = record.line
        there = by_id.get(loan_id)
        if there is None:
            matched.new.append(record)
        elif there.key == record.key:
            matched.present += 1
        else:
            matched.errors.append(
                RowError(
                    record.line,
                    columns.label("loan_id"),
                    f"{loan_id!r} is already recorded as another {there.describe()}; change the id, or edit that loan",
                )
            )
    # Loans that this file names by id are not counted again for the rows without one.
    already = Counter(loan.key for loan in existing.loans if loan.external_id not in first_line)
    new, present = _split_by_multiplicity(with_content_key, lambda r: r.key, already)
    matched.new.extend(new)
    matched.new.sort(key=lambda r: r.line)
    matched.present += present
    return matched


def match_limits(records: Sequence[LimitRecord], columns: ColumnMap, existing: Existing) -> Matched:
    matched = Matched()
    records = _platform_kinds(records, columns, existing, matched)
    matched.new, matched.present = _split_by_multiplicity(records, lambda r: r.key, existing.limits)
    return matched


def match_notes(records: Sequence[NoteRecord], columns: ColumnMap, existing: Existing) -> Matched:
    matched = Matched()
    matched.new, matched.present = _split_by_multiplicity(records, lambda r: r.key, existing.notes)
    return matched


def match_repayments(records: Sequence[RepaymentRecord], columns: ColumnMap, existing: Existing) -> Matched:
    """New repayments come out as ``(record, loan number)``; each is checked against what is left on its loan."""
    matched = Matched()
    finder = _LoanFinder(existing.loans)
    known_refs = {ref for _, ref in existing.repayments if ref}
    file_refs: dict[str, int] = {}
    resolved: list[tuple[RepaymentRecord, ExistingLoan]] = []
    for record in records:
        loan, problem = finder.find(record)
        if loan is None:
            matched.errors.append(RowError(record.line, _reference_column(record, columns), problem))
            continue
        if record.payment.paid_on < loan.borrowed_on:
            matched.errors.append(
                RowError(
                    record.line,
                    columns.label("paid_on"),
                    f"{record.payment.paid_on.isoformat()} is before {loan.describe()} was taken",
                )
            )
            continue
        ref = record.source_ref
        if ref is not None:
            if ref in file_refs:
                matched.errors.append(
                    RowError(record.line, columns.label("source_ref"), f"{ref!r} is used again (first on line "
                    f"{file_refs[ref]})")
                )  # fmt: skip
                continue
            file_refs[ref] = record.line
        resolved.append((record, loan))
    already = Counter(key for key, ref in existing.repayments if ref is None or ref not in file_refs)
    with_ref = [(r, loan) for r, loan in resolved if r.source_ref is not None and r.source_ref in known_refs]
    matched.present += len(with_ref)
    rest = [(r, loan) for r, loan in resolved if r.source_ref is None or r.source_ref not in known_refs]
    new, present = _split_by_multiplicity(rest, lambda pair: _repayment_key(pair[1].number, pair[0]), already)
    matched.present += present
    _check_amounts(new, columns, matched)
    return matched


def _repayment_key(loan_number: int, record: RepaymentRecord) -> tuple:
    payment = record.payment
    return (loan_number, payment.paid_on, payment.amount_fen, payment.is_payoff)


def _reference_column(record: RepaymentRecord, columns: ColumnMap) -> str:
    return columns.label("loan_id" if record.loan.loan_id else "platform")


def _check_amounts(new: list[tuple[RepaymentRecord, ExistingLoan]], columns: ColumnMap, matched: Matched) -> None:
    """Per loan, in the order paid: nothing after a payoff, and never more than the schedule asks for in all."""
    paid: dict[int, int] = {}
    payoff: dict[int, date | None] = {}
    for record, loan in sorted(new, key=lambda pair: (pair[0].payment.paid_on, pair[0].line)):
        payment = record.payment
        number = loan.number
        paid.setdefault(number, loan.paid_fen)
        payoff.setdefault(number, loan.payoff_on)
        ended = payoff[number]
        if ended is not None and payment.paid_on >= ended:
            reason = f"{loan.describe()} was paid off on {ended.isoformat()}"
            matched.errors.append(RowError(record.line, columns.label("paid_on"), reason))
            continue
        left = loan.owed_fen - paid[number]
        if not payment.is_payoff and payment.amount_fen > left:
            reason = (
                f"{format_yuan(payment.amount_fen)} is more than the {format_yuan(max(left, 0))} left to pay on "
                f"{loan.describe()} (mark it as a payoff if it settled the loan early)"
            )
            matched.errors.append(RowError(record.line, columns.label("amount"), reason))
            continue
        paid[number] += payment.amount_fen
        if payment.is_payoff:
            payoff[number] = payment.paid_on
        matched.new.append((record, number))
    matched.new.sort(key=lambda pair: pair[0].line)


class _LoanFinder:
    """Finds the database loan a repayment names, by loan_id or by platform + borrowing date + principal."""

    def __init__(self, loans: Sequence[ExistingLoan]) -> None:
        self._by_id = {loan.external_id: loan for loan in loans if loan.external_id}
        self._by_terms: dict[tuple, list[ExistingLoan]] = {}
        for loan in loans:
            self._by_terms.setdefault(loan.key[:3], []).append(loan)

    def find(self, record: RepaymentRecord) -> tuple[ExistingLoan | None, str]:
        ref = record.loan
        if ref.loan_id:
            loan = self._by_id.get(ref.loan_id)
            if loan is None:
                return None, f"{ref.loan_id!r}: no loan has this id (import the loans first)"
            return loan, ""
        found = self._by_terms.get((ref.platform.strip(), ref.borrowed_on, ref.principal_fen), [])
        if len(found) == 1:
            return found[0], ""
        what = f"{ref.platform}, borrowed {ref.borrowed_on.isoformat()}, {format_yuan(ref.principal_fen)}"
        if not found:
            return None, f"no loan matches {what} (import the loans first)"
        numbers = ", ".join(loan.describe() for loan in found[:3])
        return None, f"{len(found)} loans match {what}: {numbers}; give loan_id to say which"
