"""The ten rules (docs/health-rules.md): each fires on its scenario, is quiet just under each threshold."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from jiebei_tracker.domain.book import Snapshot
from jiebei_tracker.domain.rules import RULES, Severity, Thresholds, run_rules
from jiebei_tracker.domain.rules.autopay import AUTOPAY_HOW_TO
from jiebei_tracker.domain.vocabulary import NoteKind, PlatformKind
from tests.domain.records_builder import Records, on_time

AS_OF = date(2026, 11, 28)


def fired(snapshot: Snapshot, rule_id: str, thresholds: Thresholds | None = None):
    """The flag of one rule (None when it does not fire)."""
    flags = run_rules(snapshot, thresholds or Thresholds(), only=[rule_id])
    return flags[0] if flags else None


def days_ago(days: int) -> date:
    return AS_OF - timedelta(days=days)


# -- the registry ------------------------------------------------------------------------------------------


def test_every_rule_of_rules_md_is_registered_in_its_order():
    assert list(RULES) == [
        "overdue",
        "late_history",
        "borrowing_frequency",
        "multi_platform",
        "many_inquiries",
        "risky_purpose",
        "transfer_out",
        "revolving",
        "credit_report_negative",
        "private_lending",
        "no_autopay",
        "costly_credit",
    ]


@pytest.mark.parametrize(
    ("rule_id", "sections"),
    [
        ("overdue", "原因 1 / Cause 1; 原因 4 / Cause 4; 策略 3(1) / Strategy 3(1)"),
        ("late_history", "原因 1 / Cause 1; 原因 4 / Cause 4"),
        ("borrowing_frequency", "原因 1 / Cause 1; 策略 2(2) / Strategy 2(2)"),
        ("multi_platform", "原因 1 / Cause 1; 策略 1(2) / Strategy 1(2)"),
        ("risky_purpose", "原因 2 / Cause 2; 策略 2(1) / Strategy 2(1)"),
        ("transfer_out", "原因 2 / Cause 2; 策略 2(1) / Strategy 2(1)"),
        ("revolving", "策略 2(2) / Strategy 2(2)"),
        ("credit_report_negative", "原因 4 / Cause 4; 策略 3(2) / Strategy 3(2)"),
        ("private_lending", "策略 3(2) / Strategy 3(2)"),
        ("no_autopay", "策略 1(1) / Strategy 1(1)"),
    ],
)
def test_each_rule_cites_the_article_sections_of_rules_md(rule_id, sections):
    assert "; ".join(str(s) for s in RULES[rule_id].article) == sections


def test_no_records_no_flags():
    assert run_rules(Records().snapshot(AS_OF)) == []


# -- overdue -----------------------------------------------------------------------------------------------


def _overdue_scenario() -> tuple[Records, object]:
    records = Records()
    # Due on the 15th from 2026-06-15; five paid on time, the sixth (due 2026-11-15) not.
    loan = records.loan(borrowed_on=date(2026, 5, 15), paid=on_time(5))
    return records, loan


def test_overdue_fires_with_the_installment_amount_and_days():
    records, loan = _overdue_scenario()
    flag = fired(records.snapshot(AS_OF), "overdue")
    assert flag.severity is Severity.CRITICAL
    (item,) = flag.evidence.items
    sixth = loan.installments[5]
    assert (item.loan_id, item.seq, item.installment_id) == (loan.loan_id, 6, sixth.installment_id)
    assert item.date("due_on") == date(2026, 11, 15)
    assert item.amount_fen("unpaid") == sixth.total_fen
    assert item.count("days_overdue") == 13
    assert "13 days overdue" in item.text.en and "已逾期 13 天" in item.text.zh_CN
    assert "¥" in flag.advice.en and flag.advice.zh_CN


def test_overdue_is_quiet_on_the_due_date_and_within_grace():
    records, _ = _overdue_scenario()
    assert fired(records.snapshot(date(2026, 11, 15)), "overdue") is None
    assert fired(records.snapshot(date(2026, 11, 18), grace_days=3), "overdue") is None
    assert fired(records.snapshot(date(2026, 11, 19), grace_days=3), "overdue") is not None


def test_overdue_shows_what_is_left_of_a_partly_paid_installment():
    records = Records()
    loan = records.loan(borrowed_on=date(2026, 9, 15), payments=[(date(2026, 10, 14), 50_000)])
    first = loan.installments[0]
    flag = fired(records.snapshot(AS_OF), "overdue")
    assert flag.evidence.items[0].amount_fen("unpaid") == first.total_fen - 50_000


def test_overdue_is_quiet_when_everything_due_is_paid():
    records = Records()
    records.loan(borrowed_on=date(2026, 5, 15), paid=on_time(6))
    assert fired(records.snapshot(AS_OF), "overdue") is None


# -- late_history ------------------------------------------------------------------------------------------


def test_late_history_high_for_a_recent_late_repayment_with_its_evidence():
    records = Records()
    loan = records.loan(borrowed_on=date(2026, 1, 10), paid=[*on_time(8), (9, 3)])
    flag = fired(records.snapshot(AS_OF), "late_history")
    assert flag.severity is Severity.HIGH
    (item,) = flag.evidence.items
    assert (item.loan_id, item.seq) == (loan.loan_id, 9)
    assert item.date("due_on") == date(2026, 10, 10)
    assert item.date("settled_on") == date(2026, 10, 13)
    assert item.count("days_late") == 3


def test_paid_on_the_due_date_is_not_late_and_grace_days_move_the_line():
    records = Records()
    records.loan(borrowed_on=date(2026, 1, 10), paid=on_time(10))
    assert fired(records.snapshot(AS_OF), "late_history") is None
    two_days = Records()
    two_days.loan(borrowed_on=date(2026, 1, 10), paid=[*on_time(8), (9, 2)])
    assert fired(two_days.snapshot(AS_OF, grace_days=2), "late_history") is None
    assert fired(two_days.snapshot(AS_OF, grace_days=1), "late_history") is not None


@pytest.mark.parametrize(("days_late", "severity"), [(8, Severity.HIGH), (7, Severity.MEDIUM)])
def test_late_history_is_high_up_to_six_months_old_then_medium(days_late, severity):
    records = Records()
    # Installment 5 falls due 2026-05-20; six months before AS_OF is 2026-05-28.
    records.loan(borrowed_on=date(2025, 12, 20), paid=[*on_time(4), (5, days_late)])
    assert fired(records.snapshot(AS_OF), "late_history").severity is severity


@pytest.mark.parametrize(("days_late", "counts"), [(8, True), (7, False)])
def test_late_history_ignores_late_repayments_older_than_24_months(days_late, counts):
    records = Records()
    # Installment 2 falls due 2024-11-20; 24 months before AS_OF is 2024-11-28.
    records.loan(borrowed_on=date(2024, 9, 20), months=2, paid=[(1, 0), (2, days_late)])
    flag = fired(records.snapshot(AS_OF), "late_history")
    assert (flag is not None) == counts
    if counts:
        assert flag.severity is Severity.MEDIUM


def test_a_loan_repaid_late_two_years_ago_no_longer_counts_at_full_weight():
    records = Records()
    # The last installment, due 2024-11-10, was paid 20 days late on 2024-11-30.
    records.loan(borrowed_on=date(2024, 8, 10), months=3, paid=[(1, 0), (2, 0), (3, 20)])
    history = records.history()
    assert fired(history.snapshot(date(2024, 12, 31)), "late_history").severity is Severity.HIGH
    assert fired(history.snapshot(date(2025, 9, 30)), "late_history").severity is Severity.MEDIUM
    assert fired(history.snapshot(date(2026, 12, 1)), "late_history") is None
    # Before it was paid, the same installment was simply overdue: later repayments do not exist yet.
    before = history.snapshot(date(2024, 11, 20))
    assert fired(before, "late_history") is None
    assert fired(before, "overdue").evidence.items[0].seq == 3


# -- borrowing_frequency -----------------------------------------------------------------------------------


def _loans_on(records: Records, *days_before: int, platform: str = "借呗") -> None:
    for days in days_before:
        records.loan(platform, borrowed_on=days_ago(days), principal_yuan=1_000, months=3)


def test_three_loans_within_thirty_days_is_too_often():
    records = Records()
    _loans_on(records, 29, 15, 0)
    flag = fired(records.snapshot(AS_OF), "borrowing_frequency")
    assert flag.severity is Severity.HIGH
    assert [item.date("borrowed_on") for item in flag.evidence.items] == [days_ago(29), days_ago(15), AS_OF]
    assert {item.kind for item in flag.evidence.items} == {"loan"}


def test_three_loans_spread_over_thirty_one_days_or_two_in_thirty_are_not():
    spread = Records()
    _loans_on(spread, 30, 15, 0)
    assert fired(spread.snapshot(AS_OF), "borrowing_frequency") is None
    two = Records()
    _loans_on(two, 10, 0)
    assert fired(two.snapshot(AS_OF), "borrowing_frequency") is None


def test_six_loans_in_ninety_days_is_too_often_five_is_not():
    six = Records()
    _loans_on(six, 80, 64, 48, 32, 16, 0)
    flag = fired(six.snapshot(AS_OF), "borrowing_frequency")
    assert len(flag.evidence.items) == 6
    five = Records()
    _loans_on(five, 64, 48, 32, 16, 0)
    assert fired(five.snapshot(AS_OF), "borrowing_frequency") is None


def test_a_burst_stays_in_force_for_ninety_days_then_lapses():
    records = Records()
    _loans_on(records, 89, 80, 70)
    assert fired(records.snapshot(AS_OF), "borrowing_frequency") is not None
    assert fired(records.snapshot(AS_OF + timedelta(days=1)), "borrowing_frequency") is None


def test_borrowing_frequency_thresholds_are_settings():
    records = Records()
    _loans_on(records, 20, 0)
    assert fired(records.snapshot(AS_OF), "borrowing_frequency", Thresholds(frequency_short_count=2)) is not None


# -- multi_platform ----------------------------------------------------------------------------------------


def test_balances_on_three_platforms_fire_and_name_the_ones_to_wind_down():
    records = Records()
    for platform, yuan in (("借呗", 12_000), ("微粒贷", 5_000), ("京东金条", 3_000)):
        records.loan(platform, borrowed_on=date(2026, 10, 1), principal_yuan=yuan)
    flag = fired(records.snapshot(AS_OF), "multi_platform")
    assert flag.severity is Severity.HIGH
    platforms = [item.platform for item in flag.evidence.items]
    assert platforms == ["借呗", "微粒贷", "京东金条"]  # largest balance first
    assert flag.evidence.items[0].amount_fen("outstanding") > 0
    assert "pay off 京东金条, 微粒贷 first" in flag.advice.en
    assert "先还清京东金条、微粒贷的余额" in flag.advice.zh_CN


def test_at_the_same_rate_the_platform_to_keep_is_the_cheaper_kind_of_lender_not_the_largest_balance():
    records = Records()
    records.loan("中信银行信用卡", borrowed_on=date(2026, 10, 1), principal_yuan=30_000, kind="credit_card")
    records.loan("招商银行", borrowed_on=date(2026, 10, 1), principal_yuan=8_000, kind="bank")
    records.loan("借呗", borrowed_on=date(2026, 10, 1), principal_yuan=5_000, kind="internet")
    advice = fired(records.snapshot(AS_OF), "multi_platform").advice
    assert "比如真实年化利率最低的招商银行" in advice.zh_CN and "先还清借呗、中信银行信用卡的余额" in advice.zh_CN
    assert "(e.g. 招商银行, the cheapest by true APR" in advice.en


def test_the_platform_to_keep_is_the_one_whose_loans_cost_least():
    """An 18 % loan at one bank and a 3.98 % loan at another: keep the cheap one, whatever the kinds or balances."""
    records = Records()
    records.loan("平安银行", borrowed_on=date(2026, 10, 1), principal_yuan=30_000, kind="bank", annual="0.18")
    records.loan("建设银行", borrowed_on=date(2026, 10, 1), principal_yuan=8_000, kind="bank", annual="0.0398")
    records.loan("招商银行信用卡", borrowed_on=date(2026, 10, 1), principal_yuan=5_000, kind="credit_card")
    advice = fired(records.snapshot(AS_OF), "multi_platform").advice
    assert "比如真实年化利率最低的建设银行，约 3.98%" in advice.zh_CN
    assert "先还清招商银行信用卡、平安银行的余额" in advice.zh_CN  # smallest balance first
    assert "(e.g. 建设银行, the cheapest by true APR, about 3.98%)" in advice.en


def test_two_platforms_or_a_third_already_repaid_do_not_fire():
    records = Records()
    records.loan("借呗", borrowed_on=date(2026, 10, 1))
    records.loan("微粒贷", borrowed_on=date(2026, 10, 1))
    assert fired(records.snapshot(AS_OF), "multi_platform") is None
    records.loan("京东金条", borrowed_on=date(2026, 9, 1), months=1, method="bullet", paid=[(1, 0)])
    assert fired(records.snapshot(AS_OF), "multi_platform") is None
    assert fired(records.snapshot(date(2026, 9, 30)), "multi_platform") is None  # the two others not borrowed yet
    records.loan("微粒贷", borrowed_on=date(2026, 9, 2))
    assert fired(records.snapshot(date(2026, 9, 30)), "multi_platform") is None  # two platforms
    records.loan("借呗", borrowed_on=date(2026, 9, 3))
    assert fired(records.snapshot(date(2026, 9, 30)), "multi_platform") is not None  # 京东金条 still open then


@pytest.mark.parametrize(
    ("first", "fires"),
    [
        (date(2026, 8, 28), True),  # the same day three months before 28 November: the window's first day
        (date(2026, 8, 27), False),  # the day before: out
    ],
)
def test_three_hard_inquiries_within_three_calendar_months(first, fires):
    records = Records()
    for day in (first, date(2026, 10, 1), AS_OF):
        records.note(day, NoteKind.INQUIRY, f"贷款审批 {day}")
    flag = fired(records.snapshot(AS_OF), "multi_platform")
    assert (flag is not None) == fires
    if fires:
        assert [item.note_id for item in flag.evidence.items] == [1, 2, 3]
        assert {item.kind for item in flag.evidence.items} == {"note"}
        assert "since 2026-08-28" in flag.evidence.summary.en


def test_the_window_of_a_month_end_starts_on_the_shorter_months_last_day():
    # On 31 May the last three months run from 28 February (there is no 31 February).
    records = Records()
    for day in (date(2026, 2, 28), date(2026, 4, 1), date(2026, 5, 31)):
        records.note(day, NoteKind.INQUIRY, "信用卡审批")
    assert fired(records.snapshot(date(2026, 5, 31)), "multi_platform") is not None
    assert fired(records.snapshot(date(2026, 6, 1)), "multi_platform") is None  # from 1 March: two


def test_post_loan_and_own_checks_never_fire_and_the_evidence_says_why_they_were_left_out():
    records = Records()
    for day in range(1, 6):
        records.note(date(2026, 11, day), NoteKind.INQUIRY, "微众银行 贷后管理")
    assert fired(records.snapshot(AS_OF), "multi_platform") is None
    assert fired(records.snapshot(AS_OF), "many_inquiries") is None
    for day in (2, 3):
        records.note(date(2026, 11, day), NoteKind.INQUIRY, "招商银行 贷款审批")
    records.note(date(2026, 11, 4), NoteKind.INQUIRY, "本人查询（互联网个人信用信息服务平台）")
    records.note(date(2026, 11, 5), NoteKind.INQUIRY, "某保险公司", reason="insurance_check")
    records.note(date(2026, 11, 6), NoteKind.INQUIRY, "某机构")  # no reason named: other
    assert fired(records.snapshot(AS_OF), "multi_platform") is None  # two hard ones
    records.note(date(2026, 11, 7), NoteKind.INQUIRY, "京东金条", reason="loan_approval", institution="京东")
    flag = fired(records.snapshot(AS_OF), "multi_platform")
    texts = [item.text.en for item in flag.evidence.items]
    assert texts[:3] == [
        "2026-11-02 招商银行 贷款审批 (loan approval)",
        "2026-11-03 招商银行 贷款审批 (loan approval)",
        "2026-11-07 京东 (loan approval)",
    ]
    left_out = texts[3:]
    assert len(left_out) == 8 and all(" — not counted: " in text for text in left_out)
    assert "post-loan check by a lender you already have" in left_out[0]
    assert any("your own look" in text for text in left_out)
    assert any("an insurer's check" in text for text in left_out)
    assert left_out[-1].endswith("reason not known: set it on the credit report notes page")


@pytest.mark.parametrize(("count", "fires"), [(6, True), (5, False)])
def test_many_inquiries_fires_at_six_hard_inquiries_in_six_months(count, fires):
    records = Records()
    for n in range(count):
        records.note(date(2026, 6, 1 + n), NoteKind.INQUIRY, "信用卡审批")  # 28 May is the window's first day
    records.note(date(2026, 5, 27), NoteKind.INQUIRY, "信用卡审批")  # out of it
    flag = fired(records.snapshot(AS_OF), "many_inquiries")
    assert (flag is not None) == fires
    if fires:
        assert flag.severity is Severity.MEDIUM
        assert len(flag.evidence.items) == 6 and "since 2026-05-28" in flag.evidence.summary.en
        assert fired(records.snapshot(AS_OF), "many_inquiries", Thresholds(many_inquiries_count=7)) is None
        assert fired(records.snapshot(AS_OF), "many_inquiries", Thresholds(many_inquiries_months=7)) is not None


def test_platforms_and_inquiries_read_as_one_sentence_in_each_language():
    records = Records()
    for platform in ("借呗", "微粒贷", "京东金条"):
        records.loan(platform, borrowed_on=date(2026, 10, 1))
    for d in (60, 30, 10):
        records.note(days_ago(d), NoteKind.INQUIRY, f"贷款审批 {d}")
    summary = fired(records.snapshot(AS_OF), "multi_platform").evidence.summary
    assert summary.zh_CN.count("；") == 1 and ";" not in summary.zh_CN and summary.zh_CN.endswith("。")
    assert "; " in summary.en and summary.en.endswith(".")


# -- risky_purpose -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("yuan", "severity"), [(5_000, Severity.HIGH), (4_999, Severity.MEDIUM)])
def test_investment_loan_is_high_from_half_the_limit_at_the_time(yuan, severity):
    records = Records()
    records.limit("借呗", date(2026, 1, 1), 10_000)
    loan = records.loan(borrowed_on=date(2026, 10, 1), principal_yuan=yuan, purpose="investment")
    flag = fired(records.snapshot(AS_OF), "risky_purpose")
    assert flag.severity is severity
    (item,) = flag.evidence.items
    assert item.loan_id == loan.loan_id
    assert item.amount_fen("limit") == 1_000_000
    assert item.amount_fen("principal") == yuan * 100


@pytest.mark.parametrize(("yuan", "severity"), [(20_000, Severity.HIGH), (19_999, Severity.MEDIUM)])
def test_without_a_recorded_limit_twenty_thousand_is_large(yuan, severity):
    records = Records()
    records.limit("借呗", date(2026, 10, 2), 10_000)  # recorded after the loan: not "at the time"
    records.loan(borrowed_on=date(2026, 10, 1), principal_yuan=yuan, purpose="investment")
    flag = fired(records.snapshot(AS_OF), "risky_purpose")
    assert flag.severity is severity
    assert flag.evidence.items[0].amount_fen("limit") is None


def test_other_purposes_and_long_repaid_investments_do_not_fire():
    records = Records()
    records.loan(borrowed_on=date(2026, 10, 1), purpose="daily")
    assert fired(records.snapshot(AS_OF), "risky_purpose") is None
    repaid = Records()
    repaid.loan(borrowed_on=days_ago(90), months=1, method="bullet", purpose="investment", paid=[(1, -5)])
    assert fired(repaid.snapshot(AS_OF), "risky_purpose") is None
    assert fired(repaid.snapshot(AS_OF - timedelta(days=1)), "risky_purpose") is not None


# -- transfer_out ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("days", "fires"), [((89, 0), True), ((90, 0), False), ((0,), False)])
def test_two_transfers_within_ninety_days(days, fires):
    records = Records()
    for d in days:
        records.loan(borrowed_on=days_ago(d), principal_yuan=3_000, purpose="transfer")
    flag = fired(records.snapshot(AS_OF), "transfer_out")
    assert (flag is not None) == fires
    if fires:
        assert flag.severity is Severity.MEDIUM
        assert [item.date("borrowed_on") for item in flag.evidence.items] == [days_ago(89), AS_OF]


# -- revolving ---------------------------------------------------------------------------------------------


def _due_soon(new_loan_on: date, *, paid_fifth_early: bool = False) -> Records:
    records = Records()
    # Loan 1's fifth installment falls due 2026-11-10.
    records.loan(borrowed_on=date(2026, 6, 10), paid=[*on_time(4)] + ([(5, -9)] if paid_fifth_early else []))
    records.loan("微粒贷", borrowed_on=new_loan_on, principal_yuan=3_000)
    return records


def test_a_loan_taken_seven_days_before_another_due_date_is_revolving():
    flag = fired(_due_soon(date(2026, 11, 3)).snapshot(AS_OF), "revolving")
    assert flag.severity is Severity.HIGH
    new, due = flag.evidence.items
    assert (new.kind, new.loan_id, new.date("other_due_on")) == ("loan", 2, date(2026, 11, 10))
    assert (due.kind, due.loan_id, due.seq, due.date("due_on")) == ("installment", 1, 5, date(2026, 11, 10))


def test_an_installment_several_new_loans_were_taken_before_is_listed_once():
    records = _due_soon(date(2026, 11, 3))
    records.loan("京东金条", borrowed_on=date(2026, 11, 5), principal_yuan=2_000)
    flag = fired(records.snapshot(AS_OF), "revolving")
    dues = [(item.loan_id, item.seq) for item in flag.evidence.items if item.kind == "installment"]
    loans = [item.loan_id for item in flag.evidence.items if item.kind == "loan"]
    assert loans == [2, 3] and dues == [(1, 5)]


def test_eight_days_before_after_the_due_date_or_after_paying_it_is_not():
    assert fired(_due_soon(date(2026, 11, 2)).snapshot(AS_OF), "revolving") is None
    assert fired(_due_soon(date(2026, 11, 11)).snapshot(AS_OF), "revolving") is None
    assert fired(_due_soon(date(2026, 11, 3), paid_fifth_early=True).snapshot(AS_OF), "revolving") is None


def test_a_loan_taken_to_repay_another_is_revolving():
    records = Records()
    records.loan(borrowed_on=date(2026, 3, 1), purpose="repay_other_loan")
    flag = fired(records.snapshot(AS_OF), "revolving")
    assert flag.evidence.items[0].loan_id == 1
    assert "repay another loan" in flag.evidence.items[0].text.en


def test_revolving_near_a_due_date_lapses_after_ninety_days():
    records = _due_soon(date(2026, 11, 3))
    assert fired(records.snapshot(date(2026, 11, 3) + timedelta(days=89)), "revolving") is not None
    assert fired(records.snapshot(date(2026, 11, 3) + timedelta(days=90)), "revolving") is None


# -- credit_report_negative --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kinds", "severity"),
    [
        (("overdue_record",), Severity.HIGH),
        (("bad_debt",), Severity.HIGH),
        (("guarantee",), Severity.MEDIUM),
        (("guarantee", "bad_debt"), Severity.HIGH),
    ],
)
def test_unresolved_negative_notes(kinds, severity):
    records = Records()
    for kind in kinds:
        records.note(date(2026, 3, 1), kind, f"记录 {kind}")
    flag = fired(records.snapshot(AS_OF), "credit_report_negative")
    assert flag.severity is severity
    assert [item.note_id for item in flag.evidence.items] == list(range(1, len(kinds) + 1))
    assert all(item.date("noted_on") == date(2026, 3, 1) for item in flag.evidence.items)


def test_a_resolved_record_weighs_less_until_it_drops_off_five_years_later_and_resolution_is_as_of():
    records = Records()
    records.note(date(2026, 3, 1), "overdue_record", resolved_on=date(2026, 6, 1))
    records.note(date(2026, 3, 1), "inquiry")
    records.note(date(2026, 3, 1), "other")
    unresolved = fired(records.snapshot(date(2026, 5, 31)), "credit_report_negative")
    assert unresolved.evidence.note_ids == (1,) and unresolved.severity is Severity.HIGH
    assert "leaves the report 5 years after you settle it" in unresolved.evidence.items[0].text.en
    resolved = fired(records.snapshot(AS_OF), "credit_report_negative")
    assert resolved.severity is Severity.MEDIUM
    assert "resolved 2026-06-01; leaves the report on 2031-06-01" in resolved.evidence.items[0].text.en
    assert fired(records.snapshot(date(2031, 5, 31)), "credit_report_negative") is not None
    assert fired(records.snapshot(date(2031, 6, 1)), "credit_report_negative") is None  # off the report
    assert fired(records.snapshot(date(2026, 2, 28)), "credit_report_negative") is None  # not noted yet


# -- private_lending ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "fires"),
    [(PlatformKind.PRIVATE, True), (PlatformKind.MICROFINANCE, True), (PlatformKind.CONSUMER_FINANCE, False)],
)
def test_private_lenders_and_small_loan_companies(kind, fires):
    records = Records()
    records.loan("某贷款方", borrowed_on=date(2026, 8, 1), kind=kind)
    flag = fired(records.snapshot(AS_OF), "private_lending")
    assert (flag is not None) == fires
    if fires:
        assert flag.severity is Severity.MEDIUM
        assert flag.evidence.items[0].platform == "某贷款方"


def test_a_private_loan_repaid_long_ago_no_longer_counts():
    records = Records()
    records.loan("张三", borrowed_on=days_ago(120), months=1, method="bullet", kind="private", paid=[(1, 0)])
    assert fired(records.snapshot(AS_OF), "private_lending") is None
    assert fired(records.snapshot(days_ago(40)), "private_lending") is not None


# -- no_autopay --------------------------------------------------------------------------------------------


def test_an_active_loan_without_autopay_is_a_reminder_with_how_to():
    records = Records()
    loan = records.loan("招商银行", borrowed_on=date(2026, 10, 5), autopay=False, kind="bank", paid=on_time(1))
    records.loan("借呗", borrowed_on=date(2026, 10, 5), autopay=True)
    flag = fired(records.snapshot(AS_OF), "no_autopay")
    assert flag.severity is Severity.LOW
    (item,) = flag.evidence.items
    assert item.loan_id == loan.loan_id
    assert item.date("next_due_on") == date(2026, 12, 5)
    assert AUTOPAY_HOW_TO[PlatformKind.BANK].en in flag.advice.en
    assert AUTOPAY_HOW_TO[PlatformKind.BANK].zh_CN in flag.advice.zh_CN


def test_autopay_advice_points_to_each_platforms_own_app():
    records = Records()
    for platform in ("微粒贷", "借呗", "京东金条", "招商银行"):
        kind = "bank" if platform == "招商银行" else "internet"
        records.loan(platform, borrowed_on=date(2026, 10, 5), autopay=False, kind=kind, paid=on_time(1))
    advice = fired(records.snapshot(AS_OF), "no_autopay").advice
    zh = advice.zh_CN
    assert "微粒贷：微粒贷在微信（或 QQ）钱包里" in zh and "借呗：在支付宝" in zh and "京东金条：在京东金融 App" in zh
    assert "招商银行：" + AUTOPAY_HOW_TO[PlatformKind.BANK].zh_CN in zh
    assert zh.count("支付宝") == 1  # 微粒贷 and 京东金条 are not sent to Alipay
    assert "WeChat" in advice.en and "JD Finance" in advice.en


def test_settled_loans_need_no_autopay():
    records = Records()
    records.loan(borrowed_on=date(2026, 9, 1), months=1, method="bullet", autopay=False, paid=[(1, 0)])
    assert fired(records.snapshot(AS_OF), "no_autopay") is None


# -- every flag --------------------------------------------------------------------------------------------


def test_every_flag_says_what_it_saw_and_what_to_do_in_both_languages():
    records = Records()
    records.loan(borrowed_on=date(2026, 5, 15), paid=on_time(4), autopay=False, purpose="investment")
    records.loan("微粒贷", borrowed_on=date(2026, 11, 10), purpose="transfer")
    records.loan("小贷", borrowed_on=date(2026, 11, 12), purpose="transfer", kind="microfinance")
    records.note(date(2026, 5, 1), "guarantee")
    flags = run_rules(records.snapshot(AS_OF))
    assert len(flags) >= 6
    for flag in flags:
        assert flag.severity.rank <= RULES[flag.rule].worst.rank
        assert flag.as_of == AS_OF
        assert flag.evidence.items
        for text in (flag.title, flag.evidence.summary, flag.advice, *(i.text for i in flag.evidence.items)):
            assert text.zh_CN.strip() and text.en.strip()
            assert any("\u4e00" <= ch <= "\u9fff" for ch in text.zh_CN)


def test_evidence_items_own_init_takes_the_fields_with_their_defaults():
    """EvidenceItem sets its fields in one go in its own __init__: it must take exactly the dataclass's fields,
    in order, with the same defaults, and give an item equal field by field."""
    import dataclasses
    import inspect

    from jiebei_tracker.domain.rules.flags import EvidenceItem, Text

    parameters = list(inspect.signature(EvidenceItem).parameters.values())
    fields = dataclasses.fields(EvidenceItem)
    assert [p.name for p in parameters] == [f.name for f in fields]
    assert [p.default for p in parameters] == [
        inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default for f in fields
    ]
    text = Text("甲", "a")
    item = EvidenceItem("loan", text, 3, platform="借呗", dates=(("borrowed_on", date(2026, 1, 2)),))
    values = {f.name: getattr(item, f.name) for f in fields}
    assert values == {
        "kind": "loan",
        "text": text,
        "loan_id": 3,
        "installment_id": None,
        "seq": None,
        "note_id": None,
        "platform": "借呗",
        "dates": (("borrowed_on", date(2026, 1, 2)),),
        "amounts_fen": (),
        "counts": (),
    }
    assert item == dataclasses.replace(item) and hash(item) == hash(dataclasses.replace(item))
    with pytest.raises(dataclasses.FrozenInstanceError):
        item.loan_id = 4


def test_the_recovery_checklist_counts_the_days_until_each_resolved_record_drops_off():
    from jiebei_tracker.domain.recovery import checklist

    records = Records()
    records.note(date(2022, 1, 10), "overdue_record", "信用卡逾期", resolved_on=date(2022, 3, 1))
    records.note(date(2026, 9, 1), "bad_debt", "某网贷")
    snapshot = records.snapshot(AS_OF)
    flag = fired(snapshot, "credit_report_negative")
    items = {item.key: item for item in checklist(snapshot, Thresholds(), [flag])}
    assert items["unresolved_negative_notes"].current == 1
    drop = items["drops_off_1"]
    assert (drop.current, drop.target, drop.unit) == ((date(2027, 3, 1) - AS_OF).days, 0, "days")
    assert "leaves the report on 2027-03-01" in drop.label.en and "2027-03-01 移出征信" in drop.label.zh_CN
