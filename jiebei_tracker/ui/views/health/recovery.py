"""The recovery checklist after a limit cut: the likely cause, the advice, and a progress bar per measurable target."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QProgressBar, QVBoxLayout, QWidget

from jiebei_tracker.domain.diagnosis import Diagnosis
from jiebei_tracker.domain.recovery import ChecklistItem
from jiebei_tracker.qt_text import plain_label
from jiebei_tracker.ui.views.health.style import DONE_COLOUR, language_or_default


class ChecklistRow(QWidget):
    """A target as text ("No new loan for 30 days: 12 of 30") over a progress bar."""

    def __init__(self, *, item: ChecklistItem, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.label = plain_label(("☑ " if item.done else "☐ ") + item.progress_text(language))
        self.label.setWordWrap(True)
        if item.done:
            self.label.setStyleSheet(f"color: {DONE_COLOUR.name()};")
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setValue(item.progress_percent)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)


class RecoveryChecklistWidget(QWidget):
    """What most likely caused a platform's limit cut and the checklist to win it back. Feed it
    ``set_diagnosis(diagnosis)`` (``services.health.diagnose_platform``; None when there is no cut), or give
    ``load`` and call ``reload()``; it moves as the user logs activity when reloaded."""

    def __init__(
        self,
        *,
        load: Callable[[], Diagnosis | None] | None = None,
        language: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._load = load
        self._language = language
        self._diagnosis: Diagnosis | None = None
        self.heading = plain_label()  # names the platform
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.explanation_label = plain_label()
        self.explanation_label.setWordWrap(True)
        self.advice_label = plain_label()
        self.advice_label.setWordWrap(True)
        self.rows: list[ChecklistRow] = []
        self._rows_layout = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation_label)
        layout.addLayout(self._rows_layout)
        layout.addWidget(self.advice_label)
        layout.addStretch(1)
        self.retranslate_ui()

    def set_diagnosis(self, diagnosis: Diagnosis | None) -> None:
        self._diagnosis = diagnosis
        for row in self.rows:
            self._rows_layout.removeWidget(row)
            row.deleteLater()
        language = language_or_default(self._language)
        items = diagnosis.checklist if diagnosis else ()
        self.rows = [ChecklistRow(item=item, language=language) for item in items]
        for row in self.rows:
            self._rows_layout.addWidget(row)
        self.retranslate_ui()

    def diagnosis(self) -> Diagnosis | None:
        return self._diagnosis

    def reload(self) -> None:
        if self._load is not None:
            self.set_diagnosis(self._load())

    def retranslate_ui(self) -> None:
        language = language_or_default(self._language)
        diagnosis = self._diagnosis
        if diagnosis is None:
            self.heading.setText(self.tr("Recovery checklist"))
            self.explanation_label.setText(self.tr("No limit cut recorded. Record each limit you see to track it."))
            self.advice_label.clear()
            return
        done = sum(1 for row in self.rows if row.item.done)
        self.heading.setText(
            self.tr("Winning back the {platform} limit: {done} of {total} done").format(
                platform=diagnosis.cut.platform, done=done, total=len(self.rows)
            )
        )
        self.explanation_label.setText(diagnosis.explanation.get(language))
        if diagnosis.platform_policy:
            self.advice_label.setText(self.tr("What to do: {advice}").format(advice=diagnosis.advice.get(language)))
        else:
            self.advice_label.setText(
                self.tr("Most serious first: {causes}").format(
                    causes=" → ".join(flag.title.get(language) for flag in diagnosis.causes)
                )
            )

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
