"""The entry grid's item model: facilities × the columns of one catalog section.

Rows are the facilities of the loaded month; column 0 is the row's
completeness in the section and the others are ``catalog.columns(section)``
(variable × disaggregation option). The data lives in the shared
:class:`~app.ui.session.MonthSession`; this model only looks it up. Everything
``data()`` needs per row is precomputed on reset (the row's value dict, the
applicable-column flags), so a 10,000-row grid resets and paints without
building anything per call.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication

from app.models.catalog import Column
from app.models.facility import Facility
from app.models.messages import InputError
from app.models.percent import share_percent
from app.models.text import strip_accents
from app.models.validation import ERROR, worst
from app.models.values import DataValue, ValueChange, display_value

from .grid_cells import (
    CENTER,
    COMPLETENESS_ROLE,
    ERROR_BG,
    LEFT,
    MARK_COMMENT,
    MARK_FOLLOW_UP,
    MARK_PROVISIONAL,
    MARK_REJECTED,
    MARKS_ROLE,
    NOT_APPLICABLE_BG,
    NOT_APPLICABLE_FG,
    PAINT_ROLE,
    REJECTED_BG,
    REJECTED_FG,
    RIGHT,
    SEVERITY_ROLE,
    SORT_ROLE,
    WARNING_BG,
    CellError,
    CellErrors,
    GridRow,
    cell_tip,
    edit_text,
    facility_tip,
    header_label,
    header_tip,
)
from .month_index import FALLBACK_CATEGORY, CellKey
from .session import MonthSession


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
            header_tip(c, self._lang) for c in self._columns]
        self._aligns = [CENTER] + [
            LEFT if c.variable.unit in ("category", "yesno") else RIGHT for c in self._columns]

    def _build_rows(self) -> list[GridRow]:
        index = self._session.index
        if index is None:
            return []
        rows = []
        for position, fac in enumerate(index.month.facilities):
            category = index.categories.get(fac.clues) or FALLBACK_CATEGORY
            applies = self._applies_cache.get(category)
            if applies is None:
                applies = tuple(c.variable.applies(category) for c in self._columns)
                self._applies_cache[category] = applies
            search = index.search_text.get(fac.clues) or strip_accents(f"{fac.name} {fac.clues}").casefold()
            rows.append(GridRow(fac, position, index.units[fac.clues], applies,
                                (fac.type_code, fac.level, fac.municipality, search)))
        return rows

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
        """The names column's wanted size: the longest name, in bold (the current row's).

        Given as SizeHintRole, the header takes it instead of asking the style to measure
        200 sections' text on every layout after a reset (a fifth of the time between the
        month arriving and the grid being usable). Computed once per set of rows.
        """
        if self._name_size is None:
            font = QFont(QGuiApplication.font())
            font.setBold(True)
            metrics = QFontMetrics(font)
            widest = max((metrics.horizontalAdvance(row.facility.name) for row in self._rows), default=0)
            self._name_size = QSize(widest + 16, metrics.height() + 10)
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
        column = self._columns[col - 1]
        cell = self._cell_keys[col - 1]
        applies = row.applies[col - 1]
        stored = row.cells.get(cell)
        value = stored.value if stored is not None else None
        rejected = self._rejected.get((row.facility.clues, cell)) if self._rejected else None
        if role == Qt.ItemDataRole.DisplayRole:
            if rejected is not None:
                return rejected[0]
            return display_value(column.variable, value, self._lang) if value is not None else ""
        if role == Qt.ItemDataRole.EditRole:
            return rejected[0] if rejected is not None else edit_text(column, value, self._lang)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._aligns[col]
        if role == Qt.ItemDataRole.BackgroundRole:
            if rejected is not None:
                return REJECTED_BG
            if not applies:
                return NOT_APPLICABLE_BG
            severity = self._severity(row.facility.clues, cell)
            if severity is None:
                return None
            return ERROR_BG if severity == ERROR else WARNING_BG
        if role == Qt.ItemDataRole.ForegroundRole:
            if rejected is not None:
                return REJECTED_FG
            return None if applies else NOT_APPLICABLE_FG
        if role == Qt.ItemDataRole.FontRole:
            return self._italic if stored is not None and stored.provisional else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell_tip(self._session, row, column, stored, rejected, applies)
        if role == MARKS_ROLE:
            marks = MARK_REJECTED if rejected is not None else 0
            if stored is not None:
                marks |= (MARK_COMMENT if stored.comment else 0) | (
                    MARK_PROVISIONAL if stored.provisional else 0) | (
                    MARK_FOLLOW_UP if stored.follow_up else 0)
            return marks
        if role == SORT_ROLE:
            return value if applies else None
        if role == SEVERITY_ROLE:
            return self._severity(row.facility.clues, cell)
        if role == COMPLETENESS_ROLE:
            assert self._session.index is not None  # rows exist once the month is indexed
            return self._session.index.unit_completeness(row.facility.clues, self._section)
        return None

    def _paint_data(self, row: GridRow, col: int) -> tuple:
        """What the delegate draws for a cell, computed once (see PAINT_ROLE)."""
        if col == self.PROGRESS_COLUMN:
            assert self._session.index is not None  # rows exist once the month is indexed
            filled, expected = self._session.index.unit_completeness(row.facility.clues, self._section)
            text = f"{share_percent(filled, expected)} %" if expected else "—"
            return (text, None, None, CENTER, False, 0, (filled, expected))
        cell = self._cell_keys[col - 1]
        stored = row.cells.get(cell)
        rejected = self._rejected.get((row.facility.clues, cell)) if self._rejected else None
        marks = 0
        if rejected is not None:
            return (rejected[0], REJECTED_BG, REJECTED_FG, self._aligns[col], False, MARK_REJECTED, None)
        if not row.applies[col - 1]:
            return ("", NOT_APPLICABLE_BG, NOT_APPLICABLE_FG, self._aligns[col], False, 0, None)
        text = ""
        italic = False
        if stored is not None:
            if stored.value is not None:
                text = display_value(self._columns[col - 1].variable, stored.value, self._lang)
            italic = stored.provisional
            marks = (MARK_COMMENT if stored.comment else 0) | (MARK_PROVISIONAL if stored.provisional else 0) | (
                MARK_FOLLOW_UP if stored.follow_up else 0)
        severity = self._severity(row.facility.clues, cell)
        background = None if severity is None else (ERROR_BG if severity == ERROR else WARNING_BG)
        return (text, background, None, self._aligns[col], italic, marks, None)

    def _severity(self, clues: str, cell: CellKey) -> str | None:
        unit = self._session.index.issues.get(clues) if self._session.index else None
        found = unit.get(cell) if unit else None
        return worst(found) if found else None

    def _progress_data(self, row: GridRow, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, SORT_ROLE, COMPLETENESS_ROLE):
            assert self._session.index is not None  # rows exist once the month is indexed
            filled, expected = self._session.index.unit_completeness(row.facility.clues, self._section)
            if role == COMPLETENESS_ROLE:
                return (filled, expected)
            if role == SORT_ROLE:
                return filled / expected if expected else None
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("{0} de {1} celdas con dato en esta sección").format(filled, expected)
            if not expected:
                return "—"
            return f"{share_percent(filled, expected)} %"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return CENTER
        return None

    # -- editing ----------------------------------------------------------------------
    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """Parse and store one typed cell. A bad entry stores nothing and is shown in red."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row, col = index.row(), index.column()
        if not self.is_editable(row, col):
            return False
        text = "" if value is None else str(value)
        clues = self._rows[row].facility.clues
        cell = self._cell_keys[col - 1]
        try:
            self.set_texts([(row, col, text)], self.tr("Editar {0} de {1}").format(
                self._columns[col - 1].label(self._lang), self._rows[row].facility.name))
        except CellErrors as exc:
            reason = exc.errors[0].reason
            self._rejected[(clues, cell)] = (text, reason)
            self.dataChanged.emit(index, index)
            self.rejected_changed.emit(len(self._rejected))
            self.rejected.emit(f"{self._rows[row].facility.name} · {self._columns[col - 1].label(self._lang)}: {reason}")
            return False
        if self._rejected.pop((clues, cell), None) is not None:
            self.dataChanged.emit(index, index)
            self.rejected_changed.emit(len(self._rejected))
        return True

    def set_texts(self, cells: list[tuple[int, int, str]], description: str) -> int:
        """Store typed/pasted texts as ONE undo step; returns how many cells changed.

        All or nothing: raises :class:`CellErrors` listing every cell that cannot
        take its text (not a number, not applicable, read-only...) and stores none.
        Cells whose value would not change are left out of the step.
        """
        session = self._session
        if cells and not self.is_ready():
            raise CellErrors([CellError(row, col, text, self.tr("el mes todavía se está cargando; espere un momento"))
                              for row, col, text in cells[:1]])
        changes: list[ValueChange] = []
        errors: list[CellError] = []
        for row, col, text in cells:
            if col < self.FIRST_VALUE_COLUMN or not self._rows[row].applies[col - 1]:
                if text.strip():
                    errors.append(CellError(row, col, text, self._not_enterable_reason(row, col)))
                continue
            if session.is_locked():
                errors.append(CellError(row, col, text, self.tr("el informe está cerrado; reábralo para editar")))
                continue
            variable, option = self._cell_keys[col - 1]
            key = session.key(self._rows[row].facility.clues, variable, option)
            try:
                change = session.check(ValueChange(key, text))
            except InputError as exc:
                errors.append(CellError(row, col, text, exc.message(self._lang)))
                continue
            stored = self._rows[row].cells.get((variable, option))
            if (stored.value if stored else None) != change.value:
                changes.append(change)
        if errors:
            raise CellErrors(errors)
        for row, col, _text in cells:
            self.clear_rejected(row, col)
        if changes:
            try:
                session.edit(changes, description)
            except InputError as exc:  # e.g. closed meanwhile
                raise CellErrors([CellError(cells[0][0], cells[0][1], cells[0][2], exc.message(self._lang))]) from exc
        return len(changes)

    def _not_enterable_reason(self, row: int, col: int) -> str:
        if col < self.FIRST_VALUE_COLUMN:
            return self.tr("la columna Avance se calcula, no se escribe")
        return self.tr("no aplica a este tipo de unidad")

    def clear_rejected(self, row: int, col: int) -> None:
        if col >= self.FIRST_VALUE_COLUMN and self._rejected.pop(
                (self._rows[row].facility.clues, self._cell_keys[col - 1]), None) is not None:
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
            self._rows.sort(key=lambda r: r.position, reverse=descending and column >= 0)
        else:
            keyed = [(self._sort_key(r, column), r) for r in self._rows]
            present = [p for p in keyed if p[0] is not None]
            missing = [p[1] for p in keyed if p[0] is None]
            present.sort(key=lambda p: p[0], reverse=descending)
            self._rows = [p[1] for p in present] + missing  # sin dato last either way
        self._reindex()

    def _sort_key(self, row: GridRow, column: int) -> Any:
        if column == self.PROGRESS_COLUMN:
            assert self._session.index is not None  # rows exist once the month is indexed
            filled, expected = self._session.index.unit_completeness(row.facility.clues, self._section)
            return filled / expected if expected else None
        if not row.applies[column - 1]:
            return None
        stored = row.cells.get(self._cell_keys[column - 1])
        value = stored.value if stored is not None else None
        return value if not isinstance(value, str) else value.casefold()

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
        rows = sorted({self._row_of[k.org_unit] for k in keys if k.org_unit in self._row_of})
        last = self.columnCount() - 1
        # Issues and completeness belong to the whole row, so repaint whole rows, in runs.
        start = prev = None
        for row in rows + [None]:
            # prev is a row (not None) whenever start is set: mypy cannot follow that.
            if start is not None and (row is None or row != prev + 1):  # type: ignore[operator]
                self.dataChanged.emit(self.index(start, 0), self.index(prev, last))  # type: ignore[arg-type]
                start = None
            if row is not None and start is None:
                start = row
            prev = row

    def _on_status_changed(self, _status: str) -> None:
        if self._rows:
            # Editability changed for every cell.
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))
