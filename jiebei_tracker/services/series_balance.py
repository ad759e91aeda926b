"""Outstanding principal over time, by platform, and how many platforms had a balance on each day."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from jiebei_tracker.domain.payments import Payment
from jiebei_tracker.domain.schedule import Installment
from jiebei_tracker.services.series_records import LoanRecord

# RULES.md, multi_platform: loans outstanding on ≥ 3 distinct platforms on the same day.
PLATFORM_THRESHOLD = 3


def principal_repaid(installments: Sequence[Installment], payments: Iterable[Payment]) -> list[tuple[date, int]]:
    """The principal each payment repaid, in payment order: the same waterfall as ``apply_payments`` (each
    payment to the earliest open installment, interest before principal, the rest flowing on; a payoff
    settles whatever principal is left), walked once instead of once per payment date.

    tests/services/test_series.py checks it against ``apply_payments(..., as_of=day)`` for every day."""
    interest_left = [inst.interest_fen for inst in installments]
    principal_left = [inst.principal_fen for inst in installments]
    cursor, count = 0, len(installments)
    result = []
    for payment in sorted(payments, key=lambda p: p.paid_on):
        money, repaid = payment.amount_fen, 0
        while money > 0 and cursor < count:
            take = min(money, interest_left[cursor])
            interest_left[cursor] -= take
            money -= take
            take = min(money, principal_left[cursor])
            principal_left[cursor] -= take
            money -= take
            repaid += take
            if interest_left[cursor] == 0 and principal_left[cursor] == 0:
                cursor += 1
        if payment.is_payoff:
            repaid += sum(principal_left[cursor:])
            cursor = count
        result.append((payment.paid_on, repaid))
    return result


def balance_changes(loan: LoanRecord, *, as_of: date | None = None) -> list[tuple[date, int]]:
    """How the loan's balance moved: up by its principal on the day it was taken, down by the principal each
    repayment repaid on the day it was paid. Days after ``as_of`` are left out."""
    if as_of is not None and loan.borrowed_on > as_of:
        return []
    payments = loan.payments if as_of is None else [p for p in loan.payments if p.paid_on <= as_of]
    changes = [(loan.borrowed_on, loan.principal_fen)]
    changes.extend((day, -repaid) for day, repaid in principal_repaid(loan.installments, payments) if repaid)
    return changes


@dataclass(frozen=True)
class BalanceSeries:
    """Outstanding principal per platform at the end of each day on which some balance changed.
    ``balances_fen[platform][i]`` holds from ``days[i]`` until the next day listed (or ``as_of``).
    ``platforms`` is ordered by peak balance, largest first (the stacking order of the chart)."""

    as_of: date
    days: tuple[date, ...]
    platforms: tuple[str, ...]
    balances_fen: Mapping[str, tuple[int, ...]]

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
        return {p: 0 if index is None else self.balances_fen[p][index] for p in self.platforms}

    def total_on(self, day: date) -> int:
        return sum(self.on(day).values())

    def totals(self) -> list[int]:
        """Total outstanding principal after each listed day."""
        return [sum(values) for values in zip(*self.balances_fen.values(), strict=True)] if self.platforms else []


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


def balance_series_from_moves(moves: BalanceMoves, *, as_of: date) -> BalanceSeries:
    """The series from the net moves per platform and day — kept up to date loan by loan by ChartData, so a
    change to one loan does not add up all the others again."""
    import numpy as np  # here, not at import: the window's first frame needs no numpy

    ordinals = {
        platform: np.fromiter(per_day, dtype=np.int64, count=len(per_day)) for platform, per_day in moves.items()
    }
    every = np.unique(np.concatenate(list(ordinals.values()))) if ordinals else np.empty(0, dtype=np.int64)
    days = list(map(date.fromordinal, every.tolist()))
    columns: dict[str, tuple[int, ...]] = {}
    peaks: dict[str, int] = {}
    for platform, per_day in moves.items():
        # Running totals of each platform's moves over all days, added up in numpy (exact: int64 fen).
        column = np.zeros(len(days), dtype=np.int64)
        column[np.searchsorted(every, ordinals[platform])] = np.fromiter(
            per_day.values(), dtype=np.int64, count=len(per_day)
        )
        running = np.cumsum(column)
        columns[platform] = tuple(running.tolist())
        peaks[platform] = int(running.max()) if len(running) else 0
    order = tuple(sorted(columns, key=lambda p: (-peaks[p], p)))
    return BalanceSeries(as_of, tuple(days), order, {p: columns[p] for p in order})


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
    import numpy as np  # here, not at import: the window's first frame needs no numpy

    owing = np.zeros(len(balance.days), dtype=np.int64)
    for column in balance.balances_fen.values():
        owing += np.asarray(column, dtype=np.int64) > 0
    return PlatformCountSeries(balance.as_of, balance.days, tuple(owing.tolist()), balance, threshold)
