"""The health features over a Book: thresholds from the settings, the monthly score history and the diagnosis of
a limit cut (``services.session.Session`` asks for them, and keeps the answers)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from jiebei_tracker.domain.book import Book
from jiebei_tracker.domain.diagnosis import Diagnosis, diagnose
from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.health import score_history_quickly
from jiebei_tracker.domain.limits import LimitCut, limit_cuts
from jiebei_tracker.domain.rules import Thresholds
from jiebei_tracker.services.settings import SettingsStore
from jiebei_tracker.storage.book import cycle_collection_paused
from jiebei_tracker.storage.database import Database

THRESHOLDS_KEY = "rule_thresholds"


@dataclass(frozen=True)
class HealthSettings:
    """What the rules need from the user's settings: thresholds and the grace days for lateness."""

    thresholds: Thresholds = field(default_factory=Thresholds)
    grace_days: int = 0

    @classmethod
    def load(cls, database: Database) -> HealthSettings:
        """Thresholds stored under ``rule_thresholds`` (docs/health-rules.md defaults where absent), grace days from the
        general settings."""
        store = SettingsStore(database=database)
        return cls(Thresholds.from_mapping(store.get(THRESHOLDS_KEY, {})), store.general().grace_days)


def save_thresholds(database: Database, thresholds: Thresholds) -> None:
    SettingsStore(database=database).put(THRESHOLDS_KEY, thresholds.to_mapping())


@dataclass(frozen=True)
class HealthPoint:
    """One point of the score history: the day (a month's last day, or ``end``), the score, the rules in force."""

    as_of: date
    score: int
    flag_ids: frozenset[str]


def history_points(book: Book, *, start: date, end: date, settings: HealthSettings) -> list[HealthPoint]:
    """The score at each month's end from ``start`` to ``end`` (the current month's point is ``end`` itself),
    with the ids of the rules in force then — for the charts and the dashboard's trend."""
    with cycle_collection_paused():
        scores = score_history_quickly(
            book, start=start, end=end, thresholds=settings.thresholds, grace_days=settings.grace_days
        )
    return [HealthPoint(point.as_of, point.score, point.rule_ids) for point in scores]


def latest_cut_diagnosis(book: Book, today: date, settings: HealthSettings) -> Diagnosis | None:
    """The diagnosis of the most recent limit cut on any platform (None when no recorded limit ever fell)."""
    cuts = limit_cuts(book.limits)
    latest = max(cuts, key=lambda cut: (cut.cut_on, cut.platform)) if cuts else None
    return _diagnosed(book, latest, today, settings)


def platform_diagnosis(book: Book, platform: str, today: date, settings: HealthSettings) -> Diagnosis | None:
    """The diagnosis of the platform's latest limit cut (None when its recorded limit never fell), with the
    checklist measured on ``today``. An unknown platform is the user's error."""
    name = platform.strip()
    if name not in book.platform_kinds:
        known = ", ".join(sorted(book.platform_kinds)) or "none yet"
        raise InvalidValue("PLATFORM", platform, f"no such platform (known: {known})")
    cuts = limit_cuts(book.limits, name)
    return _diagnosed(book, cuts[-1] if cuts else None, today, settings)


def cut_diagnosis(book: Book, platform: str, cut_on: date, today: date, settings: HealthSettings) -> Diagnosis | None:
    """The diagnosis of the platform's limit cut recorded on ``cut_on`` (None when no cut was recorded that day),
    with the checklist measured on ``today``."""
    cut = next((cut for cut in limit_cuts(book.limits, platform.strip()) if cut.cut_on == cut_on), None)
    return _diagnosed(book, cut, today, settings)


def _diagnosed(book: Book, cut: LimitCut | None, today: date, settings: HealthSettings) -> Diagnosis | None:
    """``cut``'s diagnosis with the user's thresholds and grace days, the checklist measured on ``today``."""
    if cut is None:
        return None
    return diagnose(book, cut, as_of=today, thresholds=settings.thresholds, grace_days=settings.grace_days)
