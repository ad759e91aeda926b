"""The flags in force as cards — severity, article section, evidence, advice — that click through to a loan or note."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from jiebei_tracker.domain.rules import EvidenceItem, Flag
from jiebei_tracker.domain.rules.flags import ARTICLE_TITLE, cited
from jiebei_tracker.qt_text import plain_label
from jiebei_tracker.ui.views.health.style import SEVERITY_COLOURS, ClickableLine, language_or_default

ITEMS_SHOWN = 6


class FlagCard(QFrame):
    """One flag. Evidence that names a loan or a credit-report note is a button that opens it."""

    item_clicked = Signal(object)
    """Emitted with the EvidenceItem whose button was clicked."""

    def __init__(self, *, flag: Flag, language: str, would: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flag = flag
        self._language = language
        self._would = would  # a flag a change would raise (the Plan page's what-if), not one in force
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName(f"flag_{flag.rule}")
        colour = SEVERITY_COLOURS[flag.severity].name()
        self.setStyleSheet(f"#flag_{flag.rule} {{ border-left: 5px solid {colour}; }}")
        self.severity_label = QLabel()
        self.severity_label.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.title_label = plain_label(flag.title.get(language))
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.article_label = QLabel()
        self.article_label.setStyleSheet("color: palette(dark);")
        self.evidence_label = plain_label()  # names platforms, loans and notes
        self.advice_label = plain_label()
        for label in (self.title_label, self.evidence_label, self.advice_label, self.article_label):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.severity_label)
        layout.addWidget(self.title_label)
        layout.addWidget(self.article_label)
        layout.addWidget(self.evidence_label)
        self.item_buttons: list[ClickableLine] = []
        for item in flag.evidence.items[:ITEMS_SHOWN]:
            layout.addWidget(self._item_widget(item))
        self.more_label = QLabel()
        layout.addWidget(self.more_label)
        layout.addWidget(self.advice_label)
        self.retranslate_ui()

    def _item_widget(self, item: EvidenceItem) -> QWidget:
        text = "• " + item.text.get(self._language)
        if item.loan_id is None and item.note_id is None:
            label = plain_label(text)
            label.setWordWrap(True)
            return label
        button = ClickableLine(text)
        button.clicked.connect(lambda: self.item_clicked.emit(item))
        self.item_buttons.append(button)
        return button

    def retranslate_ui(self) -> None:
        flag = self.flag
        severity = flag.severity.label(self._language)
        self.severity_label.setText(
            self.tr("Would be: {severity}").format(severity=severity) if self._would else severity
        )
        self.article_label.setText(
            self.tr("From the article “{title}”: {sections}").format(
                title=ARTICLE_TITLE, sections=cited(flag.article, self._language)
            )
        )
        self.evidence_label.setText(
            self.tr("What we saw: {summary}").format(summary=flag.evidence.summary.get(self._language))
        )
        self.advice_label.setText(self.tr("What to do: {advice}").format(advice=flag.advice.get(self._language)))
        hidden = len(flag.evidence.items) - ITEMS_SHOWN
        self.more_label.setText(self.tr("… and {count} more").format(count=hidden) if hidden > 0 else "")
        self.more_label.setVisible(hidden > 0)
        for button in self.item_buttons:
            button.setToolTip(self.tr("Open"))


class FlagListWidget(QWidget):
    """The flags in force, most serious first, as cards; an empty state when there are none. It grows with its
    cards: the page it is on scrolls (a scroll box of its own inside a scrolling page hid all but a card).

    Feed it with ``set_flags(flags)``, or give ``load`` and call ``reload()``."""

    loan_requested = Signal(int)
    """Emitted with a loan's id when the user clicks evidence naming the loan (or one of its installments)."""
    note_requested = Signal(int)
    """Emitted with a credit-report note's id when the user clicks evidence naming it."""

    def __init__(
        self,
        *,
        load: Callable[[], Sequence[Flag]] | None = None,
        language: str | None = None,
        would: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._load = load
        self._language = language
        self._would = would
        self._flags: list[Flag] = []
        self.cards: list[FlagCard] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.empty_label = QLabel(self)
        self.empty_label.setWordWrap(True)
        self._layout.addWidget(self.empty_label)
        self.retranslate_ui()

    def set_flags(self, flags: Sequence[Flag]) -> None:
        for card in self.cards:
            self._layout.removeWidget(card)
            card.deleteLater()
        self._flags = sorted(flags, key=lambda flag: -flag.severity.rank)
        language = language_or_default(self._language)
        self.cards = [FlagCard(flag=flag, language=language, would=self._would) for flag in self._flags]
        for position, card in enumerate(self.cards):
            card.item_clicked.connect(self._open)
            self._layout.insertWidget(1 + position, card)
        self.empty_label.setVisible(not self.cards)

    def flags(self) -> list[Flag]:
        return list(self._flags)

    def reload(self) -> None:
        if self._load is not None:
            self.set_flags(self._load())

    def _open(self, item: EvidenceItem) -> None:
        if item.note_id is not None:
            self.note_requested.emit(item.note_id)
        elif item.loan_id is not None:
            self.loan_requested.emit(item.loan_id)

    def retranslate_ui(self) -> None:
        self.empty_label.setText(self.tr("None of the article's warning signs in your records. Keep repaying on time."))
        for card in self.cards:
            card.retranslate_ui()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
