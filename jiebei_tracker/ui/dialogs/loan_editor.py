"""The loan editor: every field of a loan, checked before anything is saved, with the message by the field."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QWidget,
)

from jiebei_tracker.domain.cost import loan_cost
from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import fen_to_yuan, parse_positive_yuan, parse_yuan
from jiebei_tracker.domain.past import PastOutcome, PastRepayments
from jiebei_tracker.domain.rates import RateBasis, annual_rate, daily_rate, decimal_text, parse_fraction
from jiebei_tracker.domain.records import LoanDraft
from jiebei_tracker.domain.schedule import MAX_INTEREST_FREE_DAYS, MAX_TERM_MONTHS, MIN_TERM_MONTHS, Fees, LoanTerms
from jiebei_tracker.domain.text import clean_line, clean_name, clean_note
from jiebei_tracker.domain.vocabulary import InterestBasis, LoanPurpose, RepaymentMethod
from jiebei_tracker.qt_text import display_language, message_box
from jiebei_tracker.services.changes import Changes
from jiebei_tracker.services.loans import LoanSummary
from jiebei_tracker.ui.date_field import DateField
from jiebei_tracker.ui.dialogs import bounds
from jiebei_tracker.ui.dialogs.forms import FormDialog, describe
from jiebei_tracker.ui.dialogs.past_installments import PAST_FIELDS, PastInstallmentsBox
from jiebei_tracker.ui.money_text import cost_sentence, percent
from jiebei_tracker.ui.refusal_text import reason_text

# What the domain calls a fee it refuses, by the editor's field that holds it.
_FEE_FIELDS = {"fee_rate": "fee_per_installment"}


def _optional_yuan(text: str, field: str) -> int:
    return parse_yuan(text, field=field) if text.strip() else 0


def _fee_per_installment(text: str) -> tuple[int, Decimal]:
    """(fixed fee in fen, monthly share of the principal) from ``10`` or ``0.65%`` (empty: no fee)."""
    text = text.strip()
    if not text:
        return 0, Decimal(0)
    if text.endswith(("%", "％")):
        return 0, parse_fraction(text, field="fee_per_installment")
    return parse_yuan(text, field="fee_per_installment"), Decimal(0)


def _fee_text(fees: Fees) -> str:
    if fees.monthly_rate:
        return f"{decimal_text(fees.monthly_rate * 100)}%"
    return fen_to_yuan(fees.per_installment_fen) if fees.per_installment_fen else ""


class LoanEditorDialog(FormDialog):
    """Add or edit a loan; a service error is shown by its field. A loan being edited goes to ``save(draft)``.
    A new loan goes to ``add(draft, past)`` when given — ``past`` is the user's answer for the installments
    already due (None when none are), asked in a group that ``past_outcome`` (the ledger's preview) fills in —
    and otherwise to ``save(draft)``, asking nothing."""

    def __init__(
        self,
        *,
        platforms: list[str],
        today: date,
        save: Callable[[LoanDraft], Changes] | None = None,
        add: Callable[[LoanDraft, PastRepayments | None], Changes] | None = None,
        past_outcome: Callable[[LoanDraft, PastRepayments], PastOutcome] | None = None,
        loan: LoanSummary | None = None,
        prefill: LoanDraft | None = None,
        check_first: Callable[[LoanDraft], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._add = add if loan is None else None
        self._today = today
        self.saved_changes: Changes | None = None
        language = display_language()
        self.setWindowTitle(self.tr("Edit loan") if loan else self.tr("New loan"))

        self.platform = QComboBox()
        self.platform.setEditable(True)
        self.platform.addItems(platforms)
        self.platform.setCurrentText(loan.platform if loan else "")
        self.platform.lineEdit().setPlaceholderText(self.tr("e.g. 借呗, 微粒贷, 招商银行"))
        self.borrowed_on = DateField(loan.borrowed_on if loan else today, today=today)
        self.principal = QLineEdit(fen_to_yuan(loan.principal_fen) if loan else "")
        self.principal.setPlaceholderText(self.tr("amount in yuan, e.g. 12000"))
        self.term = QSpinBox()
        self.term.setRange(MIN_TERM_MONTHS, MAX_TERM_MONTHS)
        self.term.setSuffix(self.tr(" months"))
        self.term.setValue(loan.term_months if loan else 12)
        self.method = QComboBox()
        for method in RepaymentMethod:
            self.method.addItem(method.label(language), method.value)
        if loan:
            self.method.setCurrentIndex(list(RepaymentMethod).index(loan.method))
        self.rate_basis = QComboBox()
        self.rate_basis.addItem(self.tr("Annual rate (年化)"), RateBasis.ANNUAL.value)
        self.rate_basis.addItem(self.tr("Daily rate (日利率)"), RateBasis.DAILY.value)
        self.rate = QLineEdit()
        self.rate.setPlaceholderText(self.tr("e.g. 9.12% a year, or 0.03% a day"))
        if loan:
            self.rate_basis.setCurrentIndex(0 if loan.rate.basis is RateBasis.ANNUAL else 1)
            self.rate.setText(loan.rate.as_entered())
        rate_row = QWidget()
        rate_layout = QHBoxLayout(rate_row)
        rate_layout.setContentsMargins(0, 0, 0, 0)
        rate_layout.addWidget(self.rate_basis)
        rate_layout.addWidget(self.rate, 1)
        self.interest_basis = QComboBox()
        for basis in InterestBasis:
            self.interest_basis.addItem(basis.label(language), basis.value)
        self.interest_basis.setCurrentIndex(list(InterestBasis).index(loan.interest_basis) if loan else 0)
        # The user's own choice is kept; until then a daily rate proposes interest by the day.
        self._basis_chosen = loan is not None
        self.interest_basis.activated.connect(self._basis_was_chosen)
        self.free_days = QSpinBox()
        self.free_days.setRange(0, MAX_INTEREST_FREE_DAYS)
        self.free_days.setSuffix(self.tr(" days"))
        self.free_days.setValue(loan.interest_free_days if loan else 0)
        self.fee_upfront = QLineEdit(fen_to_yuan(loan.fees.upfront_fen) if loan and loan.fees.upfront_fen else "")
        self.fee_upfront.setPlaceholderText(self.tr("optional: a service fee kept back at payout (砍头息)"))
        self.fee_per_installment = QLineEdit(_fee_text(loan.fees) if loan else "")
        self.fee_per_installment.setPlaceholderText(self.tr("optional: e.g. 10 (yuan), or 0.65% of the principal"))
        self.purpose = QComboBox()
        self.purpose.addItem(self.tr("— what is the money for? —"), None)
        for purpose in LoanPurpose:
            self.purpose.addItem(purpose.label(language), purpose.value)
        if loan:
            self.purpose.setCurrentIndex(list(LoanPurpose).index(loan.purpose) + 1)
        self.autopay = QCheckBox(self.tr("Repayments are deducted automatically (autopay)"))
        self.autopay.setChecked(loan.autopay if loan else False)
        self.external_id = QLineEdit(loan.external_id or "" if loan else "")
        self.external_id.setPlaceholderText(self.tr("optional: the platform's loan number"))
        self.note = QLineEdit(loan.note if loan else "")

        self.errors.add_row(
            "platform",
            self.tr("Platform"),
            self.platform,
            self.tr("The lender: choose one you used before, or type a new name"),
        )
        self.errors.add_row("borrowed_on", self.tr("Borrowed on"), self.borrowed_on)
        self.errors.add_row("principal", self.tr("Principal (yuan)"), self.principal)
        self.errors.add_row(
            "term_months", self.tr("Term"), self.term, self.tr("How many monthly installments the loan is repaid in")
        )
        self.errors.add_row(
            "method",
            self.tr("Repayment method"),
            self.method,
            self.tr("How the lender splits the repayments into installments (see your contract)"),
        )
        self.rate_warning = self.errors.add_row("rate", self.tr("Interest rate"), rate_row)
        describe(
            self.rate_basis, self.tr("Whether the rate is quoted a year (年化) or a day (日利率), as in your contract")
        )
        self.errors.add_row(
            "interest_basis",
            self.tr("Interest counted"),
            self.interest_basis,
            self.tr("By the month, or by the actual days between due dates"),
        )
        self.errors.add_row("interest_free_days", self.tr("Interest-free days"), self.free_days)
        self.errors.add_row("fee_upfront", self.tr("Service fee (yuan)"), self.fee_upfront)
        self.errors.add_row("fee_per_installment", self.tr("Fee per installment"), self.fee_per_installment)
        self.errors.add_row("purpose", self.tr("Purpose"), self.purpose, self.tr("What the money is for (choose one)"))
        self.errors.add_row(
            "autopay",
            "",
            self.autopay,
            self.tr("Tick it if the platform takes each installment from your account on its due date"),
        )
        self.errors.add_row("loan_id", self.tr("Loan number"), self.external_id)
        self.errors.add_row(
            "note", self.tr("Note"), self.note, self.tr("Anything you want to remember about this loan (optional)")
        )
        self.high_rate_note = QLabel()
        self.high_rate_note.setStyleSheet("color: #d98200;")
        self.high_rate_note.setWordWrap(True)
        self.high_rate_note.hide()
        self.rate.textChanged.connect(self._update_rate_hint)
        self.rate_basis.currentIndexChanged.connect(self._update_rate_hint)
        self.rate_basis.currentIndexChanged.connect(self._propose_basis)
        self.basis_note = QLabel()
        self.basis_note.setWordWrap(True)
        self.basis_note.hide()
        self.cost_note = QLabel()
        self.cost_note.setWordWrap(True)
        self.cost_note.setObjectName("costNote")
        # What the terms are made of: the true cost follows them, and what will be recorded for a new loan.
        terms_changed = (
            self.borrowed_on.dateChanged,
            self.principal.textChanged,
            self.term.valueChanged,
            self.method.currentIndexChanged,
            self.rate.textChanged,
            self.rate_basis.currentIndexChanged,
            self.interest_basis.currentIndexChanged,
            self.free_days.valueChanged,
            self.fee_upfront.textChanged,
            self.fee_per_installment.textChanged,
        )
        for changed in terms_changed:
            changed.connect(self._update_cost)
        self.interest_basis.currentIndexChanged.connect(self._enable_free_days)
        self._enable_free_days()
        self._update_cost()

        # Only a new loan asks about installments already due: an edited loan keeps its recorded repayments.
        self.past_installments: PastInstallmentsBox | None = None
        if self._add is not None and past_outcome is not None:
            self.past_installments = PastInstallmentsBox(today=today, outcome=past_outcome)
            for changed in (self.platform.currentTextChanged, *terms_changed, self.purpose.currentIndexChanged):
                changed.connect(self._update_past)
        below = [self.high_rate_note, self.basis_note, self.cost_note]
        below += [self.past_installments] if self.past_installments else []
        self.lay_out(below=below, minimum_width=460)
        self._check_first = check_first if loan is None else None
        if self._check_first is not None:
            self.check_button = self.buttons.addButton(self.tr("Check first…"), QDialogButtonBox.ButtonRole.ActionRole)
            self.check_button.setToolTip(
                self.tr("See what this loan would do to your credit health before you record it (nothing is saved)")
            )
            self.check_button.clicked.connect(self._check)
        if prefill is not None:
            self.fill(prefill)

    def fill(self, draft: LoanDraft) -> None:
        """Put a loan's values in the fields (a new loan checked first on the Plan page, then recorded)."""
        terms = draft.terms
        self.platform.setCurrentText(draft.platform)
        self.borrowed_on.setDate(terms.borrowed_on)
        self.principal.setText(fen_to_yuan(terms.principal_fen))
        self.term.setValue(terms.term_months)
        self.method.setCurrentIndex(list(RepaymentMethod).index(terms.method))
        self.rate_basis.setCurrentIndex(0 if terms.rate.basis is RateBasis.ANNUAL else 1)
        self.rate.setText(terms.rate.as_entered())
        self.interest_basis.setCurrentIndex(list(InterestBasis).index(terms.interest_basis))
        self._basis_chosen = True
        self.free_days.setValue(terms.interest_free_days)
        self.fee_upfront.setText(fen_to_yuan(terms.fees.upfront_fen) if terms.fees.upfront_fen else "")
        self.fee_per_installment.setText(_fee_text(terms.fees))
        self.purpose.setCurrentIndex(list(LoanPurpose).index(draft.purpose) + 1)
        self.autopay.setChecked(draft.autopay)

    def _check(self) -> None:
        """Check first: the loan as typed goes to the what-if (the Plan page) and the form closes, unsaved."""
        draft = self.draft()
        if draft is not None:
            self._check_first(draft)
            self.reject()

    def _parse_rate(self):
        parser = annual_rate if self.rate_basis.currentData() == RateBasis.ANNUAL.value else daily_rate
        return parser(self.rate.text(), field="rate")

    def _update_rate_hint(self) -> None:
        try:
            rate = self._parse_rate()
        except InvalidValue:
            self.high_rate_note.hide()
            return
        warning = (
            self.tr("{rate} a day is {annual} a year — a very high rate. Check it, and think twice about this loan.")
            if rate.basis is RateBasis.DAILY
            else self.tr("{annual} a year is a very high rate. Check it, and think twice about this loan.")
        )
        self.high_rate_note.setText(
            warning.format(rate=rate.as_entered(), annual=f"{decimal_text(rate.annual * 100)}%")
        )
        self.high_rate_note.setVisible(rate.is_high)

    def _basis_was_chosen(self, *_index) -> None:
        self._basis_chosen = True
        self.basis_note.hide()

    def _propose_basis(self, *_index) -> None:
        """A rate typed per day proposes interest by the day (and says why), unless the user chose the basis."""
        daily = self.rate_basis.currentData() == RateBasis.DAILY.value
        if self._basis_chosen or not daily:
            self.basis_note.hide()
            return
        self.interest_basis.setCurrentIndex(list(InterestBasis).index(InterestBasis.DAILY))
        self.basis_note.setText(
            self.tr(
                "Interest counted by the day: lenders that quote a daily rate (借呗, 微粒贷, 京东金条) charge the "
                "actual days between due dates. Choose Monthly if your contract says otherwise."
            )
        )
        self.basis_note.show()

    def _enable_free_days(self, *_index) -> None:
        daily = self.interest_basis.currentData() == InterestBasis.DAILY.value
        self.free_days.setEnabled(daily)
        self.free_days.setToolTip(
            self.tr("Days from the start on which no interest is charged (an interest-free coupon)")
            if daily
            else self.tr("Interest-free days need interest counted by the day.")
        )

    def _update_cost(self, *_changed) -> None:
        """The true APR of the terms as typed so far, with why it differs from the rate (hidden while they are
        not yet a loan)."""
        terms = self._read_terms()[0]
        if terms is None:
            self.cost_note.hide()
            return
        cost = loan_cost(terms)
        self.cost_note.setText(
            self.tr("True annual cost (APR): {apr}").format(apr=percent(cost.apr)) + "\n" + cost_sentence(terms, cost)
        )
        self.cost_note.show()

    def _update_past(self, *_changed) -> None:
        self.past_installments.set_draft(self._read()[0])

    def draft(self) -> LoanDraft | None:
        """The loan as entered, or None with every problem shown next to its field."""
        self.errors.clear()
        draft, problems = self._read()
        for field, message in problems.items():
            self.errors.set(field, message)
        return draft

    def _read(self) -> tuple[LoanDraft | None, dict[str, str]]:
        """The loan as entered (None when it is not yet one), and what is wrong by field."""
        terms, problems = self._read_terms()
        values = self._checked(
            {
                "platform": lambda: clean_name(
                    self._require_text(self.platform.currentText(), self.tr("Name the platform.")), "platform"
                ),
                "purpose": lambda: LoanPurpose(
                    self._require(self.purpose.currentData(), self.tr("Choose what the money is for."))
                ),
                "loan_id": lambda: clean_line(self.external_id.text(), "loan_id"),
                "note": lambda: clean_note(self.note.text(), "note"),
            },
            problems,
        )
        if problems:
            return None, problems
        draft = LoanDraft(
            platform=values["platform"],
            terms=terms,
            purpose=values["purpose"],
            autopay=self.autopay.isChecked(),
            note=values["note"].strip(),
            external_id=values["loan_id"] or None,
        )
        return draft, problems

    def _read_terms(self) -> tuple[LoanTerms | None, dict[str, str]]:
        """The loan's terms as entered (None when they are not yet terms), and what is wrong by field."""
        problems: dict[str, str] = {}
        values = self._checked(
            {
                "principal": lambda: parse_positive_yuan(self.principal.text(), field="principal"),
                "rate": self._parse_rate,
                "fee_upfront": lambda: _optional_yuan(self.fee_upfront.text(), "fee_upfront"),
                "fee_per_installment": lambda: _fee_per_installment(self.fee_per_installment.text()),
            },
            problems,
        )
        borrowed_on = self.borrowed_on.date()
        if self.borrowed_on.error():
            problems["borrowed_on"] = self.borrowed_on.error()
        if problems:
            return None, problems
        basis = InterestBasis(self.interest_basis.currentData())
        try:
            terms = LoanTerms(
                borrowed_on,
                values["principal"],
                self.term.value(),
                RepaymentMethod(self.method.currentData()),
                values["rate"],
                basis,
                Fees(values["fee_upfront"], *values["fee_per_installment"]),
                self.free_days.value() if basis is InterestBasis.DAILY else 0,
            )
        except InvalidValue as error:
            field = _FEE_FIELDS.get(error.field, error.field)
            return None, {field: self._message(field, error)}
        return terms, problems

    def _checked(self, checks: dict, problems: dict[str, str]) -> dict:
        """Each check's value by field; a refused one adds its message to ``problems``."""
        values = {}
        for field, check in checks.items():
            try:
                values[field] = check()
            except InvalidValue as error:
                problems[field] = self._message(field, error)
        return values

    def _message(self, field: str, error: InvalidValue) -> str:
        out_of_bounds = bounds.refusal(error)
        if out_of_bounds:
            return out_of_bounds
        if field == "principal":
            return self.tr("Enter an amount above zero, e.g. 12000 or 12,000.50.")
        if field == "rate":
            return self.tr("Enter a rate such as 9.12% (annual) or 0.03% (daily), not above 1000% a year.")
        if field == "fee_upfront" and "less than" in error.reason:
            return self.tr("The fee kept back must be less than the principal.")
        if field == "fee_upfront":
            return self.tr("Enter the fee in yuan, e.g. 300, or leave it empty.")
        if field == "fee_per_installment":
            return self.tr(
                "Enter a fee in yuan (e.g. 10) or a share of the principal a month (e.g. 0.65%), not above 10%."
            )
        return reason_text(error.reason)

    @staticmethod
    def _require_text(text: str, message: str) -> str:
        if not text.strip():
            raise InvalidValue("platform", text, message)
        return text

    @staticmethod
    def _require(value, message: str):
        if value is None:
            raise InvalidValue("purpose", None, message)
        return value

    def submit(self) -> None:
        draft = self.draft()
        box = self.past_installments
        if box is not None:
            box.clear_errors()
        if draft is None:
            return
        past = None
        if box is not None:
            box.set_draft(draft)
            if box.due_count:
                past = box.choice()
                if past is None:
                    return
        try:
            self.saved_changes = self._add(draft, past) if self._add is not None else self._save(draft)
        except InvalidValue as error:
            if error.field == "schedule" and self._replace_schedule_agreed(error):
                self.saved_changes = self._save(draft, replace_schedule=True)
                self.accept()
                return
            if box is not None and error.field in PAST_FIELDS:
                box.show_refusal(error)
            else:
                self.errors.set(error.field, self._refusal(error))
            return
        self.accept()

    def _replace_schedule_agreed(self, error: InvalidValue) -> bool:
        """Ask before new terms replace a schedule changed by a part prepayment, or the platform's own."""
        if error.value == "platform":
            text = self.tr(
                "This loan's schedule is the platform's own plan. New terms build the schedule again from them, "
                "and the platform's figures are dropped. Replace the schedule?"
            )
        else:
            text = self.tr(
                "This loan's schedule was rebuilt after a part prepayment. New terms build it again from them, and "
                "the prepayment counts as an ordinary repayment. Replace the schedule?"
            )
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        answer = message_box(self, QMessageBox.Icon.Question, self.tr("Replace the schedule"), text, buttons)
        return answer == QMessageBox.StandardButton.Yes

    def _refusal(self, error: InvalidValue) -> str:
        """What the ledger refused, said in the user's language where the case is known."""
        out_of_bounds = bounds.refusal(error)
        if out_of_bounds:
            return out_of_bounds
        if error.field == "loan_id":
            return self.tr("Another loan already has this loan number.")
        if error.field == "borrowed_on" and "future" in error.reason:
            return self.tr("The borrowing date cannot be in the future.")
        if error.field == "borrowed_on":
            return self.tr("A repayment is recorded before this date. Delete that repayment first.")
        if error.field == "principal":
            return self.tr(
                "The repayments already recorded are more than these terms ask for. Delete some repayments first."
            )
        return reason_text(error.reason)
