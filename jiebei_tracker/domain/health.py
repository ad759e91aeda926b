"""The health score (0–100) from the flags in force, its bands, and the month-end dates of a score history.

Formula: every flag in force keeps a share of the score according to its severity — critical 60 %, high 80 %,
medium 90 %, low (a reminder) 97 % — and the score is 100 × the product of those shares, rounded half-up:

    score = round_half_up(100 × Π keep(severity of each flag))

A flag can only multiply by a share below 1, and a more severe flag keeps less, so adding a flag or making one
more severe never raises the score. With no flags the score is 100.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from jiebei_tracker.domain.book import Book
from jiebei_tracker.domain.rules import Flag, Severity, Thresholds, run_rules, run_severities
from jiebei_tracker.domain.vocabulary import _Labelled

# Per mille of the score a flag of each severity leaves standing.
KEEP_PER_MILLE: dict[Severity, int] = {
    Severity.CRITICAL: 600,
    Severity.HIGH: 800,
    Severity.MEDIUM: 900,
    Severity.LOW: 970,
}


def health_score(flags: Iterable[Flag]) -> int:
    """100 × Π keep(severity), rounded half-up (exact arithmetic, no float)."""
    return score_of(flag.severity for flag in flags)


def score_of(severities: Iterable[Severity]) -> int:
    """The score of flags of these severities."""
    score = Decimal(100)
    for severity in severities:
        score = score * KEEP_PER_MILLE[severity] / 1000
    return int(score.quantize(Decimal(1), rounding=ROUND_HALF_UP))


class HealthBand(_Labelled):
    """How a score reads: good from 80, watch from 60, at risk below."""

    GOOD = "good"
    WATCH = "watch"
    AT_RISK = "at_risk"

    @classmethod
    def _labels(cls):
        return {"good": ("良好", "Good"), "watch": ("需留意", "Watch"), "at_risk": ("有风险", "At risk")}

    @classmethod
    def of(cls, score: int) -> HealthBand:
        if score >= 80:
            return cls.GOOD
        return cls.WATCH if score >= 60 else cls.AT_RISK


@dataclass(frozen=True)
class HealthCheck:
    """The flags in force on a day (docs/health-rules.md order) and the score they give."""

    as_of: date
    score: int
    flags: tuple[Flag, ...]

    @property
    def band(self) -> HealthBand:
        return HealthBand.of(self.score)

    @property
    def rule_ids(self) -> frozenset[str]:
        return frozenset(flag.rule for flag in self.flags)


def check_health(history: Book, as_of: date, *, thresholds: Thresholds, grace_days: int = 0) -> HealthCheck:
    """The flags and score on ``as_of``. Loans fully settled before the rules' furthest lookback are set aside
    first: they cannot change a flag, and on a long history they are most of it."""
    relevant = history.without_loans_closed_before(as_of - timedelta(days=thresholds.lookback_days))
    flags = tuple(run_rules(relevant.snapshot(as_of, grace_days=grace_days), thresholds))
    return HealthCheck(as_of, health_score(flags), flags)


def month_ends(start: date, end: date) -> list[date]:
    """The last day of every month from ``start``'s to ``end``'s, the current month ending at ``end`` itself."""
    if end < start:
        return []
    days = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        days.append(min(date(year, month, monthrange(year, month)[1]), end))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return days


def score_history(
    history: Book, *, start: date, end: date, thresholds: Thresholds, grace_days: int = 0
) -> list[HealthCheck]:
    """The health check at every month end from ``start`` to ``end`` (the last one on ``end``)."""
    # One history for every month (its index is shared by all the snapshots), rather than check_health's cut.
    checks = []
    for day in month_ends(start, end):
        flags = tuple(run_rules(history.snapshot(day, grace_days=grace_days), thresholds))
        checks.append(HealthCheck(day, health_score(flags), flags))
    return checks


@dataclass(frozen=True)
class MonthScore:
    """The score on a day of a score history and the ids of the rules in force then (no evidence)."""

    as_of: date
    score: int
    rule_ids: frozenset[str]


def score_history_quickly(
    history: Book, *, start: date, end: date, thresholds: Thresholds, grace_days: int = 0
) -> list[MonthScore]:
    """``score_history``'s scores and rule ids, from the rules' decisions alone: no evidence is written out, which
    on a long history is most of the work (the charts need only the scores)."""
    scores = []
    for day in month_ends(start, end):
        found = run_severities(history.snapshot(day, grace_days=grace_days), thresholds)
        scores.append(MonthScore(day, score_of(severity for _, severity in found), frozenset(r for r, _ in found)))
    return scores
