"""One loan: its terms, the schedule with each installment's status, the repayments, and what can be done."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.domain.vocabulary import LoanStatus, ScheduleSource
from jiebei_tracker.qt_text import display_language
from jiebei_tracker.services.changes import Changes
from jiebei_tracker.services.workspace import Workspace
from jiebei_tracker.ui.common import ChangeHub, icon, record_table
from jiebei_tracker.ui.models.loans_model import rate_text
from jiebei_tracker.ui.models.schedule_model import REPAYMENT_ID_ROLE, RepaymentsTableModel, ScheduleTableModel
from jiebei_tracker.ui.money_text import cost_sentence, percent
from jiebei_tracker.ui.printing import print_html, table_html


class LoanDetailDialog(QDialog):
    """Stays current: reloads when the hub reports a change to this loan, closes when it is deleted.
    Double-clicking an open installment logs a repayment ("paid today, in full" unless changed); double-clicking a
    repayment corrects it."""

    def __init__(
        self, *, workspace: Workspace, hub: ChangeHub, actions, loan_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._actions = actions
        self.loan_id = loan_id
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)  # its own markup; the platform and note are escaped
        self.summary.setWordWrap(True)
        self.schedule_model = ScheduleTableModel(self)
        self.schedule_view = _table(self.schedule_model, "schedule_table")
        self.schedule_view.doubleClicked.connect(self._log_from_schedule)
        self.repayments_model = RepaymentsTableModel(self)
        self.repayments_view = _table(self.repayments_model, "repayments_table")
        # "Recorded as paid on schedule" is read whole, not wrapped into a row too low for it.
        self.repayments_view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.repayments_view.selectionModel().selectionChanged.connect(self._enable)
        self.repayments_view.doubleClicked.connect(lambda index: self.edit_repayment(index.row()))
        self.pay_button = QPushButton(icon("repayment"), "")
        self.payoff_button = QPushButton()
        self.prepay_button = QPushButton()
        self.prepay_button.setObjectName("prepay")
        self.plan_button = QPushButton()
        self.plan_button.setObjectName("platform_plan")
        self.edit_button = QPushButton()
        self.delete_button = QPushButton(icon("delete"), "")
        self.delete_repayment_button = QPushButton()
        self.edit_repayment_button = QPushButton()
        self.print_button = QPushButton()
        self.print_button.setObjectName("print_schedule")
        self.print_button.clicked.connect(self.print_schedule)
        self.pay_button.clicked.connect(lambda: actions.log_repayment(self.loan_id))
        self.payoff_button.clicked.connect(lambda: actions.log_repayment(self.loan_id, payoff=True))
        self.prepay_button.clicked.connect(lambda: actions.prepay(self.loan_id))
        self.plan_button.clicked.connect(lambda: actions.use_platform_plan(self.loan_id))
        self.edit_button.clicked.connect(lambda: actions.edit_loan(self.loan_id))
        self.delete_button.clicked.connect(lambda: actions.delete_loan(self.loan_id))
        self.delete_repayment_button.clicked.connect(self.delete_selected_repayment)
        self.edit_repayment_button.clicked.connect(self.edit_selected_repayment)
        buttons = QHBoxLayout()
        for button in (self.pay_button, self.prepay_button, self.payoff_button, self.edit_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.plan_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.delete_button)
        self.schedule_title = QLabel()
        self.repayments_title = QLabel()
        for title in (self.schedule_title, self.repayments_title):
            title.setStyleSheet("font-weight: bold;")
        schedule_box, repayments_box = QWidget(), QWidget()
        schedule_layout = QVBoxLayout(schedule_box)
        schedule_layout.setContentsMargins(0, 0, 0, 0)
        schedule_layout.addWidget(self.schedule_title)
        schedule_layout.addWidget(self.schedule_view)
        repayments_layout = QVBoxLayout(repayments_box)
        repayments_layout.setContentsMargins(0, 0, 0, 0)
        repayments_header = QHBoxLayout()
        repayments_header.addWidget(self.repayments_title)
        repayments_header.addStretch(1)
        repayments_header.addWidget(self.edit_repayment_button)
        repayments_header.addWidget(self.delete_repayment_button)
        repayments_layout.addLayout(repayments_header)
        repayments_layout.addWidget(self.repayments_view)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(schedule_box)
        splitter.addWidget(repayments_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.resize(820, 640)
        hub.changed.connect(self._on_changed)
        hub.settings_changed.connect(self.reload)
        self.retranslate_ui()
        self.reload()

    def _on_changed(self, changes: Changes) -> None:
        if self.loan_id not in changes.loan_ids:
            return
        if changes.loans_added_or_removed and not self._workspace.loans([self.loan_id]):
            self.close()
            return
        self.reload()

    def reload(self) -> None:
        detail = self._workspace.loan_detail(self.loan_id)
        self._loan = detail.summary
        self.schedule_model.set_records(detail.schedule)
        # A column of ¥0.00 fees says nothing: it shows only for a loan that charges one.
        has_fee = any(line.fee_fen for line in detail.schedule)
        self.schedule_view.setColumnHidden(self.schedule_model.fee_column, not has_fee)
        self.repayments_model.set_records(detail.repayments)
        # The repayments show whole up to four of them; more scroll (the splitter gives the schedule the rest).
        shown = max(min(len(detail.repayments), 4), 2)
        view = self.repayments_view
        view.setMinimumHeight(
            view.horizontalHeader().sizeHint().height()
            + shown * view.verticalHeader().defaultSectionSize()
            + 2 * view.frameWidth()
        )
        self._show_summary()
        self._enable()

    def _show_summary(self) -> None:
        loan = self._loan
        language = display_language()
        self.setWindowTitle(self.tr("{platform} loan of {day}").format(platform=loan.platform, day=loan.borrowed_on))
        self.summary.setText(
            self.tr(
                "<b>{platform}</b> — {principal} borrowed on {day}, {term} months, {method}, {rate}<br>"
                "Purpose: {purpose} · Autopay: {autopay} · Outstanding principal: {outstanding} · Status: {status}"
            ).format(
                platform=html.escape(loan.platform),
                principal=format_yuan(loan.principal_fen),
                day=loan.borrowed_on.isoformat(),
                term=loan.term_months,
                method=loan.method.label(language),
                rate=rate_text(loan.rate),
                purpose=loan.purpose.label(language),
                autopay=self.tr("on") if loan.autopay else self.tr("off"),
                outstanding=format_yuan(loan.outstanding_fen),
                status=loan.status.label(language),
            )
            + "<br>"
            + (
                ""
                if loan.schedule_source is ScheduleSource.COMPUTED
                else self.tr("Schedule: {source}.").format(source=loan.schedule_source.label(language)) + " "
            )
            + self.tr("Interest counted: {basis} · True APR: <b>{apr}</b>. {why}").format(
                basis=loan.interest_basis.label(language),
                apr=percent(loan.cost.apr),
                why=html.escape(cost_sentence(loan.terms, loan.cost, loan.schedule_source)),
            )
            + ("<br>" + self.tr("Note: {note}").format(note=_escaped_lines(loan.note)) if loan.note else "")
        )

    def print_schedule(self) -> bool:
        """The schedule as shown, under the loan's one-line summary, printed or saved as PDF."""
        summary = QTextDocumentFragment.fromHtml(self.summary.text()).toPlainText().replace("\n", " · ")
        return print_html(self, self.windowTitle(), table_html(self.windowTitle(), summary, self.schedule_model))

    def _enable(self, *_args) -> None:
        settled = self._loan.status is LoanStatus.SETTLED
        self.pay_button.setEnabled(not settled)
        self.payoff_button.setEnabled(not settled)
        self.prepay_button.setEnabled(not settled)
        selected = bool(self.repayments_view.selectionModel().selectedRows())
        self.delete_repayment_button.setEnabled(selected)
        self.edit_repayment_button.setEnabled(selected)

    def _log_from_schedule(self, index) -> None:
        line = self.schedule_model.record_at(index.row())
        if line.settled_on is None and self._loan.status is not LoanStatus.SETTLED:
            self._actions.log_repayment(self.loan_id)

    def delete_selected_repayment(self) -> None:
        rows = self.repayments_view.selectionModel().selectedRows()
        if not rows:
            return
        line = self.repayments_model.record_at(rows[0].row())
        self._actions.delete_repayment(
            rows[0].data(REPAYMENT_ID_ROLE), paid_on=line.paid_on, amount_fen=line.amount_fen
        )

    def edit_selected_repayment(self) -> None:
        rows = self.repayments_view.selectionModel().selectedRows()
        if rows:
            self.edit_repayment(rows[0].row())

    def edit_repayment(self, row: int) -> Changes | None:
        """Correct the repayment on ``row``: its day, amount or note (Ctrl+Z puts it back as it was)."""
        if not 0 <= row < self.repayments_model.rowCount():
            return None
        return self._actions.edit_repayment(self.repayments_model.record_at(row))

    def retranslate_ui(self) -> None:
        self.pay_button.setText(self.tr("Log repayment…"))
        self.payoff_button.setText(self.tr("Pay off early…"))
        self.prepay_button.setText(self.tr("Repay part early…"))
        self.plan_button.setText(self.tr("Paste the platform's plan…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.delete_button.setText(self.tr("Delete loan"))
        self.delete_repayment_button.setText(self.tr("Delete repayment"))
        self.edit_repayment_button.setText(self.tr("Edit repayment…"))
        self.edit_repayment_button.setToolTip(self.tr("Correct its day, amount or note (or double-click it)"))
        self.print_button.setText(self.tr("Print schedule…"))
        self.schedule_title.setText(self.tr("Schedule (double-click an open installment to log a repayment)"))
        self.repayments_title.setText(self.tr("Repayments (double-click one to correct it)"))
        self.schedule_model.retranslate()
        self.repayments_model.retranslate()
        if hasattr(self, "_loan"):
            self._show_summary()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def _table(model, name: str) -> QTableView:
    view = record_table(model, name)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return view


def _escaped_lines(text: str) -> str:
    """The user's text inside the summary's rich text: shown as typed, its line breaks kept."""
    return "<br>".join(html.escape(line) for line in text.splitlines())
