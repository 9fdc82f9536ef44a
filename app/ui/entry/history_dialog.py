"""The change history ("historial") of one cell, and whether the log is intact.

The change log is hash-chained (DESIGN §4); the dialog re-checks the whole
chain each time it opens, so an edit made to the database behind Coordina's back
is reported with the first altered record. The cell's own rows come first (one
indexed read on the database thread); the chain check, seconds on a big log,
runs afterwards in the thread pool on its own read connection, so neither the
rows nor the edits being stored wait for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models.catalog import Catalog, Variable
from app.models.periods import period_label
from app.models.values import ValueKey, display_value
from app.services.entry import month_values as entry
from app.services.facilities.registry import get_facility
from app.storage.changelog import LogEntry
from app.ui.common import theme
from app.ui.common.formatting import error_text, local_datetime, status_style
from app.ui.common.row_table_model import RowTableModel
from app.ui.common.tasks import TaskManager
from app.ui.common.window_fit import fit_window

_Index = QModelIndex | QPersistentModelIndex


@dataclass
class HistoryResult:
    """What the background jobs found: the cell's entries, then the chain check."""

    entries: list[LogEntry]
    broken_at: int | None
    org_unit_name: str
    db_path: Path | None = None
    checked: bool = False  # broken_at means something only once the chain check is done


def load_history(ws, key: ValueKey, verify: bool = True) -> HistoryResult:
    """Read one cell's log (runs on the database worker); with ``verify``, check the chain too."""
    entries = entry.cell_history(ws, key)
    name = ""
    if key.org_unit in ws.catalog.states:
        name = ws.catalog.states[key.org_unit].name
    else:
        facility = get_facility(ws, key.org_unit)
        name = facility.name if facility else ""
    result = HistoryResult(entries, None, name, ws.db_path)
    if verify:
        result.broken_at, result.checked = entry.verify_history(ws), True
    return result


class HistoryModel(RowTableModel):
    """Log entries of one cell, oldest first: when, who, what, before, after, source."""

    WHEN, WHO, WHAT, BEFORE, AFTER, SOURCE = range(6)

    def __init__(self, variable: Variable | None, lang: str = "es", parent: QWidget | None = None):
        super().__init__(parent)
        self._variable = variable
        self._lang = lang
        self._headers = [
            self.tr("Fecha y hora"),
            self.tr("Usuario"),
            self.tr("Campo"),
            self.tr("Antes"),
            self.tr("Después"),
            self.tr("Origen"),
        ]
        self._fields = {
            "value": self.tr("valor"),
            "comment": self.tr("comentario"),
            "provisional": self.tr("provisional"),
            "follow_up": self.tr("seguimiento"),
            "status": self.tr("estatus"),
        }
        self._sources = {
            "manual": self.tr("manual"),
            "file": self.tr("archivo"),
            "archivo": self.tr("archivo"),
            "import": self.tr("archivo"),
            "template": self.tr("archivo"),
            "demo": self.tr("demo"),
            "package": self.tr("paquete"),
            "paquete": self.tr("paquete"),
        }
        self._no_data = self.tr("sin dato")
        self._empty = self.tr("(vacío)")
        self._yes, self._no = self.tr("Sí"), self.tr("No")
        self._statuses = {
            "borrador": self.tr("borrador"),
            "cerrado": self.tr("cerrado"),
            "recibido": self.tr("recibido"),
            "aprobado": self.tr("aprobado"),
        }

    def set_entries(self, entries: list[LogEntry]) -> None:
        self.set_rows(entries)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index):
            return None
        item = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if role == Qt.ItemDataRole.ToolTipRole and column != self.WHEN:
                return None
            if column == self.WHEN:
                if role == Qt.ItemDataRole.ToolTipRole:
                    return (
                        self.tr("Registro %1 · código de control %2 (para soporte)")
                        .replace("%1", str(item.id))
                        .replace("%2", item.hash[:16])
                    )
                return local_datetime(item.at, self._lang, seconds=True)
            if column == self.WHO:
                return item.user
            if column == self.WHAT:
                return self._fields.get(item.field, item.field)
            if column == self.BEFORE:
                return self.format_value(item.field, item.old_value)
            if column == self.AFTER:
                return self.format_value(item.field, item.new_value)
            return self._sources.get(item.source, item.source)
        if role == Qt.ItemDataRole.ForegroundRole and column in (self.BEFORE, self.AFTER):
            raw = item.old_value if column == self.BEFORE else item.new_value
            if raw is None:
                return theme.color("muted")  # "sin dato" reads as an absence, not a value
        return None

    def format_value(self, field: str, raw: str | None) -> str:
        """A logged value as people read it ("sin dato" for None, Sí/No for flags)."""
        if raw is None:
            return self._no_data
        if field in ("provisional", "follow_up"):
            return self._yes if raw in ("1", "True") else self._no
        if field == "comment":
            return raw or self._empty
        if field == "status":
            return self._statuses.get(raw, raw)
        if field == "value" and self._variable is not None:
            return display_value(self._variable, _typed(self._variable, raw), self._lang) or self._empty
        return raw


def _typed(variable: Variable, raw: str) -> int | float | str:
    """The log keeps values as text; turn them back into what display_value expects."""
    if variable.unit == "category":
        return raw
    try:
        number = float(raw)
    except ValueError:
        return raw
    if variable.unit in ("count", "yesno") or variable.value_type == "integer":
        return int(number) if number.is_integer() else number
    return number


class HistoryDialog(QDialog):
    """Modeless-friendly dialog listing the changes of one cell."""

    history_shown = Signal()  # the cell's rows are on screen (the chain check may still run)
    loaded = Signal()  # rows and chain check both done (or failed)
    result: HistoryResult | None  # type: ignore[assignment]  # shadows QDialog.result(), which nothing here calls

    def __init__(
        self, tasks: TaskManager, catalog: Catalog, key: ValueKey, lang: str = "es", parent: QWidget | None = None
    ):
        super().__init__(parent)
        self._key = key
        self._lang = lang
        self._catalog = catalog
        self.variable = catalog.variables.get(key.variable)
        self.result = None
        self.setWindowTitle(self.tr("Historial"))
        fit_window(self, "history", 860, 420)

        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.integrity = QLabel(self.tr("Leyendo el historial…"))
        self.integrity.setWordWrap(True)

        self.model = HistoryModel(self.variable, lang, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(HistoryModel.BEFORE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(HistoryModel.AFTER, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self.tr("Esta celda no tiene cambios registrados."))
        self.empty.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Cerrar"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.integrity)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self._set_titles("")
        self._tasks = tasks
        tasks.run_db(lambda ws, _p: load_history(ws, key, verify=False), self._show, self._failed, owner=self)

    def _set_titles(self, org_unit_name: str) -> None:
        key = self._key
        label = self.variable.label(self._lang) if self.variable else key.variable
        if self.variable and key.disaggregation:
            options = self._catalog.disaggregations.get(self.variable.disaggregation, ())
            option = next((o for o in options if o.code == key.disaggregation), None)
            label += " · " + (option.label(self._lang) if option else key.disaggregation)
        self.title.setText(label)
        unit = f"{org_unit_name} ({key.org_unit})" if org_unit_name else key.org_unit
        self.subtitle.setText(f"{unit} · {period_label(key.period, self._lang)}")

    def _show(self, result: HistoryResult) -> None:
        self.result = result
        self._set_titles(result.org_unit_name)
        self.model.set_entries(result.entries)
        self.empty.setVisible(not result.entries)
        self.view.scrollToBottom()  # the latest change is what people look for
        self.history_shown.emit()
        if result.checked or result.db_path is None:
            self._verified(result.broken_at)
            return
        self.integrity.setText(self.tr("Comprobando en segundo plano que nadie haya alterado el historial…"))
        self.integrity.setStyleSheet(status_style(""))
        path = result.db_path
        self._tasks.run_cpu(lambda _p: entry.verify_history_at(path), self._verified, self._failed, owner=self)

    def _verified(self, broken_at: int | None) -> None:
        result = self.result
        assert result is not None
        result.broken_at, result.checked = broken_at, True
        if result.broken_at is None:
            self.integrity.setText("✔ " + self.tr("Historial íntegro"))
            self.integrity.setToolTip(
                self.tr("Cada cambio lleva un código de control calculado con el anterior; ninguno se ha modificado.")
            )
            self.integrity.setStyleSheet(status_style("ok"))
        else:
            self.integrity.setText(
                "⚠ "
                + self.tr("¡El historial fue alterado en el registro %1!").replace("%1", str(result.broken_at))
                + " "
                + self.tr(
                    "Alguien modificó la base de datos fuera de Coordina; "
                    "los cambios a partir de ese registro no son confiables. Restaure un respaldo "
                    "(Archivo ▸ Respaldos…) o avise a soporte técnico."
                )
            )
            self.integrity.setToolTip("")
            self.integrity.setStyleSheet(status_style("error"))
        self.loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        what = (
            self.tr("No se pudo comprobar el historial: %1")
            if self.result is not None
            else self.tr("No se pudo leer el historial: %1")
        )
        self.integrity.setText(what.replace("%1", error_text(exc, self._lang)))
        self.integrity.setStyleSheet(status_style("error"))
        self.loaded.emit()
