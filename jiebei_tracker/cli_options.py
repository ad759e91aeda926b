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


def whole_number(text: str, field: str, low: int, high: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise InvalidValue(field, text, "not a whole number") from None
    if not low <= value <= high:
        raise InvalidValue(field, text, f"must be {low} to {high}")
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
