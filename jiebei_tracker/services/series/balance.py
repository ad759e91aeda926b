"""Outstanding principal over time, by platform, and how many platforms had a balance on each day."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

import numpy as np

from jiebei_tracker.domain.book import Loan
from jiebei_tracker.domain.payments import Payment, principal_repaid
from jiebei_tracker.domain.penalty import PenaltyTerms

# docs/health-rules.md, multi_platform: loans outstanding on ≥ 3 distinct platforms on the same day.
PLATFORM_THRESHOLD = 3


def balance_changes(
    loan: Loan, payments: Sequence[Payment], *, as_of: date | None = None, grace_days: int = 0
) -> list[tuple[date, int]]:
    """How the loan's balance moved: up by its principal on the day it was taken, down by the principal each of
    its ``payments`` (``Book.payments``) repaid on the day it was paid — by the ledger's waterfall, a late
    payment's surplus paying penalty interest first. Days after ``as_of`` are left out."""
    if as_of is not None and loan.borrowed_on > as_of:
        return []
    if as_of is not None:
        payments = [p for p in payments if p.paid_on <= as_of]
    changes = [(loan.borrowed_on, loan.principal_fen)]
    penalty = PenaltyTerms(loan.annual_rate, loan.penalty_multiplier, grace_days)
    changes.extend((day, -repaid) for day, repaid in principal_repaid(loan.installments, payments, penalty) if repaid)
    return changes


@dataclass(frozen=True, eq=False)
class BalanceSeries:
    """Outstanding principal per platform at the end of each day on which some balance changed.
    ``balances_fen[platform][i]`` holds from ``days[i]`` until the next day listed (or ``as_of``); the columns
    are read-only int64 numpy arrays (exact fen), so that drawing them converts nothing. ``ordinals`` are the
    ``days`` as ``date.toordinal()``, in the same kind of array. ``platforms`` is ordered by peak balance, largest
    first (the stacking order of the chart)."""

    as_of: date
    days: tuple[date, ...]
    platforms: tuple[str, ...]
    balances_fen: Mapping[str, np.ndarray]
    ordinals: np.ndarray

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, BalanceSeries):
            return NotImplemented
        return (
            (self.as_of, self.days, self.platforms) == (other.as_of, other.days, other.platforms)
            and self.balances_fen.keys() == other.balances_fen.keys()
            and all(np.array_equal(column, other.balances_fen[p]) for p, column in self.balances_fen.items())
        )

    __hash__ = None  # type: ignore[assignment]  # equal by value, and its arrays cannot be hashed

    @property
    def is_empty(self) -> bool:
        return not self.days

    def index_on(self, day: date) -> int | None:
        """Position of the last change on or before ``day``; None before the first loan."""
        index = bisect_right(self.days, day) - 1
        return None if index < 0 else index

    def on(self, day: date) -> dict[str, int]:
        """Each platform's outstanding principal at the end of ``day``."""
        index = self.index_on(day)
        return {p: 0 if index is None else int(self.balances_fen[p][index]) for p in self.platforms}

    def total_on(self, day: date) -> int:
        return sum(self.on(day).values())

    def totals(self) -> list[int]:
        """Total outstanding principal after each listed day."""
        return sum(self.balances_fen.values()).tolist() if self.platforms else []


BalanceMoves = dict[str, dict[int, int]]
"""Platform → day (as ``date.toordinal()``) → net change of its outstanding principal that day (days netting to
zero left out). Ordinals, not dates, so that adding up all days is numpy's work, not a Python loop's."""


def add_moves(moves: BalanceMoves, platform: str, changes: Iterable[tuple[date, int]], *, sign: int = 1) -> None:
    """Add one loan's balance changes to ``moves`` (``sign=-1`` takes them out again, for a loan that changed)."""
    per_day = moves.setdefault(platform, {})
    for day, change in changes:
        day = day.toordinal()
        net = per_day.get(day, 0) + sign * change
        if net:
            per_day[day] = net
        else:
            per_day.pop(day, None)
    if not per_day:
        del moves[platform]


class PlatformRun(NamedTuple):
    """One platform's outstanding principal after each day its balance moved: the days as ordinals, ascending,
    and the balance after each (int64 arrays). Worked out again only for a platform whose moves changed."""

    ordinals: np.ndarray
    balances_fen: np.ndarray


def platform_run(per_day: Mapping[int, int]) -> PlatformRun:
    """One platform's net moves per day (as in ``BalanceMoves``) added up in day order."""

    ordinals = np.fromiter(per_day, dtype=np.int64, count=len(per_day))
    moves = np.fromiter(per_day.values(), dtype=np.int64, count=len(per_day))
    order = np.argsort(ordinals, kind="stable")
    return PlatformRun(ordinals[order], np.cumsum(moves[order]))  # exact: int64 fen


def balance_series_from_runs(
    runs: Mapping[str, PlatformRun], *, as_of: date, previous: BalanceSeries | None = None
) -> BalanceSeries:
    """The series from each platform's running balance: every platform's column is laid out over the days any
    platform moved. ``previous`` (the series before a change) lends its ``days`` when they did not change, so
    that a change turns no day back into a ``date``."""

    runs = {platform: run for platform, run in runs.items() if len(run.ordinals)}
    if runs:
        # The days any platform moved, marked in one flag per day of the whole history: no sort, no hash.
        first = min(int(run.ordinals[0]) for run in runs.values())
        last = max(int(run.ordinals[-1]) for run in runs.values())
        moved = np.zeros(last - first + 1, dtype=bool)
        for run in runs.values():
            moved[run.ordinals - first] = True
        every = np.flatnonzero(moved) + first
    else:
        every = np.empty(0, dtype=np.int64)
    if previous is not None and np.array_equal(previous.ordinals, every):
        every, days = previous.ordinals, previous.days
    else:
        days = tuple(map(date.fromordinal, every.tolist()))
        every.flags.writeable = False
    columns: dict[str, np.ndarray] = {}
    peaks: dict[str, int] = {}
    for platform, run in runs.items():
        # A platform's balance on each listed day: its balance after its own last move on or before that day.
        held = np.concatenate((np.zeros(1, dtype=np.int64), run.balances_fen))
        column = held[np.searchsorted(run.ordinals, every, side="right")]
        column.flags.writeable = False
        columns[platform] = column
        peaks[platform] = int(column.max()) if len(column) else 0
    order = tuple(sorted(columns, key=lambda p: (-peaks[p], p)))
    return BalanceSeries(as_of, days, order, {p: columns[p] for p in order}, every)


def balance_series_from_moves(moves: BalanceMoves, *, as_of: date) -> BalanceSeries:
    """The series from the net moves per platform and day, added up afresh (ChartData keeps each platform's
    run and works out again only those of the platforms a change touched)."""
    return balance_series_from_runs({p: platform_run(per_day) for p, per_day in moves.items()}, as_of=as_of)


@dataclass(frozen=True)
class PlatformCountSeries:
    """How many platforms had a balance at the end of each listed day (the balance series' days); which ones
    are read from ``balance`` when asked."""

    as_of: date
    days: tuple[date, ...]
    counts: tuple[int, ...]
    balance: BalanceSeries
    threshold: int = PLATFORM_THRESHOLD

    @property
    def is_empty(self) -> bool:
        return not self.days

    def on(self, day: date) -> tuple[str, ...]:
        """The platforms with a balance at the end of ``day``, largest (by peak balance) first."""
        balances = self.balance.on(day)
        return tuple(p for p in self.balance.platforms if balances[p] > 0)

    def count_on(self, day: date) -> int:
        index = bisect_right(self.days, day) - 1
        return 0 if index < 0 else self.counts[index]


def platform_count_series(balance: BalanceSeries, *, threshold: int = PLATFORM_THRESHOLD) -> PlatformCountSeries:
    """How many platforms owe something after each listed day."""

    owing = np.zeros(len(balance.days), dtype=np.int64)
    for column in balance.balances_fen.values():
        owing += np.asarray(column, dtype=np.int64) > 0
    return PlatformCountSeries(balance.as_of, balance.days, tuple(owing.tolist()), balance, threshold)
