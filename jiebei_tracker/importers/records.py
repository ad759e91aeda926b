"""What a good row becomes: plain records with the line they came from, before anything is written."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from jiebei_tracker.domain.past import PastRepayments
from jiebei_tracker.domain.payments import Payment
from jiebei_tracker.domain.rates import decimal_text
from jiebei_tracker.domain.records import LoanDraft
from jiebei_tracker.domain.vocabulary import InquiryReason, NoteKind, PlatformKind, RepaymentSource


@dataclass(frozen=True, slots=True)
class ImportedLoan:
    line: int
    draft: LoanDraft
    platform_kind: PlatformKind | None = None
    past: PastRepayments | None = None  # None: the file did not say what happened to the installments already due
    penalty_multiplier: Decimal | None = None  # the platform's (None: the file does not say)

    @property
    def key(self) -> tuple:
        """What two loans without a loan_id must share to be the same loan (the duplicate-matching rule)."""
        terms = self.draft.terms
        return loan_key(
            self.draft.platform, terms.borrowed_on, terms.principal_fen, terms.term_months, terms.method.value,
            decimal_text(terms.rate.annual),
        )  # fmt: skip


def loan_key(platform: str, borrowed_on: date, principal_fen: int, term_months: int, method: str, rate: str) -> tuple:
    return (platform.strip(), borrowed_on, principal_fen, term_months, method, rate)


@dataclass(frozen=True, slots=True)
class LoanReference:
    """How a repayment names its loan: by ``loan_id``, or by platform + borrowing date + principal."""

    loan_id: str | None
    platform: str | None = None
    borrowed_on: date | None = None
    principal_fen: int | None = None


@dataclass(frozen=True, slots=True)
class ImportedRepayment:
    line: int
    loan: LoanReference
    payment: Payment
    note: str = ""
    source_ref: str | None = None
    source: RepaymentSource = RepaymentSource.IMPORT


@dataclass(frozen=True, slots=True)
class ImportedLimit:
    line: int
    platform: str
    recorded_on: date
    limit_fen: int
    note: str = ""
    platform_kind: PlatformKind | None = None
    penalty_multiplier: Decimal | None = None

    @property
    def key(self) -> tuple:
        return (self.platform, self.recorded_on, self.limit_fen)


@dataclass(frozen=True, slots=True)
class ImportedNote:
    line: int
    noted_on: date
    kind: NoteKind
    text: str
    resolved_on: date | None = None
    reason: InquiryReason | None = None  # an inquiry's; None: the one its text names
    institution: str = ""

    @property
    def key(self) -> tuple:
        return (self.noted_on, self.kind.value, self.text)
