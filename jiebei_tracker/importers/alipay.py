"""The Alipay transaction statement (支付宝交易明细): recognised by its header row, read, and narrowed down to the
credit rows (信用借还, 借呗, 花呗, 网商银行 …) — disbursements and repayments — the tracker can use.

See /work/shared/ALIPAY.md for the layout: GBK, ~24 lines of notes before the header, cells padded to a width,
order numbers ending in a tab, a trailing comma on every row, ``/`` for "none", and a dashed line after the data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from jiebei_tracker.domain.dates import parse_date
from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import parse_positive_yuan
from jiebei_tracker.importers.decoding import BinarySource, TextLines, open_text
from jiebei_tracker.importers.errors import ImportFailure, RowError
from jiebei_tracker.importers.table import DataRows, SkippedLine, Text, find_header

TIME, CATEGORY, COUNTERPARTY, DESCRIPTION = "交易时间", "交易分类", "交易对方", "商品说明"
DIRECTION, AMOUNT, STATUS, ORDER_NO = "收/支", "金额", "交易状态", "交易订单号"
REQUIRED = (TIME, CATEGORY, COUNTERPARTY, DESCRIPTION, DIRECTION, AMOUNT, STATUS, ORDER_NO)
CREDIT_CATEGORY = "信用借还"

HOW_TO_EXPORT = "Alipay app → 我的 → 账单 → … → 开具交易流水证明 → 用于个人对账"
# Products whose rows are credit even outside 信用借还, and the platform name each stands for.
_PRODUCTS = (("借呗", "借呗"), ("花呗", "花呗"), ("网商贷", "网商贷"), ("网商银行", "网商银行"), ("备用金", "备用金"))
_CREDIT_WORDS = (*(word for word, _ in _PRODUCTS), "信用卡还款")
_DISBURSED_WORDS = ("放款", "借款到账", "贷款发放", "发放")
_MOVED = {"交易成功", "还款成功", "已还款", "支付成功", "成功"}
_NONE = {"", "/"}


class Movement(StrEnum):
    """What a credit row is: money lent to the user, money the user paid back, or neither that we can tell."""

    DISBURSEMENT = "disbursement"
    REPAYMENT = "repayment"
    OTHER = "other"


@dataclass(frozen=True)
class AlipayRow:
    """A credit-related row. ``money_moved`` is False for closed, refunded or pending transactions."""

    line: int
    time: str
    day: date
    category: str
    counterparty: str
    description: str
    direction: str
    amount_fen: int
    status: str
    order_no: str
    movement: Movement
    platform: str
    money_moved: bool


@dataclass
class AlipayStatement:
    encoding_label: str
    header_line: int
    rows_read: int  # every transaction row, credit or not
    credit_rows: list[AlipayRow]
    errors: list[RowError] = field(default_factory=list)
    skipped: list[SkippedLine] = field(default_factory=list)


def _alipay_score(cells: list[str]) -> int:
    named = {cell for cell in cells if cell in REQUIRED}
    return len(named) if TIME in named and CATEGORY in named else 0


def looks_like_alipay(text: Text) -> bool:
    try:
        find_header(text, file_name="", score=_alipay_score)
    except ImportFailure:
        return False
    return True


def wrong_file_hint(text: Text) -> str | None:
    """What to say when a file is one of Alipay's exports rather than a loans/repayments/limits/notes file, or
    an Alipay export the tracker cannot use."""
    if looks_like_alipay(text):
        return "this is an Alipay transaction statement (支付宝交易明细): import it as an Alipay file (import alipay)"
    try:
        head = "\n".join((text.head(60) if isinstance(text, TextLines) else text).splitlines()[:60])
    except ImportFailure:
        return None
    if "交易号" in head and ("交易创建时间" in head or "金额（元）" in head or "金额(元)" in head):
        return (
            "this is the old Alipay web export (交易号, 交易创建时间, 金额（元）…), a different format; "
            f"export the transaction statement instead: {HOW_TO_EXPORT}"
        )
    if "记账本" in head or ("记账时间" in head or "记账日期" in head):
        return (
            "this is an Alipay 记账本 (bookkeeping) summary, which has no order numbers; "
            f"export the transaction statement instead: {HOW_TO_EXPORT}"
        )
    return None


def read_alipay(data: BinarySource, *, file_name: str, encoding: str | None = None) -> AlipayStatement:
    """The credit rows of an Alipay statement. Raises ImportFailure, with what to export instead, for anything else."""
    text = open_text(data, file_name=file_name, encoding=encoding)
    try:
        found = find_header(text, file_name=file_name, score=_alipay_score, expected="交易时间, 交易分类, …")
    except ImportFailure as failure:
        if failure.line is not None:  # a line that cannot be read or split
            raise
        hint = wrong_file_hint(text)
        raise ImportFailure(
            file_name, hint or f"not an Alipay transaction statement (no row names {TIME} and {CATEGORY})"
        ) from None
    header = found.row.cells
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise ImportFailure(file_name, f"missing column {', '.join(missing)}", line=found.row.line)
    position = {name: header.index(name) for name in REQUIRED}
    statement = AlipayStatement(text.label, found.row.line, 0, [])
    rows = DataRows(text, found.delimiter, found.row.line, file_name)
    for row in rows:
        statement.rows_read += 1
        if row.foreign is not None:
            column = next((header[i] for i, c in enumerate(row.cells) if not c.isascii() and i < len(header)), TIME)
            statement.errors.append(RowError(row.line, column, row.foreign.row_reason()))
            continue
        cells = row.cells + [""] * (len(header) - len(row.cells))
        cell = {name: cells[index] for name, index in position.items()}
        if _is_credit(cell):
            credit = _credit_row(row.line, cell, statement.errors)
            if credit is not None:
                statement.credit_rows.append(credit)
    statement.skipped = list(rows.skipped)
    return statement


def _is_credit(cell: dict[str, str]) -> bool:
    if cell[CATEGORY] == CREDIT_CATEGORY:
        return True
    text = cell[COUNTERPARTY] + " " + cell[DESCRIPTION]
    return any(word in text for word in _CREDIT_WORDS)


def _credit_row(line: int, cell: dict[str, str], errors: list[RowError]) -> AlipayRow | None:
    try:
        day = parse_date(cell[TIME], field=TIME)
    except InvalidValue as error:
        errors.append(RowError(line, TIME, f"{cell[TIME]!r}: {error.reason}"))
        day = None
    try:
        amount = parse_positive_yuan(cell[AMOUNT], field=AMOUNT)
    except InvalidValue as error:
        errors.append(RowError(line, AMOUNT, f"{cell[AMOUNT]!r}: {error.reason}"))
        amount = None
    order_no = "" if cell[ORDER_NO] in _NONE else cell[ORDER_NO]
    if not order_no:
        errors.append(RowError(line, ORDER_NO, "is empty; without it a second import could not be recognised"))
    if day is None or amount is None or not order_no:
        return None
    text = cell[DESCRIPTION] + " " + cell[COUNTERPARTY]
    return AlipayRow(
        line=line,
        time=cell[TIME],
        day=day,
        category=cell[CATEGORY],
        counterparty="" if cell[COUNTERPARTY] in _NONE else cell[COUNTERPARTY],
        description=cell[DESCRIPTION],
        direction=cell[DIRECTION],
        amount_fen=amount,
        status=cell[STATUS],
        order_no=order_no,
        movement=_movement(text, cell[DIRECTION]),
        platform=_platform(text, cell[COUNTERPARTY], cell[CATEGORY]),
        money_moved=cell[STATUS] in _MOVED,
    )


def _movement(text: str, direction: str) -> Movement:
    # The direction alone is not enough: Alipay files most credit rows as 不计收支.
    if any(word in text for word in _DISBURSED_WORDS):
        return Movement.DISBURSEMENT
    if "还款" in text or direction == "支出":
        return Movement.REPAYMENT
    if "借款" in text or direction == "收入":
        return Movement.DISBURSEMENT
    return Movement.OTHER


def _platform(text: str, counterparty: str, category: str) -> str:
    for word, platform in _PRODUCTS:
        if word in text:
            return platform
    return counterparty if counterparty not in _NONE else category
