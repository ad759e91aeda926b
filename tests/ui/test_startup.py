"""Start-up: the window's first frame is drawn from plain-driver reads, without SQLAlchemy (most of a second to
import); the health check, the reminders and what the first write needs load once that frame is on screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from jiebei_tracker import APP_ID
from jiebei_tracker.ui.first_frame import REPORT_ENV_VAR, after_first_frame, first_frame_done
from tests.scenarios import draft

# How long the probe waits for the work after the first frame before it reports what it found.
DEADLINE_S = 90
HEAVY = ("sqlalchemy", "sqlmodel", "alembic", "pydantic", "pyqtgraph", "numpy", "sqlcipher3", "keyring")

# Runs the app as `jiebei-tracker --db FILE` does, and looks at it when its main window is first painted and
# again once the work after the first frame has run — or, should it never all run, at a deadline far beyond what a
# loaded machine needs (a fresh clone compiles every module first), so that the test fails saying what is missing.
_PROBE = """
import json, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

HEAVY, DEADLINE_S = %r, %r
seen = {}

def heavy_loaded():
    return sorted({name.split(".")[0] for name in sys.modules} & set(HEAVY))

def later_state(window):
    return {
        "heavy": heavy_loaded(),
        "engine": window.workspace.database.has_engine,
        "pages_built": all(window.stack.is_built(page) for page in range(window.stack.count())),
        "health_widgets": hasattr(window.health_panel, "score"),
        "reminders_started": any(getattr(child, "notifier", None) is not None for child in window.children()),
    }

def all_done(state):
    return "sqlalchemy" in state["heavy"] and all(value for name, value in state.items() if name != "heavy")

def look_until_done(window, deadline):
    state = later_state(window)
    if not all_done(state) and time.monotonic() < deadline:
        QTimer.singleShot(20, lambda: look_until_done(window, deadline))  # polls, as qtbot.waitUntil does
        return
    seen["later"] = state
    window.wait_for_workers()
    print(json.dumps(seen), flush=True)
    QApplication.quit()

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow) and "first" not in seen:
            dashboard = watched.dashboard
            seen["first"] = {
                "heavy": heavy_loaded(),
                "built": [page for page in range(watched.stack.count()) if watched.stack.is_built(page)],
                "engine": watched.workspace.database.has_engine,
                "page": watched.stack.currentIndex(),
                "welcome": dashboard.is_welcome(),
                "loans": dashboard.loans.detail.text(),
                "upcoming_rows": dashboard.upcoming_model.rowCount(),
                "overdue_rows": dashboard.overdue_model.rowCount(),
                "health_status": watched.health_panel.status.text(),
                "desktop_file": QApplication.desktopFileName(),
            }
            deadline = time.monotonic() + DEADLINE_S
            QTimer.singleShot(0, lambda: look_until_done(watched, deadline))
        return False

first_paint = FirstPaint()
_init = QApplication.__init__
def init(self, *args):
    _init(self, *args)
    self.installEventFilter(first_paint)
QApplication.__init__ = init

from jiebei_tracker.cli import main
sys.exit(main(["--db", sys.argv[1]]))
"""


def _start_app(db_path, tmp_path) -> dict:
    env_home = tmp_path / "home"
    code = _PROBE % (HEAVY, DEADLINE_S)
    result = subprocess.run(
        [sys.executable, "-c", code, str(db_path)],
        capture_output=True,
        text=True,
        timeout=DEADLINE_S + 60,
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(env_home),
            "XDG_DATA_HOME": str(env_home),
        },
        check=False,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert lines, result.stdout + result.stderr
    return json.loads(lines[-1])


def test_the_first_frame_shows_the_dashboard_without_sqlalchemy(db_path, ledger, database, tmp_path):
    for platform in ("借呗", "微粒贷"):
        ledger.add_loan(draft(platform))
    database.close()

    seen = _start_app(db_path, tmp_path)

    first = seen["first"]
    assert first["heavy"] == [] and first["engine"] is False
    assert first["built"] == [0]  # the dashboard; the other pages are built after the first frame
    assert first["page"] == 0 and not first["welcome"]  # the dashboard, with the user's figures
    assert first["loans"] == "2 loans recorded in all"
    assert first["upcoming_rows"] + first["overdue_rows"] > 0
    assert first["health_status"] == "Working out your health check…"
    assert first["desktop_file"] == APP_ID  # the desktop matches the window to its menu entry
    later = seen["later"]
    assert "sqlalchemy" in later["heavy"] and later["engine"] is True  # loaded ahead of the first write
    assert not {"sqlcipher3", "keyring"} & set(later["heavy"])  # a plain file never loads the encryption extra
    assert later["health_widgets"] and later["reminders_started"] and later["pages_built"]


def test_work_after_the_first_frame_runs_after_the_paint_in_order(qtbot):
    window = QWidget()
    QVBoxLayout(window).addWidget(QLabel("hello"))
    qtbot.addWidget(window)
    ran = []
    after_first_frame(window, lambda: ran.append(("first", first_frame_done(window))))
    after_first_frame(window.findChild(QLabel), lambda: ran.append(("second", first_frame_done(window))))
    assert ran == [] and not first_frame_done(window)
    window.show()
    qtbot.waitUntil(lambda: len(ran) == 2)
    assert ran == [("first", True), ("second", True)]
    after_first_frame(window, lambda: ran.append(("already drawn", True)))
    assert len(ran) == 2  # not at once: in a later turn of the event loop
    qtbot.waitUntil(lambda: len(ran) == 3)


def test_work_for_a_widget_deleted_before_the_first_frame_is_dropped(qtbot):
    window = QWidget()
    label = QLabel("gone", window)
    qtbot.addWidget(window)
    ran = []
    after_first_frame(label, lambda: ran.append("label"))
    after_first_frame(window, lambda: ran.append("window"))
    deleted = []
    label.destroyed.connect(lambda: deleted.append(True))
    label.deleteLater()
    qtbot.waitUntil(lambda: deleted == [True])
    window.show()
    qtbot.waitUntil(lambda: ran == ["window"])
    # Callbacks run in the order given, one per turn: once one added last has run, the label's turn is long past.
    after_first_frame(window, lambda: ran.append("after"))
    qtbot.waitUntil(lambda: ran == ["window", "after"])


def test_the_app_reports_its_first_frame_when_asked_and_quits_for_quit(db_path, ledger, database, tmp_path):
    """What benchmarks/bench_startup.py --frozen and the frozen build's smoke test wait on."""
    ledger.add_loan(draft("借呗"))
    database.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "home")}
    result = subprocess.run(
        [sys.executable, "-m", "jiebei_tracker", "--db", str(db_path)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**env, REPORT_ENV_VAR: "quit"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    (line,) = [line for line in result.stdout.splitlines() if line.startswith("FIRST-FRAME ")]
    _, wall, cpu = line.split()
    assert abs(float(wall) - time.time()) < 120 and 0 < float(cpu) < 120
