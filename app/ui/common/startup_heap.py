"""The objects made while Coordina starts, kept out of the garbage collector's way.

Start-up leaves ~300,000 long-lived objects behind (modules, classes, Qt wrappers, the
catalog) and frees almost nothing on the way. Left alone, Python's collector walks them
again and again: ~120 young and ~10 middle collections, ~25 ms before the grid is usable,
and the first full collection fell on the month being indexed (25–30 ms of the ~35 ms the
index took; issue 12). So the first window of a process:

- holds the collector from the moment it starts being built (:func:`hold_collection`);
- freezes what exists once its entry page is built (:func:`freeze_startup_objects`): a
  permanent generation that collections skip, still reachable and still freed by reference
  counting as before;
- lets the collector run again once the first month is on screen, or when there is none
  to show (:func:`release_collection`). Only reference cycles wait, and for under a second.
"""

from __future__ import annotations

import gc

_frozen = False
_held = False


def hold_collection() -> None:
    """Pause the cyclic collector for the first window's start (later calls do nothing)."""
    global _held
    if not _frozen and not _held and gc.isenabled():
        _held = True
        gc.disable()


def freeze_startup_objects() -> None:
    """Freeze the objects that exist now, once per process (later calls do nothing).

    Once: a process that builds a second main window (the tests do, hundreds of times)
    would otherwise freeze the first window's garbage too, which then never goes away.
    """
    global _frozen
    if not _frozen:
        _frozen = True
        gc.freeze()


def release_collection() -> None:
    """Let the collector run again if :func:`hold_collection` paused it (idempotent)."""
    global _held
    if _held:
        _held = False
        gc.enable()
