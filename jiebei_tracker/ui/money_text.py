"""What a loan truly costs, said in a sentence in the window's language: the loan editor, the loan window and the
loans list say it the same way."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from jiebei_tracker.domain.cost import TrueCost
from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.domain.schedule import LoanTerms
from jiebei_tracker.domain.vocabulary import ScheduleSource
from jiebei_tracker.qt_text import display_language

# Below this the APR and the typed rate are the same figure as the user reads it (four decimals of a fraction).
_SAME = Decimal("0.0001")


def percent(fraction: Decimal) -> str:
    """0.141 → ``14.1%``; 0.0912 → ``9.12%`` (at most two decimals of the percentage, no trailing zeros)."""
    text = f"{fraction * 100:.2f}".rstrip("0").rstrip(".")
    return f"{text}%"


def fee_words(terms: LoanTerms) -> list[str]:
    """Each fee of the loan in a few words: ``a ¥300.00 service fee kept back at payout``, …"""
    fees = terms.fees
    words = []
    if fees.upfront_fen:
        words.append(
            QCoreApplication.translate("Cost", "a {amount} service fee kept back at payout").format(
                amount=format_yuan(fees.upfront_fen)
            )
        )
    if fees.per_installment_fen:
        words.append(
            QCoreApplication.translate("Cost", "a {amount} fee with every installment").format(
                amount=format_yuan(fees.per_installment_fen)
            )
        )
    if fees.monthly_rate:
        words.append(QCoreApplication.translate("Cost", "a {rate} monthly fee").format(rate=percent(fees.monthly_rate)))
    return words


def cost_sentence(terms: LoanTerms, cost: TrueCost, source: ScheduleSource = ScheduleSource.COMPUTED) -> str:
    """Why the true APR is what it is, next to the rate the user typed (``source``: where the schedule whose
    cost it is comes from)."""
    apr, typed = percent(cost.apr), percent(terms.rate.annual)
    effective = percent(cost.effective)
    if source is not ScheduleSource.COMPUTED:
        return QCoreApplication.translate(
            "Cost",
            "Paid as its schedule asks ({source}), this loan costs {apr} a year by the IRR method lenders must state "
            "({effective} with the monthly interest compounded), against the {typed} of its interest rate.",
        ).format(source=source.label(display_language()).lower(), apr=apr, effective=effective, typed=typed)
    fees = fee_words(terms)
    if fees:
        said = QCoreApplication.translate("Cost", " and ").join(fees)
        return QCoreApplication.translate(
            "Cost",
            "With {fees}, this loan costs {apr} a year by the IRR method lenders must state ({effective} with the "
            "monthly interest compounded), not the {typed} of its interest rate.",
        ).format(fees=said, apr=apr, effective=effective, typed=typed)
    if terms.interest_free_days:
        return QCoreApplication.translate(
            "Cost",
            "With {days} days free of interest, this loan costs {apr} a year by the IRR method lenders must state, "
            "against the {typed} of its interest rate.",
        ).format(days=terms.interest_free_days, apr=apr, typed=typed)
    if abs(cost.apr - terms.rate.annual) < _SAME:
        return QCoreApplication.translate(
            "Cost", "This loan costs {apr} a year, as its rate says ({effective} with the monthly interest compounded)."
        ).format(apr=apr, effective=effective)
    if cost.apr > terms.rate.annual:
        return QCoreApplication.translate(
            "Cost",
            "Interest counted by the day (months of 28 to 31 days at 1/360 of the annual rate a day) makes this "
            "loan cost {apr} a year, a little more than its {typed}.",
        ).format(apr=apr, typed=typed)
    return QCoreApplication.translate(
        "Cost",
        "All the interest is paid at the end, so counted the way lenders must state it this loan costs {apr} a "
        "year, a little less than its {typed}.",
    ).format(apr=apr, typed=typed)
