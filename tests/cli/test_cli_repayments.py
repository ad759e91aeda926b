"""The CLI's side of a truthful history: add-loan with what happened to past installments, catch-up of autopay
deductions, and listing, correcting and deleting repayments. Bad values exit 1 and change nothing."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta

import pytest

from jiebei_tracker.domain.schedule import due_date

TODAY = date.today()  # the CLI works as of the real today
A_YEAR_AGO = TODAY - timedelta(days=400)


def _add(run, *extra: str, borrowed_on: date = A_YEAR_AGO, term: str = "12"):
    return run(
        "add-loan", "--platform", "借呗", "--borrowed-on", borrowed_on.isoformat(), "--principal", "12000",
        "--term", term, "--method", "等额本息", "--annual-rate", "9.12%", *extra,
    )  # fmt: skip


def _dump(db_path) -> list:
    with sqlite3.connect(db_path) as connection:
        return [connection.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in ("loan", "repayment")]


def _statuses(run, loan: str = "1") -> list[str]:
    status, out, _ = run("schedule", loan, "--json")
    assert status == 0
    return [line["status"] for line in json.loads(out)["installments"]]


def _installments(count: int) -> str:
    return f"{count} installment{'' if count == 1 else 's'}"


def _due_count(borrowed_on: date, months: int = 12) -> int:
    return sum(1 for k in range(1, months + 1) if due_date(borrowed_on, k) < TODAY)


def test_without_an_answer_the_past_installments_are_overdue_and_a_warning_says_how_to_answer(run):
    status, out, err = _add(run)
    assert status == 0 and "added loan #1" in out
    overdue = _due_count(A_YEAR_AGO)
    assert f"warning: {_installments(overdue)} of this loan fell due before today;" in err
    assert "--paid-through DATE or --settled-on DATE" in err
    assert _statuses(run).count("overdue") == overdue


def test_paid_through_records_them_paid_on_their_due_dates(run):
    status, out, err = _add(run, "--paid-through", TODAY.isoformat())
    assert status == 0 and err == ""
    due = sum(1 for k in range(1, 13) if due_date(A_YEAR_AGO, k) <= TODAY)
    assert f"recorded {_installments(due)} as paid on their due dates" in out
    assert "overdue" not in _statuses(run)
    status, out, _ = run("repayments", "1", "--json")
    rows = json.loads(out)
    assert [r["paid_on"] for r in rows] == [due_date(A_YEAR_AGO, k).isoformat() for k in range(1, due + 1)]
    assert {r["source"] for r in rows} == {"schedule"}
    assert set(rows[0]) == {"id", "loan_id", "paid_on", "amount", "payoff", "source", "note"}


def test_a_repayment_typed_for_an_installment_recorded_as_paid_says_it_takes_its_place(run):
    assert _add(run, "--paid-through", TODAY.isoformat())[0] == 0
    third = due_date(A_YEAR_AGO, 3)
    status, out, _ = run("pay", "1", "--on", (third + timedelta(days=3)).isoformat(), "--amount", "500")
    assert status == 0
    assert out.splitlines()[1] == (
        f"it takes the place of the repayment assumed on {third.isoformat()} (from the schedule or autopay): the "
        "same installment"
    )
    status, out, _ = run(
        "pay", "1", "--on", (third + timedelta(days=4)).isoformat(), "--amount", "1", "--lang", "zh_CN"
    )
    assert status == 0 and len(out.splitlines()) == 1  # nothing assumed is left for that installment


def test_settled_on_with_the_amount_paid(run):
    settled = A_YEAR_AGO + timedelta(days=100)
    status, out, _ = _add(run, "--settled-on", settled.isoformat(), "--payoff-amount", "9,000")
    assert status == 0
    assert f"recorded the early settlement on {settled.isoformat()}, ¥9,000.00" in out
    assert _statuses(run) == ["on_time"] * 3 + ["settled_early"] * 9  # 3 fell due before the settlement day
    status, out, _ = run("repayments", "--json")
    payoff = json.loads(out)[-1]
    assert (payoff["paid_on"], payoff["amount"], payoff["payoff"]) == (settled.isoformat(), "9000.00", True)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (("--paid-through", (A_YEAR_AGO - timedelta(days=1)).isoformat()), "--paid-through"),
        (("--paid-through", (TODAY + timedelta(days=1)).isoformat()), "is in the future"),
        (("--settled-on", "2024-02-30"), "--settled-on '2024-02-30'"),
        (("--payoff-amount", "100"), "goes with --settled-on DATE"),
    ],
)
def test_bad_answers_exit_1_and_write_nothing(run, db_path, extra, message):
    run("platforms")  # creates the empty database
    before = _dump(db_path)
    status, _, err = _add(run, *extra)
    assert status == 1
    assert message in err
    assert _dump(db_path) == before


def test_both_answers_at_once_are_a_usage_error(run):
    with pytest.raises(SystemExit) as raised:
        _add(run, "--paid-through", TODAY.isoformat(), "--settled-on", TODAY.isoformat())
    assert raised.value.code == 2


def test_catch_up_records_pending_autopay_installments_and_dry_run_only_lists(run, db_path):
    borrowed = TODAY - timedelta(days=95)
    _add(run, "--autopay", borrowed_on=borrowed, term="6")
    pending = _due_count(borrowed, 6) + (1 if due_date(borrowed, _due_count(borrowed, 6) + 1) == TODAY else 0)
    before = _dump(db_path)
    status, out, _ = run("catch-up", "--dry-run")
    assert status == 0
    assert f"would record {pending} autopay {_installments(pending).split()[1]} as paid on their due dates" in out
    assert out.count("installment 1/6") == 1
    assert _dump(db_path) == before
    status, out, _ = run("catch-up", "--as-of", due_date(borrowed, 1).isoformat())
    assert status == 0 and "recorded 1 autopay installment as paid" in out
    status, out, _ = run("catch-up")
    assert f"recorded {pending - 1} autopay {_installments(pending - 1).split()[1]}" in out
    assert "overdue" not in _statuses(run)
    status, out, _ = run("repayments", "--json")
    assert {r["source"] for r in json.loads(out)} == {"autopay"}
    status, out, _ = run("catch-up")
    assert status == 0 and "is waiting to be recorded" in out


def test_catch_up_leaves_loans_without_autopay_alone(run):
    _add(run, borrowed_on=TODAY - timedelta(days=95), term="6")
    status, out, _ = run("catch-up")
    assert status == 0 and "is waiting to be recorded" in out
    status, out, _ = run("repayments")
    assert "no repayments recorded" in out


def test_edit_and_delete_a_repayment(run, db_path):
    _add(run, "--paid-through", TODAY.isoformat())
    first_due = due_date(A_YEAR_AGO, 1)
    status, out, _ = run("edit-repayment", "1", "--on", (first_due + timedelta(days=3)).isoformat(), "--note", "晚了")
    assert status == 0 and "repayment 1 on loan #1 changed" in out
    assert _statuses(run)[0] == "late"
    status, out, _ = run("repayments", "1")
    assert "晚了" in out.splitlines()[1] and "schedule" in out.splitlines()[1]
    before = _dump(db_path)
    for args, message in (
        (("edit-repayment", "1", "--amount", "999999"), "more than loan #1 owes"),
        (("edit-repayment", "1"), "say what to change"),
        (("edit-repayment", "999", "--amount", "1"), "no such repayment"),
        (("delete-repayment", "abc"), "not a whole number"),
    ):
        status, _, err = run(*args)
        assert status == 1 and message in err, (args, err)
        assert _dump(db_path) == before
    status, out, _ = run("delete-repayment", "1")
    assert status == 0 and "deleted repayment 1 of loan #1" in out
    # Each later repayment now goes to the installment before its own (paid after its due date: late); the last
    # one, a few fen short of a whole installment, leaves the eleventh open, and the twelfth is not paid at all.
    assert _statuses(run) == ["late"] * 10 + ["overdue"] * 2


def test_pay_by_hand_replaces_the_assumed_repayment_of_that_installment(run):
    _add(run, "--paid-through", TODAY.isoformat())
    second_due = due_date(A_YEAR_AGO, 2)
    status, out, _ = run("repayments", "--json")
    assumed = json.loads(out)
    status, _, _ = run("pay", "1", "--on", (second_due - timedelta(days=1)).isoformat(), "--amount",
                       assumed[1]["amount"], "--note", "app")  # fmt: skip
    assert status == 0
    status, out, _ = run("repayments", "--json")
    after = json.loads(out)
    assert len(after) == len(assumed)
    assert [(r["paid_on"], r["source"], r["note"]) for r in after[:2]] == [
        (assumed[0]["paid_on"], "schedule", ""),
        ((second_due - timedelta(days=1)).isoformat(), "manual", "app"),
    ]
