"""The autopay checklist: each platform with active loans, how many are on autopay, and how to switch it on there."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from jiebei_tracker.qt_text import plain_label, plain_tooltip
from jiebei_tracker.services.health.reminders import AutopayStatus
from jiebei_tracker.ui.views.health.style import DONE_COLOUR, TODO_COLOUR, language_or_default


class AutopayRow(QFrame):
    """One platform: ☑/☐, "on autopay: 1 of 2", the how-to while some loan lacks it, and a button to open it."""

    def __init__(self, *, status: AutopayStatus, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = status
        self._language = language
        # Children made with their parent: shown before they were laid out, they would flash up as windows of
        # their own (and take the focus from whatever the user is typing into).
        self.summary_label = plain_label(parent=self)  # names the platform
        self.summary_label.setStyleSheet(f"color: {(DONE_COLOUR if status.done else TODO_COLOUR).name()};")
        self.how_to_label = plain_label(status.how_to.get(language), self)
        self.how_to_label.setWordWrap(True)
        self.how_to_label.setVisible(not status.done)
        self.open_button = QPushButton(self)
        self.open_button.setFlat(True)
        self.open_button.setStyleSheet("text-align: left; color: palette(link);")
        self.open_button.setVisible(not status.done)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.how_to_label)
        layout.addWidget(self.open_button)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        s = self.status
        mark = "☑" if s.done else "☐"
        self.summary_label.setText(
            self.tr("{mark} {platform}: {on} of {active} active loans on autopay").format(
                mark=mark, platform=s.platform, on=s.on_autopay, active=s.active_loans
            )
        )
        self.open_button.setText(self.tr("Open the loan to switch it on"))
        self.open_button.setToolTip(
            plain_tooltip(
                self.tr("Opens a {platform} loan not on autopay: tick autopay there").format(platform=s.platform)
            )
        )


class AutopayChecklistWidget(QWidget):
    """Platforms missing autopay first, then the ones done. Feed it ``set_data(rows)`` (``autopay_checklist``),
    or give ``load`` and call ``reload()``."""

    loan_requested = Signal(int)
    """Emitted with the id of the first loan on a platform without autopay, when the user asks to open it."""

    def __init__(
        self,
        *,
        load: Callable[[], Sequence[AutopayStatus]] | None = None,
        language: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._load = load
        self._language = language
        self.rows: list[AutopayRow] = []
        self.heading = QLabel()
        self.empty_label = QLabel()
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.heading)
        self._layout.addWidget(self.empty_label)
        self._layout.addStretch(1)
        self.retranslate_ui()

    def set_data(self, rows: Sequence[AutopayStatus]) -> None:
        for row in self.rows:
            self._layout.removeWidget(row)
            row.deleteLater()
        language = language_or_default(self._language)
        self.rows = [AutopayRow(status=status, language=language) for status in rows]
        for position, row in enumerate(self.rows):
            if row.status.loan_ids_without:
                first = row.status.loan_ids_without[0]
                row.open_button.clicked.connect(lambda _checked=False, loan_id=first: self.loan_requested.emit(loan_id))
            self._layout.insertWidget(2 + position, row)
        self.empty_label.setVisible(not self.rows)
        self.retranslate_ui()

    def reload(self) -> None:
        if self._load is not None:
            self.set_data(self._load())

    def retranslate_ui(self) -> None:
        missing = sum(1 for row in self.rows if not row.status.done)
        self.heading.setText(
            self.tr("Autopay: every platform done") if self.rows and not missing else self.tr("Autopay by platform")
        )
        self.empty_label.setText(self.tr("No loan is being repaid right now."))
        for row in self.rows:
            row.retranslate_ui()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
