"""Form helpers shared by the dialogs: an error label under each field, and mapping a service error to it."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from jiebei_tracker.domain.errors import InvalidValue


class FieldErrors:
    """Red messages shown right under the field they are about; ``show`` routes an InvalidValue by field."""

    def __init__(self, form: QFormLayout, general: QLabel) -> None:
        self._form = form
        self._labels: dict[str, QLabel] = {}
        self._general = general

    def add_row(self, field: str, label: str, widget: QWidget) -> QLabel:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        message = QLabel()
        message.setObjectName(f"error_{field}")
        message.setStyleSheet("color: #d1343a;")
        message.setWordWrap(True)
        message.hide()
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

    def show(self, error: InvalidValue) -> None:
        self.set(error.field, error.reason)

    def message(self, field: str) -> str:
        """The message shown for ``field`` ('' when none)."""
        return self._labels.get(field, self._general).text()

    def any(self) -> bool:
        return any(label.text() for label in [*self._labels.values(), self._general])
