"""The command line end to end: add, schedule, pay, statuses change; bad values exit 1 and change nothing."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from jiebei_tracker.cli import _window_only, main

LOAN = {
    "--platform": "借呗",
    "--borrowed-on": "2024-01-31",
    "--principal": "12,000",
    "--term": "12",
    "--method": "等额本息",
    "--daily-rate": "0.02%",
    "--purpose": "daily",
    "--id": "JB-001",
}


def add_loan(**changes: str) -> list[str]:
    """add-loan arguments for LOAN with some options changed (``principal="0"`` sets ``--principal``)."""
    options = LOAN | {f"--{name.replace('_', '-')}": value for name, value in changes.items()}
    return ["add-loan", "--autopay", *[part for pair in options.items() for part in pair]]


ADD = add_loan()


def _dump(db_path) -> list:
    import sqlite3

    with sqlite3.connect(db_path) as connection:
        tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return [(t, connection.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()) for t in tables]


def test_add_schedule_pay_and_see_the_status_change(run):
    assert run(*ADD)[0] == 0
    status, out, _ = run("schedule", "JB-001", "--as-of", "2024-03-01", "--json")
    assert status == 0
    schedule = json.loads(out)
    assert schedule["loan_id"] == "JB-001"
    first = schedule["installments"][0]
    assert first == {
        "seq": 1,
        "due_on": "2024-02-29",
        "principal": "967.43",
        "interest": "72.00",
        "fee": "0.00",
        "total": "1039.43",
        "paid": "0.00",
        "status": "overdue",
    }
    assert run("pay", "JB-001", "--on", "2024-02-29", "--amount", "1039.43") == (
        0,
        "logged ¥1,039.43 on loan #1\n",
        "",
    )
    first = json.loads(run("schedule", "1", "--as-of", "2024-03-01", "--json")[1])["installments"][0]
    assert (first["paid"], first["status"]) == ("1039.43", "on_time")


def test_loans_json(run):
    run(*ADD)
    (loan,) = json.loads(run("loans", "--json")[1])
    assert loan == {
        "loan_id": "JB-001",
        "number": 1,
        "platform": "借呗",
        "borrowed_on": "2024-01-31",
        "principal": "12000.00",
        "term_months": 12,
        "method": "equal_installment",
        "annual_rate": "0.072",
        "interest_basis": "monthly",
        "fee_upfront": "0.00",
        "fee_per_installment": "0.00",
        "fee_rate": "0",
        "interest_free_days": 0,
        "apr": "0.0720",
        "apr_effective": "0.0744",
        "purpose": "daily",
        "autopay": True,
        "outstanding": "12000.00",
        "status": "overdue",
    }


def test_text_listing_shows_the_loan(run):
    run(*ADD)
    out = run("loans")[1]
    assert "JB-001" in out and "借呗" in out and "¥12,000.00" in out and "0.02%" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["pay", "JB-001", "--on", "2024-02-30", "--amount", "100"], "--on '2024-02-30': no such day"),
        (["pay", "JB-001", "--on", "2024-03-01", "--amount", "-5"], "--amount '-5': must be more than zero"),
        (["pay", "JB-001", "--on", "2024-03-01", "--amount", "abc"], "--amount 'abc': not an amount"),
        (["pay", "JB-001", "--on", "2024-03-01", "--amount", "99999"], "--amount '¥99,999.00': more than"),
        (["pay", "JB-001", "--on", "2023-12-01", "--amount", "5"], "--on '2023-12-01': is before the loan"),
        (["pay", "NOPE", "--on", "2024-03-01", "--amount", "5"], "LOAN 'NOPE': no loan has this id"),
        (add_loan(), "--id 'JB-001': already used by loan #1"),
        (add_loan(id="B", term="400"), "--term '400': must be 1 to 360"),
        (add_loan(id="B", term="twelve"), "--term 'twelve': not a whole number"),
        (add_loan(id="B", method="monthly"), "--method 'monthly': not one of"),
        (add_loan(id="B", principal="0"), "--principal '0': must be more than zero"),
        (add_loan(id="B", daily_rate="0.05"), "--daily-rate '0.05': 1800% a year"),
        (add_loan(id="B", purpose="gambling"), "--purpose 'gambling': not one of"),
        (add_loan(id="B", borrowed_on="2099-01-01"), "--borrowed-on '2099-01-01': is in the future"),
        (add_loan(id="B", platform=" "), "--platform ' ': name the platform"),
        (["limit", "借呗", "--on", "2024-01-01", "--amount", "-1"], "--amount '-¥1.00': cannot be negative"),
        (["resolve-note", "7"], "ID 7: no such credit-report note"),
    ],
)
def test_bad_values_exit_1_with_a_clear_message_and_change_nothing(run, db_path, args, message):
    run(*ADD)
    before = _dump(db_path)
    status, _, err = run(*args)
    assert status == 1
    assert message in err
    assert err.startswith("jiebei-tracker: error: ")
    assert "Traceback" not in err
    assert _dump(db_path) == before


def test_usage_errors_exit_2(run):
    with pytest.raises(SystemExit) as caught:
        run("pay", "JB-001")
    assert caught.value.code == 2
    with pytest.raises(SystemExit) as caught:
        run("no-such-command")
    assert caught.value.code == 2


def test_payoff_proposes_the_amount(run):
    run(*ADD)
    run("pay", "JB-001", "--on", "2024-02-29", "--amount", "1039.43")
    status, out, _ = run("payoff", "JB-001", "--on", "2024-03-10")
    assert status == 0
    assert "proposed payoff: principal ¥11,032.57 + interest for 10 days ¥22.07" in out
    statuses = [i["status"] for i in json.loads(run("schedule", "JB-001", "--json")[1])["installments"]]
    assert statuses == ["on_time"] + ["settled_early"] * 11  # the payoff settled installments 2–12 before they fell due


def test_platform_limit_note_and_resolve(run):
    assert run("platform", "老王", "--kind", "民间借贷")[0] == 0
    assert run("limit", "借呗", "--on", "2024-01-01", "--amount", "50000")[0] == 0
    assert run("limit", "借呗", "--on", "2024-06-01", "--amount", "30,000")[0] == 0
    assert run("note", "--on", "2024-05-01", "--kind", "查询记录", "--text", "银行审批查询") == (
        0,
        "added note #1\n",
        "",
    )
    assert run("resolve-note", "1")[0] == 0
    platforms = {p["platform"]: p for p in json.loads(run("platforms", "--json")[1])}
    assert platforms["老王"]["kind"] == "private"
    assert [limit["limit"] for limit in platforms["借呗"]["limits"]] == ["50000.00", "30000.00"]
    (note,) = json.loads(run("notes", "--json")[1])
    assert (note["kind"], note["resolved"]) == ("inquiry", True)


def test_demo_fills_a_realistic_history(run):
    assert run("demo", "--years", "3", "--loans", "80")[0] == 0
    loans = json.loads(run("loans", "--json")[1])
    assert len(loans) == 80
    assert {loan["method"] for loan in loans} == {"equal_installment", "equal_principal", "interest_first", "bullet"}
    assert len({loan["platform"] for loan in loans}) >= 5
    assert {loan["status"] for loan in loans} >= {"settled", "active", "overdue"}
    assert len(json.loads(run("notes", "--json")[1])) >= 3
    assert run("demo", "--loans", "0")[0] == 1


def test_backup(run, tmp_path):
    run(*ADD)
    target = tmp_path / "backup.db"
    assert run("backup", str(target))[0] == 0
    assert target.exists()
    assert run("backup", str(target))[0] == 1  # never overwrites


def test_database_path_from_the_environment(tmp_path, monkeypatch, capsys):
    path = tmp_path / "from-env.db"
    monkeypatch.setenv("JIEBEI_TRACKER_DB", str(path))
    assert main(ADD) == 0
    assert path.exists()


def test_python_dash_m_runs_the_cli(db_path):
    result = subprocess.run(
        [sys.executable, "-m", "jiebei_tracker", "--db", str(db_path), *ADD], capture_output=True, text=True
    )
    assert (result.returncode, result.stdout) == (0, "added loan #1 (JB-001)\n")
    bad = subprocess.run(
        [sys.executable, "-m", "jiebei_tracker", "--db", str(db_path), "pay", "1", "--on", "x", "--amount", "1"],
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 1 and "--on 'x': not a date" in bad.stderr


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], (True, None)),
        (["--db", "books.db"], (True, "books.db")),
        (["--db=books.db"], (True, "books.db")),
        (["--db"], (False, None)),
        (["--db="], (False, None)),
        (["--db", "-h"], (False, None)),
        (["--db", "books.db", "loans"], (False, None)),
        (["loans"], (False, None)),
        (["--help"], (False, None)),
    ],
)
def test_only_the_window_arguments_skip_the_full_parser(argv, expected):
    assert _window_only(argv) == expected


def test_the_loans_table_says_whether_a_rate_is_per_day_or_per_year(run):
    run(*ADD)
    bank = ["add-loan", "--platform", "招商银行", "--borrowed-on", "2024-01-31", "--principal", "3000", "--term", "3"]
    assert run(*bank, "--method", "equal_installment", "--annual-rate", "9.12%", "--autopay")[0] == 0
    rows = run("loans")[1].splitlines()[1:]
    assert "0.02% a day" in rows[0] and "9.12% a year" in rows[1]
    assert "9.12% a year" in run("schedule", "2")[1]
