"""The error a user's own bad value raises, naming the field and the value."""

from __future__ import annotations


class InvalidValue(ValueError):
    """A value the user gave that cannot be used; ``field`` and ``value`` say which, ``reason`` why."""

    def __init__(self, field: str, value: object, reason: str) -> None:
        self.field = field
        self.value = value
        self.reason = reason
        super().__init__(f"{field}: {value!r}: {reason}")

    def with_field(self, field: str) -> InvalidValue:
        """The same complaint, reported against another field name (e.g. a CLI option)."""
        return InvalidValue(field, self.value, self.reason)
