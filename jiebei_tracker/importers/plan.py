"""A platform's own repayment plan (还款计划), from a file or from text copied off the app's plan screen: each
installment's due date, principal, interest, fee and total, read into the schedule the loan will keep.

Two shapes are read:

- a table with a header row (期数 · 还款日 · 本金 · 利息 · 费用 · 应还金额, in any order, English names too), as a CSV
  file in any of the usual encodings, or pasted with tabs or runs of spaces between the cells;
- lines that label their figures, as the apps show them: ``第1期 2026-02-15 应还 ¥1,039.43 本金 ¥967.43 利息 ¥72.00``.

A problem names the line and the column (or the figure) it is about."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from jiebei_tracker.domain.dates import parse_date
from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import format_yuan, normalize_text, parse_yuan
from jiebei_tracker.domain.schedule import PlannedInstallment
from jiebei_tracker.importers.decoding import decode
from jiebei_tracker.importers.errors import ImportFailure
from jiebei_tracker.importers.table import unprotect

# Each figure of a plan and the names it goes by (a table's header, or the label before a figure on a line).
NAMES: dict[str, tuple[str, ...]] = {
    "seq": ("期数", "期次", "期号", "第几期", "seq", "installment", "no.", "no"),
    "due_on": ("还款日", "到期日", "还款日期", "应还日期", "到期日期", "日期", "due", "due_on", "due date", "date"),
    "principal": ("本金", "应还本金", "principal"),
    "interest": ("利息", "应还利息", "interest"),
    "fee": ("费用", "手续费", "服务费", "分期手续费", "fee", "fees"),
    "total": ("应还金额", "应还总额", "应还", "合计", "总额", "月供", "total", "amount"),
}
LABELS = {
    "seq": "期数",
    "due_on": "还款日",
    "principal": "本金",
    "interest": "利息",
    "fee": "费用",
    "total": "应还金额",
}
_BY_NAME = {name: key for key, names in NAMES.items() for name in names}
_DATE = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?")
_SEQ = re.compile(r"第\s*(\d+)\s*期|^\s*(\d+)\s*/\s*\d+\s*期?|^\s*(\d+)\s*期")
_AMOUNT = r"[-+]?[¥￥]?\s*\d[\d,]*(?:\.\d{1,2})?\s*元?"


def _labelled_pattern() -> re.Pattern:
    """A Chinese label before an amount (本金 ¥967.43, 利息：72.00): the longest labels first, so that 应还本金 is
    read as the principal, not as 应还 (the total) followed by 本金."""
    labels = [name for key, names in NAMES.items() if key not in ("seq", "due_on") for name in names]
    chinese = sorted((re.escape(name) for name in labels if not name.isascii()), key=len, reverse=True)
    return re.compile("(" + "|".join(chinese) + r")\s*[:：]?\s*(" + _AMOUNT + ")")


_LABELLED = _labelled_pattern()


@dataclass(frozen=True)
class PlanLine:
    """One installment of the plan as read, with the line it came from."""

    line: int
    seq: int | None
    due_on: date
    principal_fen: int
    interest_fen: int
    fee_fen: int


def read_plan_file(path: Path, *, encoding: str | None = None, file_name: str | None = None) -> list[PlanLine]:
    """The plan in a file (a CSV, or text saved from the app)."""
    name = file_name or str(path)
    return read_plan_text(_file_text(path, name, encoding), source=name)


def _file_text(path: Path, name: str, encoding: str | None) -> str:
    """A plan file's text, in its encoding (given, or found): a small file, read whole."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise ImportFailure(name, f"cannot be read ({error.strerror})") from None
    return decode(data, file_name=name, encoding=encoding).text


def read_plan_text(text: str, *, source: str = "pasted text") -> list[PlanLine]:
    """The plan in ``text``: a table with a header row, or lines that label their figures."""
    lines = [(number, line) for number, line in enumerate(text.splitlines(), start=1) if line.strip()]
    if not lines:
        raise ImportFailure(source, "holds no installment")
    header = next(((n, line) for n, line in lines[:5] if _header_columns(line)), None)
    if header is not None:
        return _read_table(lines, header, source)
    found = [_labelled_line(number, line, source) for number, line in lines]
    return [line for line in found if line is not None]


def _delimiter(header: str) -> str:
    """How a table's cells are separated, as its header row shows: tabs, commas (a CSV), or spaces."""
    if "\t" in header:
        return "\t"
    return "," if "," in header or "，" in header else " "


def _cells(line: str, delimiter: str) -> list[str]:
    """A row's cells: split on tabs, on commas outside quotes (a CSV, whose amounts may hold commas inside quotes),
    or on runs of two or more spaces."""
    if delimiter == "\t":
        return [cell.strip() for cell in line.split("\t")]
    if delimiter == ",":
        return [cell.strip() for cell in next(csv.reader(io.StringIO(line.replace("，", ","))))]
    return [cell.strip() for cell in re.split(r"\s{2,}", line.strip())]


def _header_columns(line: str) -> dict[str, int] | None:
    """The figure each cell of a header row names, when the row is one (it names a principal and a due date)."""
    columns = {}
    for position, cell in enumerate(_cells(line, _delimiter(line))):
        name = re.sub(r"[(（]元[)）]$", "", normalize_text(cell).strip().lower()).strip()
        key = _BY_NAME.get(name)
        if key is not None and key not in columns:
            columns[key] = position
    return columns if {"principal", "due_on"} <= columns.keys() else None


def _read_table(lines, header, source: str) -> list[PlanLine]:
    header_number, header_line = header
    columns, delimiter = _header_columns(header_line), _delimiter(header_line)
    if "interest" not in columns and "total" not in columns:
        raise ImportFailure(
            source, "the header names no interest (利息) and no total (应还金额) column", line=header_number
        )
    result = []
    for number, line in lines:
        if number <= header_number:
            continue
        cells = _cells(line, delimiter)
        figures = {key: cells[position] if position < len(cells) else "" for key, position in columns.items()}
        result.append(_plan_line(number, figures, source))
    return result


def _labelled_line(number: int, line: str, source: str) -> PlanLine | None:
    """A line that says which figure is which (本金 ¥967.43); a line with no date and no figure is skipped (a
    title, 已还 / 待还 tabs copied along)."""
    dates = _DATE.findall(line)
    pairs = _LABELLED.findall(line)
    if not dates and not pairs:
        return None
    if not pairs:
        raise ImportFailure(
            source,
            "cannot tell which amount is the principal: copy the header row with the plan, or lines such as "
            "第1期 2026-02-15 本金 967.43 利息 72.00",
            line=number,
        )
    figures = {"due_on": dates[0] if dates else ""}
    for label, amount in pairs:
        figures.setdefault(_BY_NAME[label], amount)
    seq = _SEQ.search(line)
    if seq:
        figures["seq"] = next(group for group in seq.groups() if group)
    return _plan_line(number, figures, source)


def _plan_line(number: int, figures: dict[str, str], source: str) -> PlanLine:
    def failure(key: str, text: str, reason: str) -> ImportFailure:
        return ImportFailure(source, f"column '{LABELS[key]}': {text!r}: {reason}", line=number)

    def amount(key: str) -> int | None:
        text = figures.get(key, "").strip()
        if not text or text in ("-", "—", "--"):
            return None
        try:
            fen = parse_yuan(text, field=key)
        except InvalidValue as error:
            raise failure(key, text, error.reason) from None
        if fen < 0:
            raise failure(key, text, "cannot be negative")
        return fen

    day_text = figures.get("due_on", "").strip()
    if not day_text:
        raise ImportFailure(source, f"column '{LABELS['due_on']}': no due date on this line", line=number)
    try:
        due_on = parse_date(day_text, field="due_on")
    except InvalidValue as error:
        raise failure("due_on", day_text, error.reason) from None
    principal = amount("principal")
    if principal is None:
        raise ImportFailure(source, f"column '{LABELS['principal']}': no principal on this line", line=number)
    fee = amount("fee") or 0
    interest, total = amount("interest"), amount("total")
    if interest is None:
        if total is None:
            raise ImportFailure(source, "neither the interest (利息) nor the total (应还金额) is given", line=number)
        interest = total - principal - fee
        if interest < 0:
            raise failure(
                "total", figures["total"], f"is less than the principal and fee ({format_yuan(principal + fee)})"
            )
    elif total is not None and total != principal + interest + fee:
        raise failure(
            "total",
            figures["total"],
            f"is not the principal, interest and fee added up ({format_yuan(principal + interest + fee)})",
        )
    seq_text = figures.get("seq", "").strip()
    seq = int(re.sub(r"\D", "", seq_text)) if re.search(r"\d", seq_text) else None
    return PlanLine(number, seq, due_on, principal, interest, fee)


def plan_schedule(
    lines: list[PlanLine], *, principal_fen: int, borrowed_on: date, source: str
) -> list[PlannedInstallment]:
    """The plan as the loan's schedule, checked against the loan: its principals add up to the loan's, its due
    dates come after the borrowing date, one after another."""
    if not lines:
        raise ImportFailure(source, "holds no installment")
    total = sum(line.principal_fen for line in lines)
    if total != principal_fen:
        difference = total - principal_fen
        side = "more" if difference > 0 else "less"
        raise ImportFailure(
            source,
            f"the principals add up to {format_yuan(total)}, {format_yuan(abs(difference))} {side} than the loan's "
            f"{format_yuan(principal_fen)}: check each line's principal (本金), or that every installment is there",
        )
    previous = borrowed_on
    for line in lines:
        if line.due_on <= previous:
            said = "the borrowing date" if previous == borrowed_on else "the installment before"
            raise ImportFailure(
                source, f"column '{LABELS['due_on']}': {line.due_on.isoformat()} is not after {said}", line=line.line
            )
        previous = line.due_on
    return [
        PlannedInstallment(n, line.due_on, line.principal_fen, line.interest_fen, line.fee_fen)
        for n, line in enumerate(lines, start=1)
    ]


@dataclass(frozen=True)
class KeptPlan:
    """One loan's schedule from a plans file (what ``export`` writes for a schedule its terms do not build): the
    loan as repayments.csv names it, where the schedule came from, and its installments."""

    line: int  # of its first installment
    loan_id: str
    platform: str
    borrowed_on: date
    loan_principal_fen: int
    source: str
    lines: tuple[PlanLine, ...]


def read_plans_file(path: Path, *, encoding: str | None = None, file_name: str | None = None) -> list[KeptPlan]:
    """The schedules in a plans file (``plans.csv``), loan by loan in the order they come."""
    name = file_name or str(path)
    rows = list(csv.reader(io.StringIO(_file_text(path, name, encoding))))
    if not rows:
        raise ImportFailure(name, "holds no installment")
    header = [cell.strip().lower() for cell in rows[0]]
    missing = [column for column in _PLANS_NEEDED if column not in header]
    if missing:
        raise ImportFailure(name, f"no column {missing[0]!r}: this is not a plans file written by export", line=1)
    position = {column: header.index(column) for column in header}
    plans: dict[tuple, list] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        cell = {column: unprotect(row[at]).strip() if at < len(row) else "" for column, at in position.items()}
        try:
            reference = (
                cell.get("loan_id", ""),
                cell["platform"],
                parse_date(cell["borrowed_on"], field="borrowed_on"),
                parse_yuan(cell["loan_principal"], field="loan_principal"),
                cell.get("schedule") or "platform",
            )
        except InvalidValue as error:
            raise ImportFailure(name, f"column {error.field!r}: {error.value!r}: {error.reason}", line=number) from None
        plans.setdefault(reference, []).append(_plan_line(number, cell, name))
    return [
        KeptPlan(lines[0].line, loan_id, platform, borrowed_on, principal, source, tuple(lines))
        for (loan_id, platform, borrowed_on, principal, source), lines in plans.items()
    ]


_PLANS_NEEDED = ("platform", "borrowed_on", "loan_principal", "due_on", "principal")
