"""The sample data's file: marked as the app's own, written beside the user's file, and never over a file the app
did not write as a sample."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from jiebei_tracker.domain.vocabulary import NoteKind
from jiebei_tracker.services.settings import GeneralSettings
from jiebei_tracker.services.workspace import (
    SAMPLE_MARK_KEY,
    create_sample_database,
    free_sample_path,
    has_records,
    is_sample_file,
    open_workspace,
)
from tests.conftest import TODAY
from tests.scenarios import draft


def _loan_days(path) -> list[date]:
    workspace = open_workspace(path, today=lambda: TODAY)
    try:
        return [loan.borrowed_on for loan in workspace.loans()]
    finally:
        workspace.close()


def test_the_sample_is_marked_and_carries_the_user_s_settings(tmp_path):
    path = free_sample_path(tmp_path / "tracker.db")
    assert path == tmp_path / "tracker-sample.db"
    create_sample_database(path, today=TODAY, general=GeneralSettings(grace_days=2, language="zh_CN"))
    assert is_sample_file(path)
    workspace = open_workspace(path, today=lambda: TODAY)
    try:
        assert workspace.settings.get(SAMPLE_MARK_KEY) == {"made_by": "jiebei-tracker", "as_of": "2026-11-28"}
        assert workspace.general_settings() == GeneralSettings(grace_days=2, language="zh_CN")
        assert workspace.loan_count() == 9
    finally:
        workspace.close()


def test_a_user_s_file_at_the_sample_s_name_is_never_replaced(tmp_path):
    mine = tmp_path / "tracker-sample.db"
    own = open_workspace(mine, today=lambda: TODAY)
    own.ledger.add_loan(draft("借呗", external_id="MINE-1"))
    own.close()
    before = mine.read_bytes()
    files_before = sorted(p.name for p in tmp_path.iterdir())

    assert not is_sample_file(mine)
    with pytest.raises(FileExistsError):
        create_sample_database(mine, today=TODAY)
    path = free_sample_path(tmp_path / "tracker.db")
    assert path == tmp_path / "tracker-sample-2.db"
    create_sample_database(path, today=TODAY)

    assert mine.read_bytes() == before  # byte for byte, and no journal left beside it by the checks
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*files_before, "tracker-sample-2.db"])
    assert is_sample_file(path) and not is_sample_file(mine)
    own = open_workspace(mine, today=lambda: TODAY)
    try:
        assert [loan.external_id for loan in own.loans()] == ["MINE-1"]
    finally:
        own.close()


def test_files_that_are_not_this_app_s_samples_are_all_kept(tmp_path):
    (tmp_path / "tracker-sample.db").write_text("my notes, not a database", encoding="utf-8")
    other = sqlite3.connect(tmp_path / "tracker-sample-2.db")
    other.execute("CREATE TABLE setting (key TEXT PRIMARY KEY, value_json TEXT)")
    other.execute("INSERT INTO setting VALUES (?, ?)", (SAMPLE_MARK_KEY, '{"made_by": "someone else"}'))
    other.commit()
    other.close()
    (tmp_path / "tracker-sample-3.db").write_bytes(b"")
    assert [is_sample_file(tmp_path / f"tracker-sample{n}.db") for n in ("", "-2", "-3")] == [False, False, False]
    assert free_sample_path(tmp_path / "tracker.db") == tmp_path / "tracker-sample-4.db"


def test_a_marked_sample_is_refreshed_in_place(tmp_path):
    path = free_sample_path(tmp_path / "tracker.db")
    create_sample_database(path, today=date(2026, 6, 30))
    sample = open_workspace(path, today=lambda: TODAY)
    sample.ledger.add_loan(draft("借呗", external_id="TRIED-1", borrowed_on=date(2026, 6, 1)))
    sample.close()
    assert len(_loan_days(path)) == 10

    assert free_sample_path(tmp_path / "tracker.db") == path
    create_sample_database(path, today=TODAY)
    days = _loan_days(path)
    assert len(days) == 9 and max(days) == date(2026, 10, 8)  # today's sample; what was tried in it is gone
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tracker-sample.db"]


def test_has_records_counts_loans_limits_and_notes(tmp_path):
    for name, write in [
        ("loan", lambda ledger: ledger.add_loan(draft("借呗"))),
        ("limit", lambda ledger: ledger.record_limit("借呗", recorded_on=TODAY, limit_fen=1_000_000)),
        ("note", lambda ledger: ledger.add_note(noted_on=TODAY, kind=NoteKind.INQUIRY, text="银行审批查询")),
    ]:
        workspace = open_workspace(tmp_path / f"{name}.db", today=lambda: TODAY)
        try:
            assert not has_records(workspace.database)
            workspace.save_general_settings(GeneralSettings(grace_days=1))  # settings are not records
            assert not has_records(workspace.database)
            write(workspace.ledger)
            assert has_records(workspace.database)
        finally:
            workspace.close()
