"""What the main window remembers between runs (in QSettings): its size and position, its splitters, the column
layout of every table whose header is named ``…_header``, and the page it was on."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter, QWidget


class RememberedLayout:
    """Reads and writes one window's layout in ``state``; with no state (tests, the sample data's first window
    before it has one) nothing is remembered."""

    def __init__(self, state: QSettings | None) -> None:
        self.state = state

    def restore(self, window: QMainWindow) -> int | None:
        """Put back the size, position, splitters and table columns; returns the page the window was on."""
        if self.state is None:
            return None
        geometry = self.state.value("window/geometry")
        if geometry is not None:
            window.restoreGeometry(geometry)
        window_state = self.state.value("window/state")
        if window_state is not None:
            window.restoreState(window_state)
        for splitter in window.findChildren(QSplitter):
            saved = self.state.value(f"splitters/{splitter.objectName()}")
            if saved is not None and splitter.objectName():
                splitter.restoreState(saved)
        self.restore_tables(window)
        page = self.state.value("window/page")
        return None if page is None else int(page)

    def restore_tables(self, widget: QWidget) -> None:
        """The remembered column layout of the tables in ``widget`` (a page is restored when it is built)."""
        if self.state is None:
            return
        for header in _named_headers(widget):
            saved = self.state.value(f"tables/{header.objectName()}")
            if saved is not None:
                header.restoreState(saved)

    def save(self, window: QMainWindow, *, page: int | None) -> None:
        if self.state is None:
            return
        self.state.setValue("window/geometry", window.saveGeometry())
        self.state.setValue("window/state", window.saveState())
        if page is not None:
            self.state.setValue("window/page", page)
        for splitter in window.findChildren(QSplitter):
            if splitter.objectName():
                self.state.setValue(f"splitters/{splitter.objectName()}", splitter.saveState())
        for header in _named_headers(window):  # pages never built keep what was saved before
            self.state.setValue(f"tables/{header.objectName()}", header.saveState())
        self.state.sync()


def _named_headers(widget: QWidget) -> list[QHeaderView]:
    return [header for header in widget.findChildren(QHeaderView) if header.objectName().endswith("_header")]
