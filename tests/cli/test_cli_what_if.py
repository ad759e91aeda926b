"""`what-if` on the command line: the health check with one imagined change — a new loan, an early payoff, a part
prepayment, a late installment — equal to what making the change in a copy of the database gives, and nothing
written to the real one."""

from __future__ import annotations

import hashlib
import json
import shutil
from decimal import Decimal

import pytest

from jiebei_tracker.cli import main

pytestmark = pytest.mark.usefixtures("fixed_today")  # today is 2026-11-28


def _history(run) -> None:
    """Two loans being repaid on time on two platforms, one taken on a third last year and repaid late."""
    run(
        "add-loan", "--platform", "借呗", "--borrowed-on", "2026-08-20", "--principal", "12000", "--term", "12",
        "--method", "等额本息", "--daily-rate", "0.025%", "--interest-basis", "daily", "--id", "JB-1",
        "--paid-through", "2026-11-20",
    )  # fmt: skip
    run(
        "add-loan", "--platform", "微粒贷", "--borrowed-on", "2026-10-08", "--principal", "3000", "--term", "6",
        "--method", "等额本息", "--annual-rate", "18%", "--id", "WL-1", "--paid-through", "2026-11-08",
    )  # fmt: skip
    run(
        "add-loan", "--platform", "招商银行", "--borrowed-on", "2025-06-10", "--principal", "2000", "--term", "3",
        "--method", "等额本金", "--annual-rate", "10%", "--id", "OLD", "--paid-through", "2025-06-10",
    )  # fmt: skip
    run("pay", "OLD", "--on", "2025-07-25", "--amount", "683.33")
    run("payoff", "OLD", "--on", "2025-08-15")
    run("limit", "京东金条", "--on", "2026-05-01", "--amount", "30000")


def _copy_run(db_path, tmp_path, capsys, *commands):
    """Run ``commands`` on a copy of the database; returns the copy's ``score --json``."""
    copy = tmp_path / "copy.db"
    shutil.copy(db_path, copy)
    for command in commands:
        assert main(["--db", str(copy), *command]) == 0
    capsys.readouterr()
    main(["--db", str(copy), "score", "--json"])
    return json.loads(capsys.readouterr().out)


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_borrowing_is_worked_out_as_adding_the_loan_would_be_and_nothing_is_written(run, db_path, tmp_path, capsys):
    _history(run)
    before = _digest(db_path)
    loan = (
        "--platform", "京东金条", "--principal", "20000", "--term", "12", "--method", "等额本息",
        "--daily-rate", "0.04%", "--interest-basis", "daily",
    )  # fmt: skip
    status, out, err = run("what-if", "borrow", *loan, "--json")
    assert status == 0, err
    found = json.loads(out)
    assert _digest(db_path) == before
    assert found["as_of"] == "2026-11-28"
    assert found["score_before"] == json.loads(run("score", "--json")[1])["score"]
    added = _copy_run(db_path, tmp_path, capsys, ("add-loan", *loan, "--borrowed-on", "2026-11-28"))
    assert found["score_after"] == added["score"]
    assert sorted(found["flags_added"]) == sorted(
        {f["rule"] for f in added["flags"]} - {f["rule"] for f in json.loads(run("score", "--json")[1])["flags"]}
    )
    assert "multi_platform" in found["flags_added"]  # balances on three platforms at once
    main(["--db", str(tmp_path / "copy.db"), "loans", "--json"])
    new = next(loan for loan in json.loads(capsys.readouterr().out) if loan["platform"] == "京东金条")
    assert (found["apr"], found["apr_effective"]) == (new["apr"], new["apr_effective"])
    assert found["apr"] == "0.1455"  # 0.04 % a day is 14.40 % a year as typed; more by the actual days
    assert found["limit_use"] == {"platform": "京东金条", "limit": "30000.00", "before": "0.00", "after": "20000.00"}
    outflow = found["outflow"]
    assert [m["month"] for m in outflow][:2] == ["2026-11", "2026-12"] and len(outflow) == 12
    assert outflow[0]["before"] == outflow[0]["after"]  # the new loan's first installment is due 28 December
    assert outflow[1]["after"] > outflow[1]["before"]


def test_the_text_names_the_new_warning_sign_and_its_evidence(run):
    _history(run)
    status, out, _ = run(
        "what-if", "borrow", "--platform", "京东金条", "--principal", "20000", "--term", "12", "--method", "等额本息",
        "--annual-rate", "14.4%", "--lang", "zh_CN",
    )  # fmt: skip
    assert status == 0
    assert out.startswith("假如 2026-11-28 从 京东金条 借 ¥20,000.00（12 个月，等额本息，真实年化 14.40%）：")
    assert "健康分 87 → 70（良好 → 需留意），按 2026-11-28 的情况推算" in out
    assert "会出现的风险信号：\n    [高] multi_platform — 多头借贷：同时在多个平台借款或申请\n" in out
    assert "2026-11-28 同时在 3 个平台有未还清的借款。" in out  # the evidence, in the language asked for
    assert "京东金条 未还本金：¥0.00 → ¥20,000.00（额度 ¥30,000.00）" in out


def test_paying_off_equals_paying_off_in_a_copy(run, db_path, tmp_path, capsys):
    _history(run)
    before = _digest(db_path)
    found = json.loads(run("what-if", "payoff", "WL-1", "--on", "2026-11-28", "--json")[1])
    assert _digest(db_path) == before
    paid_off = _copy_run(db_path, tmp_path, capsys, ("payoff", "WL-1", "--on", "2026-11-28"))
    assert found["score_after"] == paid_off["score"]
    assert found["installments_removed"] == 5
    assert json.loads(found["interest_saved"]) > 0
    assert all(m["after"] <= m["before"] for m in found["outflow"])


def test_a_part_prepayment_equals_the_one_made_in_a_copy(run, db_path, tmp_path, capsys):
    _history(run)
    status, out, err = run("what-if", "prepay", "JB-1", "--amount", "3000", "--keep", "term", "--json")
    assert status == 0, err
    found = json.loads(out)
    made = _copy_run(db_path, tmp_path, capsys, ("prepay", "JB-1", "--on", "2026-11-28", "--amount", "3000",
                                                   "--keep", "term"))  # fmt: skip
    assert found["score_after"] == made["score"]
    main(["--db", str(tmp_path / "copy.db"), "schedule", "JB-1", "--json"])
    rebuilt = next(i for i in json.loads(capsys.readouterr().out)["installments"] if i["due_on"] == "2026-12-20")
    old = next(
        i for i in json.loads(run("schedule", "JB-1", "--json")[1])["installments"] if i["due_on"] == "2026-12-20"
    )
    december = next(m for m in found["outflow"] if m["month"] == "2026-12")
    assert Decimal(december["before"]) - Decimal(december["after"]) == Decimal(old["total"]) - Decimal(rebuilt["total"])
    assert found["installments_removed"] == 0  # the term is kept: each payment is smaller


def test_one_late_installment_raises_the_late_flag_and_says_for_how_long(run):
    _history(run)
    status, out, _ = run("what-if", "late", "WL-1", "--days", "10", "--json")
    assert status == 0
    found = json.loads(out)
    assert found["as_of"] == "2026-12-18"  # due 8 December, paid ten days later
    assert found["late"] == {
        "paid_on": "2026-12-18",
        "days_late": 10,
        "high_until": "2027-06-18",
        "counts_until": "2028-12-18",
    }
    changed = {c["rule"]: c for c in found["flags_changed"]}
    assert "late_history" in found["flags_added"] or changed["late_history"]["severity_after"] == "high"
    assert found["score_after"] < found["score_before"]


def test_what_cannot_be_imagined_is_refused_in_one_line(run):
    _history(run)
    assert run("what-if", "late", "OLD")[2] == (
        "jiebei-tracker: error: LOAN 'OLD': is settled: no installment is left to pay late\n"
    )
    assert "--days '0'" in run("what-if", "late", "WL-1", "--days", "0")[2]
    assert "no loan has this id" in run("what-if", "payoff", "NOPE")[2]
    assert "nothing would go to the principal" in run("what-if", "prepay", "JB-1", "--amount", "0.01", "--keep",
                                                      "payment")[2]  # fmt: skip


def test_the_answer_reads_in_chinese_with_lang(run):
    _history(run)
    status, out, _ = run("what-if", "late", "WL-1", "--days", "10", "--lang", "zh_CN")
    assert status == 0
    assert out.startswith("假如借款 WL-1 的下一期逾期 10 天才还：\n  健康分 ")
    assert "如果在 2026-12-18 才还上：到 2028-12-18 之前都算逾期还款记录" in out
    assert "未来每月还款额（现在 → 这样做之后）：" in out
    assert not any(word in out for word in ("What if", "health score", "going out"))
