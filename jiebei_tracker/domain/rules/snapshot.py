"""The user's records as plain values: the whole ``History``, and the read-only ``Snapshot`` of one day that rules see.

A snapshot shows the records as they stood on its date: loans borrowed later do not exist yet, repayments made
later have not happened (installments they settled are open again, paid only what had been paid by then),
limits and notes recorded later are unknown, and a note resolved later is still unresolved.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cached_property
from itertools import islice
from operator import attrgetter, itemgetter

from jiebei_tracker.domain.rules.records import (
    CreditNote,
    InstallmentRecord,
    LimitRecord,
    LoanRecord,
    RepaymentColumns,
    RepaymentRecord,
    _columns,
)
from jiebei_tracker.domain.vocabulary import PlatformKind


@dataclass(frozen=True)
class Closing:
    """Per loan, the day it was fully settled (None while open) and the last day any installment of it was."""

    closed_on: Mapping[int, date | None]
    last_settled: Mapping[int, date | None]

    @classmethod
    def of(cls, loans: Iterable[LoanRecord]) -> Closing:
        closed_on: dict[int, date | None] = {}
        last_settled: dict[int, date | None] = {}
        for loan in loans:
            settled = list(map(_SETTLED_AT, loan.installments))
            if None in settled:
                last_settled[loan.loan_id] = max(filter(None, settled), default=None)  # dates are true; None is not
                closed_on[loan.loan_id] = None
            else:
                latest = last_settled[loan.loan_id] = max(settled, default=None)
                closed_on[loan.loan_id] = latest or date.min
        return cls(closed_on, last_settled)

    def only(self, loan_ids: Iterable[int]) -> Closing:
        """The same for the loans ``loan_ids`` alone (what ``of`` gives for those loans)."""
        closed_on, last_settled = self.closed_on, self.last_settled
        return Closing({i: closed_on[i] for i in loan_ids}, {i: last_settled[i] for i in loan_ids})


@dataclass(frozen=True)
class InstallmentIndex:
    """A history's installments ordered by due date and by the day they were settled, with when each loan closed.
    Built once for a History and shared by its snapshots, so that rules asking "what fell due / was settled
    between these days" need not scan every installment ever recorded."""

    by_due: tuple[InstallmentRecord, ...]
    by_settled: tuple[InstallmentRecord, ...]
    closed_on: Mapping[int, date | None]
    # Per grace days, the installments of ``by_settled`` settled after their due date plus grace (same order).
    _late: dict[int, tuple[InstallmentRecord, ...]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def of(cls, loans: Iterable[LoanRecord], closing: Closing | None = None) -> InstallmentIndex:
        loans = tuple(loans)
        every = [inst for loan in loans for inst in loan.installments]
        # One-key sorts (a third of the cost of tuple keys); being stable, they keep the loans' order on ties.
        by_due = tuple(sorted(every, key=_DUE_ON))
        by_settled = tuple(sorted(filter(_SETTLED_ON, every), key=_SETTLED_ON))  # a date is true, None is not
        return cls(by_due, by_settled, (closing or Closing.of(loans)).closed_on)

    def with_loans_replaced(
        self,
        old: Iterable[LoanRecord],
        fresh: Iterable[LoanRecord],
        loans: Iterable[LoanRecord],
        closed_on: Mapping[int, date | None],
    ) -> InstallmentIndex:
        """This index with the installments of the loans ``old`` (as this index holds them) replaced by those of
        ``fresh``; ``loans`` are all the loans now, in (borrowed_on, loan_id) order. Ties keep the order ``of``
        gives them: the loans' order, then the installments'."""
        borrowed = {loan.loan_id: loan.borrowed_on for loan in loans}
        borrowed_before = {**borrowed, **{loan.loan_id: loan.borrowed_on for loan in old}}

        def due_order(inst: InstallmentRecord) -> tuple:
            return inst.due_on, borrowed[inst.loan_id], inst.loan_id, inst.seq

        def settled_order(inst: InstallmentRecord) -> tuple:
            return inst.settled_on, borrowed[inst.loan_id], inst.loan_id, inst.seq

        # The old installments are found by bisection (a few among tens of thousands), not by a pass over all.
        # The late lists worked out so far (per grace days) are kept up to date the same way as by_settled.
        by_due, by_settled = list(self.by_due), list(self.by_settled)
        late = {grace: (list(found), timedelta(days=grace)) for grace, found in self._late.items()}
        lists = [(by_due, 3, None), (by_settled, 8, None)]  # due_on, settled_on
        lists += [(found, 8, delta) for found, delta in late.values()]
        for found, field_, delta in lists:

            def before(inst: InstallmentRecord, field_: int = field_) -> tuple:
                return inst[field_], borrowed_before[inst.loan_id], inst.loan_id, inst.seq

            for loan in old:
                for inst in loan.installments:
                    if inst[field_] is None or (delta is not None and not _is_late(inst, delta)):
                        continue
                    at = bisect_left(found, before(inst), key=before)
                    if at == len(found) or found[at] != inst:
                        raise ValueError(f"installment {inst.installment_id} is not in the index")
                    del found[at]
        for loan in fresh:
            for inst in loan.installments:
                by_due.insert(bisect_right(by_due, due_order(inst), key=due_order), inst)
                if inst.settled_on is not None:
                    at = bisect_right(by_settled, settled_order(inst), key=settled_order)
                    by_settled.insert(at, inst)
                    for found, delta in late.values():
                        if _is_late(inst, delta):
                            found.insert(bisect_right(found, settled_order(inst), key=settled_order), inst)
        return InstallmentIndex(
            tuple(by_due), tuple(by_settled), closed_on, {grace: tuple(found) for grace, (found, _) in late.items()}
        )

    def due_between(self, first: date, last: date) -> tuple[InstallmentRecord, ...]:
        found = self.by_due
        return found[bisect_left(found, first, key=_DUE_ON) : bisect_right(found, last, key=_DUE_ON)]

    def settled_between(self, first: date, last: date) -> tuple[InstallmentRecord, ...]:
        found = self.by_settled
        return found[bisect_left(found, first, key=_SETTLED_ON) : bisect_right(found, last, key=_SETTLED_ON)]

    def late_settled_between(self, first: date, last: date, grace_days: int = 0) -> tuple[InstallmentRecord, ...]:
        """Those of ``settled_between`` settled after their due date plus ``grace_days``. The late ones are picked
        out once per grace setting (a long history's month ends each look at two years of settled installments,
        of which few were late)."""
        found = self._late.get(grace_days)
        if found is None:
            grace = timedelta(days=grace_days)
            found = self._late[grace_days] = tuple(i for i in self.by_settled if _is_late(i, grace))
        return found[bisect_left(found, first, key=_SETTLED_ON) : bisect_right(found, last, key=_SETTLED_ON)]


def _is_late(inst: InstallmentRecord, grace: timedelta) -> bool:
    """Settled after its due date plus ``grace`` (the installment must be settled)."""
    return inst.settled_on > inst.due_on + grace


# InstallmentRecord.due_on and .settled_on by position: quicker than by name in sorts and bisections.
_DUE_ON = itemgetter(InstallmentRecord._fields.index("due_on"))
_SETTLED_ON = _SETTLED_AT = itemgetter(InstallmentRecord._fields.index("settled_on"))


@dataclass(frozen=True)
class Snapshot:
    """The records as of ``as_of``; ``grace_days`` is the user's setting for when a payment counts as late.

    Build one with ``History.snapshot(day)``; one made directly from records (in tests) must hold them as they
    stood on ``as_of``."""

    as_of: date
    loans: tuple[LoanRecord, ...]
    payments: RepaymentColumns = field(default_factory=RepaymentColumns)  # those paid by ``as_of``
    limits: tuple[LimitRecord, ...] = ()
    notes: tuple[CreditNote, ...] = ()
    platform_kinds: Mapping[str, PlatformKind] = field(default_factory=dict)
    grace_days: int = 0
    index: InstallmentIndex | None = field(default=None, repr=False, compare=False)

    @cached_property
    def _index(self) -> InstallmentIndex:
        return self.index or InstallmentIndex.of(self.loans)

    @cached_property
    def repayments(self) -> tuple[RepaymentRecord, ...]:
        """The repayments made by the snapshot date, oldest first."""
        return self.payments.records()

    def is_open(self, loan: LoanRecord) -> bool:
        """The loan still had something to settle on the snapshot date."""
        closed = self._index.closed_on.get(loan.loan_id)
        return closed is None or closed > self.as_of

    @cached_property
    def _open_ids(self) -> frozenset[int]:
        """The loans ``is_open`` says are open (worked out in one pass; thousands of loans on a long history)."""
        as_of, closed_on = self.as_of, self._index.closed_on.get
        return frozenset(
            loan.loan_id for loan in self.loans if (closed := closed_on(loan.loan_id)) is None or closed > as_of
        )

    @cached_property
    def open_loans(self) -> tuple[LoanRecord, ...]:
        is_open = self._open_ids.__contains__
        return tuple(loan for loan in self.loans if is_open(loan.loan_id))

    @cached_property
    def _counting(self) -> dict[int, tuple[LoanRecord, ...]]:
        return {}

    def loans_that_count(self, memory_days: int) -> tuple[LoanRecord, ...]:
        """Loans still open on the snapshot date or borrowed within its last ``memory_days`` days, in the order
        kept: those whose use (what the money was for, who lent it) still counts."""
        found = self._counting.get(memory_days)
        if found is None:
            since = self.as_of - timedelta(days=memory_days - 1)
            is_open = self._open_ids.__contains__
            found = self._counting[memory_days] = tuple(
                loan for loan in self.loans if loan.borrowed_on >= since or is_open(loan.loan_id)
            )
        return found

    @cached_property
    def loans_by_id(self) -> dict[int, LoanRecord]:
        return {loan.loan_id: loan for loan in self.loans}

    def _as_it_stood(self, found: Iterable[InstallmentRecord]) -> list[InstallmentRecord]:
        """The snapshot's own version of each installment (a shared index holds them as finally recorded)."""
        loans = self.loans_by_id
        return [loans[i.loan_id].installments[i.seq - 1] for i in found if i.loan_id in loans]

    def installments_due_between(self, first: date, last: date) -> list[InstallmentRecord]:
        """Installments due from ``first`` to ``last`` (both included), as they stood on the snapshot date."""
        return self._as_it_stood(self._index.due_between(first, last))

    def installments_settled_between(self, first: date, last: date) -> list[InstallmentRecord]:
        """Installments settled from ``first`` to ``last`` (no later than the snapshot date), in that order."""
        # Settled by the snapshot date, an installment is the same in the snapshot as in the final records.
        return self._as_it_stood(self._index.settled_between(first, min(last, self.as_of)))

    def installments_settled_late_between(self, first: date, last: date) -> list[InstallmentRecord]:
        """Those of ``installments_settled_between`` settled after their due date plus the grace days."""
        return self._as_it_stood(self._index.late_settled_between(first, min(last, self.as_of), self.grace_days))

    def installments_due_between_for(
        self, loan: LoanRecord, days: int, *, limit: int | None = None
    ) -> list[InstallmentRecord]:
        """Other, older loans' installments due from the day ``loan`` was borrowed to ``days`` days later and not
        yet settled when it was borrowed (settled that day or later), as they stood on the snapshot date; only
        the first ``limit`` of them when given."""
        borrowed = loan.borrowed_on
        loans = self.loans_by_id
        # Filtered on the index's records, which have the same terms; one settled after the snapshot date is
        # open in the snapshot, and so also "not settled before ``borrowed``" (a loan in it was borrowed by then).
        found = (
            loans[i.loan_id].installments[i.seq - 1]
            for i in self._index.due_between(borrowed, borrowed + timedelta(days=days))
            if i.loan_id != loan.loan_id
            and (i.settled_on is None or i.settled_on >= borrowed)
            and i.loan_id in loans
            and loans[i.loan_id].borrowed_on < borrowed
        )
        return list(found if limit is None else islice(found, limit))

    def loans_borrowed_since(self, first: date) -> tuple[LoanRecord, ...]:
        """Loans borrowed from ``first`` to the snapshot date, in the order they are kept (oldest first)."""
        return tuple(loan for loan in self.loans if loan.borrowed_on >= first)

    def limit_on(self, platform: str, day: date) -> int | None:
        """The platform's latest recorded limit on or before ``day``."""
        found = None
        for record in self.limits:
            if record.platform == platform and record.recorded_on <= day:
                found = record.limit_fen
        return found


@dataclass(frozen=True)
class History:
    """Everything recorded, as stored: installments carry the state all repayments give them.
    ``snapshot(day)`` turns it into what rules see for that day."""

    loans: tuple[LoanRecord, ...]
    repayments: RepaymentColumns = field(default_factory=RepaymentColumns)
    limits: tuple[LimitRecord, ...] = ()
    notes: tuple[CreditNote, ...] = ()
    platform_kinds: Mapping[str, PlatformKind] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        loans: Iterable[LoanRecord],
        repayments: Iterable[RepaymentRecord] | RepaymentColumns = (),
        limits: Iterable[LimitRecord] = (),
        notes: Iterable[CreditNote] = (),
        platform_kinds: Mapping[str, PlatformKind] | None = None,
    ) -> History:
        """A history with every list put in date order, whatever order it came in (same-day records keep theirs)."""
        # One-key stable sorts: records of the same day keep the order they came in (the loader's is by id).
        loans = tuple(sorted(loans, key=attrgetter("borrowed_on")))
        kinds = dict(platform_kinds or {})
        for loan in loans:
            kinds.setdefault(loan.platform, loan.platform_kind)
        return cls(
            loans=loans,
            # Columns must come in date order already (as the loader's query gives them).
            repayments=repayments if isinstance(repayments, RepaymentColumns) else RepaymentColumns.of(repayments),
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

    def with_loans_replaced(self, loan_ids: Iterable[int], fresh: History) -> History:
        """This history with the loans in ``loan_ids`` and their repayments replaced by those in ``fresh`` (a loan
        missing there was deleted), and ``fresh``'s limits, notes and platform kinds: ``fresh`` is what
        ``services.health.load_history(..., loan_ids=...)`` reads. Loans must be in (borrowed_on, loan_id) order
        and repayments in (day, id) order, as the loader gives them; the result is then the history a full read
        would give, and keeps what this one had already worked out (installment index, states on past days)
        for every loan that did not change — so a change to a few loans costs a few loans' work."""
        changed = set(loan_ids)
        loans = [loan for loan in self.loans if loan.loan_id not in changed]
        for loan in fresh.loans:
            loans.insert(bisect_right(loans, _loan_order(loan), key=_loan_order), loan)
        result = History(
            tuple(loans),
            self.repayments.with_loans_replaced(changed, fresh.repayments),
            fresh.limits,
            fresh.notes,
            fresh.platform_kinds,
        )
        kept = self.__dict__  # the cached_property values worked out so far (dict.copy is atomic: see below)
        for name in ("_paid_by_loan", "_last_change", "_settled_days"):
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

    def without_loans_closed_before(self, day: date) -> History:
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
    def _states_seen(self) -> dict[tuple[int, int, int], LoanRecord]:
        return {}

    def _as_it_stood(self, loan: LoanRecord, as_of: date) -> LoanRecord:
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

    def _replayed(self, loan: LoanRecord, as_of: date) -> LoanRecord:
        """The loan as it stood on ``as_of``, from its stored state and the money paid by then.

        Payments fill installments in order, interest first (SCHEDULES.md, Paying), so the installments settled
        by ``as_of`` are exactly as stored, and whatever else had been paid by then sits on the first installment
        still open. This gives the same result as replaying the payments (``apply_payments(..., as_of=...)``)
        without doing so, which matters when a history is looked at on many past days."""
        days, totals = self._paid_by_loan.get(loan.loan_id, ((), ()))
        paid_count = bisect_right(days, as_of)
        left_fen = totals[paid_count - 1] if paid_count else 0
        installments = []
        for inst in loan.installments:
            if inst.settled_on is not None and inst.settled_on <= as_of:
                left_fen -= inst.paid_fen
                installments.append(inst)
                continue
            interest = min(max(left_fen, 0), inst.interest_fen)
            principal = min(max(left_fen - interest, 0), inst.principal_fen)
            left_fen -= interest + principal
            installments.append(
                InstallmentRecord(
                    inst.installment_id,
                    inst.loan_id,
                    inst.seq,
                    inst.due_on,
                    inst.principal_fen,
                    inst.interest_fen,
                    interest,
                    principal,
                    None,
                )
            )
        return replace(loan, installments=tuple(installments))


def first_difference(old: History, new: History, loan_ids: Iterable[int]) -> date | None:
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


def _repayments_of(columns: RepaymentColumns, loan_ids: set[int]) -> dict[int, set[tuple]]:
    found: dict[int, set[tuple]] = {}
    every = _columns(columns)
    for index in [index for index, loan_id in enumerate(columns.loan_ids) if loan_id in loan_ids]:
        row = tuple(column[index] for column in every)
        found.setdefault(row[1], set()).add(row)
    return found


def _loan_difference(old: LoanRecord | None, new: LoanRecord | None, paid_old: set, paid_new: set) -> list[date]:
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


def _terms(inst: InstallmentRecord) -> tuple:
    return inst.installment_id, inst.seq, inst.due_on, inst.principal_fen, inst.interest_fen


def _loan_order(loan: LoanRecord) -> tuple[date, int]:
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
