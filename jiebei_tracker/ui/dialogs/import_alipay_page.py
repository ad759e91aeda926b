"""The import wizard's Alipay page: the statement's credit rows, and for the selected one what it becomes — a new
loan (with the term, method and rate the statement does not give), a repayment of a loan, or nothing."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.domain.rates import RateBasis, annual_rate, daily_rate
from jiebei_tracker.domain.vocabulary import LoanPurpose, RepaymentMethod
from jiebei_tracker.qt_text import display_language, plain_label
from jiebei_tracker.services.imports.service import Action, Choice, NewLoanTerms
from jiebei_tracker.ui.dialogs.forms import describe
from jiebei_tracker.ui.dialogs.import_models import AlipayRowsModel
from jiebei_tracker.ui.dialogs.import_pages import select_data
from jiebei_tracker.ui.refusal_text import reason_text


class AlipayPage(QWidget):
    """``edited_choice()`` reads the panel; the wizard keeps the choices and says what is wrong with them."""

    choice_edited = Signal()
    """Emitted when the user changes what the selected row becomes."""
    row_selected = Signal(int)
    """Emitted with the table row the user selected."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        language = display_language()
        self.summary = plain_label()  # with the statement's problems, which quote it
        self.summary.setWordWrap(True)
        self.model = AlipayRowsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _old: self.row_selected.emit(current.row())
        )
        self.action = QComboBox()
        for text, action in (
            (self.tr("Skip"), Action.SKIP),
            (self.tr("New loan"), Action.NEW_LOAN),
            (self.tr("Repayment of a loan"), Action.REPAYMENT),
        ):
            self.action.addItem(text, action)
        self.loan = QComboBox()
        self.term = QSpinBox()
        self.term.setRange(1, 360)
        self.term.setValue(12)
        self.term.setSuffix(self.tr(" months"))
        self.method = QComboBox()
        for method in RepaymentMethod:
            self.method.addItem(method.label(language), method)
        self.rate = QLineEdit()
        self.rate.setPlaceholderText(self.tr("e.g. 0.03 (%)"))
        self.rate_basis = QComboBox()
        self.rate_basis.addItem(self.tr("% a day (日利率)"), RateBasis.DAILY)
        self.rate_basis.addItem(self.tr("% a year (年化)"), RateBasis.ANNUAL)
        self.purpose = QComboBox()
        for purpose in LoanPurpose:
            self.purpose.addItem(purpose.label(language), purpose)
        select_data(self.purpose, LoanPurpose.OTHER)  # the statement does not say; the user may
        rate_row = QHBoxLayout()
        rate_row.addWidget(self.rate, 1)
        rate_row.addWidget(self.rate_basis)
        self.loan_box = QGroupBox(self.tr("The new loan"))
        loan_form = QFormLayout(self.loan_box)
        loan_form.addRow(self.tr("Term"), self.term)
        loan_form.addRow(self.tr("Repayment method"), self.method)
        loan_form.addRow(self.tr("Rate"), rate_row)
        loan_form.addRow(self.tr("Purpose"), self.purpose)
        self.problem = plain_label()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #d1343a;")
        panel = QFormLayout()
        panel.addRow(self.tr("Import this row as"), self.action)
        panel.addRow(self.tr("Loan it repays"), self.loan)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(panel)
        layout.addWidget(self.loan_box)
        layout.addWidget(self.problem)
        self.table.setAccessibleName(self.tr("Statement rows"))
        for widget, text in (
            (self.table, self.tr("One row of the statement a line; select one to say below what it becomes")),
            (self.action, self.tr("What the selected row becomes: a new loan, a repayment of a loan, or nothing")),
            (self.loan, self.tr("The loan the selected row repays: one you have, or a new one in this statement")),
            (self.term, self.tr("How many monthly installments the new loan is repaid in")),
            (self.method, self.tr("How the lender splits the repayments into installments (see your contract)")),
            (self.rate, self.tr("The rate in your contract, in percent")),
            (self.rate_basis, self.tr("Whether the rate is a day's (日利率) or a year's (年化)")),
            (self.purpose, self.tr("What the money is for (the statement does not say)")),
        ):
            describe(widget, text)
        for combo in (self.action, self.loan, self.method, self.rate_basis, self.purpose):
            combo.currentIndexChanged.connect(self._edited)
        self.term.valueChanged.connect(self._edited)
        self.rate.textEdited.connect(self._edited)
        self._loading = False

    def select_row(self, row: int) -> None:
        """Make ``row`` the current row (its choice shows in the panel)."""
        self.table.setCurrentIndex(self.model.index(row, 0))

    def current_row(self) -> int:
        return self.table.currentIndex().row()

    def _edited(self) -> None:
        self._show_parts()
        if not self._loading:
            self.choice_edited.emit()

    def _action(self) -> Action:
        # Qt hands an enum stored in a combo back as a plain str.
        return Action(self.action.currentData())

    def _show_parts(self) -> None:
        action = self._action()
        self.loan.setEnabled(action is Action.REPAYMENT)
        self.loan_box.setEnabled(action is Action.NEW_LOAN)

    def show_choice(self, choice: Choice, targets: list[tuple[str, tuple[str, int]]], *, enabled: bool) -> None:
        """Fill the panel with a row's choice; ``targets`` are the loans it may repay as (text, key)."""
        self._loading = True
        select_data(self.action, choice.action)
        self.loan.clear()
        for text, key in targets:
            self.loan.addItem(text, key)
        if choice.loan_number is not None:
            select_data(self.loan, ("loan", choice.loan_number))
        elif choice.loan_line is not None:
            select_data(self.loan, ("line", choice.loan_line))
        if choice.terms is not None:
            terms = choice.terms
            self.term.setValue(terms.term_months)
            select_data(self.method, terms.method)
            select_data(self.rate_basis, terms.rate.basis)
            self.rate.setText(terms.rate.as_entered().rstrip("%"))
            select_data(self.purpose, terms.purpose)
        for widget in (self.action, self.loan, self.loan_box):
            widget.setEnabled(enabled)
        if enabled:
            self._show_parts()
        self._loading = False

    def edited_choice(self) -> tuple[Choice, str]:
        """The panel's choice, and what is wrong with it ('' when nothing)."""
        action = self._action()
        if action is Action.REPAYMENT:
            key = self.loan.currentData()
            if key is None:
                return Choice(Action.REPAYMENT), self.tr("Choose the loan this repays.")
            kind, number = key
            return (Choice(Action.REPAYMENT, loan_number=number) if kind == "loan" else
                    Choice(Action.REPAYMENT, loan_line=number)), ""  # fmt: skip
        if action is Action.NEW_LOAN:
            parse = daily_rate if RateBasis(self.rate_basis.currentData()) is RateBasis.DAILY else annual_rate
            text = self.rate.text().strip()
            try:
                rate = parse(text + ("" if text.endswith("%") else "%"), field="rate")
            except InvalidValue as error:
                return Choice(Action.NEW_LOAN), self.tr("Rate: {reason}").format(reason=reason_text(error.reason))
            terms = NewLoanTerms(
                self.term.value(),
                RepaymentMethod(self.method.currentData()),
                rate,
                LoanPurpose(self.purpose.currentData()),
            )
            return Choice(Action.NEW_LOAN, terms=terms), ""
        return Choice(Action.SKIP), ""


def choice_text(choice: Choice, loans_by_number: dict, present: bool) -> str:
    """What a row becomes, in a few words for the table. (Module-level functions translate under one literal
    context, so the translation tool and the running app agree on it.)"""
    if present:
        return QCoreApplication.translate("AlipayChoices", "— (already there)")
    if choice.action is Action.NEW_LOAN:
        if choice.terms is None:
            return QCoreApplication.translate("AlipayChoices", "New loan (terms missing)")
        terms = choice.terms
        if terms.rate.basis is RateBasis.DAILY:
            text = QCoreApplication.translate("AlipayChoices", "New loan, {months} months, {rate} a day")
        else:
            text = QCoreApplication.translate("AlipayChoices", "New loan, {months} months, {rate} a year")
        return text.format(months=terms.term_months, rate=terms.rate.as_entered())
    if choice.action is Action.REPAYMENT:
        if choice.loan_line is not None:
            return QCoreApplication.translate("AlipayChoices", "Repayment of the new loan of line {line}").format(
                line=choice.loan_line
            )
        loan = loans_by_number.get(choice.loan_number)
        name = (loan.external_id or f"#{loan.number}") if loan else "?"
        return QCoreApplication.translate("AlipayChoices", "Repayment of loan {name}").format(name=name)
    return QCoreApplication.translate("AlipayChoices", "Skip")


def target_text(loan) -> str:
    return QCoreApplication.translate("AlipayChoices", "Loan {name}: {platform}, {day}, {amount}").format(
        name=loan.external_id or f"#{loan.number}",
        platform=loan.platform,
        day=loan.borrowed_on.isoformat(),
        amount=format_yuan(loan.principal_fen),
    )
