"""The entry grid's item model: facilities × the columns of one catalog section.

Rows are the facilities of the loaded month; column 0 is the row's
completeness in the section and the others are ``catalog.columns(section)``
(variable × disaggregation option). The data lives in the shared
:class:`~app.ui.entry.session.MonthSession`; this model only looks it up. Everything
``data()`` needs per row is precomputed on reset (the row's value dict, the
applicable-column flags), so a 10,000-row grid resets and paints without
building anything per call.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QFont

from app.models.catalog import Column
from app.models.facility import Facility
from app.models.validation import worst
from app.models.values import DataValue
from app.ui.entry import grid_rows
from app.ui.entry.grid_cells import (
    CENTER,
    COMPLETENESS_ROLE,
    LEFT,
    PAINT_ROLE,
    RIGHT,
    SEVERITY_ROLE,
    SORT_ROLE,
    GridRow,
    cell_tip,
    edit_text,
    facility_tip,
    header_label,
    header_tip,
)
from app.ui.entry.grid_editing import GridEditing
from app.ui.entry.month_index import CellKey
from app.ui.entry.session import MonthSession


class MonthGridModel(QAbstractTableModel):
    """Facilities × section columns of the session's month."""

    rejected = Signal(str)  # "Unidad · Columna: reason" of a refused cell, for the status bar
    #: How many cells hold refused text ("No guardado"), each time that number changes:
    #: the save indicator must not say "Guardado" while any is on screen.
    rejected_changed = Signal(int)

    PROGRESS_COLUMN = 0
    FIRST_VALUE_COLUMN = 1

    def __init__(self, session: MonthSession, section: str | None = None, parent: Any = None):
        super().__init__(parent)
        self._session = session
        self._lang = session.lang
        self._section = section or session.catalog.sections[0].code
        self._columns: list[Column] = []
        self._cell_keys: list[CellKey] = []
        self._headers: list[str] = []
        self._header_tips: list[str] = []
        self._aligns: list[int] = []
        self._rows: list[GridRow] = []
        self._row_of: dict[str, int] = {}
        self._rejected: dict[tuple[str, CellKey], tuple[str, str]] = {}
        self._applies_cache: dict[str, tuple[bool, ...]] = {}
        self._italic = QFont()
        self._italic.setItalic(True)
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self._name_size: QSize | None = None  # see _name_hint
        self._editing = GridEditing(self, self)
        self._build_columns()
        session.loaded.connect(self.sync)
        session.values_changed.connect(self._on_values_changed)
        session.issues_changed.connect(self._repaint_rows)
        session.status_changed.connect(self._on_status_changed)
        self._shown = session.index  # the MonthIndex the rows were built from
        if session.index is not None:
            self._rows = self._build_rows()
            self._reindex()

    # -- structure --------------------------------------------------------------------
    @property
    def section(self) -> str:
        return self._section

    @property
    def session(self) -> MonthSession:
        return self._session

    def set_section(self, section: str) -> None:
        """Show the columns of another section (rows, sort and rejected cells stay)."""
        if section == self._section:
            return
        self.beginResetModel()
        self._section = section
        self._sort = (-1, Qt.SortOrder.AscendingOrder)  # column numbers mean other things now
        self._build_columns()
        self._rows = self._build_rows()
        self._apply_sort(*self._sort)
        self.endResetModel()

    def _build_columns(self) -> None:
        self._columns = self._session.catalog.columns(self._section)
        self._cell_keys = [c.key for c in self._columns]
        self._applies_cache.clear()
        self._headers = [self.tr("Avance")] + [header_label(c, self._lang) for c in self._columns]
        self._header_tips = [self.tr("Celdas con dato de la unidad en esta sección")] + [
            header_tip(c, self._lang) for c in self._columns
        ]
        self._aligns = [CENTER] + [LEFT if c.variable.unit in ("category", "yesno") else RIGHT for c in self._columns]

    def _build_rows(self) -> list[GridRow]:
        index = self._session.index
        return grid_rows.build_rows(index, self._columns, self._applies_cache) if index is not None else []

    def _reindex(self) -> None:
        self._row_of = {row.facility.clues: i for i, row in enumerate(self._rows)}

    # -- accessors --------------------------------------------------------------------
    def facility(self, row: int) -> Facility:
        return self._rows[row].facility

    def row_of(self, clues: str) -> int:
        """Source row of a facility, or -1."""
        return self._row_of.get(clues, -1)

    def column(self, col: int) -> Column | None:
        """The catalog column shown at ``col`` (None for the completeness column)."""
        return self._columns[col - 1] if col >= self.FIRST_VALUE_COLUMN else None

    def value_column(self, variable: str, option: str = "") -> int:
        """Model column of a (variable, option) cell, or -1 when not in this section."""
        try:
            return self._cell_keys.index((variable, option)) + 1
        except ValueError:
            return -1

    def filter_key(self, row: int) -> tuple[str, int, str, str]:
        return self._rows[row].filter_key

    def applies(self, row: int, col: int) -> bool:
        return col >= self.FIRST_VALUE_COLUMN and self._rows[row].applies[col - 1]

    def is_ready(self) -> bool:
        """Whether the rows are the session's loaded month, so a typed cell can be stored.

        False while a month loads (and until this model has shown it): an edit then
        would be written into rows that are about to be replaced.
        """
        session = self._session
        return session.index is not None and self._shown is session.index and not session.is_loading()

    def is_editable(self, row: int, col: int) -> bool:
        return self.applies(row, col) and not self._session.is_locked() and self.is_ready()

    def stored(self, row: int, col: int) -> DataValue | None:
        if col < self.FIRST_VALUE_COLUMN:
            return None
        return self._rows[row].cells.get(self._cell_keys[col - 1])

    def cell_text(self, row: int, col: int) -> str:
        """What a copy of the cell puts on the clipboard."""
        if col < self.FIRST_VALUE_COLUMN:
            return str(self.data(self.index(row, col)) or "")
        stored = self.stored(row, col)
        return edit_text(self._columns[col - 1], stored.value if stored else None, self._lang)

    def rejected_count(self) -> int:
        """How many cells (of every section) hold text that was refused and not stored."""
        return len(self._rejected)

    def rejected_cells(self) -> list[tuple[str, CellKey, str, str]]:
        """(org unit, (variable, option), typed text, reason) of every refused cell."""
        return [(clues, cell, text, reason) for (clues, cell), (text, reason) in self._rejected.items()]

    def rejected_at(self, clues: str, cell: CellKey) -> tuple[str, str] | None:
        """(typed text, reason) of a refused cell named by org unit and column key."""
        return self._rejected.get((clues, cell))

    def rejected_text(self, row: int, col: int) -> tuple[str, str] | None:
        """(typed text, reason) of a refused cell, or None."""
        if col < self.FIRST_VALUE_COLUMN:
            return None
        return self._rejected.get((self._rows[row].facility.clues, self._cell_keys[col - 1]))

    # -- Qt model API -----------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._columns) + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self._headers):
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._header_tips[section]
            return None
        if not 0 <= section < len(self._rows):
            return None
        fac = self._rows[section].facility
        if role == Qt.ItemDataRole.DisplayRole:
            return fac.name
        if role == Qt.ItemDataRole.SizeHintRole:
            return self._name_hint()
        if role == Qt.ItemDataRole.ToolTipRole:
            return facility_tip(self._session.catalog, fac, self._lang)
        return None

    def _name_hint(self) -> QSize:
        if self._name_size is None:  # once per set of rows (see names_size)
            self._name_size = grid_rows.names_size(self._rows)
        return self._name_size

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.is_editable(index.row(), index.column()):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == PAINT_ROLE:
            return self._paint_data(row, col)
        if col == self.PROGRESS_COLUMN:
            return self._progress_data(row, role)
        cell = self._cell_keys[col - 1]
        if role == SEVERITY_ROLE:
            return self._severity(row.facility.clues, cell)
        if role == COMPLETENESS_ROLE:
            return self._completeness(row)
        rejected = self._rejected.get((row.facility.clues, cell)) if self._rejected else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell_tip(
                self._session, row, self._columns[col - 1], row.cells.get(cell), rejected, row.applies[col - 1]
            )
        return grid_rows.value_cell_data(
            role,
            row,
            col - 1,
            self._columns[col - 1],
            rejected,
            lambda: self._severity(row.facility.clues, cell),
            self._aligns[col],
            self._italic,
            self._lang,
        )

    def _paint_data(self, row: GridRow, col: int) -> tuple:
        """What the delegate draws for a cell, computed once (see PAINT_ROLE)."""
        if col == self.PROGRESS_COLUMN:
            filled, expected = self._completeness(row)
            return (grid_rows.progress_text(filled, expected), None, None, CENTER, False, 0, (filled, expected))
        cell = self._cell_keys[col - 1]
        rejected = self._rejected.get((row.facility.clues, cell)) if self._rejected else None
        severity = None if rejected is not None else self._severity(row.facility.clues, cell)
        return grid_rows.paint_value_cell(
            row, col - 1, self._columns[col - 1], rejected, severity, self._aligns[col], self._lang
        )

    def _completeness(self, row: GridRow) -> tuple[int, int]:
        """(filled, expected) cells of the row's facility in this section."""
        index = self._session.index
        assert index is not None  # rows exist only once the month is indexed
        return index.unit_completeness(row.facility.clues, self._section)

    def _severity(self, clues: str, cell: CellKey) -> str | None:
        unit = self._session.index.issues.get(clues) if self._session.index else None
        found = unit.get(cell) if unit else None
        return worst(found) if found else None

    def _progress_data(self, row: GridRow, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, SORT_ROLE, COMPLETENESS_ROLE):
            filled, expected = self._completeness(row)
            if role == COMPLETENESS_ROLE:
                return (filled, expected)
            if role == SORT_ROLE:
                return self._progress_key(row)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("{0} de {1} celdas con dato en esta sección").format(filled, expected)
            return grid_rows.progress_text(filled, expected)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return CENTER
        return None

    # -- editing (the checks live in GridEditing) ----------------------------------------
    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:  # noqa: N802
        """Parse and store one typed cell. A bad entry stores nothing and is shown in red."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        return self._editing.set_one(index.row(), index.column(), "" if value is None else str(value))

    def set_texts(self, cells: list[tuple[int, int, str]], description: str) -> int:
        """Store typed/pasted texts as ONE undo step; returns how many cells changed.

        All or nothing: raises :class:`CellErrors` listing every cell that cannot
        take its text (not a number, not applicable, read-only...) and stores none.
        """
        return self._editing.set_texts(cells, description)

    def mark_rejected(self, row: int, col: int, text: str, reason: str) -> None:
        """Keep refused ``text`` on screen, in red, with its ``reason`` (nothing is stored)."""
        facility, column = self._rows[row].facility, self._columns[col - 1]
        self._rejected[(facility.clues, self._cell_keys[col - 1])] = (text, reason)
        index = self.index(row, col)
        self.dataChanged.emit(index, index)
        self.rejected_changed.emit(len(self._rejected))
        self.rejected.emit(f"{facility.name} · {column.label(self._lang)}: {reason}")

    def clear_rejected(self, row: int, col: int) -> None:
        if (
            col >= self.FIRST_VALUE_COLUMN
            and self._rejected.pop((self._rows[row].facility.clues, self._cell_keys[col - 1]), None) is not None
        ):
            index = self.index(row, col)
            self.dataChanged.emit(index, index)
            self.rejected_changed.emit(len(self._rejected))

    # -- sorting ----------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort rows by value (numbers as numbers); sin dato always last; -1: by name."""
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old_rows = list(self._rows)
        self._apply_sort(column, order)
        new_place = {id(row): i for i, row in enumerate(self._rows)}
        persistent = self.persistentIndexList()
        moved = [self.index(new_place[id(old_rows[p.row()])], p.column()) for p in persistent]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _apply_sort(self, column: int, order: Qt.SortOrder) -> None:
        descending = order == Qt.SortOrder.DescendingOrder
        if column < 0 or column >= self.columnCount():
            self._rows = grid_rows.sorted_rows(self._rows, None, descending and column >= 0)
        elif column == self.PROGRESS_COLUMN:
            self._rows = grid_rows.sorted_rows(self._rows, self._progress_key, descending)
        else:
            self._rows = grid_rows.sorted_rows(
                self._rows, lambda r: grid_rows.value_sort_key(r, column, self._cell_keys), descending
            )
        self._reindex()

    def _progress_key(self, row: GridRow) -> float | None:
        filled, expected = self._completeness(row)
        return filled / expected if expected else None

    # -- keeping current --------------------------------------------------------------
    def sync(self) -> None:
        """Show the session's loaded month if the rows are still an older one (else nothing).

        Runs on ``session.loaded``, and first thing in the entry page's own reaction to
        it, so whichever slot runs first the rows are the new month before anyone uses them.
        """
        if self._shown is self._session.index:
            return
        self.beginResetModel()
        self._shown = self._session.index
        had_rejected = bool(self._rejected)
        self._rejected.clear()
        self._rows = self._build_rows()
        self._name_size = None
        self._apply_sort(*self._sort)
        self.endResetModel()
        if had_rejected:
            self.rejected_changed.emit(0)

    def _on_values_changed(self, keys: list) -> None:
        before = len(self._rejected)
        for key in keys:
            self._rejected.pop((key.org_unit, (key.variable, key.disaggregation)), None)
        if len(self._rejected) != before:
            self.rejected_changed.emit(len(self._rejected))
        self._repaint_rows(keys)

    def _repaint_rows(self, keys: list) -> None:
        """Repaint the rows of ``keys``' org units (refused text on screen stays as it is)."""
        last = self.columnCount() - 1
        # Issues and completeness belong to the whole row, so repaint whole rows, in runs.
        for first, final in grid_rows.row_runs(self._row_of[k.org_unit] for k in keys if k.org_unit in self._row_of):
            self.dataChanged.emit(self.index(first, 0), self.index(final, last))

    def _on_status_changed(self, _status: str) -> None:
        if self._rows:
            # Editability changed for every cell.
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))
