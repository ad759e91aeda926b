"""The import wizard reads files as people write them (issue #16): a repayments file is detected as repayments
(the app's own export too), and values read otherwise than written are listed on the check page, in the
window's language."""

from __future__ import annotations

import pytest

from tests.importers.samples import loans_csv


def _to_check_page(qtbot, wizard) -> None:
    wizard.next_button.click()  # file → columns
    with qtbot.waitSignal(wizard.work_finished, timeout=20_000):
        wizard.next_button.click()  # columns → check (on the worker thread)
    assert wizard.pages.currentWidget() is wizard.check_page


@pytest.mark.parametrize(
    "header",
    [
        "loan_id,platform,borrowed_on,principal,paid_on,amount,payoff,note,source_ref,source",  # what export writes
        "借款编号,平台,借款日期,借款金额,还款日期,还款金额,备注",
    ],
)
def test_a_repayments_file_is_detected_as_repayments(open_wizard, tmp_path, header):
    path = tmp_path / "还款.csv"
    cells = {"loan_id": "JB-1", "借款编号": "JB-1", "platform": "借呗", "平台": "借呗", "borrowed_on": "2024-03-05"}
    row = ",".join(cells.get(name, "") for name in header.split(","))
    path.write_text(f"{header}\n{row}\n", encoding="utf-8-sig")
    wizard = open_wizard(path)
    page = wizard.file_page
    assert page.status.text().endswith("; holds repayments.")
    assert page.kind.itemText(0) == "Detect (repayments)"
    wizard.next_button.click()
    assert wizard.columns_page.combos[0].currentData() == "loan_id"
    assert wizard.next_button.isEnabled()  # every column a repayments file needs is there


def _loans_to_check(tmp_path):
    path = tmp_path / "loans.csv"
    path.write_text(
        loans_csv(
            "JB-1,借呗,2024-03-05,12000,12,随借随还,18%,装修房子,是,",
            "JB-2,借呗,2024-04-05,12000,12,随借随还,18%,日常消费,是,",
            "JB-3,借呗,2024-05-05,12000,12,等额本息,18%,日常消费,是,",
        )
    )
    return path


def test_values_read_otherwise_than_written_are_listed_on_the_check_page(qtbot, open_wizard, tmp_path):
    wizard = open_wizard(_loans_to_check(tmp_path))
    _to_check_page(qtbot, wizard)
    page = wizard.check_page
    assert page.counts.text().startswith("3 rows of loans: 3 new")
    assert page.notices.isVisible()
    assert page.notices.toPlainText() == (
        "loans.csv:2: column '还款方式': '随借随还' read as 先息后本 (interest first) (also lines 3; 2 rows)\n"
        "loans.csv:2: column '用途': '装修房子' read as 日常消费 (daily)"
    )


def test_the_check_page_lists_the_notices_in_chinese_in_a_chinese_window(qtbot, open_wizard, tmp_path, translations):
    translations.apply("zh_CN")
    wizard = open_wizard(_loans_to_check(tmp_path))
    _to_check_page(qtbot, wizard)
    assert wizard.check_page.notices.toPlainText() == (
        "loans.csv:2：“还款方式”列：“随借随还”按“先息后本”导入（另见第 3 行，共 2 行）\n"
        "loans.csv:2：“用途”列：“装修房子”按“日常消费”导入"
    )


def test_no_notices_no_list(qtbot, open_wizard, tmp_path):
    path = tmp_path / "loans.csv"
    path.write_text(loans_csv())
    wizard = open_wizard(path)
    _to_check_page(qtbot, wizard)
    assert not wizard.check_page.notices.isVisible()
    assert not wizard.check_page.notices_label.isVisible()
