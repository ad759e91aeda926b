"""Plain records that cross layers: a loan as the user describes it, before it is stored."""

from __future__ import annotations

from dataclasses import dataclass

from jiebei_tracker.domain.schedule import LoanTerms
from jiebei_tracker.domain.vocabulary import LoanPurpose, PlatformKind


@dataclass(frozen=True)
class LoanDraft:
    """Everything the user says about a loan; the schedule is built from ``terms``."""

    platform: str
    terms: LoanTerms
    purpose: LoanPurpose = LoanPurpose.OTHER
    autopay: bool = False
    note: str = ""
    external_id: str | None = None


_KIND_HINTS = (
    ("信用卡", PlatformKind.CREDIT_CARD),
    ("credit card", PlatformKind.CREDIT_CARD),
    ("消费金融", PlatformKind.CONSUMER_FINANCE),
    ("小贷", PlatformKind.MICROFINANCE),
    ("小额贷款", PlatformKind.MICROFINANCE),
    ("民间", PlatformKind.PRIVATE),
    ("私人", PlatformKind.PRIVATE),
    ("银行", PlatformKind.BANK),
    ("bank", PlatformKind.BANK),
)


def guess_platform_kind(name: str) -> PlatformKind:
    """A first guess at a new platform's kind from its name; the user can change it."""
    lowered = name.lower()
    for hint, kind in _KIND_HINTS:
        if hint in lowered:
            return kind
    return PlatformKind.INTERNET
