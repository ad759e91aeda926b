"""Values as people write them in a loans file, on the command line (issue #16): the purposes people write, an
unknown purpose kept in the note, 随借随还 read as 先息后本 with a notice, and a rate put in the wrong column."""

from __future__ import annotations

import csv
import json

import pytest

from tests.chinese import half_width_slips
from tests.conftest import TODAY
from tests.importers.samples import loans_csv

HEADER = "借款编号,平台,借款日期,借款金额,期数,还款方式,年化利率,日利率,用途,备注,状态"


@pytest.fixture
def write(tmp_path):
    def _write(*rows: str):
        path = tmp_path / "loans.csv"
        path.write_text(loans_csv(*rows, header=HEADER), encoding="utf-8")
        return path

    return _write


def _loans(run, tmp_path) -> dict[str, dict[str, str]]:
    """The loans as ``export`` writes them (purpose, method and note), by loan id."""
    status, _, _ = run("export", str(tmp_path / "out"), "--overwrite")
    assert status == 0
    with open(tmp_path / "out" / "loans.csv", encoding="utf-8-sig", newline="") as file:
        return {row["loan_id"]: row for row in csv.DictReader(file)}


def test_the_purposes_people_write_are_imported_and_an_unknown_one_is_kept_in_the_note(run, write, tmp_path):
    path = write(
        "A,借呗,2024-03-05,12000,12,等额本息,9.12%,,装修,,正常",
        "B,借呗,2024-03-05,13000,12,等额本息,9.12%,,看病,,正常",
        "C,借呗,2024-03-05,14000,12,等额本息,9.12%,,学费,,正常",
        "D,借呗,2024-03-05,15000,12,等额本息,9.12%,,进货,,正常",
        "E,借呗,2024-03-05,16000,12,等额本息,9.12%,,基金,,正常",
        "F,借呗,2024-03-05,17000,12,等额本息,9.12%,,还信用卡,,正常",
        "G,借呗,2024-03-05,18000,12,等额本息,9.12%,,转给朋友,,正常",
        "H,借呗,2024-03-05,19000,12,等额本息,9.12%,,买房首付,朋友介绍,正常",
    )
    status, out, err = run("import", "loans", str(path))
    assert (status, err) == (0, "")
    assert "8 rows: 8 new, 0 already there, 0 bad" in out
    assert f"notice: {path}:8: column '用途': '转给朋友' read as 转账到其他账户 (transfer)\n" in out
    assert (
        f"notice: {path}:9: column '用途': '买房首付' is not one of the purposes: imported as 其他 (other), "
        "the words kept in the note\n"
    ) in out
    assert out.count("notice:") == 2  # the words the vocabulary knows are read silently
    loans = _loans(run, tmp_path)
    assert {loan_id: loan["purpose"] for loan_id, loan in loans.items()} == {
        "A": "daily", "B": "medical", "C": "education", "D": "business", "E": "investment",
        "F": "repay_other_loan", "G": "transfer", "H": "other",
    }  # fmt: skip
    assert loans["H"]["note"] == "朋友介绍\n用途：买房首付"
    assert loans["A"]["note"] == ""


def test_pay_any_time_is_imported_as_interest_first_with_a_notice_naming_its_lines(run, write, tmp_path):
    path = write(
        "A,借呗,2024-03-05,12000,12,随借随还,,0.05%,日常消费,,正常",
        "B,微粒贷,2024-04-05,5000,6,等额本息,,0.04%,日常消费,,正常",
        "C,借呗,2024-05-05,8000,12,随借随还,,0.05%,日常消费,,正常",
    )
    status, out, err = run("import", "loans", str(path))
    assert (status, err) == (0, "")
    assert (
        f"notice: {path}:2: column '还款方式': '随借随还' read as 先息后本 (interest first) (also lines 4; 2 rows)\n"
    ) in out
    assert "imported 3 loans" in out
    loans = _loans(run, tmp_path)
    assert [loans[n]["repayment_method"] for n in "ABC"] == ["interest_first", "equal_installment", "interest_first"]


def test_a_bad_row_gives_no_notice_its_error_says_what_to_fix(run, write):
    path = write(
        "A,借呗,2024-03-05,12000,0,随借随还,,0.05%,装修房子,,正常",
        "B,借呗,2024-03-05,12000,12,随借随还,,0.05%,装修,,正常",
    )
    status, out, err = run("import", "loans", str(path), "--valid-only")
    assert status == 0
    assert "column '期数'" in err
    assert [line for line in out.splitlines() if line.startswith("notice:")] == [
        f"notice: {path}:3: column '还款方式': '随借随还' read as 先息后本 (interest first)"
    ]


def test_a_daily_rate_in_the_annual_column_is_refused_naming_line_and_column(run, write):
    path = write(
        "A,借呗,2024-03-05,12000,12,等额本息,0.05%,,日常消费,,正常",
        "B,借呗,2024-03-05,12000,12,等额本息,0.05% 日,,日常消费,,正常",  # says it is a daily rate
        "C,借呗,2024-03-05,12000,12,等额本息,,1.5%,日常消费,,正常",
        "D,借呗,2024-03-05,12000,12,等额本息,,年化 18%,日常消费,,正常",  # says it is an annual rate
        "E,借呗,2024-03-05,12000,12,等额本息,0%,,日常消费,,正常",  # interest-free
    )
    status, out, err = run("import", "loans", str(path))
    assert status == 1
    assert err == (
        f"{path}:2: column '年化利率': '0.05%': 0.05% a year is unusual — did you mean a daily rate? put it in "
        "the 日利率 column (or write it as 0.05% 日)\n"
        f"{path}:4: column '日利率': '1.5%': 1.5% a day is unusual — did you mean an annual rate? put it in "
        "the 年化利率 column (or write it as 1.5% 年)\n"
    )
    assert "5 rows: 3 new, 0 already there, 2 bad" in out


def test_a_rate_that_says_its_basis_is_read_so(run, write):
    path = write("B,借呗,2024-03-05,12000,12,等额本息,0.05% 日,,日常消费,,正常")
    assert run("import", "loans", str(path))[0] == 0
    status, out, _ = run("loans", "--json")
    assert status == 0
    assert json.loads(out)[0]["annual_rate"] == "0.18"


def test_the_chinese_notices_use_full_width_punctuation(db_path, database, ledger, tmp_path):
    from jiebei_tracker.services.imports.service import ImportService, ReadOptions

    path = tmp_path / "loans.csv"
    path.write_text(
        loans_csv(
            "A,借呗,2024-03-05,12000,12,随借随还,,0.05%,装修房子,,正常",
            "B,借呗,2024-03-05,12000,12,随借随还,,0.05%,买房首付,,正常",
            header=HEADER,
        )
    )
    service = ImportService(database=database, ledger=ledger, today=lambda: TODAY)
    plan = service.plan(path, file_name="loans.csv", options=ReadOptions(kind="loans"))
    assert plan.notice_count == 4
    messages = plan.notice_messages("zh_CN")
    assert messages == [
        "loans.csv:2：“还款方式”列：“随借随还”按“先息后本”导入（另见第 3 行，共 2 行）",
        "loans.csv:2：“用途”列：“装修房子”按“日常消费”导入",
        "loans.csv:3：“用途”列：“买房首付”不在用途分类中，按“其他”导入，原文记入备注",
    ]
    assert half_width_slips(messages) == []
