"""Sincronizar ▸ Metas…: the national target (meta) of each indicator.

At headquarters the Meta column is edited with the keyboard (type a number, Enter;
an empty cell clears the meta). A value the service would refuse is refused here with
a message on the status line and the old value stays. Nothing is written until
Guardar (one transaction on the database thread); Restablecer undoes the unsaved
edits and Cancelar drops them. At a state profile the same table is read-only: it
shows the metas received from headquarters.

Per-state metas (``STATE:code``) are set with the command line (``targets set``).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont
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

from app.models.catalog import Catalog, Indicator
from app.models.messages import InputError
from app.models.values import format_number
from app.services.summary import targets as targets_service
from app.services.sync import sync_profile
from app.services.workspace import Workspace
from app.ui.common import theme
from app.ui.common.formatting import error_text
from app.ui.common.job_dialog import JobDialog
from app.ui.common.row_table_model import RowTableModel
from app.ui.common.tasks import TaskManager
from app.ui.common.window_fit import fit_window

_Index = QModelIndex | QPersistentModelIndex
_BOLD = QFont()
_BOLD.setBold(True)


def format_target(value: float, unit: str) -> str:
    """A meta as it reads: es-MX number, "%" after a percentage ("95 %", "30,000")."""
    text = format_number(value)
    return f"{text} %" if unit == "percent" else text


def load_targets(ws: Workspace) -> tuple[dict[str, float], bool]:
    """The stored metas and whether this data directory is a state's (database thread)."""
    found = sync_profile.profile(ws)
    return targets_service.targets(ws), found is not None and found.role == "state"


class TargetsModel(RowTableModel):
    """One row per catalog indicator: label, unit, meta. Edits stay here until saved."""

    LABEL, UNIT, META = range(3)

    rejected = Signal(str)  # the message of an input the meta column refused
    edited = Signal()  # the unsaved edits changed

    def __init__(self, catalog: Catalog, lang: str = "es", parent: QObject | None = None):
        super().__init__(parent)
        self._catalog = catalog
        self._lang = lang
        self._rows = list(catalog.indicators.values())
        self._stored: dict[str, float] = {}
        self._edits: dict[str, float | None] = {}
        self.read_only = True
        self._headers = [self.tr("Indicador"), self.tr("Unidad"), self.tr("Meta")]
        self._units = {"percent": self.tr("porcentaje (%)"), "count": self.tr("número"), "money": self.tr("pesos")}

    # -- contents -----------------------------------------------------------------
    def set_stored(self, stored: dict[str, float]) -> None:
        """Show the saved metas (plain indicator codes) and drop the unsaved edits."""
        self.beginResetModel()
        self._stored = {k: v for k, v in stored.items() if ":" not in k}
        self._edits = {}
        self.endResetModel()
        self.edited.emit()

    def row_of(self, code: str) -> int:
        """The row of indicator ``code`` (-1 if the catalog has none)."""
        return next((r for r, ind in enumerate(self._rows) if ind.code == code), -1)

    def value(self, code: str) -> float | None:
        """The meta on screen for ``code``: the unsaved edit, else the stored one."""
        return self._edits[code] if code in self._edits else self._stored.get(code)

    def changes(self) -> dict[str, float | None]:
        """Unsaved edits that differ from what is stored (None clears a meta)."""
        return {k: v for k, v in self._edits.items() if v != self._stored.get(k)}

    def revert_edits(self) -> None:
        """Restablecer: back to the stored metas."""
        self.set_stored(dict(self._stored))

    # -- Qt model -----------------------------------------------------------------

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.META and not self.read_only:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        indicator = self._rows[index.row()]
        column = index.column()
        value = self.value(indicator.code)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.LABEL:
                return indicator.label(self._lang)
            if column == self.UNIT:
                return self._units.get(indicator.unit, indicator.unit)
            return format_target(value, indicator.unit) if value is not None else ""
        if role == Qt.ItemDataRole.EditRole and column == self.META:
            return "" if value is None else format_number(value).replace(",", "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(indicator)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.META:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and column == self.META and value is not None:
            return _BOLD
        if role == Qt.ItemDataRole.BackgroundRole and indicator.code in self.changes():
            return theme.tint("warning")  # an unsaved edit, as in the entry grid
        return None

    def _tooltip(self, indicator: Indicator) -> str:
        lines = [f"{indicator.label(self._lang)} ({indicator.code})"]
        reference = indicator.metadata.get("target")
        if isinstance(reference, int | float) and not isinstance(reference, bool):
            lines.append(
                self.tr("Meta de referencia del catálogo: %1").replace(
                    "%1", format_target(float(reference), indicator.unit)
                )
            )
        if not self.read_only:
            lines.append(self.tr("Escriba la meta y pulse Enter; deje la celda vacía para quitarla."))
        return "\n".join(lines)

    def setData(
        self,
        index: _Index,
        value: object,  # noqa: N802 - Qt API
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != self.META or self.read_only:
            return False
        indicator = self._rows[index.row()]
        if value is None or not str(value).strip():
            new: float | None = None
        else:
            try:
                new = targets_service.check_target(self._catalog, indicator.code, value)[1]
            except InputError as exc:
                self.rejected.emit(
                    self.tr("%1: %2. Se conserva la meta anterior.")
                    .replace("%1", indicator.label(self._lang))
                    .replace("%2", exc.message(self._lang))
                )
                return False
        if new == self.value(indicator.code):
            return True
        self._edits[indicator.code] = new
        left, right = self.index(index.row(), 0), self.index(index.row(), self.META)
        self.dataChanged.emit(left, right)
        self.edited.emit()
        return True


class TargetsDialog(JobDialog):
    """The metas table with Guardar / Restablecer / Cancelar (read-only at a state)."""

    loaded = Signal()
    saved = Signal()

    def __init__(self, tasks: TaskManager, catalog: Catalog, lang: str = "es", parent: QWidget | None = None):
        super().__init__(parent)
        self._tasks = tasks
        self._lang = lang
        self._saving = False
        self._known = False
        self.setWindowTitle(self.tr("Metas"))
        fit_window(self, "targets", 860, 680)
        self._build_notes()
        self._build_table(catalog)
        buttons = self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.read_only_note)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self._set_read_only(True)  # until the profile is known
        self.reload()

    def _build_notes(self) -> None:
        """The introduction (central office) or the read-only note (a state) above the table."""
        self.intro = QLabel(
            self.tr(
                "Meta nacional de cada indicador. Viaja a los estados en la próxima "
                "actualización de oficinas centrales."
            )
        )
        self.intro.setWordWrap(True)
        self.read_only_note = QLabel(
            self.tr(
                "Las metas las define oficinas centrales. Aquí se muestran las recibidas en la última actualización."
            )
        )
        self.read_only_note.setObjectName("read_only_note")
        self.read_only_note.setWordWrap(True)
        self.read_only_note.setStyleSheet(theme.banner_style("info"))
        self.read_only_note.hide()

    def _build_table(self, catalog: Catalog) -> None:
        self.model = TargetsModel(catalog, self._lang, self)
        self.model.rejected.connect(lambda text: self._show_status(text, "error"))
        self.model.edited.connect(self._edits_changed)
        self.view = QTableView()
        self.view.setObjectName("targets_table")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(TargetsModel.LABEL, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(TargetsModel.UNIT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TargetsModel.META, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(TargetsModel.META, 130)

    def _build_buttons(self) -> QHBoxLayout:
        """Status line and Restablecer / Guardar / Cancelar below the table."""
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Guardar"))
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Restablecer"))
        self.revert_button.setToolTip(self.tr("Deshacer los cambios que aún no se guardan"))
        self.revert_button.clicked.connect(self.revert)
        self.close_button = QPushButton(self.tr("Cancelar"))
        self.close_button.clicked.connect(self.reject)
        for button in (self.save_button, self.revert_button, self.close_button):
            button.setAutoDefault(False)  # Enter commits the cell, never presses a button
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        return buttons

    def busy(self) -> bool:
        return self._saving

    @property
    def read_only(self) -> bool:
        """Whether this is a state's data directory (metas are only shown)."""
        return self.model.read_only

    def reload(self) -> None:
        """Read the stored metas and the profile (database thread)."""
        self._tasks.run_db(
            lambda ws, _progress: load_targets(ws),
            self.guard(self._loaded),
            self.guard(lambda exc: self._show_status(error_text(exc, self._lang), "error")),
            owner=self,
        )

    def _loaded(self, result: tuple[dict[str, float], bool]) -> None:
        stored, is_state = result
        self._known = True  # the profile has been read: the read-only note may show
        self._set_read_only(is_state)
        self.model.set_stored(stored)
        self.loaded.emit()

    def _set_read_only(self, read_only: bool) -> None:
        self.model.read_only = read_only
        self.read_only_note.setVisible(read_only and self._known)
        self.intro.setVisible(not read_only)
        self.save_button.setVisible(not read_only)
        self.revert_button.setVisible(not read_only)
        self.close_button.setText(self.tr("Cerrar") if read_only else self.tr("Cancelar"))
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers
            if read_only
            else QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self._edits_changed()

    def _edits_changed(self) -> None:
        pending = bool(self.model.changes())
        self.save_button.setEnabled(pending and not self._saving)
        self.revert_button.setEnabled(pending and not self._saving)

    def revert(self) -> None:
        """Restablecer: undo every unsaved edit."""
        self.model.revert_edits()
        self._show_status(self.tr("Cambios descartados."))

    def save(self) -> None:
        """Guardar: write the edits in one transaction (database thread), then reload."""
        changes = self.model.changes()
        if not changes or self.read_only or self._saving:
            return
        self._saving = True
        self._edits_changed()
        self._show_status(self.tr("Guardando…"))

        def done(_stored: object) -> None:
            self._saving = False
            self._show_status(self.tr("Metas guardadas. Viajan a los estados en la próxima actualización."), "ok")
            self.reload()
            self.saved.emit()

        def failed(exc: BaseException) -> None:
            self._saving = False
            self._edits_changed()
            self._show_status(error_text(exc, self._lang), "error")

        self._tasks.run_db(
            lambda ws, _progress: targets_service.set_targets(ws, changes),
            self.guard(done),
            self.guard(failed),
            owner=self,
        )
