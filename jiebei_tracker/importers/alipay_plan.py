"""What to do with each Alipay credit row: a suggestion (repay the one open loan it fits, skip what is already
imported or moved no money), and the user's choices checked and turned into loans and repayments to write."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.domain.payments import Payment
from jiebei_tracker.domain.rates import Rate
from jiebei_tracker.domain.records import LoanDraft
from jiebei_tracker.domain.schedule import LoanTerms, build_schedule
from jiebei_tracker.domain.vocabulary import LoanPurpose, RepaymentMethod
from jiebei_tracker.importers.alipay import AlipayRow, Movement
from jiebei_tracker.importers.errors import RowError
from jiebei_tracker.importers.matching import Existing, ExistingLoan


class Action(StrEnum):
    SKIP = "skip"
    NEW_LOAN = "new_loan"
    REPAYMENT = "repayment"


@dataclass(frozen=True)
class NewLoanTerms:
    """What an Alipay disbursement row does not say and the user must: the term, method and rate."""

    term_months: int
    method: RepaymentMethod
    rate: Rate
    purpose: LoanPurpose = LoanPurpose.OTHER
    autopay: bool = False


@dataclass(frozen=True)
class Choice:
    """Skip, a new loan (with ``terms``), or a repayment of database loan ``loan_number`` or of the loan made
    from this import's row on line ``loan_line``."""

    action: Action = Action.SKIP
    loan_number: int | None = None
    loan_line: int | None = None
    terms: NewLoanTerms | None = None


@dataclass(frozen=True)
class Suggestion:
    row: AlipayRow
    present: bool  # imported before (its order number is known) or already recorded by hand
    choice: Choice
    reason: str  # why this suggestion, for the user


def platform_matches(loan_platform: str, row_platform: str) -> bool:
    """借呗 matches a loan on 蚂蚁借呗 and the other way round."""
    return bool(row_platform) and (row_platform in loan_platform or loan_platform in row_platform)


def suggest(rows: Sequence[AlipayRow], existing: Existing) -> list[Suggestion]:
    """One suggestion per row. Repayments go to the single open loan on the row's platform they fit."""
    refs = {ref for _, ref in existing.repayments if ref}
    by_hand = Counter(key for key, ref in existing.repayments if ref is None)
    loan_ids = {loan.external_id for loan in existing.loans if loan.external_id}
    extra_paid: Counter = Counter()
    result = {}
    for row in sorted(rows, key=lambda r: (r.day, r.line)):
        if not row.money_moved:
            result[row.line] = Suggestion(row, False, Choice(), f"{row.status}: no money moved")
        elif row.movement is Movement.REPAYMENT:
            result[row.line] = _suggest_repayment(row, existing.loans, refs, by_hand, extra_paid)
        elif row.movement is Movement.DISBURSEMENT:
            result[row.line] = _suggest_loan(row, existing.loans, loan_ids)
        else:
            result[row.line] = Suggestion(row, False, Choice(), "neither a loan nor a repayment that we can tell")
    return [result[row.line] for row in rows]


def _suggest_repayment(row, loans, refs, by_hand, extra_paid) -> Suggestion:
    if row.order_no in refs:
        return Suggestion(row, True, Choice(), "already imported")
    open_loans = [loan for loan in loans if _can_take(loan, row, extra_paid[loan.number])]
    if not open_loans:
        reason = f"no open loan on {row.platform} for {format_yuan(row.amount_fen)}: add the loan first"
        return Suggestion(row, False, Choice(), reason)
    for loan in open_loans:
        key = (loan.number, row.day, row.amount_fen, False)
        if by_hand[key] > 0:
            by_hand[key] -= 1
            return Suggestion(row, True, Choice(), f"already recorded on {loan.describe()}")
    fitting = [loan for loan in open_loans if row.amount_fen in loan.open_fen] if len(open_loans) > 1 else open_loans
    if len(fitting) != 1:
        return Suggestion(row, False, Choice(), f"{len(open_loans)} open loans on {row.platform} could take it: choose")
    loan = fitting[0]
    extra_paid[loan.number] += row.amount_fen
    return Suggestion(row, False, Choice(Action.REPAYMENT, loan_number=loan.number), f"repays {loan.describe()}")


def _can_take(loan: ExistingLoan, row: AlipayRow, extra_fen: int) -> bool:
    left = loan.owed_fen - loan.paid_fen - extra_fen
    return (
        platform_matches(loan.platform, row.platform)
        and loan.borrowed_on <= row.day
        and (loan.payoff_on is None or loan.payoff_on > row.day)
        and left >= row.amount_fen
    )


def _suggest_loan(row, loans, loan_ids) -> Suggestion:
    if row.order_no in loan_ids:
        return Suggestion(row, True, Choice(), "already imported")
    for loan in loans:
        if platform_matches(loan.platform, row.platform) and (loan.borrowed_on, loan.principal_fen) == (
            row.day,
            row.amount_fen,
        ):
            return Suggestion(row, True, Choice(), f"already recorded as {loan.describe()}")
    return Suggestion(row, False, Choice(), "a new loan: give its term, method and rate to add it")


@dataclass
class AlipayWrites:
    """What the user's choices come to: new loans (with the repayments this import makes on them) and
    repayments of loans already in the database, each with its order number."""

    loans: list[tuple[LoanDraft, list[tuple[Payment, str]]]] = field(default_factory=list)
    repayments: list[tuple[int, Payment, str]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.loans) + sum(len(p) for _, p in self.loans) + len(self.repayments)


def build_writes(suggestions: Sequence[Suggestion], choices: Mapping[int, Choice], existing: Existing) -> AlipayWrites:
    """Check the choices (keyed by line; a line not in ``choices`` keeps its suggestion) and collect the writes.
    Rows already imported are never written again, whatever was chosen."""
    writes = AlipayWrites()
    loans = {loan.number: loan for loan in existing.loans}
    new_loans: dict[int, tuple[LoanDraft, list[tuple[Payment, str]], int]] = {}
    for suggestion in suggestions:
        row, choice = suggestion.row, choices.get(suggestion.row.line, suggestion.choice)
        if suggestion.present or choice.action is not Action.NEW_LOAN:
            continue
        try:
            draft = _draft(row, choice.terms)
        except InvalidValue as error:
            writes.errors.append(RowError(row.line, error.field, error.reason))
            continue
        owed = sum(i.total_fen for i in build_schedule(draft.terms))
        new_loans[row.line] = (draft, [], owed)
    paid: Counter = Counter()
    for suggestion in sorted(suggestions, key=lambda s: (s.row.day, s.row.line)):
        row, choice = suggestion.row, choices.get(suggestion.row.line, suggestion.choice)
        if suggestion.present or choice.action is not Action.REPAYMENT:
            continue
        problem = _repayment_problem(row, choice, loans, new_loans, paid)
        if problem:
            writes.errors.append(RowError(row.line, "交易订单号", problem))
            continue
        payment = Payment(row.day, row.amount_fen)
        if choice.loan_line is not None:
            new_loans[choice.loan_line][1].append((payment, row.order_no))
            paid[("line", choice.loan_line)] += row.amount_fen
        else:
            writes.repayments.append((choice.loan_number, payment, row.order_no))
            paid[("loan", choice.loan_number)] += row.amount_fen
    writes.loans = [(draft, payments) for draft, payments, _ in new_loans.values()]
    return writes


def _draft(row: AlipayRow, terms: NewLoanTerms | None) -> LoanDraft:
    if terms is None:
        raise InvalidValue("term", "", "give the new loan's term, repayment method and rate")
    loan_terms = LoanTerms(row.day, row.amount_fen, terms.term_months, terms.method, terms.rate)
    # The order number becomes the loan's id, so importing the same statement again finds it.
    return LoanDraft(row.platform, loan_terms, terms.purpose, terms.autopay, row.description, row.order_no)


def _repayment_problem(row, choice, loans, new_loans, paid) -> str:
    if choice.loan_line is not None:
        if choice.loan_line not in new_loans:
            return f"line {choice.loan_line} is not made a new loan in this import"
        draft, _, owed = new_loans[choice.loan_line]
        borrowed_on, left = draft.terms.borrowed_on, owed - paid[("line", choice.loan_line)]
        name = f"the loan of line {choice.loan_line}"
    else:
        loan = loans.get(choice.loan_number)
        if loan is None:
            return f"no loan #{choice.loan_number}"
        if loan.payoff_on is not None and row.day >= loan.payoff_on:
            return f"{loan.describe()} was paid off on {loan.payoff_on.isoformat()}"
        borrowed_on, left = loan.borrowed_on, loan.owed_fen - loan.paid_fen - paid[("loan", choice.loan_number)]
        name = loan.describe()
    if row.day < borrowed_on:
        return f"paid {row.day.isoformat()}, before {name} was taken ({borrowed_on.isoformat()})"
    if row.amount_fen > left:
        return f"{format_yuan(row.amount_fen)} is more than the {format_yuan(max(left, 0))} left to pay on {name}"
    return ""
