"""The ledger, the one writer, refuses every value out of bounds on every write path (issue #11) — before anything
is written — and stores names trimmed; what was refused before the fix broke the app later (integer overflow,
charts on year 1, look-alike platforms)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import MAX_AMOUNT_FEN
from jiebei_tracker.domain.past import PastRepayments
from jiebei_tracker.domain.payments import Payment
from jiebei_tracker.domain.vocabulary import NoteKind, PlatformKind
from jiebei_tracker.services.credit import list_notes, list_platforms
from jiebei_tracker.services.ledger import HistoricLoan, LimitEntry, NoteEntry, RepaymentEntry
from jiebei_tracker.services.loans import list_loans, list_repayments
from tests.conftest import TODAY
from tests.scenarios import draft, terms

TOMORROW = TODAY + timedelta(days=1)


def _loans(database):
    return list_loans(database, today=TODAY)


def _refusal(write, *args, **kwargs) -> str:
    """The message of what ``write`` refused."""
    with pytest.raises(InvalidValue) as caught:
        write(*args, **kwargs)
    return str(caught.value)


def _nothing_written(database):
    assert _loans(database) == [] and list_platforms(database) == [] and list_notes(database) == []


# -- loans ----------------------------------------------------------------------------------------------


def test_a_principal_of_one_hundred_million_yuan_is_recorded_and_one_fen_more_is_not(ledger, database):
    with pytest.raises(InvalidValue, match=r"^principal: '¥100,000,000.01': at most ¥100,000,000.00$"):
        ledger.add_loan(replace(draft(), terms=replace(terms(), principal_fen=MAX_AMOUNT_FEN + 1)))
    with pytest.raises(InvalidValue, match="at most"):
        ledger.add_loan(replace(draft(), terms=replace(terms(), principal_fen=2**63)))
    _nothing_written(database)
    ledger.add_loan(replace(draft(), terms=replace(terms(), principal_fen=MAX_AMOUNT_FEN)))
    assert [loan.principal_fen for loan in _loans(database)] == [MAX_AMOUNT_FEN]


@pytest.mark.parametrize(
    ("day", "reason"), [(date(1989, 12, 31), "is before 1990-01-01"), (date(1, 1, 1), "is before 1990-01-01"),
                        (TOMORROW, "is in the future")]
)  # fmt: skip
def test_a_loan_borrowed_before_1990_or_after_today_is_refused(ledger, database, day, reason):
    with pytest.raises(InvalidValue, match=f"^borrowed_on: '{day.isoformat()}': {reason}$"):
        ledger.add_loan(draft(borrowed_on=day))
    _nothing_written(database)


def test_a_loan_is_recorded_from_1990_01_01_to_today_and_not_a_day_beyond(ledger, database):
    for day in (date(1989, 12, 31), TOMORROW):
        with pytest.raises(InvalidValue):
            ledger.add_loan(draft(borrowed_on=day))
    ledger.add_loan(draft(borrowed_on=date(1990, 1, 1), months=1))
    ledger.add_loan(draft(borrowed_on=TODAY))
    assert sorted(loan.borrowed_on for loan in _loans(database)) == [date(1990, 1, 1), TODAY]


def test_a_term_out_of_range_is_refused_by_the_ledger_too(ledger, database):
    loan = draft()
    object.__setattr__(loan.terms, "term_months", 361)  # past LoanTerms' own check, as a bug elsewhere could be
    assert _refusal(ledger.add_loan, loan) == "term_months: 361: must be 1 to 360 months"
    _nothing_written(database)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"platform": "借\x00呗"}, r"platform: '借\x00呗': contains a control character (\x00)"),
        ({"platform": "\x1b[31m借呗"}, r"platform: '\x1b[31m借呗': contains a control character (\x1b)"),
        ({"platform": "\u202e呗借"}, r"platform: '\u202e呗借': contains a control character (\u202e)"),
        ({"platform": "\u3000 "}, "platform: '\\u3000 ': name the platform (e.g. 借呗)"),
        ({"note": "a\x07b"}, r"note: 'a\x07b': contains a control character (\x07)"),
        ({"external_id": "JB\x85-1"}, r"loan_id: 'JB\x85-1': contains a control character (\x85)"),
    ],
)
def test_control_characters_in_a_loan_are_refused_on_add_and_on_edit(ledger, database, changes, message):
    with pytest.raises(InvalidValue) as caught:
        ledger.add_loan(replace(draft(), **changes))
    assert str(caught.value) == message
    _nothing_written(database)
    loan_id = ledger.add_loan(draft(note="kept")).created_id
    with pytest.raises(InvalidValue) as caught:
        ledger.edit_loan(loan_id, replace(draft(), **changes))
    assert str(caught.value) == message
    assert [(loan.platform, loan.note, loan.external_id) for loan in _loans(database)] == [("借呗", "kept", None)]


def test_names_are_stored_trimmed_so_a_padded_name_is_the_same_platform(ledger, database):
    ledger.add_loan(draft("借呗"))
    ledger.add_loan(draft("\u3000借呗 ", external_id=" JB-2\u3000"))
    ledger.record_limit(" 借呗", recorded_on=TODAY, limit_fen=100)
    ledger.set_platform_kind("借呗\u3000", PlatformKind.BANK)
    assert [(p.name, p.kind) for p in list_platforms(database)] == [("借呗", PlatformKind.BANK)]
    assert [loan.external_id for loan in _loans(database)] == [None, "JB-2"]


def test_a_payoff_amount_out_of_bounds_for_a_past_loan_is_refused(ledger, database):
    past = PastRepayments.settled(date(2024, 6, 1), MAX_AMOUNT_FEN + 1)
    assert _refusal(ledger.add_loan, draft(), past) == "payoff_amount: '¥100,000,000.01': at most ¥100,000,000.00"
    _nothing_written(database)


# -- repayments -----------------------------------------------------------------------------------------


@pytest.fixture
def loan_id(ledger):
    return ledger.add_loan(draft(borrowed_on=date(2024, 1, 15))).created_id


def test_repayment_amounts_beyond_the_bound_are_refused_on_every_repayment_path(ledger, database, loan_id):
    day = date(2024, 2, 15)
    too_much = "amount: '¥100,000,000.01': at most ¥100,000,000.00"
    assert _refusal(ledger.log_repayment, loan_id, paid_on=day, amount_fen=MAX_AMOUNT_FEN + 1) == too_much
    assert _refusal(ledger.pay_off, loan_id, paid_on=day, amount_fen=MAX_AMOUNT_FEN + 1) == too_much
    repayment_id = ledger.log_repayment(loan_id, paid_on=day, amount_fen=100).created_id
    assert _refusal(ledger.edit_repayment, repayment_id, amount_fen=MAX_AMOUNT_FEN + 1) == too_much
    assert [line.amount_fen for line in list_repayments(database)] == [100]


@pytest.mark.parametrize("write", ["log", "payoff", "edit"])
def test_a_control_character_in_a_repayment_note_is_refused(ledger, database, loan_id, write):
    day = date(2024, 2, 15)
    repayment_id = ledger.log_repayment(loan_id, paid_on=day, amount_fen=100, note="ok").created_id
    with pytest.raises(InvalidValue, match=r"^note: .*contains a control character \(\\u202e\)$"):
        if write == "log":
            ledger.log_repayment(loan_id, paid_on=day, amount_fen=100, note="\u202e")
        elif write == "payoff":
            ledger.pay_off(loan_id, paid_on=day, note="by\u202ecard")
        else:
            ledger.edit_repayment(repayment_id, note="x\u202e")
    assert [(line.amount_fen, line.note) for line in list_repayments(database)] == [(100, "ok")]


def test_a_repayment_note_keeps_its_line_breaks(ledger, database, loan_id):
    ledger.log_repayment(loan_id, paid_on=date(2024, 2, 15), amount_fen=100, note="工资卡\r\n第二行\t!")
    assert [line.note for line in list_repayments(database)] == ["工资卡\n第二行\t!"]


# -- limits, platforms, notes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"platform": ""}, "platform: '': name the platform (e.g. 借呗)"),
        ({"platform": "\x00借呗"}, r"platform: '\x00借呗': contains a control character (\x00)"),
        ({"limit_fen": MAX_AMOUNT_FEN + 1}, "limit: '¥100,000,000.01': at most ¥100,000,000.00"),
        ({"recorded_on": date(1989, 12, 31)}, "date: '1989-12-31': is before 1990-01-01"),
        ({"recorded_on": TOMORROW}, "date: '2026-11-29': is in the future"),
        ({"note": "\x9b2J"}, r"note: '\x9b2J': contains a control character (\x9b)"),
    ],
)
def test_a_limit_out_of_bounds_is_refused(ledger, database, arguments, message):
    values = {"platform": "借呗", "recorded_on": TODAY, "limit_fen": 5_000_000, "note": ""} | arguments
    with pytest.raises(InvalidValue) as caught:
        ledger.record_limit(values.pop("platform"), **values)
    assert str(caught.value) == message
    _nothing_written(database)


def test_a_limit_of_one_hundred_million_on_1990_01_01_is_recorded(ledger, database):
    ledger.record_limit("借呗", recorded_on=date(1990, 1, 1), limit_fen=MAX_AMOUNT_FEN)
    assert list_platforms(database)[0].current_limit_fen == MAX_AMOUNT_FEN


def test_a_platform_kind_is_not_set_on_a_look_alike_name(ledger, database):
    with pytest.raises(InvalidValue, match=r"contains a control character \(\\u200f\)"):
        ledger.set_platform_kind("借呗\u200f", PlatformKind.BANK)
    _nothing_written(database)


def test_credit_report_notes_out_of_bounds_are_refused_on_add_edit_and_resolve(ledger, database):
    with pytest.raises(InvalidValue, match=r"^text: 'a\\x1bb': contains a control character \(\\x1b\)$"):
        ledger.add_note(noted_on=TODAY, kind=NoteKind.INQUIRY, text="a\x1bb")
    assert (
        _refusal(ledger.add_note, noted_on=date(1989, 12, 31), kind=NoteKind.INQUIRY, text="查询")
        == "date: '1989-12-31': is before 1990-01-01"
    )
    note_id = ledger.add_note(noted_on=date(1990, 1, 1), kind=NoteKind.INQUIRY, text="贷款审批\n微粒贷").created_id
    with pytest.raises(InvalidValue, match="control character"):
        ledger.edit_note(note_id, noted_on=TODAY, kind=NoteKind.INQUIRY, text="\u2066x")
    assert (
        _refusal(ledger.resolve_note, note_id, resolved_on=date(1989, 12, 31))
        == "resolved_on: '1989-12-31': is before 1990-01-01"
    )
    assert [(n.noted_on, n.text, n.resolved) for n in list_notes(database)] == [
        (date(1990, 1, 1), "贷款审批\n微粒贷", False)
    ]


# -- bulk loading (imports, demo data) ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"loans": [HistoricLoan(draft("借\x00呗"))]}, "contains a control character (\\x00)"),
        ({"loans": [HistoricLoan(draft(borrowed_on=date(1, 1, 1)))]}, "is before 1990-01-01"),
        (
            {"loans": [HistoricLoan(draft(), payments=[Payment(date(2024, 2, 15), MAX_AMOUNT_FEN + 1)])]},
            "at most ¥100,000,000.00",
        ),
        ({"limits": [LimitEntry("借呗", TODAY, MAX_AMOUNT_FEN + 1)]}, "at most ¥100,000,000.00"),
        ({"limits": [LimitEntry("\u202e借呗", TODAY, 100)]}, "contains a control character (\\u202e)"),
        ({"limits": [LimitEntry("借呗", date(1989, 12, 31), 100)]}, "is before 1990-01-01"),
        ({"notes": [NoteEntry(TODAY, NoteKind.INQUIRY, "\x00")]}, "contains a control character (\\x00)"),
        ({"notes": [NoteEntry(TOMORROW, NoteKind.INQUIRY, "查询")]}, "is in the future"),
        ({"platform_kinds": {"借呗\x7f": PlatformKind.BANK}}, "contains a control character (\\x7f)"),
    ],
)
def test_bulk_loading_refuses_the_same_values_and_writes_nothing(ledger, database, arguments, message):
    values = {"loans": [HistoricLoan(draft("微粒贷"))], "limits": [LimitEntry("微粒贷", TODAY, 100)]}
    for name, bad in arguments.items():
        values[name] = [*values.get(name, []), *bad] if isinstance(bad, list) else bad
    with pytest.raises(InvalidValue) as caught:
        ledger.add_history(**values)
    assert message in str(caught.value)
    _nothing_written(database)


def test_bulk_repayments_out_of_bounds_are_refused(ledger, database, loan_id):
    day = date(2024, 2, 15)
    for entry, message in (
        (RepaymentEntry(loan_id, Payment(day, MAX_AMOUNT_FEN + 1)), "at most ¥100,000,000.00"),
        (RepaymentEntry(loan_id, Payment(day, 100), note="\x1b"), "contains a control character (\\x1b)"),
        (RepaymentEntry(loan_id, Payment(TOMORROW, 100)), "is in the future"),
    ):
        with pytest.raises(InvalidValue) as caught:
            ledger.add_history([], repayments=[entry])
        assert message in str(caught.value)
    assert list_repayments(database) == []


def test_bulk_loading_stores_names_trimmed(ledger, database):
    ledger.add_history(
        [HistoricLoan(draft(" 借呗\u3000", external_id=" JB-9 "))],
        limits=[LimitEntry("\u3000借呗", TODAY, 100)],
        platform_kinds={"借呗 ": PlatformKind.BANK},
    )
    assert [(p.name, p.kind) for p in list_platforms(database)] == [("借呗", PlatformKind.BANK)]
    assert [(loan.platform, loan.external_id) for loan in _loans(database)] == [("借呗", "JB-9")]
