"""pyqtgraph chart widgets fed plain series from the services.

Importing the package also guards against a binding bug seen with PySide6/shiboken6 6.12.0 on Python 3.11:
every call to a Qt method returning ``void`` (or ``bool``) drops one reference to ``None`` (or ``True`` /
``False``) that it never took — the bindings assume the immortal singletons of Python 3.12. A fresh
interpreter dies with "Fatal Python error: none_dealloc" after about five thousand such calls, and pyqtgraph
makes that many in a few redraws. When the leak is detected, the singletons get a reference count so large
the missing references can never bring it to zero (what Python 3.12 does for them). The real fix is
Python ≥ 3.12 or a PySide6 without the bug; the check below turns itself off then.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtGui import QColor

# 2**40 calls at a million a second is twelve days of non-stop drawing per unit of headroom lost; plenty.
_HEADROOM = 1 << 40
_SINGLETONS = (None, True, False)


def _void_calls_drop_references() -> bool:
    colour = QColor()
    before = sys.getrefcount(None)
    for _ in range(8):
        colour.setAlpha(255)
    return sys.getrefcount(None) < before


def _guard_singletons() -> None:
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return  # immortal there: nothing can be dropped
    if not _void_calls_drop_references():
        return
    for singleton in _SINGLETONS:
        # ob_refcnt is the first field of every CPython object.
        ctypes.c_ssize_t.from_address(id(singleton)).value += _HEADROOM


_guard_singletons()
