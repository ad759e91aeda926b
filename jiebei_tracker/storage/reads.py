"""Read queries on the plain ``sqlite3`` driver (``Database.read()``), one SQL statement each, no per-row round trips:
what the window draws (the dashboard's totals and dues, the loans list at any size, platforms, notes, settings).
They need no SQLAlchemy, so the window opens without importing it. Values come back as the tables define them:
money integer fen, dates ``date``, flags ``bool``, rates the stored decimal strings."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from jiebei_tracker.domain.status import overdue_before


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _in(name: str, values, params: dict) -> str:
    """``(:name0, :name1, …)`` with the values put into ``params``."""
    keys = [f"{name}{i}" for i in range(len(values))]
    params.update(zip(keys, values, strict=True))
    return "(" + ", ".join(f":{key}" for key in keys) + ")"


# -- loans ---------------------------------------------------------------------------------------------------


class LoanRow(NamedTuple):
    """A loan with its platform and the figures every list needs, straight from one query."""

    loan_id: int
    external_id: str | None
    borrowed_on: date
    principal_fen: int
    term_months: int
    method: str
    annual_rate: str
    rate_basis: str
    purpose: str
    autopay: bool
    note: str
    platform: str
    platform_kind: str
    outstanding_fen: int
    remaining_fen: int
    next_due_on: date | None
    next_due_fen: int | None
    overdue_count: int
    interest_basis: str = "monthly"
    fee_upfront_fen: int = 0
    fee_per_installment_fen: int = 0
    fee_rate: str = "0"
    interest_free_days: int = 0
    schedule_source: str = "computed"


# The SQL of ``domain.status.installment_status`` for an open installment: overdue when it fell due before
# :overdue_before (``overdue_before(today, grace_days)``). tests/storage/test_overdue_agrees.py holds them equal.
OVERDUE = "installment.due_on < :overdue_before"
_LEFT = "{t}.principal_fen + {t}.interest_fen + {t}.fee_fen - {t}.paid_principal_fen - {t}.paid_interest_fen"


def loan_rows(
    connection: sqlite3.Connection, *, today: date, grace_days: int = 0, loan_ids: list[int] | None = None
) -> list[LoanRow]:
    """Every loan (or those in ``loan_ids``), oldest first, with balance, next due date and overdue count."""
    # An installment is overdue once today is past its due date plus the grace days.
    params: dict = {"overdue_before": overdue_before(today, grace_days).isoformat()}
    # Filtering inside the aggregate keeps a page of loans from summing every installment in the file.
    only = f"WHERE installment.loan_id IN {_in('id', loan_ids, params)}" if loan_ids is not None else ""
    sql = f"""
        SELECT loan.id, loan.external_id, loan.borrowed_on, loan.principal_fen, loan.term_months, loan.method,
               loan.annual_rate, loan.rate_basis, loan.purpose, loan.autopay, loan.note, platform.name, platform.kind,
               totals.outstanding, totals.remaining, nxt.due_on, {_LEFT.format(t="nxt")}, totals.overdue,
               loan.interest_basis, loan.fee_upfront_fen, loan.fee_per_installment_fen, loan.fee_rate,
               loan.interest_free_days, loan.schedule_source
        FROM loan
        JOIN platform ON platform.id = loan.platform_id
        JOIN (
            SELECT installment.loan_id AS loan_id,
                   sum(CASE WHEN installment.settled_on IS NULL
                       THEN installment.principal_fen - installment.paid_principal_fen ELSE 0 END) AS outstanding,
                   sum(CASE WHEN installment.settled_on IS NULL
                       THEN {_LEFT.format(t="installment")} ELSE 0 END) AS remaining,
                   min(CASE WHEN installment.settled_on IS NULL THEN installment.seq END) AS next_seq,
                   sum(CASE WHEN installment.settled_on IS NULL AND {OVERDUE} THEN 1 ELSE 0 END) AS overdue
            FROM installment {only}
            GROUP BY installment.loan_id
        ) AS totals ON totals.loan_id = loan.id
        LEFT OUTER JOIN installment AS nxt ON nxt.loan_id = loan.id AND nxt.seq = totals.next_seq
        {"WHERE loan.id IN " + _in("loan", loan_ids, params) if loan_ids is not None else ""}
        ORDER BY loan.borrowed_on, loan.id
    """
    return [
        LoanRow(
            loan_id,
            external_id,
            date.fromisoformat(borrowed_on),
            principal,
            term,
            method,
            rate,
            basis,
            purpose,
            bool(autopay),
            note,
            platform,
            kind,
            outstanding or 0,
            remaining or 0,
            _day(due_on),
            due_fen,
            overdue or 0,
            *money_terms,
        )
        for (
            loan_id,
            external_id,
            borrowed_on,
            principal,
            term,
            method,
            rate,
            basis,
            purpose,
            autopay,
            note,
            platform,
            kind,
            outstanding,
            remaining,
            due_on,
            due_fen,
            overdue,
            *money_terms,
        ) in connection.execute(sql, params)
    ]


def loan_id_by_ref(connection: sqlite3.Connection, ref: str) -> int | None:
    """The loan a user names: by its external id first, else by its number."""
    row = connection.execute("SELECT id FROM loan WHERE external_id = ?", (ref,)).fetchone()
    if row is None and ref.isdigit():
        row = connection.execute("SELECT id FROM loan WHERE id = ?", (int(ref),)).fetchone()
    return None if row is None else row[0]


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


# The open installments through their partial index (ix_installment_open_by_loan): a few percent of the table, in
# loan order, holding every figure read here. Named, because without statistics SQLite prefers the
# (settled_on, due_on) index, which then reads each open installment's row from the table (~6x slower at 100,000
# loans); INDEXED BY also makes a missing index an error instead of a quiet slowdown.
_OPEN = "installment INDEXED BY ix_installment_open_by_loan WHERE installment.settled_on IS NULL"
_OPEN_LOANS = f"SELECT installment.loan_id FROM {_OPEN}"
_OVERDUE_LOANS = f"{_OPEN_LOANS} AND {OVERDUE}"
# One figure per loan with an open installment, grouped in one pass over that index. For the next amount the
# single min() makes SQLite take the other columns from the row holding it: the next installment.
_FIGURE_OF_OPEN = {
    "outstanding": "sum(installment.principal_fen - installment.paid_principal_fen)",
    "next_due_on": "min(installment.due_on)",
    "next_due_fen": f"min(installment.seq), {_LEFT.format(t='installment')}",
    "status": f"max({OVERDUE})",
}


def loan_ids(
    connection: sqlite3.Connection,
    *,
    today: date,
    grace_days: int = 0,
    where: LoanFilter | None = None,
    sort: str = "borrowed_on",
    descending: bool = True,
) -> list[int]:
    """The ids of the loans that match ``where``, in the order asked for (ties by id). Sorting by a column of
    the loan itself is an index scan; by a figure of its installments (outstanding, next due, status) it
    aggregates the open installments in one pass over their partial index, which holds every figure needed."""
    if sort not in LOAN_SORT_KEYS:
        raise ValueError(f"unknown sort key {sort!r}")
    where = where or LoanFilter()
    params: dict = {"overdue_before": overdue_before(today, grace_days).isoformat()}
    conditions: list[str] = []
    if where.platform is not None:
        params["platform"] = where.platform
        conditions.append("loan.platform_id IN (SELECT platform.id FROM platform WHERE platform.name = :platform)")
    if where.status == "overdue":
        conditions.append(f"loan.id IN ({_OVERDUE_LOANS})")
    elif where.status == "settled":
        conditions.append(f"loan.id NOT IN ({_OPEN_LOANS})")
    elif where.status == "active":
        conditions.append(f"loan.id IN ({_OPEN_LOANS}) AND loan.id NOT IN ({_OVERDUE_LOANS})")
    if where.text:
        params["like"] = _escape_like(where.text)
        matches = [
            "loan.platform_id IN (SELECT platform.id FROM platform WHERE platform.name LIKE :like ESCAPE '\\')",
            "loan.note LIKE :like ESCAPE '\\'",
            "loan.external_id LIKE :like ESCAPE '\\'",
            "CAST(loan.borrowed_on AS VARCHAR) LIKE :like ESCAPE '\\'",
        ]
        if where.amount_fen is not None:
            params["amount"] = where.amount_fen
            matches.append("loan.principal_fen = :amount")
        if where.methods:
            matches.append("loan.method IN " + _in("method", where.methods, params))
        if where.purposes:
            matches.append("loan.purpose IN " + _in("purpose", where.purposes, params))
        conditions.append("(" + " OR ".join(matches) + ")")

    direction = " DESC" if descending else " ASC"
    joins = ""
    if sort in _FIGURE_OF_OPEN:
        joins = f"""
            LEFT OUTER JOIN (
                SELECT installment.loan_id AS loan_id, {_FIGURE_OF_OPEN[sort]} AS figure
                FROM {_OPEN}
                GROUP BY installment.loan_id
            ) AS agg ON agg.loan_id = loan.id"""
        if sort == "outstanding":
            keys = ["coalesce(agg.figure, 0)" + direction]
        elif sort == "status":  # overdue, active (open), settled (no open installment)
            keys = ["CASE WHEN agg.figure THEN 0 WHEN agg.loan_id IS NOT NULL THEN 1 ELSE 2 END" + direction]
        else:  # loans with nothing left to pay last, either way
            keys = ["agg.loan_id IS NULL", "agg.figure" + direction]
    elif sort == "platform":
        joins = " JOIN platform ON platform.id = loan.platform_id"
        keys = ["platform.name" + direction]
    else:
        column = {
            "borrowed_on": "loan.borrowed_on",
            "principal": "loan.principal_fen",
            "term": "loan.term_months",
            "method": "loan.method",
            "rate": "CAST(loan.annual_rate AS FLOAT)",
        }[sort]
        keys = [column + direction]
    # Text is matched in the loan's own row (its note): one pass over the table in storage order is cheaper than
    # walking the sort column's index and reading each row out of order (~0.03 s against ~0.15 s at 100,000).
    table = "loan NOT INDEXED" if where.text else "loan"
    sql = (
        f"SELECT loan.id FROM {table}{joins}"
        + (" WHERE " + " AND ".join(conditions) if conditions else "")
        + " ORDER BY "
        + ", ".join([*keys, "loan.id" + direction])
    )
    return [row[0] for row in connection.execute(sql, params)]


# What a loan's true cost is worked out from, as stored: ``loan_cost_keys`` gives them joined into one text.
COST_COLUMNS = (
    "borrowed_on", "principal_fen", "term_months", "method", "annual_rate", "rate_basis", "interest_basis",
    "fee_upfront_fen", "fee_per_installment_fen", "fee_rate", "interest_free_days", "schedule_source",
)  # fmt: skip
COST_SEPARATOR = "|"  # in none of those columns' values (dates, whole numbers, decimals, vocabulary ids)


def loan_cost_keys(connection: sqlite3.Connection) -> list[tuple[int, str]]:
    """Every loan's id and its ``COST_COLUMNS`` joined by ``COST_SEPARATOR``, in one pass over the table: one text a
    loan, cheap to compare (``services.loans`` keeps each true cost it worked out by it)."""
    joined = f" || '{COST_SEPARATOR}' || ".join(COST_COLUMNS)
    return connection.execute(f"SELECT id, {joined} FROM loan").fetchall()


def has_records(connection: sqlite3.Connection) -> bool:
    """Whether the file holds any loan, credit-limit record or credit-report note."""
    sql = """SELECT EXISTS (SELECT 1 FROM loan) OR EXISTS (SELECT 1 FROM creditlimitrecord)
             OR EXISTS (SELECT 1 FROM creditreportnote)"""
    return connection.execute(sql).fetchone()[0] == 1


def loan_count(connection: sqlite3.Connection) -> int:
    return connection.execute("SELECT count(*) FROM loan").fetchone()[0]


def platform_names(connection: sqlite3.Connection) -> list[str]:
    return [row[0] for row in connection.execute("SELECT name FROM platform ORDER BY name")]


# -- what is due, and the totals --------------------------------------------------------------------------


class OpenInstallmentRow(NamedTuple):
    """An installment not yet fully paid, with the loan it belongs to: a line of what is due."""

    loan_id: int
    seq: int
    term_months: int
    platform: str
    due_on: date
    remaining_fen: int
    autopay: bool
    overdue_principal_fen: int = 0  # the principal still unpaid: what penalty interest runs on
    annual_rate: str = "0"
    penalty_multiplier: str = "1.5"


def open_installments(connection: sqlite3.Connection, *, due_on_or_before: date) -> list[OpenInstallmentRow]:
    """Open installments falling due on or before a day, earliest first (the open-due index finds them)."""
    return _open_installments(connection, "", due_on_or_before)


def pending_autopay(connection: sqlite3.Connection, *, due_on_or_before: date) -> list[OpenInstallmentRow]:
    """Open installments of autopay loans that fell due since autopay was switched on, up to a day: the
    deductions the autopay check asks about."""
    return _open_installments(
        connection, "AND loan.autopay AND installment.due_on >= loan.autopay_since", due_on_or_before
    )


def _open_installments(connection: sqlite3.Connection, condition: str, due_on_or_before: date):
    sql = f"""
        SELECT installment.loan_id, installment.seq, loan.term_months, platform.name, installment.due_on,
               {_LEFT.format(t="installment")}, loan.autopay,
               installment.principal_fen - installment.paid_principal_fen, loan.annual_rate, platform.penalty_multiplier
        FROM installment
        JOIN loan ON loan.id = installment.loan_id
        JOIN platform ON platform.id = loan.platform_id
        WHERE installment.settled_on IS NULL AND installment.due_on <= ? {condition}
        ORDER BY installment.due_on, platform.name, installment.loan_id, installment.seq
    """
    return [
        OpenInstallmentRow(
            loan_id, seq, term, platform, date.fromisoformat(due_on), left, bool(autopay), principal, rate, multiplier
        )
        for loan_id, seq, term, platform, due_on, left, autopay, principal, rate, multiplier in connection.execute(
            sql, (due_on_or_before.isoformat(),)
        )
    ]


class RepaymentRow(NamedTuple):
    """A recorded repayment with where it came from."""

    repayment_id: int
    loan_id: int
    paid_on: date
    amount_fen: int
    is_payoff: bool
    source: str
    source_ref: str | None
    note: str


def repayment_rows(
    connection: sqlite3.Connection, *, loan_id: int | None = None, repayment_id: int | None = None
) -> list[RepaymentRow]:
    """Every repayment (or one loan's, or the one numbered ``repayment_id``) in the order they were paid."""
    where, params = ("WHERE loan_id = ?", (loan_id,)) if loan_id is not None else ("", ())
    if repayment_id is not None:
        where, params = "WHERE id = ?", (repayment_id,)
    sql = f"""SELECT id, loan_id, paid_on, amount_fen, is_payoff, source, source_ref, note FROM repayment {where}
              ORDER BY paid_on, id"""
    return [
        RepaymentRow(rid, lid, date.fromisoformat(day), fen, bool(payoff), source, ref, note)
        for rid, lid, day, fen, payoff, source, ref, note in connection.execute(sql, params)
    ]


class OpenTotalsRow(NamedTuple):
    """Sums over every open installment: what is still owed, and how much of it is overdue."""

    open_loans: int
    outstanding_fen: int
    remaining_fen: int
    overdue_loans: int
    overdue_installments: int
    overdue_fen: int


def open_totals(connection: sqlite3.Connection, *, today: date, grace_days: int = 0) -> OpenTotalsRow:
    left = _LEFT.format(t="installment")
    overdue = OVERDUE
    sql = f"""
        SELECT count(DISTINCT installment.loan_id),
               coalesce(sum(installment.principal_fen - installment.paid_principal_fen), 0),
               coalesce(sum({left}), 0),
               count(DISTINCT CASE WHEN {overdue} THEN installment.loan_id END),
               coalesce(sum(CASE WHEN {overdue} THEN 1 ELSE 0 END), 0),
               coalesce(sum(CASE WHEN {overdue} THEN {left} ELSE 0 END), 0)
        FROM {_OPEN}
    """
    params = {"overdue_before": overdue_before(today, grace_days).isoformat()}
    return OpenTotalsRow(*connection.execute(sql, params).fetchone())


# -- platforms, limits, notes, settings -------------------------------------------------------------------


class PlatformRow(NamedTuple):
    platform_id: int
    name: str
    kind: str
    penalty_multiplier: str = "1.5"


def platforms(connection: sqlite3.Connection) -> list[PlatformRow]:
    """Every platform, by name."""
    rows = connection.execute("SELECT id, name, kind, penalty_multiplier FROM platform ORDER BY name")
    return [PlatformRow(*row) for row in rows]


class LimitRow(NamedTuple):
    platform_id: int
    recorded_on: date
    limit_fen: int
    limit_id: int = 0
    note: str = ""


def limit_records(connection: sqlite3.Connection) -> list[LimitRow]:
    """Every credit-limit record, oldest first (ties in the order they were recorded)."""
    sql = "SELECT platform_id, recorded_on, limit_fen, id, note FROM creditlimitrecord ORDER BY recorded_on, id"
    return [
        LimitRow(pid, date.fromisoformat(day), fen, limit_id, note or "")
        for pid, day, fen, limit_id, note in connection.execute(sql)
    ]


class NoteRow(NamedTuple):
    note_id: int
    noted_on: date
    kind: str
    text: str
    resolved: bool
    resolved_on: date | None
    reason: str  # "" for a note that is not an inquiry
    institution: str


def notes(connection: sqlite3.Connection) -> list[NoteRow]:
    """Credit-report notes, newest first."""
    sql = (
        "SELECT id, noted_on, kind, text, resolved, resolved_on, reason, institution FROM creditreportnote "
        "ORDER BY noted_on DESC, id"
    )
    return [
        NoteRow(note_id, date.fromisoformat(day), kind, text, bool(resolved), _day(resolved_on), reason, place)
        for note_id, day, kind, text, resolved, resolved_on, reason, place in connection.execute(sql)
    ]


def import_rows(connection: sqlite3.Connection) -> list[tuple]:
    """Every import, newest first: (id, imported at, file name, kind, loans, repayments, limits, notes, platforms,
    undone on), as stored."""
    return connection.execute(
        "SELECT id, imported_at, file_name, kind, loan_count, repayment_count, limit_count, note_count, "
        "platform_count, undone_on FROM importbatch ORDER BY id DESC"
    ).fetchall()


def installment_totals(connection: sqlite3.Connection, loan_ids: list[int]) -> dict[int, list[tuple[date, int]]]:
    """Per loan of ``loan_ids``, each installment's due date and total (principal, interest and fee), in order."""
    params: dict = {}
    rows = connection.execute(
        "SELECT loan_id, due_on, principal_fen + interest_fen + fee_fen FROM installment "
        f"WHERE loan_id IN {_in('loan', loan_ids, params)} ORDER BY loan_id, seq",
        params,
    )
    found: dict[int, list[tuple[date, int]]] = {}
    for loan_id, due_on, total in rows:
        found.setdefault(loan_id, []).append((date.fromisoformat(due_on), total))
    return found
