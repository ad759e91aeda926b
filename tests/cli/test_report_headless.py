"""`report --html` on a machine without a display (a server, an ssh session, cron): the charts are drawn with Qt's
offscreen platform by themselves, whatever QT_QPA_PLATFORM says, instead of Qt aborting the process (rc 134,
"xcb-cursor0 is needed")."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.scenarios import draft

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="DISPLAY/WAYLAND_DISPLAY are Linux's")

SCREENLESS = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


@pytest.mark.parametrize("platform", ["", "xcb"], ids=["empty", "xcb-without-display"])  # both aborted before
def test_the_html_report_draws_its_charts_without_a_display(platform, ledger, database, db_path, tmp_path):
    ledger.add_loan(draft(external_id="A"))
    database.close()
    environment = {name: value for name, value in os.environ.items() if name not in SCREENLESS}
    environment["QT_QPA_PLATFORM"] = platform
    page = tmp_path / "report.html"
    result = subprocess.run(
        [sys.executable, "-m", "jiebei_tracker", "--db", str(db_path), "report", "--html", str(page)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "xcb" not in result.stderr
    assert page.read_text(encoding="utf-8").count("src='data:image/png;base64,") == 6
