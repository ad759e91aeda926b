"""The installed Qt bindings keep Python's reference counts: PySide6 6.12.0 under Python 3.11 drops a
reference to None on every void call and the interpreter aborts after a few thousand (pyproject excludes it)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor


def test_void_and_bool_calls_keep_the_singletons_reference_counts():
    colour, thing = QColor(), QObject()
    before = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(200):
        colour.setAlpha(255)
        thing.setObjectName("x")
        thing.blockSignals(False)
    after = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    assert [a - b for a, b in zip(after, before, strict=True)] == [0, 0, 0]
