"""Work that can wait until the window is on screen: run once its first frame has been painted.

The window opens on what the user came for (the dashboard's figures and lists); the health check, the reminders and
loading what the first write needs then follow, each in its own turn of the event loop, so the window is drawn
first and stays responsive in between."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

# A window that is not painted (started minimized, say) still gets its work done after this long.
FALLBACK_MS = 1500
_DONE = "jiebei_first_frame_done"


class _FirstFrameWatcher(QObject):
    """Watches one window for its first paint, then posts the waiting callbacks one event-loop turn each."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("first_frame_watcher")
        self._window = window
        self._waiting: list[Callable[[], object]] = []
        window.installEventFilter(self)
        QTimer.singleShot(FALLBACK_MS, self, self._release)

    def add(self, callback: Callable[[], object]) -> None:
        self._waiting.append(callback)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint:
            # Posted from the paint: they run once this frame (the whole window, painted in one go) is done.
            QTimer.singleShot(0, self, self._release)
        return False

    def _release(self) -> None:
        if self._window.property(_DONE):
            return
        self._window.setProperty(_DONE, True)
        self._window.removeEventFilter(self)
        waiting, self._waiting = self._waiting, []
        for callback in waiting:
            QTimer.singleShot(0, self._window, callback)
        self.deleteLater()


def after_first_frame(widget: QWidget, callback: Callable[[], object]) -> None:
    """Call ``callback`` (on the UI thread) once the window holding ``widget`` has drawn its first frame — soon,
    in a later turn of the event loop, if it has already. Callbacks run in the order they were given. A callback
    is dropped if ``widget`` is deleted before its turn."""
    window = widget.window()
    guarded = _guarded(widget, callback)
    if window.property(_DONE):
        QTimer.singleShot(0, widget, guarded)
        return
    watcher = window.findChild(_FirstFrameWatcher, "first_frame_watcher")
    if watcher is None:
        watcher = _FirstFrameWatcher(window)
    watcher.add(guarded)


def first_frame_done(widget: QWidget) -> bool:
    return bool(widget.window().property(_DONE))


def _guarded(widget: QWidget, callback: Callable[[], object]) -> Callable[[], None]:
    alive = [True]
    widget.destroyed.connect(lambda *_: alive.__setitem__(0, False))

    def run() -> None:
        if alive[0]:
            callback()

    return run


# Set to "print" or "quit" (benchmarks/bench_startup.py, tests/packaging/): once the main window's first frame is
# painted, print "FIRST-FRAME <wall-clock time> <CPU seconds of the process>" on stdout — and quit, for "quit".
REPORT_ENV_VAR = "JIEBEI_TRACKER_REPORT_FIRST_FRAME"


class _FirstPaintReport(QObject):
    """Reports the first paint of a window from a filter of its own, installed last so it runs first: the time
    is the frame's, not that of the work after_first_frame then starts."""

    def __init__(self, window: QWidget, quit_after: bool) -> None:
        super().__init__(window)
        self._quit_after = quit_after
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        print(f"FIRST-FRAME {time.time():.6f} {time.process_time():.6f}", flush=True)
        if self._quit_after:
            QCoreApplication.quit()


def report_first_frame(window: QWidget, mode: str) -> None:
    """What REPORT_ENV_VAR asks: "print" or "quit" (anything else: nothing)."""
    if mode in ("print", "quit"):
        _FirstPaintReport(window, quit_after=mode == "quit")
