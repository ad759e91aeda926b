"""Work off the window's thread: ``Background.run(work, done)`` runs ``work()`` on a worker thread of its own and
calls ``done(result, error)`` back on the window's thread (exactly one of the two is None). Long jobs — the health
check, the score history, an import — go through it, so the window never freezes and no widget is touched from
another thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

Done = Callable[[Any, BaseException | None], None]


class _Relay(QObject):
    finished = Signal(object, object, object)  # done, result, error: delivered on the thread the relay lives in


class _Task(QRunnable):
    def __init__(self, work: Callable[[], Any], done: Done, relay: _Relay) -> None:
        super().__init__()
        self._work, self._done, self._relay = work, done, relay

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # the thread's edge: the window shows it; nothing else can
            self._relay.finished.emit(self._done, None, error)
        else:
            self._relay.finished.emit(self._done, result, None)


class Background(QObject):
    """One worker thread (jobs queue behind each other, in order) owned by a part of the window."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.finished.connect(lambda done, result, error: done(result, error))

    def run(self, work: Callable[[], Any], done: Done) -> None:
        self._pool.start(_Task(work, done, self._relay))

    def wait(self, msecs: int = -1) -> bool:
        """Block until every job is done (for closing, and for benchmarks); False if ``msecs`` ran out first."""
        return self._pool.waitForDone(msecs)
