"""The Plan page: *What if…* — the health check with one imagined change, worked out as the user types (nothing is
saved) — and *Payoff plan* — when the open loans are paid off with a monthly budget, avalanche and snowball side by
side, with the month-by-month table to export."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSlider,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from jiebei_tracker.charts.plan import OutflowChart, PlanBalanceChart, outflow_readout
from jiebei_tracker.domain.errors import FileProblem, InvalidValue
from jiebei_tracker.domain.money import format_yuan, parse_positive_yuan, parse_yuan
from jiebei_tracker.domain.planner import BudgetTooLow, PayoffPlan, Strategy
from jiebei_tracker.domain.prepay import Keep
from jiebei_tracker.domain.rates import annual_rate, daily_rate
from jiebei_tracker.domain.records import LoanDraft
from jiebei_tracker.domain.schedule import MAX_TERM_MONTHS, MIN_TERM_MONTHS, LoanTerms
from jiebei_tracker.domain.vocabulary import InterestBasis, LoanPurpose, RepaymentMethod
from jiebei_tracker.qt_text import display_language, message_box, plain_label
from jiebei_tracker.services import whatif
from jiebei_tracker.services.changes import Changes
from jiebei_tracker.services.files.private import write_private_file
from jiebei_tracker.services.planner import Plans, payoff_plans
from jiebei_tracker.services.series.months import next_month
from jiebei_tracker.services.whatif import WhatIf
from jiebei_tracker.services.workspace import Workspace
from jiebei_tracker.ui.common import ERROR_STYLE
from jiebei_tracker.ui.date_field import DateField
from jiebei_tracker.ui.dialogs.forms import describe, name_controls
from jiebei_tracker.ui.money_text import percent
from jiebei_tracker.ui.refusal_text import reason_text
from jiebei_tracker.ui.views.health.flag_list import FlagListWidget
from jiebei_tracker.ui.views.health.style import BAND_COLOURS
from jiebei_tracker.ui.views.page import Page

# The what-if is worked out this long after the last key press (a question takes well under it on a large history).
TYPING_PAUSE_MS = 150
BORROW, PAYOFF, PREPAY, LATE = range(4)


def _scrolling(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    return area


class WhatIfPanel(QWidget):
    """Choose a change, fill its few fields, and read what it would do: the score before → after, the warning signs
    that would appear (the dashboard's cards) or go, the next twelve months' outflow, and what it costs or saves."""

    answered = Signal(object)
    """Emitted after each question with the WhatIf, or None when the fields do not make a question yet."""
    record_requested = Signal(object)
    """The user wants to record the loan asked about: emitted with its LoanDraft (the loan editor opens with it)."""

    def __init__(self, *, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        today = workspace.today()
        language = display_language()
        self.answer: WhatIf | None = None
        self.problem = ""
        self.change = QComboBox()
        self.change.setObjectName("what_if_change")
        self.forms = QStackedWidget()

        # Borrow.
        self.platform = QComboBox()
        self.platform.setEditable(True)
        self.principal = QLineEdit()
        self.term = QSpinBox()
        self.term.setRange(MIN_TERM_MONTHS, MAX_TERM_MONTHS)
        self.term.setValue(12)
        self.method = QComboBox()
        for method in RepaymentMethod:
            self.method.addItem(method.label(language), method.value)
        self.rate_basis = QComboBox()
        self.rate = QLineEdit()
        self.interest_basis = QComboBox()
        for basis in InterestBasis:
            self.interest_basis.addItem(basis.label(language), basis.value)
        self.purpose = QComboBox()
        for purpose in LoanPurpose:
            self.purpose.addItem(purpose.label(language), purpose.value)
        self.purpose.setCurrentIndex(list(LoanPurpose).index(LoanPurpose.DAILY))
        self.borrowed_on = DateField(today, today=today, future_allowed=True)
        rate_row = QWidget()
        rate_layout = QHBoxLayout(rate_row)
        rate_layout.setContentsMargins(0, 0, 0, 0)
        rate_layout.addWidget(self.rate_basis)
        rate_layout.addWidget(self.rate, 1)
        borrow = QWidget()
        self.borrow_form = QFormLayout(borrow)
        self._borrow_rows = [
            self.platform,
            self.principal,
            self.term,
            self.method,
            rate_row,
            self.interest_basis,
            self.purpose,
            self.borrowed_on,
        ]
        for widget in self._borrow_rows:
            self.borrow_form.addRow(QLabel(), widget)
        self.record_button = QPushButton()
        self.record_button.setEnabled(False)
        self.record_button.clicked.connect(self._record)
        self.borrow_form.addRow(self.record_button)

        # A loan of the user's: pay off, repay part, pay late.
        self.loan = QComboBox()
        self.loan.setObjectName("what_if_loan")
        self.on = DateField(today, today=today, future_allowed=True)
        self.amount = QLineEdit()
        self.keep = QComboBox()
        self.days = QSpinBox()
        self.days.setRange(1, 365)
        self.days.setValue(30)
        loan_page = QWidget()
        self.loan_form = QFormLayout(loan_page)
        for widget in (self.loan, self.on, self.amount, self.keep, self.days):
            self.loan_form.addRow(QLabel(), widget)
        self.forms.addWidget(borrow)
        self.forms.addWidget(loan_page)

        # What it would do.
        self.message = plain_label()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.score_caption = QLabel()
        self.score_label = QLabel()
        font = self.score_label.font()
        font.setPointSize(font.pointSize() * 2)
        font.setBold(True)
        self.score_label.setFont(font)
        self.score_label.setTextFormat(Qt.TextFormat.RichText)
        self.facts = plain_label()
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.would_heading = QLabel()
        self.would_heading.setWordWrap(True)
        self.would_flags = FlagListWidget(would=True)
        self.gone_label = plain_label()
        self.gone_label.setWordWrap(True)
        self.outflow = OutflowChart()
        self.outflow.setMinimumHeight(280)

        form_box = QGroupBox()
        self.form_box = form_box
        box_layout = QVBoxLayout(form_box)
        top = QFormLayout()
        self.change_label = QLabel()
        top.addRow(self.change_label, self.change)
        box_layout.addLayout(top)
        box_layout.addWidget(self.forms)
        result = QVBoxLayout()
        result.addWidget(self.score_caption)
        result.addWidget(self.score_label)
        result.addWidget(self.facts)
        result.addWidget(self.message)
        result.addStretch(1)
        upper = QHBoxLayout()
        upper.addWidget(form_box, 3)
        upper.addLayout(result, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(upper)
        layout.addWidget(self.would_heading)
        layout.addWidget(self.would_flags)
        layout.addWidget(self.gone_label)
        layout.addWidget(self.outflow)
        layout.addStretch(1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.work_out)
        for signal in (
            self.platform.currentTextChanged,
            self.principal.textChanged,
            self.term.valueChanged,
            self.method.currentIndexChanged,
            self.rate_basis.currentIndexChanged,
            self.rate.textChanged,
            self.interest_basis.currentIndexChanged,
            self.purpose.currentIndexChanged,
            self.borrowed_on.dateChanged,
            self.loan.currentIndexChanged,
            self.on.dateChanged,
            self.amount.textChanged,
            self.keep.currentIndexChanged,
            self.days.valueChanged,
        ):
            signal.connect(self.ask_soon)
        self.change.currentIndexChanged.connect(self._show_form)
        self.rate_basis.currentIndexChanged.connect(self._propose_basis)
        self.retranslate_ui()
        self._show_form()

    # -- filling in ------------------------------------------------------------------------------------------

    def reload(self) -> None:
        """The platforms and open loans offered, after a change to the records; the question asked again."""
        book = self._workspace.session.book()
        chosen, typed = self.loan.currentData(), self.platform.currentText()
        for combo in (self.loan, self.platform):
            combo.blockSignals(True)
        self.platform.clear()
        self.platform.addItems(self._workspace.platform_names())
        self.platform.setCurrentText(typed)
        self.loan.clear()
        for loan in sorted((loan for loan in book.loans if loan.is_open), key=lambda loan: loan.borrowed_on):
            text = f"{loan.ref} · {loan.platform} · {format_yuan(loan.outstanding_principal_fen)}"
            self.loan.addItem(text, loan.loan_id)
        if chosen is not None and self.loan.findData(chosen) >= 0:
            self.loan.setCurrentIndex(self.loan.findData(chosen))
        for combo in (self.loan, self.platform):
            combo.blockSignals(False)
        self.ask_soon()

    def check_loan(self, values: LoanDraft) -> None:
        """Ask about taking the loan ``values`` describes (the loan editor's *Check first*)."""
        terms = values.terms
        self.change.setCurrentIndex(BORROW)
        self.platform.setCurrentText(values.platform)
        self.principal.setText(f"{terms.principal_fen / 100:.2f}")
        self.term.setValue(terms.term_months)
        self.method.setCurrentIndex(list(RepaymentMethod).index(terms.method))
        daily = terms.rate.basis.value == "daily"
        self.rate_basis.setCurrentIndex(1 if daily else 0)
        self.rate.setText(terms.rate.as_entered())
        self.interest_basis.setCurrentIndex(list(InterestBasis).index(terms.interest_basis))
        self.purpose.setCurrentIndex(list(LoanPurpose).index(values.purpose))
        self.borrowed_on.setDate(terms.borrowed_on)
        self.work_out()

    def _propose_basis(self, index: int) -> None:
        """A daily rate is how 借呗, 微粒贷 and 京东金条 state a loan charged by the day (as the loan form proposes)."""
        daily = InterestBasis.DAILY if index == 1 else InterestBasis.MONTHLY
        self.interest_basis.setCurrentIndex(list(InterestBasis).index(daily))

    def ask_soon(self, *_args) -> None:
        self._timer.start()

    def _show_form(self, *_args) -> None:
        change = self.change.currentIndex()
        self.forms.setCurrentIndex(0 if change == BORROW else 1)
        shown = {
            PAYOFF: (self.loan, self.on, self.amount),
            PREPAY: (self.loan, self.on, self.amount, self.keep),
            LATE: (self.loan, self.days),
        }.get(change, ())
        for row in range(self.loan_form.rowCount()):
            field = self.loan_form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget()
            self.loan_form.setRowVisible(row, field in shown)
        self._label_amount()
        self.ask_soon()

    # -- asking ----------------------------------------------------------------------------------------------

    def work_out(self) -> None:
        """Ask the question the fields make now, and show the answer (or what is missing)."""
        self._timer.stop()
        try:
            answer = self._ask()
        except InvalidValue as problem:
            self._show(None, self._problem_text(problem))
            return
        self._show(answer, "")

    def _ask(self) -> WhatIf | None:
        session = self._workspace.session
        change = self.change.currentIndex()
        if change == BORROW:
            if not self.principal.text().strip() or not self.rate.text().strip():
                raise InvalidValue("", "", self.tr("Type the amount and the rate to see what the loan would do."))
            draft = self.draft()
            return whatif.borrow(session, platform=draft.platform, terms=draft.terms, purpose=draft.purpose)
        loan_id = self.loan.currentData()
        if loan_id is None:
            raise InvalidValue("", "", self.tr("No loan is being repaid: there is nothing to pay off or pay late."))
        if change == LATE:
            return whatif.late(session, loan_id, days=self.days.value())
        on = self._day(self.on, "on")
        if change == PAYOFF:
            typed = self.amount.text().strip()
            amount = parse_yuan(typed, field="amount") if typed else None
            return whatif.payoff(session, loan_id, on=on, amount_fen=amount)
        if not self.amount.text().strip():
            raise InvalidValue("", "", self.tr("Type how much you would repay early."))
        amount = parse_positive_yuan(self.amount.text(), field="amount")
        return whatif.prepay(session, loan_id, on=on, amount_fen=amount, keep=Keep(self.keep.currentData()))

    def draft(self) -> LoanDraft:
        """The new loan as the borrow form describes it (InvalidValue naming the field that is not right)."""
        return LoanDraft(self.platform.currentText().strip(), self._terms(), LoanPurpose(self.purpose.currentData()))

    def _record(self) -> None:
        try:
            draft = self.draft()
        except InvalidValue:
            return
        self.record_requested.emit(draft)

    def _terms(self) -> LoanTerms:
        parse = daily_rate if self.rate_basis.currentIndex() == 1 else annual_rate
        return LoanTerms(
            borrowed_on=self._day(self.borrowed_on, "borrowed_on"),
            principal_fen=parse_positive_yuan(self.principal.text(), field="principal"),
            term_months=self.term.value(),
            method=RepaymentMethod(self.method.currentData()),
            rate=parse(self.rate.text(), field="rate"),
            interest_basis=InterestBasis(self.interest_basis.currentData()),
        )

    @staticmethod
    def _day(field: DateField, name: str) -> date:
        day = field.date()
        if day is None:
            raise InvalidValue(name, field.text(), field.error() or "not a date")
        return day

    def _problem_text(self, problem: InvalidValue) -> str:
        if not problem.field:
            return reason_text(problem.reason)
        names = {
            "principal": self.tr("Amount"),
            "rate": self.tr("Rate"),
            "amount": self.tr("Amount"),
            "on": self.tr("Day"),
            "borrowed_on": self.tr("Borrowed on"),
            "platform": self.tr("Platform"),
            "paid_on": self.tr("Day"),
        }
        return self.tr("{field}: {reason}").format(
            field=names.get(problem.field, problem.field), reason=reason_text(problem.reason)
        )

    # -- showing ---------------------------------------------------------------------------------------------

    def _show(self, answer: WhatIf | None, problem: str) -> None:
        self.answer, self.problem = answer, problem
        self.record_button.setEnabled(answer is not None and self.change.currentIndex() == BORROW)
        self.message.setText(problem)
        self.message.setVisible(bool(problem))
        for widget in (self.score_caption, self.score_label, self.facts, self.would_heading, self.outflow):
            widget.setVisible(answer is not None)
        if answer is None:
            self.would_flags.set_flags([])
            self.would_flags.hide()
            self.gone_label.hide()
            self.answered.emit(None)
            return
        language = display_language()
        before, after = answer.before, answer.after
        self.score_label.setText(
            f'<span style="color:{BAND_COLOURS[before.band].name()}">{before.score}</span> → '
            f'<span style="color:{BAND_COLOURS[after.band].name()}">{after.score}</span>'
        )
        self.score_label.setToolTip(f"{before.band.label(language)} → {after.band.label(language)}")
        self.facts.setText("\n".join(self._facts(answer, language)))
        would = [*answer.flags_added, *(now for _, now in answer.flags_changed)]
        self.would_flags.set_flags(would)
        self.would_flags.setVisible(bool(would))
        self.would_heading.setText(
            self.tr("If you did this, these warning signs would show:")
            if would
            else self.tr("No new warning sign would show.")
        )
        gone = answer.flags_removed
        self.gone_label.setText(
            self.tr("These would go away: {titles}").format(titles="、".join(f.title.get(language) for f in gone))
            if gone
            else ""
        )
        self.gone_label.setVisible(bool(gone))
        self.outflow.set_months(answer.outflow)
        self.outflow.setAccessibleDescription(outflow_readout(answer.outflow))
        self.answered.emit(answer)

    def _facts(self, answer: WhatIf, language: str) -> list[str]:
        facts = [
            self.tr("Worked out as of {day}; nothing is saved.").format(day=answer.as_of.isoformat()),
            self.tr("Health: {before} → {after}").format(
                before=answer.before.band.label(language), after=answer.after.band.label(language)
            ),
        ]
        if answer.cost is not None:
            facts.append(self.tr("True annual cost (APR): {apr}").format(apr=percent(answer.cost.apr)))
        use = answer.limit_use
        if use is not None:
            if use.limit_fen is None:
                facts.append(
                    self.tr("Owed on {platform}: {before} → {after} (no limit recorded)").format(
                        platform=use.platform, before=format_yuan(use.before_fen), after=format_yuan(use.after_fen)
                    )
                )
            else:
                facts.append(
                    self.tr("Owed on {platform}: {before} → {after} of a {limit} limit").format(
                        platform=use.platform,
                        before=format_yuan(use.before_fen),
                        after=format_yuan(use.after_fen),
                        limit=format_yuan(use.limit_fen),
                    )
                )
                if use.after_fen > use.limit_fen:
                    facts.append(self.tr("That is more than the limit: the platform would not lend it."))
        if answer.interest_saved_fen is not None:
            facts.append(
                self.tr("Interest and fees saved: {saved}; installments fewer: {count}").format(
                    saved=format_yuan(answer.interest_saved_fen), count=answer.installments_removed
                )
            )
        if answer.late is not None:
            late = answer.late
            facts.append(
                self.tr(
                    "Paid on {day}, it would count as a late repayment until {until}, and weigh most until {high}."
                ).format(
                    day=late.paid_on.isoformat(), until=late.counts_until.isoformat(), high=late.high_until.isoformat()
                )
            )
        return facts

    def _label_amount(self) -> None:
        label = self.loan_form.labelForField(self.amount)
        if self.change.currentIndex() == PAYOFF:
            label.setText(self.tr("Amount (optional)"))
            self.amount.setPlaceholderText(self.tr("what the platform asks; empty: the proposed amount"))
        else:
            label.setText(self.tr("Amount repaid early"))
            self.amount.setPlaceholderText(self.tr("amount in yuan, e.g. 3000"))
        name_controls(self.amount, label.text(), rename=True)

    def retranslate_ui(self) -> None:
        index = max(self.change.currentIndex(), 0)
        self.change.blockSignals(True)
        self.change.clear()
        self.change.addItems(
            [
                self.tr("Borrow a new loan"),
                self.tr("Pay a loan off early"),
                self.tr("Repay part of a loan early"),
                self.tr("Pay an installment late"),
            ]
        )
        self.change.setCurrentIndex(index)
        self.change.blockSignals(False)
        self.form_box.setTitle(self.tr("The change"))
        self.change_label.setText(self.tr("Change"))
        name_controls(self.change, self.change_label.text(), rename=True)
        describe(
            self.change,
            self.tr("What to try: the page shows what it would do to your credit health (nothing is saved)"),
        )
        labels = [
            self.tr("Platform"),
            self.tr("Amount (yuan)"),
            self.tr("Term"),
            self.tr("Repayment method"),
            self.tr("Interest rate"),
            self.tr("Interest counted"),
            self.tr("Purpose"),
            self.tr("Borrowed on"),
        ]
        for widget, text in zip(self._borrow_rows, labels, strict=True):
            self.borrow_form.labelForField(widget).setText(text)
            name_controls(widget, text, rename=True)
        for widget, text in (
            (self.platform, self.tr("The platform you would borrow from: choose one, or type a name")),
            (self.term, self.tr("How many monthly installments the loan would be repaid in")),
            (self.method, self.tr("How the lender would split the repayments into installments")),
            (self.rate_basis, self.tr("Whether the rate is quoted a year (年化) or a day (日利率)")),
            (self.interest_basis, self.tr("By the month, or by the actual days between due dates")),
            (self.purpose, self.tr("What the money would be for")),
            (self.loan, self.tr("The loan of yours the change is about")),
            (self.keep, self.tr("After repaying part early: the same payment and fewer months, or the same months")),
            (self.days, self.tr("How many days after its due date the installment would be paid")),
        ):
            describe(widget, text)
        self.platform.lineEdit().setPlaceholderText(self.tr("e.g. 借呗, 微粒贷, 京东金条"))
        self.principal.setPlaceholderText(self.tr("amount in yuan, e.g. 20000"))
        self.record_button.setText(self.tr("Record this loan…"))
        self.record_button.setToolTip(self.tr("Open the new loan form with these values"))
        self.term.setSuffix(self.tr(" months"))
        self.days.setSuffix(self.tr(" days"))
        for combo, items in (
            (self.rate_basis, [(self.tr("Annual rate (年化)"), "annual"), (self.tr("Daily rate (日利率)"), "daily")]),
            (
                self.keep,
                [
                    (self.tr("Keep the payment: fewer installments"), Keep.PAYMENT.value),
                    (self.tr("Keep the term: smaller installments"), Keep.TERM.value),
                ],
            ),
        ):
            chosen = max(combo.currentIndex(), 0)
            combo.blockSignals(True)
            combo.clear()
            for text, data in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(chosen)
            combo.blockSignals(False)
        self.rate.setPlaceholderText(self.tr("e.g. 14.4% a year, or 0.04% a day"))
        for widget, text in (
            (self.loan, self.tr("Loan")),
            (self.on, self.tr("Day")),
            (self.days, self.tr("Days late")),
            (self.keep, self.tr("Afterwards")),
        ):
            self.loan_form.labelForField(widget).setText(text)
            name_controls(widget, text, rename=True)
        self._label_amount()
        self.score_caption.setText(self.tr("Credit health score, now → with the change"))
        if self.answer is not None or self.problem:
            self.work_out()


class PlannerPanel(QWidget):
    """A monthly budget, and both strategies' plans for it side by side: when the loans are cleared, the interest
    paid and saved, the principal owed month by month, and each plan's months as a table to export."""

    planned = Signal(object)
    """Emitted after each plan with the Plans, or None when the budget is refused (or nothing is open)."""

    def __init__(self, *, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.plans: Plans | None = None
        self.problem = ""
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.budget = QSpinBox()
        self.budget.setObjectName("plan_budget")
        self.budget.setRange(0, 10_000_000)
        self.budget.setSingleStep(100)
        self.budget.setPrefix("¥")
        self.budget.setGroupSeparatorShown(True)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 0)
        self.slider.setSingleStep(100)
        self.slider.setPageStep(1_000)
        self.least_label = QLabel()
        self.least_label.setWordWrap(True)
        self.message = plain_label()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.budget_label = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.budget_label)
        row.addWidget(self.budget)
        row.addWidget(self.slider, 1)
        self.boxes = {strategy: QGroupBox() for strategy in Strategy}
        self.summaries = {strategy: plain_label() for strategy in Strategy}
        sides = QGridLayout()
        for column, strategy in enumerate(Strategy):
            summary = self.summaries[strategy]
            summary.setWordWrap(True)
            summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            QVBoxLayout(self.boxes[strategy]).addWidget(summary)
            sides.addWidget(self.boxes[strategy], 0, column)
        self.chart = PlanBalanceChart()
        self.chart.setMinimumHeight(300)
        self.shown_strategy = QComboBox()
        self.shown_label = QLabel()
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export_csv)
        table_bar = QHBoxLayout()
        table_bar.addWidget(self.shown_label)
        table_bar.addWidget(self.shown_strategy)
        table_bar.addStretch(1)
        table_bar.addWidget(self.export_button)
        self.table = QTableWidget()
        self.table.setObjectName("plan_months")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(320)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        layout.addWidget(self.least_label)
        layout.addWidget(self.message)
        layout.addLayout(sides)
        layout.addWidget(self.chart)
        layout.addLayout(table_bar)
        layout.addWidget(self.table)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.work_out)
        self.budget.valueChanged.connect(self._budget_typed)
        self.slider.valueChanged.connect(self.budget.setValue)
        self.shown_strategy.currentIndexChanged.connect(self._fill_table)
        self._budget_set = False
        self.retranslate_ui()

    def reload(self) -> None:
        """Plan again (the records changed); the first time, the budget starts at the least that is enough."""
        least = self._least()
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(least * 3, 10_000) // 100 * 100)
        self.slider.blockSignals(False)
        if not self._budget_set:
            self.budget.blockSignals(True)
            self.budget.setValue(least)
            self.slider.setValue(least)
            self.budget.blockSignals(False)
        self.least_label.setText(
            self.tr("The schedules ask at most {amount} in a month: a budget of that much is always enough.").format(
                amount=format_yuan(least * 100)
            )
            if least
            else ""
        )
        self.work_out()

    def _least(self) -> int:
        """In whole yuan, rounded up."""
        found = payoff_plans(self._workspace.session, budget_fen=0, start=self._workspace.today(), strategies=())
        return -(-found.least_budget_fen // 100)

    def _budget_typed(self, value: int) -> None:
        self._budget_set = True
        self.slider.blockSignals(True)
        self.slider.setValue(value)
        self.slider.blockSignals(False)
        self._timer.start()

    def work_out(self) -> None:
        self._timer.stop()
        try:
            plans = payoff_plans(
                self._workspace.session,
                budget_fen=self.budget.value() * 100,
                start=self._workspace.today(),
                strategies=tuple(Strategy),
            )
        except BudgetTooLow as short:
            self._show(None, self._shortfall_text(short))
            return
        self._show(plans if plans.refs else None, "" if plans.refs else self.tr("No loan is being repaid."))

    def _shortfall_text(self, short: BudgetTooLow) -> str:
        months = "、".join(f"{month:%Y-%m} {format_yuan(fen)}" for month, fen in short.shortfalls[:4])
        more = len(short.shortfalls) - 4
        text = self.tr("This budget leaves installments unpaid. Short: {months}").format(months=months)
        return text + (self.tr(" and {count} more months").format(count=more) if more > 0 else "")

    def _show(self, plans: Plans | None, problem: str) -> None:
        self.plans, self.problem = plans, problem
        self.message.setText(problem)
        self.message.setVisible(bool(problem))
        for widget in (*self.boxes.values(), self.chart, self.table, self.export_button, self.shown_strategy):
            widget.setEnabled(plans is not None)
        for strategy in Strategy:
            plan = self._plan(strategy)
            self.summaries[strategy].setText(self._summary(plan) if plan is not None else "—")
        self.chart.set_plans([(self._strategy_name(p.strategy), _owed(p)) for p in plans.plans] if plans else [])
        self._fill_table()
        self.planned.emit(plans)

    def _plan(self, strategy: Strategy) -> PayoffPlan | None:
        if self.plans is None:
            return None
        return next((plan for plan in self.plans.plans if plan.strategy is strategy), None)

    def _summary(self, plan: PayoffPlan) -> str:
        refs = self.plans.refs
        order = " → ".join(refs[loan_id] for loan_id in plan.order)
        return "\n".join(
            [
                self.tr("Debt-free in {month}").format(month=f"{plan.debt_free_month:%Y-%m}"),
                self.tr("Interest and fees: {amount}").format(amount=format_yuan(plan.interest_fen)),
                self.tr("Saved against the schedules: {amount}").format(amount=format_yuan(plan.interest_saved_fen)),
                self.tr("Cleared in this order: {order}").format(order=order),
            ]
        )

    def _strategy_name(self, strategy: Strategy) -> str:
        if strategy is Strategy.AVALANCHE:
            return self.tr("Avalanche: the highest true APR first")
        return self.tr("Snowball: the smallest balance first")

    def table_rows(self) -> tuple[list[str], list[list[str]]]:
        """The headers and rows of the shown plan's month-by-month table, as shown and as exported."""
        plan = self._plan(Strategy(self.shown_strategy.currentData() or Strategy.AVALANCHE.value))
        if plan is None:
            return [], []
        refs = self.plans.refs
        loans = sorted(refs, key=plan.order.index)
        headers = [self.tr("Month"), *(refs[i] for i in loans), self.tr("Beyond the schedules"), self.tr("Still owed")]
        rows = [
            [
                f"{month.month:%Y-%m}",
                *(format_yuan(month.payments[i], symbol=False) if i in month.payments else "" for i in loans),
                format_yuan(month.extra_fen, symbol=False),
                format_yuan(month.balance_fen, symbol=False),
            ]
            for month in plan.months
        ]
        return headers, rows

    def _fill_table(self, *_args) -> None:
        headers, rows = self.table_rows()
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels(headers)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)

    def csv_text(self) -> str:
        headers, rows = self.table_rows()
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(headers)
        writer.writerows(rows)
        return out.getvalue()

    def export_csv(self) -> Path | None:
        """Ask for a file and write the shown plan's months there (UTF-8 with a BOM, so spreadsheets read the
        Chinese); returns the file (None if cancelled)."""
        name = f"payoff-plan-{self.shown_strategy.currentData()}-{self._workspace.today().isoformat()}.csv"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the plan"), str(Path.home() / name), "CSV (*.csv)")
        if not path:
            return None
        try:
            return write_private_file(path, ("\ufeff" + self.csv_text()).encode("utf-8"), overwrite=True)
        except FileProblem as problem:
            message_box(self, QMessageBox.Icon.Warning, self.tr("Export the plan"), str(problem))
            return None

    def retranslate_ui(self) -> None:
        self.intro.setText(
            self.tr(
                "How much can you put towards your loans each month, in all? The plan pays every installment as "
                "it falls due and puts the rest into repaying one loan early — the one with the highest true APR "
                "first (avalanche) or the one with the smallest balance first (snowball). Nothing is saved."
            )
        )
        self.budget_label.setText(self.tr("Monthly budget"))
        self.budget.setAccessibleName(self.tr("Monthly budget"))
        self.slider.setAccessibleName(self.tr("Monthly budget"))
        for widget in (self.budget, self.slider):
            describe(widget, self.tr("What you can put towards all your loans each month, in yuan"))
        describe(self.shown_strategy, self.tr("Which of the two plans the table below shows"))
        describe(self.export_button, self.tr("Save the plan the table shows as a CSV file"))
        chosen = max(self.shown_strategy.currentIndex(), 0)
        self.shown_strategy.blockSignals(True)
        self.shown_strategy.clear()
        for strategy in Strategy:
            self.boxes[strategy].setTitle(self._strategy_name(strategy))
            self.shown_strategy.addItem(self._strategy_name(strategy), strategy.value)
        self.shown_strategy.setCurrentIndex(chosen)
        self.shown_strategy.blockSignals(False)
        self.shown_label.setText(self.tr("Month by month:"))
        self.export_button.setText(self.tr("Export CSV…"))
        self.table.setAccessibleName(self.tr("The plan month by month"))
        describe(self.table, self.tr("One month a row: what the plan pays on each loan, and what is still owed"))
        if self.plans is not None or self.problem:
            self.work_out()


def _owed(plan: PayoffPlan) -> list[tuple[date, int]]:
    """The principal owed on the plan's first day and at each month's end."""
    ends = [(next_month(month.month) - timedelta(days=1), month.balance_fen) for month in plan.months]
    return [(plan.start, plan.principal_fen), *ends]


class PlanView(Page):
    """The Plan page: what-if and the payoff planner, a tab each."""

    def __init__(self, *, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.what_if = WhatIfPanel(workspace=workspace)
        self.planner = PlannerPanel(workspace=workspace)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("plan_tabs")
        self.tabs.addTab(_scrolling(self.what_if), "")
        self.tabs.addTab(_scrolling(self.planner), "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.retranslate_ui()

    def concerns(self, changes: Changes) -> bool:
        return changes.any

    def reload(self) -> None:
        self.what_if.reload()
        self.planner.reload()

    def check_loan(self, values: LoanDraft) -> None:
        self.tabs.setCurrentIndex(0)
        if self._stale:
            self.refresh()
        self.what_if.check_loan(values)

    def retranslate_ui(self) -> None:
        self.tabs.setTabText(0, self.tr("What if…"))
        self.tabs.setTabText(1, self.tr("Payoff plan"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.what_if.retranslate_ui()
            self.planner.retranslate_ui()
        super().changeEvent(event)
