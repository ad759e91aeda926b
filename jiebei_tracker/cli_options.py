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
