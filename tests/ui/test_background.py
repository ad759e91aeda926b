"""Background work: run off the window's thread, the result (or the error) handed back on it, jobs in order."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QThread

from jiebei_tracker.ui.background import Background


def test_work_runs_off_the_window_thread_and_ends_on_it_in_order(qtbot):
    background = Background()
    ran_on, ended = [], []

    def work(number):
        ran_on.append(threading.get_ident())
        if number == 2:
            raise ValueError("the disk is full")
        return number * 10

    def done(result, error):
        ended.append((result, None if error is None else str(error), QThread.currentThread()))

    for number in (1, 2, 3):
        background.run(lambda number=number: work(number), done)
    qtbot.waitUntil(lambda: len(ended) == 3)

    window_thread = QCoreApplication.instance().thread()
    assert [(result, error) for result, error, _thread in ended] == [(10, None), (None, "the disk is full"), (30, None)]
    assert all(thread == window_thread for _result, _error, thread in ended)
    assert threading.main_thread().ident not in ran_on
