"""Importing through the service: all or nothing (a failure midway or a cancel leaves every table as it was),
idempotent, equal rows in one file kept, the export round trip, Alipay, and arbitrary input never half-written."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from jiebei_tracker.domain.rates import annual_rate
from jiebei_tracker.domain.vocabulary import NoteKind, PlatformKind, RepaymentMethod
from jiebei_tracker.importers.alipay_plan import Action, Choice, NewLoanTerms
from jiebei_tracker.importers.columns import FileKind
from jiebei_tracker.importers.errors import ImportCancelled, ImportFailure
from jiebei_tracker.importers.reading import ReadOptions
from jiebei_tracker.services.demo import generate_history
from jiebei_tracker.services.imports.service import ImportService, PastAnswer
from jiebei_tracker.services.ledger import Ledger
from jiebei_tracker.services.ledger import bulk as ledger_module  # where add_history builds schedules
from jiebei_tracker.services.loans import list_loans
from jiebei_tracker.storage.database import open_database
from tests.conftest import TODAY
from tests.importers.samples import alipay_bytes, loans_csv
from tests.scenarios import draft


@pytest.fixture
def service(database, ledger):
    return ImportService(database=database, ledger=ledger, today=lambda: TODAY)


def dump(database) -> dict[str, list[tuple]]:
    """Every row of every table, in rowid order: "exactly as it was" means this is equal."""
    with sqlite3.connect(database.path) as connection:
        tables = [
            name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        ]
        return {name: connection.execute(f'SELECT * FROM "{name}" ORDER BY rowid').fetchall() for name in tables}


def _commit(service, plan, **options):
    """Commit a plan; loans whose rows do not say what happened to their installments already due are taken as
    not repaid (what these tests are not about; tests/services/test_import_past.py is)."""
    return service.commit(plan, past=PastAnswer.UNPAID, **options)


def _plan(service, text, kind, **options):
    data = text.encode() if isinstance(text, str) else text
    return service.plan(data, file_name=f"{kind.value}.csv", options=ReadOptions(kind=kind, **options))


def _many_loans(count: int) -> str:
    rows = [f"G-{n},借呗,2024-0{1 + n % 9}-1{n % 10},{1000 + n},{3 + n % 10},等额本息,9.12%,,," for n in range(count)]
    return loans_csv(*rows)


def _some_history(ledger) -> None:
    ledger.add_loan(draft(external_id="OLD-1"))
    ledger.record_limit("借呗", recorded_on=date(2024, 1, 1), limit_fen=5_000_000)


# -- all or nothing -------------------------------------------------------------------------------------------


def test_a_failure_midway_leaves_every_table_as_it_was(service, ledger, database, monkeypatch):
    _some_history(ledger)
    plan = _plan(service, _many_loans(5000), FileKind.LOANS)
    assert plan.new == 5000
    before = dump(database)
    real_build = ledger_module.build_schedule
    calls = {"n": 0}

    def failing_build(terms):
        calls["n"] += 1
        if calls["n"] == 4500:  # two batches of 2000 are written by now
            raise RuntimeError("disk on fire")
        return real_build(terms)

    monkeypatch.setattr(ledger_module, "build_schedule", failing_build)
    reports = []
    with pytest.raises(RuntimeError, match="disk on fire"):
        _commit(service, plan, progress=lambda done, total: reports.append(done))
    assert reports == [2000, 4000]
    assert dump(database) == before


def test_a_cancel_leaves_every_table_as_it_was(service, ledger, database):
    _some_history(ledger)
    plan = _plan(service, _many_loans(4500), FileKind.LOANS)
    before = dump(database)
    reports: list[tuple[int, int]] = []
    with pytest.raises(ImportCancelled):
        _commit(
            service, plan, progress=lambda done, total: reports.append((done, total)), cancelled=lambda: bool(reports)
        )
    assert reports == [(2000, 4500)]
    assert dump(database) == before


def test_progress_reaches_the_total(service):
    reports = []
    _commit(service, _plan(service, _many_loans(2500), FileKind.LOANS), progress=lambda d, t: reports.append((d, t)))
    assert reports == [(2000, 2500), (2500, 2500)]


def test_a_file_with_a_bad_row_imports_nothing_unless_valid_only(service, database):
    text = loans_csv(
        "JB-1,借呗,2024-03-05,12000,12,等额本息,9.12%,,,", "JB-2,借呗,2024-03-05,zero,12,等额本息,9.12%,,,"
    )
    plan = _plan(service, text, FileKind.LOANS)
    before = dump(database)
    with pytest.raises(ImportFailure, match="1 bad rows, so nothing was imported"):
        _commit(service, plan)
    assert dump(database) == before
    _commit(service, plan, valid_only=True)
    assert [s.external_id for s in list_loans(database, today=TODAY)] == ["JB-1"]


# -- no duplicates --------------------------------------------------------------------------------------------


REPAYMENTS = "借款编号,还款日期,还款金额\nJB-1,2024-04-05,1050.09\nJB-1,2024-04-05,1050.09\nJB-1,2024-05-05,1050.09\n"
LIMITS = "平台,日期,额度\n借呗,2024-01-01,50000\n借呗,2024-06-01,30000\n"
NOTES = "日期,类型,内容,已解决\n2024-01-01,查询记录,贷款审批,否\n2024-01-01,查询记录,贷款审批,否\n"


def test_importing_the_same_files_again_adds_nothing_and_says_so(service, database):
    files = [(loans_csv(), FileKind.LOANS), (REPAYMENTS, FileKind.REPAYMENTS), (LIMITS, FileKind.LIMITS),
             (NOTES, FileKind.NOTES)]  # fmt: skip
    for text, kind in files:
        _commit(service, _plan(service, text, kind))
    before = dump(database)
    for text, kind in files:
        plan = _plan(service, text, kind)
        assert (plan.new, plan.bad, plan.present) == (0, 0, plan.rows)
        _commit(service, plan)
    assert dump(database) == before


def test_equal_rows_in_one_file_are_all_kept(service, database, workspace):
    _commit(service, _plan(service, loans_csv(), FileKind.LOANS))
    plan = _plan(service, REPAYMENTS, FileKind.REPAYMENTS)
    assert plan.new == 3
    _commit(service, plan)
    loan_id = next(s.loan_id for s in list_loans(database, today=TODAY) if s.external_id == "JB-1")
    detail = workspace.loan_detail(loan_id)
    assert [r.amount_fen for r in detail.repayments] == [105_009] * 3
    # applied like any repayment: the first two installments are paid, the third mostly
    assert [line.paid_fen for line in detail.schedule[:3]] == [105_009, 105_009, 105_009]
    notes_plan = _plan(service, NOTES, FileKind.NOTES)
    assert notes_plan.new == 2


def test_a_file_with_more_equal_rows_than_before_adds_only_the_extra_ones(service):
    _commit(service, _plan(service, loans_csv(), FileKind.LOANS))
    _commit(service, _plan(service, REPAYMENTS, FileKind.REPAYMENTS))
    plan = _plan(service, REPAYMENTS + "JB-1,2024-04-05,1050.09\n", FileKind.REPAYMENTS)
    assert (plan.new, plan.present) == (1, 3)


# -- export and back ------------------------------------------------------------------------------------------


def _fill(ledger) -> None:
    history = generate_history(today=TODAY, years=2, loans=25, seed=7)
    ledger.add_history(history.loans, limits=history.limits, notes=history.notes, platform_kinds=history.platform_kinds)
    loan = ledger.add_loan(draft("民间借款", note='line one\nline two, "quoted"', daily="0.0005")).created_id
    ledger.log_repayment(loan, paid_on=date(2024, 2, 15), amount_fen=50_000, note="partial", source_ref="2024021500")
    ledger.log_repayment(loan, paid_on=date(2024, 2, 15), amount_fen=50_000)
    ledger.set_platform_kind("民间借款", PlatformKind.PRIVATE)
    ledger.add_loan(draft("工会互助金", annual="0.005"))  # 0.5 % a year: exported saying so, imported back as it is
    ledger.record_limit("微粒贷", recorded_on=date(2025, 1, 1), limit_fen=0, note="冻结")
    note = ledger.add_note(noted_on=date(2025, 2, 1), kind=NoteKind.BAD_DEBT, text="不良 ,记录").created_id
    ledger.resolve_note(note, resolved_on=date(2025, 3, 1))


def _content(database) -> dict[str, list[tuple]]:
    """Everything but the ids the database hands out: loans and what hangs off them by natural keys."""
    with sqlite3.connect(database.path) as c:
        loan = "l.external_id, p.name, l.borrowed_on, l.principal_fen, l.term_months, l.method, l.annual_rate"
        return {
            "platforms": c.execute("SELECT name, kind FROM platform ORDER BY name").fetchall(),
            "loans": sorted(c.execute(
                f"SELECT {loan}, l.rate_basis, l.purpose, l.autopay, l.note FROM loan l "
                "JOIN platform p ON p.id = l.platform_id"
            ).fetchall(), key=repr),
            "installments": sorted(c.execute(
                f"SELECT {loan}, i.seq, i.due_on, i.principal_fen, i.interest_fen, i.paid_interest_fen, "
                "i.paid_principal_fen, i.settled_on FROM installment i JOIN loan l ON l.id = i.loan_id "
                "JOIN platform p ON p.id = l.platform_id"
            ).fetchall(), key=repr),
            "repayments": sorted(c.execute(
                f"SELECT {loan}, r.paid_on, r.amount_fen, r.is_payoff, r.source_ref, r.note FROM repayment r "
                "JOIN loan l ON l.id = r.loan_id JOIN platform p ON p.id = l.platform_id"
            ).fetchall(), key=repr),
            "limits": sorted(c.execute(
                "SELECT p.name, r.recorded_on, r.limit_fen, r.note FROM creditlimitrecord r "
                "JOIN platform p ON p.id = r.platform_id"
            ).fetchall(), key=repr),
            "notes": sorted(c.execute(
                "SELECT noted_on, kind, text, resolved, resolved_on FROM creditreportnote"
            ).fetchall(), key=repr),
        }  # fmt: skip


def test_export_then_import_into_an_empty_database_gives_the_same_data(service, ledger, database, tmp_path):
    _fill(ledger)
    written = service.export(tmp_path / "out")
    assert sorted(p.name for p in written.values()) == ["limits.csv", "loans.csv", "notes.csv", "repayments.csv"]
    assert written[FileKind.LOANS].read_bytes().startswith(b"\xef\xbb\xbfloan_id,platform,platform_kind,")
    copy = open_database(tmp_path / "copy.db")
    try:
        other = ImportService(database=copy, ledger=Ledger(database=copy, today=lambda: TODAY), today=lambda: TODAY)
        for kind in (FileKind.LOANS, FileKind.REPAYMENTS, FileKind.LIMITS, FileKind.NOTES):
            plan = other.plan(written[kind].read_bytes(), file_name=written[kind].name, options=ReadOptions(kind=kind))
            assert plan.error_messages() == []
            assert plan.present == 0
            _commit(other, plan)
        assert _content(copy) == _content(database)
    finally:
        copy.close()


def test_export_does_not_overwrite_files_unless_asked(service, tmp_path):
    (tmp_path / "loans.csv").write_text("my own spreadsheet")
    with pytest.raises(ImportFailure, match="already exists"):
        service.export(tmp_path)
    assert (tmp_path / "loans.csv").read_text() == "my own spreadsheet"
    service.export(tmp_path, overwrite=True)
    assert (tmp_path / "loans.csv").read_text(encoding="utf-8-sig").startswith("loan_id,")


# -- Alipay ---------------------------------------------------------------------------------------------------


def test_alipay_repayments_of_a_known_loan_are_imported_once(service, database):
    _commit(service, _plan(service, loans_csv(), FileKind.LOANS))
    plan = service.plan_alipay(alipay_bytes(), file_name="alipay.csv")
    assert [s.choice.action for s in plan.suggestions] == [Action.SKIP, Action.REPAYMENT, Action.REPAYMENT, Action.SKIP]
    assert plan.suggestions[0].present  # the disbursement is loan JB-1 already
    service.commit_alipay(plan, {})
    with sqlite3.connect(database.path) as c:
        refs = c.execute("SELECT source_ref FROM repayment ORDER BY paid_on").fetchall()
    assert refs == [("20240405003",), ("20240505005",)]
    before = dump(database)
    again = service.plan_alipay(alipay_bytes(), file_name="alipay.csv")
    assert [s.present for s in again.suggestions] == [True, True, True, False]
    service.commit_alipay(again, {})
    assert dump(database) == before


def test_alipay_disbursement_made_a_loan_with_its_repayments(service, database):
    plan = service.plan_alipay(alipay_bytes(), file_name="alipay.csv")
    loan_row, first, second = (s.row for s in plan.suggestions[:3])
    terms = NewLoanTerms(12, RepaymentMethod.EQUAL_INSTALLMENT, annual_rate("9.12%"))
    choices = {
        loan_row.line: Choice(Action.NEW_LOAN, terms=terms),
        first.line: Choice(Action.REPAYMENT, loan_line=loan_row.line),
        second.line: Choice(Action.REPAYMENT, loan_line=loan_row.line),
    }
    service.commit_alipay(plan, choices)
    (summary,) = list_loans(database, today=TODAY)
    assert (summary.external_id, summary.platform, summary.principal_fen) == ("20240305001", "借呗", 1_200_000)
    assert summary.outstanding_fen < 1_200_000
    before = dump(database)
    again = service.plan_alipay(alipay_bytes(), file_name="alipay.csv")
    assert [s.present for s in again.suggestions[:3]] == [True, True, True]
    service.commit_alipay(again, choices)
    assert dump(database) == before


def test_alipay_choices_are_checked_before_anything_is_written(service, database):
    plan = service.plan_alipay(alipay_bytes(), file_name="alipay.csv")
    loan_row, first = plan.suggestions[0].row, plan.suggestions[1].row
    choices = {loan_row.line: Choice(Action.NEW_LOAN), first.line: Choice(Action.REPAYMENT, loan_line=loan_row.line)}
    writes = service.alipay_writes(plan, choices)
    assert [e.line for e in writes.errors] == [loan_row.line, first.line]
    before = dump(database)
    with pytest.raises(ImportFailure):
        service.commit_alipay(plan, choices)
    assert dump(database) == before


# -- whatever arrives -----------------------------------------------------------------------------------------

_GOOD = {
    "借款编号": st.sampled_from(["", "", "A", "B"]),
    "平台": st.sampled_from(["借呗", "微粒贷"]),
    "借款日期": st.sampled_from(["2024-03-05", "20240101", "2024年1月31日"]),
    "借款金额": st.one_of(st.sampled_from(["12000", "¥1,000.50", "５００"]), st.integers(1, 10**9).map(str)),
    "期数": st.sampled_from(["12", "6期", "1"]),
    "还款方式": st.sampled_from(["等额本息", "bullet", "先息后本"]),
    "年化利率": st.sampled_from(["9.12%", "0.0912", "0"]),
}
_BAD = {
    "借款编号": ["A"],
    "平台": [""],
    "借款日期": ["2024/2/30", "2030-01-01"],
    "借款金额": ["0", "-1", "1.001"],
    "期数": ["0", "361"],
    "还款方式": ["x"],
    "年化利率": ["", "1e999999999", "-1%", "nan"],
}
# A row is all good (so some rows import), or any mix of good values, bad ones and anything at all.
_CELLS = {name: st.one_of(good, st.sampled_from(_BAD[name]), st.text(max_size=6)) for name, good in _GOOD.items()}
_ROW = st.one_of(st.fixed_dictionaries(_GOOD), st.fixed_dictionaries(_CELLS))
_HEADER = list(_CELLS)


def _csv_text(rows, separator, quote_all):
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=separator, quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    writer.writerow(_HEADER)
    writer.writerows(rows)
    return buffer.getvalue()


def _outcome_is_clean(service, database, data: bytes, valid_only: bool) -> None:
    before = dump(database)
    try:
        plan = service.plan(data, file_name="any.csv", options=ReadOptions(kind=FileKind.LOANS))
    except ImportFailure:
        event("the file as a whole refused")
        assert dump(database) == before
        return
    loans_before = len(before["loan"])
    try:
        _commit(service, plan, valid_only=valid_only)
    except ImportFailure:
        event("bad rows: nothing written")
        assert plan.bad and not valid_only
        assert dump(database) == before
        return
    event("written" if plan.new else "nothing new")
    assert len(dump(database)["loan"]) == loans_before + plan.new


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(_ROW.map(lambda row: [row[h] for h in _HEADER]), max_size=8),
    separator=st.sampled_from([",", "\t", ";", "|"]),
    quote_all=st.booleans(),
    valid_only=st.booleans(),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]),
)
def test_arbitrary_csv_text_imports_cleanly_or_reports_never_half(service, database, rows, separator, quote_all,
                                                                 valid_only, encoding):  # fmt: skip
    _outcome_is_clean(service, database, _csv_text(rows, separator, quote_all).encode(encoding), valid_only)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300), valid_only=st.booleans())
def test_arbitrary_bytes_import_cleanly_or_report_never_half(service, database, data, valid_only):
    _outcome_is_clean(service, database, data, valid_only)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tail=st.binary(max_size=200))
def test_a_header_followed_by_arbitrary_bytes_never_half_imports(service, database, tail):
    _outcome_is_clean(service, database, ",".join(_HEADER).encode() + b"\n" + tail, True)


def test_an_imported_loan_is_stored_exactly_as_one_added_by_hand(service, ledger, database):
    ledger.add_loan(draft(external_id="HAND"))  # 借呗, 2024-01-15, ¥12,000, 12 months, 7.2 %, daily
    _commit(
        service, _plan(service, loans_csv("FILE,借呗,2024-01-15,12000,12,等额本息,7.2%,日常消费,否,"), FileKind.LOANS)
    )
    with sqlite3.connect(database.path) as c:
        c.row_factory = sqlite3.Row
        loans = [dict(row) for row in c.execute("SELECT * FROM loan ORDER BY id")]
        c.row_factory = None
        installments = [c.execute("SELECT * FROM installment WHERE loan_id = ? ORDER BY seq", (row["id"],)).fetchall()
                         for row in loans]  # fmt: skip
    # The same but for the number, the external id and the import it came from (for undo).
    differ = ("id", "external_id", "import_id")
    assert [{k: v for k, v in row.items() if k not in differ} for row in loans[0:1]] == [
        {k: v for k, v in row.items() if k not in differ} for row in loans[1:2]
    ]
    assert (loans[0]["import_id"], loans[1]["import_id"]) == (None, 1)
    assert [row[2:] for row in installments[0]] == [row[2:] for row in installments[1]]
