"""The bounds on every value a user can enter (issue #11): amounts up to ¥100,000,000.00, days from 1990-01-01 to
today, text without control characters, names trimmed — each boundary from both sides."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from jiebei_tracker.domain.dates import EARLIEST_DAY, check_day
from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import (
    MAX_AMOUNT_FEN,
    AmountOutOfRange,
    check_amount,
    parse_positive_yuan,
    parse_yuan,
)
from jiebei_tracker.domain.payments import is_low_payoff
from jiebei_tracker.domain.text import ControlCharacter, clean_line, clean_name, clean_note, control_character

TODAY = date(2026, 11, 28)

# -- amounts --------------------------------------------------------------------------------------------


def test_the_largest_amount_is_one_hundred_million_yuan():
    assert MAX_AMOUNT_FEN == 10_000_000_000
    assert check_amount(MAX_AMOUNT_FEN) == MAX_AMOUNT_FEN
    assert parse_yuan("100000000") == parse_positive_yuan("¥100,000,000.00") == MAX_AMOUNT_FEN
    assert parse_yuan("-100,000,000") == -MAX_AMOUNT_FEN


@pytest.mark.parametrize("parse", [parse_yuan, parse_positive_yuan])
@pytest.mark.parametrize("text", ["100000000.01", "100,000,001", "92233720368547758", "92233720368547758.08"])
def test_one_fen_more_is_refused_by_the_parsers(parse, text):
    with pytest.raises(AmountOutOfRange) as caught:
        parse(text, field="principal")
    assert str(caught.value) == f"principal: {text!r}: at most ¥100,000,000.00"


def test_one_fen_more_is_refused_by_the_check_the_ledger_makes():
    with pytest.raises(AmountOutOfRange) as caught:
        check_amount(MAX_AMOUNT_FEN + 1, field="limit")
    assert str(caught.value) == "limit: '¥100,000,000.01': at most ¥100,000,000.00"
    with pytest.raises(AmountOutOfRange) as caught:
        check_amount(-MAX_AMOUNT_FEN - 1)
    assert caught.value.reason == "at least -¥100,000,000.00"
    assert issubclass(AmountOutOfRange, InvalidValue)  # the CLI and the dialogs report it like any bad value


@pytest.mark.parametrize("text", ["9" * 100_000, "0." + "0" * 99_999 + "1", "1" + ",000" * 30_000])
def test_a_very_long_number_is_refused_as_text_with_a_short_message(text):
    with pytest.raises(AmountOutOfRange) as caught:
        parse_yuan(text)
    assert "too long for an amount of money (at most ¥100,000,000.00)" in str(caught.value)
    assert len(str(caught.value)) < 120  # the message quotes the start of the text, not all of it


def test_more_decimals_than_the_default_precision_are_not_rounded_away():
    # Decimal's 28 digits would make this exactly 1.00 yuan; it has a fraction of a fen and is refused.
    with pytest.raises(InvalidValue, match="more than two decimal places"):
        parse_yuan("1.0000000000000000000000000001")


def test_exponents_and_other_forms_are_still_not_amounts():
    for text in ("1e30", "1E3", "NaN", "Infinity", "0x10"):
        with pytest.raises(InvalidValue, match="not an amount of money"):
            parse_yuan(text)


# -- days -----------------------------------------------------------------------------------------------


def test_days_from_1990_to_today_are_accepted():
    assert date(1990, 1, 1) == EARLIEST_DAY
    assert check_day(date(1990, 1, 1), field="borrowed_on", today=TODAY) == date(1990, 1, 1)
    assert check_day(TODAY, field="borrowed_on", today=TODAY) == TODAY


def test_the_day_before_1990_is_refused():
    with pytest.raises(InvalidValue) as caught:
        check_day(date(1989, 12, 31), field="borrowed_on", today=TODAY)
    assert str(caught.value) == "borrowed_on: '1989-12-31': is before 1990-01-01"
    with pytest.raises(InvalidValue, match="'0001-01-01': is before 1990-01-01"):
        check_day(date(1, 1, 1), field="borrowed_on", today=TODAY)


def test_tomorrow_is_refused():
    with pytest.raises(InvalidValue) as caught:
        check_day(TODAY + timedelta(days=1), field="paid_on", today=TODAY)
    assert str(caught.value) == "paid_on: '2026-11-29': is in the future"


# -- text -----------------------------------------------------------------------------------------------

CONTROL_CHARACTERS = {
    "NUL": ("\x00", r"\x00"),
    "escape (C0)": ("\x1b", r"\x1b"),
    "bell (C0)": ("\x07", r"\x07"),
    "unit separator (C0)": ("\x1f", r"\x1f"),
    "carriage return (C0)": ("\r", r"\r"),
    "DEL": ("\x7f", r"\x7f"),
    "next line (C1)": ("\x85", r"\x85"),
    "CSI (C1)": ("\x9b", r"\x9b"),
    "right-to-left override": ("\u202e", r"\u202e"),
    "left-to-right embedding": ("\u202a", r"\u202a"),
    "first strong isolate": ("\u2068", r"\u2068"),
    "pop directional isolate": ("\u2069", r"\u2069"),
    "left-to-right mark": ("\u200e", r"\u200e"),
    "right-to-left mark": ("\u200f", r"\u200f"),
    "Arabic letter mark": ("\u061c", r"\u061c"),
}


@pytest.mark.parametrize(("character", "escape"), CONTROL_CHARACTERS.values(), ids=CONTROL_CHARACTERS.keys())
@pytest.mark.parametrize("clean", [clean_name, clean_note, clean_line])
def test_each_kind_of_control_character_is_refused_naming_the_field_and_the_character(clean, character, escape):
    with pytest.raises(ControlCharacter) as caught:
        clean(f"借{character}呗", "platform")
    assert caught.value.character == escape
    assert str(caught.value) == f"platform: {f'借{character}呗'!r}: contains a control character ({escape})"


def test_the_message_names_the_character_as_an_escape():
    with pytest.raises(InvalidValue) as caught:
        clean_name("借\x00呗", "platform")
    assert str(caught.value) == r"platform: '借\x00呗': contains a control character (\x00)"


@pytest.mark.parametrize("text", ["借\t呗", "借\n呗", "借呗\n"])
def test_tabs_and_line_breaks_are_refused_in_names(text):
    with pytest.raises(ControlCharacter):
        clean_name(text)
    with pytest.raises(ControlCharacter):
        clean_line(text, "loan_id")


def test_notes_keep_tabs_and_line_breaks_and_a_windows_line_break_becomes_a_plain_one():
    assert clean_note("第一行\n\t第二行") == "第一行\n\t第二行"
    assert clean_note("第一行\r\n第二行") == "第一行\n第二行"
    with pytest.raises(ControlCharacter, match=r"\\r"):
        clean_note("第一行\r第二行")  # a carriage return on its own moves the cursor back over the text


def test_ordinary_text_passes():
    for text in ("借呗", "招商银行 信用卡", "Ünïcödé ✓ 🙂", "微粒贷（WeBank）", "a\u00a0b", "zero\u200bwidth"):
        assert control_character(text) is None
        assert clean_name(text) == text


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("  借呗  ", "借呗"), ("\u3000借呗\u3000", "借呗"), ("\u3000 微粒贷\u00a0", "微粒贷"), ("招商 银行", "招商 银行")],
)
def test_names_are_stored_trimmed_of_whitespace_including_the_full_width_space(typed, stored):
    assert clean_name(typed) == stored


@pytest.mark.parametrize("typed", ["", " ", "\u3000", "\u3000 \u3000", "\u00a0"])
def test_a_name_of_only_whitespace_is_refused(typed):
    with pytest.raises(InvalidValue, match="name the platform"):
        clean_name(typed, "platform")


def test_a_loan_number_is_trimmed_and_may_be_empty():
    assert clean_line("  JB-1 ", "loan_id") == "JB-1"
    assert clean_line("", "loan_id") == ""


# -- early payoff far below the proposed amount ---------------------------------------------------------


def test_a_payoff_under_90_percent_of_the_proposed_amount_is_low():
    assert not is_low_payoff(900_000, 1_000_000)  # 90 % exactly: not low
    assert is_low_payoff(899_999, 1_000_000)
    assert is_low_payoff(1, 1_200_000)
    assert not is_low_payoff(1_200_000, 1_200_000)
    assert not is_low_payoff(1_300_000, 1_200_000)
    assert not is_low_payoff(1, 0)  # nothing proposed (settled): nothing to compare
