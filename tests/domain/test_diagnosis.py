"""Limit-cut diagnosis: the flags in force before a cut, most serious first, or the platform's own policy (原因 3);
and the recovery checklist that moves as the user acts."""

from __future__ import annotations

from datetime import date, timedelta

from jiebei_tracker.domain.diagnosis import STRATEGY_4_ADVICE, diagnose
from jiebei_tracker.domain.limits import LimitCut, LimitRecord, limit_cuts
from jiebei_tracker.domain.recovery import Goal
from jiebei_tracker.domain.rules import Thresholds
from tests.domain.records_builder import Records, on_time

CUT_ON = date(2026, 7, 1)
TODAY = date(2026, 11, 28)


def _cut(records: Records) -> LimitCut:
    records.limit("借呗", date(2026, 1, 1), 50_000)
    records.limit("借呗", CUT_ON, 20_000)
    (cut,) = limit_cuts(records.limits, "借呗")
    return cut


def test_limit_cuts_are_falls_from_the_previous_record_of_the_same_platform():
    limits = [
        LimitRecord("借呗", date(2026, 1, 1), 5_000_000, 1),
        LimitRecord("微粒贷", date(2026, 1, 2), 1_000_000, 2),
        LimitRecord("借呗", date(2026, 2, 1), 6_000_000, 3),
        LimitRecord("借呗", date(2026, 3, 1), 4_000_000, 4),
        LimitRecord("借呗", date(2026, 4, 1), 4_000_000, 5),
        LimitRecord("微粒贷", date(2026, 4, 2), 500_000, 6),
        LimitRecord("借呗", date(2026, 5, 1), 3_000_000, 7),
    ]
    assert limit_cuts(limits, "借呗") == [
        LimitCut("借呗", date(2026, 3, 1), 6_000_000, 4_000_000),
        LimitCut("借呗", date(2026, 5, 1), 4_000_000, 3_000_000),
    ]
    assert [c.platform for c in limit_cuts(limits)] == ["借呗", "微粒贷", "借呗"]
    assert limit_cuts(limits, "京东金条") == []


def test_behaviour_before_the_cut_is_its_likely_cause_most_serious_first():
    records = Records()
    # Installment 4 fell due 2026-05-10 and was paid 20 days late: overdue for a while, then a late repayment.
    records.loan(borrowed_on=date(2026, 1, 10), paid=[*on_time(3), (4, 20), *on_time(10)[4:]])
    cut = _cut(records)
    result = diagnose(records.history(), cut, as_of=TODAY, thresholds=Thresholds())
    assert not result.platform_policy
    assert [flag.rule for flag in result.causes] == ["overdue", "late_history"]
    overdue = result.causes[0]
    assert overdue.evidence.items[0].seq == 4
    assert overdue.as_of <= CUT_ON - timedelta(days=1)
    assert "“Repayments are overdue”" in result.explanation.en
    assert "¥50,000.00 to ¥20,000.00" in result.explanation.en
    assert [str(s) for s in result.article][:2] == ["原因 1 / Cause 1", "原因 4 / Cause 4"]
    keys = [item.key for item in result.checklist]
    assert keys == ["overdue_amount", "on_time_streak", "limit"]


def test_no_behaviour_before_the_cut_points_to_the_platforms_own_policy():
    records = Records()
    records.loan(borrowed_on=date(2026, 1, 10), paid=on_time(10))
    result = diagnose(records.history(), _cut(records), as_of=TODAY, thresholds=Thresholds())
    assert result.platform_policy
    assert result.causes == ()
    assert [str(s) for s in result.article] == ["原因 3 / Cause 3", "策略 4 / Strategy 4"]
    assert result.advice == STRATEGY_4_ADVICE
    assert "Cause 3" in result.explanation.en and "原因 3" in result.explanation.zh_CN
    assert [item.key for item in result.checklist] == ["days_without_new_loan", "limit"]


def test_behaviour_that_lapsed_before_the_window_and_reminders_are_not_causes():
    records = Records()
    # A burst of three loans 300 days before the cut, all repaid on time: in force for 90 days only.
    for days in (300, 295, 290):
        records.loan("微粒贷", borrowed_on=CUT_ON - timedelta(days=days), months=1, method="bullet", paid=[(1, 0)])
    records.loan(borrowed_on=date(2026, 3, 10), autopay=False, paid=on_time(8))
    result = diagnose(records.history(), _cut(records), as_of=TODAY, thresholds=Thresholds())
    assert result.platform_policy
    assert [flag.rule for flag in result.reminders] == ["no_autopay"]
    assert "loans_on_autopay" in [item.key for item in result.checklist]
    longer = diagnose(records.history(), _cut(records), as_of=TODAY, thresholds=Thresholds(frequency_long_days=366))
    assert [flag.rule for flag in longer.causes] == ["borrowing_frequency"]


def test_behaviour_on_the_day_of_the_cut_is_not_before_it():
    records = Records()
    records.loan(borrowed_on=CUT_ON, purpose="investment")
    assert diagnose(records.history(), _cut(records), as_of=TODAY, thresholds=Thresholds()).platform_policy


def _busy_borrower() -> Records:
    records = Records()
    # Four platforms with balances, the last loan on 2026-11-12 (none within a week of another's due date);
    # 借呗's installments, due on the 20th from 2026-10-20, are unpaid.
    records.loan("借呗", borrowed_on=date(2026, 9, 20))
    records.loan("微粒贷", borrowed_on=date(2026, 10, 1), principal_yuan=2_000, paid=on_time(1))
    records.loan("京东金条", borrowed_on=date(2026, 10, 10), principal_yuan=3_000)
    records.loan("招联消费金融", borrowed_on=date(2026, 11, 12), principal_yuan=1_000)
    records.limit("借呗", date(2026, 1, 1), 50_000)
    records.limit("借呗", date(2026, 11, 20), 10_000)
    return records


def test_the_checklist_has_measurable_targets_and_moves_with_the_records():
    records = _busy_borrower()
    history = records.history()
    (cut,) = limit_cuts(history.limits, "借呗")
    result = diagnose(history, cut, as_of=date(2026, 11, 24), thresholds=Thresholds())
    assert [flag.rule for flag in result.causes] == ["overdue", "borrowing_frequency", "multi_platform"]
    items = {item.key: item for item in result.checklist}
    assert items["days_without_new_loan"].progress_text() == "No new loan for 30 days: 12 of 30"
    assert items["days_without_new_loan"].progress_text("zh_CN") == "30 天不借新款：12/30"
    assert items["platforms_with_balance"].progress_text() == "Platforms with a balance: 4 → 2"
    overdue = items["overdue_amount"]
    assert overdue.goal is Goal.AT_MOST and overdue.current > 0 and not overdue.done
    jiebei, _, jd, _ = records.loans
    owed_at_cut = jiebei.installments[0].total_fen + jd.installments[0].total_fen
    assert overdue.start == owed_at_cut  # 借呗's second installment was not yet overdue on the day of the cut
    assert overdue.current == owed_at_cut + jiebei.installments[1].total_fen
    assert overdue.progress_text() == "Overdue amount: ¥2,338.72 → ¥0.00"
    assert items["limit"].progress_text() == "借呗 limit back to its level before the cut: ¥10,000.00 of ¥50,000.00"

    # Eighteen days on with no new loan, 借呗 brought up to date and 京东金条 paid off:
    later = _busy_borrower()
    later.loans.clear()
    later.repayments.clear()
    later.loan("借呗", borrowed_on=date(2026, 9, 20), paid=[(1, 30), (2, 0)])
    later.loan("微粒贷", borrowed_on=date(2026, 10, 1), principal_yuan=2_000, paid=on_time(2))
    later.loan(
        "京东金条", borrowed_on=date(2026, 10, 10), principal_yuan=3_000, payments=[(date(2026, 12, 1), 400_000, True)]
    )
    later.loan("招联消费金融", borrowed_on=date(2026, 11, 12), principal_yuan=1_000)
    again = diagnose(later.history(), cut, as_of=date(2026, 12, 12), thresholds=Thresholds())
    items = {item.key: item for item in again.checklist}
    assert items["days_without_new_loan"].progress_text() == "No new loan for 30 days: 30 of 30"
    assert items["days_without_new_loan"].done
    assert items["overdue_amount"].progress_text() == "Overdue amount: ¥0.00"
    assert items["overdue_amount"].done and items["overdue_amount"].progress_percent == 100
    assert items["platforms_with_balance"].progress_text() == "Platforms with a balance: 3 → 2"
    assert items["platforms_with_balance"].progress_percent == 50
