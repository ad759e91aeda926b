"""The one date field of the window: a line edit that takes a date as people type it, with a calendar pop-up."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QLocale, QPoint, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLineEdit, QSizePolicy, QToolButton, QWidget

from jiebei_tracker.domain.dates import EARLIEST_DAY, NoSuchDay, parse_date
from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.qt_text import display_language
from jiebei_tracker.ui.common import to_qdate


class DateField(QWidget):
    """A day typed as 2024-03-05, 2024/3/5, 2024.3.5, 20240305 or 2024年3月5日 (full-width digits too), or picked
    from a calendar. Text that is not a day, or a day outside the allowed range, is never turned into another
    day: ``date()`` is None or the day as typed, and ``error()`` says what is wrong for the dialog to show."""

    dateChanged = Signal(object)
    """Emitted with the day the text now means (a ``date``, or None while it means none)."""

    def __init__(
        self,
        day: date | None = None,
        *,
        today: date,
        future_allowed: bool = False,
        earliest: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._today, self._future_allowed, self._earliest = today, future_allowed, _not_before_1990(earliest)
        # Children made with their parent from the start: reparenting them later, next to the pop-up calendar,
        # tangles the focus chain in Qt 6.11 (Tab would circle between the text and the button).
        self.line_edit = _DayText(self)
        self.line_edit.setObjectName("date_text")
        # Wide enough for 2024年12月31日 without making the field run the whole width of the form.
        self.line_edit.setMinimumWidth(self.line_edit.fontMetrics().horizontalAdvance("2024年12月31日") + 24)
        self.calendar_button = QToolButton(self)
        self.calendar_button.setArrowType(Qt.ArrowType.DownArrow)
        # Tab goes from field to field; the calendar opens from the keyboard with Alt+Down or F4.
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.calendar = QCalendarWidget(self)
        self.calendar.setWindowFlags(Qt.WindowType.Popup)
        self.calendar.setGridVisible(True)
        self.calendar.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line_edit, 1)
        layout.addWidget(self.calendar_button)
        layout.addStretch(1)
        self.setFocusProxy(self.line_edit)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        for keys in ("Alt+Down", "F4"):
            shortcut = QShortcut(QKeySequence(keys), self.line_edit)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.show_calendar)
        self._date: date | None = None
        self.line_edit.textChanged.connect(self._on_text_changed)
        self.line_edit.editingFinished.connect(self._tidy_text)
        self.calendar_button.clicked.connect(self.show_calendar)
        self.calendar.clicked.connect(self._pick)
        self.calendar.activated.connect(self._pick)
        self._apply_range()
        self.retranslate_ui()
        if day is not None:
            self.setDate(day)

    def retranslate_ui(self) -> None:
        self.line_edit.setPlaceholderText(self.tr("e.g. 2024-03-05 or 2024年3月5日"))
        self.calendar_button.setToolTip(self.tr("Choose the day on a calendar (Alt+Down)"))
        self.calendar_button.setAccessibleName(self.tr("Calendar"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def date(self) -> date | None:
        """The day the text names (even one outside the allowed range: ``error()`` says so), or None."""
        return self._date

    def setDate(self, day: date) -> None:
        self.line_edit.setText(day.isoformat())

    def text(self) -> str:
        return self.line_edit.text()

    def setDateRange(self, *, earliest: date | None, future_allowed: bool) -> None:
        self._earliest, self._future_allowed = _not_before_1990(earliest), future_allowed
        self._apply_range()

    def error(self) -> str:
        """What is wrong with the text, in the user's language; '' when it names an allowed day."""
        text = self.line_edit.text()
        if not text.strip():
            return self.tr("Enter a date, e.g. 2024-03-05.")
        try:
            day = parse_date(text)
        except NoSuchDay as error:
            if error.year < 1:
                return self.tr("This is not a date. Write it like 2024-03-05, 2024/3/5 or 2024年3月5日.")
            if not 1 <= error.month <= 12:
                return self.tr("There is no such day: there is no month {month}.").format(month=error.month)
            # English names the month; Chinese writes it as 2024年2月 from the numbers.
            return self.tr("There is no such day: {month_name} {year} has {days} days.").format(
                month_name=QLocale(QLocale.Language.English).monthName(error.month),
                month=error.month,
                year=error.year,
                days=_days_in_month(error.year, error.month),
            )
        except InvalidValue:
            return self.tr("This is not a date. Write it like 2024-03-05, 2024/3/5 or 2024年3月5日.")
        if day > self._today and not self._future_allowed:
            return self.tr("The date cannot be in the future (today is {today}).").format(
                today=_sentence_day(self._today)
            )
        if day < self._earliest:
            return self.tr("The date cannot be before {earliest}.").format(earliest=_sentence_day(self._earliest))
        return ""

    def show_calendar(self) -> None:
        self.calendar.setSelectedDate(to_qdate(self._date or min(self._today, self._latest())))
        self.calendar.adjustSize()
        below = self.mapToGlobal(QPoint(0, self.height()))
        self.calendar.move(below)
        self.calendar.show()
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _pick(self, day: QDate) -> None:
        self.calendar.hide()
        self.setDate(date(day.year(), day.month(), day.day()))
        self.line_edit.setFocus(Qt.FocusReason.PopupFocusReason)
        self.line_edit.selectAll()

    def _on_text_changed(self, text: str) -> None:
        try:
            day: date | None = parse_date(text)
        except InvalidValue:
            day = None
        if day != self._date:
            self._date = day
            self.dateChanged.emit(day)

    def _tidy_text(self) -> None:
        # The same day, written the one way the rest of the window writes it.
        if self._date is not None and self.line_edit.text() != self._date.isoformat():
            self.line_edit.setText(self._date.isoformat())

    def _latest(self) -> date:
        return date.max if self._future_allowed else self._today

    def _apply_range(self) -> None:
        self.calendar.setDateRange(to_qdate(self._earliest), to_qdate(self._latest()))


class _DayText(QLineEdit):
    """The text of a DateField: whole text selected when the keyboard brings the focus, so typing replaces the day."""

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)  # selects all on Tab, Backtab and shortcuts
        # A dialog that opens with the focus here gives it as "window activated": select the day not yet
        # edited, or a typed day would be appended to it (coming back to the window keeps a half-typed one).
        if event.reason() == Qt.FocusReason.ActiveWindowFocusReason and not self.isModified():
            self.selectAll()


def _not_before_1990(earliest: date | None) -> date:
    """The first day a field allows: never before EARLIEST_DAY, the first the ledger records."""
    return EARLIEST_DAY if earliest is None else max(earliest, EARLIEST_DAY)


def _days_in_month(year: int, month: int) -> int:
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return (following - date(year, month, 1)).days


def _sentence_day(day: date) -> str:
    """A day inside a sentence: 2024年3月5日 in Chinese, 2024-03-05 in English."""
    return f"{day.year}年{day.month}月{day.day}日" if display_language() == "zh_CN" else day.isoformat()
