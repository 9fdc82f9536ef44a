"""Work-arounds for defects of the Qt binding that would otherwise crash Coordina.

PySide6 6.12's ``SignalInstance.emit()`` returns ``True`` without taking a new
reference, so every ``signal.emit(...)`` made from Python takes one reference
away from the ``True`` singleton. On Python 3.11, where ``True`` is not yet
immortal, the interpreter aborts ("bool_dealloc: deallocating True or False")
after a few thousand emits: a long import reporting progress, or a long day of
typing, would kill the app and whatever it had not yet stored. Python 3.12+
makes the bool singletons immortal, which is also the cure here.
"""

from __future__ import annotations

import ctypes
import sys

_APPLIED = False
#: Far more emits than a process can make, and far below Py_ssize_t's limit.
_RESERVE = 1 << 48


def protect_bool_singletons() -> None:
    """Give True and False a reserve of references so lost ones can never free them."""
    global _APPLIED
    if _APPLIED or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for singleton in (True, False):
        # ob_refcnt is the first field of every CPython object (Py_ssize_t).
        ctypes.c_ssize_t.from_address(id(singleton)).value += _RESERVE
    _APPLIED = True
