"""Values that used to be accepted and broke the app later (issue #11) are refused on the command line: exit 1, one
line on stderr naming the option and the value, no traceback, nothing written — and what is accepted still works
(``loans`` lists it). A payoff far below the proposed amount needs --force."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta

import pytest

ADD = [
    "add-loan", "--platform", "借呗", "--borrowed-on", "2024-01-31", "--principal", "12000", "--term", "12",
    "--method", "等额本息", "--annual-rate", "7.2%", "--paid-through", "2024-03-31",
]  # fmt: skip


def add_loan(**changes: str) -> list[str]:
    """ADD with some options changed (``borrowed_on="0001-01-01"`` sets ``--borrowed-on``); --settled-on takes the
    place of --paid-through."""
    arguments = ADD[:-2] if "settled_on" in changes else list(ADD)
    for name, value in changes.items():
        option = f"--{name.replace('_', '-')}"
        if option in arguments:
            arguments[arguments.index(option) + 1] = value
        else:
            arguments += [option, value]
    return arguments


def _dump(db_path) -> list:
    with sqlite3.connect(db_path) as connection:
        tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return [(t, connection.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()) for t in tables]


@pytest.fixture
def loan(run):
    """One ¥12,000 loan (#1), its first two installments repaid."""
    assert run(*ADD)[0] == 0
    return "1"


def refused(run, db_path, *args: str) -> str:
    """Run a command that must be refused; its one line of stderr."""
    before = _dump(db_path)
    status, out, err = run(*args)
    assert status == 1, (out, err)
    assert err.startswith("jiebei-tracker: error: ")
    assert err.count("\n") == 1 and err.endswith("\n")
    assert "Traceback" not in err
    assert len(err) < 300  # a 100,000-digit value is not echoed back whole
    assert _dump(db_path) == before
    return err.removeprefix("jiebei-tracker: error: ").removesuffix("\n")


TOMORROW = (date.today() + timedelta(days=1)).isoformat()

REFUSED = {
    "principal of 2**63/100 yuan": (
        add_loan(principal="92233720368547758"),
        "--principal '92233720368547758': at most ¥100,000,000.00",
    ),
    "principal one fen too many": (
        add_loan(principal="100,000,000.01"),
        "--principal '100,000,000.01': at most ¥100,000,000.00",
    ),
    "borrowed in year 1": (add_loan(borrowed_on="0001-01-01"), "--borrowed-on '0001-01-01': is before 1990-01-01"),
    "borrowed 1989-12-31": (add_loan(borrowed_on="1989-12-31"), "--borrowed-on '1989-12-31': is before 1990-01-01"),
    "borrowed tomorrow": (add_loan(borrowed_on=TOMORROW), f"--borrowed-on '{TOMORROW}': is in the future"),
    "platform with NUL": (
        add_loan(platform="借\x00呗"),
        r"--platform '借\x00呗': contains a control character (\x00)",
    ),
    "platform with escape sequence": (
        add_loan(platform="\x1b[2J借呗"),
        r"--platform '\x1b[2J借呗': contains a control character (\x1b)",
    ),
    "platform of full-width spaces": (
        add_loan(platform="\u3000\u3000"),
        r"--platform '\u3000\u3000': name the platform (e.g. 借呗)",
    ),
    "note with right-to-left override": (
        add_loan(note="gnol\u202e"),
        r"--note 'gnol\u202e': contains a control character (\u202e)",
    ),
    "loan number with DEL": (add_loan(id="JB\x7f1"), r"--id 'JB\x7f1': contains a control character (\x7f)"),
    "payoff amount for a past loan": (
        add_loan(settled_on="2024-06-01", payoff_amount="100000000.01"),
        "--payoff-amount '100000000.01': at most ¥100,000,000.00",
    ),
    "pay 1e30": (
        ["pay", "1", "--on", "2024-04-15", "--amount", "1e30"],
        "--amount '1e30': not an amount of money (e.g. 12000, 12,000.50, ¥1,234.50)",
    ),
    "pay 2**63 fen": (
        ["pay", "1", "--on", "2024-04-15", "--amount", "92233720368547758.08"],
        "--amount '92233720368547758.08': at most ¥100,000,000.00",
    ),
    "pay a 100,000-digit amount": (
        ["pay", "1", "--on", "2024-04-15", "--amount", "9" * 100_000],
        "--amount '999999999999999999999999…': too long for an amount of money (at most ¥100,000,000.00)",
    ),
    "pay note with C1 control": (
        ["pay", "1", "--on", "2024-04-15", "--amount", "5", "--note", "\x9b31m"],
        r"--note '\x9b31m': contains a control character (\x9b)",
    ),
    "payoff 2**63 fen": (
        ["payoff", "1", "--on", "2024-04-15", "--amount", "92233720368547758.08", "--force"],
        "--amount '92233720368547758.08': at most ¥100,000,000.00",
    ),
    "payoff on 1989-12-31": (
        ["payoff", "1", "--on", "1989-12-31"],
        "--on '1989-12-31': is before 1990-01-01",
    ),
    "limit with an empty name": (
        ["limit", "", "--on", "2024-01-01", "--amount", "50000"],
        "PLATFORM '': name the platform (e.g. 借呗)",
    ),
    "limit with NUL in the name": (
        ["limit", "\x00借呗", "--on", "2024-01-01", "--amount", "50000"],
        r"PLATFORM '\x00借呗': contains a control character (\x00)",
    ),
    "limit above the bound": (
        ["limit", "借呗", "--on", "2024-01-01", "--amount", "100000000.01"],
        "--amount '100000000.01': at most ¥100,000,000.00",
    ),
    "limit on 1989-12-31": (
        ["limit", "借呗", "--on", "1989-12-31", "--amount", "50000"],
        "--on '1989-12-31': is before 1990-01-01",
    ),
    "platform kind of a look-alike name": (
        ["platform", "借呗\u200f", "--kind", "bank"],
        r"NAME '借呗\u200f': contains a control character (\u200f)",
    ),
    "credit-report note with bell": (
        ["note", "--on", "2024-01-01", "--kind", "inquiry", "--text", "查询\x07"],
        r"--text '查询\x07': contains a control character (\x07)",
    ),
    "credit-report note in 1989": (
        ["note", "--on", "1989-12-31", "--kind", "inquiry", "--text", "查询"],
        "--on '1989-12-31': is before 1990-01-01",
    ),
    "edit a repayment's note": (
        ["edit-repayment", "1", "--note", "\u2066x"],
        r"--note '\u2066x': contains a control character (\u2066)",
    ),
    "edit a repayment's amount": (
        ["edit-repayment", "1", "--amount", "100000000.01"],
        "--amount '100000000.01': at most ¥100,000,000.00",
    ),
}


@pytest.mark.parametrize(("args", "message"), REFUSED.values(), ids=REFUSED.keys())
def test_values_that_broke_the_app_later_are_refused_in_one_line(run, db_path, loan, args, message):
    assert refused(run, db_path, *args) == message
    assert run("loans")[0] == 0  # and the file still lists (no integer overflow on reading it back)


def test_the_largest_principal_and_the_earliest_day_are_accepted_and_listed(run):
    assert run(*add_loan(principal="100,000,000", borrowed_on="1990-01-01", paid_through="1990-01-01"))[0] == 0
    status, out, _ = run("loans", "--json")
    assert status == 0
    assert [(loan["principal"], loan["borrowed_on"]) for loan in json.loads(out)] == [("100000000.00", "1990-01-01")]
    assert run(*add_loan(principal="100,000,000.01"))[0] == 1


def test_names_are_stored_trimmed(run):
    assert run(*add_loan(platform="\u3000借呗 "))[0] == 0
    assert run("limit", " 借呗\u3000", "--on", "2024-01-01", "--amount", "50000") == (0, "借呗: limit ¥50,000.00\n", "")
    platforms = json.loads(run("platforms", "--json")[1])
    assert [platform["platform"] for platform in platforms] == ["借呗"]


def test_a_payoff_far_below_the_proposed_amount_needs_force(run, db_path, loan):
    message = refused(run, db_path, "payoff", loan, "--on", "2024-04-15", "--amount", "0.01")
    # Both figures, and the way to record it anyway.
    assert message == (
        "--amount '¥0.01': is far below the proposed payoff of ¥10,089.52 on 2024-04-15; "
        "use --force if this is what you paid"
    )
    status, out, err = run("payoff", loan, "--on", "2024-04-15", "--amount", "0.01", "--force")
    assert (status, out, err) == (0, "paid off loan #1 with ¥0.01\n", "")
    assert json.loads(run("loans", "--json")[1])[0]["status"] == "settled"


def test_a_payoff_near_the_proposed_amount_needs_no_force(run, loan):
    # 90 % of the proposed ¥10,089.52 is ¥9,080.568: from ¥9,080.57 on no question is asked.
    assert run("payoff", loan, "--on", "2024-04-15", "--amount", "9080.56")[0] == 1
    assert run("payoff", loan, "--on", "2024-04-15", "--amount", "9080.57") == (
        0,
        "paid off loan #1 with ¥9,080.57\n",
        "",
    )


def test_import_names_each_bad_cell_by_file_line_and_column_and_imports_nothing(run, tmp_path):
    path = tmp_path / "loans.csv"
    path.write_text(
        "平台,借款日期,借款金额,期数,还款方式,年化利率\n"
        "借\x00呗,2024-03-05,12000,12,等额本息,9.12%\n"
        f"借呗,0001-01-01,{'9' * 100_000},12,等额本息,9.12%\n",
        encoding="utf-8",
    )
    status, _, err = run("import", "loans", str(path), "--past", "unpaid")
    assert status == 1
    assert err.splitlines() == [
        rf"{path}:2: column '平台': '借\x00呗': contains a control character (\x00)",
        f"{path}:3: column '借款日期': '0001-01-01': is before 1990-01-01",
        f"{path}:3: column '借款金额': '999999999999999999999999…': too long for an amount of money "
        "(at most ¥100,000,000.00)",
    ]
    assert json.loads(run("loans", "--json")[1]) == []
