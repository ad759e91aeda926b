"""The numbers behind the trend charts: ChartData computes each chart's series on demand from the Session's Book
(``services.session``: the one Book the dashboard and the report read too) and keeps them until a change
concerns them.

The series themselves are pure functions in the modules beside this one; money stays in fen. The charts, the
range presets and which charts a change concerns are in ``kinds``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from jiebei_tracker.domain.book import Book, Loan
from jiebei_tracker.services import health
from jiebei_tracker.services.changes import Changes
from jiebei_tracker.services.demo import generate_history
from jiebei_tracker.services.health import HealthSettings
from jiebei_tracker.services.ledger import Ledger
from jiebei_tracker.services.series.balance import (
    BalanceMoves,
    BalanceSeries,
    PlatformCountSeries,
    PlatformRun,
    add_moves,
    balance_changes,
    balance_series_from_runs,
    platform_count_series,
    platform_run,
)
from jiebei_tracker.services.series.borrowing import (
    BorrowedDays,
    BorrowingSeries,
    add_borrowing,
    borrowing_series_from_days,
)
from jiebei_tracker.services.series.health import HealthJob, HealthPoints, HealthResult, HealthSeries
from jiebei_tracker.services.series.kinds import ChartKind, RangePreset, charts_affected, preset_span
from jiebei_tracker.services.series.limits import LimitSeries, limit_series
from jiebei_tracker.services.series.on_time import (
    MonthTallies,
    OnTimeSeries,
    add_tallies,
    month_tallies,
    on_time_series_from_totals,
)
from jiebei_tracker.services.session import Session
from jiebei_tracker.storage.database import Database, open_database

HealthHistory = Callable[..., list]
"""``health_history(database, *, start, end, settings) -> list[HealthPoint]``: a stand-in for the score history
(tests give one); ChartData works the points out from the Book unless given one."""


class ChartData:
    """The chart series of one database as of ``today()`` (the session's today unless given), from the
    ``session``'s Book (a Session of its own over ``database`` when none is given). After a change only the
    changed loans' pieces are worked out again, and only the series the change concerns; a range switch needs
    nothing from here but ``span``.

    Thresholds and grace days are the session's settings, the same the health rules use, so a chart's threshold
    line is the rule's."""

    def __init__(
        self,
        *,
        session: Session | None = None,
        database: Database | None = None,
        today: Callable[[], date] | None = None,
        settings: HealthSettings | None = None,
        health_history: HealthHistory | None = None,
    ) -> None:
        if session is None:
            if database is None:
                raise TypeError("ChartData needs a session or a database")
            session = Session(database=database, today=today or date.today, settings=settings)
        self.session = session
        self._today = today or session.today
        self.database = session.database
        self._health_history = health_history
        self._book: Book | None = None  # the session's Book these series were worked out from
        self._series: dict[ChartKind, object] = {}
        self._balance: BalanceSeries | None = None
        self._as_of: date | None = None
        # Per-loan pieces, kept with the loan they came from (the Book's loans are replaced, not changed, so a
        # loan that is the same object has the same pieces). Cleared when "today" moves.
        self._loan_changes: dict[int, tuple[Loan, list[tuple[date, int]]]] = {}
        self._loan_tallies: dict[int, tuple[Loan, MonthTallies]] = {}
        # Their running sums over all loans, patched loan by loan after a change instead of added up afresh.
        self._moves: BalanceMoves | None = None
        # Each platform's running balance, dropped when a change moves that platform's figures; the last balance
        # series lends the next its days when no day was added or removed.
        self._runs: dict[str, PlatformRun] = {}
        self._last_balance: BalanceSeries | None = None
        self._totals: dict[date, list[int]] | None = None
        self._borrowed: BorrowedDays | None = None
        self._health = HealthPoints()

    @property
    def settings(self) -> HealthSettings:
        return self.session.settings

    @property
    def grace_days(self) -> int:
        return self.settings.grace_days

    # -- what the charts ask for -------------------------------------------------------------------------

    @property
    def as_of(self) -> date:
        return self._today()

    def book(self) -> Book:
        if self._book is None:
            self._book = self.session.book()
        return self._book

    def first_day(self) -> date | None:
        """The earliest day anything was recorded (a loan or a limit)."""
        book = self.book()
        days = [loan.borrowed_on for loan in book.loans[:1]] + [limit.recorded_on for limit in book.limits[:1]]
        return min(days) if days else None

    def span(self, preset: RangePreset) -> tuple[date, date]:
        return preset_span(preset, as_of=self.as_of, first_day=self.first_day())

    def series(self, kind: ChartKind):
        """The series of one chart (cached until a change concerns it, or the day changes)."""
        if kind is ChartKind.HEALTH:
            return self.health()
        as_of = self.as_of
        if as_of != self._as_of:  # the app was left open past midnight: "today" moved
            self._forget_series()
            self._as_of = as_of
        if kind not in self._series:
            self._series[kind] = self._compute(kind, as_of)
        return self._series[kind]

    def borrowing(self) -> BorrowingSeries:
        return self.series(ChartKind.BORROWING)

    def on_time(self) -> OnTimeSeries:
        return self.series(ChartKind.ON_TIME)

    def balance(self) -> BalanceSeries:
        return self.series(ChartKind.BALANCE)

    def limits(self) -> LimitSeries:
        return self.series(ChartKind.LIMITS)

    def platforms(self) -> PlatformCountSeries:
        return self.series(ChartKind.PLATFORMS)

    # -- the health score: slow on long histories, so it can also be worked out a year at a time -------------

    def health(self) -> HealthSeries:
        """The whole score history, working out whatever is missing now (see ``health_jobs`` to do it in the
        background instead)."""
        for job in self.health_jobs():
            self.accept_health(job, self.run_health_job(job))
        return self.health_so_far()

    def health_jobs(self) -> list[HealthJob]:
        """What is missing from the score history, newest year first."""
        jobs = self._health.pending(self.first_day(), self.as_of)
        if self._health_history is None:
            jobs = [replace(job, records=self._book) for job in jobs]
        return jobs

    def run_health_job(self, job: HealthJob) -> HealthResult | list:
        """Works out one job's points from the Book the job carries (the session's when it carries none).
        Touches nothing here, so it may run on a worker thread."""
        if self._health_history is not None:
            return self._health_history(self.database, start=job.start, end=job.end, settings=self.settings)
        book = job.records if job.records is not None else self.session.book()
        points = health.history_points(book, start=job.start, end=job.end, settings=self.settings)
        return HealthResult(points, book)

    def accept_health(self, job: HealthJob, points) -> bool:
        """Keep a finished job's points; False when a change made them stale (plan again with health_jobs)."""
        return self._health.accept(job, points)

    def health_so_far(self) -> HealthSeries:
        return self._health.series(self.as_of)

    # -- keeping up with changes -------------------------------------------------------------------------

    def refresh(self, changes: Changes) -> frozenset[ChartKind]:
        """Catch up with a write that made ``changes`` (the session applies them to its Book, once however many
        ask); returns the charts that need redrawing."""
        kinds = charts_affected(changes)
        patch = self.session.apply(changes)
        before = self._book
        patched = before is not None and patch.before is before and patch.after is not None
        self._book = patch.after if patched else None  # None: read again from the session when next asked
        if not kinds:
            return kinds
        if not patched:
            self._forget_series()
            self._health.forget_from(None)
            return kinds
        after = patch.after
        changed = patch.loan_ids
        old = [loan for loan in before.loans if loan.loan_id in changed]
        fresh = [loan for loan in after.loans if loan.loan_id in changed]
        unmoved = self._patch_running_sums(old, before, fresh, after) if changed else frozenset()
        if ChartKind.BALANCE in kinds:
            self._balance = None
        for kind in kinds - unmoved:
            self._series.pop(kind, None)
        # The score on a day depends on the records up to that day only: keep the points before the change.
        if patch.changes.since is not None:
            self._health.forget_from(patch.changes.since)
        return kinds

    def reload(self) -> None:
        """Forget everything (the session's settings and Book too); the next request reads the database again."""
        self.session.reload()
        self._book = None
        self._forget_series()
        self._health.forget_from(None)

    def _forget_series(self) -> None:
        self._series.clear()
        self._balance = None
        self._loan_changes.clear()
        self._loan_tallies.clear()
        self._moves = None
        self._runs.clear()
        self._last_balance = None
        self._totals = None
        self._borrowed = None

    def _patch_running_sums(
        self, old: list[Loan], before: Book, fresh: list[Loan], after: Book
    ) -> frozenset[ChartKind]:
        """Take the changed loans' old figures out of the running sums and put their new ones in. Returns the
        charts whose sums came out as they were (a repayment borrows nothing, and one made before its installment
        fell due counts in no month yet): their series stay, the same objects, so redrawing them costs nothing."""
        as_of = self._as_of
        unmoved = set()
        if self._borrowed is not None and _borrowed(old) == _borrowed(fresh):
            unmoved.add(ChartKind.BORROWING)
        if self._totals is not None:
            moved_tallies: dict[date, list[int]] = {}  # the changed loans' new tallies less their old ones
            for loan in old:
                add_tallies(moved_tallies, self._tallies_of(loan, as_of), sign=-1)
            for loan in fresh:
                add_tallies(moved_tallies, self._tallies_of(loan, as_of))
            add_tallies(self._totals, moved_tallies)
            if not moved_tallies:
                unmoved.add(ChartKind.ON_TIME)
        if self._moves is not None:
            for loan in old:
                add_moves(self._moves, loan.platform, self._changes_of(loan, before, as_of), sign=-1)
            for loan in fresh:
                add_moves(self._moves, loan.platform, self._changes_of(loan, after, as_of))
            for loan in (*old, *fresh):
                self._runs.pop(loan.platform, None)
        if self._borrowed is not None:
            for loan in old:
                add_borrowing(self._borrowed, loan, sign=-1)
            for loan in fresh:
                add_borrowing(self._borrowed, loan)
        for gone in {loan.loan_id for loan in old} - {loan.loan_id for loan in fresh}:
            self._loan_changes.pop(gone, None)
            self._loan_tallies.pop(gone, None)
        return frozenset(unmoved)

    # -- computing ---------------------------------------------------------------------------------------

    def _balance_series(self, as_of: date) -> BalanceSeries:
        if self._balance is None:
            if self._moves is None:
                self._moves = {}
                self._runs.clear()
                book = self.book()
                for loan in book.loans:
                    add_moves(self._moves, loan.platform, self._changes_of(loan, book, as_of))
            runs = self._runs
            for platform in runs.keys() - self._moves.keys():
                del runs[platform]
            for platform, per_day in self._moves.items():
                if platform not in runs:
                    runs[platform] = platform_run(per_day)
            self._balance = balance_series_from_runs(runs, as_of=as_of, previous=self._last_balance)
            self._last_balance = self._balance
        return self._balance

    def _changes_of(self, loan: Loan, book: Book, as_of: date) -> list[tuple[date, int]]:
        kept = self._loan_changes.get(loan.loan_id)
        if kept is None or kept[0] is not loan:
            changes = balance_changes(loan, book.payments(loan.loan_id), as_of=as_of, grace_days=self.grace_days)
            kept = self._loan_changes[loan.loan_id] = (loan, changes)
        return kept[1]

    def _tallies_of(self, loan: Loan, as_of: date) -> MonthTallies:
        kept = self._loan_tallies.get(loan.loan_id)
        if kept is None or kept[0] is not loan:
            kept = (loan, month_tallies(loan.installments, as_of=as_of, grace_days=self.grace_days))
            self._loan_tallies[loan.loan_id] = kept
        return kept[1]

    def _compute(self, kind: ChartKind, as_of: date):
        book, thresholds = self.book(), self.settings.thresholds
        if kind is ChartKind.BORROWING:
            if self._borrowed is None:
                self._borrowed = {}
                for loan in book.loans:
                    add_borrowing(self._borrowed, loan)
            return borrowing_series_from_days(
                self._borrowed,
                as_of=as_of,
                threshold=thresholds.frequency_short_count,
                window_days=thresholds.frequency_short_days,
            )
        if kind is ChartKind.ON_TIME:
            if self._totals is None:
                self._totals = {}
                for loan in book.loans:
                    add_tallies(self._totals, self._tallies_of(loan, as_of))
            return on_time_series_from_totals(self._totals, as_of=as_of, grace_days=self.grace_days)
        if kind is ChartKind.BALANCE:
            return self._balance_series(as_of)
        if kind is ChartKind.PLATFORMS:
            return platform_count_series(self._balance_series(as_of), threshold=thresholds.platform_count)
        return limit_series(book.limits, self._balance_series(as_of))


def _borrowed(loans) -> list[tuple[date, int]]:
    """What the borrowing chart counts of ``loans``: the day each was taken and its principal."""
    return sorted((loan.borrowed_on, loan.principal_fen) for loan in loans)


def demo_chart_data(folder: Path, *, today: date, years: int = 3, loans: int = 120, seed: int = 20240101) -> ChartData:
    """A generated history (services.demo) in a new database under ``folder``, for running a chart on its own
    and for benchmarks; ``loans=0`` leaves the database empty. Close ``.database`` when done."""

    database = open_database(Path(folder) / "demo-charts.db")
    if loans:
        history = generate_history(today=today, years=years, loans=loans, seed=seed)
        Ledger(database=database, today=lambda: today).add_history(
            history.loans, limits=history.limits, notes=history.notes, platform_kinds=history.platform_kinds
        )
    return ChartData(database=database, today=lambda: today)
