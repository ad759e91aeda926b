"""Undoing an import through the services: what it added goes and what it replaced comes back — every table as it
was before, row for row — or, when something recorded since depends on it, it is refused and nothing changes."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.vocabulary import NoteKind, PlatformKind, RepaymentSource
from jiebei_tracker.importers.columns import FileKind
from jiebei_tracker.importers.reading import ReadOptions
from jiebei_tracker.services.imports.history import ImportCounts, latest_undoable, list_imports
from jiebei_tracker.services.imports.service import ImportService, PastAnswer
from jiebei_tracker.services.loans import list_loans, list_repayments
from tests.conftest import TODAY
from tests.importers.samples import alipay_bytes, loans_csv
from tests.scenarios import draft


@pytest.fixture
def service(database, ledger):
    return ImportService(database=database, ledger=ledger, today=lambda: TODAY)


def tables(database) -> dict[str, list[tuple]]:
    """Every row of every table but the imports' own, in rowid order: "as it was" means this is equal."""
    with sqlite3.connect(database.path) as connection:
        names = [
            name
            for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            if name != "importbatch"
        ]
        return {name: connection.execute(f'SELECT * FROM "{name}" ORDER BY rowid').fetchall() for name in names}


def _import(service, text: str, kind: FileKind, file_name: str | None = None, **commit):
    plan = service.plan(text.encode(), file_name=file_name or f"{kind.value}.csv", options=ReadOptions(kind=kind))
    assert plan.errors == []
    return service.commit(plan, **commit).created_id


def _some_history(ledger) -> None:
    """What the user had before: a loan on 借呗 (two installments recorded as paid on schedule), a limit, a note."""
    from jiebei_tracker.domain.past import PastRepayments

    ledger.add_loan(draft("借呗", external_id="HAND"), PastRepayments.paid_through(date(2024, 3, 15)))
    ledger.record_limit("借呗", recorded_on=date(2024, 1, 1), limit_fen=5_000_000)
    ledger.add_note(noted_on=date(2024, 2, 1), kind=NoteKind.INQUIRY, text="hand note")


def test_a_loans_import_undone_leaves_every_table_as_it_was(service, ledger, database):
    _some_history(ledger)
    before = tables(database)
    # Two new loans (one on 借呗, already there, whose kind the file changes; one on 微粒贷, new), with their
    # installments already due recorded as paid on schedule.
    text = loans_csv(
        "JB-1,借呗,2024-03-05,12000,12,等额本息,9.12%,日常消费,是,,bank",
        "WL-1,微粒贷,2024/5/1,5000,6,先息后本,0.072,经营周转,否,,internet",
        header="借款编号,平台,借款日期,借款金额,期数,还款方式,年化利率,用途,自动扣款,备注,平台类型",
    )
    import_id = _import(service, text, FileKind.LOANS, past=PastAnswer.PAID)
    assert tables(database) != before
    with sqlite3.connect(database.path) as connection:
        assert connection.execute("SELECT kind FROM platform WHERE name = '借呗'").fetchone() == ("bank",)
    (record,) = list_imports(database)
    assert (record.import_id, record.file_name, record.kind, record.undone) == (import_id, "loans.csv", "loans", False)
    assert record.counts == ImportCounts(loans=2, repayments=18, platforms=1)  # 12 + 6 installments due by TODAY

    changes, removed = ledger.undo_import_counted(import_id)

    assert removed == ImportCounts(loans=2, repayments=18, platforms=1)
    assert tables(database) == before  # 借呗's kind back to internet; 微粒贷 gone; the hand loan untouched
    assert changes.loans_added_or_removed and len(changes.loan_ids) == 2
    assert list_imports(database)[0].undone_on == TODAY
    assert latest_undoable(database) is None


def test_limits_and_notes_imports_undone(service, ledger, database):
    _some_history(ledger)
    before = tables(database)
    limits = _import(service, "平台,日期,额度\n借呗,2024-06-01,60000\n招商银行,2024-06-01,80000\n", FileKind.LIMITS)
    notes = _import(service, "日期,类型,内容\n2024-06-02,inquiry,imported note\n", FileKind.NOTES)
    assert [r.counts for r in list_imports(database)] == [ImportCounts(notes=1), ImportCounts(limits=2, platforms=1)]
    assert ledger.undo_import_counted(notes)[1] == ImportCounts(notes=1)
    assert ledger.undo_import_counted(limits)[1] == ImportCounts(limits=2, platforms=1)
    assert tables(database) == before


def test_an_alipay_import_of_repayments_onto_loans_already_there_is_undone(service, ledger, database):
    ledger.add_loan(draft("借呗", external_id="20240305001", borrowed_on=date(2024, 3, 5), annual="0.0912"))
    before = tables(database)
    plan = service.plan_alipay(alipay_bytes(), file_name="支付宝交易明细.csv")
    import_id = service.commit_alipay(plan, {}).created_id
    (record,) = list_imports(database)
    assert (record.kind, record.file_name) == ("alipay", "支付宝交易明细.csv")
    assert record.counts == ImportCounts(repayments=2)
    (loan,) = list_loans(database, today=TODAY)
    assert loan.outstanding_fen < 1_200_000

    changes, removed = ledger.undo_import_counted(import_id)

    assert removed == ImportCounts(repayments=2)
    assert tables(database) == before  # the loan's installments open again, exactly as they were
    assert changes.loan_ids == {loan.loan_id} and not changes.loans_added_or_removed


def test_the_assumed_repayments_a_real_one_replaced_come_back(service, ledger, database):
    # 微粒贷 A2: 6 installments from 2025-04-05, recorded as paid on schedule by the first import.
    _import(service, loans_csv("A2,微粒贷,2025-03-05,6000,6,等额本金,7.2%,,,"), FileKind.LOANS, past=PastAnswer.PAID)
    before = tables(database)
    sources = [r.source for r in list_repayments(database)]
    assert sources == [RepaymentSource.SCHEDULE] * 6
    real = "借款编号,还款日期,还款金额,备注\nA2,2025-04-03,1036.00,bank statement\nA2,2025-05-10,1030.00,late\n"
    import_id = _import(service, real, FileKind.REPAYMENTS)
    assert [r.source for r in list_repayments(database)][:2] == [RepaymentSource.IMPORT] * 2
    assert len(list_repayments(database)) == 6  # two assumed ones replaced

    ledger.undo_import(import_id)

    assert tables(database) == before  # the assumed repayments back under their own numbers, states as before


def test_refused_when_a_repayment_was_typed_on_an_imported_loan_since(service, ledger, database):
    import_id = _import(service, loans_csv(), FileKind.LOANS, past=PastAnswer.UNPAID)
    jb = next(s for s in list_loans(database, today=TODAY) if s.external_id == "JB-1")
    ledger.log_repayment(jb.loan_id, paid_on=date(2024, 4, 5), amount_fen=105_009)
    before = tables(database)
    with pytest.raises(InvalidValue) as refused:
        ledger.undo_import(import_id)
    reason = refused.value.reason
    assert f"loan #{jb.loan_id} (借呗 of 2024-03-05, JB-1)" in reason
    assert "¥1,050.09 on 2024-04-05 (logged by hand)" in reason and "delete that repayment first" in reason
    assert tables(database) == before
    assert latest_undoable(database).import_id == import_id  # still there to undo


def test_refused_while_a_later_import_depends_on_it_then_undone_in_turn(service, ledger, database):
    before = tables(database)
    loans = _import(service, loans_csv(), FileKind.LOANS, past=PastAnswer.UNPAID)
    alipay = service.commit_alipay(service.plan_alipay(alipay_bytes(), file_name="alipay.csv"), {}).created_id
    with pytest.raises(InvalidValue, match=rf"has a repayment recorded since: .* \(import #{alipay}\)"):
        ledger.undo_import(loans)
    assert latest_undoable(database).import_id == alipay
    ledger.undo_import(alipay)
    assert latest_undoable(database).import_id == loans
    ledger.undo_import(loans)
    assert tables(database) == before


def test_refused_when_an_imported_installment_was_corrected_by_hand(service, ledger, database):
    import_id = _import(service, loans_csv(), FileKind.LOANS, past=PastAnswer.UNPAID)
    wl = next(s for s in list_loans(database, today=TODAY) if s.external_id == "WL-1")
    ledger.correct_installment(wl.loan_id, 2, interest_fen=3_000)
    with pytest.raises(InvalidValue, match=rf"installment 2 of loan #{wl.loan_id} \(微粒贷 .*corrected by hand"):
        ledger.undo_import(import_id)


def test_a_platform_the_import_created_stays_while_something_typed_since_uses_it(service, ledger, database):
    import_id = _import(service, loans_csv(), FileKind.LOANS, past=PastAnswer.UNPAID)
    ledger.record_limit("微粒贷", recorded_on=date(2024, 6, 1), limit_fen=2_000_000)
    assert ledger.undo_import_counted(import_id)[1] == ImportCounts(loans=2, repayments=0, platforms=1)  # 借呗 only
    with sqlite3.connect(database.path) as connection:
        assert connection.execute("SELECT name FROM platform").fetchall() == [("微粒贷",)]
        assert connection.execute("SELECT COUNT(*) FROM creditlimitrecord").fetchone() == (1,)
        assert connection.execute("SELECT COUNT(*) FROM loan").fetchone() == (0,)


def test_undoing_twice_or_an_unknown_import_is_refused(service, ledger, database):
    import_id = _import(service, loans_csv(), FileKind.LOANS, past=PastAnswer.UNPAID)
    ledger.undo_import(import_id)
    after = tables(database)
    with pytest.raises(InvalidValue, match=f"was already undone on {TODAY.isoformat()}"):
        ledger.undo_import(import_id)
    with pytest.raises(InvalidValue, match="no such import"):
        ledger.undo_import(import_id + 1)
    assert tables(database) == after


def test_data_not_imported_carries_no_import_number(ledger, database):
    """Demo data and sample files go through the same bulk path, but are no import: nothing to undo."""
    from jiebei_tracker.services.demo import sample_history

    history = sample_history(today=TODAY)
    changes = ledger.add_history(
        history.loans, limits=history.limits, notes=history.notes, platform_kinds=history.platform_kinds
    )
    assert changes.created_id is None and list_imports(database) == []
    with sqlite3.connect(database.path) as connection:
        for table in ("platform", "loan", "repayment", "creditlimitrecord", "creditreportnote"):
            assert connection.execute(f"SELECT COUNT(*) FROM {table} WHERE import_id IS NOT NULL").fetchone() == (0,)


def test_platform_kinds_changed_since_the_import_are_left_as_they_are(service, ledger, database):
    ledger.add_loan(draft("借呗"))
    text = loans_csv("JB-1,借呗,2024-03-05,12000,12,等额本息,9.12%,,,,bank", header=_HEADER_WITH_KIND)
    import_id = _import(service, text, FileKind.LOANS, past=PastAnswer.UNPAID)
    ledger.set_platform_kind("借呗", PlatformKind.CONSUMER_FINANCE)  # the user's own choice, after the import
    ledger.undo_import(import_id)
    with sqlite3.connect(database.path) as connection:
        assert connection.execute("SELECT kind FROM platform").fetchall() == [("consumer_finance",)]


_HEADER_WITH_KIND = "借款编号,平台,借款日期,借款金额,期数,还款方式,年化利率,用途,自动扣款,备注,平台类型"
