"""An import backs the data up first (when there is any) and, while it writes, tells another program kept waiting
that this one is importing."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing

from jiebei_tracker.importers.columns import FileKind
from jiebei_tracker.importers.reading import ReadOptions
from jiebei_tracker.services.imports.service import ImportService, PastAnswer
from jiebei_tracker.storage.backups import Reason, list_backups
from jiebei_tracker.storage.database import activity_path
from tests.conftest import TODAY
from tests.importers.samples import loans_csv
from tests.scenarios import draft


def _import(database, ledger, tmp_path, progress=None):
    path = tmp_path / "loans.csv"
    path.write_text(loans_csv(), encoding="utf-8")
    service = ImportService(database=database, ledger=ledger, today=lambda: TODAY)
    plan = service.plan(path, file_name=str(path), options=ReadOptions(kind=FileKind.LOANS))
    return service.commit(plan, past=PastAnswer.PAID, progress=progress)


def test_an_import_backs_up_the_data_as_it_was_and_says_it_is_importing(database, ledger, db_path, tmp_path):
    ledger.add_loan(draft("借呗"))
    before = [b for b in list_backups(db_path) if b.reason is Reason.IMPORT]
    seen = []

    def progress(done, total):
        seen.append(json.loads(activity_path(db_path).read_text(encoding="utf-8")))

    _import(database, ledger, tmp_path, progress)

    made = [b for b in list_backups(db_path) if b.reason is Reason.IMPORT]
    assert before == [] and len(made) == 1
    with closing(sqlite3.connect(made[0].path)) as backup:
        assert backup.execute("SELECT count(*) FROM loan").fetchone() == (1,)  # as it was before the import
    assert seen and seen[0]["what"] == "importing" and seen[0]["who"] == database.role
    assert not activity_path(db_path).exists()  # gone once the import is done


def test_an_import_into_an_empty_file_makes_no_backup(database, ledger, db_path, tmp_path):
    _import(database, ledger, tmp_path)
    assert list_backups(db_path) == []
