"""The command line's money terms: interest by the day, fees, interest-free days, and the true APR in JSON."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

pytestmark = pytest.mark.usefixtures("fixed_today")

LOAN = ["add-loan", "--platform", "借呗", "--borrowed-on", "2024-01-31", "--principal", "12000", "--term", "12"]


def _loan(run, *options: str) -> dict:
    status, _, err = run(*LOAN, "--method", "equal_installment", *options, "--paid-through", "2025-01-31")
    assert status == 0, err
    status, out, _ = run("loans", "--json")
    return json.loads(out)[-1]


def test_a_daily_basis_loan_charges_29_days_for_a_leap_february_and_says_its_basis(run):
    loan = _loan(run, "--daily-rate", "0.02%", "--interest-basis", "daily")
    assert (loan["interest_basis"], loan["annual_rate"]) == ("daily", "0.072")
    out = run("schedule", loan["loan_id"], "--json")[1]
    schedule = json.loads(out)
    assert schedule["interest_basis"] == "daily"
    first = schedule["installments"][0]
    assert (first["due_on"], first["interest"], first["principal"], first["total"]) == (
        "2024-02-29",
        "69.60",
        "969.83",
        "1039.43",
    )


def test_the_default_basis_is_monthly_as_before(run):
    loan = _loan(run, "--daily-rate", "0.02%")
    assert loan["interest_basis"] == "monthly"
    out = run("schedule", loan["loan_id"], "--json")[1]
    assert json.loads(out)["installments"][0]["interest"] == "72.00"


def test_a_monthly_fee_shows_in_each_installment_and_in_the_apr(run):
    loan = _loan(run, "--annual-rate", "0", "--fee-rate", "0.65%")
    assert (loan["fee_rate"], loan["apr"], loan["apr_effective"]) == ("0.0065", "0.1410", "0.1505")
    out = run("schedule", loan["loan_id"], "--json")[1]
    rows = json.loads(out)["installments"]
    assert {(r["principal"], r["interest"], r["fee"], r["total"]) for r in rows} == {
        ("1000.00", "0.00", "78.00", "1078.00")
    }
    assert {r["status"] for r in rows} == {"on_time"}  # paid through: the fee is paid with each installment


def test_an_upfront_fee_and_a_fixed_fee_per_installment(run):
    loan = _loan(run, "--annual-rate", "7.2%", "--fee-upfront", "300", "--fee-per-installment", "10")
    assert (loan["fee_upfront"], loan["fee_per_installment"]) == ("300.00", "10.00")
    assert loan["apr"] > "0.1"  # ¥300 kept back and ¥10 a month on ¥12,000 a year: far above 7.2 %


def test_interest_free_days_come_off_the_first_period(run):
    loan = _loan(run, "--daily-rate", "0.02%", "--interest-basis", "daily", "--interest-free-days", "9")
    assert loan["interest_free_days"] == 9
    out = run("schedule", loan["loan_id"], "--json")[1]
    assert json.loads(out)["installments"][0]["interest"] == "48.00"  # 20 of 29 days: 12,000 × 0.02 % × 20


@pytest.mark.parametrize(
    ("options", "said"),
    [
        (["--annual-rate", "5%", "--fee-rate", "0.65"], "--fee-rate '0.65': must be 0 to 10% of the principal a month"),
        (["--annual-rate", "5%", "--fee-upfront", "12000"], "--fee-upfront"),
        (["--annual-rate", "5%", "--interest-free-days", "5"], "--interest-free-days 5: interest-free days need"),
        (["--annual-rate", "5%", "--interest-basis", "weekly"], "--interest-basis 'weekly': not one of"),
        (["--annual-rate", "5%", "--interest-free-days", "x"], "--interest-free-days"),
    ],
)
def test_impossible_money_terms_are_refused_naming_the_option_and_nothing_is_saved(run, options, said):
    status, _, err = run(*LOAN, "--method", "bullet", *options)
    assert status == 1 and said in err, err
    assert json.loads(run("loans", "--json")[1]) == []


def test_a_fee_per_installment_and_a_fee_rate_together_are_a_usage_error(run):
    with pytest.raises(SystemExit) as stopped:
        run(*LOAN, "--method", "bullet", "--annual-rate", "5%", "--fee-rate", "1%", "--fee-per-installment", "5")
    assert stopped.value.code == 2


def test_money_terms_go_out_in_the_export_and_come_back_in_an_import(run, tmp_path, db_path):
    _loan(run, "--daily-rate", "0.02%", "--interest-basis", "daily", "--interest-free-days", "9", "--fee-rate", "0.65%")
    _loan(run, "--annual-rate", "7.2%", "--fee-upfront", "300", "--fee-per-installment", "10")
    before = json.loads(run("loans", "--json")[1])
    assert run("export", str(tmp_path / "out"))[0] == 0
    header = (tmp_path / "out" / "loans.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.endswith("interest_basis,fee_upfront,fee_per_installment,fee_rate,interest_free_days")
    db_path.unlink()  # the same records, imported into a new file
    assert run("import", "loans", str(tmp_path / "out" / "loans.csv"))[0] == 0
    after = json.loads(run("loans", "--json")[1])
    assert [{k: v for k, v in loan.items() if k != "number"} for loan in after] == [
        {k: v for k, v in loan.items() if k != "number"} for loan in before
    ]


def test_an_import_names_a_bad_money_cell_by_line_and_column_and_saves_nothing(run, tmp_path):
    path = tmp_path / "loans.csv"
    path.write_text(
        "平台,借款日期,借款金额,期数,还款方式,日利率,计息方式,月手续费率,免息天数\n"
        "借呗,2025-01-31,12000,12,等额本息,0.02%,按日计息,0.5%,10\n"
        "分期乐,2025-02-10,6000,6,等额本息,0.03%,按月计息,,10\n",
        encoding="utf-8",
    )
    status, _, err = run("import", "loans", str(path))
    assert status == 1
    assert "loans.csv:3: column '免息天数': '10': interest-free days need interest by the day" in err, err
    assert json.loads(run("loans", "--json")[1]) == []


def test_the_command_line_prepays_and_says_what_changed(run):
    loan = [*LOAN[:2], "微粒贷", "--borrowed-on", "2026-01-15", *LOAN[5:]]
    status, _, err = run(
        *loan, "--method", "equal_installment", "--annual-rate", "7.2%", "--paid-through", "2026-10-15"
    )
    assert status == 0, err
    status, out, err = run("prepay", "1", "--on", "2026-11-01", "--amount", "1000", "--keep", "term")
    assert status == 0, err
    assert "prepaid ¥1,000.00 on loan #1 on 2026-11-01: interest" in out and "3 installments left" in out
    rows = json.loads(run("schedule", "1", "--json")[1])["installments"]
    assert len(rows) == 13 and rows[9]["due_on"] == "2026-11-01" and rows[9]["status"] == "on_time"
    status, _, err = run("prepay", "1", "--on", "2026-11-01", "--amount", "99999", "--keep", "term")
    assert status == 1 and "--amount '¥99,999.00': repays all the" in err


def test_import_plan_replaces_the_schedule_with_the_platform_s_and_refuses_one_that_does_not_add_up(run, tmp_path):
    loan = [*LOAN[:2], "分期乐", "--borrowed-on", "2026-01-10", "--principal", "3000", "--term", "3"]
    status, _, err = run(*loan, "--method", "equal_installment", "--annual-rate", "0", "--paid-through", "2026-02-10")
    assert status == 0, err
    plan = tmp_path / "plan.csv"
    plan.write_text(
        "期数,还款日,本金,利息,手续费,应还金额\n"
        "1,2026-02-10,1000,0,19.5,1019.5\n2,2026-03-10,1000,0,19.5,1019.5\n3,2026-04-10,1000,0,19.5,1019.5\n",
        encoding="gbk",
    )
    status, out, err = run("import", "plan", "1", str(plan))
    assert status == 0, err
    assert "3 installments, 2026-02-10 to 2026-04-10; interest ¥0.00 (computed: ¥0.00), fees ¥58.50" in out
    (loan_json,) = json.loads(run("loans", "--json")[1])
    assert loan_json["apr"] == "0.1166"
    rows = json.loads(run("schedule", "1", "--json")[1])["installments"]
    assert (rows[0]["fee"], rows[0]["total"], rows[0]["status"]) == ("19.50", "1019.50", "on_time")
    bad = tmp_path / "bad.csv"
    bad.write_text("期数,还款日,本金,利息\n1,2026-02-10,1000,0\n2,2026-03-10,900,0\n", encoding="utf-8")
    status, _, err = run("import", "plan", "1", str(bad))
    assert status == 1 and "the principals add up to ¥1,900.00, ¥1,100.00 less than the loan's ¥3,000.00" in err
    assert json.loads(run("schedule", "1", "--json")[1])["installments"] == rows


def test_a_platform_s_penalty_multiplier_is_set_shown_and_used_for_late_repayments(run):
    status, _, err = run(*LOAN, "--method", "equal_installment", "--annual-rate", "7.2%")
    assert status == 0, err
    run("pay", "1", "--on", "2024-03-10", "--amount", "1100")  # installment 1 (¥1,039.43) 10 days late
    # At 1.5 × 0.02 %, ¥967.43 for 10 days: ¥2.90 penalty; ¥57.67 goes on to installment 2.
    rows = json.loads(run("schedule", "1", "--json")[1])["installments"]
    assert rows[1]["paid"] == "57.67"
    status, out, err = run("platform", "借呗", "--penalty-multiplier", "0")
    assert status == 0 and "借呗: penalty interest 0 × the daily rate" in out, err
    assert json.loads(run("platforms", "--json")[1])[0]["penalty_multiplier"] == "0"
    assert json.loads(run("schedule", "1", "--json")[1])["installments"][1]["paid"] == "60.57"  # none taken now
    status, _, err = run("platform", "借呗", "--penalty-multiplier", "twice")
    assert status == 1 and "--penalty-multiplier 'twice': not a multiplier" in err


def test_an_export_carries_a_prepaid_and_a_platform_schedule_and_import_plans_puts_them_back(run, tmp_path, db_path):
    bank = [*LOAN[:2], "招商银行", *LOAN[3:]]
    run(*LOAN, "--method", "equal_installment", "--annual-rate", "7.2%", "--id", "JB-1", "--paid-through", "2024-04-30")
    run(*bank, "--method", "equal_principal", "--annual-rate", "4%", "--paid-through", "2024-03-31")
    assert run("prepay", "JB-1", "--on", "2024-05-10", "--amount", "3000", "--keep", "payment")[0] == 0
    computed = json.loads(run("schedule", "2", "--json")[1])["installments"]
    plan = tmp_path / "bank.csv"
    plan.write_text(
        "期数,还款日,本金,利息\n"
        + "".join(f"{r['seq']},{r['due_on']},{r['principal']},{Decimal(r['interest']) + 1}\n" for r in computed),
        encoding="utf-8",
    )
    assert run("import", "plan", "2", str(plan))[0] == 0
    before = [json.loads(run("schedule", ref, "--json")[1])["installments"] for ref in ("JB-1", "2")]
    status, out, _ = run("export", str(tmp_path / "out"))
    assert status == 0 and "plans.csv" in out
    db_path.unlink()
    for kind in ("loans", "repayments"):
        assert run("import", kind, str(tmp_path / "out" / f"{kind}.csv"))[0] == 0
    status, out, err = run("import", "plans", str(tmp_path / "out" / "plans.csv"))
    assert status == 0 and "put back the schedules of 2 loans" in out, err
    after = [json.loads(run("schedule", ref, "--json")[1])["installments"] for ref in ("JB-1", "2")]
    assert after == before
    assert "schedule rebuilt after a part prepayment" in run("schedule", "JB-1")[1]
    assert "schedule as the platform shows it" in run("schedule", "2")[1]


def test_import_plans_refuses_a_file_that_is_not_one_and_writes_nothing(run, tmp_path):
    status, _, err = run(
        "import", "plans", str(_write(tmp_path / "x.csv", "期数,还款日,本金,利息\n1,2024-02-29,1,0\n"))
    )
    assert status == 1 and "no column 'platform': this is not a plans file written by export" in err


def _write(path, text: str):
    path.write_text(text, encoding="utf-8")
    return path
