"""``demo`` end to end: the sample borrower's history into an empty file, the large generated one with options, and
never into a file that already holds records."""

from __future__ import annotations

import json

import pytest

from jiebei_tracker.services.workspace import is_sample_file
from tests.conftest import TODAY

pytestmark = pytest.mark.usefixtures("fixed_today")


def test_demo_writes_the_sample_borrower_scored_in_the_watch_band(run, db_path):
    assert run("demo") == (0, f"added the sample history (9 loans on 4 platforms) to {db_path}\n", "")
    loans = json.loads(run("loans", "--json")[1])
    assert [loan["status"] for loan in loans].count("settled") == 6
    assert {loan["platform"] for loan in loans} == {"借呗", "微粒贷", "京东金条", "招商银行信用卡"}
    score = json.loads(run("score", "--json", "--as-of", TODAY.isoformat())[1])
    assert (score["score"], sorted(flag["rule"] for flag in score["flags"])) == (
        70,
        ["late_history", "multi_platform", "no_autopay"],
    )
    assert not is_sample_file(db_path)  # the user asked for this file: the window will never replace it


def test_demo_twice_refuses_and_leaves_the_file_as_it_was(run, db_path):
    assert run("demo")[0] == 0
    before = db_path.read_bytes()
    status, out, err = run("demo")
    assert (status, out) == (1, "")
    assert err == (
        f"jiebei-tracker: error: --db {str(db_path)!r}: already has records; use --db with a new file for the demo "
        "data\n"
    )
    assert run("demo", "--loans", "5")[0] == 1
    assert db_path.read_bytes() == before
    assert len(json.loads(run("loans", "--json")[1])) == 9


@pytest.mark.parametrize(
    "record",
    [
        ("limit", "借呗", "--on", "2026-01-01", "--amount", "20000"),
        ("note", "--on", "2026-01-01", "--kind", "inquiry", "--text", "银行审批查询"),
    ],
)
def test_demo_refuses_a_file_with_only_a_limit_or_a_note(run, record):
    assert run(*record)[0] == 0
    assert run("demo")[0] == 1
    assert json.loads(run("loans", "--json")[1]) == []


def test_demo_with_options_generates_the_large_history(run, db_path):
    assert run("demo", "--years", "2", "--loans", "30", "--seed", "7") == (
        0,
        f"added 30 demo loans over 2 years to {db_path}\n",
        "",
    )
    assert len(json.loads(run("loans", "--json")[1])) == 30
