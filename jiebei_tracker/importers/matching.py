"""Which rows are new and which are already in the database, counted with multiplicity, and the checks that need
what the database holds (a repayment's loan, what is left to pay on it).

The matching rule:

- A loan with a ``loan_id`` is already there when a loan with that id is (with other terms, the row is an error).
  A loan without one is compared on platform + borrowing date + principal + term + method + annual rate.
- A repayment with a ``source_ref`` (an order number) is already there when a repayment with that reference is.
  Otherwise it is compared on loan + date paid + amount + payoff. A new one may pay what is left on its loan, and
  — paid late — the penalty interest run up by its day, as a repayment typed by hand may (``payments.owed_on``).
- A credit limit is compared on platform + date + amount; a credit-report note on date + kind + text.
- Rows compared on their content are counted: when the file has n rows alike and the database already has m
  records like them, the first m rows are "already there" and the other n − m are new. So importing a file twice
  adds nothing, while two equal repayments on one day in one file are two repayments.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

import numpy as np

from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.domain.payments import Owed, Payment, apply_payments, nearest_assumed, owed_on
from jiebei_tracker.domain.penalty import PenaltyTerms
from jiebei_tracker.domain.rates import decimal_text
from jiebei_tracker.domain.schedule import PlannedInstallment
from jiebei_tracker.domain.vocabulary import PlatformKind, RepaymentSource
from jiebei_tracker.importers.columns import FileKind
from jiebei_tracker.importers.errors import ErrorSink, RowError
from jiebei_tracker.importers.mapping import ColumnMap
from jiebei_tracker.importers.records import ImportedLimit, ImportedLoan, ImportedNote, ImportedRepayment
from jiebei_tracker.importers.repeats import Repeats


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


@dataclass(frozen=True)
class LoanMoney:
    """A loan as the check of a repayment beyond its schedule needs it: its installments, its repayments (each with
    whether the app assumed it, from the schedule or autopay) and its penalty terms."""

    installments: Sequence[PlannedInstallment]
    repayments: Sequence[tuple[Payment, bool]]
    penalty: PenaltyTerms


@dataclass
class Existing:
    """What the database already holds, for one kind of import (the other fields stay empty)."""

    loans: list[ExistingLoan] = field(default_factory=list)
    repayments: list[tuple[tuple, str | None]] = field(default_factory=list)  # ((loan, day, fen, payoff), ref)
    limits: Counter = field(default_factory=Counter)
    notes: Counter = field(default_factory=Counter)
    platform_kinds: dict[str, str] = field(default_factory=dict)
    penalty_multipliers: dict[str, str] = field(default_factory=dict)  # platform name → stored multiplier
    # A loan's money by its number, read when a repayment pays more than its schedule asks (penalty interest).
    money: Callable[[int], LoanMoney] | None = None


@dataclass
class Matched:
    """The outcome of matching: the new records (repayments paired with their loan's number), how many rows
    were already there, the errors found, and the platform kinds and penalty multipliers the file sets."""

    new: list = field(default_factory=list)
    present: int = 0
    errors: list[RowError] = field(default_factory=list)
    platform_kinds: dict[str, PlatformKind] = field(default_factory=dict)
    penalty_multipliers: dict[str, Decimal] = field(default_factory=dict)


# What matching says of each row of a file, a byte a row (``Matcher.verdicts``).
NEW, PRESENT, BAD = 0, 1, 2


class Matcher:
    """Judges a file's rows one at a time, in file order: each gets a verdict (NEW, PRESENT or BAD) in
    ``verdicts`` and each problem a RowError in ``errors``. What only the whole file tells (an id used again
    further down, which of equal rows are already there, what a loan's repayments add up to) is settled by
    ``finish``, which may turn a NEW row into a PRESENT or BAD one. Besides what the database holds, the state
    kept is a few bytes a row: a file of millions of rows is judged without holding its records."""

    def __init__(self, columns: ColumnMap, existing: Existing, errors: ErrorSink | None = None) -> None:
        self.columns = columns
        self.errors: ErrorSink = [] if errors is None else errors
        self.verdicts = bytearray()
        self.platform_kinds: dict[str, PlatformKind] = {}  # the kinds the file sets, known after finish
        self.penalty_multipliers: dict[str, Decimal] = {}  # the multipliers it sets, known after finish
        self._kinds_there = existing.platform_kinds
        self._multipliers_there = existing.penalty_multipliers
        self._first_kind: dict[str, tuple[PlatformKind, int]] = {}
        self._first_multiplier: dict[str, tuple[Decimal, int]] = {}

    def add(self, record) -> int:
        """Judge the next row, read as ``record``; returns its verdict so far."""
        verdict = self._judge(len(self.verdicts), record)
        self.verdicts.append(verdict)
        return verdict

    def add_bad(self) -> None:
        """The next row could not be read (its errors are reported already)."""
        self.verdicts.append(BAD)

    def finish(self) -> None:
        self.platform_kinds = {
            name: kind for name, (kind, _) in self._first_kind.items() if self._kinds_there.get(name) != kind.value
        }
        there = self._multipliers_there
        self.penalty_multipliers = {
            name: multiplier
            for name, (multiplier, _) in self._first_multiplier.items()
            if name not in there or Decimal(there[name]) != multiplier
        }

    def entry(self, ordinal: int, record):
        """What a new row gives the import: its record (a repayment: with its loan's number)."""
        return record

    def _judge(self, ordinal: int, record) -> int:
        raise NotImplementedError

    def _fail(self, line: int, column: str, reason: str) -> int:
        self.errors.append(RowError(line, self.columns.label(column), reason))
        return BAD

    def _platform_agrees(self, record: ImportedLoan | ImportedLimit) -> bool:
        """A row naming another kind or penalty multiplier for a platform than an earlier row did is bad."""
        platform = (record.draft.platform if isinstance(record, ImportedLoan) else record.platform).strip()
        agrees = True
        kind = record.platform_kind
        if kind is not None:
            earlier = self._first_kind.setdefault(platform, (kind, record.line))
            if earlier[0] is not kind:
                reason = f"{kind.value!r}: line {earlier[1]} says {platform} is {earlier[0].value}"
                self._fail(record.line, "platform_kind", reason)
                agrees = False
        multiplier = record.penalty_multiplier
        if multiplier is not None:
            first = self._first_multiplier.setdefault(platform, (multiplier, record.line))
            if first[0] != multiplier:
                reason = (
                    f"{decimal_text(multiplier)!r}: line {first[1]} says {platform}'s penalty multiplier is "
                    f"{decimal_text(first[0])}"
                )
                self._fail(record.line, "penalty_multiplier", reason)
                agrees = False
        return agrees


def _used_again(first_line: int) -> str:
    return f"is used again (first on line {first_line})"


def _counted(key: tuple, already: Counter, seen: Counter) -> int:
    """Rows compared on their content: per key, the first ``already[key]`` are there, the rest are new."""
    if key not in already:
        return NEW
    seen[key] += 1
    return PRESENT if seen[key] <= already[key] else NEW


class LoanMatcher(Matcher):
    def __init__(self, columns: ColumnMap, existing: Existing, errors: ErrorSink | None = None) -> None:
        super().__init__(columns, existing, errors)
        self._loans = existing.loans
        self._by_id = {loan.external_id: loan for loan in existing.loans if loan.external_id}
        self._key_numbers: dict[tuple, int] = {}
        for loan in existing.loans:
            self._key_numbers.setdefault(loan.key, len(self._key_numbers))
        self._named: dict[str, int] = {}  # the ids of database loans the file names, with the first line naming each
        self._other_ids = Repeats()  # the ids the database does not have
        self._alike = array("I")  # rows without an id whose content a database loan has …
        self._alike_keys = array("I")  # … and that content's number in ``_key_numbers``

    def _judge(self, ordinal: int, record: ImportedLoan) -> int:
        if not self._platform_agrees(record):
            return BAD
        loan_id = record.draft.external_id
        if loan_id is None:
            number = self._key_numbers.get(record.key)
            if number is not None:
                self._alike.append(ordinal)
                self._alike_keys.append(number)
            return NEW
        there = self._by_id.get(loan_id)
        if there is None:
            self._other_ids.add(loan_id, ordinal=ordinal, line=record.line)
            return NEW
        first = self._named.setdefault(loan_id, record.line)
        if first != record.line:
            return self._fail(record.line, "loan_id", f"{_used_again(first)}; each loan needs its own id")
        if there.key == record.key:
            return PRESENT
        return self._fail(
            record.line,
            "loan_id",
            f"{loan_id!r} is already recorded as another {there.describe()}; change the id, or edit that loan",
        )

    def finish(self) -> None:
        super().finish()
        for repeat in self._other_ids.found():
            self.verdicts[repeat.ordinal] = BAD
            self._fail(repeat.line, "loan_id", f"{_used_again(repeat.first_line)}; each loan needs its own id")
        # Loans that this file names by id are not counted again for the rows without one.
        already = Counter(self._key_numbers[loan.key] for loan in self._loans if loan.external_id not in self._named)
        seen: Counter = Counter()
        for ordinal, number in zip(self._alike, self._alike_keys, strict=True):
            if _counted(number, already, seen) == PRESENT:
                self.verdicts[ordinal] = PRESENT


class LimitMatcher(Matcher):
    def __init__(self, columns: ColumnMap, existing: Existing, errors: ErrorSink | None = None) -> None:
        super().__init__(columns, existing, errors)
        self._already = existing.limits
        self._seen: Counter = Counter()

    def _judge(self, ordinal: int, record: ImportedLimit) -> int:
        return _counted(record.key, self._already, self._seen) if self._platform_agrees(record) else BAD


class NoteMatcher(Matcher):
    def __init__(self, columns: ColumnMap, existing: Existing, errors: ErrorSink | None = None) -> None:
        super().__init__(columns, existing, errors)
        self._already = existing.notes
        self._seen: Counter = Counter()

    def _judge(self, ordinal: int, record: ImportedNote) -> int:
        return _counted(record.key, self._already, self._seen)


class RepaymentMatcher(Matcher):
    """Each repayment's loan is found; ``loan_numbers`` holds it for each row (0 when none). New repayments are
    checked against what is left on their loan, in the order paid (in ``finish``)."""

    def __init__(self, columns: ColumnMap, existing: Existing, errors: ErrorSink | None = None) -> None:
        super().__init__(columns, existing, errors)
        self.loan_numbers = array("q")
        self._finder = _LoanFinder(existing.loans)
        self._loans = {loan.number: loan for loan in existing.loans}
        self._there = existing.repayments
        self._known_refs = {ref for _, ref in existing.repayments if ref}
        self._named_refs: dict[str, int] = {}  # the database's order numbers the file names: the first line of each
        self._other_refs = Repeats()  # order numbers the database does not have
        self._key_numbers: dict[tuple, int] = {}
        for key, _ in existing.repayments:
            self._key_numbers.setdefault(key, len(self._key_numbers))
        self._rest = _Payments()  # the rows settled in ``finish``: without an order number the database has
        self._money = existing.money
        self._money_of: dict[int, LoanMoney] = {}  # the loans whose money was read
        self._by_loan: tuple[np.ndarray, np.ndarray] | None = None  # ``_rest`` sorted by loan, made when first needed

    def add_bad(self) -> None:
        super().add_bad()
        self.loan_numbers.append(0)

    def entry(self, ordinal: int, record: ImportedRepayment) -> tuple[ImportedRepayment, int]:
        return record, self.loan_numbers[ordinal]

    def _judge(self, ordinal: int, record: ImportedRepayment) -> int:
        loan, problem = self._finder.find(record)
        self.loan_numbers.append(loan.number if loan is not None else 0)
        if loan is None:
            return self._fail(record.line, "loan_id" if record.loan.loan_id else "platform", problem)
        payment = record.payment
        if payment.paid_on < loan.borrowed_on:
            reason = f"{payment.paid_on.isoformat()} is before {loan.describe()} was taken"
            return self._fail(record.line, "paid_on", reason)
        ref = record.source_ref
        if ref is not None and ref in self._known_refs:
            first = self._named_refs.setdefault(ref, record.line)
            return self._fail(record.line, "source_ref", _used_again(first)) if first != record.line else PRESENT
        if ref is not None:
            self._other_refs.add(ref, ordinal=ordinal, line=record.line)
        key = (loan.number, payment.paid_on, payment.amount_fen, payment.is_payoff)
        # A real repayment (not a payoff, a part prepayment or one the app assumes) takes an assumed one's place.
        replaces = not (payment.is_payoff or record.source.is_assumed or record.source is RepaymentSource.PREPAYMENT)
        self._rest.add(ordinal, record.line, loan.number, payment, self._key_numbers.get(key, -1), replaces)
        return NEW

    def finish(self) -> None:
        super().finish()
        for repeat in self._other_refs.found():
            self.verdicts[repeat.ordinal] = BAD
            self._fail(repeat.line, "source_ref", _used_again(repeat.first_line))
        rest = self._rest
        already = Counter(
            self._key_numbers[key] for key, ref in self._there if ref is None or ref not in self._named_refs
        )
        seen: Counter = Counter()
        for ordinal, number in zip(rest.ordinals, rest.keys, strict=True):
            if number >= 0 and self.verdicts[ordinal] == NEW and _counted(number, already, seen) == PRESENT:
                self.verdicts[ordinal] = PRESENT
        self._check_amounts()

    def _check_amounts(self) -> None:
        """Per loan, in the order paid: nothing after a payoff, and never more than the schedule asks for in all."""
        rest = self._rest
        paid: dict[int, int] = {}
        payoff: dict[int, date | None] = {}
        for index in rest.in_order_paid():
            ordinal = rest.ordinals[index]
            if self.verdicts[ordinal] != NEW:
                continue
            line, loan = rest.lines[index], self._loans[rest.loans[index]]
            day, amount_fen, is_payoff = date.fromordinal(rest.days[index]), rest.amounts[index], rest.payoffs[index]
            number = loan.number
            paid.setdefault(number, loan.paid_fen)
            payoff.setdefault(number, loan.payoff_on)
            ended = payoff[number]
            if ended is not None and day >= ended:
                self.verdicts[ordinal] = self._fail(
                    line, "paid_on", f"{loan.describe()} was paid off on {ended.isoformat()}"
                )
                continue
            left = loan.owed_fen - paid[number]
            if not is_payoff and amount_fen > left:
                # More than the schedule asks: a late repayment may bring the penalty interest run up by its day.
                owed = self._owed(number, index) if self._money is not None else None
                if owed is None or amount_fen > owed.total_fen:
                    self.verdicts[ordinal] = self._fail(line, "amount", _overpaid(amount_fen, left, owed, loan, day))
                    continue
            paid[number] += amount_fen
            if is_payoff:
                payoff[number] = day

    def _rows_of(self, number: int) -> list[int]:
        """The ``_rest`` indexes of loan ``number``'s rows, in file order (16 bytes a row, made on first use)."""
        if self._by_loan is None:
            loans = np.frombuffer(self._rest.loans, dtype=np.int64)
            order = np.argsort(loans, kind="stable")
            self._by_loan = (order, loans[order])
        order, loans = self._by_loan
        return order[np.searchsorted(loans, number, "left") : np.searchsorted(loans, number, "right")].tolist()

    def _owed(self, number: int, index: int) -> Owed:
        """What loan ``number`` has left to pay on the day of row ``index`` (by ``payments.owed_on``, penalty interest
        included), as the ledger will find it: its repayments with the assumed ones this file's real repayments
        replace left out (``ledger.bulk._replace_assumed``), and the file's new repayments paid before this row."""
        money = self._money_of.get(number)
        if money is None:
            money = self._money_of[number] = self._money(number)
        rest, verdicts = self._rest, self.verdicts
        rows = [j for j in self._rows_of(number) if verdicts[rest.ordinals[j]] == NEW]
        candidates = [(i, p.paid_on) for i, (p, assumed) in enumerate(money.repayments) if assumed and not p.is_payoff]
        due_dates = [installment.due_on for installment in money.installments]
        latest = max((day for _, day in candidates), default=None)
        replaced = set()
        for j in rows:  # in file order, as the ledger replaces them
            paid_on = date.fromordinal(rest.days[j])
            found = nearest_assumed(candidates, due_dates, paid_on, latest=latest) if rest.replaces[j] else None
            if found is not None:
                replaced.add(found)
                candidates = [c for c in candidates if c[0] != found]
        this = (rest.days[index], rest.lines[index])
        paid = [p for i, (p, _) in enumerate(money.repayments) if i not in replaced]
        paid += [
            Payment(date.fromordinal(rest.days[j]), rest.amounts[j], bool(rest.payoffs[j]))
            for j in rows
            if (rest.days[j], rest.lines[j]) < this
        ]
        states = apply_payments(money.installments, paid, penalty=money.penalty).states
        return owed_on(states, money.penalty, date.fromordinal(this[0]))


def _overpaid(amount_fen: int, left: int, owed: Owed | None, loan: ExistingLoan, day: date) -> str:
    """Why a repayment pays too much: what it pays, what was owed on its day (with the penalty interest), where."""
    if owed is None or not owed.penalty_fen:
        left = left if owed is None else owed.total_fen
        return (
            f"{format_yuan(amount_fen)} is more than the {format_yuan(max(left, 0))} left to pay on "
            f"{loan.describe()} (mark it as a payoff if it settled the loan early)"
        )
    return (
        f"{format_yuan(amount_fen)} is more than the {format_yuan(owed.total_fen)} owed on {loan.describe()} on "
        f"{day.isoformat()}: {format_yuan(owed.schedule_fen)} left on its schedule and {format_yuan(owed.penalty_fen)} "
        "of penalty interest (罚息) run up by then (mark it as a payoff if it settled the loan early)"
    )


class _Payments:
    """Repayment rows as columns of numbers (about 34 bytes a row): the row, its line, its loan, what it pays
    and when, the number of the equal repayment the database has (-1 when none), and whether it takes the place of
    a repayment the app assumed."""

    def __init__(self) -> None:
        self.ordinals, self.lines, self.loans = array("I"), array("I"), array("q")
        self.days, self.amounts, self.payoffs, self.keys = array("i"), array("q"), array("B"), array("i")
        self.replaces = array("B")

    def add(self, ordinal: int, line: int, loan_number: int, payment: Payment, key_number: int, replaces: bool) -> None:
        self.replaces.append(replaces)
        self.ordinals.append(ordinal)
        self.lines.append(line)
        self.loans.append(loan_number)
        self.days.append(payment.paid_on.toordinal())
        self.amounts.append(payment.amount_fen)
        self.payoffs.append(payment.is_payoff)
        self.keys.append(key_number)

    def in_order_paid(self) -> Iterator[int]:
        """The rows' indexes by the day paid, then by line."""
        if not self.ordinals:
            return
        order = np.lexsort((np.frombuffer(self.lines, dtype=np.uint32), np.frombuffer(self.days, dtype=np.int32)))
        for start in range(0, len(order), _STEP):
            yield from order[start : start + _STEP].tolist()


_STEP = 1 << 16  # indexes turned into Python ints a slice at a time


MATCHERS: dict[FileKind, type[Matcher]] = {
    FileKind.LOANS: LoanMatcher,
    FileKind.REPAYMENTS: RepaymentMatcher,
    FileKind.LIMITS: LimitMatcher,
    FileKind.NOTES: NoteMatcher,
}


def _match(matcher: Matcher, records: Sequence) -> Matched:
    """Every record judged (a file small enough to hold)."""
    for record in records:
        matcher.add(record)
    matcher.finish()
    verdicts = matcher.verdicts
    return Matched(
        new=[matcher.entry(ordinal, r) for ordinal, r in enumerate(records) if verdicts[ordinal] == NEW],
        present=verdicts.count(PRESENT),
        errors=sorted(matcher.errors, key=lambda error: error.line),
        platform_kinds=matcher.platform_kinds,
        penalty_multipliers=matcher.penalty_multipliers,
    )


def match_loans(records: Sequence[ImportedLoan], columns: ColumnMap, existing: Existing) -> Matched:
    return _match(LoanMatcher(columns, existing), records)


def match_limits(records: Sequence[ImportedLimit], columns: ColumnMap, existing: Existing) -> Matched:
    return _match(LimitMatcher(columns, existing), records)


def match_notes(records: Sequence[ImportedNote], columns: ColumnMap, existing: Existing) -> Matched:
    return _match(NoteMatcher(columns, existing), records)


def match_repayments(records: Sequence[ImportedRepayment], columns: ColumnMap, existing: Existing) -> Matched:
    """New repayments come out as ``(record, loan number)``; each is checked against what is left on its loan."""
    return _match(RepaymentMatcher(columns, existing), records)


class _LoanFinder:
    """Finds the database loan a repayment names, by loan_id or by platform + borrowing date + principal."""

    def __init__(self, loans: Sequence[ExistingLoan]) -> None:
        self._by_id = {loan.external_id: loan for loan in loans if loan.external_id}
        self._by_terms: dict[tuple, list[ExistingLoan]] = {}
        for loan in loans:
            self._by_terms.setdefault(loan.key[:3], []).append(loan)

    def find(self, record: ImportedRepayment) -> tuple[ExistingLoan | None, str]:
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
