"""The import wizard driven through its own widgets: detection shown and changeable with a live preview, the
column mapping and its profiles, bad cells marked, counts before writing, progress with cancel on a worker
thread (the database left as it was), the summary, and Alipay rows with a choice each."""

from __future__ import annotations

import re
import sqlite3
import threading

from PySide6.QtCore import QCoreApplication, Qt

from jiebei_tracker.services.imports.service import Action, FileKind, PastAnswer
from jiebei_tracker.services.ledger import bulk as ledger_module  # where add_history builds schedules
from jiebei_tracker.services.loans import list_loans
from jiebei_tracker.ui.dialogs.import_models import BAD_TINT, HEADER_TINT
from jiebei_tracker.ui.dialogs.import_pages import select_data
from jiebei_tracker.ui.dialogs.import_wizard import ImportWizard
from tests.conftest import TODAY
from tests.importers.samples import alipay_bytes, loans_csv


def dump(database) -> dict:
    with sqlite3.connect(database.path) as connection:
        names = [n for (n,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {n: connection.execute(f'SELECT * FROM "{n}" ORDER BY rowid').fetchall() for n in names}


def _wait_for_work(qtbot, wizard, action) -> None:
    with qtbot.waitSignal(wizard.work_finished, timeout=20_000):
        action()


def _to_check_page(qtbot, wizard) -> None:
    wizard.next_button.click()  # file → columns
    assert wizard.pages.currentWidget() is wizard.columns_page
    _wait_for_work(qtbot, wizard, wizard.next_button.click)  # columns → check (on the worker thread)
    assert wizard.pages.currentWidget() is wizard.check_page


def test_detection_is_shown_and_each_setting_changes_the_live_preview(open_wizard, tmp_path, qtmodeltester, screenshot):
    path = tmp_path / "我的借款.txt"
    path.write_bytes(("借款记录\n\n" + loans_csv().replace(",", "\t")).encode("gbk"))
    wizard = open_wizard(path)
    page = wizard.file_page
    assert page.status.text() == "Read as GB18030 / GBK, tab-separated; header row on line 3; holds loans."
    assert page.encoding.itemText(0) == "Detect (GB18030 / GBK)"
    assert page.separator.itemText(0) == "Detect (tab)"
    model = page.model
    qtmodeltester.check(model)
    assert model.headerData(2, Qt.Orientation.Vertical) == "3"
    assert model.data(model.index(2, 0), Qt.ItemDataRole.BackgroundRole) == HEADER_TINT
    assert model.data(model.index(3, 1)) == "借呗"
    screenshot(wizard, "import-1-file")
    select_data(page.separator, ",")
    assert "no header row found" in page.status.text()
    assert not wizard.next_button.isEnabled()
    select_data(page.separator, None)
    page.header_line.setValue(1)  # the title line
    assert "cannot tell what the file holds" in page.status.text()
    select_data(page.kind, FileKind.LOANS)
    assert "missing column 'platform'" in page.status.text()
    page.header_line.setValue(0)
    select_data(page.kind, None)
    select_data(page.encoding, "utf-8")
    assert "cannot be read as UTF-8" in page.status.text()
    select_data(page.encoding, None)
    assert wizard.next_button.isEnabled()


def test_columns_are_mapped_automatically_editable_and_saved_as_a_profile(open_wizard, tmp_path, screenshot):
    path = tmp_path / "odd.csv"
    path.write_text("贷方,哪天,多少钱,期数,还款方式,年化利率,经办人\n借呗,2024-03-05,12000,12,等额本息,9.12%,老王\n")
    wizard = open_wizard(path)
    wizard.next_button.click()
    page = wizard.columns_page
    assert [combo.currentData() for combo in page.combos] == [
        "", "", "", "term_months", "repayment_method", "annual_rate", "",
    ]  # fmt: skip
    assert "missing column 'platform'" in page.status.text()
    assert not wizard.next_button.isEnabled()
    for combo, name in zip(page.combos, ("platform", "borrowed_on", "principal"), strict=False):
        select_data(combo, name)
    assert page.status.text() == "Ready. Ignored: 经办人"
    assert wizard.next_button.isEnabled()
    page.profile_name.setText("手记")
    page.save_button.click()
    screenshot(wizard, "import-2-columns")
    again = open_wizard(path)
    again.next_button.click()
    assert again.columns_page.profiles.currentText() == "手记"  # offered, and used, for the same layout
    assert [c.currentData() for c in again.columns_page.combos][:3] == ["platform", "borrowed_on", "principal"]
    assert again.next_button.isEnabled()


def test_bad_cells_are_marked_counts_shown_and_only_good_rows_imported_when_asked(
    qtbot, open_wizard, tmp_path, database, qtmodeltester, screenshot
):
    path = tmp_path / "loans.csv"
    path.write_text(loans_csv(*loans_csv().splitlines()[1:], "JB-9,借呗,2024-02-30,12000,12,等额本息,9.12%,,,"))
    wizard = open_wizard(path)
    _to_check_page(qtbot, wizard)
    page = wizard.check_page
    assert page.counts.text() == "3 rows of loans: 2 new · 0 already there · 1 bad"
    model = page.model
    qtmodeltester.check(model)
    bad = model.index(3, 2)  # line 4, column 借款日期
    assert model.data(bad, Qt.ItemDataRole.BackgroundRole) == BAD_TINT
    assert "no such day" in model.data(bad, Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(1, 2), Qt.ItemDataRole.BackgroundRole) is None
    assert page.errors.toPlainText().startswith("loans.csv:4: column '借款日期': '2024-02-30': no such day")
    assert not wizard.import_button.isEnabled()
    screenshot(wizard, "import-3-check")
    page.valid_only.setChecked(True)
    assert not wizard.import_button.isEnabled()  # the loans are from 2024: were they repaid?
    assert page.past.isVisible()
    page.past.paid.click()
    assert wizard.import_button.isEnabled()
    _wait_for_work(qtbot, wizard, wizard.import_button.click)
    assert wizard.pages.currentWidget() is wizard.summary_page
    assert wizard.summary_page.heading.text() == "Import finished"
    assert wizard.summary_page.text.text() == "Imported 2 loans.\n1 bad rows were left out."
    assert wizard.close_button.text() == "Close"
    screenshot(wizard, "import-5-summary")
    assert [s.external_id for s in list_loans(database, today=TODAY)] == ["JB-1", "WL-1"]
    assert wizard.changes is not None and wizard.changes.loans_added_or_removed


def test_a_second_import_of_the_same_file_shows_everything_already_there(qtbot, open_wizard, tmp_path, imports):
    path = tmp_path / "loans.csv"
    path.write_text(loans_csv())
    plan = imports.plan(path.read_bytes(), file_name="loans.csv", options=_options(FileKind.LOANS))
    imports.commit(plan, past=PastAnswer.PAID)
    wizard = open_wizard(path)
    _to_check_page(qtbot, wizard)
    assert wizard.check_page.counts.text().startswith("2 rows of loans: 0 new · 2 already there · 0 bad")
    assert not wizard.import_button.isEnabled()


def _options(kind):
    from jiebei_tracker.services.imports.service import ReadOptions

    return ReadOptions(kind=kind)


def _big_file(tmp_path, count=5000):
    rows = [f"G-{n},借呗,2024-03-05,{1000 + n},12,等额本息,9.12%,,," for n in range(count)]
    path = tmp_path / "big.csv"
    path.write_text(loans_csv(*rows))
    return path


def test_cancel_during_the_write_leaves_the_database_as_it_was(
    qtbot, open_wizard, tmp_path, imports, database, ledger, screenshot
):
    ledger.record_limit("借呗", recorded_on=TODAY, limit_fen=100)
    wizard = open_wizard(_big_file(tmp_path))
    _to_check_page(qtbot, wizard)
    before = dump(database)
    # Hold the worker at its first progress report until the user has pressed Cancel, so the cancel
    # lands mid-write every time (the worker waits on an event; nothing sleeps).
    pressed = threading.Event()
    real_commit = imports.commit

    def held_commit(plan, *, valid_only, progress, cancelled, **answers):
        def report(done, total):
            progress(done, total)
            if done == 2000:
                assert pressed.wait(10)

        return real_commit(plan, valid_only=valid_only, progress=report, cancelled=cancelled, **answers)

    imports.commit = held_commit

    def press_cancel(done, _total):
        if done == 2000 and not pressed.is_set():
            assert wizard.progress_page.bar.value() == 2000
            screenshot(wizard, "import-4-progress")
            wizard.progress_page.cancel_button.click()
            pressed.set()

    def start():
        wizard.check_page.past.unpaid.click()
        wizard.import_button.click()
        wizard.worker.progressed.connect(press_cancel)

    _wait_for_work(qtbot, wizard, start)
    assert wizard.summary_page.heading.text() == "Nothing imported"
    assert wizard.summary_page.text.text() == "Cancelled. Nothing was imported; everything is as it was before."
    assert wizard.changes is None
    assert dump(database) == before


def test_a_failure_midway_is_reported_and_leaves_the_database_as_it_was(
    qtbot, open_wizard, tmp_path, database, monkeypatch
):
    wizard = open_wizard(_big_file(tmp_path, 4500))
    _to_check_page(qtbot, wizard)
    before = dump(database)
    real_build, calls = ledger_module.build_schedule, []

    def failing_build(terms):
        calls.append(1)
        if len(calls) == 3000:
            raise OSError("disk full")
        return real_build(terms)

    monkeypatch.setattr(ledger_module, "build_schedule", failing_build)
    wizard.check_page.past.paid.click()
    _wait_for_work(qtbot, wizard, wizard.import_button.click)
    assert wizard.summary_page.text.text() == "Nothing was imported: OSError: disk full"
    assert dump(database) == before


def test_alipay_rows_are_listed_with_a_choice_each(qtbot, open_wizard, tmp_path, database, qtmodeltester, screenshot):
    path = tmp_path / "alipay_record.csv"
    path.write_bytes(alipay_bytes())
    wizard = open_wizard(path)
    assert wizard.file_page.status.text().startswith("An Alipay statement")
    wizard.next_button.click()
    page = wizard.alipay_page
    assert wizard.pages.currentWidget() is page
    qtmodeltester.check(page.model)
    assert page.model.rowCount() == 4
    assert [page.model.data(page.model.index(r, 6)) for r in range(4)] == ["Skip"] * 4
    assert not wizard.import_button.isEnabled()
    page.select_row(0)  # the 借呗 disbursement
    select_data(page.action, Action.NEW_LOAN)
    assert "Rate:" in page.problem.text()
    page.rate.setText("0.03")
    page.rate.textEdited.emit("0.03")
    texts = [page.model.data(page.model.index(r, 6)) for r in range(4)]
    loan_line = wizard.alipay.plan.suggestions[0].row.line
    assert texts == [
        "New loan, 12 months, 0.03% a day",
        f"Repayment of the new loan of line {loan_line}",
        f"Repayment of the new loan of line {loan_line}",
        "Skip",  # 花呗, 交易关闭: no money moved
    ]
    assert wizard.import_button.isEnabled()
    screenshot(wizard, "import-6-alipay")
    page.select_row(1)
    assert page.action.currentText() == "Repayment of a loan"
    assert page.loan.currentText() == f"The new loan of line {loan_line}"
    assert page.model.data(page.model.index(1, 7)) == ""  # the suggestion's note went with the suggestion
    _wait_for_work(qtbot, wizard, wizard.import_button.click)
    assert wizard.summary_page.text.text() == "Imported 3 loans and repayments from the Alipay statement."
    (loan,) = list_loans(database, today=TODAY)
    assert (loan.external_id, loan.platform, loan.principal_fen) == ("20240305001", "借呗", 1_200_000)
    again = open_wizard(path)
    again.next_button.click()
    assert [s.present for s in again.alipay.plan.suggestions] == [True, True, True, False]


def test_ask_returns_what_was_written_or_none(qtbot, imports, tmp_path, monkeypatch):
    path = tmp_path / "loans.csv"
    path.write_text(loans_csv())
    monkeypatch.setattr(ImportWizard, "exec", lambda self: self.reject())
    assert ImportWizard.ask(imports=imports, path=path) is None


# -- loans from before today: the wizard asks what happened to the installments already due ---------------------

FOUR = (
    "A1,借呗,2025-01-10,12000,12,等额本息,9.12%,,,",
    "A2,微粒贷,2025-03-05,6000,6,等额本金,7.2%,,,",
    "A3,京东金条,2025-05-20,10000,12,等额本息,10.8%,,,",
    "A4,招商银行,2025-02-01,20000,12,先息后本,6%,,,",
)


def test_the_wizard_asks_and_repaid_on_schedule_leaves_nothing_overdue(
    qtbot, open_wizard, tmp_path, database, workspace, screenshot
):
    path = tmp_path / "loans.csv"
    path.write_text(loans_csv(*FOUR))
    wizard = open_wizard(path)
    _to_check_page(qtbot, wizard)
    past = wizard.check_page.past
    assert past.isVisible()
    assert past.text.text() == (
        "4 loans in the file have installments already due (42 in all), and the file does not say whether they "
        "were repaid. What happened to them?"
    )
    assert not wizard.import_button.isEnabled()
    screenshot(wizard, "import-3-past-question")
    past.paid.click()
    assert wizard.import_button.isEnabled()
    _wait_for_work(qtbot, wizard, wizard.import_button.click)
    assert wizard.summary_page.text.text() == "Imported 4 loans."
    totals = workspace.totals()
    assert (totals.overdue_installments, totals.open_loans) == (0, 0)
    assert workspace.due_installments() == []


def test_the_wizard_takes_an_answer_per_loan(qtbot, open_wizard, tmp_path, database, workspace):
    path = tmp_path / "loans.csv"
    path.write_text(loans_csv(*FOUR[:2]))
    wizard = open_wizard(path)
    _to_check_page(qtbot, wizard)
    past = wizard.check_page.past
    past.per_loan.click()
    assert past.loans.isVisible()
    assert [past.loans.item(row, 1).text() for row in range(2)] == ["借呗", "微粒贷"]
    answer = past.loans.cellWidget(1, 4)
    assert [answer.itemText(i) for i in range(2)] == ["Repaid on schedule", "Not repaid (6 overdue)"]
    select_data(answer, PastAnswer.UNPAID.value)
    _wait_for_work(qtbot, wizard, wizard.import_button.click)
    totals = workspace.totals()
    assert (totals.overdue_installments, totals.open_loans, totals.overdue_loans) == (6, 1, 1)
    overdue = {d.platform for d in workspace.due_installments()}
    assert overdue == {"微粒贷"}


def test_a_file_that_says_it_needs_no_answer(qtbot, open_wizard, tmp_path, workspace):
    path = tmp_path / "loans.csv"
    header = "借款编号,平台,借款日期,借款金额,期数,还款方式,年化利率,用途,自动扣款,备注,状态"
    path.write_text(loans_csv(*(row + ",已结清" for row in FOUR), header=header))
    wizard = open_wizard(path)
    _to_check_page(qtbot, wizard)
    assert not wizard.check_page.past.isVisible()
    assert wizard.import_button.isEnabled()
    _wait_for_work(qtbot, wizard, wizard.import_button.click)
    assert workspace.totals().overdue_installments == 0


def test_the_wizard_says_which_step_it_is_at_and_what_to_do_first(qtbot, open_wizard, tmp_path, translations):
    path = tmp_path / "loans.csv"
    path.write_text(loans_csv(), encoding="utf-8")
    wizard = open_wizard(None)
    assert wizard.step_label.text() == "Step 1 of 3: choose the file and check how it is read"
    assert "Nothing is written until you press Import" in wizard.file_page.guide.text()
    wizard.open_file(path)
    wizard.next_button.click()
    assert wizard.step_label.text() == "Step 2 of 3: say what each column is"
    translations.apply("zh_CN")
    wizard = open_wizard(None)
    assert wizard.step_label.text() == "第 1 步（共 3 步）：选择文件，并核对读取方式"


def test_in_chinese_a_bad_cell_is_named_and_explained_in_chinese(qtbot, open_wizard, tmp_path, translations):
    translations.apply("zh_CN")
    path = tmp_path / "loans.csv"
    path.write_text(
        loans_csv(
            *loans_csv().splitlines()[1:],
            "JB-9,借呗,2024-02-30,12000,12,等额本息,9.12%,,,",
            "JB-8,借呗,2024-02-01,-5,12,等额本息,9.12%,,,",
        )
    )
    wizard = open_wizard(path)
    _to_check_page(qtbot, wizard)
    errors = wizard.check_page.errors.toPlainText().splitlines()
    assert errors[0] == "loans.csv 第 4 行，“借款日期”列：“2024-02-30”：没有这一天：2024年2月只有 29 天"
    assert errors[1].startswith("loans.csv 第 5 行，") and errors[1].endswith("：“-5”：必须大于零")
    model = wizard.check_page.model
    assert (
        model.data(model.index(3, 2), Qt.ItemDataRole.ToolTipRole)
        == "<p>“2024-02-30”：没有这一天：2024年2月只有 29 天</p>"
    )


def test_every_reason_the_importers_give_has_a_chinese_wording(translations):
    from jiebei_tracker.ui import refusal_text

    translations.apply("zh_CN")
    untranslated = [reason for reason in refusal_text.KNOWN if refusal_text.reason_text(reason) == reason]
    assert untranslated == []
    # Each patterned reason has its Chinese, which fills in no figure the English does not carry.
    for _, text in [*refusal_text._patterns(), *refusal_text._missing_columns()]:
        said = QCoreApplication.translate("Refusal", text)
        assert said != text and set(re.findall(r"\{\w*\}", said)) <= set(re.findall(r"\{\w*\}", text)), text
    assert (
        refusal_text.reason_text("cannot be read as GB18030 / GBK (byte 0xff); try another encoding")
        == "无法按 GB18030 / GBK 读取（字节 0xff），请换一种编码试试"
    )
    assert refusal_text.reason_text("no such platform (known: none yet)") == "没有这个平台（已记录的平台：还没有）"
    assert refusal_text.reason_text("must be 1 to 360 months") == "期限必须是 1 到 360 个月"
    assert refusal_text.reason_text("a reason nobody wrote down") == "a reason nobody wrote down"  # shown as written
    assert (
        refusal_text.reason_text(
            "0.05% a year is unusual — did you mean a daily rate? put it in the 日利率 column (or write it as 0.05% 日)"
        )
        == "年化利率 0.05% 不太常见，是否为日利率？请填在“日利率”列，或写成“0.05% 日”"
    )
    missing = (
        "loans.csv:1: missing column 'platform' (平台/平台名称); missing column 'annual_rate' (年化利率) or "
        "'daily_rate' (日利率)"
    )
    assert refusal_text.problem_text(missing) == "loans.csv 第 1 行：缺少“平台”列；缺少“年化利率”或“日利率”列"
    reference = (
        "repayments.csv: missing column 'loan_id' (借款编号), or all of platform + borrowed_on + principal to find "
        "the loan (no borrowed_on, principal)"
    )
    # A reason that holds "; " stays whole, and English words that happen to be column ids are left alone.
    encoding = "loans.csv:3: cannot be read as UTF-8 (byte 0xff); try another encoding"
    assert refusal_text.problem_text(encoding) == "loans.csv 第 3 行：无法按 UTF-8 读取（字节 0xff），请换一种编码试试"
    assert (
        refusal_text.reason_text("not one of: amount, date") == "不是可选的值之一：amount, date"
    )  # not 还款金额, 日期
    assert refusal_text.problem_text(r"C:\data\loans.csv:3: is empty").startswith(r"C:\data\loans.csv 第 3 行：")
    assert refusal_text.problem_text(reference) == (
        "repayments.csv：缺少“借款编号”列，也没有可用来找到借款的“平台”“借款日期”“借款金额”三列（缺少：借款日期、借款金额）"
    )
    translations.apply("en")
    assert refusal_text.reason_text("is empty") == "is empty"


def test_the_columns_are_offered_by_the_names_people_use_in_each_language(open_wizard, tmp_path, translations):
    """Not the importer's own ids (``platform — 平台``, ``term_months``): 平台 in Chinese, Platform in English."""
    from jiebei_tracker.importers.columns import COLUMNS
    from jiebei_tracker.ui.dialogs.import_pages import column_title

    path = tmp_path / "loans.csv"
    path.write_text(loans_csv(), encoding="utf-8")
    for language, expected in (
        ("en", ["Platform", "Borrowed on", "Term (months)"]),
        ("zh_CN", ["平台", "借款日期", "期数"]),
    ):
        translations.apply(language)
        wizard = open_wizard(path)
        wizard.next_button.click()
        combo = wizard.columns_page.combos[0]
        offered = [combo.itemText(i) for i in range(combo.count())]
        assert set(expected) <= set(offered), offered
        assert not any("_" in text or " — " in text for text in offered), offered
    translations.apply("en")
    untitled = [
        column.name for columns in COLUMNS.values() for column in columns if column_title(column) == column.name
    ]
    assert untitled == []  # every column has its English title
