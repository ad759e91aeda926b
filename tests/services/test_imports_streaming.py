"""Imports stream a file: the plan keeps counts, the first errors and a checksum rather than every record, the
write reads the file again a batch at a time in one transaction, and a file changed since its check is refused
with nothing written."""

from __future__ import annotations

import gc
import sqlite3
import tracemalloc
from datetime import timedelta

import pytest

from jiebei_tracker.domain.past import PastRepayments
from jiebei_tracker.importers.columns import FileKind
from jiebei_tracker.importers.errors import MAX_KEPT_ERRORS, ImportFailure
from jiebei_tracker.importers.reading import ReadOptions
from jiebei_tracker.services.imports.service import ImportService, PastAnswer
from jiebei_tracker.services.ledger import bulk as ledger_bulk
from jiebei_tracker.services.loans import list_loans
from tests.conftest import TODAY
from tests.importers.samples import loans_csv

# Borrowed a few days ago: nothing has fallen due, so the import asks nothing about past installments.
RECENT = (TODAY - timedelta(days=3)).isoformat()


@pytest.fixture
def service(database, ledger):
    return ImportService(database=database, ledger=ledger, today=lambda: TODAY)


def dump(database) -> dict[str, list[tuple]]:
    with sqlite3.connect(database.path) as connection:
        names = [n for (n,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {n: connection.execute(f'SELECT * FROM "{n}" ORDER BY rowid').fetchall() for n in names}


def _loans_file(tmp_path, count: int, *, note: str = "", bad_every: int = 0):
    """``count`` loans with ids S-0…; every ``bad_every``-th has an impossible date."""
    days = ["2024-02-30" if bad_every and n % bad_every == 0 else RECENT for n in range(count)]
    rows = [f"S-{n},借呗,{day},{1000 + n},12,等额本息,9.12%,,,{note}" for n, day in enumerate(days)]
    path = tmp_path / "loans.csv"
    path.write_text(loans_csv(*rows), encoding="utf-8")
    return path


def _plan(service, path, kind=FileKind.LOANS):
    return service.plan(path, file_name=path.name, options=ReadOptions(kind=kind))


def test_a_plan_holds_counts_and_the_first_errors_not_every_record(service, tmp_path):
    path = _loans_file(tmp_path, 3000, note="备注" * 1000, bad_every=2)  # 6 MB of notes, 1,500 bad rows
    gc.collect()
    tracemalloc.start()
    try:
        plan = _plan(service, path)
        gc.collect()
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert (plan.rows, plan.new, plan.present, plan.bad) == (3000, 1500, 0, 1500)
    assert len(plan.errors) == MAX_KEPT_ERRORS and plan.error_count == 1500
    assert [e.line for e in plan.errors[:2]] == [2, 4]
    assert plan.error_messages()[-1] == "loans.csv: … and 1400 more errors (1500 in all)"
    # The file is 9 MB; its 1,500 good records alone would hold 6 MB of notes.
    size = path.stat().st_size
    assert kept < size / 10, f"the plan keeps {kept:,} bytes of a {size:,}-byte file"
    assert peak < size / 2, f"checking peaked at {peak:,} bytes for a {size:,}-byte file"


def test_the_import_writes_what_the_plan_counted_reading_the_file_again(service, database, tmp_path, monkeypatch):
    monkeypatch.setattr(ledger_bulk, "HISTORY_BATCH", 100)  # many batches, one transaction
    path = _loans_file(tmp_path, 450, bad_every=50)
    plan = _plan(service, path)
    assert (plan.new, plan.bad) == (441, 9)
    seen = []
    changes = service.commit(plan, valid_only=True, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(100, 441), (200, 441), (300, 441), (400, 441), (441, 441)]
    loans = list_loans(database, today=TODAY)
    assert len(loans) == 441 and len(changes.loan_ids) == 441
    assert {loan.external_id for loan in loans} == {f"S-{n}" for n in range(450) if n % 50}
    again = _plan(service, path)
    assert (again.new, again.present, again.bad) == (0, 441, 9)


def test_a_file_changed_since_its_plan_is_refused_and_nothing_is_written(service, database, tmp_path):
    path = _loans_file(tmp_path, 20)
    plan = _plan(service, path)
    before = dump(database)
    path.write_text(path.read_text(encoding="utf-8").replace(",1005,", ",9005,"), encoding="utf-8")
    with pytest.raises(ImportFailure, match=r"loans\.csv: the file changed since it was checked; check it again"):
        service.commit(plan)
    assert dump(database) == before


def test_a_file_changed_while_it_is_written_leaves_nothing_of_it(service, database, tmp_path, monkeypatch):
    monkeypatch.setattr(ledger_bulk, "HISTORY_BATCH", 10)
    path = _loans_file(tmp_path, 30, note="x" * 50_000)  # 1.5 MB: read a megabyte at a time
    plan = _plan(service, path)
    before = dump(database)

    def change_the_file(done, _total):
        if done == 10:  # the first batch is written; a row not read yet changes behind the import's back
            path.write_text(path.read_text(encoding="utf-8").replace("S-29,", "X-29,"), encoding="utf-8")

    with pytest.raises(ImportFailure, match="changed since it was checked"):
        service.commit(plan, progress=change_the_file)
    assert dump(database) == before


def test_undecided_loans_of_a_huge_file_are_counted_and_answered_for_all(service, database, tmp_path, monkeypatch):
    from jiebei_tracker.importers import checking

    monkeypatch.setattr(checking, "UNDECIDED_SHOWN", 5)
    rows = [f"P-{n},借呗,2024-03-05,{1000 + n},12,等额本息,9.12%,,," for n in range(8)]
    path = tmp_path / "loans.csv"
    path.write_text(loans_csv(*rows), encoding="utf-8")
    plan = _plan(service, path)
    assert (len(plan.undecided), plan.undecided_count, plan.undecided_installments) == (5, 8, 96)
    assert not plan.undecided_complete
    answered = {record.line: PastRepayments.unpaid() for record, _ in plan.undecided}
    with pytest.raises(ImportFailure, match="3 loans have 36 installments already due"):
        service.commit(plan, past_by_line=answered)
    service.commit(plan, past=PastAnswer.UNPAID)
    assert len(list_loans(database, today=TODAY)) == 8
