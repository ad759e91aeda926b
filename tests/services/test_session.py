"""The Session: one Book read once, patched after every change into the Book a fresh read gives, and what is
worked out from it kept until the Book, the day or the settings move."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.rules import Thresholds
from jiebei_tracker.domain.vocabulary import NoteKind, PlatformKind
from jiebei_tracker.services import session as session_module
from jiebei_tracker.services.demo import generate_history
from jiebei_tracker.services.health import save_thresholds
from jiebei_tracker.services.ledger import Ledger
from jiebei_tracker.services.session import Session
from jiebei_tracker.storage.book import load_book
from jiebei_tracker.storage.database import open_database
from tests.conftest import TODAY
from tests.history_answers import assert_same_answers
from tests.ledger_operations import FIRST, OPERATIONS, apply_operation, open_loans
from tests.scenarios import draft


@pytest.fixture
def demo(database, ledger):
    history = generate_history(today=TODAY, years=2, loans=30, seed=3)
    ledger.add_history(history.loans, limits=history.limits, notes=history.notes, platform_kinds=history.platform_kinds)
    return Session(database=database, today=lambda: TODAY)


@pytest.fixture
def reads(monkeypatch):
    """Every read of the Book the session makes: None for a whole read, else the loan ids asked for."""
    asked = []
    real = session_module.load_book

    def counted(database, *, loan_ids=None):
        asked.append(None if loan_ids is None else sorted(loan_ids))
        return real(database, loan_ids=loan_ids)

    monkeypatch.setattr(session_module, "load_book", counted)
    return asked


def _assert_as_read_afresh(session: Session) -> None:
    kept, read = session.loaded(), load_book(session.database)
    assert kept is not None  # the patched Book itself, not one read again
    for name in ("loans", "repayments", "limits", "notes", "platform_kinds"):
        assert getattr(kept, name) == getattr(read, name), name
    assert_same_answers(kept, read, [FIRST, date(2025, 12, 31), TODAY])


def test_the_dashboard_questions_share_one_read_and_are_kept(demo, reads):
    check = demo.health()
    trend = demo.recent_scores(6)
    demo.autopay_checklist()
    demo.latest_cut()
    demo.report()
    assert reads == [None]  # one whole read for all of them
    assert demo.health() is check and demo.recent_scores(6) is trend  # kept, not worked out again
    assert demo.health(date(2026, 6, 30)) is not check  # another day is another question


def test_a_change_is_read_for_its_loan_only_and_the_answers_follow_it(demo, ledger, reads):
    before = demo.health()
    loan = open_loans(demo.database)[0]
    changes = ledger.log_repayment(loan.loan_id, paid_on=TODAY, amount_fen=loan.next_due_fen)
    patch = demo.apply(changes)
    assert reads == [None, [loan.loan_id]]  # no second whole read: only the changed loan (limits, notes too)
    assert patch.changes.since == TODAY and patch.loan_ids == {loan.loan_id}
    assert demo.apply(changes) is patch and demo.apply(patch.changes) is patch  # the same Changes: done once
    after = demo.health()
    assert after is not before
    assert after == Session(database=demo.database).health(TODAY)
    _assert_as_read_afresh(demo)


def test_a_note_and_a_backdated_repayment_say_from_which_day_the_rules_may_see_otherwise(demo, ledger):
    demo.book()
    note = demo.apply(ledger.add_note(noted_on=date(2026, 3, 4), kind=NoteKind.INQUIRY, text="贷款审批查询"))
    assert note.changes.since == date(2026, 3, 4)
    loan = open_loans(demo.database)[-1]
    paid_on = max(loan.borrowed_on, date(2026, 9, 14))
    assert demo.apply(ledger.log_repayment(loan.loan_id, paid_on=paid_on, amount_fen=100)).changes.since == paid_on


def test_a_platform_changing_kind_reads_every_loan_of_it_again(demo, ledger, reads):
    book = demo.book()
    name = book.loans[0].platform
    ids = sorted(loan.loan_id for loan in book.loans if loan.platform == name)
    patch = demo.apply(ledger.set_platform_kind(name, PlatformKind.BANK))
    assert patch.changes.since == date.min and sorted(patch.loan_ids) == ids
    assert all(loan.platform_kind is PlatformKind.BANK for loan in demo.book().loans if loan.platform == name)
    _assert_as_read_afresh(demo)


def test_a_write_whose_changes_never_came_is_not_missed(demo, ledger, reads):
    demo.health()
    ledger.add_loan(draft("借呗", borrowed_on=date(2026, 11, 20), principal_yuan=2_000, months=3))  # not applied
    assert len(demo.book().loans) == 31
    assert reads == [None, None]  # read again in full
    assert demo.health() == Session(database=demo.database).health(TODAY)


def test_settings_saved_are_used_from_then_on_and_the_book_stays(database, ledger, reads):
    for platform in ("借呗", "微粒贷", "京东金条"):  # three platforms owed at once
        ledger.add_loan(draft(platform, borrowed_on=date(2026, 10, 8), principal_yuan=3_000, months=6))
    session = Session(database=database, today=lambda: TODAY)
    assert "multi_platform" in session.health().rule_ids
    save_thresholds(database, Thresholds(platform_count=4))
    assert "multi_platform" in session.health().rule_ids  # not told yet: what was worked out stays
    session.settings_changed()
    assert session.settings.thresholds.platform_count == 4
    assert "multi_platform" not in session.health().rule_ids
    assert reads == [None]  # the same Book, read with the new thresholds


def test_an_unknown_platform_is_the_users_error(demo):
    with pytest.raises(InvalidValue) as caught:
        demo.platform_diagnosis("花呗")
    assert caught.value.field == "PLATFORM"


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(operations=st.lists(st.sampled_from(OPERATIONS), min_size=1, max_size=5), data=st.data())
def test_the_patched_book_is_the_book_read_afresh_after_any_change(operations, data):
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(Path(folder) / "session.db", backups=False)
        try:
            history = generate_history(today=TODAY, years=2, loans=15, seed=5)
            ledger = Ledger(database=database, today=lambda: TODAY)
            ledger.add_history(
                history.loans, limits=history.limits, notes=history.notes, platform_kinds=history.platform_kinds
            )
            session = Session(database=database, today=lambda: TODAY)
            session.book()
            for operation in operations:
                try:
                    changes = apply_operation(operation, data.draw, database, ledger, session.apply)
                except InvalidValue:
                    continue  # the ledger refused it: nothing changed
                if changes is not None:
                    patch = session.apply(changes)
                    if patch.after is None:  # loans added or removed without saying which: read in full
                        assert changes.loans_added_or_removed and not changes.loan_ids
                        session.book()
                    _assert_as_read_afresh(session)
        finally:
            database.close()


def test_every_write_says_who_made_its_changes(database, ledger):
    from jiebei_tracker.services.changes import Changes
    from jiebei_tracker.services.ledger import WRITES

    added = ledger.add_loan(draft("借呗", borrowed_on=date(2026, 10, 8), principal_yuan=3_000, months=6))
    paid, _ = ledger.log_repayment_undoably(added.created_id, paid_on=TODAY, amount_fen=10_000)
    assert (added.who, paid.who) == ("add_loan", "log_repayment_undoably")
    assert ledger.delete_loan(added.created_id).who == "delete_loan"  # not the undoable delete it goes through
    assert (added | paid | added).who == "add_loan + log_repayment_undoably"
    assert (Changes() | paid).who == "log_repayment_undoably"
    assert {"add_history", "log_repayment", "pay_off", "undo_import", "record_limit", "add_note"} <= set(WRITES)
    session = Session(database=database, today=lambda: TODAY)
    session.book()
    assert session.apply(ledger.add_note(noted_on=TODAY, kind=NoteKind.INQUIRY, text="查询")).changes.who == "add_note"
