"""One open database with its ledger and read-side queries: what the window is handed (it never sees SQL)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from jiebei_tracker.services import dues
from jiebei_tracker.services.settings import GeneralSettings, SettingsStore
from jiebei_tracker.storage import reads
from jiebei_tracker.storage.database import Database, open_database
from jiebei_tracker.storage.settings import setting_json_in_file

if TYPE_CHECKING:  # the door's parts: imported when first used (see Workspace)
    from jiebei_tracker.domain.errors import InvalidValue
    from jiebei_tracker.domain.payments import PayoffQuote
    from jiebei_tracker.domain.prepay import Keep, Prepayment
    from jiebei_tracker.domain.rules import Thresholds
    from jiebei_tracker.services import credit, loans
    from jiebei_tracker.services.imports import history as import_history
    from jiebei_tracker.services.ledger import Ledger
    from jiebei_tracker.services.session import Session


class Workspace:
    """Reads for the views, ``session`` for the Book and what is worked out from it, and ``ledger`` for every
    write. ``today`` is injectable for tests.

    The reads the window opens with use the plain driver. What brings SQLAlchemy (a good part of a second to
    import) — the ledger, the session, one loan looked at closely — is made on first use: the first write, the
    first health check, the first loan opened, or ``warm_up`` once the window is on screen; the lists' modules
    with the first list shown. This is the one place the services are imported late (see ``_loans`` and below)."""

    def __init__(self, *, database: Database, today: Callable[[], date] = date.today, grace_days: int = 0) -> None:
        self.database = database
        self.today = today
        self.grace_days = grace_days
        self.settings = SettingsStore(database=database)
        self._ledger: Ledger | None = None
        self._session: Session | None = None

    @property
    def session(self) -> Session:
        """The one Book and everything worked out from it (health, score history, diagnosis, reminders, the
        report, the charts' records): made on first use, like the ledger."""
        if self._session is None:
            from jiebei_tracker.services.session import Session

            self._session = Session(database=self.database, today=self.today)
        return self._session

    @property
    def ledger(self) -> Ledger:
        if self._ledger is None:
            from jiebei_tracker.services.ledger import Ledger

            self._ledger = Ledger(database=self.database, today=self.today)
        return self._ledger

    def warm_up(self) -> None:
        """Load what the first write needs (the ledger, SQLAlchemy, the engine) ahead of it, at a quiet moment."""
        _ = self.ledger, self.database.engine

    def loans(self, loan_ids: list[int] | None = None) -> list[loans.LoanSummary]:
        return _loans().list_loans(self.database, today=self.today(), grace_days=self.grace_days, loan_ids=loan_ids)

    def loan_detail(self, loan_id: int, *, as_of: date | None = None) -> loans.LoanDetail:
        today = self.today()
        return _close_up().loan_detail(
            self.database, loan_id, as_of=as_of or today, today=today, grace_days=self.grace_days
        )

    def payoff_quote(self, loan_id: int, *, paid_on: date) -> PayoffQuote:
        return _close_up().payoff_quote(self.database, loan_id, paid_on=paid_on)

    def prepayment_preview(self, loan_id: int, *, paid_on: date, amount_fen: int, keep: Keep) -> Prepayment:
        return _close_up().prepayment_preview(
            self.database, loan_id, paid_on=paid_on, amount_fen=amount_fen, keep=keep, today=self.today()
        )

    def repayments(self, loan_id: int | None = None) -> list[loans.RepaymentLine]:
        """Every repayment (or one loan's), in the order they were paid, with where each came from."""
        return _loans().list_repayments(self.database, loan_id=loan_id)

    def repayment_change_refused(self, repayment_id: int) -> InvalidValue | None:
        """Why the repayment's day or amount cannot be changed, nor the repayment deleted (``loans.change_refused``),
        asked before a dialog opens: the ledger refuses the same."""
        found = _loans().list_repayments(self.database, repayment_id=repayment_id)
        return _loans().change_refused(repayment_id, found[0].loan_id, found[0].source) if found else None

    def repayment_outlook(self, loan_id: int, *, paid_on: date) -> loans.RepaymentOutlook:
        """The installments a repayment typed by hand on ``paid_on`` would meet (see loan_detail.repayment_outlook)."""
        return _close_up().repayment_outlook(self.database, loan_id, paid_on=paid_on)

    def platforms(self) -> list[credit.PlatformSummary]:
        return _credit().list_platforms(self.database)

    def notes(self) -> list[credit.NoteRecord]:
        return _credit().list_notes(self.database)

    def imports(self) -> list[import_history.ImportRecord]:
        """Every import made, newest first (undoing one is ``ledger.undo_import``)."""
        return _imports().list_imports(self.database)

    def latest_import(self) -> import_history.ImportRecord | None:
        """The newest import not undone yet: the one Edit ▸ Undo import takes back."""
        return _imports().latest_undoable(self.database)

    # -- for the window: the loans list at any size, what is due, totals, settings ---------------------------

    def loan_ids(self, query: loans.LoanQuery) -> list[int]:
        return _loans().find_loan_ids(self.database, query, today=self.today(), grace_days=self.grace_days)

    def loan_count(self) -> int:
        return _loans().count_loans(self.database)

    def platform_names(self) -> list[str]:
        return _loans().platform_names(self.database)

    def due_installments(self, *, days: int = 30) -> list[dues.DueInstallment]:
        return dues.due_installments(self.database, today=self.today(), days=days, grace_days=self.grace_days)

    def totals(self) -> dues.LoanTotals:
        return dues.loan_totals(self.database, today=self.today(), grace_days=self.grace_days)

    def general_settings(self) -> GeneralSettings:
        return self.settings.general()

    def save_general_settings(self, settings: GeneralSettings) -> None:
        """Store the settings; the grace days apply to every read from now on."""
        self.settings.put_general(settings)
        self.grace_days = settings.grace_days
        if self._session is not None:
            self._session.settings_changed()

    def thresholds(self) -> Thresholds:
        return self.session.settings.thresholds

    def save_thresholds(self, thresholds: Thresholds) -> None:
        self.session.save_thresholds(thresholds)

    def close(self) -> None:
        self.database.close()


# -- the door's parts, each imported on first use: the window's first frame needs only services.dues ---------


def _loans():
    from jiebei_tracker.services import loans

    return loans


def _close_up():
    """One loan looked at closely (the payment arithmetic and the ORM): with the first loan opened."""
    from jiebei_tracker.services import loan_detail

    return loan_detail


def _credit():
    from jiebei_tracker.services import credit

    return credit


def _imports():
    from jiebei_tracker.services.imports import history

    return history


def open_workspace(
    path: Path, *, today: Callable[[], date] = date.today, backups: bool = True, key: str | None = None
) -> Workspace:
    """Open the database at ``path`` with the grace days its settings ask for (``backups``: the daily one; never
    for sample data, which has nothing worth keeping; ``key``: its passphrase, if it has one)."""
    backups = backups and not is_sample_file(path)
    workspace = Workspace(database=open_database(path, backups=backups, key=key), today=today)
    workspace.grace_days = workspace.general_settings().grace_days
    return workspace


SAMPLE_SUFFIX = "-sample"

SAMPLE_MARK_KEY = "sample_data"
"""The setting that marks a file as sample data this app wrote: ``{"made_by": "jiebei-tracker", "as_of": day}``.
Only a file carrying it is ever replaced by a fresh sample; any other file at the sample's name is left alone."""
_MADE_BY = "jiebei-tracker"


def sample_path_for(path: Path) -> Path:
    """Where the sample data lives: its own file beside the user's (``jiebei-tracker-sample.db``), never in it."""
    path = Path(path)
    return path.with_name(f"{path.stem}{SAMPLE_SUFFIX}{path.suffix or '.db'}")


def free_sample_path(path: Path) -> Path:
    """Where a fresh sample for the user's file at ``path`` may be written: ``sample_path_for(path)`` when nothing
    is there or only an earlier sample is, else the first of ``…-sample-2.db``, ``…-sample-3.db``, … that is."""
    first = sample_path_for(path)
    candidate, number = first, 1
    while candidate.exists() and not is_sample_file(candidate):
        number += 1
        candidate = first.with_name(f"{first.stem}-{number}{first.suffix}")
    return candidate


def is_sample_file(path: Path) -> bool:
    """Whether ``path`` is a database carrying the sample mark. It is read as an immutable file, so checking
    writes nothing — not even a journal beside it; a mark not yet checkpointed from a journal counts as absent,
    which errs on the side of keeping the file."""
    text = setting_json_in_file(path, SAMPLE_MARK_KEY)
    try:
        mark = json.loads(text) if text is not None else None
    except ValueError:
        return False
    return isinstance(mark, dict) and mark.get("made_by") == _MADE_BY


def has_records(database: Database) -> bool:
    """Whether the database holds any loan, limit record or credit-report note."""
    with database.read() as connection:
        return reads.has_records(connection)


def create_sample_database(path: Path, *, today: date, general: GeneralSettings | None = None) -> None:
    """Write the sample borrower's history (services.demo), dated up to ``today``, to ``path``, marked as sample
    data, with the user's general settings copied in so the sample reads like their own file. An earlier sample
    at ``path`` is replaced; any other file there is refused (choose the path with ``free_sample_path``)."""
    from jiebei_tracker.services.demo import sample_history
    from jiebei_tracker.services.ledger import Ledger

    path = Path(path)
    if path.exists() and not is_sample_file(path):
        raise FileExistsError(path)
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    database = open_database(path, backups=False)  # sample data: nothing to keep
    try:
        store = SettingsStore(database=database)
        # The mark goes in first: a sample cut short is still recognised, and replaced, next time.
        store.put(SAMPLE_MARK_KEY, {"made_by": _MADE_BY, "as_of": today.isoformat()})
        history = sample_history(today=today)
        Ledger(database=database, today=lambda: today).add_history(
            history.loans, limits=history.limits, notes=history.notes, platform_kinds=history.platform_kinds
        )
        if general is not None:
            store.put_general(general)
    finally:
        database.close()
