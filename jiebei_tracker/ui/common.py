"""Small UI helpers: the change hub that carries ledger Changes, icons, colours, dates and record tables. (The
display language and the labels, tooltips and message boxes that show the user's text as typed are in
``jiebei_tracker.qt_text``, which the charts share.)"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QObject, Signal
from PySide6.QtGui import QColor, QIcon, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QLineEdit, QTableView

from jiebei_tracker import resources
from jiebei_tracker.domain.vocabulary import InstallmentStatus, LoanStatus
from jiebei_tracker.services.changes import Changes


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
    InstallmentStatus.SETTLED_EARLY: QColor("#2b7bb9"),  # as good as on time; the words tell them apart
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


def search_box(name: str, changed: Callable[[], object]) -> QLineEdit:
    """A page's search box: cleared with one click, ``changed`` called as the user types."""
    box = QLineEdit()
    box.setObjectName(name)
    box.setClearButtonEnabled(True)
    box.textChanged.connect(changed)
    return box


class RecordTable(QTableView):
    """A table whose row with the keyboard's cursor is the row selected: Tab into it selects the row it lands on
    (Qt only marks it current), so Ctrl+R, Enter or Delete act on the row the user sees, mouse or no mouse."""

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        model = self.model()
        if model is None or model.rowCount() == 0 or self.selectionModel().hasSelection():
            return
        current = self.currentIndex()
        self.selectRow(current.row() if current.isValid() else 0)


def record_table(model, name: str) -> QTableView:
    """A read-only table of records: whole rows selected one at a time, alternating shades, no row numbers.
    Callers size its columns (and name its header when its layout is to be remembered)."""
    table = RecordTable()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    return table


def readable_quiet_text(app: QApplication) -> None:
    """The window's quieter texts (hints, empty states: labels drawn disabled) in a grey that can still be read.
    Fusion draws them #bebebe on #efefef (1.7 : 1); this is the text colour mixed 55 : 45 with the background, about
    5 : 1 in a light palette and as readable in a dark one, and again when the system switches between them."""
    if not app.property("quiet_text_follows_the_scheme"):  # worked out again when the system turns dark or light
        app.setProperty("quiet_text_follows_the_scheme", True)
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: readable_quiet_text(app))
    palette = app.palette()
    text = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)
    ground = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Window)
    quiet = QColor(*(round(0.55 * a + 0.45 * b) for a, b in zip(text.getRgb()[:3], ground.getRgb()[:3], strict=True)))
    if palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText) != quiet:
        palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, quiet)
        app.setPalette(palette)
