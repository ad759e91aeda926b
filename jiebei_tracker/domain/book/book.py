"""The ``Book``: every record as stored, the snapshots it makes of past days, and how two versions of it differ
(``first_difference``)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from operator import attrgetter

from jiebei_tracker.domain.book.index import Closing, InstallmentIndex
from jiebei_tracker.domain.book.records import (
    CreditNote,
    Installment,
    Loan,
    Repayment,
    Repayments,
    _columns,
)
from jiebei_tracker.domain.book.snapshot import Snapshot
from jiebei_tracker.domain.limits import LimitRecord
from jiebei_tracker.domain.payments import Payment, Pot
from jiebei_tracker.domain.vocabulary import PlatformKind


@dataclass(frozen=True)
class Book:
    """Everything recorded, as stored: installments carry the state all repayments give them.
    ``snapshot(day)`` turns it into what rules see for that day."""

    loans: tuple[Loan, ...]
    repayments: Repayments = field(default_factory=Repayments)
    limits: tuple[LimitRecord, ...] = ()
    notes: tuple[CreditNote, ...] = ()
    platform_kinds: Mapping[str, PlatformKind] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        loans: Iterable[Loan],
        repayments: Iterable[Repayment] | Repayments = (),
        limits: Iterable[LimitRecord] = (),
        notes: Iterable[CreditNote] = (),
        platform_kinds: Mapping[str, PlatformKind] | None = None,
    ) -> Book:
        """A history with every list put in date order, whatever order it came in (same-day records keep theirs)."""
        # One-key stable sorts: records of the same day keep the order they came in (the loader's is by id).
        loans = tuple(sorted(loans, key=attrgetter("borrowed_on")))
        kinds = dict(platform_kinds or {})
        for loan in loans:
            kinds.setdefault(loan.platform, loan.platform_kind)
        return cls(
            loans=loans,
            # Columns must come in date order already (as the loader's query gives them).
            repayments=repayments if isinstance(repayments, Repayments) else Repayments.of(repayments),
            limits=tuple(sorted(limits, key=attrgetter("recorded_on"))),
            notes=tuple(sorted(notes, key=attrgetter("noted_on"))),
            platform_kinds=kinds,
        )

    @cached_property
    def _closing(self) -> Closing:
        return Closing.of(self.loans)

    @cached_property
    def _index(self) -> InstallmentIndex:
        return InstallmentIndex.of(self.loans, self._closing)

    @cached_property
    def _borrowed_days(self) -> list[date]:
        return [loan.borrowed_on for loan in self.loans]

    def payments(self, loan_id: int) -> tuple[Payment, ...]:
        """The loan's repayments in the order they were paid (by day, then as entered)."""
        return self._payments.get(loan_id, ())

    @cached_property
    def _payments(self) -> dict[int, tuple[Payment, ...]]:
        found: dict[int, list[Payment]] = {}
        paid = self.repayments
        for loan_id, day, amount, payoff in zip(paid.loan_ids, paid.days, paid.amounts_fen, paid.payoffs, strict=True):
            found.setdefault(loan_id, []).append(Payment(day, amount, payoff))
        return {loan_id: tuple(payments) for loan_id, payments in found.items()}

    @cached_property
    def _paid_by_loan(self) -> dict[int, tuple[list[date], list[int]]]:
        return self.repayments.by_loan()

    @cached_property
    def _last_change(self) -> dict[int, date]:
        """Per loan, the last day its installments' state changed (a repayment, or a nothing-due installment
        settling on its due date): a snapshot on or after that day can use the stored state as it is."""
        last = self.repayments.last_paid()
        for loan_id, settled in self._closing.last_settled.items():
            if settled is not None and settled > last.get(loan_id, date.min):
                last[loan_id] = settled
        return last

    def snapshot(self, as_of: date, *, grace_days: int = 0) -> Snapshot:
        """The records as they stood at the end of ``as_of``."""
        loans = []
        last_change = self._last_change
        for loan in self.loans[: bisect_right(self._borrowed_days, as_of)]:
            changed = last_change.get(loan.loan_id)
            loans.append(loan if changed is None or changed <= as_of else self._as_it_stood(loan, as_of))
        paid = self.repayments.first(self.repayments.count_by(as_of))
        return Snapshot(
            as_of=as_of,
            loans=tuple(loans),
            payments=paid,
            limits=tuple(r for r in self.limits if r.recorded_on <= as_of),
            notes=tuple(_note_as_of(n, as_of) for n in self.notes if n.noted_on <= as_of),
            platform_kinds=self.platform_kinds,
            grace_days=grace_days,
            index=self._index,
        )

    def with_loans_replaced(self, loan_ids: Iterable[int], fresh: Book) -> Book:
        """This history with the loans in ``loan_ids`` and their repayments replaced by those in ``fresh`` (a loan
        missing there was deleted), and ``fresh``'s limits, notes and platform kinds: ``fresh`` is what
        ``storage.book.load_book(..., loan_ids=...)`` reads. Loans must be in (borrowed_on, loan_id) order
        and repayments in (day, id) order, as the loader gives them; the result is then the history a full read
        would give, and keeps what this one had already worked out (installment index, states on past days)
        for every loan that did not change — so a change to a few loans costs a few loans' work."""
        changed = set(loan_ids)
        loans = [loan for loan in self.loans if loan.loan_id not in changed]
        for loan in fresh.loans:
            loans.insert(bisect_right(loans, _loan_order(loan), key=_loan_order), loan)
        result = Book(
            tuple(loans),
            self.repayments.with_loans_replaced(changed, fresh.repayments),
            fresh.limits,
            fresh.notes,
            fresh.platform_kinds,
        )
        kept = self.__dict__  # the cached_property values worked out so far (dict.copy is atomic: see below)
        for name in ("_paid_by_loan", "_payments", "_last_change", "_settled_days"):
            if name in kept:
                result.__dict__[name] = _merged(kept[name], changed, getattr(fresh, name))
        if "_closing" in kept:
            closing, new = kept["_closing"], fresh._closing
            result.__dict__["_closing"] = Closing(
                _merged(closing.closed_on, changed, new.closed_on),
                _merged(closing.last_settled, changed, new.last_settled),
            )
            if "_index" in kept:
                result.__dict__["_index"] = kept["_index"].with_loans_replaced(
                    [loan for loan in self.loans if loan.loan_id in changed],
                    fresh.loans,
                    result.loans,
                    result._closing.closed_on,
                )
        if "_states_seen" in kept:
            # Copied first: another thread may be adding to it while this one reads (a copy does not iterate
            # in Python, so it sees the dict whole).
            seen = kept["_states_seen"].copy()
            result.__dict__["_states_seen"] = {key: state for key, state in seen.items() if key[0] not in changed}
        return result

    def without_loans_closed_before(self, day: date) -> Book:
        """The same history less the loans fully settled before ``day`` (and their repayments): what snapshots
        from ``day`` on need when no rule looks further back than the loans' closing."""
        closing = self._closing
        closed_on = closing.closed_on
        kept = tuple(loan for loan in self.loans if (closed_on[loan.loan_id] or date.max) >= day)
        ids = [loan.loan_id for loan in kept]
        result = replace(self, loans=kept, repayments=self.repayments.only_loans(set(ids)))
        result.__dict__["_closing"] = closing.only(ids)  # the kept loans' entries, not worked out again
        return result

    @cached_property
    def _settled_days(self) -> dict[int, list[date]]:
        return {
            loan.loan_id: sorted(i.settled_on for i in loan.installments if i.settled_on is not None)
            for loan in self.loans
        }

    @cached_property
    def _states_seen(self) -> dict[tuple[int, int, int], Loan]:
        return {}

    def _as_it_stood(self, loan: Loan, as_of: date) -> Loan:
        """The loan on ``as_of``. Its state only changes when a payment is made or an installment settles, so
        states are kept by (loan, payments made, installments settled) for the next snapshot to reuse."""
        key = (
            loan.loan_id,
            bisect_right(self._paid_by_loan.get(loan.loan_id, ((), ()))[0], as_of),
            bisect_right(self._settled_days[loan.loan_id], as_of),
        )
        found = self._states_seen.get(key)
        if found is None:
            found = self._states_seen[key] = self._replayed(loan, as_of)
        return found

    def _replayed(self, loan: Loan, as_of: date) -> Loan:
        """The loan as it stood on ``as_of``, from its stored state and the money paid by then.

        Payments fill installments in order through the one waterfall (``domain.payments.Pot``), so the
        installments settled by ``as_of`` are exactly as stored, and whatever else had been paid by then is poured
        into the installments still open. This gives the same result as replaying every payment
        (``apply_payments(..., as_of=...)``) without doing so, which matters when a history is looked at on many
        past days."""
        days, totals = self._paid_by_loan.get(loan.loan_id, ((), ()))
        paid_count = bisect_right(days, as_of)
        left_fen = totals[paid_count - 1] if paid_count else 0
        open_ones = []
        for inst in loan.installments:
            if inst.settled_on is not None and inst.settled_on <= as_of:
                left_fen -= inst.paid_fen + inst.paid_penalty_fen
            else:
                open_ones.append(inst)
        pot = Pot([i.charges_fen for i in open_ones], [i.principal_fen for i in open_ones])
        pot.pour(left_fen)
        replayed = {
            inst.seq: Installment(
                inst.installment_id,
                inst.loan_id,
                inst.seq,
                inst.due_on,
                inst.principal_fen,
                inst.interest_fen,
                inst.charges_fen - interest_left,
                inst.principal_fen - principal_left,
                None,
                inst.fee_fen,
            )
            for inst, interest_left, principal_left in zip(open_ones, *pot.left, strict=True)
        }
        installments = tuple(replayed.get(inst.seq, inst) for inst in loan.installments)
        return replace(loan, installments=installments)


def first_difference(old: Book, new: Book, loan_ids: Iterable[int]) -> date | None:
    """The first day whose snapshot may differ between two versions of a history that differ at most in the
    loans ``loan_ids`` (with their repayments), the limits, the notes and the platform kinds; None when no day's
    does. A loan's state on a day follows from its schedule and the repayments made by then (the ledger derives
    the stored state from them), so a new repayment or one removed counts from its day, a new schedule or other
    loan details from the day the loan was borrowed (either version's), a new limit or note from its day."""
    if old.platform_kinds != new.platform_kinds:
        return date.min  # every loan of the platform: all of it
    days = [r.recorded_on for r in set(old.limits) ^ set(new.limits)]
    days += [n.noted_on for n in set(old.notes) ^ set(new.notes)]
    changed = set(loan_ids)
    if changed:
        before = {loan.loan_id: loan for loan in old.loans if loan.loan_id in changed}
        after = {loan.loan_id: loan for loan in new.loans if loan.loan_id in changed}
        paid_before = _repayments_of(old.repayments, changed)
        paid_after = _repayments_of(new.repayments, changed)
        for loan_id in changed:
            days += _loan_difference(
                before.get(loan_id), after.get(loan_id), paid_before.get(loan_id, set()), paid_after.get(loan_id, set())
            )
    return min(days, default=None)


def _repayments_of(columns: Repayments, loan_ids: set[int]) -> dict[int, set[tuple]]:
    found: dict[int, set[tuple]] = {}
    every = _columns(columns)
    for index in [index for index, loan_id in enumerate(columns.loan_ids) if loan_id in loan_ids]:
        row = tuple(column[index] for column in every)
        found.setdefault(row[1], set()).add(row)
    return found


def _loan_difference(old: Loan | None, new: Loan | None, paid_old: set, paid_new: set) -> list[date]:
    if old is None or new is None:
        return [loan.borrowed_on for loan in (old, new) if loan is not None]
    if replace(old, installments=()) != replace(new, installments=()) or [_terms(i) for i in old.installments] != [
        _terms(i) for i in new.installments
    ]:
        return [min(old.borrowed_on, new.borrowed_on)]
    days = [row[2] for row in paid_old ^ paid_new]
    for before, after in zip(old.installments, new.installments, strict=True):
        if before != after:
            settled = [day for day in (before.settled_on, after.settled_on) if day is not None]
            if not settled and not days:  # not explained by a repayment: count from the start
                return [old.borrowed_on]
            days += settled
    return days


def _terms(inst: Installment) -> tuple:
    return inst.installment_id, inst.seq, inst.due_on, inst.principal_fen, inst.interest_fen, inst.fee_fen


def _loan_order(loan: Loan) -> tuple[date, int]:
    return loan.borrowed_on, loan.loan_id


def _merged(kept: Mapping, changed: set[int], fresh: Mapping) -> dict:
    """A per-loan mapping with the changed loans' entries replaced by ``fresh``'s."""
    merged = dict(kept.copy())
    for loan_id in changed:
        merged.pop(loan_id, None)
    merged.update(fresh)
    return merged


def _note_as_of(note: CreditNote, as_of: date) -> CreditNote:
    if note.resolved_on is not None and note.resolved_on > as_of:
        return replace(note, resolved_on=None)
    return note
