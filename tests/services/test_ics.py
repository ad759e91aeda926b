"""The repayment calendar: parsed back with icalendar, alarms where money is still owed, and the same UIDs on every
export so the user's calendar is updated rather than filled with copies."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar

from jiebei_tracker.services.health.ics import event_uid, export_ics
from jiebei_tracker.storage.book import load_book
from tests.conftest import TODAY
from tests.scenarios import draft

STAMP = datetime(2026, 11, 28, 8, 0, tzinfo=UTC)


def _events(path) -> dict[str, object]:
    calendar = Calendar.from_ical(path.read_bytes())
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def _setup(ledger, database) -> tuple[int, int]:
    jiebei = ledger.add_loan(draft("借呗", borrowed_on=date(2026, 9, 10), months=6, autopay=True)).created_id
    weilidai = ledger.add_loan(draft("微粒贷", borrowed_on=date(2026, 10, 5), months=3, autopay=False)).created_id
    first = load_book(database, loan_ids=[jiebei]).loans[0].installments[0]
    ledger.log_repayment(jiebei, paid_on=first.due_on, amount_fen=first.total_fen)
    ledger.add_loan(draft("京东金条", borrowed_on=date(2025, 1, 1), months=1, method="bullet"))  # long overdue
    return jiebei, weilidai


def test_the_calendar_parses_back_with_one_event_per_installment_and_alarms(ledger, database, tmp_path):
    jiebei, weilidai = _setup(ledger, database)
    path = tmp_path / "repayments.ics"
    to_pay = export_ics(database, path, as_of=TODAY, lead_days=3, stamp=STAMP)
    events = _events(path)
    assert to_pay == 5 + 3 + 1
    assert set(events) == (
        {event_uid(jiebei, seq) for seq in range(1, 7)}
        | {event_uid(weilidai, seq) for seq in range(1, 4)}
        | {event_uid(3, 1)}
    )
    assert event_uid(jiebei, 2) == f"jiebei-{jiebei}-2@jiebei-tracker.local"

    second = events[event_uid(jiebei, 2)]
    assert second.decoded("DTSTART") == date(2026, 11, 10)
    assert second.decoded("DTEND") == date(2026, 11, 11)
    assert "借呗" in str(second["SUMMARY"]) and "2 of 6" in str(second["SUMMARY"])
    assert int(second["SEQUENCE"]) == 0
    alarms = second.walk("VALARM")
    assert [alarm.decoded("TRIGGER") for alarm in alarms] == [timedelta(days=-3, hours=9), timedelta(hours=9)]
    assert all(str(alarm["ACTION"]) == "DISPLAY" for alarm in alarms)
    assert "Autopay is on" in str(second["DESCRIPTION"])
    assert "Not on autopay" in str(events[event_uid(weilidai, 1)]["DESCRIPTION"])

    paid = events[event_uid(jiebei, 1)]
    assert str(paid["SUMMARY"]).startswith("Paid: ")
    assert paid.walk("VALARM") == []
    assert int(paid["SEQUENCE"]) == 1


def test_exporting_again_after_a_payment_keeps_the_uids_and_marks_it_paid(ledger, database, tmp_path):
    jiebei, _ = _setup(ledger, database)
    before_path, after_path = tmp_path / "before.ics", tmp_path / "after.ics"
    export_ics(database, before_path, as_of=TODAY, stamp=STAMP)
    second = load_book(database, loan_ids=[jiebei]).loans[0].installments[1]
    ledger.log_repayment(jiebei, paid_on=TODAY, amount_fen=second.total_fen)
    export_ics(database, after_path, as_of=TODAY, stamp=STAMP + timedelta(hours=1))
    before, after = _events(before_path), _events(after_path)
    assert set(before) == set(after)
    updated = after[event_uid(jiebei, 2)]
    assert int(updated["SEQUENCE"]) > int(before[event_uid(jiebei, 2)]["SEQUENCE"])
    assert updated.walk("VALARM") == []
    assert updated.decoded("DTSTAMP") > before[event_uid(jiebei, 2)].decoded("DTSTAMP")


def test_chinese_calendar_and_settled_loans_left_out(ledger, database, tmp_path):
    settled = ledger.add_loan(draft("借呗", borrowed_on=date(2026, 8, 1), months=1, method="bullet")).created_id
    inst = load_book(database, loan_ids=[settled]).loans[0].installments[0]
    ledger.log_repayment(settled, paid_on=inst.due_on, amount_fen=inst.total_fen)
    open_loan = ledger.add_loan(draft("微粒贷", borrowed_on=date(2026, 11, 1), months=2)).created_id
    path = tmp_path / "zh.ics"
    assert export_ics(database, path, as_of=TODAY, language="zh_CN", stamp=STAMP) == 2
    calendar = Calendar.from_ical(path.read_bytes())
    assert str(calendar["X-WR-CALNAME"]) == "借呗信用健康助手 还款日历"
    events = _events(path)
    assert set(events) == {event_uid(open_loan, 1), event_uid(open_loan, 2)}
    assert "微粒贷 还款" in str(events[event_uid(open_loan, 1)]["SUMMARY"])
