"""One window per data file: a second launch finds the lock taken and asks the running app to come forward."""

from __future__ import annotations

import os
import subprocess
import sys

from jiebei_tracker.ui.single_instance import SingleInstance


def test_a_second_launch_brings_the_first_forward(qtbot, tmp_path):
    db_path = tmp_path / "tracker.db"
    first = SingleInstance(db_path)
    assert first.acquire()
    second = SingleInstance(db_path)
    try:
        assert not second.acquire()  # the same file is already open: no second writer
        with qtbot.waitSignal(first.activation_requested, timeout=5000):
            assert second.notify_running()
    finally:
        first.release()
    third = SingleInstance(db_path)
    assert third.acquire()  # released: the next launch opens the file itself
    third.release()


def test_different_files_do_not_get_in_each_other_s_way(tmp_path):
    mine, sample = SingleInstance(tmp_path / "tracker.db"), SingleInstance(tmp_path / "tracker-sample.db")
    try:
        assert mine.acquire() and sample.acquire()
        assert mine.server_name != sample.server_name
    finally:
        mine.release()
        sample.release()


def test_nobody_answers_when_nothing_runs(tmp_path):
    assert not SingleInstance(tmp_path / "tracker.db").notify_running(timeout_ms=200)


_FIRST = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from jiebei_tracker import app as app_module

def brought_forward(session):
    print("BROUGHT FORWARD", flush=True)
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


def test_a_second_launch_of_the_app_exits_and_raises_the_first(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    db_path = str(tmp_path / "tracker.db")
    first = subprocess.Popen(
        [sys.executable, "-c", _FIRST, db_path], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    try:
        assert first.stdout.readline().strip() == "READY"  # blocks until the first window is up
        second = subprocess.run(
            [sys.executable, "-m", "jiebei_tracker", "--db", db_path], env=env, capture_output=True, timeout=60
        )
        assert second.returncode == 0
        assert first.stdout.readline().strip() == "BROUGHT FORWARD"
        assert first.wait(timeout=60) == 0
    finally:
        if first.poll() is None:
            first.kill()
