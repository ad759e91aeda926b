"""One open database with its ledger and read-side queries: what the window is handed (it never sees SQL)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from jiebei_tracker.domain.payments import PayoffQuote
from jiebei_tracker.services import credit, loans
from jiebei_tracker.services.ledger import Ledger
from jiebei_tracker.storage.database import Database


class Workspace:
    """Reads for the views, and ``ledger`` for every write. ``today`` is injectable for tests."""

    def __init__(self, *, database: Database, today: Callable[[], date] = date.today, grace_days: int = 0) -> None:
        self.database = database
        self.today = today
        self.grace_days = grace_days
        self.ledger = Ledger(database=database, today=today)

    def loans(self, loan_ids: list[int] | None = None) -> list[loans.LoanSummary]:
        return loans.list_loans(self.database, today=self.today(), grace_days=self.grace_days, loan_ids=loan_ids)

    def loan_detail(self, loan_id: int, *, as_of: date | None = None) -> loans.LoanDetail:
        today = self.today()
        return loans.loan_detail(self.database, loan_id, as_of=as_of or today, today=today, grace_days=self.grace_days)

    def payoff_quote(self, loan_id: int, *, paid_on: date) -> PayoffQuote:
        return loans.payoff_quote(self.database, loan_id, paid_on=paid_on)

    def platforms(self) -> list[credit.PlatformSummary]:
        return credit.list_platforms(self.database)

    def notes(self) -> list[credit.NoteRecord]:
        return credit.list_notes(self.database)

    def close(self) -> None:
        self.database.close()
