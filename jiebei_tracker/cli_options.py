"""What the command line's front door (cli.py) and its sub-command modules (cli_*.py) share: the exit statuses
and reading an option's value. Both import it; neither imports the other's helpers, so no import circles."""

from __future__ import annotations

from collections.abc import Callable

from jiebei_tracker.domain.errors import InvalidValue

EXIT_OK, EXIT_BAD_DATA, EXIT_USAGE = 0, 1, 2


def option_value(parser: Callable[..., object], text: str | None, option: str):
    """Run a domain parser on an option's text; a bad value is bad data (exit 1) reported under the option.
    argparse only sees strings, so it reserves exit 2 for real usage errors."""
    if text is None:
        return None
    try:
        return parser(text, field=option)
    except InvalidValue as error:
        raise error.with_field(option) from None


def whole_number(text: str, field: str, low: int, high: int, *, lang: str = "en") -> int:
    from jiebei_tracker.cli_words import say

    try:
        value = int(text)
    except ValueError:
        raise InvalidValue(field, text, say("not_whole", lang)) from None
    if not low <= value <= high:
        raise InvalidValue(field, text, say("out_of_range", lang, low=low, high=high))
    return value


# Domain fields named by the add-loan option that sets them, for a value the terms refuse as a whole.
_OPTION_FOR_FIELD = {
    "principal": "--principal",
    "term_months": "--term",
    "fee_upfront": "--fee-upfront",
    "fee_per_installment": "--fee-per-installment",
    "fee_rate": "--fee-rate",
    "interest_free_days": "--interest-free-days",
}


def options_checked(make: Callable[..., object], **values):
    """``make(**values)``; a value it refuses is reported under the option that gave it."""
    try:
        return make(**values)
    except InvalidValue as error:
        raise error.with_field(_OPTION_FOR_FIELD.get(error.field, error.field)) from None


# -- a loan's terms, as add-loan and what-if borrow take them ----------------------------------------------


def add_terms_arguments(parser) -> None:
    """The options that give a loan's terms (all but the day it is borrowed) and its purpose."""
    from jiebei_tracker.domain.vocabulary import LoanPurpose, RepaymentMethod

    parser.add_argument("--principal", required=True, metavar="YUAN")
    parser.add_argument("--term", required=True, metavar="N", help="months, 1-360")
    parser.add_argument("--method", required=True, metavar="METHOD", help=", ".join(m.value for m in RepaymentMethod))
    rate = parser.add_mutually_exclusive_group(required=True)
    rate.add_argument("--annual-rate", metavar="R", help="e.g. 9.12%% or 0.0912")
    rate.add_argument("--daily-rate", metavar="R", help="e.g. 0.03%%")
    parser.add_argument(
        "--interest-basis",
        metavar="BASIS",
        default="monthly",
        help="monthly (a month's interest is annual ÷ 12) or daily (the actual days at the daily rate, as 借呗, "
        "微粒贷 and 京东金条 count it); default: monthly",
    )
    parser.add_argument(
        "--interest-free-days", metavar="N", default="0", help="days free of interest (免息券, daily basis)"
    )
    parser.add_argument("--fee-upfront", metavar="YUAN", help="a service fee kept back at payout (服务费, 砍头息)")
    fee = parser.add_mutually_exclusive_group()
    fee.add_argument("--fee-per-installment", metavar="YUAN", help="a fixed fee with every installment (每期手续费)")
    fee.add_argument(
        "--fee-rate", metavar="R", help="a monthly fee as a share of the principal, e.g. 0.65%% (月手续费率)"
    )
    parser.add_argument(
        "--purpose", metavar="PURPOSE", help=", ".join(p.value for p in LoanPurpose) + " (default: other)"
    )


def terms_from_arguments(args, borrowed_on):
    """The LoanTerms the options of ``add_terms_arguments`` give for a loan borrowed on ``borrowed_on``, and the
    rate as typed; a bad value is reported under its option. (Imported here, as each command loads what it runs.)"""
    from decimal import Decimal

    from jiebei_tracker.domain.money import parse_positive_yuan, parse_yuan
    from jiebei_tracker.domain.rates import annual_rate, daily_rate, parse_fraction
    from jiebei_tracker.domain.schedule import MAX_INTEREST_FREE_DAYS, Fees, LoanTerms
    from jiebei_tracker.domain.vocabulary import InterestBasis, RepaymentMethod

    rate = option_value(annual_rate, args.annual_rate, "--annual-rate") or option_value(
        daily_rate, args.daily_rate, "--daily-rate"
    )
    fees = options_checked(
        Fees,
        upfront_fen=option_value(parse_yuan, args.fee_upfront, "--fee-upfront") or 0,
        per_installment_fen=option_value(parse_yuan, args.fee_per_installment, "--fee-per-installment") or 0,
        monthly_rate=option_value(parse_fraction, args.fee_rate, "--fee-rate") or Decimal(0),
    )
    terms = options_checked(
        LoanTerms,
        borrowed_on=borrowed_on,
        principal_fen=option_value(parse_positive_yuan, args.principal, "--principal"),
        term_months=whole_number(args.term, "--term", 1, 360),
        method=option_value(RepaymentMethod.parse, args.method, "--method"),
        rate=rate,
        interest_basis=option_value(InterestBasis.parse, args.interest_basis, "--interest-basis"),
        fees=fees,
        interest_free_days=whole_number(args.interest_free_days, "--interest-free-days", 0, MAX_INTEREST_FREE_DAYS),
    )
    return terms, rate


def purpose_argument(args):
    """What ``--purpose`` names (other when not given)."""
    from jiebei_tracker.domain.vocabulary import LoanPurpose

    return option_value(LoanPurpose.parse, args.purpose, "--purpose") or LoanPurpose.OTHER
