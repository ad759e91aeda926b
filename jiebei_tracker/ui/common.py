"""Small UI helpers: the display language, the change hub that carries ledger Changes, icons, colours, and labels,
tooltips and message boxes that show the user's text as typed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6 import QtGui
from PySide6.QtCore import QDate, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QLabel, QMessageBox, QTableView, QWidget

from jiebei_tracker import resources
from jiebei_tracker.domain.vocabulary import InstallmentStatus, LoanStatus
from jiebei_tracker.services.changes import Changes


def display_language() -> str:
    """``zh_CN`` when the UI is Chinese, else ``en``: picks the vocabulary labels to show."""
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"


class ChangeHub(QObject):
    """Runs ledger writes and announces what changed, so every view can decide whether to reload."""

    changed = Signal(object)
    """Emitted with the Changes of each successful write."""

    settings_changed = Signal()
    """Emitted after the settings were saved (grace days change every status: views reload in full)."""

    def run(self, operation: Callable[[], Changes]) -> Changes:
        return self.announce(operation())

    def announce(self, changes: Changes) -> Changes:
        """Tell every view about a write made elsewhere (a delete that also returned what it removed)."""
        if changes.any:
            self.changed.emit(changes)
        return changes


def app_icon() -> QIcon:
    return _svg_icon(resources.files() / "icons" / "jiebei-tracker.svg")


def icon(name: str) -> QIcon:
    """One of the window's SVG icons (resources/icons/window/NAME.svg), sharp at any screen scale."""
    return _svg_icon(resources.files() / "icons" / "window" / f"{name}.svg")


def _svg_icon(resource) -> QIcon:
    # A file on disk goes to Qt's SVG icon engine, which renders at whatever size and scale is asked for;
    # a resource inside a zip (no path) is rendered once, large enough for a 2× screen.
    if hasattr(resource, "__fspath__"):
        return QIcon(str(resource))
    pixmap = QPixmap()
    pixmap.loadFromData(resource.read_bytes(), "SVG")
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
LIMIT_UP_COLOUR = QColor("#2b7bb9")
LIMIT_DOWN_COLOUR = QColor("#d1343a")
ERROR_STYLE = "color: #d1343a;"
WARNING_STYLE = "color: #d98200;"


# Qt shows a label's, tooltip's or message box's text as rich text when a tag comes before its first line break
# (AutoText): a platform named "<b>借呗</b><img src=x>" from an imported file would render bold with a picture.
# Text that holds a name, a note, a loan number, a file name or a message built from them goes through these.


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows its text as typed, never as rich text."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_tooltip(text: str) -> str:
    """A tooltip (or a model's ToolTipRole) that shows ``text`` as typed: escaped into a rich-text paragraph,
    since a tooltip has no text format of its own; long lines still wrap. Empty stays empty (no tooltip)."""
    return QtGui.Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal) if text else ""


def message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
) -> QMessageBox.StandardButton:
    """A modal message box showing ``text`` as typed (QMessageBox's static helpers show it as AutoText)."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return QMessageBox.StandardButton(box.exec())


def record_table(model, name: str) -> QTableView:
    """A read-only table of records: whole rows selected one at a time, alternating shades, no row numbers.
    Callers size its columns (and name its header when its layout is to be remembered)."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    return table
