"""Filtering the entry grid by facility type, level, municipality and free text.

:meth:`GridFilterProxy.filterAcceptsRow` is O(1): it compares the row's key
precomputed by :class:`~app.ui.entry.grid_model.MonthGridModel` (type, level,
municipality, accent-free lower-case "name CLUES"), so re-filtering 10,000
rows costs one cheap call per row.

Sorting is delegated to the source model, which sorts its row list once with
Python's sort on numeric keys. A proxy-side sort would call ``data()`` from C++
for every comparison and again on every filter change, which is what makes big
sorted grids sluggish.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from app.models.text import strip_accents
from app.ui.entry.grid_model import MonthGridModel


class GridFilterProxy(QSortFilterProxyModel):
    """Shows the grid rows that match every active filter."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._grid: MonthGridModel | None = None
        self._type: str | None = None
        self._level: int | None = None
        self._municipality: str | None = None
        self._needle = ""

    def setSourceModel(self, model: MonthGridModel) -> None:  # type: ignore[override]  # noqa: N802 - only ever the month grid
        self._grid = model
        super().setSourceModel(model)

    def grid(self) -> MonthGridModel:
        assert self._grid is not None
        return self._grid

    # -- filters ----------------------------------------------------------------------
    def set_filters(
        self, type_code: str | None = None, level: int | None = None, municipality: str | None = None, text: str = ""
    ) -> None:
        """Replace every filter at once (None or "" means "all") and re-filter once."""
        needle = strip_accents(text.strip()).casefold()
        if (type_code, level, municipality, needle) == (self._type, self._level, self._municipality, self._needle):
            return
        self.beginFilterChange()
        self._type, self._level, self._municipality, self._needle = (type_code, level, municipality, needle)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_type(self, type_code: str | None) -> None:
        self.set_filters(type_code, self._level, self._municipality, self._needle)

    def set_text(self, text: str) -> None:
        self.set_filters(self._type, self._level, self._municipality, text)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        assert self._grid is not None  # Qt filters only once a source model is set
        type_code, level, municipality, search = self._grid.filter_key(source_row)
        return (
            (self._type is None or type_code == self._type)
            and (self._level is None or level == self._level)
            and (self._municipality is None or municipality == self._municipality)
            and (not self._needle or self._needle in search)
        )

    # -- sorting ----------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort through the source model (see the module docstring)."""
        if self._grid is not None:
            self._grid.sort(column, order)
