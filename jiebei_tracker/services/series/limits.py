"""Credit limit and use per platform: the recorded limits as a step line, the platform's outstanding principal
as its use, and every limit cut (a record lower than the one before it)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import numpy as np

from jiebei_tracker.domain.limits import LimitCut, LimitRecord, limit_cuts
from jiebei_tracker.services.series.balance import BalanceSeries


@dataclass(frozen=True, eq=False)
class PlatformLimits:
    """One platform: its limit records (``limit_days`` / ``limits_fen``, oldest first; the last record of a day
    counts), its balance after each day it changed and its cuts. The use is kept as the balance series keeps it,
    in read-only int64 arrays: the days as ``date.toordinal()`` (``use_ordinals``) and the fen (``use_fen``)."""

    platform: str
    limit_days: tuple[date, ...]
    limits_fen: tuple[int, ...]
    use_ordinals: np.ndarray
    use_fen: np.ndarray
    cuts: tuple[LimitCut, ...]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PlatformLimits):
            return NotImplemented
        return (
            (self.platform, self.limit_days, self.limits_fen, self.cuts)
            == (other.platform, other.limit_days, other.limits_fen, other.cuts)
            and self.use_ordinals.tolist() == other.use_ordinals.tolist()
            and self.use_fen.tolist() == other.use_fen.tolist()
        )

    __hash__ = None  # type: ignore[assignment]  # equal by value, and its arrays cannot be hashed

    def limit_on(self, day: date) -> int | None:
        index = bisect_right(self.limit_days, day) - 1
        return None if index < 0 else self.limits_fen[index]

    def use_on(self, day: date) -> int:
        index = int(self.use_ordinals.searchsorted(day.toordinal(), side="right")) - 1
        return 0 if index < 0 else int(self.use_fen[index])

    @property
    def first_day(self) -> date | None:
        firsts = self.limit_days[:1] + tuple(map(date.fromordinal, self.use_ordinals[:1].tolist()))
        return min(firsts) if firsts else None


@dataclass(frozen=True)
class LimitSeries:
    """Every platform with a limit record or a loan, by name; ``cuts`` across all of them, oldest first."""

    as_of: date
    platforms: tuple[PlatformLimits, ...]

    @property
    def is_empty(self) -> bool:
        return not self.platforms

    @property
    def cuts(self) -> list[LimitCut]:
        return sorted((cut for p in self.platforms for cut in p.cuts), key=lambda c: (c.cut_on, c.platform))

    def platform(self, name: str) -> PlatformLimits | None:
        return next((p for p in self.platforms if p.platform == name), None)

    @property
    def default_platform(self) -> str | None:
        """The platform to show first: the one with the latest cut, else the one with the highest current
        limit, else the first by name."""
        cuts = self.cuts
        if cuts:
            return cuts[-1].platform
        limited = [p for p in self.platforms if p.limits_fen]
        if limited:
            return max(limited, key=lambda p: (p.limits_fen[-1], p.platform)).platform
        return self.platforms[0].platform if self.platforms else None


def limit_series(limits: Iterable[LimitRecord], balance: BalanceSeries) -> LimitSeries:
    """``limits`` in the order they were recorded (by day, then as entered)."""
    by_platform: dict[str, list[LimitRecord]] = {}
    for record in limits:
        if record.recorded_on <= balance.as_of:
            by_platform.setdefault(record.platform, []).append(record)
    names = sorted(set(by_platform) | set(balance.platforms))
    platforms = tuple(_platform_limits(name, by_platform.get(name, []), balance) for name in names)
    return LimitSeries(balance.as_of, platforms)


def _platform_limits(name: str, records: list[LimitRecord], balance: BalanceSeries) -> PlatformLimits:

    cuts = limit_cuts(records)
    # The step line keeps one value per day: the last recorded that day.
    per_day: dict[date, int] = {}
    for record in records:
        per_day[record.recorded_on] = record.limit_fen
    column = balance.balances_fen.get(name)
    if column is None:
        column = np.zeros(0, dtype=np.int64)  # no loan on this platform: nothing used
    # The days this platform's balance moved (the series lists the days any platform's did), its first included.
    kept = np.flatnonzero(np.r_[True, column[1:] != column[:-1]]) if len(column) else np.zeros(0, dtype=np.intp)
    use_ordinals, use_fen = balance.ordinals[kept], column[kept]
    use_ordinals.flags.writeable = use_fen.flags.writeable = False
    return PlatformLimits(name, tuple(per_day), tuple(per_day.values()), use_ordinals, use_fen, tuple(cuts))
