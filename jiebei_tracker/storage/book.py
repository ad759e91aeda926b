"""The one loader of the Book (``domain.book``): every loan with its installments and repayments, the limit
records and the credit-report notes, one query per table. The rules, the health check, the score history, the
diagnosis, the reminders, the report and the charts all start from what it reads (``services.session`` keeps
it); the paged lists of the first screen (``reads.py``) are the only other reads."""

from __future__ import annotations

import gc
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from itertools import groupby
from operator import attrgetter

from jiebei_tracker.domain.book import Book, CreditNote, Installment, Loan, Repayments
from jiebei_tracker.domain.limits import LimitRecord
from jiebei_tracker.domain.vocabulary import InquiryReason, LoanPurpose, NoteKind, PlatformKind
from jiebei_tracker.storage import tables
from jiebei_tracker.storage.database import Database


@contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for a bulk read. Everything a health check allocates is free of
    reference cycles — records that are kept, and flags and text that reference counting frees — so collections
    in the middle of it would only walk tens of thousands of new objects (and everything else alive) in vain."""
    was_collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_collecting:
            gc.enable()


def load_book(database: Database, *, loan_ids: Iterable[int] | None = None) -> Book:
    """The Book: every record (or only the loans in ``loan_ids``, with their installments and repayments), one
    query per table, whatever the number of loans.

    For a long history this is most of the health check's time (benchmarks/bench_rules.py): the rows are read
    through the driver's own cursor with dates parsed by ``date.fromisoformat`` (SQLAlchemy's per-row and per-date
    processing would double it), with the cycle collector paused."""
    with cycle_collection_paused():
        return _read_history(database, loan_ids)


def _read_history(database: Database, loan_ids: Iterable[int] | None) -> Book:
    if loan_ids is None:
        only, params = "", ()
    else:
        # One JSON parameter however many loans: no limit on the number of SQL variables.
        only, params = " WHERE {column} IN (SELECT value FROM json_each(?))", (json.dumps(sorted(set(loan_ids))),)
    # A long history has far fewer distinct days than dates (10 years: ~3,650 days, ~100,000 dates), so each
    # ISO text is parsed once; records are made with tuple.__new__, skipping the NamedTuple's Python __new__.
    day = _Days().__getitem__
    rate = _Rates().__getitem__
    new = tuple.__new__
    with database.read() as connection:
        cursor = connection.cursor()
        rows = cursor.execute
        platforms, multipliers = {}, {}
        for pid, name, kind, multiplier in cursor.execute(
            f"SELECT id, name, kind, penalty_multiplier FROM {_PLATFORM}"
        ):
            platforms[pid] = (name, _PLATFORM_KINDS[kind])
            multipliers[pid] = Decimal(multiplier)
        loan_rows = cursor.execute(
            "SELECT id, external_id, platform_id, purpose, autopay, principal_fen, borrowed_on, fee_upfront_fen, "
            f"annual_rate FROM {_LOAN}"
            + only.format(column="id")
            + " ORDER BY borrowed_on, id",  # as Book keeps them, so its sort finds them in order
            params,
        ).fetchall()
        installments = {
            # Rows come loan by loan in order, so each loan is one group.
            loan_id: tuple(group)
            for loan_id, group in groupby(
                [
                    new(
                        Installment,
                        (iid, loan_id, seq, day(due), principal, interest, paid_i, paid_p, day(settled), fee, penalty),
                    )
                    for iid, loan_id, seq, due, principal, interest, paid_i, paid_p, settled, fee, penalty in rows(
                        "SELECT id, loan_id, seq, due_on, principal_fen, interest_fen, paid_interest_fen, "
                        f"paid_principal_fen, settled_on, fee_fen, paid_penalty_fen FROM {_INSTALLMENT}"
                        + only.format(column="loan_id")
                        + " ORDER BY loan_id, seq",
                        params,
                    )
                ],
                key=_LOAN_ID,
            )
        }
        # Repayments are in (day, id) order. (Sorting here instead, on rows read in id order, was slower
        # on a freshly written demo database: benchmarks/bench_rules.py.)
        paid = cursor.execute(
            f"SELECT id, loan_id, paid_on, amount_fen, is_payoff FROM {_REPAYMENT}"
            + only.format(column="loan_id")
            + " ORDER BY paid_on, id",
            params,
        ).fetchall()
        if paid:
            ids, paid_loans, days, amounts, payoffs = zip(*paid, strict=True)
            repayments = Repayments(ids, paid_loans, tuple(map(day, days)), amounts, tuple(map(bool, payoffs)))
        else:
            repayments = Repayments()
        limits = [
            LimitRecord(platforms[pid][0], day(recorded_on), limit_fen, limit_id)
            for limit_id, pid, recorded_on, limit_fen in cursor.execute(
                f"SELECT id, platform_id, recorded_on, limit_fen FROM {_LIMIT} ORDER BY recorded_on, id"
            )
        ]
        notes = [
            # A note marked resolved without a date counts as resolved since it was noted.
            CreditNote(
                nid,
                day(noted_on),
                NoteKind(kind),
                text,
                day(resolved_on or noted_on) if resolved else None,
                InquiryReason(reason) if reason else None,
                institution,
            )
            for nid, noted_on, kind, text, resolved, resolved_on, reason, institution in cursor.execute(
                f"SELECT id, noted_on, kind, text, resolved, resolved_on, reason, institution FROM {_NOTE}"
            )
        ]
        cursor.close()
    none = ()
    loans = [
        # Positional (the fields' order): a keyword call costs a third more, thousands of times.
        Loan(
            loan_id,
            *platforms[platform_id],  # platform, platform_kind
            _PURPOSES[purpose],
            bool(autopay),
            principal,
            day(borrowed_on),
            installments.get(loan_id, none),
            external_id,
            upfront,
            rate(rate_text),
            multipliers[platform_id],
        )
        for loan_id, external_id, platform_id, purpose, autopay, principal, borrowed_on, upfront, rate_text in loan_rows
    ]
    return Book.of(loans, repayments, limits, notes, {name: kind for name, kind in platforms.values()})


class _Rates(dict):
    """Stored rate text → Decimal, each text parsed once (a long history repeats a few rates many times)."""

    def __missing__(self, text: str) -> Decimal:
        found = self[text] = Decimal(text)
        return found


class _Days(dict):
    """ISO day text → date, each text parsed once (None stays None)."""

    def __init__(self) -> None:
        super().__init__({None: None, "": None})

    def __missing__(self, text: str) -> date:
        found = self[text] = date.fromisoformat(text)
        return found


_LOAN_ID = attrgetter("loan_id")
# Stored value → member by a dict lookup (calling the enum class for each of thousands of rows costs more).
_PURPOSES = {member.value: member for member in LoanPurpose}
_PLATFORM_KINDS = {member.value: member for member in PlatformKind}
_PLATFORM = tables.Platform.__tablename__
_LOAN = tables.LoanTable.__tablename__
_INSTALLMENT = tables.InstallmentTable.__tablename__
_REPAYMENT = tables.RepaymentTable.__tablename__
_LIMIT = tables.CreditLimitRecord.__tablename__
_NOTE = tables.CreditReportNote.__tablename__


def open_loan_ids(database: Database, *, as_of: date, due_by: date | None = None) -> list[int]:
    """The loans borrowed by ``as_of`` with an installment not yet settled then (and, with ``due_by``, falling due
    no later than that day): one query."""
    query = (
        f"SELECT DISTINCT i.loan_id FROM {_INSTALLMENT} AS i JOIN {_LOAN} AS l ON l.id = i.loan_id"
        " WHERE (i.settled_on IS NULL OR i.settled_on > :as_of) AND l.borrowed_on <= :as_of"
        + ("" if due_by is None else " AND i.due_on <= :due_by")
    )
    params = {"as_of": as_of.isoformat(), "due_by": None if due_by is None else due_by.isoformat()}
    with database.read() as connection:
        return [loan_id for (loan_id,) in connection.execute(query, params)]
