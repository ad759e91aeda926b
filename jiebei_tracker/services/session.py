"""The one door to the user's records for the window and the command line: a ``Session`` holds the one ``Book``
(``domain.book``), read once by the one loader (``storage.book.load_book``) and patched after each change from
the ledger's ``Changes`` — only the changed loans are read again. Everything worked out from the Book (the health
check, the score history, the diagnosis of a limit cut, reminders, the autopay checklist, the report) is kept
until the Book, the day asked about or the settings move, so the dashboard, the charts and the report of one
moment share one read and one piece of work (after moneyGuru's ``Oven`` and Anki's collection operations).

It may be asked from a worker thread: the Book is read-only, loading and patching take a lock, and a worker
keeps the Book it started with while a change makes the next one."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from jiebei_tracker.domain.book import Book, first_difference
from jiebei_tracker.domain.diagnosis import Diagnosis
from jiebei_tracker.domain.health import HealthCheck, check_health
from jiebei_tracker.domain.rules import Thresholds
from jiebei_tracker.services import health
from jiebei_tracker.services.changes import Changes
from jiebei_tracker.services.health import HealthPoint, HealthSettings
from jiebei_tracker.services.health.reminders import AutopayStatus, Reminder, autopay_by_platform, reminders_in
from jiebei_tracker.services.health.report import HealthReport, report_of
from jiebei_tracker.storage.book import cycle_collection_paused, load_book
from jiebei_tracker.storage.database import Database


@dataclass(frozen=True)
class Patch:
    """What one ``Changes`` did to the Book. ``after`` is None when the Book is to be read again in full (loans
    added or removed without saying which, or nothing loaded yet); ``loan_ids`` are the loans read again (those
    the Changes named, and every loan of a platform whose kind changed); ``changes`` is the Changes with
    ``since`` filled in: the first day whose snapshot may differ (None: no day's does; ``date.min``: any day's)."""

    given: Changes
    changes: Changes
    before: Book | None
    after: Book | None
    loan_ids: frozenset[int] = frozenset()


class Session:
    """The Book of one database as of ``today()``, and what is worked out from it, kept between changes.

    ``settings`` (thresholds, grace days) are read from the database unless given, and again after
    ``settings_changed``."""

    def __init__(
        self, *, database: Database, today: Callable[[], date] = date.today, settings: HealthSettings | None = None
    ) -> None:
        self.database = database
        self.today = today
        self._fixed_settings = settings
        self._settings = settings
        self._lock = threading.RLock()
        self._book: Book | None = None
        self._writes_seen = -1  # the database's write count the Book stands for
        self._version = 0
        self._memo: dict[tuple, Any] = {}
        self._last: Patch | None = None

    # -- the Book --------------------------------------------------------------------------------------------

    @property
    def settings(self) -> HealthSettings:
        with self._lock:
            if self._settings is None:
                self._settings = HealthSettings.load(self.database)
            return self._settings

    @property
    def version(self) -> int:
        """Moves each time the Book or the settings do: what is kept is kept for one version."""
        return self._version

    def book(self) -> Book:
        """The whole Book, read on first use and again only when a write reached the file without its Changes
        reaching this session (another part of the program that did not say)."""
        with self._lock:
            if self._book is None or self.database.writes != self._writes_seen:
                self._writes_seen = self.database.writes
                self._book = load_book(self.database)
                self._moved()
            return self._book

    def loaded(self) -> Book | None:
        """The Book if it was read already and is current (else None: ``book()`` would read it)."""
        with self._lock:
            return self._book if self.database.writes == self._writes_seen else None

    def apply(self, changes: Changes) -> Patch:
        """Bring the Book up to date after a write that made ``changes``: the changed loans (and the limits,
        notes and platforms) are read again and put in place of the old ones, so the patched Book is the Book a
        full read would give. The same Changes applied again (each view hands on what the hub announced) is
        done once; the answer says from which day anything may differ."""
        with self._lock:
            last = self._last
            if last is not None and (changes is last.given or changes is last.changes):
                return last
            before = self._book
            if before is None or (changes.loans_added_or_removed and not changes.loan_ids):
                self._book, after, loan_ids, since = None, None, frozenset(), date.min
            else:
                after, loan_ids = self._patched(before, changes.loan_ids)
                since = first_difference(before, after, loan_ids)
                self._book = after
                self._writes_seen = self.database.writes
            self._moved()
            self._last = Patch(changes, replace(changes, since=since), before, after, loan_ids)
            return self._last

    def _patched(self, book: Book, loan_ids: frozenset[int]) -> tuple[Book, frozenset[int]]:
        """``book`` with ``loan_ids`` read again, and the limits, notes and platforms; a platform whose kind
        changed has every loan of it read again too (each loan carries its platform's kind)."""
        fresh = load_book(self.database, loan_ids=loan_ids)
        kinds = fresh.platform_kinds
        rekinded = {
            loan.loan_id
            for loan in book.loans
            if loan.loan_id not in loan_ids and kinds.get(loan.platform) != loan.platform_kind
        }
        if rekinded:
            loan_ids = loan_ids | rekinded
            fresh = load_book(self.database, loan_ids=loan_ids)
        return book.with_loans_replaced(loan_ids, fresh), frozenset(loan_ids)

    def reload(self) -> None:
        """Forget everything (the settings too): the next question reads the database again."""
        with self._lock:
            self._settings = self._fixed_settings
            self._book = None
            self._last = None
            self._moved()

    def save_thresholds(self, thresholds: Thresholds) -> None:
        """Store the rules' thresholds and use them from now on."""
        health.save_thresholds(self.database, thresholds)
        self.settings_changed()

    def settings_changed(self) -> None:
        """The thresholds or grace days were saved: read them again; the Book stays."""
        with self._lock:
            self._settings = self._fixed_settings
            self._moved()

    def _moved(self) -> None:
        self._version += 1
        self._memo.clear()

    def _kept(self, key: tuple, work: Callable[[Book, HealthSettings], Any]) -> Any:
        """``work(book, settings)``, kept for this version of the Book under ``key``. Worked out outside the lock
        (it may be slow): two threads asking at once may both work it out, and keep the same answer."""
        with self._lock:
            book, settings, version = self.book(), self.settings, self._version
            if key in self._memo:
                return self._memo[key]
        with cycle_collection_paused():
            found = work(book, settings)
        with self._lock:
            if self._version == version:
                self._memo[key] = found
        return found

    # -- what is worked out from it ----------------------------------------------------------------------

    def health(self, as_of: date | None = None) -> HealthCheck:
        """The flags in force on ``as_of`` (today by default) and the score."""
        as_of = as_of or self.today()
        return self._kept(
            ("health", as_of),
            lambda book, s: check_health(book, as_of, thresholds=s.thresholds, grace_days=s.grace_days),
        )

    def score_history(self, *, start: date, end: date | None = None) -> list[HealthPoint]:
        """The score at each month's end from ``start`` to ``end`` (the last point is ``end`` itself)."""
        end = end or self.today()
        return self._kept(
            ("score_history", start, end), lambda book, s: health.history_points(book, start=start, end=end, settings=s)
        )

    def recent_scores(self, months: int, as_of: date | None = None) -> list[HealthPoint]:
        """The score history of the last ``months`` months (the dashboard's trend)."""
        as_of = as_of or self.today()
        return self.score_history(start=as_of - timedelta(days=31 * months), end=as_of)

    def latest_cut(self, today: date | None = None) -> Diagnosis | None:
        """The diagnosis of the most recent limit cut on any platform (None when no recorded limit ever fell)."""
        today = today or self.today()
        return self._kept(("latest_cut", today), lambda book, s: health.latest_cut_diagnosis(book, today, s))

    def platform_diagnosis(self, platform: str, today: date | None = None) -> Diagnosis | None:
        """The diagnosis of ``platform``'s latest limit cut (None when its limit never fell); an unknown platform
        is the user's error (InvalidValue)."""
        today = today or self.today()
        return self._kept(
            ("platform_diagnosis", platform, today), lambda book, s: health.platform_diagnosis(book, platform, today, s)
        )

    def cut_diagnosis(self, platform: str, cut_on: date, today: date | None = None) -> Diagnosis | None:
        """The diagnosis of one limit cut: ``platform``'s, recorded on ``cut_on`` (None when there is none)."""
        today = today or self.today()
        return self._kept(
            ("cut_diagnosis", platform, cut_on, today),
            lambda book, s: health.cut_diagnosis(book, platform, cut_on, today, s),
        )

    def autopay_checklist(self, as_of: date | None = None) -> list[AutopayStatus]:
        """Each platform with loans being repaid, and how many of them are on autopay."""
        as_of = as_of or self.today()
        return self._kept(("autopay", as_of), lambda book, s: autopay_by_platform(book.snapshot(as_of)))

    def reminders(self, *, lead_days: int, as_of: date | None = None, nudges: bool = True) -> list[Reminder]:
        """What is overdue, due today and due in the next ``lead_days`` days (with autopay nudges)."""
        as_of = as_of or self.today()
        return self._kept(
            ("reminders", as_of, lead_days, nudges),
            lambda book, s: reminders_in(
                book.snapshot(as_of, grace_days=s.grace_days), lead_days=lead_days, nudges=nudges
            ),
        )

    def report(self, as_of: date | None = None) -> HealthReport:
        """Everything the printable report shows, as of ``as_of``."""
        as_of = as_of or self.today()
        return self._kept(("report", as_of), lambda book, s: report_of(book, as_of=as_of, settings=s))
