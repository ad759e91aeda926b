"""The severities alone (what the score history uses) against the full flags: the same rules fire, with the same
severity, in the same order, on random records and settings — and the severities are had without writing a flag."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from jiebei_tracker.domain.health import check_health, health_score, month_ends, score_history, score_history_quickly
from jiebei_tracker.domain.rules import RULES, Flag, Thresholds, run_rules, run_severities
from jiebei_tracker.domain.vocabulary import LoanPurpose, NoteKind, PlatformKind
from tests.domain.records_builder import Records

START = date(2024, 1, 10)
PLATFORMS = {
    "借呗": PlatformKind.INTERNET,
    "招行": PlatformKind.BANK,
    "小贷": PlatformKind.MICROFINANCE,
    "老王": "private",
}

loan_plan = st.fixed_dictionaries(
    {
        "borrowed": st.integers(0, 500),  # days after START
        "platform": st.sampled_from(sorted(PLATFORMS)),
        "months": st.integers(1, 6),
        "principal_yuan": st.sampled_from([1_000, 9_000, 25_000]),
        "purpose": st.sampled_from(list(LoanPurpose)),
        "autopay": st.booleans(),
        # (seq, days after its due date) paid in full; installments left out stay unpaid
        "paid": st.lists(st.tuples(st.integers(1, 6), st.integers(-5, 40)), max_size=6),
    }
)
thresholds = st.builds(
    Thresholds,
    late_window_months=st.integers(6, 24),
    late_recent_months=st.integers(0, 6),
    frequency_short_days=st.integers(5, 60),
    frequency_short_count=st.integers(2, 4),
    frequency_long_count=st.integers(2, 8),
    platform_count=st.integers(2, 4),
    inquiry_count=st.integers(1, 3),
    risky_limit_share_percent=st.integers(10, 100),
    risky_amount_fen=st.sampled_from([500_000, 2_000_000]),
    transfer_count=st.integers(1, 3),
    revolving_days_before_due=st.integers(0, 20),
    event_memory_days=st.integers(0, 200),
)


@settings(max_examples=120, deadline=None)
@given(
    plans=st.lists(loan_plan, min_size=1, max_size=8),
    limits=st.lists(
        st.tuples(st.sampled_from(sorted(PLATFORMS)), st.integers(-30, 500), st.integers(1, 60)), max_size=4
    ),
    notes=st.lists(st.tuples(st.integers(0, 500), st.sampled_from(list(NoteKind)), st.none() | st.integers(0, 90))),
    as_of_days=st.lists(st.integers(0, 800), min_size=1, max_size=5),
    grace=st.integers(0, 5),
    rule_thresholds=thresholds,
)
def test_severity_checks_decide_what_the_full_checks_do(plans, limits, notes, as_of_days, grace, rule_thresholds):
    records = Records()
    for plan in plans:
        seqs: dict[int, int] = {}
        for seq, days in plan["paid"]:
            seqs.setdefault(min(seq, plan["months"]), days)
        records.loan(
            plan["platform"],
            borrowed_on=START + timedelta(days=plan["borrowed"]),
            months=plan["months"],
            principal_yuan=plan["principal_yuan"],
            purpose=plan["purpose"],
            autopay=plan["autopay"],
            kind=PLATFORMS[plan["platform"]],
            paid=sorted(seqs.items()),
        )
    for platform, days, thousands in limits:
        records.limit(platform, START + timedelta(days=days), thousands * 1_000)
    for days, kind, resolved_after in notes:
        noted_on = START + timedelta(days=days)
        records.note(
            noted_on, kind, resolved_on=None if resolved_after is None else noted_on + timedelta(resolved_after)
        )
    history = records.history()
    for days in as_of_days:
        snapshot = history.snapshot(START + timedelta(days=days), grace_days=grace)
        flags = run_rules(snapshot, rule_thresholds)
        assert run_severities(snapshot, rule_thresholds) == [(flag.rule, flag.severity) for flag in flags]


def test_the_severities_come_from_the_rules_themselves_without_writing_any_evidence(monkeypatch):
    """Each rule decides once; what the score history asks for is that decision, with no flag written."""
    history = _busy().history()
    snapshot = history.snapshot(START + timedelta(days=450), grace_days=1)
    expected = [(flag.rule, flag.severity) for flag in run_rules(snapshot, Thresholds())]
    assert {rule_id for rule_id, _severity in expected} >= {"overdue", "late_history", "no_autopay"}

    def no_writing(*args, **kwargs):
        raise AssertionError("a flag was written")

    monkeypatch.setattr(Flag, "__init__", no_writing)
    assert run_severities(snapshot, Thresholds()) == expected
    assert len(RULES) == 12


def _busy() -> Records:
    records = Records()
    for number in range(40):
        platform = sorted(PLATFORMS)[number % 4]
        months = 3 + number % 4
        records.loan(
            platform,
            borrowed_on=START + timedelta(days=11 * number),
            months=months,
            purpose=list(LoanPurpose)[number % len(LoanPurpose)],
            autopay=number % 3 != 0,
            kind=PLATFORMS[platform],
            paid=[(seq, (number * seq) % 9 - 3) for seq in range(1, months + 1) if (number + seq) % 7],
        )
    records.limit("借呗", START + timedelta(days=50), 20_000)
    records.note(START + timedelta(days=200), NoteKind.GUARANTEE)
    return records


def test_the_quick_score_history_matches_the_full_one_on_a_busy_history():
    records = _busy()
    end = START + timedelta(days=700)
    full = score_history(records.history(), start=START, end=end, thresholds=Thresholds(), grace_days=1)
    quick = score_history_quickly(records.history(), start=START, end=end, thresholds=Thresholds(), grace_days=1)
    assert [(c.as_of, c.score, c.rule_ids) for c in full] == [(q.as_of, q.score, q.rule_ids) for q in quick]
    assert [q.as_of for q in quick] == month_ends(START, end)
    # A comparison worth making: most rules fire at some month end, and the score moves.
    assert len(set().union(*(q.rule_ids for q in quick))) >= 8
    assert len({q.score for q in quick}) >= 4
    on_end = check_health(records.history(), end, thresholds=Thresholds(), grace_days=1)
    assert quick[-1].score == on_end.score == health_score(on_end.flags)
