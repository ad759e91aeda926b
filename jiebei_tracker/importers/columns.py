"""The four kinds of file and their columns: canonical English names, Chinese aliases, and matching a header row."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from jiebei_tracker.domain.money import normalize_text


class FileKind(StrEnum):
    LOANS = "loans"
    REPAYMENTS = "repayments"
    LIMITS = "limits"
    NOTES = "notes"


@dataclass(frozen=True)
class Column:
    """A column the importer knows: its canonical name (what exports write) and the other names it accepts."""

    name: str
    aliases: tuple[str, ...]
    required: bool = False


# What the exports write first, then what people write in their own spreadsheets. Each alias belongs to
# one column of a kind only (a test checks), so a header never matches two columns.
_LOAN_ID = Column(
    "loan_id", ("借款编号", "借据号", "借据编号", "贷款编号", "合同编号", "loan id", "loan number", "external_id")
)
_PLATFORM = Column("platform", ("平台", "平台名称", "借款平台", "贷款平台", "机构", "贷款机构", "lender"))
_PLATFORM_KIND = Column("platform_kind", ("平台类型", "机构类型", "platform type"))
# The platform's penalty interest (罚息) as a multiple of the loan's daily rate (domain/penalty.py).
_PENALTY_MULTIPLIER = Column("penalty_multiplier", ("罚息倍数", "罚息倍率", "罚息系数", "penalty multiplier"))
_BORROWED_ON = Column(
    "borrowed_on", ("借款日期", "放款日期", "借款时间", "放款时间", "起借日期", "borrowed", "loan date")
)
_PRINCIPAL = Column("principal", ("借款金额", "本金", "借款本金", "贷款金额", "放款金额", "loan amount"))
_NOTE = Column("note", ("备注", "说明", "notes", "remark", "remarks", "memo"))

COLUMNS: dict[FileKind, tuple[Column, ...]] = {
    FileKind.LOANS: (
        _LOAN_ID,
        Column(_PLATFORM.name, _PLATFORM.aliases, required=True),
        _PLATFORM_KIND,
        _PENALTY_MULTIPLIER,
        Column(_BORROWED_ON.name, (*_BORROWED_ON.aliases, "日期", "date"), required=True),
        Column(_PRINCIPAL.name, (*_PRINCIPAL.aliases, "金额", "amount"), required=True),
        Column(
            "term_months", ("期数", "借款期数", "分期数", "期限", "借款期限", "term", "months", "term (months)"), True
        ),
        Column("repayment_method", ("还款方式", "method", "repayment method"), required=True),
        Column("annual_rate", ("年化利率", "年利率", "年化", "利率", "annual rate", "apr", "rate")),
        Column("daily_rate", ("日利率", "日息", "日利息", "daily rate")),
        Column("purpose", ("用途", "借款用途", "资金用途")),
        Column("autopay", ("自动扣款", "自动还款", "auto pay", "auto-pay")),
        _NOTE,
        # What happened to the installments already due (at most one of the first three; see rows.py).
        Column("paid_through", ("还款至", "已还至", "已还到", "paid through")),
        Column("paid_installments", ("已还期数", "已还款期数", "paid installments")),
        Column("status", ("状态", "还款状态", "借款状态", "loan status")),
        Column("settled_on", ("结清日期", "结清时间", "settled on")),
        Column("payoff_amount", ("结清金额", "提前结清金额", "payoff amount")),
        # How the platform counts the money (empty: monthly interest, no fees, no free days).
        Column("interest_basis", ("计息方式", "计息", "interest basis")),
        Column("fee_upfront", ("服务费", "砍头息", "前置服务费", "upfront fee")),
        Column("fee_per_installment", ("每期手续费", "手续费", "每期服务费", "fee per installment")),
        Column("fee_rate", ("月手续费率", "手续费率", "月费率", "monthly fee rate")),
        Column("interest_free_days", ("免息天数", "免息券", "免息", "interest-free days")),
    ),
    FileKind.REPAYMENTS: (
        _LOAN_ID,
        _PLATFORM,
        _BORROWED_ON,
        _PRINCIPAL,
        Column(
            "paid_on",
            ("还款日期", "还款时间", "实际还款日期", "实还日期", "日期", "date", "payment date"),
            required=True,
        ),
        Column("amount", ("还款金额", "实还金额", "实际还款金额", "金额", "payment", "paid amount"), required=True),
        Column("payoff", ("提前结清", "结清", "是否结清", "提前还款", "is_payoff", "early payoff")),
        _NOTE,
        Column("source_ref", ("交易订单号", "订单号", "流水号", "来源单号", "order number", "reference")),
        Column("source", ("来源", "记录来源", "repayment source")),
    ),
    FileKind.LIMITS: (
        Column(_PLATFORM.name, _PLATFORM.aliases, required=True),
        _PLATFORM_KIND,
        _PENALTY_MULTIPLIER,
        Column("date", ("日期", "记录日期", "调整日期", "变动日期", "recorded_on", "recorded on"), required=True),
        Column(
            "limit", ("额度", "授信额度", "信用额度", "总额度", "借款额度", "credit limit", "limit_yuan"), required=True
        ),
        _NOTE,
    ),
    FileKind.NOTES: (
        Column("date", ("日期", "记录日期", "报告日期", "查询日期", "noted_on", "noted on"), required=True),
        Column("kind", ("类型", "种类", "记录类型", "类别", "type", "category"), required=True),
        Column("text", ("内容", "描述", "详情", "记录内容", "说明", "description", "details"), required=True),
        Column("resolved", ("已解决", "是否解决", "已处理", "已结清")),
        Column("resolved_on", ("解决日期", "处理日期", "结清日期", "resolved on")),
        Column("reason", ("查询原因", "原因", "inquiry reason")),
        Column("institution", ("查询机构", "机构", "查询单位", "inquired by")),
    ),
}

# One of these must be present in a loans file (the importer says so when neither is).
RATE_COLUMNS = ("annual_rate", "daily_rate")
# A repayment names its loan by loan_id, or by these three together.
LOAN_REFERENCE_COLUMNS = ("platform", "borrowed_on", "principal")

_BRACKETS = str.maketrans({"（": "(", "）": ")", "【": "(", "】": ")", "[": "(", "]": ")"})
# A unit after the name, e.g. 借款金额(元), 年化利率（%）, 期数[月].
_UNIT_SUFFIX = re.compile(r"\((元|%|％|月|个月|天|yuan|cny|rmb|months?)\)$")
_SEPARATORS = re.compile(r"[\s_\-]+")


def normalize_header(text: str) -> str:
    """A header cell reduced for comparison: half-width, lower case, no spaces/underscores, no unit suffix."""
    cleaned = normalize_text(text).translate(_BRACKETS).lower()
    cleaned = _SEPARATORS.sub("", cleaned).strip("*:：")
    stripped = _UNIT_SUFFIX.sub("", cleaned)
    return stripped or cleaned


def _lookup(kind: FileKind) -> dict[str, str]:
    table: dict[str, str] = {}
    for column in COLUMNS[kind]:
        for name in (column.name, *column.aliases):
            table[normalize_header(name)] = column.name
    return table


_LOOKUPS = {kind: _lookup(kind) for kind in FileKind}


def required_columns(kind: FileKind) -> list[str]:
    return [column.name for column in COLUMNS[kind] if column.required]


def canonical_name(kind: FileKind, header: str) -> str | None:
    """The canonical column a header cell means in a file of ``kind``, or None."""
    return _LOOKUPS[kind].get(normalize_header(header))


def recognised_count(kind: FileKind, cells: list[str]) -> int:
    """How many different known columns of ``kind`` a row names (how much it looks like a header row)."""
    lookup = _LOOKUPS[kind]
    return len({lookup[key] for key in map(normalize_header, cells) if key in lookup})


def is_complete(kind: FileKind, named: set[str]) -> bool:
    """Whether a header naming the columns ``named`` can be imported as a file of ``kind``: every required column,
    and a loans file's rate, a repayments file's way of naming its loan."""
    if not set(required_columns(kind)) <= named:
        return False
    if kind is FileKind.LOANS:
        return bool(named & set(RATE_COLUMNS))
    if kind is FileKind.REPAYMENTS:
        return "loan_id" in named or set(LOAN_REFERENCE_COLUMNS) <= named
    return True


def guess_kind(cells: list[str]) -> FileKind | None:
    """The kind the header can be imported as (all its needed columns there), else the one whose columns it names
    most; ties go to the kind with more required columns present, then to the first. A repayments file names its
    loan by platform + borrowed_on + principal, three of a loans file's four required columns: what tells them
    apart is that it has its own paid_on and amount, and lacks the loan's term, method and rate."""
    best: tuple[bool, int, int, int] | None = None
    found = None
    for order, kind in enumerate(FileKind):
        named = {canonical_name(kind, cell) for cell in cells} - {None}
        score = (is_complete(kind, named), len(named), len(named & set(required_columns(kind))), -order)
        if score[1] >= 2 and (best is None or score > best):
            best, found = score, kind
    return found
