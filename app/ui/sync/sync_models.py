"""Table models of the import and conflict dialogs: package files, their issues, conflicts.

Statuses read at a glance: green SUCCESS, amber WARNING, red ERROR (the colours of the
verify dialog's verdicts), with the Spanish word in the cell and the DHIS2 code in its
tooltip, so a person can quote it on the phone to headquarters.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from app.models.catalog import Catalog
from app.models.import_summary import ImportConflict, ImportSummary
from app.models.periods import period_label
from app.models.values import format_number
from app.services.sync.sync_conflicts import Conflict
from app.ui.common import theme
from app.ui.common.formatting import local_datetime
from app.ui.common.plain_codes import code_at_end, plain_meaning
from app.ui.common.plain_text import plain_tooltip
from app.ui.common.row_table_model import RowTableModel
from app.ui.common.theme import Tint

_Index = QModelIndex | QPersistentModelIndex
#: summary status -> the theme role colouring its cell (text on a tint of the same hue)
STATUS_ROLES: dict[str, Tint] = {"SUCCESS": "ok", "WARNING": "warning", "ERROR": "error"}


@dataclass
class PackageRow:
    """A chosen file and, once previewed or imported, its summary.

    ``note`` explains a row without a summary ("sin revisar", "no importado: cancelado").
    """

    path: Path
    summary: ImportSummary | None = None
    note: str = ""

    @property
    def status(self) -> str:
        return self.summary["status"] if self.summary else ""

    @property
    def issues(self) -> list[ImportConflict]:
        return list(self.summary.get("conflicts", [])) if self.summary else []


class PackagesModel(RowTableModel):
    """One row per chosen package: file, status, the four counts, description."""

    FILE, STATUS, IMPORTED, UPDATED, IGNORED, DELETED, DESCRIPTION = range(7)
    _COUNTS = {IMPORTED: "imported", UPDATED: "updated", IGNORED: "ignored", DELETED: "deleted"}

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._headers = [
            self.tr("Archivo"),
            self.tr("Estado"),
            self.tr("Nuevos"),
            self.tr("Actualizados"),
            self.tr("Ignorados"),
            self.tr("Borrados"),
            self.tr("Descripción"),
        ]
        self._status_text = {
            "SUCCESS": self.tr("Correcto"),
            "WARNING": self.tr("Con avisos"),
            "ERROR": self.tr("Error"),
        }

    def package_rows(self) -> list[PackageRow]:
        return list(self._rows)

    def paths(self) -> list[Path]:
        return [row.path for row in self._rows]

    def status_text(self, row: PackageRow) -> str:
        """The Spanish word for a row's status, or its note when it has no summary."""
        if row.summary is None:
            return row.note
        return self._status_text.get(row.status, row.status)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index):
            return None
        row: PackageRow = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.FILE:
                return row.path.name
            if column == self.STATUS:
                return self.status_text(row)
            if row.summary is None:
                return ""
            if column in self._COUNTS:
                # ImportCount holds ints only; a TypedDict is not typed as a Mapping[str, int].
                counts = cast(Mapping[str, int], row.summary.get("importCount", {}))
                return format_number(int(counts.get(self._COUNTS[column], 0)))
            return row.summary.get("description", "")
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.FILE:
                return str(row.path)
            if column == self.STATUS and row.summary is not None:
                return row.status
            if column == self.DESCRIPTION and row.summary is not None:
                return row.summary.get("description", "")
            return None
        status_role = STATUS_ROLES.get(row.status)
        if column == self.STATUS and status_role:  # the palette in use now, not at build
            if role == Qt.ItemDataRole.ForegroundRole:
                return theme.on_tint(status_role)
            if role == Qt.ItemDataRole.BackgroundRole:
                return theme.tint(status_role)
        if role == Qt.ItemDataRole.ForegroundRole and row.summary is None and column == self.STATUS:
            return theme.color("muted")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self._COUNTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class IssuesModel(RowTableModel):
    """A package's conflicts and errors: code, object, value (DHIS2's conflict shape), and
    what it means in plain Spanish. :func:`issues_view` shows the meaning first and the code
    (kept for support) last."""

    CODE, OBJECT, VALUE, MEANING = range(4)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._headers = [
            self.tr("Código (soporte)"),
            self.tr("Objeto"),
            self.tr("Valor o detalle"),
            self.tr("Qué pasó y qué hacer"),
        ]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index):
            return None
        issue: dict = self._rows[index.row()]
        code = str(issue.get("errorCode", ""))
        if role == Qt.ItemDataRole.ToolTipRole:  # the package's own text: shown literally
            return plain_tooltip(self.data(index, Qt.ItemDataRole.DisplayRole))
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == self.CODE:
                return code
            if index.column() == self.OBJECT:
                return str(issue.get("object", ""))
            if index.column() == self.MEANING:
                return plain_meaning(code)
            value = issue.get("value", "")
            return "" if value is None else code_at_end(str(value))
        if role == Qt.ItemDataRole.ForegroundRole and index.column() in (self.CODE, self.MEANING):
            # W_* are warnings (a gap, a value flagged for review); anything else refused the file.
            return theme.color("warning" if code.startswith("W_") else "error")
        return None


class ConflictsModel(RowTableModel):
    """Flagged values: state, CLUES, facility, period, variable, what was applied, review."""

    STATE, CLUES, FACILITY, PERIOD, VARIABLE, APPLIED, REVIEW = range(7)

    def __init__(self, catalog: Catalog, lang: str = "es", parent: QObject | None = None):
        super().__init__(parent)
        self._catalog = catalog
        self._lang = lang
        self._names: dict[str, str] = {}
        self._headers = [
            self.tr("Estado"),
            self.tr("CLUES"),
            self.tr("Unidad"),
            self.tr("Periodo"),
            self.tr("Variable"),
            self.tr("Aplicada"),
            self.tr("Revisión"),
        ]
        # "La del estado": a bare "Estado" would read as the state column's name.
        self._sides = {"ours": self.tr("La de oficinas centrales"), "theirs": self.tr("La del estado")}
        self._accepted = {
            "ours": self.tr("Aceptada la de oficinas centrales"),
            "theirs": self.tr("Aceptada la del estado"),
        }

    def set_conflicts(self, conflicts: list[Conflict], names: dict[str, str]) -> None:
        """Show ``conflicts``; ``names`` maps CLUES to facility names (when known)."""
        self._names = dict(names)
        self.set_rows(conflicts)

    def conflict_at(self, row: int) -> Conflict | None:
        return self.row_at(row)

    def facility_name(self, clues: str) -> str:
        return self._names.get(clues, "")

    def state_name(self, code: str) -> str:
        state = self._catalog.states.get(code)
        return state.name if state else code

    def variable_label(self, conflict: Conflict) -> str:
        """The variable's label, with its disaggregation option when it has one."""
        key = conflict.key
        variable = self._catalog.variables.get(key.variable)
        if variable is None and not key.period:  # a unit of the registry (issue 11)
            return self.tr("Registro de la unidad")
        if variable is None:
            return key.variable
        label = variable.label(self._lang)
        if key.disaggregation:
            options = self._catalog.disaggregations.get(variable.disaggregation, ())
            option = next((o for o in options if o.code == key.disaggregation), None)
            label += " · " + (option.label(self._lang) if option else key.disaggregation)
        return label

    def side_name(self, side: str | None) -> str:
        return self._sides.get(side or "", side or "")

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index):
            return None
        conflict: Conflict = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.STATE:
                return self.state_name(conflict.state_code)
            if column == self.CLUES:
                return conflict.key.org_unit
            if column == self.FACILITY:
                return self.facility_name(conflict.key.org_unit)
            if column == self.PERIOD:  # a unit of the registry (issue 11) has no period
                return period_label(conflict.key.period, self._lang) if conflict.key.period else "—"
            if column == self.VARIABLE:
                return self.variable_label(conflict)
            if column == self.APPLIED:
                return self.side_name(conflict.applied)
            if conflict.resolved_at:
                return self._accepted.get(conflict.resolution or "", conflict.resolution or "")
            return self.tr("Pendiente")
        if role == Qt.ItemDataRole.ToolTipRole and column == self.REVIEW and conflict.resolved_at:
            return (
                self.tr("Por %1 el %2")
                .replace("%1", conflict.resolved_by or "")
                .replace("%2", local_datetime(conflict.resolved_at, self._lang))
            )
        if role == Qt.ItemDataRole.ToolTipRole and column == self.VARIABLE:
            return self.variable_label(conflict)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.REVIEW:
            return theme.color("ok" if conflict.resolved_at else "warning")
        return None


def table_view(model: RowTableModel) -> QTableView:
    """A read-only, row-selecting table over ``model``, as the sync dialogs show them."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    return view


def issues_view(model: IssuesModel) -> QTableView:
    """The issues table as people read it: what happened first, the support code last."""
    view = table_view(model)
    header = view.horizontalHeader()
    header.moveSection(header.visualIndex(IssuesModel.MEANING), 0)
    header.moveSection(header.visualIndex(IssuesModel.CODE), model.columnCount() - 1)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setDefaultSectionSize(160)
    header.resizeSection(IssuesModel.MEANING, 380)
    header.resizeSection(IssuesModel.VALUE, 300)
    header.setStretchLastSection(True)
    view.setWordWrap(True)
    return view
