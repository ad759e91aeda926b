"""Platforms & limits: each platform with its kind (changeable) and its credit-limit history, rises and cuts marked."""

from __future__ import annotations

import html
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.domain.penalty import MAX_MULTIPLIER
from jiebei_tracker.domain.vocabulary import PlatformKind
from jiebei_tracker.qt_text import display_language
from jiebei_tracker.services.changes import Changes
from jiebei_tracker.services.credit import LimitChange, PlatformSummary
from jiebei_tracker.services.workspace import Workspace
from jiebei_tracker.ui.common import icon, record_table, search_box
from jiebei_tracker.ui.credit_actions import CreditActions
from jiebei_tracker.ui.models.credit_models import LimitHistoryModel, PlatformsTableModel
from jiebei_tracker.ui.views.health import RecoveryChecklistWidget
from jiebei_tracker.ui.views.page import Page


class PlatformsView(Page):
    """Platforms on the left; the chosen one's kind, limit history and "record a limit" on the right."""

    def __init__(self, *, workspace: Workspace, actions: CreditActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._actions = actions
        self.model = PlatformsTableModel(self)
        self.table = _table(self.model, "platforms_table")
        self.table.selectionModel().selectionChanged.connect(self._show_chosen)
        self.record_button = QPushButton(icon("new-loan"), "")
        self.record_button.clicked.connect(lambda: actions.record_limit(self.chosen_name()))
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.search = search_box("platforms_search", self.reload)

        self.name = QLabel()
        self.name.setTextFormat(Qt.TextFormat.RichText)  # a heading: the name in it is escaped
        self.kind = QComboBox()
        self.kind.setObjectName("platform_kind")
        self.kind.activated.connect(self._kind_chosen)
        self.kind_label = QLabel()
        # Penalty interest: how many times the daily rate the platform charges on what is overdue.
        self.penalty = QDoubleSpinBox()
        self.penalty.setObjectName("penalty_multiplier")
        self.penalty.setRange(0, float(MAX_MULTIPLIER))
        self.penalty.setDecimals(2)
        self.penalty.setSingleStep(0.1)
        self.penalty.editingFinished.connect(self._penalty_chosen)
        self.penalty_label = QLabel()
        self.current = QLabel()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.history_model = LimitHistoryModel(self)
        self.history = _table(self.history_model, "limit_history_table")
        self.history.selectionModel().selectionChanged.connect(self._record_chosen)
        self.history.activated.connect(lambda _index: self.edit_record())
        self.history_title = QLabel()
        self.history_title.setStyleSheet("font-weight: bold;")
        self.edit_record_button = QPushButton()
        self.edit_record_button.setObjectName("edit_limit")
        self.edit_record_button.clicked.connect(self.edit_record)
        self.delete_record_button = QPushButton()
        self.delete_record_button.setObjectName("delete_limit")
        self.delete_record_button.clicked.connect(self.delete_record)
        record_bar = QHBoxLayout()
        record_bar.addStretch(1)
        record_bar.addWidget(self.edit_record_button)
        record_bar.addWidget(self.delete_record_button)
        # A cut chosen in the history: what most likely caused it, and the checklist to win the limit back.
        self.diagnosis = RecoveryChecklistWidget()
        self.diagnosis.setVisible(False)
        form = QFormLayout()
        form.addRow(self.kind_label, self.kind)
        form.addRow(self.penalty_label, self.penalty)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.addWidget(self.name)
        detail_layout.addLayout(form)
        detail_layout.addWidget(self.current)
        detail_layout.addWidget(self.summary)
        detail_layout.addWidget(self.history_title)
        self.history.setMinimumHeight(190)  # a few records in view, however long the diagnosis below
        detail_layout.addWidget(self.history, 1)
        detail_layout.addLayout(record_bar)
        detail_layout.addWidget(self.diagnosis)

        self.splitter = QSplitter()
        self.splitter.setObjectName("platforms_splitter")
        self.splitter.addWidget(self.table)
        # The detail scrolls as a whole: a cut's diagnosis takes the room it needs instead of squeezing the rest.
        self.detail_scroll = QScrollArea()
        self.detail_scroll.setWidgetResizable(True)
        self.detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.detail_scroll.setWidget(detail)
        self.splitter.addWidget(self.detail_scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setEnabled(False)
        self.body = QStackedWidget()
        self.body.addWidget(self.splitter)
        self.body.addWidget(self.empty)
        bar = QHBoxLayout()
        bar.addWidget(self.intro, 1)
        bar.addWidget(self.search)
        bar.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.body, 1)
        self.retranslate_ui()

    def concerns(self, changes: Changes) -> bool:
        return changes.platforms or changes.limits or changes.loans_added_or_removed

    def reload(self) -> None:
        chosen = self.chosen_name()
        platforms = self._workspace.platforms()
        words = self.search.text().strip()
        shown = [p for p in platforms if self.model.matches(p, words)] if words else platforms
        self.model.set_records(shown)
        self.body.setCurrentWidget(self.splitter if shown else self.empty)
        self.empty.setText(
            self.tr("No platform matches “{words}”.").format(words=words)
            if platforms and words
            else self.tr("No platforms yet. A platform appears when you add a loan from it or record its credit limit.")
        )
        row = self.model.row_of(chosen) if chosen else None
        self.table.selectRow(row if row is not None else 0)
        self._show_chosen()

    def chosen(self) -> PlatformSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record_at(rows[0].row()) if rows else None

    def chosen_name(self) -> str | None:
        chosen = self.chosen()
        return chosen.name if chosen else None

    def choose(self, name: str) -> bool:
        row = self.model.row_of(name)
        if row is not None:
            self.table.selectRow(row)
        return row is not None

    def _show_chosen(self, *_args) -> None:
        platform = self.chosen()
        self.kind.setEnabled(platform is not None)
        self.penalty.setEnabled(platform is not None)
        if platform is None:
            self.name.clear()
            self.current.clear()
            self.summary.clear()
            self.history_model.set_records([])
            self._record_chosen()
            return
        self.name.setText(f"<h2>{html.escape(platform.name)}</h2>")
        self.kind.setCurrentIndex(list(PlatformKind).index(platform.kind))
        blocked = self.penalty.blockSignals(True)
        self.penalty.setValue(float(platform.penalty_multiplier))
        self.penalty.blockSignals(blocked)
        self.history_model.set_records(platform.limits)
        self._record_chosen()
        self.current.setText(
            self.tr("Credit limit now: {limit}").format(limit=format_yuan(platform.current_limit_fen))
            if platform.current_limit_fen is not None
            else self.tr("No credit limit recorded yet.")
        )
        rises = sum(1 for item in platform.limits if item.change_fen and item.change_fen > 0)
        cuts = sum(1 for item in platform.limits if item.is_cut)
        self.summary.setText(
            self.tr("Rises: {rises} · cuts: {cuts}").format(rises=rises, cuts=cuts) if platform.limits else ""
        )

    def chosen_record(self) -> LimitChange | None:
        rows = self.history.selectionModel().selectedRows()
        return self.history_model.record_at(rows[0].row()) if rows else None

    def edit_record(self) -> Changes | None:
        """Correct the chosen limit record (Enter or a double click on it does the same)."""
        platform, record = self.chosen_name(), self.chosen_record()
        return self._actions.edit_limit(platform, record) if platform and record else None

    def delete_record(self) -> bool:
        platform, record = self.chosen_name(), self.chosen_record()
        return self._actions.delete_limit(platform, record) if platform and record else False

    def choose_record(self, day: date) -> bool:
        """Choose the chosen platform's record of ``day`` (a cut clicked on the limits chart)."""
        rows = [
            row for row in range(self.history_model.rowCount()) if self.history_model.record_at(row).recorded_on == day
        ]
        if rows:
            self.history.selectRow(rows[-1])  # the last record of the day: the one the limit ended the day at
        return bool(rows)

    def _record_chosen(self, *_args) -> None:
        record = self.chosen_record()
        self.edit_record_button.setEnabled(record is not None)
        self.delete_record_button.setEnabled(record is not None)
        platform = self.chosen_name()
        diagnosis = None
        if record is not None and record.is_cut and platform is not None:
            diagnosis = self._workspace.session.cut_diagnosis(platform, record.recorded_on)
        self.diagnosis.set_diagnosis(diagnosis)
        self.diagnosis.setVisible(diagnosis is not None)

    def _kind_chosen(self, index: int) -> None:
        platform = self.chosen()
        kind = list(PlatformKind)[index]
        if platform is not None and kind is not platform.kind:
            self._actions.set_platform_kind(platform.name, kind)

    def _penalty_chosen(self) -> None:
        platform = self.chosen()
        multiplier = Decimal(f"{self.penalty.value():.2f}")
        if platform is not None and multiplier != platform.penalty_multiplier:
            self._actions.set_penalty_multiplier(platform.name, multiplier)

    def retranslate_ui(self) -> None:
        self.intro.setText(
            self.tr(
                "Record each credit limit as the platform shows it, whenever it changes: a cut is a warning sign, "
                "and the health check looks at what you did before it."
            )
        )
        self.record_button.setText(self.tr("Record a credit limit…"))
        self.record_button.setToolTip(self.tr("Record the limit the selected platform shows now, or a new platform's"))
        self.kind_label.setText(self.tr("Kind:"))
        self.penalty_label.setText(self.tr("Penalty interest:"))
        self.penalty.setSuffix(self.tr(" × the daily rate"))
        self.penalty.setToolTip(
            self.tr(
                "Penalty interest (罚息) on what is overdue, as a multiple of the loan's daily rate: 1.5 unless the "
                "platform's contract says otherwise. It is estimated beside every overdue amount."
            )
        )
        self.history_title.setText(self.tr("Credit limit history"))
        self.edit_record_button.setText(self.tr("Correct…"))
        self.edit_record_button.setToolTip(self.tr("Correct the chosen record's day, limit or note"))
        self.delete_record_button.setText(self.tr("Delete"))
        self.delete_record_button.setToolTip(self.tr("Delete the chosen record (Ctrl+Z brings it back)"))
        self.search.setPlaceholderText(self.tr("Search platforms"))
        self.search.setAccessibleName(self.search.placeholderText())
        self.table.setAccessibleName(self.tr("Platforms"))
        self.kind.setAccessibleName(self.tr("Kind"))
        self.penalty.setAccessibleName(self.tr("Penalty interest"))
        self.history.setAccessibleName(self.history_title.text())
        self.search.setToolTip(self.tr("Show only the platforms whose name holds what you type"))
        self.table.setAccessibleDescription(
            self.tr("Your platforms, one a row, with their limits and loans; select one to see its details beside")
        )
        self.kind.setToolTip(
            self.tr("What kind of lender the selected platform is: an internet platform, a bank, a credit card…")
        )
        self.history.setAccessibleDescription(
            self.tr("The selected platform's limits as recorded; Enter corrects the selected one")
        )
        index = self.kind.currentIndex()
        self.kind.clear()
        for kind in PlatformKind:
            self.kind.addItem(kind.label(display_language()), kind.value)
        self.kind.setCurrentIndex(index)
        self.model.retranslate()
        self.history_model.retranslate()
        if not self._stale:
            self.reload()  # the empty state's words, and the chosen platform's


def _table(model, name: str) -> QTableView:
    table = record_table(model, name)
    table.horizontalHeader().setObjectName(f"{name}_header")
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table
