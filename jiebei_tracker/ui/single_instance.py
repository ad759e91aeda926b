"""One window per data file: a lock beside the database, and a local socket through which a second launch asks the
running one to come forward instead of opening the same file again (so two writers never race)."""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCryptographicHash, QLockFile, QObject, Signal

if TYPE_CHECKING:  # QtNetwork loads when the socket is needed: after the first frame, or in a second launch
    from PySide6.QtNetwork import QLocalServer

_MESSAGE = b"activate\n"


class SingleInstance(QObject):
    """``acquire()`` takes the lock (True) or finds it held by a running app (False); ``notify_running()`` then
    asks that app to show its window. ``acquire(listen=False)`` takes only the lock; ``listen()`` then opens the
    socket later (the app does so once its window is drawn, and a second launch waits for it meanwhile)."""

    activation_requested = Signal()
    """Another launch for the same data file asked this one to bring its window forward."""

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        path = Path(db_path).expanduser().resolve()
        self.lock_path = path.with_name(path.name + ".lock")
        # Qt's hash rather than hashlib: that module alone is a few milliseconds of start-up.
        digest = QCryptographicHash.hash(str(path).encode(), QCryptographicHash.Algorithm.Sha256)
        self.server_name = "jiebei-tracker-" + bytes(digest.toHex()).decode()[:24]
        self._lock = QLockFile(str(self.lock_path))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        self._server: QLocalServer | None = None

    def acquire(self, *, listen: bool = True) -> bool:
        self.lock_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not self._lock.tryLock(0):
            return False
        with contextlib.suppress(OSError):
            os.chmod(self.lock_path, 0o600)  # it names this process and host: the user's only, like the data
        if listen:
            self.listen()
        return True

    def listen(self) -> None:
        """Open the socket through which a second launch asks this one to come forward (holding the lock)."""
        from PySide6.QtNetwork import QLocalServer

        if self._server is not None or not self._lock.isLocked():
            return
        QLocalServer.removeServer(self.server_name)  # a socket left behind by a crash
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_connection)
        self._server.listen(self.server_name)

    def notify_running(self, timeout_ms: int = 2000) -> bool:
        """Ask the app holding the lock to come forward; False if it could not be reached. An app that has only
        just started opens its socket once its window is drawn: until then, this tries again until the time is up."""
        from PySide6.QtNetwork import QLocalSocket

        deadline = time.monotonic() + timeout_ms / 1000
        while True:
            socket = QLocalSocket()
            socket.connectToServer(self.server_name)
            left_ms = max(0, int((deadline - time.monotonic()) * 1000))
            if socket.waitForConnected(left_ms):
                break
            if time.monotonic() >= deadline:
                return False
            time.sleep(min(0.05, max(0.0, deadline - time.monotonic())))
        socket.write(_MESSAGE)
        written = socket.waitForBytesWritten(timeout_ms)
        socket.disconnectFromServer()
        return written

    def _on_connection(self) -> None:
        while self._server is not None and self._server.hasPendingConnections():
            connection = self._server.nextPendingConnection()
            connection.disconnected.connect(connection.deleteLater)
            self.activation_requested.emit()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()
