"""Launch the app twice on one data file, as a person does: the first window comes up, a second launch finds it
running, asks it to come forward and exits. For the single-instance tests, plain and passphrase-protected."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# The first window's process: ``{setup}`` runs before the app starts; it prints ``READY`` once it is up, and when
# brought forward prints ``{said}`` (``BROUGHT FORWARD``, and what a test asks of the session) and quits.
_FIRST_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from jiebei_tracker import app as app_module
{setup}

def brought_forward(session):
    print({said}, flush=True)
    QApplication.quit()

app_module.AppSession.bring_forward = brought_forward
_exec = QApplication.exec
def exec_and_say_ready(*args):
    QTimer.singleShot(0, lambda: print("READY", flush=True))
    return _exec()
QApplication.exec = exec_and_say_ready
from jiebei_tracker.cli import main
sys.exit(main(["--db", sys.argv[1]]))
"""


def launch_twice(db_path: Path, tmp_path: Path, *, setup: str = "", report: str = "", env: dict | None = None) -> str:
    """Start the first window on ``db_path`` and wait till it is up, launch the app again on the same file (which
    must exit 0 at once), and return what the first window printed when it was brought forward. ``report``: an
    expression on ``session`` printed after ``BROUGHT FORWARD``; ``env``: for the first window only."""
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    said = f'"BROUGHT FORWARD", {report}' if report else '"BROUGHT FORWARD"'
    script = _FIRST_WINDOW.format(setup=setup, said=said)
    first = subprocess.Popen(
        [sys.executable, "-c", script, str(db_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**environment, **(env or {})},
    )
    try:
        assert first.stdout.readline().strip() == "READY", first.stderr.read()  # blocks until the window is up
        second = subprocess.run(
            [sys.executable, "-m", "jiebei_tracker", "--db", str(db_path)],
            env=environment,
            capture_output=True,
            timeout=60,
            stdin=subprocess.DEVNULL,
        )
        assert second.returncode == 0, second.stderr
        said = first.stdout.readline().strip()
        assert first.wait(timeout=60) == 0
        return said
    finally:
        if first.poll() is None:
            first.kill()
