"""A platform's penalty multiplier (罚息倍数) travels as its kind does: written by the export (loans.csv and
limits.csv), read back by the import, a blank cell leaving it as it is, a bad or conflicting one refused with its
line and column and nothing written, and undoing the import setting the old one back."""

from __future__ import annotations

import sqlite3
from datetime import date
from decimal import Decimal

import pytest

from jiebei_tracker.domain.penalty import PenaltyTerms
from jiebei_tracker.importers.columns import FileKind
from jiebei_tracker.importers.errors import ImportFailure
from jiebei_tracker.importers.reading import ReadOptions
from jiebei_tracker.services.imports.service import ImportService, PastAnswer
from jiebei_tracker.services.ledger import Ledger
from jiebei_tracker.services.loan_detail import loan_detail
from jiebei_tracker.storage.database import open_database
from tests.conftest import TODAY
from tests.scenarios import draft

HEADER = "借款编号,平台,借款日期,借款金额,期数,还款方式,年化利率,罚息倍数"


@pytest.fixture
def service(database, ledger):
    return ImportService(database=database, ledger=ledger, today=lambda: TODAY)


def _plan(service, text: str, kind: FileKind = FileKind.LOANS):
    return service.plan(text.encode(), file_name=f"{kind.value}.csv", options=ReadOptions(kind=kind))


def _multipliers(database) -> dict[str, str]:
    with sqlite3.connect(database.path) as connection:
        return dict(connection.execute("SELECT name, penalty_multiplier FROM platform ORDER BY name"))


def dump(database) -> dict[str, list[tuple]]:
    with sqlite3.connect(database.path) as connection:
        names = [n for (n,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {name: connection.execute(f'SELECT * FROM "{name}" ORDER BY rowid').fetchall() for name in names}


def test_export_then_import_into_a_new_database_gives_the_same_multipliers(service, ledger, database, tmp_path):
    ledger.add_loan(draft("借呗", external_id="JB-1"))
    ledger.add_loan(draft("微粒贷", external_id="WL-1"))
    ledger.add_loan(draft("招商银行", external_id="ZS-1"))  # left at the default
    ledger.record_limit("京东金条", recorded_on=date(2025, 1, 1), limit_fen=1_000_000)  # a limit, no loan
    ledger.set_penalty_multiplier("借呗", Decimal("2"))
    ledger.set_penalty_multiplier("微粒贷", Decimal("0"))
    ledger.set_penalty_multiplier("京东金条", Decimal("1.25"))
    written = service.export(tmp_path / "out")
    header = written[FileKind.LOANS].read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith("loan_id,platform,platform_kind,penalty_multiplier,borrowed_on,")
    assert "借呗,internet,2,2024-01-15" in written[FileKind.LOANS].read_text(encoding="utf-8-sig")

    copy = open_database(tmp_path / "copy.db")
    try:
        other = ImportService(database=copy, ledger=Ledger(database=copy, today=lambda: TODAY), today=lambda: TODAY)
        for kind in (FileKind.LOANS, FileKind.REPAYMENTS, FileKind.LIMITS, FileKind.NOTES):
            plan = other.plan(written[kind].read_bytes(), file_name=written[kind].name, options=ReadOptions(kind=kind))
            assert plan.error_messages() == []
            other.commit(plan, past=PastAnswer.UNPAID)
        assert _multipliers(copy) == _multipliers(database)
        assert _multipliers(copy) == {"京东金条": "1.25", "借呗": "2", "微粒贷": "0", "招商银行": "1.5"}
    finally:
        copy.close()


def test_a_blank_cell_or_no_column_leaves_the_multiplier_as_it_is(service, ledger, database):
    ledger.add_loan(draft("借呗", external_id="OLD"))
    ledger.set_penalty_multiplier("借呗", Decimal("2"))
    service.commit(_plan(service, f"{HEADER}\nJB-1,借呗,2025-01-05,1000,3,等额本息,9%,\n"), past=PastAnswer.UNPAID)
    service.commit(
        _plan(
            service, "借款编号,平台,借款日期,借款金额,期数,还款方式,年化利率\nJB-2,借呗,2025-01-06,1000,3,等额本息,9%\n"
        ),
        past=PastAnswer.UNPAID,
    )
    assert _multipliers(database) == {"借呗": "2"}


def test_the_file_sets_the_multiplier_of_a_platform_new_or_already_there(service, ledger, database, capsys):
    ledger.add_loan(draft("借呗", external_id="OLD"))
    plan = _plan(
        service,
        f"{HEADER}\nJB-1,借呗,2025-01-05,1000,3,等额本息,9%,2\nWL-1,微粒贷,2025-01-05,1000,3,等额本息,9%,150%\n",
    )
    assert plan.penalty_multipliers == {"借呗": Decimal("2"), "微粒贷": Decimal("1.5")}
    service.commit(plan, past=PastAnswer.UNPAID)
    assert _multipliers(database) == {"借呗": "2", "微粒贷": "1.5"}
    # The same file again: nothing new, nothing to set.
    again = _plan(service, f"{HEADER}\nJB-1,借呗,2025-01-05,1000,3,等额本息,9%,2\n")
    assert (again.new, again.present, again.penalty_multipliers) == (0, 1, {})


def test_a_multiplier_alone_is_imported_from_rows_already_there(service, ledger, database):
    """Like a kind: a file whose loans are all there still sets the multiplier it gives."""
    service.commit(_plan(service, f"{HEADER}\nJB-1,借呗,2025-01-05,1000,3,等额本息,9%,\n"), past=PastAnswer.UNPAID)
    plan = _plan(service, f"{HEADER}\nJB-1,借呗,2025-01-05,1000,3,等额本息,9%,3\n")
    assert (plan.new, plan.present, plan.sets_platforms) == (0, 1, True)
    service.commit(plan)
    assert _multipliers(database) == {"借呗": "3"}


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("abc", "'abc': not a multiplier (e.g. 1.5, or 150%)"),
        ("-1", "'-1': must be 0 to 10 times the daily rate"),
        ("0.5x", "'0.5x': not a multiplier (e.g. 1.5, or 150%)"),
        ("11", "'11': must be 0 to 10 times the daily rate"),
    ],
)
def test_a_bad_multiplier_is_named_by_file_line_and_column_and_nothing_is_written(
    service, ledger, database, cell, reason
):
    ledger.add_loan(draft("借呗", external_id="OLD"))
    before = dump(database)
    text = f"{HEADER}\nJB-1,借呗,2025-01-05,1000,3,等额本息,9%,2\nJB-2,借呗,2025-01-06,1000,3,等额本息,9%,{cell}\n"
    plan = _plan(service, text)
    assert plan.error_messages() == [f"loans.csv:3: column '罚息倍数': {reason}"]
    with pytest.raises(ImportFailure, match="1 bad rows"):
        service.commit(plan, past=PastAnswer.UNPAID)
    assert dump(database) == before


def test_two_multipliers_for_one_platform_in_a_file_are_refused(service, database):
    before = dump(database)
    text = (
        "平台,日期,额度,罚息倍数\n"
        "借呗,2024-01-01,50000,2\n"
        "借呗,2024-06-01,30000,2.0\n"  # the same multiplier, written otherwise
        "借呗,2024-07-01,20000,3\n"
    )
    plan = _plan(service, text, FileKind.LIMITS)
    assert plan.error_messages() == ["limits.csv:4: column '罚息倍数': '3': line 2 says 借呗's penalty multiplier is 2"]
    with pytest.raises(ImportFailure):
        service.commit(plan)
    assert dump(database) == before


def _penalty_paid(database, loan_id: int) -> list[int]:
    with sqlite3.connect(database.path) as connection:
        rows = connection.execute("SELECT paid_penalty_fen FROM installment WHERE loan_id = ? ORDER BY seq", (loan_id,))
        return [fen for (fen,) in rows]


def test_undoing_the_import_sets_the_old_multiplier_back_and_reprices_the_loans(service, ledger, database):
    loan = ledger.add_loan(draft("借呗", external_id="HAND")).created_id
    first = loan_detail(database, loan, as_of=TODAY, today=TODAY).schedule[0]
    late = date(2024, 3, 14)  # 28 days after 2024-02-15
    ledger.log_repayment(loan, paid_on=late, amount_fen=first.total_fen + 500)
    assert _penalty_paid(database, loan)[0] == 500  # 1.5× runs up more than ¥5.00 in 28 days
    before = dump(database)

    text = f"{HEADER}\nJB-1,借呗,2025-01-05,1000,3,等额本息,9%,0.5\n"
    import_id = service.commit(_plan(service, text), past=PastAnswer.UNPAID).created_id
    assert _multipliers(database) == {"借呗": "0.5"}
    # The loan already there is priced again, as setting the multiplier by hand does.
    at_half = PenaltyTerms(Decimal("0.072"), Decimal("0.5")).accrued(first.due_on, first.principal_fen, late)
    assert 0 < at_half < 500
    assert _penalty_paid(database, loan)[0] == at_half

    changes = ledger.undo_import(import_id)
    assert loan in changes.loan_ids
    assert dump(database) == {**before, "importbatch": dump(database)["importbatch"]}


def test_undo_leaves_a_multiplier_changed_since_the_import(service, ledger, database):
    ledger.add_loan(draft("借呗", external_id="HAND"))
    import_id = service.commit(
        _plan(service, f"{HEADER}\nJB-1,借呗,2025-01-05,1000,3,等额本息,9%,2\n"), past=PastAnswer.UNPAID
    ).created_id
    ledger.set_penalty_multiplier("借呗", Decimal("3"))  # the user's own choice, after the import
    ledger.undo_import(import_id)
    assert _multipliers(database) == {"借呗": "3"}
