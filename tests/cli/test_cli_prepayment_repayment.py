"""A part prepayment's repayment on the command line: ``edit-repayment`` of its day or amount and
``delete-repayment`` are refused with one line saying why and what to do instead (exit 1, nothing written); its note
may still be changed."""

from __future__ import annotations

import json
import sqlite3

import pytest

pytestmark = pytest.mark.usefixtures("fixed_today")

LOAN = [
    "add-loan", "--platform", "微粒贷", "--borrowed-on", "2026-01-15", "--principal", "12000", "--term", "12",
    "--method", "equal_installment", "--annual-rate", "7.2%", "--paid-through", "2026-10-15",
]  # fmt: skip


def _tables(path) -> dict[str, list[tuple]]:
    with sqlite3.connect(path) as connection:
        return {
            name: connection.execute(f'SELECT * FROM "{name}" ORDER BY rowid').fetchall()
            for name in ("loan", "installment", "repayment")
        }


@pytest.fixture
def prepayment(run) -> str:
    """The id of the repayment of a ¥1,000 part prepayment."""
    assert run(*LOAN)[0] == 0
    status, _, err = run("prepay", "1", "--on", "2026-11-01", "--amount", "1000", "--keep", "term")
    assert status == 0, err
    status, out, _ = run("repayments", "--json")
    (found,) = [r for r in json.loads(out) if r["source"] == "prepayment"]
    return str(found["id"])


@pytest.mark.parametrize(
    "command",
    [
        ("edit-repayment", "--amount", "900"),
        ("edit-repayment", "--on", "2026-11-02"),
        ("edit-repayment", "--amount", "1200", "--note", "more"),
        ("delete-repayment",),
    ],
)
def test_changing_or_deleting_a_part_prepayment_is_refused_in_one_line(run, db_path, prepayment, command):
    before = _tables(db_path)
    status, out, err = run(command[0], prepayment, *command[1:])
    assert status == 1
    assert out == ""
    assert err == (
        f"jiebei-tracker: error: ID {prepayment}: a part prepayment (提前还部分): loan #1's schedule was "
        "rebuilt around it, so it cannot be edited or deleted on its own. Take it back with Undo (Ctrl+Z) right after "
        "making it, or edit the loan's terms, which builds its schedule again\n"
    )
    assert _tables(db_path) == before


def test_its_note_may_still_be_changed(run, prepayment):
    status, _, err = run("edit-repayment", prepayment, "--note", "提前还一部分")
    assert status == 0, err
    status, out, _ = run("repayments", "--json")
    assert [r["note"] for r in json.loads(out) if r["source"] == "prepayment"] == ["提前还一部分"]


def test_its_day_and_amount_given_unchanged_are_no_change(run, prepayment):
    status, _, err = run("edit-repayment", prepayment, "--on", "2026-11-01", "--amount", "1000", "--note", "same")
    assert status == 0, err
