"""`plan` on the command line: when the open loans are paid off with a monthly budget, avalanche and snowball
side by side, as text and JSON; a budget that leaves a month short is refused with the shortfall of each month."""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal

import pytest

pytestmark = pytest.mark.usefixtures("fixed_today")


def _loans(run) -> None:
    """Two loans being repaid (the 借呗 one's installments of 20 October and 20 November not paid yet), one long
    since settled (left out of the plan)."""
    run(
        "add-loan", "--platform", "借呗", "--borrowed-on", "2026-09-20", "--principal", "12000", "--term", "12",
        "--method", "等额本息", "--daily-rate", "0.025%", "--interest-basis", "daily", "--id", "JB-1",
    )  # fmt: skip
    run(
        "add-loan", "--platform", "京东金条", "--borrowed-on", "2026-11-08", "--principal", "3000", "--term", "6",
        "--method", "等额本息", "--annual-rate", "18%", "--id", "JD-1",
    )  # fmt: skip
    run(
        "add-loan", "--platform", "微粒贷", "--borrowed-on", "2023-01-10", "--principal", "2000", "--term", "3",
        "--method", "等额本金", "--annual-rate", "10%", "--id", "OLD",
    )  # fmt: skip
    assert run("payoff", "OLD", "--on", "2023-04-10")[0] == 0


def _yuan(text: str) -> Decimal:
    return Decimal(text)


def test_both_strategies_as_json_pay_the_balance_and_the_interest(run, db_path):
    _loans(run)
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    status, out, err = run("plan", "--budget", "5000", "--json")
    assert status == 0, err
    found = json.loads(out)
    assert found["budget"] == "5000.00" and found["from"] == "2026-11-28"  # today
    avalanche, snowball = found["strategies"]
    assert (avalanche["strategy"], snowball["strategy"]) == ("avalanche", "snowball")
    assert avalanche["order"] == ["JD-1", "JB-1"]  # 18 % a year before 0.025 % a day (9 %)
    assert snowball["order"] == ["JD-1", "JB-1"]  # and the smaller balance
    for plan in (avalanche, snowball):
        months = plan["months"]
        assert plan["debt_free_month"] == months[-1]["month"] and months[-1]["balance"] == "0.00"
        assert all(set(month["payments"]) <= {"JB-1", "JD-1"} for month in months)  # the settled loan is not there
        assert months[0]["month"] == "2026-11"  # the two overdue installments are paid first, this month
        paid = sum(_yuan(fen) for month in months for fen in month["payments"].values())
        assert all(sum(map(_yuan, m["payments"].values())) <= Decimal(5000) for m in months)
        assert _yuan(plan["interest_saved"]) > 0
        owed = paid - _yuan(plan["total_interest"])  # what was paid less interest and fees is the principal owed
        assert owed == _balance_owed(run)
    # Planning writes nothing.
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before


def _balance_owed(run) -> Decimal:
    loans = json.loads(run("loans", "--json")[1])
    return sum(Decimal(loan["outstanding"]) for loan in loans if loan["loan_id"] != "OLD")


def test_the_text_gives_each_strategy_its_debt_free_month_and_the_months(run):
    _loans(run)
    status, out, _ = run("plan", "--budget", "5000", "--from", "2026-12-01", "--strategy", "snowball")
    assert status == 0
    assert "¥5,000.00 a month from 2026-12-01 for 2 open loans" in out
    assert "Snowball — the smallest balance first" in out and "Avalanche" not in out
    assert "cleared in this order: JD-1 (京东金条), JB-1 (借呗)" in out
    header = next(line for line in out.splitlines() if line.strip().startswith("month"))
    assert header.split() == ["month", "JD-1", "JB-1", "extra", "balance"]
    assert "  2026-12 " in out


def test_a_budget_that_leaves_a_month_short_is_refused_with_each_months_shortfall(run):
    _loans(run)
    status, out, err = run("plan", "--budget", "1000")
    assert status == 1 and out == ""
    assert err.startswith("jiebei-tracker: error: --budget '¥1,000.00': does not cover the installments due: 2026-11 ¥")
    assert "short" in err and err.count("\n") == 1


def test_a_bad_budget_or_day_names_the_option(run):
    _loans(run)
    assert "--budget '-5'" in run("plan", "--budget", "-5")[2]
    assert "--budget 'lots'" in run("plan", "--budget", "lots")[2]
    assert "--from '2024-02-30'" in run("plan", "--budget", "3000", "--from", "2024-02-30")[2]


def test_nothing_open_is_nothing_to_plan(run):
    status, out, _ = run("plan", "--budget", "3000")
    assert status == 0 and "nothing to plan" in out
    found = json.loads(run("plan", "--budget", "5000", "--json")[1])
    assert found["strategies"][0]["months"] == [] and found["strategies"][0]["debt_free_month"] is None


def test_the_plan_reads_in_chinese_with_lang(run):
    _loans(run)
    status, out, _ = run("plan", "--budget", "5000", "--lang", "zh_CN", "--strategy", "snowball")
    assert status == 0
    assert out.startswith("从 2026-11-28 起每月 ¥5,000.00，共 2 笔还款中的借款")
    assert "雪球法：先还余额最小的" in out and "还清顺序：JD-1 (京东金条)、JB-1 (借呗)" in out
    assert "提前多还" in out and "debt-free" not in out
