"""The import wizard reads its file from disk when it needs it (never a copy taken when the file was chosen): the
check counts the file as it is, and a file changed after its check is not imported."""

from __future__ import annotations

import sqlite3

import pytest

from jiebei_tracker.services.imports.service import ImportService
from jiebei_tracker.services.loans import list_loans
from jiebei_tracker.ui.dialogs.import_wizard import ImportWizard
from tests.conftest import TODAY
from tests.importers.samples import loans_csv

ROWS = (
    "JB-1,借呗,2026-11-20,12000,12,等额本息,9.12%,日常消费,是,",
    "WL-1,微粒贷,2026/11/21,5000,6,先息后本,0.072,,否,",
)


@pytest.fixture
def wizard(qtbot, database, ledger, tmp_path):
    path = tmp_path / "loans.csv"
    path.write_text(loans_csv(*ROWS), encoding="utf-8")
    imports = ImportService(database=database, ledger=ledger, today=lambda: TODAY)
    dialog = ImportWizard(imports=imports, path=path)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _dump(database) -> dict:
    with sqlite3.connect(database.path) as connection:
        names = [n for (n,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {n: connection.execute(f'SELECT * FROM "{n}" ORDER BY rowid').fetchall() for n in names}


def _work(qtbot, wizard, button) -> None:
    with qtbot.waitSignal(wizard.work_finished, timeout=20_000):
        button.click()


def _check(qtbot, wizard) -> None:
    wizard.next_button.click()  # file → columns
    _work(qtbot, wizard, wizard.next_button)  # columns → check, on the worker thread
    assert wizard.pages.currentWidget() is wizard.check_page


def test_the_check_reads_the_file_as_it_is_now(qtbot, wizard, database, tmp_path):
    (tmp_path / "loans.csv").write_text(
        loans_csv(*ROWS, "HB-1,花呗,2026-11-22,800,3,等额本息,0.0%,,否,"), encoding="utf-8"
    )
    _check(qtbot, wizard)
    assert wizard.check_page.counts.text() == "3 rows of loans: 3 new · 0 already there · 0 bad"
    _work(qtbot, wizard, wizard.import_button)
    assert wizard.summary_page.text.text() == "Imported 3 loans."
    assert [loan.external_id for loan in list_loans(database, today=TODAY)] == ["JB-1", "WL-1", "HB-1"]


def test_a_file_changed_after_its_check_is_not_imported(qtbot, wizard, database, tmp_path):
    _check(qtbot, wizard)
    assert wizard.import_button.isEnabled()
    before = _dump(database)
    (tmp_path / "loans.csv").write_text(loans_csv(ROWS[0]), encoding="utf-8")
    _work(qtbot, wizard, wizard.import_button)
    assert wizard.summary_page.heading.text() == "Nothing imported"
    assert wizard.summary_page.text.text() == (
        "Nothing was imported: loans.csv: the file changed since it was checked; check it again"
    )
    assert _dump(database) == before
