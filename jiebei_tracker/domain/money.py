"""Money as integer fen: parsing what people type, formatting yuan, and the one rounding rule."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from jiebei_tracker.domain.errors import InvalidValue

FEN_PER_YUAN = 100

# Full-width digits and punctuation (what Chinese input methods and Excel sometimes produce) → ASCII.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，－＋％　", "0123456789.,-+% ")
_CURRENCY_MARKS = ("¥", "￥", "元", "RMB", "CNY", "rmb", "cny")
_AMOUNT_RE = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d*)?$")


def normalize_text(text: str) -> str:
    """Full-width digits and signs to ASCII, surrounding spaces (and tabs) removed."""
    return text.translate(_FULL_WIDTH).strip()


def round_fen(amount: Decimal) -> int:
    """Round a Decimal amount of fen half-up to a whole fen (the only rounding rule of SCHEDULES.md)."""
    return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def parse_yuan(text: str, *, field: str = "amount") -> int:
    """Parse an amount in yuan as people write it (``12000``, ``12,000.50``, ``¥1,234.50``, ``1234.5元``) to fen.

    Raises InvalidValue for anything that is not an amount, or has more than two decimals.
    """
    cleaned = normalize_text(text)
    for mark in _CURRENCY_MARKS:
        cleaned = cleaned.replace(mark, "")
    cleaned = cleaned.replace(" ", "")
    if not cleaned or cleaned in {"+", "-", "."} or not _AMOUNT_RE.match(cleaned):
        raise InvalidValue(field, text, "not an amount of money (e.g. 12000, 12,000.50, ¥1,234.50)")
    try:
        yuan = Decimal(cleaned.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the regex already refused it
        raise InvalidValue(field, text, "not an amount of money") from None
    fen = yuan * FEN_PER_YUAN
    if fen != fen.to_integral_value():
        raise InvalidValue(field, text, "more than two decimal places (the smallest unit is 0.01 yuan)")
    return int(fen)


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
