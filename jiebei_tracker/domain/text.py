"""Text the user gives (platform names, notes, loan numbers): no invisible control characters, names trimmed.

Control characters make a name look like another one (``借\\x00呗`` shows as ``借呗`` but is a different platform),
move the terminal's cursor (escape sequences) or turn the text around on screen (right-to-left overrides), so none
is stored: NUL and the rest of C0 (notes may keep tab and line breaks), DEL, C1 (U+0080–U+009F) and the bidi
controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C).
"""

from __future__ import annotations

import re

from jiebei_tracker.domain.errors import InvalidValue

_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_CONTROL = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}]")
_CONTROL_IN_NOTE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")  # tab and line feed allowed


class ControlCharacter(InvalidValue):
    """Text holding a control character; ``character`` is it, written as an escape (``\\x00``)."""

    def __init__(self, field: str, value: object, character: str) -> None:
        super().__init__(field, value, f"contains a control character ({character})")
        self.character = character

    def with_field(self, field: str) -> ControlCharacter:
        return ControlCharacter(field, self.value, self.character)


def escaped(character: str) -> str:
    r"""A character as an escape people can read in a message: ``\x00``, ``\x1b``, ``\u202e``."""
    return repr(character)[1:-1] if len(repr(character)) > 3 else f"\\x{ord(character):02x}"


def control_character(text: str, *, note: bool = False) -> str | None:
    """The first control character of ``text`` (tab and line feed are allowed in a ``note``), or None."""
    found = (_CONTROL_IN_NOTE if note else _CONTROL).search(text)
    return found.group() if found else None


def _refuse_controls(text: str, field: str, *, note: bool) -> None:
    character = control_character(text, note=note)
    if character is not None:
        raise ControlCharacter(field, text, escaped(character))


def clean_name(text: str, field: str = "platform") -> str:
    """A name (a platform's): refused when it holds a control character or is only whitespace (full-width space
    U+3000 included); returned trimmed, as it is stored."""
    _refuse_controls(text, field, note=False)
    name = text.strip()
    if not name:
        raise InvalidValue(field, text, "name the platform (e.g. 借呗)")
    return name


def clean_line(text: str, field: str) -> str:
    """One line of optional text (a loan number): refused when it holds a control character; returned trimmed."""
    _refuse_controls(text, field, note=False)
    return text.strip()


def clean_note(text: str, field: str = "note") -> str:
    """Free text (a note, a credit-report note's text): tab and line breaks are kept (a Windows line break
    becomes a plain one), any other control character is refused. Returned otherwise as given."""
    text = text.replace("\r\n", "\n")
    _refuse_controls(text, field, note=True)
    return text


def printable(text: str, *, one_line: bool = False) -> str:
    r"""``text`` with its control characters and bidi marks written as escapes, for a terminal: ``\x1b[31m``
    cannot colour it, ``\u202e`` cannot turn it around. Tab and line feed stay, unless ``one_line`` (a table
    cell), where they become ``\t`` and ``\n``. Escapes past C0 use the ``\uXXXX`` form (``\u007f``,
    ``\u0085``, ``\u202e``), which inside a JSON string means the same character: JSON text stays exact."""
    return (_CONTROL if one_line else _CONTROL_IN_NOTE).sub(_escape, text)


def _escape(found: re.Match[str]) -> str:
    character = found.group()
    return escaped(character) if character < " " else f"\\u{ord(character):04x}"
