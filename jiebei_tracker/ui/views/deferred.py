"""A widget built only once it is first drawn on screen — after that paint, and not while it is scrolled out of view —
so slow-to-build views (charts) never hold up the window's start or a page switch."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class Deferred(QWidget):
    """Holds ``build()``'s widget once made; until then a quiet "Loading…" line."""

    built = Signal(QWidget)
    """Emitted with the real widget once it has been made."""

    def __init__(self, build: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self.widget: QWidget | None = None
        self._pending = False
        self.loading = QLabel()
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.loading.setEnabled(False)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.loading)
        self.retranslate_ui()

    def paintEvent(self, event) -> None:
        # Qt paints a widget only where it can be seen: a page not shown, or charts below the fold of the
        # dashboard, are not painted, so nothing is built for them yet.
        super().paintEvent(event)
        if self.widget is None and not self._pending:
            self._pending = True
            QTimer.singleShot(0, self.build_now)  # once this paint is done

    def build_now(self) -> QWidget:
        if self.widget is None:
            self.widget = self._build()
            self._layout.removeWidget(self.loading)
            self.loading.hide()  # deleted later: until then it must not show through the new widget
            self.loading.deleteLater()
            self._layout.addWidget(self.widget)
            self.built.emit(self.widget)
        return self.widget

    def retranslate_ui(self) -> None:
        if self.widget is None:
            self.loading.setText(self.tr("Loading…"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
