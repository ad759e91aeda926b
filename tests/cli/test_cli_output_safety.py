"""The CLI prints the user's text with its control characters and bidi marks escaped (``\\x1b``, ``\\u202e``), so a
name stored by an older version cannot colour the terminal or turn a line around; --json stays exact JSON.
Report, calendar and chart picture are never written over an existing file without --overwrite, nor into a
missing folder."""

from __future__ import annotations

import json
import sqlite3
import stat
from contextlib import closing
from datetime import date

import pytest

from jiebei_tracker.charts.demo import run_demo
from jiebei_tracker.charts.platforms import PlatformsChart
from jiebei_tracker.domain.vocabulary import NoteKind
from tests.scenarios import draft

ESC, RLO = "\x1b", "\u202e"
NAME = f"借呗{ESC}[31m{RLO}gpj.exe"  # stored before names were checked (or by hand)
LOAN_ID = f"JB{ESC}]0;pwned{ESC}\\"
NOTE = f"查询{ESC}[2J{RLO}\ton two\nlines"


pytestmark = pytest.mark.usefixtures("fixed_today")


@pytest.fixture
def hostile(ledger, database, db_path):
    """An overdue loan on a platform whose limit was cut, a note — then their texts changed behind the app's back
    to what the checks refuse today (an older version stored them)."""
    ledger.add_loan(draft("借呗", borrowed_on=date(2026, 9, 20), external_id="JB-9", autopay=False))
    ledger.record_limit("借呗", recorded_on=date(2026, 1, 1), limit_fen=5_000_000)
    ledger.record_limit("借呗", recorded_on=date(2026, 11, 10), limit_fen=2_000_000)
    ledger.add_note(noted_on=date(2026, 11, 1), kind=NoteKind.INQUIRY, text="查询")
    database.close()
    with closing(sqlite3.connect(db_path)) as connection, connection:
        connection.execute("UPDATE platform SET name = ?", (NAME,))
        connection.execute("UPDATE loan SET external_id = ?", (LOAN_ID,))
        connection.execute("UPDATE creditreportnote SET text = ?", (NOTE,))


def _assert_escaped(out: str) -> None:
    assert ESC not in out and RLO not in out
    assert "\\x1b" in out


SHOWN_NAME = "借呗\\x1b[31m\\u202egpj.exe"
SHOWN_LOAN_ID = "JB\\x1b]0;pwned\\x1b\\"


@pytest.mark.parametrize(
    ("command", "shown"),
    [
        pytest.param(["loans"], SHOWN_NAME, id="loans"),
        pytest.param(["platforms"], SHOWN_NAME, id="platforms"),
        pytest.param(["notes"], "查询\\x1b[2J\\u202e", id="notes"),
        pytest.param(["flags", "--as-of", "2026-11-28"], SHOWN_LOAN_ID, id="flags"),
        pytest.param(["reminders", "--as-of", "2026-11-28"], SHOWN_NAME, id="reminders"),
        pytest.param(["report", "--as-of", "2026-11-28"], SHOWN_NAME, id="report"),
        pytest.param(["diagnose", NAME], SHOWN_NAME, id="diagnose"),
        pytest.param(["schedule", "1"], SHOWN_LOAN_ID, id="schedule"),
    ],
)
def test_text_output_escapes_control_characters_and_bidi_marks(run, hostile, command, shown):
    status, out, err = run(*command)
    assert status == 0, err
    _assert_escaped(out)
    assert shown in out


def test_a_table_row_stays_one_line(run, hostile):
    _status, out, _err = run("notes")
    lines = out.splitlines()
    assert len(lines) == 2
    assert lines[1].endswith("查询\\x1b[2J\\u202e\\ton two\\nlines")
    _status, out, _err = run("platforms")
    assert out.splitlines()[1].startswith("借呗\\x1b[31m\\u202egpj.exe  ")


def test_json_output_is_exact_and_shows_no_raw_control(run, hostile):
    outputs = {command: run(command, "--json")[1] for command in ("platforms", "notes", "loans")}
    for out in outputs.values():
        assert ESC not in out and RLO not in out
    assert json.loads(outputs["platforms"])[0]["platform"] == NAME
    assert json.loads(outputs["notes"])[0]["text"] == NOTE
    loan = json.loads(outputs["loans"])[0]
    assert (loan["platform"], loan["loan_id"]) == (NAME, LOAN_ID)


def test_a_message_on_stderr_is_escaped_too(run, tmp_path):
    missing = tmp_path / f"x{ESC}[31m{RLO}.csv"
    status, _out, err = run("import", "loans", str(missing))
    assert status == 1
    assert ESC not in err and RLO not in err and "x\\x1b[31m\\u202e.csv" in err


# -- files: report, calendar, chart picture ----------------------------------------------------------------


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def books(ledger, database):
    ledger.add_loan(draft("借呗", borrowed_on=date(2026, 10, 10), months=6))
    database.close()


@pytest.mark.parametrize(
    "command",
    [
        ["report", "--as-of", "2026-11-28", "--no-charts", "--html"],
        ["reminders", "--as-of", "2026-11-28", "--ics"],
    ],
    ids=["report", "ics"],
)
def test_an_existing_file_is_kept_without_overwrite_and_replaced_with_it(run, books, tmp_path, command):
    target = tmp_path / "mine.out"
    target.write_text("mine")
    target.chmod(0o644)
    status, _out, err = run(*command, str(target))
    assert status == 1
    taken = f"{target}: already exists; choose a new file name, or add --overwrite to replace it"
    assert err == f"jiebei-tracker: error: {taken}\n"
    assert target.read_text() == "mine" and _mode(target) == 0o644
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.out", "tracker.db"]  # no stray temporary file
    status, out, err = run(*command, str(target), "--overwrite")
    assert (status, err) == (0, "")
    assert str(target) in out and target.read_text() != "mine" and _mode(target) == 0o600


@pytest.mark.parametrize(
    "command",
    [
        ["report", "--as-of", "2026-11-28", "--no-charts", "--html"],
        ["reminders", "--as-of", "2026-11-28", "--ics"],
    ],
    ids=["report", "ics"],
)
def test_a_missing_folder_is_one_line_and_not_created(run, books, tmp_path, command):
    target = tmp_path / "nonexistent" / "out"
    status, _out, err = run(*command, str(target), "--overwrite")
    assert status == 1
    assert err == f"jiebei-tracker: error: {target.parent}: does not exist; choose a folder that exists\n"
    assert not target.parent.exists()


def test_the_chart_picture_is_kept_without_overwrite_and_a_missing_folder_refused(qapp, tmp_path, capsys):
    target = tmp_path / "chart.png"
    target.write_bytes(b"mine")
    options = ["--empty", "--png", str(target)]
    assert run_demo(PlatformsChart, options) == 1
    err = capsys.readouterr().err
    assert err == f"error: {target}: already exists; choose a new file name, or add --overwrite to replace it\n"
    assert target.read_bytes() == b"mine"
    assert run_demo(PlatformsChart, [*options, "--overwrite"]) == 0
    assert target.read_bytes().startswith(b"\x89PNG") and _mode(target) == 0o600
    missing = tmp_path / "nonexistent" / "chart.png"
    assert run_demo(PlatformsChart, ["--empty", "--png", str(missing)]) == 1
    assert capsys.readouterr().err == f"error: {missing.parent}: does not exist; choose a folder that exists\n"
    assert not missing.parent.exists()
