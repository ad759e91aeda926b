"""``--lang zh_CN`` on the record-keeping commands: tables, messages and refusals wholly in Chinese (the vocabulary's
labels, never its codes), by the app's rules for Chinese text; ``--lang en`` and ``--json`` exactly as without it;
``--lang xx`` refused before anything happens."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from jiebei_tracker.cli_words import say
from tests.chinese import half_width_slips, informal_you
from tests.importers.samples import alipay_bytes, loans_csv

pytestmark = pytest.mark.usefixtures("fixed_today")  # today is 2026-11-28

ZH = ("--lang", "zh_CN")

# English words and codes that must not reach a Chinese reader (the vocabulary's ids, the English headers and
# messages); matched as whole words, after the test's own paths are taken out.
ENGLISH = (
    "equal_installment", "equal_principal", "interest_first", "settled", "active", "on_time", "upcoming",
    "overdue", "internet", "credit_card", "inquiry", "loan_approval", "autopay", "manual", "Platform", "platform",
    "principal", "status", "loan", "installment", "installments", "repayment", "a year", "a day", "yes", "no",
    "as of", "dry run", "imported", "wrote", "backed up", "restored", "error", "nothing", "rows", "source",
)  # fmt: skip
_ENGLISH = re.compile(r"\b(" + "|".join(re.escape(word) for word in ENGLISH) + r")\b")
# Chinese touching a digit, a Latin letter, ¥, # or % without the space the app puts between them ("共 3 笔").
_OPTIONS_AND_VALUES = re.compile(r"--[a-z-]+|“[^”]*”")
_NO_SPACE = re.compile(r"[\u4e00-\u9fff][A-Za-z0-9¥#]|[A-Za-z0-9%][\u4e00-\u9fff]")
# A date in a sentence is written whole, with no space inside it (2024年2月, 2024年3月5日).
_SENTENCE_DATE = re.compile(r"\d{4}年\d{1,2}月(\d{1,2}日)?")


def assert_chinese(text: str, *, paths=(), allowed=()) -> None:
    """Text a Chinese reader gets: no English word or code, full-width punctuation, 您, spaces around numbers."""
    for path in paths:
        text = text.replace(str(path), "PATH")
    lines = text.splitlines()
    assert lines, "nothing was printed"
    words = _ENGLISH.findall(_OPTIONS_AND_VALUES.sub("", text))  # --settled-on, “the value typed” are the user's
    assert [word for word in words if word not in allowed] == [], text
    assert half_width_slips(lines) == [], text
    assert informal_you(lines) == [], text
    assert [line for line in lines if _NO_SPACE.search(_SENTENCE_DATE.sub("·", line))] == [], text


@pytest.fixture
def demo(run):
    """The sample borrower's history (9 loans on 4 platforms, limits, notes, repayments)."""
    assert run("demo")[0] == 0
    return run


# -- the listings ------------------------------------------------------------------------------------------------

LISTINGS = [
    (
        ("loans",),
        ["借款编号", "平台", "借款日期", "还款方式", "利率", "未还本金", "下次还款日", "状态", "等额本息", "等额本金",
         "已结清", "还款中", "日利率 0.03%", "年化利率 12.96%", "¥12,000.00"],
    ),
    (("platforms",), ["平台", "类型", "额度", "记录日期", "变化", "互联网平台", "信用卡", "¥35,000.00"]),
    (("notes",), ["编号", "查询原因", "已解决", "移出征信", "查询记录", "贷款审批"]),
    (
        ("schedule", "1"),
        ["借款 #1（SAMPLE-01）：借呗，2025-03-05 借款 ¥8,000.00，6 个月，等额本息，日利率 0.03%，按月计息，",
         "真实年化利率 10.80%；截至 2026-11-28",
         "期数", "到期日", "本金", "利息", "合计", "已还", "按时还清"],
    ),
    (("repayments",), ["编号", "借款", "还款日期", "金额", "提前结清", "来源", "自动扣款"]),
]  # fmt: skip


@pytest.mark.parametrize(("command", "expected"), LISTINGS, ids=[c[0][0] for c in LISTINGS])
def test_a_listing_reads_in_chinese(demo, command, expected):
    status, out, err = demo(*command, *ZH)
    assert status == 0 and err == ""
    assert [word for word in expected if word not in out] == []
    assert_chinese(out, allowed=("SAMPLE",))


@pytest.mark.parametrize(("command", "english"), [
    (("loans",), ["platform", "equal_installment", "settled", "% a day"]),
    (("platforms",), ["platform", "internet", "credit_card"]),
    (("notes",), ["reason", "inquiry", "loan_approval"]),
    (("schedule", "1"), ["loan #1 (SAMPLE-01) — 借呗", "on_time", "interest monthly"]),
    (("repayments",), ["paid on", "autopay"]),
])  # fmt: skip
def test_english_stays_as_it_was_and_json_never_changes(demo, command, english):
    out = demo(*command)[1]
    assert [word for word in english if word not in out] == []
    assert demo(*command, "--lang", "en")[1] == out
    assert demo(*command, "--json", *ZH)[1] == demo(*command, "--json")[1]


# -- what the commands that record say -----------------------------------------------------------------------


def test_recording_commands_say_what_they_did_in_chinese(demo):
    said = {
        "pay": demo("pay", "9", "--on", "2026-11-28", "--amount", "100", *ZH),
        "prepay": demo("prepay", "8", "--on", "2026-11-28", "--amount", "2000", "--keep", "term", *ZH),
        "payoff": demo("payoff", "7", "--on", "2026-11-28", *ZH),
        "limit": demo("limit", "借呗", "--on", "2026-11-28", "--amount", "20000", *ZH),
        "note": demo("note", "--on", "2026-11-28", "--kind", "inquiry", "--text", "贷款审批", *ZH),
        "resolve-note": demo("resolve-note", "6", *ZH),
        "platform": demo("platform", "借呗", "--kind", "internet", "--penalty-multiplier", "1.5", *ZH),
        "edit-repayment": demo("edit-repayment", "1", "--note", "工资卡", *ZH),
        "delete-repayment": demo("delete-repayment", "2", *ZH),
        "delete-loan": demo("delete-loan", "1", *ZH),
    }
    assert {name: status for name, (status, _, _) in said.items()} == dict.fromkeys(said, 0)
    expected = {
        "pay": "已登记借款 #9 的还款 ¥100.00\n",
        "limit": "借呗：额度 ¥20,000.00\n",
        "note": "已添加征信记录 #6\n",
        "resolve-note": "征信记录 #6 已标记为已解决\n",
        "platform": "借呗：互联网平台\n借呗：罚息为日利率的 1.5 倍\n",
        "delete-loan": "已删除借款 #1\n",
    }
    assert {name: said[name][1] for name in expected} == expected
    assert said["prepay"][1].startswith("2026-11-28 为借款 #8 提前还部分 ¥2,000.00：其中利息 ")
    assert "节省利息 ¥" in said["prepay"][1]
    payoff = said["payoff"][1]
    assert payoff.startswith("建议结清金额：本金 ¥") and " 天的利息 ¥" in payoff and "已用 ¥" in payoff
    assert "提前结清借款 #7" in payoff
    assert said["edit-repayment"][1] == "借款 #1 的还款 1 已修改，各期已重新计算\n"
    assert said["delete-repayment"][1] == "已删除借款 #1 的还款 2\n"
    for name, (_, out, err) in said.items():
        assert err == "", name
        assert_chinese(out)


def test_add_loan_with_its_past_and_its_warnings_in_chinese(run):
    loan = ("add-loan", "--platform", "借呗", "--principal", "5000", "--term", "12", "--method", "equal_installment")
    status, out, err = run(*loan, "--borrowed-on", "2026-06-01", "--daily-rate", "0.1%", "--id", "JB-1", *ZH)
    assert status == 0
    assert out == "已添加借款 #1（JB-1）\n"
    warning, high = err.splitlines()  # the ledger counts from the real today
    assert re.fullmatch(
        r"注意：这笔借款有 \d+ 期在今天之前到期，已记为逾期未还；如果其实已经还了，请删除这笔借款，"
        r"再用 --paid-through DATE 或 --settled-on DATE 重新添加",
        warning,
    )
    assert high == "提示：日利率 0.1% 非常高（年化利率超过 24%）"
    assert_chinese(err, allowed=("DATE",))
    status, out, _ = run(
        *loan, "--borrowed-on", "2026-06-01", "--annual-rate", "9%", "--paid-through", "2026-09-30", *ZH
    )
    assert out.splitlines()[1].startswith("已把 3 期记为在到期日按时还清，共 ¥")
    status, out, _ = run(*loan, "--borrowed-on", "2026-06-01", "--annual-rate", "9%", "--settled-on", "2026-10-10", *ZH)
    assert status == 0 and "2026-10-10 提前结清，金额 ¥" in out
    assert_chinese(out)


def test_catch_up_lists_and_records_the_autopay_installments_in_chinese(run):
    loan = ("add-loan", "--platform", "微粒贷", "--principal", "3000", "--term", "6", "--method", "equal_principal")
    run(*loan, "--borrowed-on", "2026-08-10", "--daily-rate", "0.04%", "--autopay", "--paid-through", "2026-09-10")
    status, out, _ = run("catch-up", "--dry-run", *ZH)
    assert status == 0
    assert out.splitlines() == [
        "2026-10-10  微粒贷  借款 #1  第 2/6 期  ¥" + out.splitlines()[0].split("¥")[1],
        "2026-11-10  微粒贷  借款 #1  第 3/6 期  ¥" + out.splitlines()[1].split("¥")[1],
        "将把 2 期自动还款记为在到期日已还，共 ¥" + out.splitlines()[2].split("¥")[1],
    ]
    assert run("catch-up", *ZH)[1].splitlines()[-1].startswith("已把 2 期自动还款记为在到期日已还")
    status, out, _ = run("catch-up", *ZH)
    assert out == "截至 2026-11-28，没有待记录的自动还款\n"


def test_demo_export_backup_and_backups_in_chinese(run, db_path, tmp_path):
    status, out, _ = run("demo", *ZH)
    assert out == f"已把示例数据（4 个平台上的 9 笔借款）添加到 {db_path}\n"
    status, out, _ = run("export", str(tmp_path / "out"), *ZH)
    assert status == 0 and out.count("已写入 ") == len(out.splitlines()) >= 4
    status, out, _ = run("backup", *ZH)
    assert status == 0 and out.startswith(f"已把 {db_path} 备份到 ")
    status, out, _ = run("backups", *ZH)
    header, first, *_ = out.splitlines()
    assert header.split() == ["#", "时间", "原因", "借款", "还款", "大小", "文件"]
    assert "手动备份" in first
    assert_chinese(out.replace(".manual.db", "").replace(".daily.db", ""), paths=[tmp_path])
    assert "made by you" in run("backups")[1] and run("backups", "--lang", "en")[1] == run("backups")[1]


def test_every_reason_for_a_backup_has_its_chinese_words():
    from jiebei_tracker.cli_data import reason_text
    from jiebei_tracker.storage.backups import Reason

    said = {reason.value: reason_text(reason.value, "zh_CN") for reason in Reason}
    assert said["daily"] == "当天首次修改" and said["passphrase"] == "修改密码前"
    assert_chinese("\n".join(said.values()))
    assert reason_text("daily") == "first write of the day"


def test_restore_asks_and_says_in_chinese(run, db_path, tmp_path):
    run("demo")
    run("backup", str(tmp_path / "copy.db"))
    status, out, err = run("restore", str(tmp_path / "copy.db"), *ZH)  # no terminal to answer: refused
    assert status == 1 and out == ""
    assert err == (
        f"jiebei-tracker：错误：要用 copy.db（9 笔借款，{err.split('，')[1].split(' ')[0]} 笔还款）替换 {db_path} 中的"
        "数据吗？替换前会先备份现有数据。加上 --yes 才会继续；没有恢复任何内容\n"
    )
    status, out, _ = run("restore", str(tmp_path / "copy.db"), "--yes", *ZH)
    assert status == 0
    assert out.splitlines()[0] == f"已从 {tmp_path / 'copy.db'} 恢复 {db_path}"
    assert out.splitlines()[1].startswith("恢复前的数据已备份在 ")
    assert_chinese(out + err, paths=[tmp_path], allowed=())


# -- imports ------------------------------------------------------------------------------------------------------


def test_a_csv_import_its_listing_and_its_undo_in_chinese(run, tmp_path):
    path = tmp_path / "loans.csv"
    path.write_text(loans_csv(), encoding="utf-8-sig")
    status, _, err = run("import", "loans", str(path), *ZH)  # the file does not say whether they were repaid
    assert status == 1 and re.match(rf"^{re.escape(str(path))}：文件中有 \d+ 笔借款共 \d+ 期已经到期", err)
    assert_chinese(err, paths=[path], allowed=("paid", "unpaid"))
    status, out, _ = run("import", "loans", str(path), "--past", "paid", "--dry-run", *ZH)
    assert status == 0
    assert out.splitlines()[0] == f"{path}：UTF-8（带 BOM），逗号分隔，表头在第 1 行"
    assert "共 " in out and "试运行：将导入 " in out and " 笔借款，没有写入任何内容" in out
    assert_chinese(out, paths=[path])
    status, out, _ = run("import", "loans", str(path), "--past", "paid", *ZH)
    assert status == 0 and re.search(r"^已导入 \d+ 笔借款$", out, re.MULTILINE)
    status, out, _ = run("imports", *ZH)
    assert out.split("\n")[0].split() == [
        "#",
        "导入时间",
        "文件",
        "类型",
        "借款",
        "还款",
        "额度记录",
        "征信记录",
        "平台",
        "撤销",
    ]
    assert " 借款 " in out.splitlines()[1]  # the kind
    assert_chinese(out.replace("loans.csv", "FILE"))
    status, out, _ = run("undo-import", *ZH)
    assert status == 0 and re.match(r"已撤销导入 #1（loans\.csv）：删除了 \d+ 笔借款", out)
    assert re.search(r"  已于 \d{4}-\d\d-\d\d 撤销$", run("imports", *ZH)[1], re.MULTILINE)
    assert run("imports", "--json", *ZH)[1] == run("imports", "--json")[1]


def test_an_imports_bad_cells_and_missing_columns_are_said_in_chinese(run, tmp_path):
    path = tmp_path / "loans.csv"
    path.write_text(
        "平台,借款日期,借款金额,期数,还款方式,年化利率\n借呗,2024-02-30,5000,12,等额本息,9%\n微粒贷,2024-03-05,abc,6,先息后本,12%\n",
        encoding="utf-8",
    )
    status, out, err = run("import", "loans", str(path), *ZH)
    assert status == 1
    assert err.splitlines() == [
        f"{path} 第 2 行，“借款日期”列：“2024-02-30”：没有这一天：2024年2月只有 29 天",
        f"{path} 第 3 行，“借款金额”列：“abc”：不是金额（例如 12000、12,000.50、¥1,234.50）",
    ]
    assert_chinese(out + err, paths=[path])
    english = run("import", "loans", str(path))[2]
    assert (
        english.splitlines()[0] == f"{path}:2: column '借款日期': '2024-02-30': no such day: February 2024 has 29 days"
    )
    path.write_text("平台,借款日期\n借呗,2024-03-05\n", encoding="utf-8")
    status, out, err = run("import", "loans", str(path), *ZH)
    assert (
        status == 1
        and err == f"{path} 第 1 行：缺少“借款金额”列；缺少“期数”列；缺少“还款方式”列；缺少“年化利率”或“日利率”列\n"
    )


def test_an_alipay_import_in_chinese(run, tmp_path):
    statement = tmp_path / "alipay.csv"
    statement.write_bytes(alipay_bytes())
    status, out, _ = run("import", "alipay", str(statement), "--dry-run", *ZH)
    assert status == 0
    assert out.splitlines()[0].startswith(f"{statement}：支付宝交易明细，GB18030 / GBK，表头在第 ")
    assert "借款到账 ¥" in out and "：还没有记录，可以这样添加：jiebei-tracker add-loan --platform 借呗" in out
    assert re.search(r"^试运行：将导入 0 笔还款（0 笔已存在）；\d+ 行需要您处理（见上）$", out, re.MULTILINE)


def test_a_credit_report_import_in_chinese(run):
    from tests.cli.test_cli_credit_report import SUMMARY

    status, out, _ = run("import", "credit-report", str(SUMMARY), *ZH)
    assert status == 0
    assert out.splitlines()[0] == f"{SUMMARY}：信用报告（2024-03-05）：" + out.splitlines()[0].split("）：")[1]
    assert "  新增：2024-03-05 逾期记录：" in out and "查询记录（贷款审批）" in out
    assert re.search(
        r"^已把 \d+ 条查询记录和 \d+ 条逾期记录导入为征信记录（导入 #1；用 `undo-import` 可以撤销）$", out, re.M
    )


# -- refusals ---------------------------------------------------------------------------------------------------

REFUSALS = [
    (("payoff", "9", "--on", "2026-11-28", "--amount", "1"),
     "jiebei-tracker：错误：--amount “¥1.00”：比 2026-11-28 的建议结清金额 ¥"),
    (("platform", "借呗"), "jiebei-tracker：错误：--kind：请给出 --kind KIND、--penalty-multiplier M，或两者都给"),
    (("demo",), "：已经有记录；示例数据请用 --db 指定一个新文件"),
    (("catch-up", "--as-of", "2030-01-01"), "jiebei-tracker：错误：--as-of “2030-01-01”：是将来的日期"),
    (("resolve-note", "x"), "jiebei-tracker：错误：ID “x”：不是整数"),
    (("demo", "--years", "99"), "jiebei-tracker：错误：--years “99”：必须在 1 到 30 之间"),
    (("edit-repayment", "1"), "jiebei-tracker：错误：ID “1”：请说明要改什么：--on、--amount 或 --note"),
    (("restore", "99"), "jiebei-tracker：错误：BACKUP “99”："),
    (("restore", "no-such-file.db"),
     "jiebei-tracker：错误：BACKUP “no-such-file.db”：没有这个文件，也不是 `backups` 列出的编号"),
    (("undo-import",), "没有可以撤销的导入（`imports` 会列出导入记录）"),
    (("undo-import", "5"), "jiebei-tracker：错误：import “5”：没有这个导入（`imports` 会列出导入记录）"),
    (("add-loan", "--platform", "借呗", "--borrowed-on", "2026-01-01", "--principal", "1000", "--term", "3",
      "--method", "bullet", "--annual-rate", "9%", "--payoff-amount", "100"),
     "jiebei-tracker：错误：--payoff-amount “100”：要和 --settled-on DATE 一起使用"),
    # The reasons the domain and the ledger give, said as the window says them.
    (("pay", "9", "--on", "2024-02-30", "--amount", "100"),
     "jiebei-tracker：错误：--on “2024-02-30”：没有这一天：2024年2月只有 29 天"),
    (("pay", "9", "--on", "2026-11-28", "--amount", "12.345"),
     "jiebei-tracker：错误：--amount “12.345”：小数超过两位（最小单位是 0.01 元）"),
    (("pay", "99", "--on", "2026-11-28", "--amount", "100"),
     "jiebei-tracker：错误：LOAN “99”：没有这个编号或序号的借款（可用 `jiebei-tracker loans` 查看）"),
    (("pay", "9", "--on", "2020-01-01", "--amount", "100"),
     "jiebei-tracker：错误：--on “2020-01-01”：早于借款日期（2026-10-08）"),
    (("pay", "1", "--on", "2026-11-28", "--amount", "100"), "jiebei-tracker：错误：LOAN “1”：借款 #1 已经结清"),
    (("pay", "9", "--on", "2026-11-28", "--amount", "9000"),
     "jiebei-tracker：错误：--amount “¥9,000.00”：超过了借款 #9 还需还的 ¥"),
    (("prepay", "9", "--on", "2026-11-28", "--amount", "9000", "--keep", "term"),
     "jiebei-tracker：错误：--amount “¥9,000.00”：足以还清剩下的全部本金 ¥2,010.43，请改用提前还清"),
    (("add-loan", "--platform", "借呗", "--borrowed-on", "2026-01-01", "--principal", "1000", "--term", "3",
      "--method", "bullet", "--annual-rate=-9%"), "jiebei-tracker：错误：--annual-rate “-9%”：利率不能是负数"),
    (("note", "--on", "2026-11-28", "--kind", "xx", "--text", "x"),
     "jiebei-tracker：错误：--kind “xx”：不是可选的值之一：inquiry（查询记录）、overdue_record（逾期记录）、"),
    (("diagnose", "花呗"),
     "jiebei-tracker：错误：PLATFORM “花呗”：没有这个平台（已记录的平台：京东金条、借呗、微粒贷、招商银行信用卡）"),
    (("import", "loans", "missing.csv"), "missing.csv：无法读取文件（没有这个文件或文件夹）"),
]  # fmt: skip


@pytest.mark.parametrize(("command", "said"), REFUSALS, ids=[" ".join(c[:2]) for c, _ in REFUSALS])
def test_a_refusal_is_one_chinese_line_and_exit_1(demo, db_path, command, said):
    status, out, err = demo(*command, *ZH)
    assert status == 1 and out == ""
    assert len(err.splitlines()) == 1 and said in err
    assert_chinese(
        err,
        paths=[db_path],
        allowed=("DATE", "KIND", "ID", "BACKUP", "M", "x", "import", "LOAN", "PLATFORM", "inquiry"),
    )


# -- the option itself -------------------------------------------------------------------------------------------

EVERY_COMMAND = [
    ("loans",), ("platforms",), ("notes",), ("schedule", "1"), ("repayments",), ("pay", "1", "--on", "2026-11-28",
    "--amount", "1"), ("payoff", "1", "--on", "2026-11-28"), ("prepay", "1", "--on", "2026-11-28", "--amount", "1",
    "--keep", "term"), ("add-loan", "--platform", "借呗", "--borrowed-on", "2026-01-01", "--principal", "1000",
    "--term", "3", "--method", "bullet", "--annual-rate", "9%"), ("delete-loan", "1"), ("platform", "借呗", "--kind",
    "bank"), ("limit", "借呗", "--on", "2026-11-28", "--amount", "1"), ("note", "--on", "2026-11-28", "--kind",
    "other", "--text", "x"), ("resolve-note", "1"), ("edit-repayment", "1", "--note", "x"), ("delete-repayment",
    "1"), ("catch-up",), ("import", "loans", "x.csv"), ("import", "alipay", "x.csv"), ("import", "plan", "1", "x"),
    ("import", "plans", "x.csv"), ("import", "credit-report", "x.txt"), ("imports",), ("undo-import",), ("export",
    "out"), ("demo",), ("backup",), ("backups",), ("restore", "1"), ("flags",), ("diagnose", "借呗"), ("plan",
    "--budget", "1000"),
]  # fmt: skip


@pytest.mark.parametrize("command", EVERY_COMMAND, ids=[" ".join(c[:2]) for c in EVERY_COMMAND])
def test_an_unknown_language_is_refused_before_anything_happens(demo, db_path, command):
    before = db_path.read_bytes()
    status, out, err = demo(*command, "--lang", "xx")
    assert (status, out) == (1, "")
    assert err == "jiebei-tracker: error: --lang 'xx': must be en or zh_CN\n"
    assert db_path.read_bytes() == before


def test_flags_and_diagnose_name_the_article_as_the_window_does(demo):
    out = demo("flags", *ZH)[1]
    assert "\n  参考文章《借呗额度下降的原因及恢复策略解析》：原因 1；策略 1(2)\n" in out
    assert "\n  From the article “借呗额度下降的原因及恢复策略解析”: Cause 1; Strategy 1(2)\n" in demo("flags")[1]
    out = demo("diagnose", "借呗", *ZH)[1]
    assert "\n参考文章《借呗额度下降的原因及恢复策略解析》：原因 " in out and "出处" not in out
    assert "\nFrom the article “借呗额度下降的原因及恢复策略解析”: Cause " in demo("diagnose", "借呗")[1]


def test_a_refusal_in_chinese_needs_qtcore_alone():
    """The translation file is read with QtCore: the command line works on a server without graphics libraries."""
    code = (
        "import sys; from jiebei_tracker.cli_words import reason_words; "
        "print(reason_words('no such loan', 'zh_CN')); "
        "print(sorted(m for m in sys.modules if m.startswith('PySide6.Qt')))"
    )
    said = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert said.splitlines() == ["没有这笔借款", "['PySide6.QtCore']"]


@pytest.mark.parametrize(("days", "english"), [(1, "interest for 1 day ¥0.30"), (8, "interest for 8 days ¥2.40")])
def test_english_says_one_day_and_eight_days(days, english):
    said = say("accrued", "en", principal="¥1,000.00", days=days, interest=f"¥{0.3 * days:.2f}")
    assert said == f"principal ¥1,000.00 + {english}"
    assert say("accrued", "zh_CN", principal="¥1,000.00", days=days, interest="¥0.30").startswith("本金 ¥1,000.00 + ")
