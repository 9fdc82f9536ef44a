"""The entry grid's rows: built from the month's index, sorted, repainted in runs, painted.

Plain functions over :class:`~app.ui.entry.grid_cells.GridRow` lists, kept out of the item
model so the model holds Qt's side (roles, signals, resets) and this the row logic.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication

from app.models.catalog import Column
from app.models.percent import share_percent
from app.models.text import strip_accents
from app.models.validation import ERROR
from app.models.values import display_value
from app.ui.entry.grid_cells import (
    ERROR_BG,
    MARK_COMMENT,
    MARK_FOLLOW_UP,
    MARK_PROVISIONAL,
    MARK_REJECTED,
    MARKS_ROLE,
    NOT_APPLICABLE_BG,
    NOT_APPLICABLE_FG,
    REJECTED_BG,
    REJECTED_FG,
    SORT_ROLE,
    WARNING_BG,
    GridRow,
    edit_text,
)
from app.ui.entry.month_index import FALLBACK_CATEGORY, CellKey, MonthIndex


def build_rows(index: MonthIndex, columns: list[Column], applies_cache: dict[str, tuple[bool, ...]]) -> list[GridRow]:
    """One row per facility of the month, in the month's order.

    Which columns apply depends only on the facility's category, so it is computed once
    per category (``applies_cache``, emptied when the columns change).
    """
    rows = []
    for position, fac in enumerate(index.month.facilities):
        category = index.categories.get(fac.clues) or FALLBACK_CATEGORY
        applies = applies_cache.get(category)
        if applies is None:
            applies = tuple(c.variable.applies(category) for c in columns)
            applies_cache[category] = applies
        search = index.search_text.get(fac.clues) or strip_accents(f"{fac.name} {fac.clues}").casefold()
        rows.append(
            GridRow(
                fac, position, index.units[fac.clues], applies, (fac.type_code, fac.level, fac.municipality, search)
            )
        )
    return rows


def value_sort_key(row: GridRow, column: int, cell_keys: list[CellKey]) -> Any:
    """The sort key of a value column (1-based as in the model); None means "sin dato"."""
    if not row.applies[column - 1]:
        return None
    stored = row.cells.get(cell_keys[column - 1])
    value = stored.value if stored is not None else None
    return value if not isinstance(value, str) else value.casefold()


def sorted_rows(rows: list[GridRow], key: Callable[[GridRow], Any] | None, descending: bool) -> list[GridRow]:
    """Rows by ``key`` (None: the month's own order); rows without a value last either way."""
    if key is None:
        return sorted(rows, key=lambda r: r.position, reverse=descending)
    keyed = [(key(r), r) for r in rows]
    present = [p for p in keyed if p[0] is not None]
    missing = [p[1] for p in keyed if p[0] is None]
    present.sort(key=lambda p: p[0], reverse=descending)
    return [p[1] for p in present] + missing


def row_runs(rows: Iterable[int]) -> list[tuple[int, int]]:
    """Consecutive runs of row numbers as (first, last): one dataChanged per run."""
    runs: list[tuple[int, int]] = []
    for row in sorted(set(rows)):
        if runs and row == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


def names_size(rows: list[GridRow]) -> QSize:
    """The names column's wanted size: the longest name, in bold (the current row's).

    Given as SizeHintRole, the header takes it instead of asking the style to measure
    200 sections' text on every layout after a reset (a fifth of the time between the
    month arriving and the grid being usable).
    """
    font = QFont(QGuiApplication.font())
    font.setBold(True)
    metrics = QFontMetrics(font)
    widest = max((metrics.horizontalAdvance(row.facility.name) for row in rows), default=0)
    return QSize(widest + 16, metrics.height() + 10)


def paint_value_cell(
    row: GridRow,
    position: int,
    column: Column,
    rejected: tuple[str, str] | None,
    severity: str | None,
    align: int,
    lang: str,
) -> tuple:
    """What the delegate draws for value column ``position`` of ``row`` (see PAINT_ROLE):
    (text, background, foreground, alignment, italic, marks, None)."""
    if rejected is not None:
        return (rejected[0], REJECTED_BG, REJECTED_FG, align, False, MARK_REJECTED, None)
    if not row.applies[position]:
        return ("", NOT_APPLICABLE_BG, NOT_APPLICABLE_FG, align, False, 0, None)
    stored = row.cells.get(column.key)
    text, italic, marks = "", False, 0
    if stored is not None:
        if stored.value is not None:
            text = display_value(column.variable, stored.value, lang)
        italic = stored.provisional
        marks = (
            (MARK_COMMENT if stored.comment else 0)
            | (MARK_PROVISIONAL if stored.provisional else 0)
            | (MARK_FOLLOW_UP if stored.follow_up else 0)
        )
    background = None if severity is None else (ERROR_BG if severity == ERROR else WARNING_BG)
    return (text, background, None, align, italic, marks, None)


def value_cell_data(
    role: int,
    row: GridRow,
    position: int,
    column: Column,
    rejected: tuple[str, str] | None,
    severity: Callable[[], str | None],
    align: int,
    italic: QFont,
    lang: str,
) -> Any:
    """The item data of value column ``position`` of ``row`` for ``role`` (the model's data()).

    ``rejected`` is the refused (text, reason) shown in the cell, if any; ``severity``
    the worst validation finding of the cell, asked only for the roles that show it.
    """
    stored = row.cells.get(column.key)
    value = stored.value if stored is not None else None
    applies = row.applies[position]
    if role == Qt.ItemDataRole.DisplayRole:
        if rejected is not None:
            return rejected[0]
        return display_value(column.variable, value, lang) if value is not None else ""
    if role == Qt.ItemDataRole.EditRole:
        return rejected[0] if rejected is not None else edit_text(column, value, lang)
    if role == Qt.ItemDataRole.TextAlignmentRole:
        return align
    if role == Qt.ItemDataRole.BackgroundRole:
        if rejected is not None:
            return REJECTED_BG
        if not applies:
            return NOT_APPLICABLE_BG
        found = severity()
        return None if found is None else (ERROR_BG if found == ERROR else WARNING_BG)
    if role == Qt.ItemDataRole.ForegroundRole:
        if rejected is not None:
            return REJECTED_FG
        return None if applies else NOT_APPLICABLE_FG
    if role == Qt.ItemDataRole.FontRole:
        return italic if stored is not None and stored.provisional else None
    if role == MARKS_ROLE:
        marks = MARK_REJECTED if rejected is not None else 0
        if stored is not None:
            marks |= (
                (MARK_COMMENT if stored.comment else 0)
                | (MARK_PROVISIONAL if stored.provisional else 0)
                | (MARK_FOLLOW_UP if stored.follow_up else 0)
            )
        return marks
    if role == SORT_ROLE:
        return value if applies else None
    return None


def progress_text(filled: int, expected: int) -> str:
    """The Avance column's text: "97 %" (never "100 %" while incomplete), "—" with nothing expected."""
    return f"{share_percent(filled, expected)} %" if expected else "—"
