"""Health score history, and the month ends on which each flag was first and last seen in force."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple, Protocol

from jiebei_tracker.domain.health import month_ends


class ScorePoint(Protocol):
    """What the health service gives for each month end (``services.health.HealthPoint``)."""

    as_of: date
    score: int
    flag_ids: frozenset[str]


@dataclass(frozen=True)
class FlagPeriod:
    """A flag in force from the month end ``started_on`` on; ``ended_on`` is the first month end on which it
    no longer was (None while it still is)."""

    flag_id: str
    started_on: date
    ended_on: date | None


@dataclass(frozen=True)
class HealthSeries:
    """One score per month end, oldest first, and the flag periods by start date."""

    as_of: date
    days: tuple[date, ...]
    scores: tuple[int, ...]
    flag_ids: tuple[frozenset[str], ...]
    flag_periods: tuple[FlagPeriod, ...]

    @property
    def is_empty(self) -> bool:
        return not self.days

    def index_on(self, day: date) -> int | None:
        """The point nearest to ``day``."""
        if not self.days:
            return None
        return min(range(len(self.days)), key=lambda i: abs((self.days[i] - day).days))

    @property
    def flags_seen(self) -> tuple[str, ...]:
        """Every flag that was ever in force, in the order it first appeared."""
        return tuple(dict.fromkeys(period.flag_id for period in self.flag_periods))


def health_series(points: Iterable[ScorePoint], *, as_of: date) -> HealthSeries:
    ordered = sorted(points, key=lambda point: point.as_of)
    open_since: dict[str, date] = {}
    periods: list[FlagPeriod] = []
    for point in ordered:
        for flag_id in sorted(point.flag_ids - open_since.keys()):
            open_since[flag_id] = point.as_of
        for flag_id in sorted(open_since.keys() - point.flag_ids):
            periods.append(FlagPeriod(flag_id, open_since.pop(flag_id), point.as_of))
    periods.extend(FlagPeriod(flag_id, started, None) for flag_id, started in open_since.items())
    periods.sort(key=lambda period: (period.started_on, period.flag_id))
    return HealthSeries(
        as_of,
        tuple(point.as_of for point in ordered),
        tuple(point.score for point in ordered),
        tuple(frozenset(point.flag_ids) for point in ordered),
        tuple(periods),
    )


CHUNK_MONTHS = 12


@dataclass(frozen=True)
class HealthJob:
    """Month ends ``start`` … ``end`` to work out, planned at cache ``generation`` (stale once it moves on);
    ``records``, when already loaded, are the rules' records to work them out from (read-only, so a worker
    thread may use them)."""

    generation: int
    start: date
    end: date
    records: object = field(default=None, compare=False, repr=False)


class HealthResult(NamedTuple):
    """A job's points, and the records they came from (for ChartData to keep for the next job)."""

    points: list
    records: object = None


class HealthPoints:
    """Month-end health points kept between changes. The score on a day depends only on records up to that day,
    so a change from some day on makes only the points from that day on stale: those are forgotten and worked
    out again, a year at a time, newest first (so the recent months show first)."""

    def __init__(self) -> None:
        self._points: dict[date, ScorePoint] = {}
        self.generation = 0

    def forget_from(self, day: date | None) -> None:
        """Points on or after ``day`` (all of them when None) no longer hold."""
        self._points = {} if day is None else {d: p for d, p in self._points.items() if d < day}
        self.generation += 1

    def pending(self, first_day: date | None, as_of: date) -> list[HealthJob]:
        """The jobs that would complete the history from ``first_day``'s month to ``as_of``."""
        expected = [] if first_day is None else month_ends(first_day, as_of)
        wanted = set(expected)
        # A point dated on an earlier "today" (mid-month) is not a month end any more once the day moves on.
        self._points = {d: p for d, p in self._points.items() if d in wanted}
        # Runs of consecutive missing month ends (a job asks for every month end between its start and end).
        runs: list[list[date]] = []
        for index, day in enumerate(expected):
            if day in self._points:
                continue
            if runs and runs[-1][-1] == expected[index - 1]:
                runs[-1].append(day)
            else:
                runs.append([day])
        jobs = []
        for run in reversed(runs):
            while run:
                chunk, run = run[-CHUNK_MONTHS:], run[:-CHUNK_MONTHS]
                jobs.append(HealthJob(self.generation, chunk[0].replace(day=1), chunk[-1]))
        return jobs

    def accept(self, job: HealthJob, points: Iterable[ScorePoint]) -> bool:
        """Keep a job's points, unless a change came in since it was planned (then it is planned again)."""
        if job.generation != self.generation:
            return False
        if isinstance(points, HealthResult):
            points = points.points
        for point in points:
            self._points[point.as_of] = point
        return True

    def series(self, as_of: date) -> HealthSeries:
        return health_series(self._points.values(), as_of=as_of)
