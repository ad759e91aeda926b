"""The numbers behind the charts, on small hand-made histories with exact expected values (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

from jiebei_tracker.domain.book import Loan
from jiebei_tracker.domain.limits import LimitCut
from jiebei_tracker.domain.payments import (
    Payment,
    apply_payments,
    on_time_rate,
    outstanding_principal,
    principal_repaid,
)
from jiebei_tracker.domain.schedule import build_schedule
from jiebei_tracker.domain.vocabulary import LoanPurpose, NoteKind, PlatformKind
from jiebei_tracker.services.changes import Changes
from jiebei_tracker.services.health import HealthSettings
from jiebei_tracker.services.series.borrowing import borrowing_series
from jiebei_tracker.services.series.data import ChartData, ChartKind, RangePreset, charts_affected, preset_span
from jiebei_tracker.services.series.health import FlagPeriod, health_series
from jiebei_tracker.services.series.on_time import MonthOnTime
from tests.conftest import TODAY
from tests.scenarios import draft, terms

JAN_15, FEB_1, FEB_20 = date(2026, 1, 15), date(2026, 2, 1), date(2026, 2, 20)


@pytest.fixture
def three_platforms(ledger, database):
    """借呗 ¥12,000 at 12 % (interest 1 % a month), equal principal: interest-only part payment, one installment
    paid on its due date, then paid off early on 03-20. 微粒贷 ¥3,000 interest-free for one month, repaid on
    its due date. 京东金条 ¥5,000 interest-free for three months, never repaid (overdue since 05-20)."""
    jiebei = ledger.add_loan(
        draft("借呗", borrowed_on=JAN_15, principal_yuan=12_000, months=12, method="equal_principal", annual="0.12")
    ).created_id
    ledger.log_repayment(jiebei, paid_on=date(2026, 2, 10), amount_fen=10_000)  # ¥100, all of it interest
    ledger.log_repayment(jiebei, paid_on=date(2026, 2, 15), amount_fen=102_000)  # ¥20 interest + ¥1,000 principal
    ledger.pay_off(jiebei, paid_on=date(2026, 3, 20))
    weilidai = ledger.add_loan(
        draft("微粒贷", borrowed_on=FEB_1, principal_yuan=3_000, months=1, method="bullet", annual="0")
    ).created_id
    ledger.log_repayment(weilidai, paid_on=date(2026, 3, 1), amount_fen=300_000)
    jintiao = ledger.add_loan(
        draft("京东金条", borrowed_on=FEB_20, principal_yuan=5_000, months=3, method="bullet", annual="0")
    ).created_id
    return ChartData(database=database, today=lambda: TODAY), {"借呗": jiebei, "微粒贷": weilidai, "京东金条": jintiao}


# -- balances ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "jiebei", "weilidai", "jintiao"),
    [
        (date(2026, 1, 14), 0, 0, 0),
        (JAN_15, 1_200_000, 0, 0),  # borrowed: up on the day
        (date(2026, 2, 10), 1_200_000, 300_000, 0),  # ¥100 paid, all interest: the balance does not move
        (date(2026, 2, 14), 1_200_000, 300_000, 0),
        (date(2026, 2, 15), 1_100_000, 300_000, 0),  # ¥1,000 principal repaid on the day
        (FEB_20, 1_100_000, 300_000, 500_000),
        (date(2026, 3, 1), 1_100_000, 0, 500_000),
        (date(2026, 3, 19), 1_100_000, 0, 500_000),
        (date(2026, 3, 20), 0, 0, 500_000),  # paid off early
        (TODAY, 0, 0, 500_000),  # never repaid
    ],
)
def test_outstanding_principal_by_platform_on_given_days(three_platforms, day, jiebei, weilidai, jintiao):
    data, _ = three_platforms
    balance = data.balance()
    assert balance.on(day) == {"借呗": jiebei, "微粒贷": weilidai, "京东金条": jintiao}
    assert balance.total_on(day) == jiebei + weilidai + jintiao


def test_balance_series_lists_the_days_it_changed_and_stacks_the_largest_platform_first(three_platforms):
    balance = three_platforms[0].balance()
    assert balance.days == (JAN_15, FEB_1, date(2026, 2, 15), FEB_20, date(2026, 3, 1), date(2026, 3, 20))
    assert balance.platforms == ("借呗", "京东金条", "微粒贷")
    assert balance.totals() == [1_200_000, 1_500_000, 1_400_000, 1_900_000, 1_600_000, 500_000]


def test_platforms_with_a_balance_and_the_days_at_the_threshold(three_platforms):
    platforms = three_platforms[0].platforms()
    assert platforms.counts == (1, 2, 2, 3, 2, 1)
    assert platforms.count_on(date(2026, 1, 31)) == 1
    assert platforms.on(date(2026, 2, 25)) == ("借呗", "京东金条", "微粒贷")
    assert platforms.on(date(2026, 3, 25)) == ("京东金条",)
    assert platforms.count_on(date(2026, 1, 1)) == 0
    assert platforms.threshold == 3


# -- borrowing frequency ----------------------------------------------------------------------------------


def test_new_loans_and_amount_borrowed_per_month_include_months_without_loans(three_platforms):
    borrowing = three_platforms[0].borrowing()
    assert [(m.month, m.new_loans, m.borrowed_fen) for m in borrowing.months[:3]] == [
        (date(2026, 1, 1), 1, 1_200_000),
        (date(2026, 2, 1), 2, 800_000),
        (date(2026, 3, 1), 0, 0),
    ]
    assert len(borrowing.months) == 11  # January to November 2026
    assert borrowing.rolling_on(FEB_20) == 2  # 02-01 and 02-20; 01-15 is 36 days before
    assert borrowing.rolling_on(date(2026, 2, 13)) == 2  # the window 01-15 … 02-13 is exactly 30 days
    assert borrowing.rolling_on(date(2026, 2, 14)) == 1
    assert borrowing.days_at_threshold() == []


def _loan(loan_id: int, borrowed_on: date, principal_yuan: int = 1_000, platform: str = "借呗") -> Loan:
    return Loan(
        loan_id, platform, PlatformKind.INTERNET, LoanPurpose.DAILY, True, principal_yuan * 100, borrowed_on, ()
    )


def test_rolling_30_day_count_reaches_the_threshold_only_while_three_loans_are_inside_the_window():
    loans = [
        _loan(1, date(2026, 1, 5)),
        _loan(2, date(2026, 1, 20)),
        _loan(3, date(2026, 2, 3)),
        _loan(4, date(2026, 4, 10)),
    ]
    series = borrowing_series(loans, as_of=date(2026, 4, 30))
    assert series.first_day == date(2026, 1, 5)
    assert len(series.rolling_counts) == 116  # 2026-01-05 … 2026-04-30
    assert series.rolling_on(date(2026, 2, 3)) == 3  # 01-05 is the 30th day back
    assert series.rolling_on(date(2026, 2, 4)) == 2
    assert series.days_at_threshold() == [date(2026, 2, 3)]
    assert [m.new_loans for m in series.months] == [2, 1, 0, 1]
    assert borrowing_series([], as_of=TODAY).is_empty


@settings(max_examples=80, deadline=None)
@given(
    loans=st.lists(st.tuples(st.integers(0, 900), st.integers(1, 500)), max_size=30),
    as_of_day=st.integers(0, 1000),
    window_days=st.integers(1, 120),
)
def test_borrowing_series_counts_what_a_day_by_day_scan_counts(loans, as_of_day, window_days):
    """Month totals and the rolling window (worked out in numpy) against a plain scan of the loans."""
    start = date(2023, 11, 20)
    records = [_loan(n, start + timedelta(days=day), yuan) for n, (day, yuan) in enumerate(loans, 1)]
    as_of = start + timedelta(days=as_of_day)
    series = borrowing_series(records, as_of=as_of, window_days=window_days)
    taken = [loan for loan in records if loan.borrowed_on <= as_of]
    if not taken:
        assert series.is_empty
        return
    first = min(loan.borrowed_on for loan in taken)
    assert series.first_day == first
    for month in series.months:
        inside = [loan for loan in taken if loan.borrowed_on.replace(day=1) == month.month]
        assert (month.new_loans, month.borrowed_fen) == (len(inside), sum(loan.principal_fen for loan in inside))
    assert sum(m.new_loans for m in series.months) == len(taken)
    assert series.months[0].month == first.replace(day=1) and series.months[-1].month == as_of.replace(day=1)
    expected = [
        sum(1 for loan in taken if 0 <= (first + timedelta(days=i) - loan.borrowed_on).days < window_days)
        for i in range((as_of - first).days + 1)
    ]
    assert list(series.rolling_counts) == expected
    assert all(type(count) is int for count in series.rolling_counts[:3])


# -- on-time rate -----------------------------------------------------------------------------------------


def test_on_time_rate_by_month_with_late_and_overdue_months_marked(three_platforms):
    series = three_platforms[0].on_time()
    by_month = {m.month: (m.on_time, m.late, m.overdue) for m in series.months}
    assert by_month[date(2026, 2, 1)] == (1, 0, 0)  # 借呗 #1 paid on its due date
    assert by_month[date(2026, 3, 1)] == (1, 1, 0)  # 微粒贷 on time; 借呗 #2 due 03-15, settled by the payoff 03-20
    assert by_month[date(2026, 4, 1)] == (1, 0, 0)  # settled early by the payoff
    assert by_month[date(2026, 5, 1)] == (1, 0, 1)  # 京东金条 due 05-20, unpaid
    assert by_month[date(2026, 11, 1)] == (1, 0, 0)
    assert series.months[0].month == date(2026, 2, 1) and series.months[-1].month == date(2026, 11, 1)
    assert [m.month for m in series.marked_months] == [date(2026, 3, 1), date(2026, 5, 1)]


def test_rolling_on_time_rates_match_the_domain_definition(three_platforms, database):
    data, _ = three_platforms
    series = data.on_time()
    may = series.index_of(date(2026, 5, 31))
    assert (series.rolling[3][may].on_time, series.rolling[3][may].counted) == (3, 5)  # March to May
    assert (series.rolling[6][may].on_time, series.rolling[6][may].counted) == (4, 6)  # from February
    assert series.months[may].rate.counted == 2
    states = [inst for loan in data.book().loans for inst in loan.installments]
    for window in (3, 6, 12):
        for index, month in enumerate(series.months):
            start = month.month - relativedelta(months=window - 1)
            end = min(month.month + relativedelta(day=31), TODAY)
            expected = on_time_rate(states, start=start, end=end, as_of=TODAY)
            assert series.rolling[window][index] == expected, (window, month.month)


def test_grace_days_turn_a_slightly_late_payment_into_an_on_time_one(ledger, database):
    loan_id = ledger.add_loan(draft(borrowed_on=JAN_15, principal_yuan=1_000, months=1, method="bullet", annual="0"))
    ledger.log_repayment(loan_id.created_id, paid_on=date(2026, 2, 17), amount_fen=100_000)  # due 02-15
    strict = ChartData(database=database, today=lambda: TODAY).on_time()
    lenient = ChartData(database=database, today=lambda: TODAY, settings=HealthSettings(grace_days=3)).on_time()
    assert (strict.months[0].on_time, strict.months[0].late) == (0, 1)
    assert (lenient.months[0].on_time, lenient.months[0].late) == (1, 0)


# -- credit limits ----------------------------------------------------------------------------------------


def test_limit_steps_use_and_cuts_per_platform(three_platforms, ledger):
    data, _ = three_platforms
    ledger.record_limit("借呗", recorded_on=date(2025, 1, 1), limit_fen=5_000_000)
    ledger.record_limit("借呗", recorded_on=date(2025, 6, 1), limit_fen=6_000_000)
    ledger.record_limit("借呗", recorded_on=date(2026, 3, 1), limit_fen=3_000_000)
    ledger.record_limit("微粒贷", recorded_on=date(2026, 1, 1), limit_fen=2_000_000)
    ledger.record_limit("微粒贷", recorded_on=date(2026, 6, 1), limit_fen=2_500_000)
    limits = data.limits()
    assert limits.cuts == [LimitCut("借呗", date(2026, 3, 1), 6_000_000, 3_000_000)]
    assert limits.default_platform == "借呗"
    jiebei = limits.platform("借呗")
    assert jiebei.limit_on(date(2024, 12, 31)) is None
    assert jiebei.limit_on(date(2025, 5, 31)) == 5_000_000
    assert jiebei.limit_on(date(2026, 3, 1)) == 3_000_000
    assert jiebei.use_on(date(2026, 2, 15)) == 1_100_000
    assert jiebei.use_on(date(2026, 3, 20)) == 0
    assert jiebei.use_on(date(2026, 1, 14)) == 0
    # Only the days 借呗's own balance moved, not every day some platform's did.
    assert [date.fromordinal(day) for day in jiebei.use_ordinals.tolist()] == [
        JAN_15,
        date(2026, 2, 15),
        date(2026, 3, 20),
    ]
    assert jiebei.use_fen.tolist() == [1_200_000, 1_100_000, 0]
    assert jiebei.first_day == date(2025, 1, 1)
    jintiao = limits.platform("京东金条")
    assert jintiao.limits_fen == ()  # a loan but no limit recorded
    assert jintiao.use_on(TODAY) == 500_000
    assert jintiao.use_fen.tolist() == [0, 500_000]  # from the first day of any loan, at 0 until its own
    assert jintiao.first_day == JAN_15
    assert [p.platform for p in limits.platforms] == ["京东金条", "借呗", "微粒贷"]


# -- health ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Point:
    as_of: date
    score: int
    flag_ids: frozenset[str]


def test_health_series_marks_when_each_flag_started_and_ended():
    points = [
        _Point(date(2026, 1, 31), 90, frozenset()),
        _Point(date(2026, 2, 28), 70, frozenset({"borrowing_frequency"})),
        _Point(date(2026, 3, 31), 55, frozenset({"borrowing_frequency", "overdue"})),
        _Point(date(2026, 4, 30), 75, frozenset({"overdue"})),
        _Point(date(2026, 5, 31), 92, frozenset()),
        _Point(date(2026, 6, 30), 80, frozenset({"overdue"})),
    ]
    series = health_series(reversed(points), as_of=date(2026, 6, 30))
    assert series.scores == (90, 70, 55, 75, 92, 80)
    assert series.flag_periods == (
        FlagPeriod("borrowing_frequency", date(2026, 2, 28), date(2026, 4, 30)),
        FlagPeriod("overdue", date(2026, 3, 31), date(2026, 5, 31)),
        FlagPeriod("overdue", date(2026, 6, 30), None),
    )
    assert series.flags_seen == ("borrowing_frequency", "overdue")
    assert series.index_on(date(2026, 3, 5)) == 1


def test_the_health_history_comes_from_the_health_service_one_point_per_month_end(three_platforms):
    data, _ = three_platforms
    series = data.health()
    assert series.days[0] == date(2026, 1, 31) and series.days[-1] == TODAY
    assert len(series.days) == 11
    assert all(0 <= score <= 100 for score in series.scores)
    overdue = [p for p in series.flag_periods if p.flag_id == "overdue"]
    assert overdue == [FlagPeriod("overdue", date(2026, 5, 31), None)]  # 京东金条, due 05-20, never repaid


class _FakeHealth:
    """Stands in for services.health.health_history and records which months it was asked for."""

    def __init__(self):
        self.asked: list[tuple[date, date]] = []

    def __call__(self, database, *, start, end, settings=None):
        self.asked.append((start, end))
        days = [d for d in _month_ends(start, end)]
        return [_Point(day, 100 - day.month, frozenset({"overdue"} if day.month >= 5 else set())) for day in days]


def _month_ends(start: date, end: date) -> list[date]:
    days, month = [], start.replace(day=1)
    while month <= end:
        days.append(min(month + relativedelta(day=31), end))
        month += relativedelta(months=1)
    return days


def test_after_a_change_only_the_health_points_from_the_changed_loan_on_are_worked_out_again(three_platforms, ledger):
    data, ids = three_platforms
    fake = _FakeHealth()
    data = ChartData(database=data.database, today=lambda: TODAY, health_history=fake)
    assert len(data.health().days) == 11
    assert fake.asked == [(JAN_15.replace(day=1), TODAY)]
    fake.asked.clear()
    data.refresh(ledger.log_repayment(ids["京东金条"], paid_on=TODAY, amount_fen=100_000))
    assert data.health().days[-1] == TODAY
    assert fake.asked == [(date(2026, 11, 1), TODAY)]  # a repayment made today: the months before it stand
    fake.asked.clear()
    data.refresh(ledger.add_note(noted_on=date(2026, 10, 3), kind=NoteKind.INQUIRY, text="查询"))
    assert len(data.health().days) == 11
    assert fake.asked == [(date(2026, 10, 1), TODAY)]


def test_health_is_worked_out_a_year_at_a_time_newest_first_and_stale_jobs_are_refused(ledger, database):
    ledger.add_loan(draft(borrowed_on=date(2023, 6, 10)))
    fake = _FakeHealth()
    data = ChartData(database=database, today=lambda: TODAY, health_history=fake)
    jobs = data.health_jobs()
    assert [(job.start, job.end) for job in jobs] == [
        (date(2025, 12, 1), TODAY),
        (date(2024, 12, 1), date(2025, 11, 30)),
        (date(2023, 12, 1), date(2024, 11, 30)),
        (date(2023, 6, 1), date(2023, 11, 30)),
    ]
    assert data.accept_health(jobs[0], data.run_health_job(jobs[0]))
    assert data.health_so_far().days[0] == date(2025, 12, 31)
    data.refresh(ledger.add_loan(draft(borrowed_on=date(2026, 11, 2))))
    assert not data.accept_health(jobs[1], data.run_health_job(jobs[1]))  # planned before the change
    assert [(job.start, job.end) for job in data.health_jobs()][:2] == [
        (date(2026, 11, 1), TODAY),  # only the month of the new loan, then what was never worked out
        (date(2024, 12, 1), date(2025, 11, 30)),
    ]
    assert len(data.health().days) == 42  # June 2023 … November 2026


# -- the waterfall against the domain ---------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(
    principal_yuan=st.integers(1, 50_000),
    months=st.integers(1, 12),
    method=st.sampled_from(["equal_installment", "equal_principal", "interest_first", "bullet"]),
    annual=st.sampled_from(["0", "0.0365", "0.18"]),
    paid=st.lists(st.tuples(st.integers(1, 400), st.integers(1, 600_000), st.booleans()), max_size=8),
)
def test_principal_repaid_gives_the_same_balances_as_applying_payments_each_day(
    principal_yuan, months, method, annual, paid
):
    loan_terms = terms(borrowed_on=JAN_15, principal_yuan=principal_yuan, months=months, method=method, annual=annual)
    schedule = build_schedule(loan_terms)
    # A payoff now and then (about one payment in five), wherever it falls.
    payments = [Payment(JAN_15 + timedelta(days=d), fen, is_payoff=flag and fen % 5 == 0) for d, fen, flag in paid]
    repaid = principal_repaid(schedule, payments)
    for day in sorted({JAN_15, *(p.paid_on for p in payments), *(i.due_on for i in schedule)}):
        expected = outstanding_principal(apply_payments(schedule, payments, as_of=day).states)
        assert loan_terms.principal_fen - sum(fen for on, fen in repaid if on <= day) == expected


# -- keeping up with changes ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (Changes(), set()),
        (Changes(loan_ids=frozenset({1}), payments=True), set(ChartKind)),
        (Changes(limits=True, platforms=True), {ChartKind.LIMITS, ChartKind.HEALTH}),
        (Changes(notes=True), {ChartKind.HEALTH}),
        (Changes(platforms=True), {ChartKind.HEALTH}),
    ],
)
def test_which_charts_a_change_concerns(changes, expected):
    assert charts_affected(changes) == expected


def test_a_repayment_reloads_only_its_loan_and_moves_the_balance(three_platforms, ledger):
    data, ids = three_platforms
    before = {loan.loan_id: loan for loan in data.book().loans}
    assert data.balance().on(TODAY)["京东金条"] == 500_000
    changes = ledger.log_repayment(ids["京东金条"], paid_on=TODAY, amount_fen=200_000)
    assert data.refresh(changes) == set(ChartKind)
    after = {loan.loan_id: loan for loan in data.book().loans}
    assert after[ids["借呗"]] is before[ids["借呗"]]  # untouched loans are not read again
    assert after[ids["京东金条"]] is not before[ids["京东金条"]]
    assert data.balance().on(TODAY)["京东金条"] == 300_000


def test_after_a_repayment_only_its_platform_is_added_up_again_and_unmoved_days_are_kept(three_platforms, ledger):
    data, ids = three_platforms
    before = data.balance()
    # 京东金条 repaid on 03-01, a day 微粒贷 already moved: no day added, so the days are the same tuple.
    data.refresh(ledger.log_repayment(ids["京东金条"], paid_on=date(2026, 3, 1), amount_fen=100_000))
    after = data.balance()
    assert after.days is before.days
    assert after.balances_fen["京东金条"].tolist() == [0, 0, 0, 500_000, 400_000, 400_000]
    assert after.balances_fen["借呗"] is not before.balances_fen["借呗"]
    assert after.balances_fen["借呗"].tolist() == before.balances_fen["借呗"].tolist()
    # Repaid on a day nothing moved yet: the day is listed, and every platform's balance holds over it.
    data.refresh(ledger.log_repayment(ids["京东金条"], paid_on=date(2026, 4, 1), amount_fen=150_000))
    latest = data.balance()
    assert latest.days == (*before.days, date(2026, 4, 1))
    assert latest.balances_fen["京东金条"].tolist() == [0, 0, 0, 500_000, 400_000, 400_000, 250_000]
    assert latest.balances_fen["借呗"].tolist() == [1_200_000, 1_200_000, 1_100_000, 1_100_000, 1_100_000, 0, 0]
    assert latest.balances_fen["微粒贷"].tolist() == [0, 300_000, 300_000, 300_000, 0, 0, 0]


def test_a_repayment_keeps_the_series_whose_figures_it_leaves_as_they_were(three_platforms, ledger):
    data, ids = three_platforms
    loan = ledger.add_loan(draft("借呗", borrowed_on=date(2026, 11, 2), principal_yuan=900, months=3, annual="0"))
    data.refresh(loan)
    borrowing, on_time, balance = data.borrowing(), data.on_time(), data.balance()
    # Paid before its first installment falls due (12-02): nothing borrowed, no month's tally moves.
    data.refresh(ledger.log_repayment(loan.created_id, paid_on=TODAY, amount_fen=30_000))
    assert data.borrowing() is borrowing and data.on_time() is on_time
    assert data.balance() is not balance and data.balance().on(TODAY)["借呗"] == 60_000
    # 京东金条's overdue installment (May) paid in full: it moves from overdue to late (借呗's, paid off, on time).
    data.refresh(ledger.log_repayment(ids["京东金条"], paid_on=TODAY, amount_fen=500_000))
    assert data.borrowing() is borrowing and data.on_time() is not on_time
    assert data.on_time().months[data.on_time().index_of(date(2026, 5, 20))] == MonthOnTime(
        date(2026, 5, 1), on_time=1, late=1
    )
    data.refresh(ledger.add_loan(draft("微粒贷", borrowed_on=TODAY, principal_yuan=100)))
    assert data.borrowing() is not borrowing and data.borrowing().months[-1].new_loans == 2
    fresh = ChartData(database=data.database, today=lambda: TODAY)
    assert (data.borrowing(), data.on_time(), data.balance()) == (fresh.borrowing(), fresh.on_time(), fresh.balance())


def test_a_note_leaves_the_loan_series_alone_and_a_limit_redraws_only_limits_and_health(three_platforms, ledger):
    data, _ = three_platforms
    balance, limits = data.balance(), data.limits()
    assert data.refresh(ledger.add_note(noted_on=TODAY, kind=NoteKind.INQUIRY, text="查询")) == {ChartKind.HEALTH}
    assert data.balance() is balance and data.limits() is limits
    kinds = data.refresh(ledger.record_limit("借呗", recorded_on=TODAY, limit_fen=1_000_000))
    assert kinds == {ChartKind.LIMITS, ChartKind.HEALTH}
    assert data.balance() is balance
    assert data.limits().platform("借呗").limit_on(TODAY) == 1_000_000


def test_added_and_deleted_loans_appear_and_disappear(three_platforms, ledger):
    data, ids = three_platforms
    assert data.borrowing().months[0].new_loans == 1
    data.refresh(ledger.add_loan(draft("借呗", borrowed_on=date(2026, 1, 2), principal_yuan=100)))
    assert data.borrowing().months[0].borrowed_fen == 1_210_000
    data.refresh(ledger.delete_loan(ids["借呗"]))
    assert data.borrowing().months[0].new_loans == 1
    assert data.balance().on(date(2026, 1, 20))["借呗"] == 10_000


def test_an_empty_database_gives_empty_series_and_a_default_span(database):
    data = ChartData(database=database, today=lambda: TODAY)
    assert all(data.series(kind).is_empty for kind in ChartKind)
    assert data.first_day() is None
    assert data.span(RangePreset.ALL) == (date(2025, 11, 28), TODAY)


@pytest.mark.parametrize(
    ("preset", "first_day", "start"),
    [
        (RangePreset.SIX_MONTHS, None, date(2026, 5, 28)),
        (RangePreset.ONE_YEAR, None, date(2025, 11, 28)),
        (RangePreset.THREE_YEARS, date(2026, 1, 1), date(2023, 11, 28)),
        (RangePreset.ALL, date(2019, 3, 4), date(2019, 3, 4)),
        (RangePreset.ALL, date(2026, 11, 20), date(2026, 10, 28)),  # at least a month
    ],
)
def test_range_presets_end_today(preset, first_day, start):
    assert preset_span(preset, as_of=TODAY, first_day=first_day) == (start, TODAY)


def test_figures_patched_loan_by_loan_equal_a_fresh_computation(three_platforms, ledger):
    data, ids = three_platforms
    data.balance(), data.on_time(), data.borrowing()  # the running sums exist from here on
    data.refresh(ledger.log_repayment(ids["京东金条"], paid_on=date(2026, 6, 1), amount_fen=200_000))
    data.refresh(ledger.delete_loan(ids["微粒贷"]))
    data.refresh(ledger.add_loan(draft("微粒贷", borrowed_on=date(2026, 4, 4), principal_yuan=800, months=2)))
    fresh = ChartData(database=data.database, today=lambda: TODAY)
    assert data.balance() == fresh.balance()
    assert data.on_time() == fresh.on_time()
    assert data.platforms() == fresh.platforms()
    assert data.borrowing() == fresh.borrowing()
    assert "微粒贷" in data.balance().platforms


def test_a_change_that_does_not_name_its_loans_reads_everything_again(three_platforms, ledger):
    data, _ = three_platforms
    assert data.borrowing().months[-1].new_loans == 0
    ledger.add_loan(draft("借呗", borrowed_on=date(2026, 11, 2), principal_yuan=500))
    assert data.refresh(Changes(loans_added_or_removed=True)) == set(ChartKind)
    assert data.borrowing().months[-1].new_loans == 1
    assert data.balance().on(TODAY)["借呗"] == 50_000


_MOVES = st.dictionaries(
    st.sampled_from(["借呗", "微粒贷", "京东金条", "分期乐"]),
    st.dictionaries(st.dates(date(2020, 1, 1), date(2020, 3, 1)), st.integers(-500_000, 500_000).filter(bool)),
).map(lambda moves: {platform: per_day for platform, per_day in moves.items() if per_day})


@settings(max_examples=150, deadline=None)
@given(moves=_MOVES)
def test_balance_and_platform_count_series_add_up_the_moves_day_by_day(moves):
    """The series (added up in numpy) against a plain running total per platform, and the count of platforms
    owing against counting them day by day."""
    from itertools import accumulate

    from jiebei_tracker.services.series.balance import balance_series_from_moves, platform_count_series

    by_ordinal = {p: {day.toordinal(): fen for day, fen in per_day.items()} for p, per_day in moves.items()}
    series = balance_series_from_moves(by_ordinal, as_of=date(2020, 3, 1))
    days = sorted({day for per_day in moves.values() for day in per_day})
    expected = {p: tuple(accumulate(per_day.get(day, 0) for day in days)) for p, per_day in moves.items()}
    assert series.days == tuple(days)
    assert series.ordinals.tolist() == [day.toordinal() for day in days]
    assert {p: tuple(column.tolist()) for p, column in series.balances_fen.items()} == expected
    assert all(column.dtype == "int64" and not column.flags.writeable for column in series.balances_fen.values())
    assert series.platforms == tuple(sorted(expected, key=lambda p: (-max(expected[p]), p)))
    counts = platform_count_series(series, threshold=2).counts
    assert counts == tuple(sum(column[i] > 0 for column in expected.values()) for i in range(len(days)))


@settings(max_examples=150, deadline=None)
@given(before=_MOVES, change=_MOVES)
def test_a_balance_series_patched_platform_by_platform_equals_one_added_up_afresh(before, change):
    """What ChartData does after a change: the platforms the change moved are added up again, the others keep
    their runs, and the series before the change lends its days (when they did not change)."""
    from jiebei_tracker.services.series.balance import (
        add_moves,
        balance_series_from_moves,
        balance_series_from_runs,
        platform_run,
    )

    as_of = date(2020, 3, 1)
    moves = {p: {day.toordinal(): fen for day, fen in per_day.items()} for p, per_day in before.items()}
    runs = {platform: platform_run(per_day) for platform, per_day in moves.items()}
    previous = balance_series_from_runs(runs, as_of=as_of)
    for platform, per_day in change.items():
        add_moves(moves, platform, sorted(per_day.items()))
        runs.pop(platform, None)
    runs = {p: runs[p] if p in runs else platform_run(per_day) for p, per_day in moves.items()}
    patched = balance_series_from_runs(runs, as_of=as_of, previous=previous)
    fresh = balance_series_from_moves(moves, as_of=as_of)
    assert patched == fresh
    assert (patched.days is previous.days) == (fresh.days == previous.days)
    all_days = sorted({day for per_day in (*before.values(), *change.values()) for day in per_day})
    expected = {
        p: [sum(fen for day, fen in per_day.items() if day <= on) for on in all_days]
        for p, per_day in moves.items()
        for per_day in [{date.fromordinal(o): fen for o, fen in per_day.items()}]
    }
    kept = [i for i, day in enumerate(all_days) if day in fresh.days]
    assert {p: column.tolist() for p, column in patched.balances_fen.items()} == {
        p: [values[i] for i in kept] for p, values in expected.items()
    }
