"""The problem bar under the grid: the current cell's problem, and the month's problem list.

A refused entry ("«doce» no es un número") used to be told only in the status bar for
8 s, and a cross-field error only in a hover tooltip. Here the current cell's problems are
always written out next to the grid (and in the grid's accessible description, for screen
readers), and F8 opens the list of every problem of the month (not saved, errors,
warnings); Enter or a click on a row goes to its cell.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models.catalog import Catalog
from app.models.validation import ERROR
from app.models.values import format_number
from app.ui.common import theme
from app.ui.common.row_table_model import RowTableModel
from app.ui.entry.month_index import CellKey, MonthIndex

_Index = QModelIndex | QPersistentModelIndex

REJECTED, ERROR_KIND, WARNING_KIND = "rejected", "error", "warning"
_ORDER = {REJECTED: 0, ERROR_KIND: 1, WARNING_KIND: 2}
_ROLES: dict[str, theme.Role] = {REJECTED: "error", ERROR_KIND: "error", WARNING_KIND: "warning"}


@dataclass(frozen=True)
class Problem:
    """One problem of the month: a refused entry, an error or a warning, and its cell."""

    kind: str  # REJECTED, ERROR_KIND or WARNING_KIND
    org_unit: str
    cell: CellKey
    unit_name: str
    section: str  # section code ("" for the state's own variables)
    column: str  # the column's label
    message: str


def _column_places(catalog: Catalog, lang: str) -> dict[CellKey, tuple[int, int, str, str]]:
    """(section order, column order, section code, column label) of every grid column."""
    places: dict[CellKey, tuple[int, int, str, str]] = {}
    for s_order, section in enumerate(catalog.sections):
        for c_order, column in enumerate(catalog.columns(section.code)):
            places[column.key] = (s_order, c_order, section.code, column.label(lang))
        for c_order, column in enumerate(catalog.columns(section.code, level="state")):
            places.setdefault(column.key, (s_order, 1000 + c_order, section.code, column.label(lang)))
    return places


def not_saved_text(text: str, reason: str) -> str:
    """Why a typed text was refused, naming the text once ("«doce» no es un número")."""
    return reason if f"«{text}»" in reason or f"'{text}'" in reason else f"«{text}»: {reason}"


def collect_problems(
    index: MonthIndex | None, catalog: Catalog, rejected: list[tuple[str, CellKey, str, str]], lang: str = "es"
) -> list[Problem]:
    """Every problem of the loaded month, not-saved first, then errors, then warnings.

    Within a kind, rows follow the month's facility order and the catalog's column order,
    so the list reads like the grid.
    """
    if index is None:
        return []
    places = _column_places(catalog, lang)
    order = {fac.clues: i for i, fac in enumerate(index.month.facilities)}

    def name(org_unit: str) -> str:
        return _unit_name(index, catalog, org_unit)

    def place(cell: CellKey) -> tuple[int, int, str, str]:
        return places.get(cell) or _unplaced(catalog, cell, lang)

    keyed: list[tuple[tuple, Problem]] = []
    for org_unit, cell, text, reason in rejected:
        s, c, section, label = place(cell)
        keyed.append(
            (
                (0, order.get(org_unit, -1), s, c),
                Problem(REJECTED, org_unit, cell, name(org_unit), section, label, not_saved_text(text, reason)),
            )
        )
    for org_unit, cells in index.issues.items():
        for cell, issues in cells.items():
            s, c, section, label = place(cell)
            for issue in issues:
                kind = ERROR_KIND if issue.severity == ERROR else WARNING_KIND
                keyed.append(
                    (
                        (_ORDER[kind], order.get(org_unit, -1), s, c),
                        Problem(kind, org_unit, cell, name(org_unit), section, label, issue.message(lang)),
                    )
                )
    keyed.sort(key=lambda pair: pair[0])
    return [problem for _key, problem in keyed]


def _unit_name(index: MonthIndex, catalog: Catalog, org_unit: str) -> str:
    """A facility's name, or the state's for the state's own cells."""
    state = index.month.state_code
    if org_unit == state:
        return catalog.states[state].name if state in catalog.states else state
    fac = index.facilities.get(org_unit)
    return fac.name if fac else org_unit


def _unplaced(catalog: Catalog, cell: CellKey, lang: str) -> tuple[int, int, str, str]:
    """Where a cell outside every section's columns sorts: last, under its variable's name."""
    variable = catalog.variables.get(cell[0])
    return (999, 0, variable.section if variable else "", variable.label(lang) if variable else cell[0])


class ProblemListModel(RowTableModel):
    """The month's problems: kind, what is wrong, unit, column, section (what matters first,
    so a narrow screen still shows it)."""

    KIND, MESSAGE, UNIT, COLUMN, SECTION = range(5)

    def __init__(self, catalog: Catalog, lang: str = "es", parent: QWidget | None = None):
        super().__init__(parent)
        self._headers = [
            self.tr("Tipo"),
            self.tr("Problema"),
            self.tr("Unidad"),
            self.tr("Columna"),
            self.tr("Sección"),
        ]
        self._kinds = {REJECTED: self.tr("No guardado"), ERROR_KIND: self.tr("Error"), WARNING_KIND: self.tr("Aviso")}
        self._sections = {s.code: s.label(lang) for s in catalog.sections}

    def problem_at(self, row: int) -> Problem | None:
        return self.row_at(row)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index):
            return None
        problem: Problem = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.KIND:
                return self._kinds[problem.kind]
            if column == self.UNIT:
                return problem.unit_name
            if column == self.SECTION:
                return self._sections.get(problem.section, problem.section)
            if column == self.COLUMN:
                return problem.column
            return problem.message  # MESSAGE
        if role == Qt.ItemDataRole.ForegroundRole and column == self.KIND:
            return theme.color(_ROLES[problem.kind])
        return None


class ProblemPanel(QWidget):
    """Below the grid: what is wrong with the current cell, and the month's list (F8)."""

    #: (org unit, variable, option) of the cell the person chose in the list.
    jump_requested = Signal(str, str, str)
    list_opened = Signal()  # the list became visible and needs its rows

    def __init__(self, catalog: Catalog, lang: str = "es", parent: QWidget | None = None):
        super().__init__(parent)
        self._catalog = catalog
        self._lang = lang
        self._counts = (0, 0, 0)
        self.current_text = ""
        self._stale = True  # the list is rebuilt only while it is visible
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(self._build_cell_row())
        self.model = ProblemListModel(catalog, lang, self)
        self.view = self._build_list()
        layout.addWidget(self.view)
        self.set_counts(0, 0, 0)
        self.show_cell_problems(None, [], None)

    def _build_cell_row(self) -> QHBoxLayout:
        """The current cell's problem, and the button that opens the month's list."""
        row = QHBoxLayout()
        self.cell_label = QLabel()
        self.cell_label.setObjectName("cell_problem")
        self.cell_label.setWordWrap(True)
        self.cell_label.setTextFormat(Qt.TextFormat.RichText)
        # Tab reaches it and the text can be selected and copied with the keyboard.
        self.cell_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.cell_label.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.cell_label.setAccessibleName(self.tr("Problema de la celda actual"))
        self.cell_label.setMinimumHeight(self.cell_label.fontMetrics().height() * 2 + 6)
        self.cell_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.cell_label, 1)
        self.list_button = QPushButton()
        self.list_button.setObjectName("problem_list_button")
        self.list_button.setCheckable(True)
        self.list_button.setToolTip(
            self.tr(
                "Muestra u oculta la lista de problemas del mes (F8). Enter o un clic en una fila lleva a su celda."
            )
        )
        self.list_button.toggled.connect(self._list_toggled)
        row.addWidget(self.list_button, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def _build_list(self) -> QTableView:
        """The month's problem list (hidden until F8 or the button)."""
        view = QTableView()
        view.setObjectName("problem_list")
        view.setModel(self.model)
        view.setAccessibleName(self.tr("Problemas del mes"))
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setTabKeyNavigation(False)
        view.verticalHeader().hide()
        view.setWordWrap(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # Fixed starting widths: fitting to contents would read every row of a big month.
        for column, width in (
            (ProblemListModel.KIND, 95),
            (ProblemListModel.MESSAGE, 340),
            (ProblemListModel.UNIT, 210),
            (ProblemListModel.COLUMN, 210),
        ):
            header.resizeSection(column, width)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        view.setMinimumHeight(90)
        view.setMaximumHeight(170)  # the grid keeps most of a 768-pixel screen
        view.activated.connect(self._jump)
        view.clicked.connect(self._jump)
        view.hide()
        return view

    # -- the current cell -----------------------------------------------------------
    def show_cell_problems(
        self, where: str | None, issues: list[tuple[str, str]], rejected: tuple[str, str] | None
    ) -> None:
        """Write out the current cell's problems (``issues``: (severity, message) pairs)."""
        lines = []
        if rejected is not None:
            lines.append(
                self._line(
                    REJECTED,
                    self.tr("No guardado"),
                    self.tr("{0}. Escriba un valor válido o bórrelo con Supr.").format(
                        not_saved_text(*rejected).rstrip(".")
                    ),
                )
            )
        for severity, message in issues:
            kind = ERROR_KIND if severity == ERROR else WARNING_KIND
            lines.append(self._line(kind, self.tr("Error") if kind == ERROR_KIND else self.tr("Aviso"), message))
        if where is None:
            text = (
                f"<span style='{theme.text_style('muted')}'>"
                + _escape(self.tr("Elija una celda para ver sus problemas."))
                + "</span>"
            )
            plain = ""
        elif not lines:
            text = (
                f"<b>{_escape(where)}</b>: <span style='{theme.text_style('ok')}'>✓ "
                + _escape(self.tr("sin problemas"))
                + "</span>"
            )
            plain = self.tr("{0}: sin problemas").format(where)
        else:
            text = f"<b>{_escape(where)}</b>: " + " · ".join(line for line, _plain in lines)
            plain = f"{where}: " + " · ".join(p for _line, p in lines)
        self.cell_label.setText(text)
        self.cell_label.setAccessibleDescription(plain)
        self.current_text = plain

    @staticmethod
    def _line(kind: str, label: str, message: str) -> tuple[str, str]:
        rich = f"<b style='{theme.text_style(_ROLES[kind])}'>{_escape(label)}:</b> {_escape(message)}"
        return rich, f"{label}: {message}"

    # -- the month's list -----------------------------------------------------------
    def set_counts(self, rejected: int, errors: int, warnings: int) -> None:
        """The button's summary: how many not saved, errors and warnings the month has."""
        self._counts = (rejected, errors, warnings)
        parts = []
        if rejected:
            parts.append(self.tr("{0} sin guardar").format(format_number(rejected)))
        parts.append(self.tr("{0} con error").format(format_number(errors)))
        parts.append(self.tr("{0} con aviso").format(format_number(warnings)))
        self.list_button.setText(self.tr("Problemas del mes: {0} (F8)").format(", ".join(parts)))
        face = self.list_button.palette().color(QPalette.ColorRole.Button)
        self.list_button.setStyleSheet(theme.text_style("error", bold=True, on=face) if rejected or errors else "")

    def mark_stale(self) -> None:
        """The month changed: rebuild the list now if it is shown, else when it is opened."""
        self._stale = True

    def is_list_shown(self) -> bool:
        return not self.view.isHidden()

    def set_problems(self, problems: list[Problem]) -> None:
        """Show ``problems`` in the list, keeping the selected row where it still exists."""
        current = self.model.problem_at(self.view.currentIndex().row())
        self.model.set_rows(problems)
        self._stale = False
        if current is not None:
            for row, problem in enumerate(problems):
                if (problem.org_unit, problem.cell, problem.kind) == (current.org_unit, current.cell, current.kind):
                    self.view.setCurrentIndex(self.model.index(row, 0))
                    break

    def needs_rebuild(self) -> bool:
        return self._stale and self.is_list_shown()

    def open_list(self) -> None:
        """Show the list and put the keyboard in it (F8)."""
        self.list_button.setChecked(True)
        self.view.setFocus()
        if not self.view.currentIndex().isValid() and self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 0))

    def _list_toggled(self, shown: bool) -> None:
        self.view.setVisible(shown)
        if shown and self._stale:
            self.list_opened.emit()

    def _jump(self, index: QModelIndex) -> None:
        problem = self.model.problem_at(index.row())
        if problem is not None:
            self.jump_requested.emit(problem.org_unit, *problem.cell)


def _escape(text: str) -> str:
    """``text`` safe inside Qt rich text.

    Not :func:`html.escape`: the html package loads its table of 2,000 named entities,
    and this panel is built before the grid is usable (issue 12).
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
