"""What the entry grid shows per cell: roles, marks, colours, tooltips and edit text.

Kept apart from :mod:`app.ui.entry.grid_model` so the delegate, the side panel's
legend and the tests share one definition of each mark and colour.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QPalette

from app.models.catalog import Catalog, Column
from app.models.facility import Facility
from app.models.validation import ERROR
from app.models.values import DataValue, Scalar, display_value
from app.ui.common import theme
from app.ui.entry.month_index import CellKey
from app.ui.entry.session import MonthSession

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # numeric sort key (None: sin dato)
MARKS_ROLE = Qt.ItemDataRole.UserRole + 2  # bit set of MARK_* flags
COMPLETENESS_ROLE = Qt.ItemDataRole.UserRole + 3  # (filled, expected) of the row in the section
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 4  # "error", "warning" or None
#: Everything the delegate paints, in one call: (text, background, foreground, alignment,
#: italic, marks, completeness or None). One data() call per cell instead of nine.
PAINT_ROLE = Qt.ItemDataRole.UserRole + 5

MARK_COMMENT = 1
MARK_PROVISIONAL = 2
MARK_FOLLOW_UP = 4
MARK_REJECTED = 8

# The grid's colours. They are shared objects (the model returns them from data(), the
# legend shows them) updated in place by follow_palette() when the palette changes, so
# every holder paints with the current theme without asking for a colour per cell.
ERROR_BG = QColor()
WARNING_BG = QColor()
REJECTED_BG = QColor()
NOT_APPLICABLE_BG = QColor()
NOT_APPLICABLE_FG = QColor()
REJECTED_FG = QColor()
COMMENT_COLOR = QColor()  # corner marks
PROVISIONAL_COLOR = QColor()
FOLLOW_UP_COLOR = QColor()
PROGRESS_COLOR = QColor()  # the completeness bar, partly and fully filled
PROGRESS_DONE_COLOR = QColor()
#: [cache key of the palette last seen, (base, text) the colours above were made for]
_followed: list[object] = []


def follow_palette(palette: QPalette | None = None) -> None:
    """Make the grid's colours from ``palette`` (the application's if None), if it changed.

    Cheap when nothing changed: the delegate calls it for every cell it paints.
    """
    pal = palette if palette is not None else theme.current_palette()
    if _followed and _followed[0] == pal.cacheKey():  # the very palette of the last call
        return
    active = QPalette.ColorGroup.Active
    base = pal.color(active, QPalette.ColorRole.Base)
    key = (base.rgba(), pal.color(active, QPalette.ColorRole.Text).rgba())
    if _followed and _followed[1] == key:  # another palette, but the same colours
        _followed[0] = pal.cacheKey()
        return
    _followed[:] = [pal.cacheKey(), key]
    rejected_bg = theme.tint("error", pal, strength=0.5)
    made = (
        (ERROR_BG, theme.tint("error", pal, strength=0.27)),
        (WARNING_BG, theme.tint("warning", pal, strength=0.3)),
        (REJECTED_BG, rejected_bg),
        (NOT_APPLICABLE_BG, theme.tint("neutral", pal, strength=0.13)),
        (NOT_APPLICABLE_FG, theme.color("muted", pal)),
        (REJECTED_FG, theme.color_on("error", rejected_bg, pal)),
        (COMMENT_COLOR, theme.color("info", pal)),
        (PROVISIONAL_COLOR, theme.color("provisional", pal)),
        (FOLLOW_UP_COLOR, theme.color("follow_up", pal)),
        (PROGRESS_COLOR, theme.tint("ok", pal, strength=0.22)),
        (PROGRESS_DONE_COLOR, theme.tint("ok", pal, strength=0.4)),
    )
    for shared, current in made:
        shared.setRgba(current.rgba())


follow_palette()

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
CENTER = int(Qt.AlignmentFlag.AlignCenter)


def edit_text(column: Column, value: Scalar, lang: str = "es") -> str:
    """A stored value as a person would type it back: no thousands separators.

    Also what a copy puts on the clipboard, so Excel (es-MX: point decimals)
    reads numbers as numbers.
    """
    if value is None:
        return ""
    unit = column.variable.unit
    if unit in ("yesno", "category"):
        return display_value(column.variable, value, lang)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.6f}".rstrip("0").rstrip(".")
    return str(value)


@dataclass(eq=False)
class GridRow:
    """What the model keeps per facility row, computed once per reset."""

    facility: Facility
    position: int  # place in the month's own order (by name), restored by "no sort"
    cells: dict[CellKey, DataValue]  # the session's live dict for this org unit
    applies: tuple[bool, ...]  # per section column
    filter_key: tuple[str, int, str, str]  # type, level, municipality, search text


@dataclass(frozen=True)
class CellError:
    """A cell a batch edit could not take: where, what was typed and why."""

    row: int
    column: int
    text: str
    reason: str


class CellErrors(Exception):
    """Raised by :meth:`MonthGridModel.set_texts`: the whole batch was refused."""

    def __init__(self, errors: list[CellError]):
        super().__init__(f"{len(errors)} cells refused")
        self.errors = errors


# Literal QCoreApplication.translate("MonthGridModel", ...) calls, so pyside6-lupdate finds
# them and files them with the grid model's own strings.
def facility_tip(catalog: Catalog, fac: Facility, lang: str = "es") -> str:
    """The row header's tooltip: name, CLUES, type, level, municipality, jurisdiction."""
    ftype = catalog.facility_types.get(fac.type_code)
    type_label = ftype.label(lang) if ftype else fac.type_code
    level = catalog.levels.get(fac.level)
    level_label = level.label(lang) if level else str(fac.level)
    lines = [fac.name, f"CLUES {fac.clues}", f"{type_label} · {level_label}"]
    if fac.municipality:
        lines.append(QCoreApplication.translate("MonthGridModel", "Municipio: {0}").format(fac.municipality))
    if fac.jurisdiction:
        lines.append(QCoreApplication.translate("MonthGridModel", "Jurisdicción: {0}").format(fac.jurisdiction))
    return "\n".join(lines)


def cell_tip(
    session: MonthSession,
    row: GridRow,
    column: Column,
    stored: DataValue | None,
    rejected: tuple[str, str] | None,
    applies: bool,
) -> str:
    """A cell's tooltip: the reasons of its marks, its comment and flags."""
    lang = session.lang
    lines = [f"{column.label(lang)} — {row.facility.name}"]
    if not applies:
        ftype = session.catalog.facility_types.get(row.facility.type_code)
        lines.append(
            QCoreApplication.translate("MonthGridModel", "No aplica a este tipo de unidad ({0})").format(
                ftype.label(lang) if ftype else row.facility.type_code
            )
        )
        return "\n".join(lines)
    if rejected is not None:
        lines.append(
            QCoreApplication.translate("MonthGridModel", "No se guardó «{0}»: {1}").format(rejected[0], rejected[1])
        )
    for issue in session.issues(row.facility.clues, *column.key):
        prefix = (
            QCoreApplication.translate("MonthGridModel", "Error")
            if issue.severity == ERROR
            else QCoreApplication.translate("MonthGridModel", "Aviso")
        )
        lines.append(f"{prefix}: {issue.message(lang)}")
    if stored is not None:
        if stored.comment:
            lines.append(QCoreApplication.translate("MonthGridModel", "Comentario: {0}").format(stored.comment))
        if stored.provisional:
            lines.append(
                QCoreApplication.translate(
                    "MonthGridModel", "Provisional: en proceso de definición con el Gobierno del estado"
                )
            )
        if stored.follow_up:
            lines.append(QCoreApplication.translate("MonthGridModel", "Marcado para seguimiento"))
    if session.is_locked():
        lines.append(QCoreApplication.translate("MonthGridModel", "Informe cerrado: solo lectura"))
    return "\n".join(lines)


def header_label(column: Column, lang: str = "es") -> str:
    """A column header: label and unit, wrapped, with the disaggregation option below."""
    variable = column.variable
    label = variable.label(lang)
    suffix = {"money": "($)", "percent": "(%)", "yesno": QCoreApplication.translate("MonthGridModel", "(sí/no)")}.get(
        variable.unit, ""
    )
    if suffix and suffix not in label:
        label = f"{label} {suffix}"
    lines = textwrap.wrap(label, 22) or [label]
    if column.option is not None:
        lines += textwrap.wrap(column.option.label(lang), 22)
    return "\n".join(lines)


def header_tip(column: Column, lang: str = "es") -> str:
    """A column header's tooltip: full label, description and how the months add up."""
    variable = column.variable
    how = (
        QCoreApplication.translate("MonthGridModel", "Se suma en el año (flujo)")
        if variable.aggregation == "SUM"
        else QCoreApplication.translate("MonthGridModel", "Vale el último mes (existencia)")
    )
    text = column.label(lang)
    if lang != "en" and variable.description_es:
        text += "\n" + variable.description_es
    return f"{text}\n{how}"
