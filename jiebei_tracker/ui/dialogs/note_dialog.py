"""Adding or editing a credit-report (征信) note: the day, the kind of record, and what the report shows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QWidget,
)

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.text import ControlCharacter, clean_note
from jiebei_tracker.domain.vocabulary import NoteKind
from jiebei_tracker.qt_text import display_language
from jiebei_tracker.services.changes import Changes
from jiebei_tracker.services.credit import NoteRecord
from jiebei_tracker.ui.date_field import DateField
from jiebei_tracker.ui.dialogs import bounds
from jiebei_tracker.ui.dialogs.forms import FormDialog


class NoteDialog(FormDialog):
    """``save(noted_on, kind, text)`` is called on Save; a refusal is shown by its field."""

    def __init__(
        self,
        *,
        today: date,
        save: Callable[[date, NoteKind, str], Changes],
        note: NoteRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.saved_changes: Changes | None = None
        self.setWindowTitle(self.tr("Edit credit-report note") if note else self.tr("New credit-report note"))
        self.noted_on = DateField(note.noted_on if note else today, today=today)
        self.kind = QComboBox()
        for kind in NoteKind:
            self.kind.addItem(kind.label(display_language()), kind.value)
        if note:
            self.kind.setCurrentIndex(list(NoteKind).index(note.kind))
        self.text = self.text_field(note.text if note else "")
        self.text.setPlaceholderText(self.tr("e.g. 贷款审批查询 — 微粒贷, or: credit card 1 month overdue, settled"))
        self.text.setFixedHeight(90)
        hint = QLabel(
            self.tr(
                "Inquiries count towards “credit on many platforms”; overdue, guarantee and bad-debt records "
                "count until you mark them resolved. Enter saves; Shift+Enter starts a new line."
            )
        )
        hint.setWordWrap(True)
        self.errors.add_row("date", self.tr("Date on the report"), self.noted_on)
        self.errors.add_row("kind", self.tr("Kind of record"), self.kind)
        self.errors.add_row("text", self.tr("What it shows"), self.text)
        self.lay_out(below=[hint], minimum_width=460)

    def submit(self) -> None:
        self.errors.clear()
        if self.noted_on.error():
            self.errors.set("date", self.noted_on.error())
        text = self.text.toPlainText().strip()
        if not text:
            self.errors.set("text", self.tr("Say what the credit report shows."))
        else:
            try:
                text = clean_note(text, "text")
            except ControlCharacter as error:
                self.errors.set("text", bounds.control_character(error))
        if self.errors.any():
            return
        try:
            self.saved_changes = self._save(self.noted_on.date(), NoteKind(self.kind.currentData()), text)
        except InvalidValue as error:
            self.errors.set(error.field, bounds.refusal(error) or error.reason)
            return
        self.accept()
