"""What the CLI prints goes through here: control characters and bidi marks in the user's text come out escaped.

A platform name or a note may hold ``\\x1b[31m`` (from an older version, or a file imported before text was
checked): printed raw it would colour the terminal, move its cursor or, with ``\\u202e``, turn a line around.
Every command writes to ``sys.stdout`` / ``sys.stderr`` (or ``context.out``, the same stream), so wrapping those
two streams covers them all, messages naming a file's cell included. ``--json`` goes through the same writer and
stays exact JSON: ``json.dump`` already escapes C0 characters itself, and the others come out as ``\\uXXXX``,
which a JSON reader turns back into the very same character (see ``printable``).
"""

from __future__ import annotations

import contextlib
import sys
import unicodedata
from collections.abc import Iterator
from typing import TextIO

from jiebei_tracker.domain.text import printable


class PrintableStream:
    """A text stream that writes ``printable(text)`` to the stream it wraps; everything else is that stream's."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(printable(text))

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def display_width(text: str) -> int:
    """Columns a string takes in a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


@contextlib.contextmanager
def printable_output() -> Iterator[None]:
    """Escape what is printed on stdout and stderr until the block ends (a missing stream, as under pythonw, is
    left alone)."""
    saved = sys.stdout, sys.stderr
    if sys.stdout is not None:
        sys.stdout = PrintableStream(sys.stdout)
    if sys.stderr is not None:
        sys.stderr = PrintableStream(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
