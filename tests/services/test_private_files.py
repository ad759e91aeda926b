"""What the app writes for the user outside the database (reports, calendars, chart pictures, exports) is as private
as the database: readable and writable by the user only, whatever the umask."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from jiebei_tracker.domain.errors import FileProblem
from jiebei_tracker.services.files.private import write_private_file


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def open_umask():
    """A umask that would leave new files readable by everyone (0644), as on many systems."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_a_new_file_is_private_and_whole(tmp_path):
    path = write_private_file(tmp_path / "report.html", "<p>借呗</p>".encode())
    assert path.read_text(encoding="utf-8") == "<p>借呗</p>"
    assert mode(path) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # nothing left beside it


def test_a_file_already_there_is_kept_unless_overwrite_then_replaced_and_tightened(tmp_path):
    path = tmp_path / "dues.ics"
    path.write_bytes(b"old")
    path.chmod(0o644)
    with pytest.raises(FileProblem, match="already exists"):
        write_private_file(path, b"new")
    assert path.read_bytes() == b"old" and mode(path) == 0o644
    write_private_file(path, b"new", overwrite=True)
    assert path.read_bytes() == b"new" and mode(path) == 0o600


def test_a_missing_folder_or_a_symlink_is_refused(tmp_path):
    with pytest.raises(FileProblem, match="does not exist"):
        write_private_file(tmp_path / "missing" / "report.html", b"x", overwrite=True)
    assert not (tmp_path / "missing").exists()
    planted = tmp_path / "report.html"
    planted.symlink_to(tmp_path / "elsewhere.html")  # dangling: it would create the file it points to
    with pytest.raises(FileProblem, match="already exists"):
        write_private_file(planted, b"x")
    assert not (tmp_path / "elsewhere.html").exists()


def test_a_failed_write_leaves_the_old_file_and_no_stray_file(tmp_path):
    path = tmp_path / "chart.png"
    path.write_bytes(b"old")
    with pytest.raises(TypeError):
        write_private_file(path, "not bytes", overwrite=True)  # type: ignore[arg-type]
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["chart.png"]


def test_the_calendar_the_report_and_the_csv_export_are_private(ledger, database, tmp_path):
    from datetime import date

    from jiebei_tracker.cli import main
    from jiebei_tracker.services.health.ics import export_ics
    from jiebei_tracker.services.imports.db import export_all
    from tests.scenarios import draft

    ledger.add_loan(draft("借呗", borrowed_on=date(2026, 10, 10), months=6))
    calendar = tmp_path / "dues.ics"
    export_ics(database, calendar, as_of=date(2026, 11, 28))
    exported = export_all(database, tmp_path / "export")
    report = tmp_path / "report.html"
    database.close()
    status = main(["--db", str(database.path), "report", "--as-of", "2026-11-28", "--html", str(report), "--no-charts"])
    assert status == 0
    for path in (calendar, report, *exported.values()):
        assert mode(path) == 0o600, path.name
