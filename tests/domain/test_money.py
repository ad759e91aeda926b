"""Money: what people type becomes integer fen; fen become yuan text with two decimals."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import MAX_AMOUNT_FEN, fen_to_yuan, format_yuan, parse_positive_yuan, parse_yuan


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("12000", 1_200_000),
        ("12,000.50", 1_200_050),
        ("¥1,234.50", 123_450),
        ("￥1,234.5", 123_450),
        ("1234.5元", 123_450),
        (" 0.01 ", 1),
        ("１２３４．５６", 123_456),
        ("-5", -500),
        ("RMB 88", 8_800),
        (".5", 50),
        ("2万", 2_000_000),  # as Chinese says amounts: 2万 = ¥20,000
        ("1.5万元", 1_500_000),
        ("¥0.35万", 350_000),
    ],
)
def test_parse_yuan_accepts_how_people_write_amounts(text, fen):
    assert parse_yuan(text) == fen


@pytest.mark.parametrize(
    "text", ["", "abc", "1.234", "12,00", "1,2345", "¥", "1e5", "--1", "1.2.3", "nan", "万", "2万万", "1.2345678万"]
)
def test_parse_yuan_refuses_what_is_not_an_amount(text):
    with pytest.raises(InvalidValue) as caught:
        parse_yuan(text, field="principal")
    assert caught.value.field == "principal"
    assert caught.value.value == text


def test_parse_positive_refuses_zero_and_negative():
    for text in ("0", "-1", "0.00"):
        with pytest.raises(InvalidValue, match="more than zero"):
            parse_positive_yuan(text)


def test_formatting():
    assert fen_to_yuan(104_908) == "1049.08"
    assert fen_to_yuan(5) == "0.05"
    assert fen_to_yuan(-150) == "-1.50"
    assert format_yuan(123_450) == "¥1,234.50"
    assert format_yuan(-200_000_000) == "-¥2,000,000.00"
    assert format_yuan(7, symbol=False) == "0.07"


@given(st.integers(min_value=-MAX_AMOUNT_FEN, max_value=MAX_AMOUNT_FEN))
def test_yuan_text_round_trips(fen):
    assert parse_yuan(fen_to_yuan(fen)) == fen
    assert parse_yuan(format_yuan(fen)) == fen
