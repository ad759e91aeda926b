"""Money as integer fen: parsing what people type, formatting yuan, and the one rounding rule."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation

from jiebei_tracker.domain.errors import InvalidValue

FEN_PER_YUAN = 100
# The most any amount may be (a principal, a repayment, a payoff, a limit): ¥100,000,000.00. Far above what a
# person borrows, far below what SQLite's integers and the charts' arithmetic can hold.
MAX_AMOUNT_FEN = 10_000_000_000
# Text longer than this is not an amount (``-¥100,000,000.00元`` is 18 characters); it is refused as text, before
# any arithmetic, so a 100,000-digit cell costs nothing.
_MAX_AMOUNT_TEXT = 40
_EXACT = Context(prec=_MAX_AMOUNT_TEXT + 2)

# Full-width digits and punctuation (what Chinese input methods and Excel sometimes produce) → ASCII.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，－＋％　", "0123456789.,-+% ")
_CURRENCY_MARKS = ("¥", "￥", "元", "RMB", "CNY", "rmb", "cny")
_WAN = "万"
_AMOUNT_RE = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d*)?$")


def normalize_text(text: str) -> str:
    """Full-width digits and signs to ASCII, surrounding spaces (and tabs) removed."""
    return text.translate(_FULL_WIDTH).strip()


def round_fen(amount: Decimal) -> int:
    """Round a Decimal amount of fen half-up to a whole fen (the only rounding rule of docs/money.md)."""
    return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))


class AmountOutOfRange(InvalidValue):
    """An amount beyond ±MAX_AMOUNT_FEN (or text too long to be an amount at all)."""


def shortened(text: str, limit: int = 24) -> str:
    """Text as a message quotes it: at most ``limit`` characters, then "…"."""
    return text if len(text) <= limit else text[:limit] + "…"


def _at_most() -> str:
    return f"at most {format_yuan(MAX_AMOUNT_FEN)}"


def check_amount(fen: int, *, field: str = "amount") -> int:
    """``fen`` when it is within ±MAX_AMOUNT_FEN; InvalidValue beyond (what the ledger checks before a write)."""
    if fen > MAX_AMOUNT_FEN:
        raise AmountOutOfRange(field, format_yuan(fen), _at_most())
    if fen < -MAX_AMOUNT_FEN:
        raise AmountOutOfRange(field, format_yuan(fen), f"at least {format_yuan(-MAX_AMOUNT_FEN)}")
    return fen


def parse_yuan(text: str, *, field: str = "amount") -> int:
    """Parse an amount in yuan as people write it (``12000``, ``12,000.50``, ``¥1,234.50``, ``1234.5元``, ``2万``,
    ``1.5万元``) to fen.

    Raises InvalidValue for anything that is not an amount, has more than two decimals, or is beyond
    ±¥100,000,000.00 (MAX_AMOUNT_FEN).
    """
    if len(text) > _MAX_AMOUNT_TEXT and len(text.strip()) > _MAX_AMOUNT_TEXT:
        raise AmountOutOfRange(field, shortened(text), f"too long for an amount of money ({_at_most()})")
    cleaned = normalize_text(text)
    for mark in _CURRENCY_MARKS:
        cleaned = cleaned.replace(mark, "")
    cleaned = cleaned.replace(" ", "")
    ten_thousands = cleaned.endswith(_WAN)  # 2万 = 20,000 yuan, as Chinese says amounts
    cleaned = cleaned.removesuffix(_WAN)
    if not cleaned or cleaned in {"+", "-", "."} or not _AMOUNT_RE.match(cleaned):
        raise InvalidValue(field, text, "not an amount of money (e.g. 12000, 12,000.50, ¥1,234.50)")
    try:
        yuan = Decimal(cleaned.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the regex already refused it
        raise InvalidValue(field, text, "not an amount of money") from None
    fen = yuan.scaleb(6 if ten_thousands else 2, _EXACT)  # exact: the default 28 digits would round 1.0000…0001
    if fen != fen.to_integral_value():
        raise InvalidValue(field, text, "more than two decimal places (the smallest unit is 0.01 yuan)")
    try:
        return check_amount(int(fen), field=field)
    except AmountOutOfRange as error:
        raise AmountOutOfRange(field, text, error.reason) from None


def parse_positive_yuan(text: str, *, field: str = "amount") -> int:
    """Like parse_yuan, but the amount must be above zero."""
    fen = parse_yuan(text, field=field)
    if fen <= 0:
        raise InvalidValue(field, text, "must be more than zero")
    return fen


def fen_to_yuan(fen: int) -> str:
    """Plain yuan with two decimals, no grouping: 104908 → ``1049.08`` (the JSON and CSV form)."""
    sign = "-" if fen < 0 else ""
    whole, part = divmod(abs(fen), FEN_PER_YUAN)
    return f"{sign}{whole}.{part:02d}"


def format_yuan(fen: int, *, symbol: bool = True) -> str:
    """Yuan for people to read: 123450 → ``¥1,234.50``."""
    sign = "-" if fen < 0 else ""
    whole, part = divmod(abs(fen), FEN_PER_YUAN)
    return f"{sign}{'¥' if symbol else ''}{whole:,}.{part:02d}"
