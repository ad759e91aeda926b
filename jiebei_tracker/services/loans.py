"""Read-side: loans as plain records for the views and the CLI — summaries, the loans list at any size, repayments
(one loan looked at closely is ``services.loan_detail``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property
from types import SimpleNamespace

from jiebei_tracker.domain.cost import TrueCost, cost_of_flows, loan_cost
from jiebei_tracker.domain.dates import months_after
from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import normalize_text, parse_yuan
from jiebei_tracker.domain.payments import InstallmentState, Settled, settles
from jiebei_tracker.domain.penalty import PenaltyTerms
from jiebei_tracker.domain.rates import Rate
from jiebei_tracker.domain.schedule import NO_FEES, Fees, LoanTerms, PlannedInstallment
from jiebei_tracker.domain.vocabulary import (
    InstallmentStatus,
    InterestBasis,
    LoanPurpose,
    LoanStatus,
    PlatformKind,
    RepaymentMethod,
    RepaymentSource,
    ScheduleSource,
)
from jiebei_tracker.storage import reads
from jiebei_tracker.storage.convert import fees_of, rate_of
from jiebei_tracker.storage.database import Database
from jiebei_tracker.storage.reads import LoanRow


@dataclass(frozen=True)
class LoanSummary:
    """One line of the loans list. ``outstanding_fen`` is principal not yet repaid."""

    loan_id: int
    external_id: str | None
    platform: str
    platform_kind: PlatformKind
    borrowed_on: date
    principal_fen: int
    term_months: int
    method: RepaymentMethod
    rate: Rate
    purpose: LoanPurpose
    autopay: bool
    note: str
    outstanding_fen: int
    remaining_fen: int
    next_due_on: date | None
    next_due_fen: int | None
    status: LoanStatus
    interest_basis: InterestBasis = InterestBasis.MONTHLY
    fees: Fees = NO_FEES
    interest_free_days: int = 0
    schedule_source: ScheduleSource = ScheduleSource.COMPUTED
    # (due date, total) of each installment, for a schedule not built from the terms (a part prepayment's, the
    # platform's): its true cost is worked out from what it asks for. None: built from the terms.
    planned: tuple[tuple[date, int], ...] | None = None

    @property
    def terms(self) -> LoanTerms:
        return LoanTerms(
            self.borrowed_on,
            self.principal_fen,
            self.term_months,
            self.method,
            self.rate,
            self.interest_basis,
            self.fees,
            self.interest_free_days,
        )

    @cached_property
    def cost(self) -> TrueCost:
        """What the loan truly costs a year, fees included (the IRR method lenders must use): ``true_cost_of`` its
        terms and kept schedule. Worked out when first asked (the loans list asks only for the rows it shows)."""
        return true_cost_of(self.terms, self.planned)

    @property
    def ref(self) -> str:
        """How the CLI names this loan: its external id, or its number."""
        return self.external_id or str(self.loan_id)


def true_cost_of(terms: LoanTerms, planned: Sequence[tuple[date, int]] | None = None) -> TrueCost:
    """What a loan truly costs a year: from its terms, or from the schedule it keeps when that is not the terms'
    (``planned``: the due date and total of each installment of the platform's plan or a part prepayment's). What
    the loans list shows, and what it sorts by."""
    if planned is None:
        return loan_cost(terms)
    flows = [(months_after(terms.borrowed_on, due_on), total) for due_on, total in planned]
    return cost_of_flows(terms.principal_fen - terms.fees.upfront_fen, flows)


def _summary(
    row: LoanRow, rate_of: Callable[[LoanRow], Rate], planned: list[tuple[date, int]] | None = None
) -> LoanSummary:
    if row.overdue_count:
        status = LoanStatus.OVERDUE
    elif row.next_due_on is None:
        status = LoanStatus.SETTLED
    else:
        status = LoanStatus.ACTIVE
    return LoanSummary(
        loan_id=row.loan_id,
        external_id=row.external_id,
        platform=row.platform,
        platform_kind=PlatformKind(row.platform_kind),
        borrowed_on=row.borrowed_on,
        principal_fen=row.principal_fen,
        term_months=row.term_months,
        method=RepaymentMethod(row.method),
        rate=rate_of(row),
        purpose=LoanPurpose(row.purpose),
        autopay=row.autopay,
        note=row.note,
        outstanding_fen=row.outstanding_fen,
        remaining_fen=row.remaining_fen,
        next_due_on=row.next_due_on,
        next_due_fen=row.next_due_fen,
        status=status,
        interest_basis=InterestBasis(row.interest_basis),
        fees=fees_of(row),
        interest_free_days=row.interest_free_days,
        schedule_source=ScheduleSource(row.schedule_source),
        planned=None if planned is None else tuple(planned),
    )


def list_loans(
    database: Database, *, today: date, grace_days: int = 0, loan_ids: list[int] | None = None
) -> list[LoanSummary]:
    """Every loan as it stands today (or only ``loan_ids``), oldest first."""
    with database.read() as connection:
        rows = reads.loan_rows(connection, today=today, grace_days=grace_days, loan_ids=loan_ids)
        kept = [row.loan_id for row in rows if row.schedule_source != ScheduleSource.COMPUTED.value]
        planned = reads.installment_totals(connection, kept) if kept else {}
    return [_summary(row, rate_of, planned.get(row.loan_id)) for row in rows]


def find_loan(database: Database, ref: str) -> int:
    """The loan a user names: by its external id first, else by the number ``loans`` shows."""
    ref = ref.strip()
    with database.read() as connection:
        loan_id = reads.loan_id_by_ref(connection, ref)
    if loan_id is not None:
        return loan_id
    raise InvalidValue("LOAN", ref, "no loan has this id or number (see `jiebei-tracker loans`)")


@dataclass(frozen=True)
class ScheduleLine:
    seq: int
    due_on: date
    principal_fen: int
    interest_fen: int
    paid_fen: int
    settled_on: date | None
    status: InstallmentStatus
    corrected: bool
    fee_fen: int = 0

    @property
    def total_fen(self) -> int:
        return self.principal_fen + self.interest_fen + self.fee_fen

    @classmethod
    def paid_on_its_day(cls, installment: PlannedInstallment) -> ScheduleLine:
        """An installment of a preview paid in full on its due date (a part prepayment's own)."""
        return replace(
            cls.to_come(installment),
            paid_fen=installment.total_fen,
            settled_on=installment.due_on,
            status=InstallmentStatus.ON_TIME,
        )

    @classmethod
    def to_come(cls, installment: PlannedInstallment) -> ScheduleLine:
        """An installment of a schedule not saved yet (a preview): nothing paid, upcoming."""
        return cls(
            seq=installment.seq,
            due_on=installment.due_on,
            principal_fen=installment.principal_fen,
            interest_fen=installment.interest_fen,
            paid_fen=0,
            settled_on=None,
            status=InstallmentStatus.UPCOMING,
            corrected=False,
            fee_fen=installment.fee_fen,
        )


@dataclass(frozen=True)
class RepaymentLine:
    """A recorded repayment, with where it came from (typed, imported, assumed from the schedule, autopay)."""

    repayment_id: int
    paid_on: date
    amount_fen: int
    is_payoff: bool
    note: str
    source: RepaymentSource = RepaymentSource.MANUAL
    loan_id: int = 0
    source_ref: str | None = None


def list_repayments(
    database: Database, *, loan_id: int | None = None, repayment_id: int | None = None
) -> list[RepaymentLine]:
    """Every repayment (or one loan's, or the one numbered ``repayment_id``), in the order they were paid."""
    with database.read() as connection:
        rows = reads.repayment_rows(connection, loan_id=loan_id, repayment_id=repayment_id)
    return [
        RepaymentLine(
            r.repayment_id, r.paid_on, r.amount_fen, r.is_payoff, r.note, RepaymentSource(r.source), r.loan_id,
            r.source_ref,
        )
        for r in rows
    ]  # fmt: skip


def change_refused(repayment_id: int, loan_id: int, source: RepaymentSource | str) -> InvalidValue | None:
    """Why the repayment cannot have its day or amount changed, or be deleted, on its own (None when it can): a part
    prepayment (提前还部分), which its loan's schedule was rebuilt around. The one refusal: the ledger raises it, the
    window shows it before opening anything."""
    if RepaymentSource(source) is not RepaymentSource.PREPAYMENT:
        return None
    return InvalidValue(
        "repayment",
        repayment_id,
        f"a part prepayment (提前还部分): loan #{loan_id}'s schedule was rebuilt around it, so it cannot be edited or "
        "deleted on its own. Take it back with Undo (Ctrl+Z) right after making it, or edit the loan's terms, which "
        "builds its schedule again",
    )


@dataclass(frozen=True)
class LoanDetail:
    summary: LoanSummary
    schedule: list[ScheduleLine]
    repayments: list[RepaymentLine]


@dataclass(frozen=True)
class RepaymentOutlook:
    """What a repayment typed by hand on a day would meet: the installments as they stand that day and everything
    still owed — both without the repayment the app assumed for the installment it pays, which it replaces."""

    states: list[InstallmentState]
    left_fen: int  # penalty interest run up by the day included: a late repayment may bring it too
    paid_on: date = date.min
    penalty: PenaltyTerms | None = None
    replaces: date | None = None  # the day of the assumed repayment (schedule or autopay) this one stands for

    def settled(self, amount_fen: int) -> list[Settled]:
        """Where a repayment of ``amount_fen`` on the day would go (``payments.settles``)."""
        return settles(self.states, amount_fen, day=self.paid_on, penalty=self.penalty)

    def installments_met(self, amount_fen: int) -> list[int]:
        """The installments (by number) a repayment of ``amount_fen`` would go to."""
        return [entry.seq for entry in self.settled(amount_fen)]


# -- the loans list at any size, and what is due -------------------------------------------------------------

# "apr": the true APR, worked out from the terms (SQL cannot): the loans are filtered in SQL, then ordered here.
LOAN_SORT_KEYS = (*reads.LOAN_SORT_KEYS, "apr")


@dataclass(frozen=True)
class LoanQuery:
    """How the user narrowed and ordered the loans list: a platform, a status, free text, a sort key."""

    platform: str | None = None
    status: LoanStatus | None = None
    text: str = ""
    sort: str = "borrowed_on"
    descending: bool = True


def _loan_filter(query: LoanQuery) -> reads.LoanFilter:
    """The user's words read every way they could be meant: as text, an amount, a method, a purpose."""
    text = normalize_text(query.text)
    amount_fen = methods = purposes = None
    if text:
        try:
            amount_fen = parse_yuan(text)
        except InvalidValue:
            amount_fen = None
        methods = _matching_terms(RepaymentMethod, text)
        purposes = _matching_terms(LoanPurpose, text)
    return reads.LoanFilter(
        platform=query.platform,
        status=query.status.value if query.status else None,
        text=text,
        amount_fen=amount_fen,
        methods=methods or (),
        purposes=purposes or (),
    )


def _matching_terms(vocabulary, text: str) -> tuple[str, ...]:
    lowered = text.lower()
    return tuple(
        term.value
        for term in vocabulary
        if lowered in term.label("zh_CN").lower() or lowered in term.label("en").lower() or lowered == term.value
    )


def find_loan_ids(database: Database, query: LoanQuery, *, today: date, grace_days: int = 0) -> list[int]:
    """The ids of the loans matching ``query`` in its order, from SQL (fast enough for 100,000 loans); by true APR,
    filtered in SQL and ordered by ``ids_by_apr``."""
    by_apr = query.sort == "apr"
    with database.read() as connection:
        ids = reads.loan_ids(
            connection,
            today=today,
            grace_days=grace_days,
            where=_loan_filter(query),
            sort="borrowed_on" if by_apr else query.sort,
            descending=query.descending,
        )
        return ids_by_apr(connection, ids, descending=query.descending) if by_apr else ids


# The true APR (in hundredths of a percent, as the list shows it) of each set of terms worked out so far: the loans
# list sorted by APR again costs a look-up a loan. Emptied when it grows past _APR_KEPT.
_APR_OF_TERMS: dict[tuple[str, tuple | None], int | None] = {}
_APR_KEPT = 200_000
_UNSEEN = object()


def ids_by_apr(connection, ids: list[int], *, descending: bool) -> list[int]:
    """``ids`` ordered by their loans' true APR (as ``true_cost_of`` works it out and the list shows it; ties by id,
    as SQL orders the other columns), and the loans it cannot be worked out for (no rate of return) last either way.
    """
    wanted = set(ids)
    keys = [(loan_id, key) for loan_id, key in reads.loan_cost_keys(connection) if loan_id in wanted]
    computed = reads.COST_SEPARATOR + ScheduleSource.COMPUTED.value
    kept = [loan_id for loan_id, key in keys if not key.endswith(computed)]
    planned = reads.installment_totals(connection, kept) if kept else {}
    if len(_APR_OF_TERMS) > _APR_KEPT:
        _APR_OF_TERMS.clear()
    known, unknown = [], []
    for loan_id, text in keys:
        schedule = planned.get(loan_id)
        key = (text, None if schedule is None else tuple(schedule))
        apr = _APR_OF_TERMS.get(key, _UNSEEN)
        if apr is _UNSEEN:
            apr = _APR_OF_TERMS[key] = _apr(text, schedule)
        if apr is None:
            unknown.append(loan_id)
        else:
            known.append((apr, loan_id))
    known.sort(reverse=descending)
    return [loan_id for _, loan_id in known] + sorted(unknown, reverse=descending)


_WHOLE_NUMBERS = ("principal_fen", "term_months", "fee_upfront_fen", "fee_per_installment_fen", "interest_free_days")


def _apr(text: str, planned: list[tuple[date, int]] | None) -> int | None:
    """The true APR of the loan whose stored terms are ``text`` (``reads.loan_cost_keys``), in hundredths of a percent
    (``TrueCost.apr`` has four places); None when it cannot be worked out."""
    try:
        values = dict(zip(reads.COST_COLUMNS, text.split(reads.COST_SEPARATOR), strict=True))
        values.update((name, int(values[name])) for name in _WHOLE_NUMBERS)
        row = SimpleNamespace(**values)
        terms = LoanTerms(
            date.fromisoformat(row.borrowed_on),
            row.principal_fen,
            row.term_months,
            RepaymentMethod(row.method),
            rate_of(row),
            InterestBasis(row.interest_basis),
            fees_of(row),
            row.interest_free_days,
        )
        return int(true_cost_of(terms, planned).apr.scaleb(4))
    except (InvalidValue, ValueError, ArithmeticError):  # terms the app would not take now; no rate of return
        return None


def count_loans(database: Database) -> int:
    with database.read() as connection:
        return reads.loan_count(connection)


def platform_names(database: Database) -> list[str]:
    with database.read() as connection:
        return reads.platform_names(connection)
