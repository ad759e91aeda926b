"""``imports`` and ``undo-import`` on the command line: the list (text and JSON), the latest import undone by
default or one by its number, what was removed said in one line, refusals on stderr with exit status 1."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests.importers.samples import loans_csv


@pytest.fixture
def loans_file(tmp_path):
    path = tmp_path / "loans.csv"
    path.write_text(loans_csv(), encoding="utf-8")
    return path


@pytest.fixture
def limits_file(tmp_path):
    path = tmp_path / "limits.csv"
    path.write_text("平台,日期,额度\n借呗,2024-06-01,60000\n", encoding="utf-8")
    return path


def _imports(run) -> list[dict]:
    status, out, err = run("imports", "--json")
    assert (status, err) == (0, "")
    return json.loads(out)


def test_with_no_imports_there_is_nothing_to_list_or_undo(run):
    assert run("imports") == (0, "no imports yet\n", "")
    assert _imports(run) == []
    status, out, err = run("undo-import")
    assert (status, out) == (1, "")
    assert "no import to undo" in err


def test_imports_lists_each_import_newest_first(run, loans_file, limits_file):
    assert run("import", "loans", str(loans_file), "--past", "unpaid")[0] == 0
    assert run("import", "limits", str(limits_file))[0] == 0
    status, out, err = run("imports")
    assert (status, err) == (0, "")
    header, second, first = out.splitlines()
    assert header.split() == ["#", "imported", "file", "kind", "loans", "repayments", "limits", "notes", "platforms",
                              "undone"]  # fmt: skip
    assert second.split()[0] == "2" and second.split()[3:] == ["limits.csv", "limits", "0", "0", "1", "0", "0"]
    assert first.split()[0] == "1" and first.split()[3:] == ["loans.csv", "loans", "2", "0", "0", "0", "2"]
    listed = _imports(run)
    assert [(i["import_id"], i["file_name"], i["kind"], i["undone"]) for i in listed] == [
        (2, "limits.csv", "limits", False),
        (1, "loans.csv", "loans", False),
    ]
    assert (listed[1]["loans"], listed[1]["platforms"], listed[1]["undone_on"]) == (2, 2, None)
    assert date.fromisoformat(listed[1]["imported_at"][:10]) == date.today()


def test_undo_import_takes_back_the_latest_then_the_one_named(run, loans_file, limits_file):
    run("import", "loans", str(loans_file), "--past", "unpaid")
    run("import", "limits", str(limits_file))
    assert run("undo-import") == (0, "removed import #2 (limits.csv): 1 credit limit\n", "")
    assert run("undo-import", "1") == (0, "removed import #1 (loans.csv): 2 loans, 2 platforms\n", "")
    assert run("loans", "--json")[1].strip() == "[]"
    assert [(i["undone"], i["undone_on"]) for i in _imports(run)] == [(True, date.today().isoformat())] * 2
    assert "undone " + date.today().isoformat() in run("imports")[1]


def test_undoing_again_an_unknown_import_or_a_bad_number_exits_1(run, loans_file):
    run("import", "loans", str(loans_file), "--past", "unpaid")
    assert run("undo-import", "1")[0] == 0
    status, out, err = run("undo-import", "1")
    assert (status, out) == (1, "")
    assert err == f"jiebei-tracker: error: import 1: was already undone on {date.today().isoformat()}\n"
    status, _, err = run("undo-import")
    assert (status, "no import to undo" in err) == (1, True)
    status, _, err = run("undo-import", "7")
    assert (status, err) == (1, "jiebei-tracker: error: import 7: no such import (`imports` lists them)\n")
    status, _, err = run("undo-import", "abc")
    assert (status, err) == (1, "jiebei-tracker: error: ID 'abc': not a whole number\n")


def test_refused_when_a_repayment_was_logged_on_an_imported_loan(run, loans_file):
    run("import", "loans", str(loans_file), "--past", "unpaid")
    assert run("pay", "JB-1", "--on", "2024-04-05", "--amount", "1050.09")[0] == 0
    status, out, err = run("undo-import")
    assert (status, out) == (1, "")
    assert err.startswith(
        "jiebei-tracker: error: import 1: loan #1 (借呗 of 2024-03-05, JB-1) it added has a repayment"
    )
    assert "¥1,050.09 on 2024-04-05 (logged by hand); delete that repayment first" in err
    assert len(json.loads(run("loans", "--json")[1])) == 2  # nothing undone
    assert _imports(run)[0]["undone"] is False
