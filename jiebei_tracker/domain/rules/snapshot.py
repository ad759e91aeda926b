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

from jiebei_tracker.domain.vocabulary import InstallmentStatus, LoanPurpose, NoteKind, PlatformKind


@dataclass(frozen=True, slots=True)
class InstallmentRecord:
    """A scheduled payment with what had been paid on it; ``settled_on`` is None while it is open."""

    installment_id: int
    loan_id: int
    seq: int
    due_on: date
    principal_fen: int
    interest_fen: int
    paid_interest_fen: int = 0
    paid_principal_fen: int = 0
    settled_on: date | None = None

    @property
    def total_fen(self) -> int:
        return self.principal_fen + self.interest_fen

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
        """As SCHEDULES.md defines it: on time / late once settled, overdue past due (+ grace), else upcoming."""
        deadline = self.deadline(grace_days)
        if self.settled_on is not None and self.settled_on <= as_of:
            return InstallmentStatus.ON_TIME if self.settled_on <= deadline else InstallmentStatus.LATE
        return InstallmentStatus.OVERDUE if as_of > deadline else InstallmentStatus.UPCOMING


@dataclass(frozen=True, slots=True)
class LoanRecord:
    """A loan with its platform, what it was for, and its installments (oldest first)."""

    loan_id: int
    platform: str
    platform_kind: PlatformKind
    purpose: LoanPurpose
    autopay: bool
    principal_fen: int
    borrowed_on: date
    installments: tuple[InstallmentRecord, ...]
    external_id: str | None = None

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

    def next_open(self) -> InstallmentRecord | None:
        return next((i for i in self.installments if i.settled_on is None), None)


@dataclass(frozen=True, slots=True)
class RepaymentRecord:
    repayment_id: int
    loan_id: int
    paid_on: date
    amount_fen: int
    is_payoff: bool = False


@dataclass(frozen=True, slots=True)
class LimitRecord:
    """A platform's credit limit as the user saw it on a day."""

    platform: str
    recorded_on: date
    limit_fen: int
    limit_id: int = 0


@dataclass(frozen=True, slots=True)
class CreditNote:
    """A credit-report (征信) line. ``resolved_on`` is None while it is unresolved."""

    note_id: int
    noted_on: date
    kind: NoteKind
    text: str
    resolved_on: date | None = None


@dataclass(frozen=True)
class InstallmentIndex:
    """A history's installments ordered by due date and by the day they were settled, and the day each loan was
    fully settled (None while open). Built once for a History and shared by its snapshots, so that rules
    asking "what fell due / was settled between these days" need not scan every installment ever recorded."""

    due_days: tuple[date, ...]
    by_due: tuple[InstallmentRecord, ...]
    settled_days: tuple[date, ...]
    by_settled: tuple[InstallmentRecord, ...]
    closed_on: Mapping[int, date | None]

    @classmethod
    def of(cls, loans: Iterable[LoanRecord]) -> InstallmentIndex:
        loans = tuple(loans)
        every = [i for loan in loans for i in loan.installments]
        by_due = sorted(every, key=lambda i: (i.due_on, i.installment_id))
        by_settled = sorted(
            (i for i in every if i.settled_on is not None), key=lambda i: (i.settled_on, i.installment_id)
        )
        closed_on = {
            loan.loan_id: None if loan.is_open else max((i.settled_on for i in loan.installments), default=date.min)
            for loan in loans
        }
        return cls(
            tuple(i.due_on for i in by_due),
            tuple(by_due),
            tuple(i.settled_on for i in by_settled),
            tuple(by_settled),
            closed_on,
        )


@dataclass(frozen=True)
class Snapshot:
    """The records as of ``as_of``; ``grace_days`` is the user's setting for when a payment counts as late.

    Build one with ``History.snapshot(day)``; one made directly from records (in tests) must hold them as they
    stood on ``as_of``."""

    as_of: date
    loans: tuple[LoanRecord, ...]
    repayments: tuple[RepaymentRecord, ...] = ()
    limits: tuple[LimitRecord, ...] = ()
    notes: tuple[CreditNote, ...] = ()
    platform_kinds: Mapping[str, PlatformKind] = field(default_factory=dict)
    grace_days: int = 0
    index: InstallmentIndex | None = field(default=None, repr=False, compare=False)

    @cached_property
    def _index(self) -> InstallmentIndex:
        return self.index or InstallmentIndex.of(self.loans)

    def is_open(self, loan: LoanRecord) -> bool:
        """The loan still had something to settle on the snapshot date."""
        closed = self._index.closed_on.get(loan.loan_id)
        return closed is None or closed > self.as_of

    @cached_property
    def open_loans(self) -> tuple[LoanRecord, ...]:
        return tuple(loan for loan in self.loans if self.is_open(loan))

    @cached_property
    def loans_by_id(self) -> dict[int, LoanRecord]:
        return {loan.loan_id: loan for loan in self.loans}

    def _as_it_stood(self, found: Iterable[InstallmentRecord]) -> list[InstallmentRecord]:
        """The snapshot's own version of each installment (a shared index holds them as finally recorded)."""
        loans = self.loans_by_id
        return [loans[i.loan_id].installments[i.seq - 1] for i in found if i.loan_id in loans]

    def installments_due_between(self, first: date, last: date) -> list[InstallmentRecord]:
        """Installments due from ``first`` to ``last`` (both included), as they stood on the snapshot date."""
        idx = self._index
        found = idx.by_due[bisect_left(idx.due_days, first) : bisect_right(idx.due_days, last)]
        return self._as_it_stood(found)

    def installments_settled_between(self, first: date, last: date) -> list[InstallmentRecord]:
        """Installments settled from ``first`` to ``last`` (no later than the snapshot date), in that order."""
        idx = self._index
        last = min(last, self.as_of)
        found = idx.by_settled[bisect_left(idx.settled_days, first) : bisect_right(idx.settled_days, last)]
        # Settled by the snapshot date, an installment is the same in the snapshot as in the final records.
        return self._as_it_stood(found)

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

    def kind_of(self, platform: str) -> PlatformKind:
        return self.platform_kinds.get(platform, PlatformKind.INTERNET)


@dataclass(frozen=True)
class History:
    """Everything recorded, as stored: installments carry the state all repayments give them.
    ``snapshot(day)`` turns it into what rules see for that day."""

    loans: tuple[LoanRecord, ...]
    repayments: tuple[RepaymentRecord, ...] = ()
    limits: tuple[LimitRecord, ...] = ()
    notes: tuple[CreditNote, ...] = ()
    platform_kinds: Mapping[str, PlatformKind] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        loans: Iterable[LoanRecord],
        repayments: Iterable[RepaymentRecord] = (),
        limits: Iterable[LimitRecord] = (),
        notes: Iterable[CreditNote] = (),
        platform_kinds: Mapping[str, PlatformKind] | None = None,
    ) -> History:
        """A history with every list put in date order, whatever order it came in."""
        loans = tuple(sorted(loans, key=lambda loan: (loan.borrowed_on, loan.loan_id)))
        kinds = dict(platform_kinds or {})
        for loan in loans:
            kinds.setdefault(loan.platform, loan.platform_kind)
        return cls(
            loans=loans,
            repayments=tuple(sorted(repayments, key=lambda r: (r.paid_on, r.repayment_id))),
            limits=tuple(sorted(limits, key=lambda r: (r.recorded_on, r.limit_id))),
            notes=tuple(sorted(notes, key=lambda n: (n.noted_on, n.note_id))),
            platform_kinds=kinds,
        )

    @cached_property
    def _index(self) -> InstallmentIndex:
        return InstallmentIndex.of(self.loans)

    @cached_property
    def _borrowed_days(self) -> list[date]:
        return [loan.borrowed_on for loan in self.loans]

    @cached_property
    def _paid_days(self) -> list[date]:
        return [r.paid_on for r in self.repayments]

    @cached_property
    def _paid_by_loan(self) -> dict[int, tuple[list[date], list[int]]]:
        """Per loan, its payment days in order and the running total paid by each."""
        by_loan: dict[int, tuple[list[date], list[int]]] = {}
        for r in self.repayments:
            days, totals = by_loan.setdefault(r.loan_id, ([], []))
            days.append(r.paid_on)
            totals.append((totals[-1] if totals else 0) + r.amount_fen)
        return by_loan

    @cached_property
    def _last_change(self) -> dict[int, date]:
        """Per loan, the last day its installments' state changed (a repayment, or a nothing-due installment
        settling on its due date): a snapshot on or after that day can use the stored state as it is."""
        last: dict[int, date] = {}
        for r in self.repayments:
            last[r.loan_id] = max(r.paid_on, last.get(r.loan_id, r.paid_on))
        for loan in self.loans:
            for inst in loan.installments:
                if inst.settled_on is not None and inst.settled_on > last.get(loan.loan_id, date.min):
                    last[loan.loan_id] = inst.settled_on
        return last

    def snapshot(self, as_of: date, *, grace_days: int = 0) -> Snapshot:
        """The records as they stood at the end of ``as_of``."""
        loans = []
        last_change = self._last_change
        for loan in self.loans[: bisect_right(self._borrowed_days, as_of)]:
            changed = last_change.get(loan.loan_id)
            loans.append(loan if changed is None or changed <= as_of else self._as_it_stood(loan, as_of))
        repayments = self.repayments[: bisect_right(self._paid_days, as_of)]
        return Snapshot(
            as_of=as_of,
            loans=tuple(loans),
            repayments=repayments,
            limits=tuple(r for r in self.limits if r.recorded_on <= as_of),
            notes=tuple(_note_as_of(n, as_of) for n in self.notes if n.noted_on <= as_of),
            platform_kinds=self.platform_kinds,
            grace_days=grace_days,
            index=self._index,
        )

    def without_loans_closed_before(self, day: date) -> History:
        """The same history less the loans fully settled before ``day`` (and their repayments): what snapshots
        from ``day`` on need when no rule looks further back than the loans' closing."""
        closed_on = self._index.closed_on
        kept = tuple(loan for loan in self.loans if (closed_on[loan.loan_id] or date.max) >= day)
        ids = {loan.loan_id for loan in kept}
        return replace(self, loans=kept, repayments=tuple(r for r in self.repayments if r.loan_id in ids))

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


def _note_as_of(note: CreditNote, as_of: date) -> CreditNote:
    if note.resolved_on is not None and note.resolved_on > as_of:
        return replace(note, resolved_on=None)
    return note
