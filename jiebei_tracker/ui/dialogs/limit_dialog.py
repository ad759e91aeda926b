"""Recording a credit limit as the user saw it on a day (a rise, a cut, or the first one of a new platform)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import AmountOutOfRange, fen_to_yuan, format_yuan, parse_yuan
from jiebei_tracker.domain.text import ControlCharacter, clean_name, clean_note
from jiebei_tracker.services.changes import Changes
from jiebei_tracker.services.credit import LimitChange
from jiebei_tracker.ui.date_field import DateField
from jiebei_tracker.ui.dialogs import bounds
from jiebei_tracker.ui.dialogs.forms import FormDialog
from jiebei_tracker.ui.refusal_text import reason_text


class LimitDialog(FormDialog):
    """``save(platform, recorded_on, limit_fen, note)`` is called on Save; its refusal is shown by the field."""

    def __init__(
        self,
        *,
        platforms: list[str],
        today: date,
        save: Callable[[str, date, int, str], Changes],
        platform: str | None = None,
        current_limit_fen: Callable[[str], int | None] = lambda name: None,
        record: LimitChange | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save, self._today, self._current = save, today, current_limit_fen
        self.saved_changes: Changes | None = None
        self.setWindowTitle(self.tr("Correct a credit limit") if record else self.tr("Record a credit limit"))
        self.platform = QComboBox()
        self.platform.setEditable(True)
        self.platform.addItems(platforms)
        self.platform.setCurrentText(platform or "")
        self.platform.lineEdit().setPlaceholderText(self.tr("e.g. 借呗, 微粒贷, 招商银行"))
        self.recorded_on = DateField(today, today=today)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("the limit shown in the app, in yuan, e.g. 50000"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("optional: what the platform said"))
        self.previous = QLabel()  # one short line, under the limit
        self.errors.add_row(
            "platform",
            self.tr("Platform"),
            self.platform,
            self.tr("The platform whose limit this is: choose one, or type a new name"),
        )
        self.errors.add_row("date", self.tr("Seen on"), self.recorded_on)
        self.errors.add_row("limit", self.tr("Credit limit (yuan)"), self.amount)
        self.form.addRow("", self.previous)  # under the limit it is compared with
        self.errors.add_row("note", self.tr("Note"), self.note)
        if record is not None:  # correcting one: its platform stays, its values are there to change
            self.platform.setEnabled(False)
            self.recorded_on.setDate(record.recorded_on)
            self.amount.setText(fen_to_yuan(record.limit_fen))
            self.note.setText(record.note)
        self.lay_out(minimum_width=420)
        self.platform.currentTextChanged.connect(self._show_previous)
        self._show_previous()

    def _show_previous(self) -> None:
        current = self._current(self.platform.currentText().strip())
        self.previous.setText(
            self.tr("The last limit recorded here is {limit}.").format(limit=format_yuan(current))
            if current is not None
            else self.tr("No limit recorded for this platform yet.")
        )

    def submit(self) -> None:
        self.errors.clear()
        platform = self.platform.currentText().strip()
        if not platform:
            self.errors.set("platform", self.tr("Name the platform."))
        else:
            try:
                platform = clean_name(platform, "platform")
            except ControlCharacter as error:
                self.errors.set("platform", bounds.control_character(error))
        if self.recorded_on.error():
            self.errors.set("date", self.recorded_on.error())
        try:
            limit_fen = parse_yuan(self.amount.text(), field="limit")
            if limit_fen < 0:
                raise InvalidValue("limit", self.amount.text(), "negative")
        except AmountOutOfRange:
            self.errors.set("limit", bounds.amount_too_large())
        except InvalidValue:
            self.errors.set("limit", self.tr("Enter the limit in yuan, zero or more, e.g. 50000."))
        try:
            note = clean_note(self.note.text(), "note")
        except ControlCharacter as error:
            self.errors.set("note", bounds.control_character(error))
        if self.errors.any():
            return
        try:
            self.saved_changes = self._save(platform, self.recorded_on.date(), limit_fen, note)
        except InvalidValue as error:
            self.errors.set(error.field, bounds.refusal(error) or reason_text(error.reason))
            return
        self.accept()
