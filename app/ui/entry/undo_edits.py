"""The month's undo steps: one command per person's action, and what puts cells back.

A command's redo/undo hand their changes to the session, which applies them on screen
at once and stores them on the database thread (:meth:`MonthSession._perform`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtGui import QUndoCommand

from app.models.values import DataValue, ValueChange, ValueKey


class Performer(Protocol):
    """The session as its commands see it (a protocol: the session imports this module)."""

    def _perform(self, command: EditCommand, changes: Sequence[ValueChange]) -> None: ...


#: What a person sees of a stored cell (metadata such as who and when aside).
_FIELDS = ("value", "comment", "provisional", "follow_up")


def same_content(a: DataValue | None, b: DataValue | None) -> bool:
    """Whether two stored states look the same to a person (metadata aside)."""
    blank = DataValue(ValueKey("", "", ""), None)
    a, b = a or blank, b or blank
    return all(getattr(a, name) == getattr(b, name) for name in _FIELDS)


def _restore_change(key: ValueKey, value: DataValue | None) -> ValueChange:
    """A change that puts a cell back exactly as ``value`` (None: never stored)."""
    if value is None:
        return ValueChange(key, None, "", False, False)
    return ValueChange(key, value.value, value.comment, value.provisional, value.follow_up)


class EditCommand(QUndoCommand):
    """One person's action (a typed cell, a paste, a cleared block) on the undo stack."""

    def __init__(
        self, session: Performer, changes: list[ValueChange], before: dict[ValueKey, DataValue | None], text: str
    ):
        super().__init__(text)
        self._session = session
        self._changes = changes
        self._restores = [_restore_change(key, value) for key, value in before.items()]

    def redo(self) -> None:
        self._session._perform(self, self._changes)

    def undo(self) -> None:
        self._session._perform(self, self._restores)
