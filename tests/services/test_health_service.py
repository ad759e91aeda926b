"""The health service: records loaded in one query per table, thresholds and grace days from settings, the score
history for the charts, and the diagnosis of a recorded limit cut moving as the user logs activity."""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from datetime import date, timedelta

import pytest
from sqlalchemy import event

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.rules import RULES, Thresholds
from jiebei_tracker.domain.vocabulary import LoanPurpose, NoteKind, PlatformKind
from jiebei_tracker.services.demo import generate_history
from jiebei_tracker.services.health import (
    THRESHOLDS_KEY,
    HealthPoint,
    HealthSettings,
    save_thresholds,
)
from jiebei_tracker.services.session import Session
from jiebei_tracker.services.settings import GeneralSettings, SettingsStore
from jiebei_tracker.storage.book import load_book
from tests.conftest import TODAY
from tests.scenarios import draft


def _pay(ledger, database, loan_id: int, seq: int, paid_on: date) -> None:
    """Pay installment ``seq`` in full on ``paid_on``."""
    history = load_book(database, loan_ids=[loan_id])
    ledger.log_repayment(loan_id, paid_on=paid_on, amount_fen=history.loans[0].installments[seq - 1].total_fen)


def test_load_history_reads_every_table_into_plain_records(ledger, database):
    loan_id = ledger.add_loan(
        draft("某小贷", borrowed_on=date(2026, 6, 10), purpose="investment", autopay=True, external_id="XD-1")
    ).created_id
    ledger.set_platform_kind("某小贷", PlatformKind.MICROFINANCE)
    _pay(ledger, database, loan_id, 1, date(2026, 7, 12))
    ledger.record_limit("某小贷", recorded_on=date(2026, 5, 1), limit_fen=3_000_000)
    note_id = ledger.add_note(noted_on=date(2026, 2, 1), kind=NoteKind.GUARANTEE, text="担保").created_id
    ledger.resolve_note(note_id, resolved_on=date(2026, 9, 1))

    history = load_book(database)
    (loan,) = history.loans
    assert (loan.loan_id, loan.external_id, loan.platform, loan.platform_kind) == (
        loan_id,
        "XD-1",
        "某小贷",
        PlatformKind.MICROFINANCE,
    )
    assert (loan.purpose, loan.autopay, loan.principal_fen) == (LoanPurpose.INVESTMENT, True, 1_200_000)
    first, second = loan.installments[:2]
    assert first.settled_on == date(2026, 7, 12) and first.paid_fen == first.total_fen
    assert second.settled_on is None and second.paid_fen == 0
    assert [(r.loan_id, r.paid_on) for r in history.repayments.records()] == [(loan_id, date(2026, 7, 12))]
    assert [(r.platform, r.limit_fen) for r in history.limits] == [("某小贷", 3_000_000)]
    assert [(n.note_id, n.kind, n.resolved_on) for n in history.notes] == [
        (note_id, NoteKind.GUARANTEE, date(2026, 9, 1))
    ]


def _count_statements(database):
    """Every SQL statement this thread's plain connection (the one the loader reads on) runs from now on, and
    every one the engine runs (SQLite's trace callback sees them however issued)."""
    statements = []
    with database.read() as connection:
        connection.set_trace_callback(statements.append)
    event.listen(
        database.engine,
        "checkout",
        lambda dbapi_connection, *_: dbapi_connection.set_trace_callback(statements.append),
    )
    return statements


def test_loading_takes_one_query_per_table_whatever_the_number_of_loans(ledger, database):
    history = generate_history(today=TODAY, years=2, loans=40)
    ledger.add_history(history.loans, limits=history.limits, notes=history.notes, platform_kinds=history.platform_kinds)
    statements = _count_statements(database)
    loaded = load_book(database)
    few = load_book(database, loan_ids=[1, 2])
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(loaded.loans) == 40 and {loan.loan_id for loan in few.loans} == {1, 2}
    assert len(selects) == 12  # platform, loan, installment, repayment, limit, note — twice
    assert set(few.repayments.loan_ids) <= {1, 2}


def test_thresholds_come_from_settings_with_rules_md_defaults(ledger, database):
    assert HealthSettings.load(database) == HealthSettings(Thresholds(), 0)
    for day in (date(2026, 11, 1), date(2026, 11, 20)):
        ledger.add_loan(draft(borrowed_on=day, principal_yuan=1_000, autopay=True))
    assert "borrowing_frequency" not in Session(database=database).health(TODAY).rule_ids
    save_thresholds(database, Thresholds(frequency_short_count=2))
    assert SettingsStore(database=database).get(THRESHOLDS_KEY)["frequency_short_count"] == 2
    assert "borrowing_frequency" in Session(database=database).health(TODAY).rule_ids


def test_a_bad_stored_threshold_is_reported_by_name(database):
    SettingsStore(database=database).put(THRESHOLDS_KEY, {"platform_count": 0, "from_a_newer_version": 1})
    with pytest.raises(InvalidValue) as caught:
        HealthSettings.load(database)
    assert caught.value.field == "platform_count"


def test_grace_days_come_from_the_general_settings(ledger, database):
    ledger.add_loan(draft(borrowed_on=date(2026, 10, 25), autopay=True))  # first due 2026-11-25
    assert "overdue" in Session(database=database).health(TODAY).rule_ids
    SettingsStore(database=database).put_general(GeneralSettings(grace_days=3))
    assert "overdue" not in Session(database=database).health(TODAY).rule_ids


def test_health_history_gives_a_frozen_point_per_month_end(ledger, database):
    loan_id = ledger.add_loan(draft(borrowed_on=date(2026, 7, 10), autopay=True)).created_id
    _pay(ledger, database, loan_id, 1, date(2026, 8, 10))
    _pay(ledger, database, loan_id, 2, date(2026, 9, 25))  # due 2026-09-10: 15 days late
    for seq, day in ((3, date(2026, 10, 10)), (4, date(2026, 11, 10))):
        _pay(ledger, database, loan_id, seq, day)
    points = Session(database=database).score_history(start=date(2026, 7, 1), end=TODAY)
    assert points == [
        HealthPoint(date(2026, 7, 31), 100, frozenset()),
        HealthPoint(date(2026, 8, 31), 100, frozenset()),
        HealthPoint(date(2026, 9, 30), 80, frozenset({"late_history"})),
        HealthPoint(date(2026, 10, 31), 80, frozenset({"late_history"})),
        HealthPoint(TODAY, 80, frozenset({"late_history"})),
    ]
    with pytest.raises(FrozenInstanceError):
        points[0].score = 1
    lenient = Session(database=database, settings=HealthSettings(Thresholds(), grace_days=20))
    custom = lenient.score_history(start=date(2026, 9, 1), end=date(2026, 9, 30))
    assert custom == [HealthPoint(date(2026, 9, 30), 100, frozenset())]


def test_no_rule_ever_raises_a_flag_above_its_declared_worst_on_a_demo_history(ledger, database):
    history = generate_history(today=TODAY, years=3, loans=80, seed=7)
    ledger.add_history(history.loans, limits=history.limits, notes=history.notes, platform_kinds=history.platform_kinds)
    seen = set()
    for point_day in (date(2024, 6, 30), date(2025, 3, 31), date(2025, 12, 31), TODAY):
        for flag in Session(database=database).health(point_day).flags:
            assert flag.severity.rank <= RULES[flag.rule].worst.rank
            seen.add(flag.rule)
    assert len(seen) >= 7


def test_diagnosis_of_a_platform_and_its_checklist_moving_with_the_ledger(ledger, database):
    with pytest.raises(InvalidValue) as caught:
        Session(database=database).platform_diagnosis("借呗", TODAY)
    assert caught.value.field == "PLATFORM"
    loan_id = ledger.add_loan(draft("借呗", borrowed_on=date(2026, 8, 20), autopay=True)).created_id
    ledger.record_limit("借呗", recorded_on=date(2026, 1, 1), limit_fen=5_000_000)
    assert Session(database=database).platform_diagnosis("借呗", TODAY) is None  # no fall recorded
    ledger.record_limit("借呗", recorded_on=date(2026, 11, 1), limit_fen=2_000_000)
    diagnosis = Session(database=database).platform_diagnosis(" 借呗 ", TODAY)
    assert [flag.rule for flag in diagnosis.causes] == ["overdue"]  # 2026-09-20 went unpaid
    overdue = next(item for item in diagnosis.checklist if item.key == "overdue_amount")
    assert not overdue.done

    for seq, day in ((1, date(2026, 11, 25)), (2, date(2026, 11, 25)), (3, date(2026, 11, 26))):
        _pay(ledger, database, loan_id, seq, day)
    again = Session(database=database).platform_diagnosis("借呗", TODAY)
    overdue = next(item for item in again.checklist if item.key == "overdue_amount")
    assert overdue.done and overdue.progress_text() == "Overdue amount: ¥0.00"
    assert [flag.rule for flag in again.causes] == ["overdue"]  # the cause stays what it was before the cut


def test_setting_aside_long_settled_loans_changes_no_flag(ledger, database):
    """check_health drops loans settled before the rules' furthest lookback; every month of a demo history gives
    the same flags and score as the full history does."""
    from jiebei_tracker.domain.health import check_health, month_ends, score_history

    demo = generate_history(today=TODAY, years=4, loans=120, seed=11)
    ledger.add_history(demo.loans, limits=demo.limits, notes=demo.notes, platform_kinds=demo.platform_kinds)
    history = load_book(database)
    start = date(2023, 1, 1)
    full = score_history(history, start=start, end=TODAY, thresholds=Thresholds())
    cut = [check_health(history, day, thresholds=Thresholds()) for day in month_ends(start, TODAY)]
    assert [(c.as_of, c.score, c.flags) for c in cut] == [(c.as_of, c.score, c.flags) for c in full]
    assert len(history.without_loans_closed_before(TODAY - timedelta(days=Thresholds().lookback_days)).loans) < 120


def test_the_charts_score_history_skips_the_evidence_but_not_a_point(ledger, database):
    """The score history scores month ends with the rules' severity checks; on a demo history every point is the
    full health check's score and rules, with grace days and tighter thresholds too."""
    from jiebei_tracker.domain.health import score_history

    demo = generate_history(today=TODAY, years=4, loans=150, seed=5)
    ledger.add_history(demo.loans, limits=demo.limits, notes=demo.notes, platform_kinds=demo.platform_kinds)
    history = load_book(database)
    start = TODAY - timedelta(days=4 * 365)
    for settings in (HealthSettings(), HealthSettings(Thresholds(platform_count=4, event_memory_days=30), 2)):
        points = Session(database=database, settings=settings).score_history(start=start, end=TODAY)
        full = score_history(
            history, start=start, end=TODAY, thresholds=settings.thresholds, grace_days=settings.grace_days
        )
        assert [(p.as_of, p.score, p.flag_ids) for p in points] == [(c.as_of, c.score, c.rule_ids) for c in full]
        assert len({p.score for p in points}) > 5
