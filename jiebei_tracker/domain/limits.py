"""Credit limits as the user recorded them, and what a cut is — the one definition the dashboard's diagnosis, the
report, the limits chart and the platforms page share: a recorded limit lower than the platform's previous record
(records taken by day, then in the order they were entered)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import date
from operator import attrgetter
from typing import Protocol, TypeVar


@dataclass(frozen=True, slots=True)
class LimitRecord:
    """A platform's credit limit as the user saw it on a day (``limit_id``: its row, where it has one)."""

    platform: str
    recorded_on: date
    limit_fen: int
    limit_id: int = 0


@dataclass(frozen=True)
class LimitCut:
    """A recorded limit lower than the platform's previous record."""

    platform: str
    cut_on: date
    before_fen: int
    after_fen: int

    @property
    def drop_fen(self) -> int:
        return self.before_fen - self.after_fen


class _Recorded(Protocol):
    recorded_on: date
    limit_fen: int


R = TypeVar("R", bound=_Recorded)


def limit_changes(records: Iterable[R], *, platform_of: Callable[[R], Hashable]) -> list[tuple[R, int | None]]:
    """Each record, in the order given (by day, then as entered), with how far it moved its platform's limit from
    the previous record (negative: a cut; None for a platform's first record)."""
    previous: dict[Hashable, int] = {}
    changes = []
    for record in records:
        key = platform_of(record)
        before = previous.get(key)
        changes.append((record, None if before is None else record.limit_fen - before))
        previous[key] = record.limit_fen
    return changes


def limit_cuts(limits: Iterable[LimitRecord], platform: str | None = None) -> list[LimitCut]:
    """Every fall in a platform's recorded limit (or every platform's), oldest first."""
    ordered = sorted(limits, key=attrgetter("recorded_on"))  # stable: a day's records stay as entered
    return [
        LimitCut(record.platform, record.recorded_on, record.limit_fen - change, record.limit_fen)
        for record, change in limit_changes(ordered, platform_of=attrgetter("platform"))
        if change is not None and change < 0 and (platform is None or record.platform == platform)
    ]
