"""An import's long work (checking a large file, writing it) off the window's thread, through ``ui.background``:
the job never touches a widget; it reports progress and its end through signals, which Qt delivers on the
window's thread."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.services.imports.service import ImportCancelled, ImportFailure
from jiebei_tracker.ui.background import Background

# job(progress, cancelled) -> result; progress(done, total) may be called from the job as it goes.
Job = Callable[[Callable[[int, int], None], Callable[[], bool]], object]


class ImportWorker(QObject):
    """Runs ``job`` off the UI thread. Exactly one of succeeded / failed / was_cancelled is emitted, then
    finished."""

    progressed = Signal(int, int)
    """Emitted with (done, total) as the job goes."""
    succeeded = Signal(object)
    """Emitted with the job's result."""
    failed = Signal(str)
    """Emitted with a message for the user when the job stopped on a problem (nothing was written)."""
    was_cancelled = Signal()
    """Emitted when the job stopped because cancel() was called (nothing was written)."""
    finished = Signal()
    """Emitted last, whatever the end."""

    def __init__(self, job: Job, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = job
        self._cancel = threading.Event()
        self._background = Background(self)

    def start(self) -> None:
        self._background.run(lambda: self._job(self.progressed.emit, self._cancel.is_set), self._ended)

    def cancel(self) -> None:
        """Ask the job to stop at its next progress report; what it wrote so far is rolled back."""
        self._cancel.set()

    def is_cancelling(self) -> bool:
        return self._cancel.is_set()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the job has ended (its end is still delivered through the event loop)."""
        return self._background.wait(msecs)

    def _ended(self, result, error: BaseException | None) -> None:
        if error is None:
            # Even when cancel came after the last report: the job finished, so say what it did.
            self.succeeded.emit(result)
        elif isinstance(error, ImportCancelled):
            self.was_cancelled.emit()
        elif isinstance(error, ImportFailure):
            self.failed.emit(error.message())
        elif isinstance(error, InvalidValue):
            self.failed.emit(f"{error.field}: {error.value!r}: {error.reason}")
        else:  # a full disk or a locked file must reach the user
            self.failed.emit(f"{type(error).__name__}: {error}")
        self.finished.emit()
