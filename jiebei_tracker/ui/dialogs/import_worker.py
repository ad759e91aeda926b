"""The thread an import's long work runs on (checking a large file, writing it). It never touches a widget:
it only emits signals, which Qt delivers on the window's thread."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QThread, Signal

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.services.imports import ImportCancelled, ImportFailure

# job(progress, cancelled) -> result; progress(done, total) may be called from the job as it goes.
Job = Callable[[Callable[[int, int], None], Callable[[], bool]], object]


class ImportWorker(QThread):
    """Runs ``job`` off the UI thread. Exactly one of succeeded / failed / was_cancelled is emitted."""

    progressed = Signal(int, int)
    """Emitted with (done, total) as the job goes."""
    succeeded = Signal(object)
    """Emitted with the job's result."""
    failed = Signal(str)
    """Emitted with a message for the user when the job stopped on a problem (nothing was written)."""
    was_cancelled = Signal()
    """Emitted when the job stopped because cancel() was called (nothing was written)."""

    def __init__(self, job: Job, parent=None) -> None:
        super().__init__(parent)
        self._job = job
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the job to stop at its next progress report; what it wrote so far is rolled back."""
        self._cancel.set()

    def is_cancelling(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self._job(self.progressed.emit, self._cancel.is_set)
        except ImportCancelled:
            self.was_cancelled.emit()
        except ImportFailure as failure:
            self.failed.emit(failure.message())
        except InvalidValue as error:
            self.failed.emit(f"{error.field}: {error.value!r}: {error.reason}")
        except Exception as error:  # the thread's edge: a full disk or a locked file must reach the user
            self.failed.emit(f"{type(error).__name__}: {error}")
        else:
            # Even when cancel came after the last report: the job finished, so say what it did.
            self.succeeded.emit(result)
