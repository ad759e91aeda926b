"""Penalty interest through ``import`` on the command line: a repayments file whose late final repayment brings the
penalty run up by its day is imported and recorded exactly as the same repayment typed with ``pay``; more than that
is refused with the amount, what was owed (penalty included) and where; a loans file's penalty multiplier column."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest

pytestmark = pytest.mark.usefixtures("fixed_today")

LOAN = [
    "add-loan", "--platform", "借呗", "--borrowed-on", "2026-05-10", "--principal", "3000", "--term", "3",
    "--method", "equal_installment", "--annual-rate", "7.2%", "--id", "JB-1",
]  # fmt: skip
LATE = date(2026, 9, 20)  # the last installment fell due on 2026-08-10: 41 days before


def _installments(run, db=None) -> list[dict]:
    status, out, err = run("schedule", "JB-1", "--json", db=db)
    assert status == 0, err
    return json.loads(out)["installments"]


def _fen(yuan: str) -> int:
    return int(Decimal(yuan) * 100)


def _yuan(fen: int) -> str:
    return f"{Decimal(fen) / 100:.2f}"


def _shown(fen: int) -> str:
    """An amount as the messages show it: ``¥1,024.41``."""
    return f"¥{Decimal(fen) / 100:,.2f}"


def _penalty_fen(principal_fen: int, multiplier: str, days: int) -> int:
    """The platforms' formula, worked out here on its own: principal × annual ÷ 360 × multiplier × days."""
    exact = Decimal(principal_fen) * Decimal("0.072") * Decimal(multiplier) * days / 360
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _stored(path) -> dict[str, list[tuple]]:
    """What is recorded of the loan's installments and repayments, without the numbers the database hands out."""
    with sqlite3.connect(path) as connection:
        return {
            "installments": connection.execute(
                "SELECT seq, due_on, principal_fen, interest_fen, paid_interest_fen, paid_principal_fen, settled_on, "
                "paid_penalty_fen FROM installment ORDER BY seq"
            ).fetchall(),
            "repayments": connection.execute(
                "SELECT paid_on, amount_fen, is_payoff FROM repayment ORDER BY paid_on, id"
            ).fetchall(),
        }


def _table(path) -> list[tuple]:
    with sqlite3.connect(path) as connection:
        names = [n for (n,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return [(name, connection.execute(f'SELECT * FROM "{name}" ORDER BY rowid').fetchall()) for name in names]


def _repayments_file(tmp_path, installments: list[dict], last_fen: int):
    first, second, _ = installments
    path = tmp_path / "repayments.csv"
    path.write_text(
        "借款编号,还款日期,还款金额\n"
        f"JB-1,{first['due_on']},{first['total']}\n"
        f"JB-1,{second['due_on']},{second['total']}\n"
        f"JB-1,{LATE.isoformat()},{_yuan(last_fen)}\n",
        encoding="utf-8",
    )
    return path


def test_a_late_final_repayment_with_its_penalty_is_imported_as_the_same_one_typed_by_hand(run, tmp_path, db_path):
    assert run(*LOAN)[0] == 0
    installments = _installments(run)
    last = installments[-1]
    penalty = _penalty_fen(_fen(last["principal"]), "1.5", 41)
    assert penalty > 0
    path = _repayments_file(tmp_path, installments, _fen(last["total"]) + penalty)

    status, out, err = run("import", "repayments", str(path))
    assert status == 0, err
    assert "imported 3 repayments" in out

    by_hand = tmp_path / "by-hand.db"
    assert run(*LOAN, db=by_hand)[0] == 0
    for day, amount in [(i["due_on"], i["total"]) for i in installments[:2]] + [
        (LATE.isoformat(), _yuan(_fen(last["total"]) + penalty))
    ]:
        status, _, err = run("pay", "JB-1", "--on", day, "--amount", amount, db=by_hand)
        assert status == 0, err

    imported = _stored(db_path)
    assert imported["installments"] == _stored(by_hand)["installments"]
    assert imported["installments"][-1][-2:] == (LATE.isoformat(), penalty)  # settled that day, the penalty paid
    assert [row[1] for row in imported["repayments"]] == [row[1] for row in _stored(by_hand)["repayments"]]
    status, out, _ = run("loans", "--json")
    assert json.loads(out)[0]["status"] == "settled"


def test_the_platforms_own_multiplier_sets_what_may_be_paid(run, tmp_path, db_path):
    assert run(*LOAN)[0] == 0
    assert run("platform", "借呗", "--penalty-multiplier", "2")[0] == 0
    installments = _installments(run)
    last = installments[-1]
    penalty = _penalty_fen(_fen(last["principal"]), "2", 41)
    assert penalty > _penalty_fen(_fen(last["principal"]), "1.5", 41)
    path = _repayments_file(tmp_path, installments, _fen(last["total"]) + penalty)
    status, _, err = run("import", "repayments", str(path))
    assert status == 0, err
    assert _stored(db_path)["installments"][-1][-1] == penalty


def test_more_than_the_penalty_run_up_is_refused_with_what_was_owed_and_nothing_is_written(run, tmp_path, db_path):
    assert run(*LOAN)[0] == 0
    installments = _installments(run)
    last = installments[-1]
    penalty = _penalty_fen(_fen(last["principal"]), "1.5", 41)
    owed = _fen(last["total"]) + penalty
    path = _repayments_file(tmp_path, installments, owed + 1)
    before = _table(db_path)

    status, _, err = run("import", "repayments", str(path))

    assert status == 1
    assert (
        f"repayments.csv:4: column '还款金额': {_shown(owed + 1)} is more than the {_shown(owed)} owed on loan JB-1 "
        f"(借呗, 2026-05-10, ¥3,000.00) on 2026-09-20: {_shown(_fen(last['total']))} left on its schedule and "
        f"{_shown(penalty)} of penalty interest (罚息) run up by then"
    ) in err, err
    assert _table(db_path) == before


def test_a_repayment_paid_on_time_may_not_bring_a_penalty(run, tmp_path, db_path):
    """On its due date nothing has run up: a cent more than the schedule asks is refused as before."""
    assert run(*LOAN)[0] == 0
    installments = _installments(run)
    path = tmp_path / "repayments.csv"
    rows = [f"JB-1,{i['due_on']},{i['total']}" for i in installments[:2]]
    last_fen = _fen(installments[2]["total"])
    rows.append(f"JB-1,{installments[2]['due_on']},{_yuan(last_fen + 1)}")
    path.write_text("借款编号,还款日期,还款金额\n" + "\n".join(rows) + "\n", encoding="utf-8")
    status, _, err = run("import", "repayments", str(path))
    assert status == 1
    assert (
        f"repayments.csv:4: column '还款金额': {_shown(last_fen + 1)} is more than the {_shown(last_fen)} left to pay "
        "on loan JB-1"
    ) in err, err


@pytest.mark.parametrize("cell", ["abc", "-1", "0.5x"])
def test_a_bad_penalty_multiplier_in_a_loans_file_is_named_and_nothing_is_written(run, tmp_path, db_path, cell):
    assert run(*LOAN)[0] == 0
    before = _table(db_path)
    path = tmp_path / "loans.csv"
    path.write_text(
        "借款编号,平台,借款日期,借款金额,期数,还款方式,年化利率,状态,罚息倍数\n"
        f"WL-1,微粒贷,2026-05-01,5000,6,先息后本,7.2%,还款中,{cell}\n",
        encoding="utf-8",
    )
    status, _, err = run("import", "loans", str(path))
    assert status == 1
    assert f"loans.csv:2: column '罚息倍数': '{cell}': " in err, err
    assert _table(db_path) == before


def test_a_loans_file_sets_the_platforms_penalty_multiplier_and_says_so(run, tmp_path):
    path = tmp_path / "loans.csv"
    path.write_text(
        "借款编号,平台,借款日期,借款金额,期数,还款方式,年化利率,状态,罚息倍数\n"
        "WL-1,微粒贷,2026-05-01,5000,6,先息后本,7.2%,还款中,2\n",
        encoding="utf-8",
    )
    status, out, err = run("import", "loans", str(path))
    assert status == 0, err
    assert "platform 微粒贷: penalty interest 2 × the daily rate" in out
    status, out, _ = run("platforms", "--json")
    assert status == 0
    assert [p["penalty_multiplier"] for p in json.loads(out) if p["platform"] == "微粒贷"] == ["2"]
