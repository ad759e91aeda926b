"""Form helpers shared by the dialogs: an error label under each field, mapping a service error to it, and the
dialog shape they share (fields, messages, Save / Cancel)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.qt_text import plain_label
from jiebei_tracker.services.changes import Changes
from jiebei_tracker.ui.common import ERROR_STYLE
from jiebei_tracker.ui.refusal_text import reason_text


def error_label() -> QLabel:
    """A hidden red label for a message (which may quote what was typed); shown when there is one."""
    label = plain_label()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


class FieldErrors:
    """Red messages shown right under the field they are about; ``show`` routes an InvalidValue by field."""

    def __init__(self, form: QFormLayout, general: QLabel) -> None:
        self._form = form
        self._labels: dict[str, QLabel] = {}
        self._general = general

    def add_row(self, field: str, label: str, widget: QWidget, description: str = "") -> QLabel:
        """A row of the form: ``label`` names the field for a screen reader too, ``description`` says what it
        expects (its tooltip)."""
        name_controls(widget, label)
        if description:
            describe(widget, description)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        message = error_label()
        message.setObjectName(f"error_{field}")
        column.addWidget(message)
        self._labels[field] = message
        self._form.addRow(label, box)
        return message

    def clear(self) -> None:
        for label in [*self._labels.values(), self._general]:
            label.clear()
            label.hide()

    def set(self, field: str, text: str) -> None:
        label = self._labels.get(field, self._general)
        label.setText(text)
        label.show()
        make_room(label)

    def show(self, error: InvalidValue) -> None:
        self.set(error.field, reason_text(error.reason))

    def message(self, field: str) -> str:
        """The message shown for ``field`` ('' when none)."""
        return self._labels.get(field, self._general).text()

    def any(self) -> bool:
        return any(label.text() for label in [*self._labels.values(), self._general])


def make_room(widget: QWidget) -> None:
    """Grow ``widget``'s window to the height its layout asks for. Qt does not grow a shown window whose layout has
    word-wrapped text (height-for-width) when the text gets longer, or when a part of it appears: the fields get
    squeezed and the text cut off."""
    window = widget.window()
    layout = window.layout()
    if window is widget or not window.isVisible() or layout is None:
        return
    # The heights the text just set asks for, not those of the last layout pass (which runs on a later event).
    if widget.layout() is not None:
        widget.layout().activate()
    needed = _needed_height(window)
    if window.height() < needed:
        window.resize(window.width(), needed)


def _needed_height(window: QWidget) -> int:
    """The height ``window``'s layout asks for at the window's width, worked out now."""
    layout = window.layout()
    layout.activate()
    return layout.totalHeightForWidth(window.width()) if layout.hasHeightForWidth() else layout.sizeHint().height()


class FormDialog(QDialog):
    """A dialog of labelled fields with their messages under them, a message for the whole form, and Save /
    Cancel; Save calls ``submit()``. Subclasses add rows through ``self.errors.add_row`` and call ``lay_out``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.saved_changes: Changes | None = None  # what a save made: ``ask`` returns it
        self.form = QFormLayout()
        self.general_error = error_label()
        self.errors = FieldErrors(self.form, self.general_error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        describe_buttons(self.buttons)
        self._text_fields: tuple[QPlainTextEdit, ...] = ()
        self._fitted = False

    def showEvent(self, event) -> None:
        """Open exactly as tall as the fields and texts need at the width the dialog opens with. Qt sizes a
        dialog with word-wrapped text for a narrower width of its own choosing (narrower still for Chinese, which
        has no spaces to wrap at): the text then takes one line and leaves empty bands around it."""
        super().showEvent(event)
        layout = self.layout()
        if self._fitted or layout is None or not layout.hasHeightForWidth():
            return
        self._fitted = True
        self.resize(self.width(), _needed_height(self))

    def lay_out(self, *, above: Sequence[QWidget] = (), below: Sequence[QWidget] = (), minimum_width: int) -> None:
        layout = QVBoxLayout(self)
        for widget in above:
            layout.addWidget(widget)
        layout.addLayout(self.form)
        for widget in (*below, self.general_error, self.buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(minimum_width)

    def submit(self) -> None:
        """Check the fields and save (setting ``saved_changes``), or show what is wrong; accept only when saved."""
        raise NotImplementedError

    @classmethod
    def ask(cls, **kwargs) -> Changes | None:
        """Show the dialog; the Changes of the save, or None if the user cancelled (or changed nothing)."""
        dialog = cls(**kwargs)
        return dialog.saved_changes if dialog.exec() == QDialog.DialogCode.Accepted else None

    def text_field(self, text: str = "") -> QPlainTextEdit:
        """A text box of several lines that types like the form's other fields: Tab moves on, Enter saves,
        Shift+Enter starts a new line."""
        field = QPlainTextEdit(text)
        field.setTabChangesFocus(True)
        field.installEventFilter(self)
        self._text_fields = (*self._text_fields, field)
        return field

    def eventFilter(self, watched, event) -> bool:
        if (
            watched in self._text_fields
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.submit()
            return True
        return super().eventFilter(watched, event)


# What a person operates: each needs a name a screen reader can say.
CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QTextEdit, QPlainTextEdit)


def name_controls(widget: QWidget, label: str, *, rename: bool = False) -> None:
    """Give the controls of a form row the row's label as their accessible name: the field itself, or those in a
    row of several widgets (a number and its default beside it), and a composite's focus proxy (a date's text).
    A control named already keeps its name unless ``rename`` (the label's language changed)."""
    name = label.replace("&", "").rstrip(":：").strip()
    found = [widget] if isinstance(widget, CONTROLS) else controls_in(widget)
    proxy = widget.focusProxy()
    for control in [*found, *([proxy] if proxy is not None else [])]:
        if rename or not control.accessibleName():
            control.setAccessibleName(name)


def describe(widget: QWidget, text: str) -> None:
    """Say what a control does or expects, for the mouse and the screen reader alike: as its tooltip (shown on
    hover; Qt gives it to a screen reader as the control's description when none is set). A table, a list or a text
    box, which a tooltip would cover whole, gets it as its accessible description instead. A composite (a date)
    gets it on its focus proxy (the date's text), or else on each of its controls."""
    proxy = widget.focusProxy()
    found = [widget] if isinstance(widget, CONTROLS) else [proxy] if proxy is not None else controls_in(widget)
    for control in found:
        if isinstance(control, (QAbstractItemView, QTextEdit, QPlainTextEdit)):
            control.setAccessibleDescription(text)
        else:
            control.setToolTip(text)


def describe_buttons(buttons: QDialogButtonBox) -> None:
    """Say what a dialog's standard buttons do (a dialog says more where its own buttons do more)."""
    standard = QDialogButtonBox.StandardButton
    for which, text in (
        (standard.Save, QCoreApplication.translate("FormDialog", "Save what you entered and close this window")),
        (standard.Ok, QCoreApplication.translate("FormDialog", "Go on with what you entered")),
        (standard.Cancel, QCoreApplication.translate("FormDialog", "Close this window without changing anything")),
        (standard.Close, QCoreApplication.translate("FormDialog", "Close this window")),
    ):
        button = buttons.button(which)
        if button is not None:
            button.setToolTip(text)


def controls_in(root: QWidget) -> list[QWidget]:
    """The controls under ``root``, not counting the parts of one (a spin box's or a combo box's own text, a
    table's headers)."""
    parts_of = (QAbstractSpinBox, QComboBox, QAbstractItemView)
    return [
        child
        for child in root.findChildren(QWidget)
        if isinstance(child, CONTROLS) and not isinstance(child.parentWidget(), parts_of)
    ]
