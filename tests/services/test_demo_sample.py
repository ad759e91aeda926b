"""The sample borrower (services.demo.sample_history): a believable history — four platforms, mostly on time with
two late months, never owing a platform more than its limit, one limit cut the rules can explain, a score in the
watch band — whatever day it is written on."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from jiebei_tracker.domain.health import HealthBand
from jiebei_tracker.domain.limits import LimitCut, limit_cuts
from jiebei_tracker.domain.rules import Severity
from jiebei_tracker.services.demo import sample_history
from jiebei_tracker.services.ledger import Ledger
from jiebei_tracker.services.session import Session
from jiebei_tracker.storage.book import load_book
from jiebei_tracker.storage.database import open_database
from tests.conftest import TODAY
from tests.scenarios import draft


def _load_sample(database, today: date):
    history = sample_history(today=today)
    Ledger(database=database, today=lambda: today).add_history(
        history.loans, limits=history.limits, notes=history.notes, platform_kinds=history.platform_kinds
    )
    return load_book(database)


@pytest.fixture
def sample(database):
    return _load_sample(database, TODAY)


def _flags(check) -> dict[str, Severity]:
    return {flag.rule: flag.severity for flag in check.flags}


def test_the_sample_is_in_the_watch_band_with_three_flags(database, sample):
    check = Session(database=database).health(TODAY)
    # 100 × 0.9 (late_history, medium) × 0.8 (multi_platform, high) × 0.97 (no_autopay, low) = 69.84
    assert (check.score, check.band) == (70, HealthBand.WATCH)
    assert _flags(check) == {
        "late_history": Severity.MEDIUM,
        "multi_platform": Severity.HIGH,
        "no_autopay": Severity.LOW,
    }
    by_rule = {flag.rule: flag for flag in check.flags}
    assert sorted({item.platform for item in by_rule["multi_platform"].evidence.items}) == [
        "京东金条",
        "借呗",
        "招商银行信用卡",
    ]
    assert by_rule["no_autopay"].evidence.loan_ids == (9,)


def test_four_platforms_and_loans_from_last_year_all_repaid(sample):
    assert dict(sample.platform_kinds) == {
        "借呗": "internet",
        "微粒贷": "internet",
        "京东金条": "internet",
        "招商银行信用卡": "credit_card",
    }
    loans = sample.loans
    assert [(loan.platform, loan.borrowed_on, loan.principal_fen) for loan in loans] == [
        ("借呗", date(2025, 3, 5), 800_000),
        ("招商银行信用卡", date(2025, 5, 12), 600_000),
        ("微粒贷", date(2025, 7, 24), 500_000),
        ("京东金条", date(2026, 2, 2), 600_000),
        ("借呗", date(2026, 2, 14), 1_000_000),
        ("微粒贷", date(2026, 2, 22), 400_000),
        ("借呗", date(2026, 8, 20), 1_200_000),
        ("招商银行信用卡", date(2026, 9, 5), 900_000),
        ("京东金条", date(2026, 10, 8), 300_000),
    ]
    assert [loan.loan_id for loan in loans if loan.is_open] == [7, 8, 9]


def test_mostly_on_time_two_late_months_nothing_overdue(sample):
    due = [inst for loan in sample.loans for inst in loan.installments if inst.due_on <= TODAY]
    late = [
        (inst.loan_id, inst.seq, (inst.settled_on - inst.due_on).days) for inst in due if inst.settled_on > inst.due_on
    ]
    assert len(due) == 42  # 36 on the six loans now repaid, 3 + 2 + 1 on the three still running
    assert all(inst.settled_on is not None for inst in due)  # nothing overdue
    assert late == [(3, 2, 6), (6, 1, 5)]
    assert sum(inst.settled_on <= inst.due_on for inst in due) == 40


def _owing_over_limit(history, start: date, end: date) -> list[tuple[date, str, int, int | None]]:
    """Each day and platform on which the principal owed was above the limit recorded then (or none was)."""
    found = []
    day = start
    while day <= end:
        snapshot = history.snapshot(day)
        owed: dict[str, int] = {}
        for loan in snapshot.open_loans:
            owed[loan.platform] = owed.get(loan.platform, 0) + loan.outstanding_principal_fen
        for platform, owed_fen in owed.items():
            limit = snapshot.limit_on(platform, day)
            if limit is None or owed_fen > limit:
                found.append((day, platform, owed_fen, limit))
        day += timedelta(days=1)
    return found


def test_no_platform_is_ever_owed_more_than_its_limit(database, ledger, sample):
    assert _owing_over_limit(sample, date(2025, 1, 1), TODAY) == []
    # The check sees a platform owed too much: one more 借呗 loan would take it past the limit cut to ¥15,000.
    ledger.add_loan(draft("借呗", borrowed_on=date(2026, 11, 1), principal_yuan=6_000))
    over = _owing_over_limit(load_book(database), date(2025, 1, 1), TODAY)
    assert {(day, platform, limit) for day, platform, _, limit in over} == {
        (date(2026, 11, 1) + timedelta(days=n), "借呗", 1_500_000) for n in range(28)
    }


def test_the_one_limit_cut_is_explained_by_the_burst_of_loans_before_it(database, sample):
    assert limit_cuts(sample.limits) == [LimitCut("借呗", date(2026, 4, 18), 3_000_000, 1_500_000)]
    diagnosis = Session(database=database).platform_diagnosis("借呗", TODAY)
    assert not diagnosis.platform_policy
    assert [flag.rule for flag in diagnosis.causes] == [
        "overdue",
        "late_history",
        "borrowing_frequency",
        "multi_platform",
    ]
    assert [flag.rule for flag in diagnosis.reminders] == ["no_autopay"]
    burst = next(flag for flag in diagnosis.causes if flag.rule == "borrowing_frequency")
    assert burst.evidence.loan_ids == (4, 5, 6)
    assert "2026-02-02 至 2026-02-22 之间新借了 3 笔" in burst.evidence.summary.zh_CN


@pytest.mark.parametrize(
    "today",
    [
        date(2027, 3, 1),  # the first of a month after a short February
        date(2028, 2, 29),  # a leap day
        date(2027, 12, 31),
        date(2027, 1, 1),
        date(2027, 7, 15),
        date(2026, 5, 31),
    ],
)
def test_the_same_story_whatever_day_the_sample_is_written(tmp_path, today):
    database = open_database(tmp_path / "sample.db")
    try:
        history = _load_sample(database, today)
        check = Session(database=database).health(today)
        assert (check.score, _flags(check)) == (
            70,
            {"late_history": Severity.MEDIUM, "multi_platform": Severity.HIGH, "no_autopay": Severity.LOW},
        )
        assert len(limit_cuts(history.limits)) == 1
        causes = [flag.rule for flag in Session(database=database).platform_diagnosis("借呗", today).causes]
        assert causes == ["overdue", "late_history", "borrowing_frequency", "multi_platform"]
        assert _owing_over_limit(history, today - timedelta(days=700), today) == []
    finally:
        database.close()
