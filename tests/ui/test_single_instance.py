"""One window per data file: a second launch finds the lock taken and asks the running app to come forward."""

from __future__ import annotations

from jiebei_tracker.ui.single_instance import SingleInstance
from tests.ui.second_launch import launch_twice


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


def test_a_second_launch_of_the_app_exits_and_raises_the_first(tmp_path):
    assert launch_twice(tmp_path / "tracker.db", tmp_path) == "BROUGHT FORWARD"
