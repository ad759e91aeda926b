"""Rows → records for each kind of file. Every bad cell of every row is reported; a row with any is left out. A good
row's values read otherwise than written (随借随还 read as 先息后本) are reported as notices."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal

from jiebei_tracker.domain.dates import parse_date
from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import parse_positive_yuan, parse_yuan, shortened
from jiebei_tracker.domain.past import PastRepayments
from jiebei_tracker.domain.payments import Payment
from jiebei_tracker.domain.penalty import parse_multiplier
from jiebei_tracker.domain.rates import RateBasis, parse_fraction
from jiebei_tracker.domain.records import LoanDraft
from jiebei_tracker.domain.schedule import Fees, LoanTerms, due_date
from jiebei_tracker.domain.text import clean_line, clean_name, clean_note
from jiebei_tracker.domain.vocabulary import (
    InquiryReason,
    InterestBasis,
    LoanPurpose,
    LoanStatus,
    NoteKind,
    PlatformKind,
    RepaymentSource,
)
from jiebei_tracker.importers.columns import FileKind
from jiebei_tracker.importers.errors import ErrorSink, NoticeLog, RowError, RowNotice
from jiebei_tracker.importers.mapping import ColumnMap
from jiebei_tracker.importers.records import ImportedLimit, ImportedLoan, ImportedNote, ImportedRepayment, LoanReference
from jiebei_tracker.importers.table import RawRow
from jiebei_tracker.importers.values import (
    Memo,
    Noticed,
    parse_count,
    parse_method,
    parse_months,
    parse_past_date,
    parse_purpose,
    parse_rate,
    parse_yes_no,
)

_CJK = re.compile("[\u4e00-\u9fff]")
# A loans file says what happened to the installments already due with one of these (see RowParser._past).
PAST_COLUMNS = ("paid_through", "paid_installments", "status")

# How the platform counts the money (importers/columns.py): read only when the file has one of these columns.
MONEY_COLUMNS = ("interest_basis", "fee_upfront", "fee_per_installment", "fee_rate", "interest_free_days")


def _non_negative_yuan(text: str, *, field: str) -> int:
    fen = parse_yuan(text, field=field)
    if fen < 0:
        raise InvalidValue(field, text, "cannot be negative")
    return fen


def _resolved(today: date) -> Callable[..., date | bool]:
    """The notes' ``resolved`` column: yes/no, or the day it was resolved."""
    past = parse_past_date(today)

    def parse(text: str, *, field: str) -> date | bool:
        try:
            return parse_yes_no(text, field=field)
        except ValueError:
            pass
        try:
            return past(text, field=field)
        except ValueError as error:
            raise InvalidValue(field, text, "not yes or no (是/否, Y/N, true/false, 1/0), nor a date") from error

    return parse


class RowParser:
    """Turns the rows of one file into records, a row at a time (``PARSERS``); ``errors`` collects every bad cell
    with its line and column (a list, or an ``ErrorLog`` that keeps only the first of a huge file's), ``notices``
    the good rows' values read otherwise than written (a ``NoticeLog``)."""

    def __init__(
        self, columns: ColumnMap, *, today: date, errors: ErrorSink | None = None, notices: NoticeLog | None = None
    ) -> None:
        self.columns = columns
        self.today = today
        self.errors: ErrorSink = [] if errors is None else errors
        self.notices = NoticeLog() if notices is None else notices
        self.rows_read = 0
        past = parse_past_date(today)
        self._parsers: dict[str, Memo] = {
            name: Memo(parser, name)
            for name, parser in {
                "platform_kind": PlatformKind.parse,
                "penalty_multiplier": parse_multiplier,
                "borrowed_on": past,
                "principal": parse_positive_yuan,
                "term_months": parse_months,
                "repayment_method": parse_method,
                "annual_rate": parse_rate(RateBasis.ANNUAL),
                "daily_rate": parse_rate(RateBasis.DAILY),
                "purpose": parse_purpose,
                "autopay": parse_yes_no,
                "paid_on": past,
                "amount": parse_positive_yuan,
                "payoff": parse_yes_no,
                "date": past,
                "limit": _non_negative_yuan,
                "kind": NoteKind.parse,
                "reason": InquiryReason.parse,
                "resolved": _resolved(today),
                "resolved_on": past,
                "paid_through": past,
                "paid_installments": parse_count,
                "status": LoanStatus.parse,
                "settled_on": past,
                "payoff_amount": parse_positive_yuan,
                "source": RepaymentSource.parse,
                "interest_basis": InterestBasis.parse,
                "fee_upfront": _non_negative_yuan,
                "fee_per_installment": _non_negative_yuan,
                "fee_rate": parse_fraction,
                "interest_free_days": parse_count,
            }.items()
        }
        # The repayments' loan reference is any date, as it is compared with the loans, not checked on its own.
        if columns.kind is FileKind.REPAYMENTS:
            self._parsers["borrowed_on"] = Memo(parse_date, "borrowed_on")
        self._index = columns.index
        self._money_columns = any(name in self._index for name in MONEY_COLUMNS)
        self._width = len(columns.header)
        self._row: RawRow | None = None
        self._row_ok = True
        self._row_notices: list[RowNotice] = []
        self._kept: list[str] = []  # words of the row's cells kept in its note (an unknown purpose)

    # -- cells ------------------------------------------------------------------------------------------

    def _start(self, row: RawRow) -> None:
        self.rows_read += 1
        self._row = row
        self._row_ok = True
        self._row_notices.clear()
        self._kept.clear()
        if len(row.cells) > self._width and any(row.cells[self._width :]):
            extra = next(i for i in range(self._width, len(row.cells)) if row.cells[i])
            self._fail(
                f"#{extra + 1}", f"{row.cells[extra]!r}: more cells than the header row has columns (a separator?)"
            )

    def _fail(self, column: str, reason: str) -> None:
        self.errors.append(RowError(self._row.line, column, reason))
        self._row_ok = False

    def _good(self, record):
        """The row's record, its notices kept (a bad row's are not: its errors say what to fix)."""
        for notice in self._row_notices:
            self.notices.append(notice)
        return record

    def _note(self, note: str) -> str:
        """The row's note, with the words kept from its other cells on lines of their own (``用途：装修房子``)."""
        return "\n".join(part for part in (note, *self._kept) if part)

    def text(self, name: str) -> str:
        position = self._index.get(name)
        cells = self._row.cells
        return cells[position] if position is not None and position < len(cells) else ""

    def value(self, name: str, *, required: bool = False, default=None):
        """The parsed value of a cell; an empty cell gives ``default`` (or an error when required)."""
        text = self.text(name)
        if not text:
            if required:
                self._fail(self.columns.label(name), "is empty")
            return default
        ok, result = self._parsers[name](text)
        if not ok:
            self._fail(self.columns.label(name), result)
            return default
        if isinstance(result, Noticed):
            label = self.columns.label(name)
            self._row_notices.append(RowNotice(self._row.line, label, result.zh_CN, result.en))
            if result.kept:
                self._kept.append(f"{label}：{result.kept}" if _CJK.search(label) else f"{label}: {result.kept}")
            return result.value
        return result

    def required_text(self, name: str) -> str:
        text = self.text(name)
        if not text:
            self._fail(self.columns.label(name), "is empty")
        return text

    def clean(self, name: str, cleaner: Callable[[str, str], str], *, required: bool = False) -> str:
        """A text cell as the ledger stores it (see domain/text.py); a control character in it is a bad cell."""
        text = self.required_text(name) if required else self.text(name)
        if not text:
            return text
        try:
            return cleaner(text, name)
        except InvalidValue as error:
            self._fail(self.columns.label(name), f"{shortened(text)!r}: {error.reason}")
            return text

    # -- kinds ------------------------------------------------------------------------------------------

    def loan(self, row: RawRow) -> ImportedLoan | None:
        self._start(row)
        platform = self.clean("platform", clean_name, required=True)
        kind = self.value("platform_kind")
        multiplier = self.value("penalty_multiplier")
        borrowed_on = self.value("borrowed_on", required=True)
        principal = self.value("principal", required=True)
        months = self.value("term_months", required=True)
        method = self.value("repayment_method", required=True)
        rate = self._rate()
        purpose = self.value("purpose", default=LoanPurpose.OTHER)
        autopay = self.value("autopay", default=False)
        past = self._past(borrowed_on, months)
        note, loan_id = self.clean("note", clean_note), self.clean("loan_id", clean_line)
        if not self._row_ok:
            return None
        terms = self._terms(borrowed_on, principal, months, method, rate)
        if terms is None:
            return None
        draft = LoanDraft(platform, terms, purpose, autopay, self._note(note), loan_id or None)
        return self._good(ImportedLoan(row.line, draft, kind, past, multiplier))

    def _terms(self, borrowed_on: date, principal: int, months: int, method, rate) -> LoanTerms | None:
        """The loan's terms with how the platform counts the money; a combination they refuse (a fee above the
        principal, free days on the monthly basis) is a bad cell of the column it names."""
        if not self._money_columns:  # a file without these columns: every loan is a plain one (the usual case)
            return None if not self._row_ok else LoanTerms(borrowed_on, principal, months, method, rate)
        basis = self.value("interest_basis", default=InterestBasis.MONTHLY)
        upfront, per_installment = self.value("fee_upfront", default=0), self.value("fee_per_installment", default=0)
        fee_rate, free_days = self.value("fee_rate", default=Decimal(0)), self.value("interest_free_days", default=0)
        if not self._row_ok:
            return None
        try:
            fees = Fees(upfront, per_installment, fee_rate)
            return LoanTerms(borrowed_on, principal, months, method, rate, basis, fees, free_days)
        except InvalidValue as error:
            self._fail(self.columns.label(error.field), f"{shortened(str(error.value))!r}: {error.reason}")
            return None

    def _past(self, borrowed_on: date | None, months: int | None) -> PastRepayments | None:
        """What the row says happened to the installments already due: paid_through, paid_installments or status
        (one of them), settled_on (with payoff_amount) for a loan settled early. None when it says nothing."""
        given = [name for name in PAST_COLUMNS if self.text(name)]
        settled_on = self.value("settled_on")
        payoff = self.value("payoff_amount")
        if len(given) > 1:
            names = " / ".join(self.columns.label(name) for name in PAST_COLUMNS)
            self._fail(self.columns.label(given[1]), f"give only one of {names}")
            return None
        if payoff is not None and settled_on is None:
            self._fail(self.columns.label("payoff_amount"), "goes with settled_on (结清日期)")
        if borrowed_on is not None:
            for name, day in (("settled_on", settled_on), ("paid_through", self.value("paid_through"))):
                if day is not None and day < borrowed_on:
                    self._fail(self.columns.label(name), f"is before the borrowing date {borrowed_on.isoformat()}")
        if not self._row_ok or borrowed_on is None or months is None:
            return None
        status = self.value("status") if "status" in given else None
        if settled_on is not None and not given:
            status = LoanStatus.SETTLED
        if settled_on is not None and status is not LoanStatus.SETTLED:
            self._fail(self.columns.label("settled_on"), "goes with status settled (已结清) alone")
            return None
        if "paid_through" in given:
            return PastRepayments.paid_through(self.value("paid_through"))
        if "paid_installments" in given:
            return self._paid_installments(borrowed_on, months)
        if status is LoanStatus.ACTIVE:
            return PastRepayments.paid_through(self.today)
        if status is LoanStatus.OVERDUE:
            return PastRepayments.unpaid()
        if status is LoanStatus.SETTLED:
            if settled_on is not None:
                return PastRepayments.settled(settled_on, payoff)
            last = due_date(borrowed_on, months)
            if last > self.today:
                self._fail(
                    self.columns.label("status"),
                    f"settled, but the schedule runs to {last.isoformat()}: give the day it was settled early "
                    "(settled_on, 结清日期)",
                )
                return None
            return PastRepayments.paid_through(last)
        return None

    def _paid_installments(self, borrowed_on: date, months: int) -> PastRepayments | None:
        count = self.value("paid_installments")
        if count is None:
            return None
        if count > months:
            label = self.columns.label("paid_installments")
            self._fail(label, f"{count} is more than the loan's {months} installments")
            return None
        if count == 0:
            return PastRepayments.unpaid()
        due = due_date(borrowed_on, count)
        if due > self.today:
            self._fail(
                self.columns.label("paid_installments"),
                f"installment {count} falls due on {due.isoformat()}, after today ({self.today.isoformat()})",
            )
            return None
        return PastRepayments.paid_through(due)

    def _rate(self):
        has_annual, has_daily = bool(self.text("annual_rate")), bool(self.text("daily_rate"))
        if not has_annual and not has_daily:
            name = "annual_rate" if "annual_rate" in self._index else "daily_rate"
            self._fail(self.columns.label(name), "is empty: give the annual rate (年化利率) or the daily rate (日利率)")
            return None
        annual = self.value("annual_rate") if has_annual else None
        daily = self.value("daily_rate") if has_daily else None
        if annual is not None and daily is not None and annual.annual != daily.annual:
            self._fail(
                self.columns.label("daily_rate"),
                f"{daily.as_entered()} a day is {daily.annual * 100:.4g}% a year, but the annual rate says "
                f"{annual.as_entered()}; give one of the two",
            )
        return annual or daily

    def repayment(self, row: RawRow) -> ImportedRepayment | None:
        self._start(row)
        reference = self._reference()
        paid_on = self.value("paid_on", required=True)
        amount = self.value("amount", required=True)
        payoff = self.value("payoff", default=False)
        source = self.value("source", default=RepaymentSource.IMPORT)
        note = self.clean("note", clean_note)
        if not self._row_ok:
            return None
        payment = Payment(paid_on, amount, payoff)
        ref = self.text("source_ref") or None
        return self._good(ImportedRepayment(row.line, reference, payment, note, ref, source))

    def _reference(self) -> LoanReference | None:
        loan_id = self.clean("loan_id", clean_line)
        if loan_id:
            return LoanReference(loan_id)
        texts = [self.text(name) for name in ("platform", "borrowed_on", "principal")]
        if not all(texts):
            column = self.columns.label("loan_id") if "loan_id" in self._index else self.columns.label("platform")
            self._fail(column, "say which loan: give loan_id (借款编号), or platform + borrowed_on + principal")
            return None
        return LoanReference(
            None,
            self.clean("platform", clean_name),
            self.value("borrowed_on", required=True),
            self.value("principal", required=True),
        )

    def limit(self, row: RawRow) -> ImportedLimit | None:
        self._start(row)
        platform = self.clean("platform", clean_name, required=True)
        kind = self.value("platform_kind")
        multiplier = self.value("penalty_multiplier")
        recorded_on = self.value("date", required=True)
        limit = self.value("limit", required=True)
        note = self.clean("note", clean_note)
        if not self._row_ok:
            return None
        return self._good(ImportedLimit(row.line, platform, recorded_on, limit, note, kind, multiplier))

    def note(self, row: RawRow) -> ImportedNote | None:
        self._start(row)
        noted_on = self.value("date", required=True)
        kind = self.value("kind", required=True)
        text = self.clean("text", clean_note, required=True)
        resolved = self.value("resolved", default=False)
        resolved_on = self.value("resolved_on")
        if resolved is False and resolved_on is not None and self.text("resolved"):
            self._fail(self.columns.label("resolved"), "says not resolved, but a resolved date is given")
        if isinstance(resolved, date) and resolved_on is None:
            resolved_on = resolved
        elif resolved is True and resolved_on is None:
            resolved_on = self.today  # resolved, but not said when: today, as the app's own "resolve" does
        if resolved_on is not None and noted_on is not None and resolved_on < noted_on:
            self._fail(
                self.columns.label("resolved_on" if "resolved_on" in self._index else "resolved"),
                f"resolved on {resolved_on.isoformat()}, before the note's own date {noted_on.isoformat()}",
            )
        reason = self.value("reason")
        institution = self.clean("institution", clean_line)
        if reason is not None and kind is not None and kind is not NoteKind.INQUIRY:
            self._fail(self.columns.label("reason"), "only an inquiry (查询记录) has a reason")
        if not self._row_ok:
            return None
        return self._good(ImportedNote(row.line, noted_on, kind, text, resolved_on, reason, institution or ""))


PARSERS = {
    FileKind.LOANS: RowParser.loan,
    FileKind.REPAYMENTS: RowParser.repayment,
    FileKind.LIMITS: RowParser.limit,
    FileKind.NOTES: RowParser.note,
}


def parse_rows(columns: ColumnMap, rows: Iterable[RawRow], *, today: date) -> tuple[list, list[RowError], int]:
    """The records of the good rows, the errors of the bad ones, and how many data rows there were."""
    parser = RowParser(columns, today=today)
    parse = PARSERS[columns.kind]
    records = [record for row in rows if (record := parse(parser, row)) is not None]
    return records, parser.errors, parser.rows_read
