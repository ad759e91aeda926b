"""The workspace reads with the plain driver and makes its ledger (and SQLAlchemy's engine) on first use; the
reads agree with what the ledger wrote, through either connection."""

from __future__ import annotations

from datetime import date

import pytest

from jiebei_tracker.domain.vocabulary import InstallmentStatus, LoanStatus, NoteKind
from jiebei_tracker.services import ledger as ledger_module
from jiebei_tracker.services.ledger import Ledger
from jiebei_tracker.services.loans import LoanQuery
from jiebei_tracker.services.settings import GeneralSettings
from jiebei_tracker.services.workspace import open_workspace
from tests.conftest import TODAY
from tests.scenarios import draft


@pytest.fixture
def ledgers_made(monkeypatch) -> list[Ledger]:
    """Every Ledger made from here on."""
    made: list[Ledger] = []

    class NotedLedger(Ledger):
        def __init__(self, **kwargs) -> None:
            super().__init__(**kwargs)
            made.append(self)

    monkeypatch.setattr(ledger_module, "Ledger", NotedLedger)
    return made


def test_reads_need_no_engine_and_the_ledger_made_on_first_use_writes(db_path, ledgers_made):
    open_workspace(db_path).close()  # a new file is made by Alembic, on the engine
    workspace = open_workspace(db_path, today=lambda: TODAY)
    try:
        assert workspace.totals().loans == 0 and workspace.general_settings() == GeneralSettings()
        assert not workspace.database.has_engine and ledgers_made == []
        changes = workspace.ledger.add_loan(draft("借呗", external_id="JB-1", borrowed_on=date(2026, 6, 1)))
        assert workspace.database.has_engine and workspace.ledger is workspace.ledger is ledgers_made[0]
        [loan] = workspace.loans()
        assert (loan.loan_id, loan.external_id, loan.platform) == (changes.created_id, "JB-1", "借呗")
        assert loan.status in (LoanStatus.ACTIVE, LoanStatus.OVERDUE) and loan.borrowed_on == date(2026, 6, 1)
        assert workspace.loan_ids(LoanQuery(text="JB")) == [loan.loan_id]
        assert workspace.loan_count() == 1 and workspace.platform_names() == ["借呗"]
        due = workspace.due_installments(days=30)
        assert all(d.loan_id == loan.loan_id for d in due)
        totals = workspace.totals()
        assert totals.outstanding_fen == loan.outstanding_fen and totals.open_loans == 1

        first = workspace.loan_detail(loan.loan_id).schedule[0]
        workspace.ledger.log_repayment(loan.loan_id, paid_on=TODAY, amount_fen=first.total_fen)
        assert workspace.loan_detail(loan.loan_id).schedule[0].status in (
            InstallmentStatus.ON_TIME,
            InstallmentStatus.LATE,
        )
        assert workspace.totals().outstanding_fen == totals.outstanding_fen - first.principal_fen

        workspace.save_general_settings(GeneralSettings(grace_days=3, language="en"))
        assert workspace.general_settings() == GeneralSettings(grace_days=3, language="en")
        workspace.ledger.add_note(noted_on=TODAY, kind=NoteKind.INQUIRY, text="查询")
        assert [note.text for note in workspace.notes()] == ["查询"]
        workspace.ledger.record_limit("借呗", recorded_on=TODAY, limit_fen=5_000_000)
        assert workspace.platforms()[0].current_limit_fen == 5_000_000
    finally:
        workspace.close()


def test_warm_up_loads_the_ledger_and_engine(db_path, ledgers_made):
    workspace = open_workspace(db_path, today=lambda: TODAY)
    try:
        workspace.warm_up()
        assert workspace.database.has_engine and len(ledgers_made) == 1
        workspace.ledger.add_note(noted_on=TODAY, kind=NoteKind.INQUIRY, text="查询")
        assert ledgers_made == [workspace.ledger]  # the write used the ledger made ahead of it
    finally:
        workspace.close()
