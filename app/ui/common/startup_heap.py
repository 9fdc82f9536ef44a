"""The objects made while Coordina starts, kept out of the garbage collector's full passes.

Start-up leaves ~300,000 long-lived objects behind (modules, classes, Qt wrappers, the
catalog). Python's full collection walks all of them, and the first one fell on the month
being indexed on the way to a usable grid: 25–30 ms of the ~35 ms the index took (issue 12).
:func:`gc.freeze` moves what exists now to a permanent generation that collections skip; it
stays reachable as before, and objects made later are collected as usual.
"""

from __future__ import annotations

import gc

_frozen = False


def freeze_startup_objects() -> None:
    """Freeze the objects that exist now, once per process (later calls do nothing).

    Once: a process that builds a second main window (the tests do, hundreds of times)
    would otherwise freeze the first window's garbage too, which then never goes away.
    """
    global _frozen
    if not _frozen:
        _frozen = True
        gc.freeze()
