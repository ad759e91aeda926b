"""Small UI helpers: the display language, the change hub that carries ledger Changes, the app icon, colours."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from importlib.resources import files

from PySide6.QtCore import QDate, QLocale, QObject, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap

from jiebei_tracker.domain.vocabulary import InstallmentStatus, LoanStatus
from jiebei_tracker.services.changes import Changes


def display_language() -> str:
    """``zh_CN`` when the UI is Chinese, else ``en``: picks the vocabulary labels to show."""
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"


class ChangeHub(QObject):
    """Runs ledger writes and announces what changed, so every view can decide whether to reload."""

    changed = Signal(object)
    """Emitted with the Changes of each successful write."""

    def run(self, operation: Callable[[], Changes]) -> Changes:
        changes = operation()
        if changes.any:
            self.changed.emit(changes)
        return changes


def app_icon() -> QIcon:
    pixmap = QPixmap()
    pixmap.loadFromData((files("jiebei_tracker.resources") / "icons" / "jiebei-tracker.svg").read_bytes(), "SVG")
    return QIcon(pixmap)


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


# Status colours chosen to stay distinguishable for red-green colour blindness (blue / orange / red / grey)
# and readable on light and dark palettes; the status is always written out in text as well.
STATUS_COLOURS = {
    InstallmentStatus.ON_TIME: QColor("#2b7bb9"),
    InstallmentStatus.LATE: QColor("#d98200"),
    InstallmentStatus.OVERDUE: QColor("#d1343a"),
    InstallmentStatus.UPCOMING: QColor("#7a7a7a"),
    LoanStatus.ACTIVE: QColor("#2b7bb9"),
    LoanStatus.OVERDUE: QColor("#d1343a"),
    LoanStatus.SETTLED: QColor("#7a7a7a"),
}
