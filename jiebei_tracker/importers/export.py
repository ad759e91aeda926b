"""Exporters: the four kinds of file in canonical form — canonical column names, ISO dates, plain yuan, rates
as entered, vocabulary ids, yes/no — UTF-8 with a BOM so Excel shows the Chinese; the importer reads them back."""

from __future__ import annotations

import csv
import os
import re
import tempfile
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from jiebei_tracker.domain.money import fen_to_yuan
from jiebei_tracker.domain.past import PastKind, PastRepayments, installments_due_by
from jiebei_tracker.domain.rates import RateBasis, decimal_text
from jiebei_tracker.domain.schedule import LoanTerms
from jiebei_tracker.domain.vocabulary import InterestBasis
from jiebei_tracker.importers.columns import FileKind
from jiebei_tracker.importers.table import FORMULA_STARTS
from jiebei_tracker.importers.values import HIGHEST_DAILY_RATE, LOWEST_ANNUAL_RATE

# A cell a spreadsheet would run as a formula, or one that already looks protected ('=1), so both read back.
_NEEDS_PROTECTION = re.compile(f"'*[{re.escape(FORMULA_STARTS)}]")

EXPORT_COLUMNS: dict[FileKind, list[str]] = {
    FileKind.LOANS: [
        "loan_id",
        "platform",
        "platform_kind",
        "penalty_multiplier",
        "borrowed_on",
        "principal",
        "term_months",
        "repayment_method",
        "annual_rate",
        "daily_rate",
        "purpose",
        "autopay",
        "note",
        "paid_installments",
        "status",
        "settled_on",
        "payoff_amount",
        "interest_basis",
        "fee_upfront",
        "fee_per_installment",
        "fee_rate",
        "interest_free_days",
    ],
    FileKind.REPAYMENTS: [
        "loan_id",
        "platform",
        "borrowed_on",
        "principal",
        "paid_on",
        "amount",
        "payoff",
        "note",
        "source_ref",
        "source",
    ],
    FileKind.LIMITS: ["platform", "platform_kind", "penalty_multiplier", "date", "limit", "note"],
    FileKind.NOTES: ["date", "kind", "text", "resolved", "resolved_on", "reason", "institution"],
}
FILE_NAMES = {kind: f"{kind.value}.csv" for kind in FileKind}


def yes_no(value: bool) -> str:
    return "yes" if value else "no"


def day(value: date | None) -> str:
    return value.isoformat() if value else ""


def loan_cells(
    *,
    loan_id: str | None,
    platform: str,
    platform_kind: str,
    penalty_multiplier: str,
    terms: LoanTerms,
    purpose: str,
    autopay: bool,
    note: str,
    past: PastRepayments,
) -> list[str]:
    """A loan's row. ``past`` is what the app recorded from the schedule when the loan was entered (not from
    receipts), written so that importing the file records it again: the number of installments paid on their due
    dates, or settled early on a day with an amount; ``unpaid`` (0) when every repayment is in repayments.csv."""
    rate = terms.rate.as_entered()
    daily = terms.rate.basis is RateBasis.DAILY
    # A rate the importer would question in its column (under 1 % a year, over 1 % a day) says its basis, so that
    # the file imports back as it is.
    if daily and terms.rate.daily > HIGHEST_DAILY_RATE:
        rate += " 日"
    elif not daily and 0 < terms.rate.annual < LOWEST_ANNUAL_RATE:
        rate += " 年"
    return [
        loan_id or "",
        platform,
        platform_kind,
        penalty_multiplier,
        day(terms.borrowed_on),
        fen_to_yuan(terms.principal_fen),
        str(terms.term_months),
        terms.method.value,
        "" if daily else rate,
        rate if daily else "",
        purpose,
        yes_no(autopay),
        note,
        *_past_cells(terms, past),
        *_money_cells(terms),
    ]


def _money_cells(terms: LoanTerms) -> list[str]:
    """interest_basis, fee_upfront, fee_per_installment, fee_rate, interest_free_days: empty when the loan has the
    default (monthly, no fee, no free day), so a plain loan's row reads as before."""
    fees = terms.fees
    return [
        "" if terms.interest_basis is InterestBasis.MONTHLY else terms.interest_basis.value,
        fen_to_yuan(fees.upfront_fen) if fees.upfront_fen else "",
        fen_to_yuan(fees.per_installment_fen) if fees.per_installment_fen else "",
        f"{decimal_text(fees.monthly_rate * 100)}%" if fees.monthly_rate else "",
        str(terms.interest_free_days) if terms.interest_free_days else "",
    ]


def _past_cells(terms: LoanTerms, past: PastRepayments) -> list[str]:
    """paid_installments, status, settled_on, payoff_amount."""
    if past.kind is PastKind.SETTLED:
        payoff = "" if past.payoff_fen is None else fen_to_yuan(past.payoff_fen)
        return ["", "settled", day(past.through), payoff]
    if past.kind is PastKind.UNPAID:
        return ["0", "", "", ""]
    return [str(installments_due_by(terms.borrowed_on, terms.term_months, past.through)), "", "", ""]


def repayment_cells(
    *,
    loan_id: str | None,
    platform: str,
    borrowed_on: date,
    principal_fen: int,
    paid_on: date,
    amount_fen: int,
    is_payoff: bool,
    note: str,
    source_ref: str | None,
    source: str,
) -> list[str]:
    # The loan is named by its id and by platform + date + principal, so a loan without an id is still found.
    return [
        loan_id or "",
        platform,
        day(borrowed_on),
        fen_to_yuan(principal_fen),
        day(paid_on),
        fen_to_yuan(amount_fen),
        yes_no(is_payoff),
        note,
        source_ref or "",
        source,
    ]


def limit_cells(
    *, platform: str, platform_kind: str, penalty_multiplier: str, recorded_on: date, limit_fen: int, note: str
) -> list[str]:
    return [platform, platform_kind, penalty_multiplier, day(recorded_on), fen_to_yuan(limit_fen), note]


def note_cells(
    *,
    noted_on: date,
    kind: str,
    text: str,
    resolved: bool,
    resolved_on: date | None,
    reason: str = "",
    institution: str = "",
) -> list[str]:
    return [day(noted_on), kind, text, yes_no(resolved), day(resolved_on), reason, institution]


def protect(cell: str) -> str:
    """A cell Excel and WPS show as text instead of running it: one ' before a cell that starts with = + - @
    tab or CR (``=HYPERLINK(…)`` → ``'=HYPERLINK(…)``), and one more before a cell that already starts with '
    and then one of those (``'=1`` → ``''=1``), so that the importer's ``unprotect`` gives back exactly the text
    that was stored."""
    return f"'{cell}" if _NEEDS_PROTECTION.match(cell) else cell


# A schedule kept apart from the terms (changed by a part prepayment, or the platform's own plan): what
# ``import plans`` reads back. The loan is named as in repayments.csv: its id, and platform + day + principal.
PLANS_FILE = "plans.csv"
PLAN_COLUMNS = [
    "loan_id", "platform", "borrowed_on", "loan_principal", "schedule",
    "seq", "due_on", "principal", "interest", "fee", "total",
]  # fmt: skip


def plan_cells(
    *, loan_id: str | None, platform: str, borrowed_on: date, loan_principal_fen: int, schedule: str, installment
) -> list[str]:
    """One installment of a kept schedule (an installment row: seq, due_on, principal, interest and fee)."""
    total = installment.principal_fen + installment.interest_fen + installment.fee_fen
    return [
        loan_id or "",
        platform,
        day(borrowed_on),
        fen_to_yuan(loan_principal_fen),
        schedule,
        str(installment.seq),
        day(installment.due_on),
        fen_to_yuan(installment.principal_fen),
        fen_to_yuan(installment.interest_fen),
        fen_to_yuan(installment.fee_fen),
        fen_to_yuan(total),
    ]


def write_csv(path: Path, kind: FileKind, rows: Iterable[list[str]]) -> int:
    """Write one file (replacing it only once it is complete); returns the number of rows written.

    Every cell goes through ``protect``, not only the user's text (platforms, notes, purposes, loan numbers,
    receipt numbers), so no column can be forgotten. The amounts, rates and dates the app writes itself never
    start with one of those characters (amounts are not negative, dates are ISO), so they stay numbers in a
    spreadsheet; one that did would be written as text and still read back exactly."""
    return write_rows(path, EXPORT_COLUMNS[kind], rows)


def write_rows(path: Path, header: list[str], rows: Iterable[list[str]]) -> int:
    """``write_csv`` with the header given (the plans file's)."""
    path = Path(path)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    count = 0
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8-sig", newline="") as handle:
            # CRLF line ends, as Excel writes them; cells with separators, quotes or line breaks are quoted.
            writer = csv.writer(handle, lineterminator="\r\n")
            writer.writerow(header)
            for row in rows:
                writer.writerow([protect(cell) for cell in row])
                count += 1
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return count
