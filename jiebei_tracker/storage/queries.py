"""Read queries that the services assemble into plain records (one SQL statement each, no per-row round trips)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Float, String, and_, case, cast, func, or_, select
from sqlmodel import Session

from jiebei_tracker.storage.tables import Installment, Loan, Platform, Repayment


@dataclass(frozen=True)
class LoanRow:
    """A loan with its platform and the figures every list needs, straight from one query."""

    loan: Loan
    platform: str
    platform_kind: str
    outstanding_fen: int
    remaining_fen: int
    next_due_on: date | None
    next_due_fen: int | None
    overdue_count: int


def loan_rows(session: Session, *, today: date, grace_days: int = 0, loan_ids: list[int] | None = None):
    """Every loan (or those in ``loan_ids``), oldest first, with balance, next due date and overdue count."""
    open_inst = Installment.settled_on.is_(None)
    # An installment is overdue once today is past its due date plus the grace days.
    overdue_before = today - timedelta(days=grace_days)
    remaining = (
        Installment.principal_fen
        + Installment.interest_fen
        - Installment.paid_principal_fen
        - (Installment.paid_interest_fen)
    )
    totals = select(
        Installment.loan_id.label("loan_id"),
        func.sum(case((open_inst, Installment.principal_fen - Installment.paid_principal_fen), else_=0)).label(
            "outstanding"
        ),
        func.sum(case((open_inst, remaining), else_=0)).label("remaining"),
        func.min(case((open_inst, Installment.seq))).label("next_seq"),
        func.sum(case((and_(open_inst, Installment.due_on < overdue_before), 1), else_=0)).label("overdue"),
    )
    if loan_ids is not None:
        # Filtering inside the aggregate keeps a page of loans from summing every installment in the file.
        totals = totals.where(Installment.loan_id.in_(loan_ids))
    totals = totals.group_by(Installment.loan_id).subquery()
    nxt = Installment.__table__.alias("nxt")
    query = (
        select(
            Loan,
            Platform.name,
            Platform.kind,
            totals.c.outstanding,
            totals.c.remaining,
            nxt.c.due_on,
            nxt.c.principal_fen + nxt.c.interest_fen - nxt.c.paid_principal_fen - nxt.c.paid_interest_fen,
            totals.c.overdue,
        )
        .join(Platform, Platform.id == Loan.platform_id)
        .join(totals, totals.c.loan_id == Loan.id)
        .outerjoin(nxt, and_(nxt.c.loan_id == Loan.id, nxt.c.seq == totals.c.next_seq))
        .order_by(Loan.borrowed_on, Loan.id)
    )
    if loan_ids is not None:
        query = query.where(Loan.id.in_(loan_ids))
    return [
        LoanRow(loan, name, kind, outstanding or 0, rem or 0, due, due_fen, overdue or 0)
        for loan, name, kind, outstanding, rem, due, due_fen, overdue in session.exec(query)
    ]


def loan_schedule_rows(session: Session, loan_id: int) -> tuple[list[Installment], list[Repayment]]:
    """A loan's installment rows in order, and its repayment rows in the order they were paid."""
    installments = session.scalars(
        select(Installment).where(Installment.loan_id == loan_id).order_by(Installment.seq)
    ).all()
    repayments = session.scalars(
        select(Repayment).where(Repayment.loan_id == loan_id).order_by(Repayment.paid_on, Repayment.id)
    ).all()
    return list(installments), list(repayments)


# -- the loans list at any size: ids filtered and sorted in SQL, rows fetched a page at a time -------------

LOAN_SORT_KEYS = (
    "platform",
    "borrowed_on",
    "principal",
    "term",
    "method",
    "rate",
    "outstanding",
    "next_due_on",
    "next_due_fen",
    "status",
)


@dataclass(frozen=True)
class LoanFilter:
    """What the loans list is narrowed to. ``text`` is matched in the platform name, note, external id and
    borrowing date; ``amount_fen``, ``methods`` and ``purposes`` are other readings of the same words."""

    platform: str | None = None
    status: str | None = None  # "active", "overdue" or "settled"
    text: str = ""
    amount_fen: int | None = None
    methods: tuple[str, ...] = ()
    purposes: tuple[str, ...] = ()


def _escape_like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def loan_ids(
    session: Session,
    *,
    today: date,
    grace_days: int = 0,
    where: LoanFilter | None = None,
    sort: str = "borrowed_on",
    descending: bool = True,
) -> list[int]:
    """The ids of the loans that match ``where``, in the order asked for (ties by id). Sorting by a column of
    the loan itself is an index scan; by a figure of its installments (outstanding, next due, status) it
    aggregates only the open installments, which the (settled_on, due_on) index finds."""
    if sort not in LOAN_SORT_KEYS:
        raise ValueError(f"unknown sort key {sort!r}")
    where = where or LoanFilter()
    open_inst = Installment.settled_on.is_(None)
    overdue_before = today - timedelta(days=grace_days)
    open_loans = select(Installment.loan_id).where(open_inst)
    overdue_loans = select(Installment.loan_id).where(open_inst, Installment.due_on < overdue_before)
    query = select(Loan.id)
    if where.platform is not None:
        query = query.where(Loan.platform_id.in_(select(Platform.id).where(Platform.name == where.platform)))
    if where.status == "overdue":
        query = query.where(Loan.id.in_(overdue_loans))
    elif where.status == "settled":
        query = query.where(Loan.id.not_in(open_loans))
    elif where.status == "active":
        query = query.where(Loan.id.in_(open_loans), Loan.id.not_in(overdue_loans))
    if where.text:
        like = _escape_like(where.text)
        matches = [
            Loan.platform_id.in_(select(Platform.id).where(Platform.name.like(like, escape="\\"))),
            Loan.note.like(like, escape="\\"),
            Loan.external_id.like(like, escape="\\"),
            cast(Loan.borrowed_on, String).like(like, escape="\\"),
        ]
        if where.amount_fen is not None:
            matches.append(Loan.principal_fen == where.amount_fen)
        if where.methods:
            matches.append(Loan.method.in_(where.methods))
        if where.purposes:
            matches.append(Loan.purpose.in_(where.purposes))
        query = query.where(or_(*matches))

    direction = (lambda column: column.desc()) if descending else (lambda column: column.asc())
    if sort in ("outstanding", "next_due_on", "next_due_fen", "status"):
        agg = (
            select(
                Installment.loan_id.label("loan_id"),
                func.sum(Installment.principal_fen - Installment.paid_principal_fen).label("outstanding"),
                func.min(Installment.seq).label("next_seq"),
                func.min(Installment.due_on).label("next_due_on"),
                func.sum(case((Installment.due_on < overdue_before, 1), else_=0)).label("overdue"),
            )
            .where(open_inst)
            .group_by(Installment.loan_id)
            .subquery()
        )
        query = query.outerjoin(agg, agg.c.loan_id == Loan.id)
        if sort == "outstanding":
            keys = [direction(func.coalesce(agg.c.outstanding, 0))]
        elif sort == "next_due_on":
            keys = [agg.c.next_due_on.is_(None), direction(agg.c.next_due_on)]
        elif sort == "status":
            rank = case((agg.c.overdue > 0, 0), (agg.c.loan_id.is_not(None), 1), else_=2)
            keys = [direction(rank)]
        else:
            nxt = Installment.__table__.alias("nxt")
            query = query.outerjoin(nxt, and_(nxt.c.loan_id == Loan.id, nxt.c.seq == agg.c.next_seq))
            left = nxt.c.principal_fen + nxt.c.interest_fen - nxt.c.paid_principal_fen - nxt.c.paid_interest_fen
            keys = [nxt.c.id.is_(None), direction(left)]
    elif sort == "platform":
        query = query.join(Platform, Platform.id == Loan.platform_id)
        keys = [direction(Platform.name)]
    else:
        column = {
            "borrowed_on": Loan.borrowed_on,
            "principal": Loan.principal_fen,
            "term": Loan.term_months,
            "method": Loan.method,
            "rate": cast(Loan.annual_rate, Float),
        }[sort]
        keys = [direction(column)]
    return list(session.execute(query.order_by(*keys, direction(Loan.id))).scalars())


def loan_count(session: Session) -> int:
    return session.execute(select(func.count()).select_from(Loan)).scalar_one()


def platform_names(session: Session) -> list[str]:
    return list(session.execute(select(Platform.name).order_by(Platform.name)).scalars())


@dataclass(frozen=True)
class OpenInstallmentRow:
    """An installment not yet fully paid, with the loan it belongs to: a line of what is due."""

    loan_id: int
    seq: int
    term_months: int
    platform: str
    due_on: date
    remaining_fen: int
    autopay: bool


def open_installments(session: Session, *, due_on_or_before: date) -> list[OpenInstallmentRow]:
    """Open installments falling due on or before a day, earliest first (the open-due index finds them)."""
    left = Installment.principal_fen + Installment.interest_fen - Installment.paid_principal_fen
    query = (
        select(
            Installment.loan_id,
            Installment.seq,
            Loan.term_months,
            Platform.name,
            Installment.due_on,
            left - Installment.paid_interest_fen,
            Loan.autopay,
        )
        .join(Loan, Loan.id == Installment.loan_id)
        .join(Platform, Platform.id == Loan.platform_id)
        .where(Installment.settled_on.is_(None), Installment.due_on <= due_on_or_before)
        .order_by(Installment.due_on, Platform.name, Installment.loan_id, Installment.seq)
    )
    return [OpenInstallmentRow(*row) for row in session.execute(query)]


@dataclass(frozen=True)
class OpenTotalsRow:
    """Sums over every open installment: what is still owed, and how much of it is overdue."""

    open_loans: int
    outstanding_fen: int
    remaining_fen: int
    overdue_loans: int
    overdue_installments: int
    overdue_fen: int


def open_totals(session: Session, *, today: date, grace_days: int = 0) -> OpenTotalsRow:
    overdue = Installment.due_on < today - timedelta(days=grace_days)
    left = (
        Installment.principal_fen
        + Installment.interest_fen
        - Installment.paid_principal_fen
        - Installment.paid_interest_fen
    )
    query = select(
        func.count(func.distinct(Installment.loan_id)),
        func.coalesce(func.sum(Installment.principal_fen - Installment.paid_principal_fen), 0),
        func.coalesce(func.sum(left), 0),
        func.count(func.distinct(case((overdue, Installment.loan_id)))),
        func.coalesce(func.sum(case((overdue, 1), else_=0)), 0),
        func.coalesce(func.sum(case((overdue, left), else_=0)), 0),
    ).where(Installment.settled_on.is_(None))
    return OpenTotalsRow(*session.execute(query).one())
