"""The health score: its formula, that it never rises when a flag is added or made worse, and its monthly history."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from jiebei_tracker.domain.health import HealthBand, health_score, month_ends, score_history
from jiebei_tracker.domain.rules import Evidence, Flag, Severity, Text, Thresholds
from tests.domain.records_builder import Records, on_time

SEVERITIES = list(Severity)


def flag(severity: Severity, rule: str = "overdue") -> Flag:
    return Flag(rule, severity, (), Text("", ""), Evidence(Text("", "")), Text("", ""), date(2026, 11, 28))


def flags_of(severities) -> list[Flag]:
    return [flag(s, f"rule{n}") for n, s in enumerate(severities)]


def test_the_formula():
    assert health_score([]) == 100
    assert health_score([flag(Severity.CRITICAL)]) == 60
    assert health_score([flag(Severity.HIGH)]) == 80
    assert health_score([flag(Severity.MEDIUM)]) == 90
    assert health_score([flag(Severity.LOW)]) == 97
    assert health_score(flags_of([Severity.HIGH, Severity.MEDIUM])) == 72
    # 100 × 0.6 × 0.8 × 0.97 = 46.56 → 47 (half-up, exact decimals)
    assert health_score(flags_of([Severity.CRITICAL, Severity.HIGH, Severity.LOW])) == 47
    # 100 × 0.9 × 0.97 = 87.3 → 87
    assert health_score(flags_of([Severity.MEDIUM, Severity.LOW])) == 87


def test_the_score_stays_within_0_and_100_even_with_every_rule_critical():
    score = health_score(flags_of([Severity.CRITICAL] * 40))
    assert 0 <= score <= 100


@given(st.lists(st.sampled_from(SEVERITIES), max_size=12), st.sampled_from(SEVERITIES))
def test_adding_a_flag_never_raises_the_score(severities, added):
    flags = flags_of(severities)
    assert health_score([*flags, flag(added, "added")]) <= health_score(flags)


@given(st.lists(st.sampled_from(SEVERITIES), min_size=1, max_size=12), st.data())
def test_making_a_flag_more_severe_never_raises_the_score(severities, data):
    flags = flags_of(severities)
    which = data.draw(st.integers(0, len(flags) - 1))
    worse = data.draw(st.sampled_from([s for s in SEVERITIES if s.rank >= flags[which].severity.rank]))
    changed = [*flags[:which], flags[which].with_severity(worse), *flags[which + 1 :]]
    assert health_score(changed) <= health_score(flags)


@given(st.lists(st.sampled_from(SEVERITIES), max_size=12))
def test_the_order_of_flags_does_not_matter(severities):
    assert health_score(flags_of(severities)) == health_score(flags_of(reversed(severities)))


def test_bands():
    assert [HealthBand.of(s) for s in (100, 80, 79, 60, 59, 0)] == [
        HealthBand.GOOD,
        HealthBand.GOOD,
        HealthBand.WATCH,
        HealthBand.WATCH,
        HealthBand.AT_RISK,
        HealthBand.AT_RISK,
    ]
    assert HealthBand.AT_RISK.label("zh_CN") == "有风险"


def test_month_ends_run_to_the_end_date_itself():
    assert month_ends(date(2026, 1, 15), date(2026, 4, 10)) == [
        date(2026, 1, 31),
        date(2026, 2, 28),
        date(2026, 3, 31),
        date(2026, 4, 10),
    ]
    assert month_ends(date(2024, 2, 1), date(2024, 2, 29)) == [date(2024, 2, 29)]
    assert month_ends(date(2026, 5, 1), date(2026, 4, 30)) == []


def test_score_history_follows_what_was_in_force_each_month():
    records = Records()
    # Installment 2 (due 2026-03-10) is paid 26 days late, on 2026-04-05; the rest on time.
    records.loan(borrowed_on=date(2026, 1, 10), months=6, paid=[(1, 0), (2, 26), *on_time(6)[2:]])
    history = score_history(records.history(), start=date(2026, 1, 1), end=date(2026, 5, 15), thresholds=Thresholds())
    assert [(c.as_of, c.score, sorted(c.rule_ids)) for c in history] == [
        (date(2026, 1, 31), 100, []),
        (date(2026, 2, 28), 100, []),
        (date(2026, 3, 31), 60, ["overdue"]),
        (date(2026, 4, 30), 80, ["late_history"]),
        (date(2026, 5, 15), 80, ["late_history"]),
    ]


@given(start=st.dates(date(1990, 1, 1), date(2040, 12, 31)), months=st.integers(-2, 40), day=st.integers(1, 31))
def test_month_ends_match_stepping_a_month_at_a_time(start, months, day):
    """The month ends against the definition: each month's last day from start's month, the last one ``end``."""
    from calendar import monthrange

    from dateutil.relativedelta import relativedelta

    end_month = start.replace(day=1) + relativedelta(months=months)
    end = end_month.replace(day=min(day, monthrange(end_month.year, end_month.month)[1]))
    expected, month = [], start.replace(day=1)
    while start <= end and month <= end:  # nothing when the end comes before the start
        expected.append(min(month + relativedelta(day=31), end))
        month += relativedelta(months=1)
    assert month_ends(start, end) == expected
