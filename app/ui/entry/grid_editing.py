"""Typed and pasted text into the month: checked cell by cell, stored as one undo step.

Kept apart from the item model: the model shows cells, this decides whether a text may
be stored and why not. It goes through the model's public accessors only.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject

from app.models.catalog import Column
from app.models.facility import Facility
from app.models.messages import InputError
from app.models.values import DataValue, ValueChange
from app.ui.entry.grid_cells import CellError, CellErrors
from app.ui.entry.session import MonthSession


class EditableGrid(Protocol):
    """What the editing needs of the grid model (a protocol: the model imports this module)."""

    @property
    def session(self) -> MonthSession: ...
    def is_ready(self) -> bool: ...
    def is_editable(self, row: int, col: int) -> bool: ...
    def applies(self, row: int, col: int) -> bool: ...
    def column(self, col: int) -> Column | None: ...
    def facility(self, row: int) -> Facility: ...
    def stored(self, row: int, col: int) -> DataValue | None: ...
    def mark_rejected(self, row: int, col: int, text: str, reason: str) -> None: ...
    def clear_rejected(self, row: int, col: int) -> None: ...


class GridEditing(QObject):
    """The grid model's write side."""

    def __init__(self, model: EditableGrid, parent: QObject) -> None:
        super().__init__(parent)
        self._model = model

    def set_one(self, row: int, col: int, text: str) -> bool:
        """Store one typed cell; a refused text stays on screen in red and nothing is stored."""
        model = self._model
        if not model.is_editable(row, col):
            return False
        column = model.column(col)
        assert column is not None  # editable cells are value cells
        try:
            self.set_texts(
                [(row, col, text)],
                self.tr("Editar {0} de {1}").format(column.label(model.session.lang), model.facility(row).name),
            )
        except CellErrors as exc:
            model.mark_rejected(row, col, text, exc.errors[0].reason)
            return False
        model.clear_rejected(row, col)
        return True

    def set_texts(self, cells: list[tuple[int, int, str]], description: str) -> int:
        """Store texts as ONE undo step; returns how many cells changed.

        All or nothing: raises :class:`CellErrors` listing every cell that cannot take its
        text (not a number, not applicable, read-only...) and stores none. Cells whose
        value would not change are left out of the step.
        """
        model, session = self._model, self._model.session
        lang = session.lang
        if cells and not model.is_ready():
            raise CellErrors(
                [
                    CellError(row, col, text, self.tr("el mes todavía se está cargando; espere un momento"))
                    for row, col, text in cells[:1]
                ]
            )
        changes: list[ValueChange] = []
        errors: list[CellError] = []
        for row, col, text in cells:
            column = model.column(col)
            if column is None or not model.applies(row, col):
                if text.strip():
                    errors.append(CellError(row, col, text, self._not_enterable_reason(column is None)))
                continue
            if session.is_locked():
                errors.append(CellError(row, col, text, self.tr("el informe está cerrado; reábralo para editar")))
                continue
            key = session.key(model.facility(row).clues, *column.key)
            try:
                change = session.check(ValueChange(key, text))
            except InputError as exc:
                errors.append(CellError(row, col, text, exc.message(lang)))
                continue
            stored = model.stored(row, col)
            if (stored.value if stored else None) != change.value:
                changes.append(change)
        if errors:
            raise CellErrors(errors)
        for row, col, _text in cells:
            model.clear_rejected(row, col)
        if changes:
            try:
                session.edit(changes, description)
            except InputError as exc:  # e.g. closed meanwhile
                raise CellErrors([CellError(cells[0][0], cells[0][1], cells[0][2], exc.message(lang))]) from exc
        return len(changes)

    def _not_enterable_reason(self, computed_column: bool) -> str:
        if computed_column:
            return self.tr("la columna Avance se calcula, no se escribe")
        return self.tr("no aplica a este tipo de unidad")
