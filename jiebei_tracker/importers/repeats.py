"""Texts that come back later in a file (a loan id, an order number used twice), found without holding every
text of a file of millions of rows: each is kept as a 128-bit hash with its row, and the repeats are found at the
end by sorting the hashes."""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from hashlib import blake2b

import numpy as np


@dataclass(frozen=True, slots=True)
class Repeat:
    """A row whose text an earlier row of the file already has: its number among the rows, its line, and the
    line of the first row with that text."""

    ordinal: int
    line: int
    first_line: int


@dataclass
class Repeats:
    """24 bytes a row (a hash, the row's number and line). Two different texts share a hash with a chance of
    about 10⁻²⁶ in a file of millions of rows."""

    _hashes: bytearray = field(default_factory=bytearray)
    _ordinals: array = field(default_factory=lambda: array("I"))
    _lines: array = field(default_factory=lambda: array("I"))

    def add(self, text: str, *, ordinal: int, line: int) -> None:
        self._hashes += blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        self._ordinals.append(ordinal)
        self._lines.append(line)

    def found(self) -> Iterator[Repeat]:
        """Each row whose text came earlier, in no particular order; the first row with a text is not one."""
        if len(self._ordinals) < 2:
            return
        halves = np.frombuffer(self._hashes, dtype="<u8").reshape(-1, 2)
        ordinals = np.frombuffer(self._ordinals, dtype=np.uint32)
        order = np.lexsort((ordinals, halves[:, 1], halves[:, 0]))  # by hash, then by row: first row first
        ordered = halves[order]
        same = np.flatnonzero((ordered[1:] == ordered[:-1]).all(axis=1))
        del ordered, halves
        first, previous = 0, -2
        for position in same.tolist():
            if position != previous + 1:  # a new run of one text: its first row is at ``position``
                first = int(order[position])
            previous = position
            row = int(order[position + 1])
            yield Repeat(self._ordinals[row], self._lines[row], self._lines[first])
