"""Values flagged at headquarters, side by side: accept HQ's version or the state's.

A conflict is a value changed both at HQ and at the state since the last package. The
import applied one of them by rule (the later change) and kept both; here a person sees
both versions next to each other, with the cell's whole history, and accepts one. The
choice is written (and logged under her name) on the database thread.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models.catalog import Catalog
from app.models.facility import Facility
from app.models.periods import period_label
from app.models.values import DataValue, display_value
from app.services.facilities.registry import get_facility
from app.services.sync import sync_conflicts, sync_facilities
from app.services.sync.sync_conflicts import Conflict
from app.services.sync.sync_facilities import FACILITY_CONFLICT
from app.ui.common.alerts import show_error
from app.ui.common.formatting import error_text, local_datetime, status_style
from app.ui.common.job_dialog import JobDialog
from app.ui.common.plain_text import plain
from app.ui.common.tasks import TaskManager
from app.ui.common.window_fit import fit_window
from app.ui.entry.history_dialog import HistoryModel
from app.ui.sync.sync_models import ConflictsModel, table_view

FIELDS = ("value", "comment", "provisional", "version", "updated_at", "updated_by")


def load_conflicts(ws, open_only: bool) -> tuple[list[Conflict], dict[str, str]]:
    """The conflicts and the names of their facilities (runs on the database thread)."""
    conflicts = sync_conflicts.list_conflicts(ws, None, open_only=open_only)
    names: dict[str, str] = {}
    for clues in {c.key.org_unit for c in conflicts}:
        facility = get_facility(ws, clues)
        if facility is not None:
            names[clues] = facility.name
    return conflicts, names


class ConflictsDialog(JobDialog):
    """The list of flagged values; the selected one's two versions and history; accept one."""

    data_changed = Signal()
    loaded = Signal()  # the list was (re)loaded
    history_loaded = Signal()
    resolved = Signal(object)  # DataValue as stored

    def __init__(self, tasks: TaskManager, catalog: Catalog, lang: str = "es", parent: QWidget | None = None):
        super().__init__(parent)
        self._tasks = tasks
        self._catalog = catalog
        self._lang = lang
        self._busy = False
        self._select_id: int | None = None  # the row to select again after a reload
        self.error_box: QMessageBox | None = None
        self.setWindowTitle(self.tr("Conflictos de sincronización"))
        fit_window(self, "conflicts", 1120, 760)

        intro = QLabel(
            self.tr(
                "Valores que cambiaron en oficinas centrales y en el estado desde el último "
                "paquete. La regla aplicó el cambio más reciente y guardó ambos; elija cuál se "
                "queda."
            )
        )
        intro.setWordWrap(True)
        self.show_resolved = QCheckBox(self.tr("Mostrar resueltos"))
        self.show_resolved.toggled.connect(self.reload)
        self.count_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.count_label, 1)
        top.addWidget(self.show_resolved)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._build_list(catalog, lang))
        splitter.addWidget(self._build_detail(lang))
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(self._build_bottom())
        self._show_conflict(None)
        self.reload()

    def _build_list(self, catalog: Catalog, lang: str) -> QTableView:
        """The flagged values; choosing one shows both versions below."""
        self.model = ConflictsModel(catalog, lang, self)
        self.view = table_view(self.model)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ConflictsModel.FACILITY, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        return self.view

    def _build_detail(self, lang: str) -> QWidget:
        """The chosen value: HQ's and the state's versions side by side, the two buttons, its history."""
        self.title = QLabel()
        self.title.setWordWrap(True)
        plain(self.title)  # unit names and values come from packages: never rich text
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.ours_box, self.ours_fields = self._side(self.tr("Oficinas centrales (nuestra)"))
        self.theirs_box, self.theirs_fields = self._side(self.tr("Estado (suya)"))
        sides = QHBoxLayout()
        sides.addWidget(self.ours_box, 1)
        sides.addWidget(self.theirs_box, 1)
        self.accept_ours_button = QPushButton(self.tr("Aceptar la de oficinas centrales"))
        self.accept_ours_button.clicked.connect(lambda: self.resolve_selected("ours"))
        self.accept_theirs_button = QPushButton(self.tr("Aceptar la del estado"))
        self.accept_theirs_button.clicked.connect(lambda: self.resolve_selected("theirs"))
        choose = QHBoxLayout()
        choose.addWidget(self.accept_ours_button, 1)
        choose.addWidget(self.accept_theirs_button, 1)
        self.history_model = HistoryModel(None, lang, self)
        self.history_view = table_view(self.history_model)
        history_header = self.history_view.horizontalHeader()
        history_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        history_header.setSectionResizeMode(HistoryModel.SOURCE, QHeaderView.ResizeMode.Stretch)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.title)
        detail_layout.addLayout(sides)
        detail_layout.addLayout(choose)
        detail_layout.addWidget(QLabel(self.tr("Historial de la celda:")))
        detail_layout.addWidget(self.history_view, 1)
        return detail

    def _build_bottom(self) -> QHBoxLayout:
        """The status line (plain text: it quotes package contents) and Cerrar."""
        self.status = QLabel()
        self.status.setWordWrap(True)
        plain(self.status)
        close = QPushButton(self.tr("Cerrar"))
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(close)
        return bottom

    def _side(self, title: str) -> tuple[QGroupBox, dict[str, QLabel]]:
        """A group box with one read-only label per field of a version."""
        box = QGroupBox(title)
        form = QFormLayout(box)
        names = {
            "value": self.tr("Valor:"),
            "comment": self.tr("Comentario:"),
            "provisional": self.tr("Provisional:"),
            "version": self.tr("Versión:"),
            "updated_at": self.tr("Modificado:"),
            "updated_by": self.tr("Por:"),
        }
        labels: dict[str, QLabel] = {}
        for field in FIELDS:
            label = QLabel("—")
            label.setWordWrap(True)
            plain(label)  # comment, updated_by…: the sender's text, shown literally
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(names[field], label)
            labels[field] = label
        value_font = labels["value"].font()
        value_font.setBold(True)
        value_font.setPointSizeF(value_font.pointSizeF() * 1.3)
        labels["value"].setFont(value_font)
        rule = QLabel()
        rule.setWordWrap(True)
        plain(rule)
        form.addRow(rule)
        labels["rule"] = rule
        return box, labels

    def busy(self) -> bool:
        return self._busy  # a choice being saved must report back (data_changed) first

    # -- loading ---------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the conflicts again (open only, or all with "Mostrar resueltos")."""
        open_only = not self.show_resolved.isChecked()
        if self._select_id is None:
            current = self.selected_conflict()
            self._select_id = current.id if current else None
        self._tasks.run_db(
            lambda ws, _p: load_conflicts(ws, open_only), self.guard(self._loaded), self.guard(self._failed), owner=self
        )

    def _loaded(self, result: tuple[list[Conflict], dict[str, str]]) -> None:
        conflicts, names = result
        self.model.set_conflicts(conflicts, names)
        pending = sum(1 for c in conflicts if not c.resolved_at)
        self.count_label.setText(
            self.tr("%n conflicto(s) por revisar.", "", pending)
            if pending
            else self.tr("No hay conflictos por revisar.")
        )
        row = next((i for i, c in enumerate(conflicts) if c.id == self._select_id), 0)
        self._select_id = None
        if conflicts:
            self.view.selectRow(row)
        else:
            self._show_conflict(None)
        self.loaded.emit()

    def selected_conflict(self) -> Conflict | None:
        index = self.view.currentIndex()
        return self.model.conflict_at(index.row()) if index.isValid() else None

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_conflict(self.selected_conflict())

    # -- the side-by-side view -------------------------------------------------------------
    def _format(self, conflict: Conflict, field: str, side: dict) -> str:
        if conflict.key.variable == FACILITY_CONFLICT:
            return self._format_unit(field, side)
        raw = side.get(field)
        if field == "value":
            variable = self._catalog.variables.get(conflict.key.variable)
            if raw is None:
                return self.tr("sin dato")
            return display_value(variable, raw, self._lang) if variable else str(raw)
        if field == "provisional":
            return self.tr("Sí") if raw else self.tr("No")
        if field == "updated_at":
            return local_datetime(str(raw), self._lang) if raw else "—"
        if field == "comment":
            return str(raw) if raw else self.tr("(sin comentario)")
        return "—" if raw in (None, "") else str(raw)

    def _format_unit(self, field: str, side: dict) -> str:
        """A flagged unit of the registry: its name as the value, the rest of its record below."""
        if field == "value":
            return str(side.get("name", ""))
        if field == "updated_at":
            return local_datetime(str(side["updated_at"]), self._lang) if side.get("updated_at") else "—"
        if field != "comment":
            return "—"
        status = self._catalog.operating_status.get(side.get("status", ""))
        lines = [
            self.tr("Estatus: %1 desde %2")
            .replace("%1", status.label(self._lang) if status else str(side.get("status")))
            .replace("%2", side.get("status_since") or "—"),
            self.tr("Tipo: %1, nivel %2")
            .replace("%1", str(side.get("type_code")))
            .replace("%2", str(side.get("level"))),
            self.tr("Municipio: %1").replace("%1", side.get("municipality") or "—"),
            self.tr("Jurisdicción: %1").replace("%1", side.get("jurisdiction") or "—"),
            self.tr("Institución: %1").replace("%1", str(side.get("institution"))),
        ]
        for code, start, end in side.get("history", [])[-5:]:
            label = self._catalog.operating_status.get(code)
            lines.append(f"{start or '…'} – {end or self.tr('hoy')}: {label.label(self._lang) if label else code}")
        return "\n".join(lines)

    def _show_conflict(self, conflict: Conflict | None) -> None:
        for side_name, fields, box in (
            ("ours", self.ours_fields, self.ours_box),
            ("theirs", self.theirs_fields, self.theirs_box),
        ):
            side = getattr(conflict, side_name) if conflict else {}
            for field in FIELDS:
                fields[field].setText(self._format(conflict, field, side) if conflict else "—")
            rule = fields["rule"]
            if conflict is None:
                rule.setText("")
            elif conflict.resolved_at and conflict.resolution == side_name:
                rule.setText(
                    "✔ "
                    + self.tr("Aceptada por %1 el %2")
                    .replace("%1", conflict.resolved_by or "")
                    .replace("%2", local_datetime(conflict.resolved_at, self._lang))
                )
                rule.setStyleSheet(status_style("ok"))
            elif conflict.applied == side_name and not conflict.resolved_at:
                rule.setText("● " + self.tr("La regla aplicó esta versión (el cambio más reciente)."))
                rule.setStyleSheet(status_style("warning"))
            else:
                rule.setText(self.tr("No aplicada."))
                rule.setStyleSheet("color: palette(placeholder-text);")
            applied = conflict is not None and conflict.applied == side_name
            box.setStyleSheet("QGroupBox { font-weight: bold; }" if applied else "")
        if conflict is None:
            self.title.setText(self.tr("Seleccione un conflicto de la lista."))
            self.history_model.set_entries([])
        else:
            clues = conflict.key.org_unit
            name = self.model.facility_name(clues)
            self.title.setText(
                " · ".join(
                    part
                    for part in (
                        self.tr("Registro de la unidad")
                        if conflict.key.variable == FACILITY_CONFLICT
                        else self.model.variable_label(conflict),
                        f"{name} ({clues})" if name else clues,
                        self.model.state_name(conflict.state_code),
                        period_label(conflict.key.period, self._lang) if conflict.key.period else "",
                    )
                    if part
                )
            )
            self._load_history(conflict)
        self._update_buttons()

    def _load_history(self, conflict: Conflict) -> None:
        # A new model per cell: HistoryModel formats values with the cell's variable.
        old = self.history_model
        self.history_model = HistoryModel(self._catalog.variables.get(conflict.key.variable), self._lang, self)
        self.history_view.setModel(self.history_model)
        old.deleteLater()

        def show(entries: list) -> None:
            current = self.selected_conflict()
            if current is not None and current.id == conflict.id:  # a later selection wins
                self.history_model.set_entries(entries)
                self.history_view.scrollToBottom()
            self.history_loaded.emit()

        self._tasks.run_db(
            lambda ws, _p: sync_conflicts.history(ws, conflict), self.guard(show), self.guard(self._failed), owner=self
        )

    def _update_buttons(self) -> None:
        conflict = self.selected_conflict()
        can = conflict is not None and not conflict.resolved_at and not self._busy
        self.accept_ours_button.setEnabled(can)
        self.accept_theirs_button.setEnabled(can)

    # -- accepting -------------------------------------------------------------------------
    def resolve_selected(self, choice: str) -> None:
        """Accept ``choice`` ("ours" or "theirs") for the selected conflict, in the background."""
        conflict = self.selected_conflict()
        if conflict is None or conflict.resolved_at or self._busy:
            return
        self._busy = True
        self._update_buttons()
        self.status.setText(self.tr("Guardando…"))
        self.status.setStyleSheet("")

        def done(stored: DataValue | Facility) -> None:
            self._busy = False
            variable = self._catalog.variables.get(conflict.key.variable)
            if isinstance(stored, Facility):
                shown = stored.name
            else:
                shown = display_value(variable, stored.value, self._lang) if variable else str(stored.value)
            self.status.setText(
                self.tr("Se aceptó la versión de %1: %2.")
                .replace("%1", self.tr("oficinas centrales") if choice == "ours" else self.tr("el estado"))
                .replace("%2", shown or self.tr("sin dato"))
            )
            self.status.setStyleSheet(status_style("ok"))
            self._select_id = conflict.id
            self.data_changed.emit()
            self.resolved.emit(stored)
            self.reload()

        # A unit of the registry is resolved by the registry's rules, never written as a value.
        resolve = sync_facilities.resolve if conflict.key.variable == FACILITY_CONFLICT else sync_conflicts.resolve
        self._tasks.run_db(
            lambda ws, _p: resolve(ws, conflict.id, choice), self.guard(done), self.guard(self._failed), owner=self
        )

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self._update_buttons()
        self.status.setText(self.tr("No se pudo completar: %1").replace("%1", error_text(exc, self._lang)))
        self.status.setStyleSheet(status_style("error"))
        self.error_box = show_error(self, self.tr("Conflictos de sincronización"), exc, self._lang)
