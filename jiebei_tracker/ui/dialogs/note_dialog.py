"""Adding or editing a credit-report (征信) note: the day, the kind of record, what the report shows, and for an
inquiry why the institution looked (查询原因) and who it was (查询机构)."""

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
from jiebei_tracker.domain.text import ControlCharacter, clean_note
from jiebei_tracker.domain.vocabulary import InquiryReason, NoteKind
from jiebei_tracker.qt_text import display_language
from jiebei_tracker.services.changes import Changes
from jiebei_tracker.services.credit import NoteRecord
from jiebei_tracker.ui.date_field import DateField
from jiebei_tracker.ui.dialogs import bounds
from jiebei_tracker.ui.dialogs.forms import FormDialog
from jiebei_tracker.ui.refusal_text import reason_text


class NoteDialog(FormDialog):
    """``save(noted_on, kind, text, reason, institution)`` is called on Save (``reason`` None: the one the text
    names; both only for an inquiry); a refusal is shown by its field."""

    def __init__(
        self,
        *,
        today: date,
        save: Callable[[date, NoteKind, str, InquiryReason | None, str], Changes],
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
        self.reason = QComboBox()
        self.reason.addItem(self.tr("As the text says (贷款审批, 贷后管理, …)"), None)
        for reason in InquiryReason:
            self.reason.addItem(reason.label(display_language()), reason.value)
        if note is not None and note.reason is not None:
            self.reason.setCurrentIndex(self.reason.findData(note.reason.value))
        self.institution = QLineEdit(note.institution if note else "")
        self.institution.setPlaceholderText(self.tr("e.g. 招商银行股份有限公司信用卡中心"))
        self.text = self.text_field(note.text if note else "")
        self.text.setPlaceholderText(self.tr("e.g. 贷款审批查询 — 微粒贷, or: credit card 1 month overdue, settled"))
        self.text.setFixedHeight(90)
        hint = QLabel(
            self.tr(
                "Lenders count the inquiries made for loan or card applications and guarantee checks; a lender you "
                "already have checking (贷后管理) or your own look (本人查询) does not count. Overdue, guarantee and "
                "bad-debt records stay on the report until five years after they are settled. Enter saves; "
                "Shift+Enter starts a new line."
            )
        )
        hint.setWordWrap(True)
        self.errors.add_row("date", self.tr("Date on the report"), self.noted_on)
        self.errors.add_row(
            "kind",
            self.tr("Kind of record"),
            self.kind,
            self.tr("What kind of record the credit report shows: an inquiry, an overdue record, a guarantee…"),
        )
        self.errors.add_row(
            "reason",
            self.tr("Reason (查询原因)"),
            self.reason,
            self.tr("Why the inquiry was made, as the report says: it decides whether lenders count it"),
        )
        self.errors.add_row("institution", self.tr("Institution (查询机构)"), self.institution)
        self.errors.add_row(
            "text",
            self.tr("What it shows"),
            self.text,
            self.tr("The record in your words or as on the report. Enter saves; Shift+Enter starts a new line."),
        )
        self.lay_out(below=[hint], minimum_width=460)
        self.kind.currentIndexChanged.connect(self._show_inquiry_fields)
        self._show_inquiry_fields()

    def _show_inquiry_fields(self, *_index) -> None:
        """The reason and the institution are an inquiry's only."""
        inquiry = self.kind.currentData() == NoteKind.INQUIRY.value
        for field in (self.reason, self.institution):
            self.form.setRowVisible(self.form.getWidgetPosition(field.parentWidget())[0], inquiry)

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
        kind = NoteKind(self.kind.currentData())
        inquiry = kind is NoteKind.INQUIRY
        reason = InquiryReason(self.reason.currentData()) if inquiry and self.reason.currentData() else None
        institution = self.institution.text().strip() if inquiry else ""
        try:
            self.saved_changes = self._save(self.noted_on.date(), kind, text, reason, institution)
        except InvalidValue as error:
            self.errors.set(error.field, bounds.refusal(error) or reason_text(error.reason))
            return
        self.accept()
