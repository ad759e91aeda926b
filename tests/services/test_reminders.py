"""Reminders: due in N days, due today, overdue, autopay nudges — each shown at most once a day per installment."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.domain.penalty import penalty_fen
from jiebei_tracker.domain.rules.autopay import AUTOPAY_HOW_TO
from jiebei_tracker.domain.vocabulary import PlatformKind
from jiebei_tracker.services.health.reminders import (
    ReminderKind,
    pending_reminders,
    take_reminders_to_show,
)
from jiebei_tracker.services.session import Session
from jiebei_tracker.services.settings import GeneralSettings, SettingsStore
from jiebei_tracker.storage.book import load_book
from tests.conftest import TODAY
from tests.scenarios import draft


def _loan(ledger, platform: str, first_due: date, *, autopay: bool = True) -> int:
    """A 12-month loan whose first installment falls due on ``first_due`` (borrowed a month before)."""
    borrowed = first_due - relativedelta(months=1)
    return ledger.add_loan(draft(platform, borrowed_on=borrowed, autopay=autopay)).created_id


def _kinds(reminders) -> list[tuple[str, str, int]]:
    return [(r.kind.value, r.platform, r.days) for r in reminders]


def test_overdue_today_and_soon_with_the_default_lead_of_three_days(ledger, database):
    _loan(ledger, "借呗", date(2026, 11, 20))  # 8 days overdue
    _loan(ledger, "微粒贷", TODAY)  # due today
    _loan(ledger, "京东金条", TODAY + timedelta(days=3))  # due in 3 days
    _loan(ledger, "招商银行", TODAY + timedelta(days=4))  # beyond the lead
    found = pending_reminders(database, as_of=TODAY)
    assert _kinds(found) == [("overdue", "借呗", 8), ("due_today", "微粒贷", 0), ("due_soon", "京东金条", 3)]
    overdue = found[0]
    assert overdue.seq == 1 and overdue.due_on == date(2026, 11, 20)
    assert overdue.amount_fen == load_book(database).loans[0].installments[0].total_fen
    assert "8 days ago" in overdue.message.en and "逾期 8 天" in overdue.message.zh_CN
    # The penalty it has run up: 1.5 × 0.02 % a day on the first installment's principal, for 8 days.
    first = load_book(database).loans[0].installments[0]
    penalty = format_yuan(penalty_fen(first.principal_fen, Decimal("0.072"), Decimal("1.5"), 8))
    assert f"penalty interest of about {penalty}" in overdue.message.en
    assert f"罚息估计已有 {penalty}" in overdue.message.zh_CN
    assert "Autopay is on" in found[2].message.en
    assert _kinds(pending_reminders(database, as_of=TODAY, lead_days=4))[-1] == ("due_soon", "招商银行", 4)


def test_lead_and_grace_days_come_from_the_settings(ledger, database):
    _loan(ledger, "借呗", date(2026, 11, 26))
    _loan(ledger, "微粒贷", TODAY + timedelta(days=5))
    SettingsStore(database=database).put_general(GeneralSettings(grace_days=2, reminder_lead_days=5))
    found = pending_reminders(database, as_of=TODAY)
    # Two days past due, within the grace days: still "pay today", not overdue.
    assert _kinds(found) == [("due_today", "借呗", 0), ("due_soon", "微粒贷", 5)]
    assert "grace" in found[0].message.en


def test_a_loan_without_autopay_gets_a_nudge_saying_how_to_switch_it_on(ledger, database):
    ledger.add_loan(draft("工商银行", borrowed_on=date(2026, 10, 30), autopay=False))
    ledger.set_platform_kind("工商银行", PlatformKind.BANK)
    due, nudge = pending_reminders(database, as_of=TODAY)
    assert due.kind is ReminderKind.DUE_SOON and not due.autopay
    assert nudge.kind is ReminderKind.NO_AUTOPAY
    assert nudge.installment_id == due.installment_id
    assert nudge.how_to == AUTOPAY_HOW_TO[PlatformKind.BANK]
    assert AUTOPAY_HOW_TO[PlatformKind.BANK].en in nudge.message.en
    assert pending_reminders(database, as_of=TODAY, nudges=False) == [due]


def test_reminders_are_not_repeated_within_a_day_and_come_back_the_next(ledger, database):
    _loan(ledger, "借呗", date(2026, 11, 20))
    _loan(ledger, "微粒贷", TODAY + timedelta(days=1), autopay=False)
    first = take_reminders_to_show(database, today=TODAY)
    assert _kinds(first) == [("overdue", "借呗", 8), ("due_soon", "微粒贷", 1), ("no_autopay", "微粒贷", 1)]
    assert take_reminders_to_show(database, today=TODAY) == []
    assert len(pending_reminders(database, as_of=TODAY)) == 3  # listing them does not use them up
    tomorrow = take_reminders_to_show(database, today=TODAY + timedelta(days=1))
    assert _kinds(tomorrow) == [("overdue", "借呗", 9), ("due_today", "微粒贷", 0), ("no_autopay", "微粒贷", 0)]


def test_paying_stops_the_reminders(ledger, database):
    loan_id = _loan(ledger, "借呗", date(2026, 11, 20))
    assert take_reminders_to_show(database, today=TODAY)
    amount = load_book(database).loans[0].installments[0].total_fen
    ledger.log_repayment(loan_id, paid_on=TODAY, amount_fen=amount)
    assert take_reminders_to_show(database, today=TODAY + timedelta(days=1)) == []


def test_reminders_as_of_a_past_day_ignore_later_repayments(ledger, database):
    loan_id = _loan(ledger, "借呗", date(2026, 10, 20))
    amount = load_book(database).loans[0].installments[0].total_fen
    ledger.log_repayment(loan_id, paid_on=date(2026, 10, 25), amount_fen=amount)
    assert _kinds(pending_reminders(database, as_of=date(2026, 10, 22))) == [("overdue", "借呗", 2)]
    assert pending_reminders(database, as_of=date(2026, 10, 26)) == []


def test_autopay_checklist_by_platform(ledger, database):
    ledger.add_loan(draft("借呗", borrowed_on=date(2026, 10, 1), autopay=True))
    ledger.add_loan(draft("借呗", borrowed_on=date(2026, 10, 2), autopay=False))
    ledger.add_loan(draft("微粒贷", borrowed_on=date(2026, 10, 3), autopay=True))
    rows = Session(database=database).autopay_checklist(TODAY)
    assert [(r.platform, r.on_autopay, r.active_loans, r.done) for r in rows] == [
        ("借呗", 1, 2, False),
        ("微粒贷", 1, 1, True),
    ]
    assert rows[0].loan_ids_without == (2,)
    assert "支付宝" in rows[0].how_to.zh_CN and "微信" in rows[1].how_to.zh_CN  # each in its own app
    assert Session(database=database).autopay_checklist(date(2026, 9, 1)) == []
