"""Importing facilities from a DGIS CLUES catalogue file: preview first, then import.

The file is read in the background and nothing is written until the person
has seen which rows will be added or updated and, row by row, which were
rejected and why. The import itself runs behind a progress dialog, after a
snapshot backup taken by the service.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models.catalog import Catalog
from app.models.facility import Facility
from app.services.facilities import registry as facility_service
from app.services.facilities.registry import FacilityImportPreview
from app.ui.common import theme
from app.ui.common.formatting import error_text, status_style
from app.ui.common.progress_dialog import run_with_progress
from app.ui.common.tasks import TaskManager
from app.ui.common.window_fit import fit_window
from app.ui.facilities.facility_models import FacilitiesModel, FacilityFilterProxy, RejectedRowsModel, fit_columns


def _preview_with_stored(ws, path: Path) -> tuple[FacilityImportPreview, dict[str, Facility]]:
    preview = facility_service.preview_facility_import(ws, path)
    clues = {f.clues for f in preview.accepted}
    stored = {f.clues: f for f in facility_service.list_facilities(ws) if f.clues in clues}
    return preview, stored


class FacilityImportDialog(QDialog):
    """Preview of a facility import with "Importar N unidades" / "Cancelar"."""

    imported = Signal(int, int)  # new, updated
    result: QLabel  # type: ignore[assignment]  # shadows QDialog.result(), which nothing here calls

    def __init__(self, tasks: TaskManager, catalog: Catalog, lang: str, path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self._tasks = tasks
        self._lang = lang
        self.path = Path(path)
        self.preview: FacilityImportPreview | None = None
        self.error_message = ""
        self.setWindowTitle(self.tr("Importar unidades · %1").replace("%1", self.path.name))
        fit_window(self, "import_preview", 1100, 640)
        self._build_summary()
        self._build_lists(catalog, lang)
        buttons = self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.columns_note)
        layout.addWidget(self.lists, 1)
        layout.addLayout(buttons)
        tasks.run_db(
            lambda ws, _p: _preview_with_stored(ws, self.path), self._show_preview, self._preview_failed, owner=self
        )

    def _build_summary(self) -> None:
        """The summary line ("Leyendo…" until the preview arrives) and the recognised-columns note."""
        self.summary = QLabel(self.tr("Leyendo %1…").replace("%1", self.path.name))
        self.summary.setWordWrap(True)
        self.columns_note = QLabel()
        self.columns_note.setWordWrap(True)
        self.columns_note.setStyleSheet(theme.text_style("muted"))

    def _build_lists(self, catalog: Catalog, lang: str) -> None:
        """The accepted and rejected tables, one above the other in a splitter."""
        self.accepted_model = FacilitiesModel(catalog, lang, with_change=True, parent=self)
        accepted_proxy = FacilityFilterProxy(self)
        accepted_proxy.setSourceModel(self.accepted_model)
        self.accepted_view = self._table(accepted_proxy)
        self.accepted_view.setWordWrap(False)
        self.rejected_model = RejectedRowsModel(lang, self)
        self.rejected_view = self._table(self.rejected_model)
        self.rejected_view.setWordWrap(True)
        self.rejected_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.rejected_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.rejected_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # Both lists at once: what will be stored and what will not, without hunting in tabs.
        self.accepted_box = QGroupBox(self.tr("Aceptadas"))
        QVBoxLayout(self.accepted_box).addWidget(self.accepted_view)
        self.rejected_box = QGroupBox(self.tr("Rechazadas"))
        QVBoxLayout(self.rejected_box).addWidget(self.rejected_view)
        self.lists = QSplitter(Qt.Orientation.Vertical)
        self.lists.addWidget(self.accepted_box)
        self.lists.addWidget(self.rejected_box)

    def _build_buttons(self) -> QHBoxLayout:
        """The result line with "Importar" (disabled until the preview) and "Cancelar"."""
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.import_button = QPushButton(self.tr("Importar"))
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.run_import)
        self.cancel_button = QPushButton(self.tr("Cancelar"))
        self.cancel_button.clicked.connect(self.reject)
        for button in (self.import_button, self.cancel_button):
            button.setAutoDefault(False)  # Enter must never start an import by accident
        buttons = QHBoxLayout()
        buttons.addWidget(self.result, 1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)
        return buttons

    def _table(self, model) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setSortingEnabled(isinstance(model, FacilityFilterProxy))
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.verticalHeader().hide()
        return view

    # -- preview --------------------------------------------------------------------
    def _show_preview(self, result: tuple[FacilityImportPreview, dict[str, Facility]]) -> None:
        preview, stored = result
        self.preview = preview
        changes = {}
        for fac in preview.accepted:
            old = stored.get(fac.clues)
            changes[fac.clues] = "new" if old is None else ("same" if old == fac else "updated")
        self.accepted_model.set_facilities(preview.accepted, changes)
        fit_columns(self.accepted_view, self.accepted_model)
        self.rejected_model.set_rows([(r.row, [e.message(self._lang) for e in r.errors]) for r in preview.rejected])
        accepted, rejected = len(preview.accepted), len(preview.rejected)
        unchanged = accepted - preview.new_count - preview.updated_count
        self.accepted_box.setTitle(self.tr("Aceptadas (%1)").replace("%1", str(accepted)))
        self.rejected_box.setTitle(self.tr("Rechazadas (%1): no se importarán").replace("%1", str(rejected)))
        self.rejected_box.setVisible(rejected > 0)
        text = (
            self.tr("%1 filas aceptadas: %2 nuevas, %3 actualizadas y %4 sin cambios.")
            .replace("%1", str(accepted))
            .replace("%2", str(preview.new_count))
            .replace("%3", str(preview.updated_count))
            .replace("%4", str(unchanged))
        )
        if rejected:
            text += " " + self.tr("%1 filas rechazadas no se importarán; abajo se dice por qué.").replace(
                "%1", str(rejected)
            )
        self.summary.setText(text)
        self.summary.setStyleSheet(status_style("warning") if rejected else "")
        names = self._field_names()
        found = ", ".join(f"{names.get(field, field)} ← «{header}»" for field, header in preview.column_map.items())
        self.columns_note.setText(self.tr("Columnas reconocidas: %1").replace("%1", found))
        to_write = preview.new_count + preview.updated_count
        self.import_button.setText(self.tr("Importar %1 unidades").replace("%1", str(to_write)))
        self.import_button.setEnabled(to_write > 0)
        if to_write == 0:
            self.result.setText(self.tr("No hay nada que importar."))

    def _field_names(self) -> dict[str, str]:
        return {
            "clues": self.tr("CLUES"),
            "name": self.tr("Nombre"),
            "state": self.tr("Estado"),
            "municipality": self.tr("Municipio"),
            "jurisdiction": self.tr("Jurisdicción"),
            "type": self.tr("Tipo"),
            "level": self.tr("Nivel"),
            "institution": self.tr("Institución"),
            "status": self.tr("Estatus"),
            "status_since": self.tr("Desde"),
        }

    def _preview_failed(self, exc: BaseException) -> None:
        self.error_message = error_text(exc, self._lang)
        self.summary.setText(self.tr("No se pudo leer el archivo: %1").replace("%1", self.error_message))
        self.summary.setStyleSheet(status_style("error"))
        self.lists.setEnabled(False)
        self.import_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Cerrar"))

    # -- import ---------------------------------------------------------------------
    def run_import(self) -> None:
        """Store the accepted rows behind a progress dialog (a backup is taken first)."""
        preview = self.preview
        if preview is None:
            return
        self.import_button.setEnabled(False)
        self.cancel_button.setEnabled(False)

        def done(counts: tuple[int, int]) -> None:
            new, updated = counts
            self.result.setText(
                self.tr("Importación terminada: %1 nuevas, %2 actualizadas.")
                .replace("%1", str(new))
                .replace("%2", str(updated))
            )
            self.result.setStyleSheet(status_style("ok"))
            self.import_button.hide()
            self.cancel_button.setEnabled(True)
            self.cancel_button.setText(self.tr("Cerrar"))
            self.cancel_button.clicked.disconnect()
            self.cancel_button.clicked.connect(self.accept)
            self.imported.emit(new, updated)

        def failed(exc: BaseException) -> None:
            self.result.setText(self.tr("No se importó nada: %1").replace("%1", error_text(exc, self._lang)))
            self.result.setStyleSheet(status_style("error"))
            self.import_button.setEnabled(True)
            self.cancel_button.setEnabled(True)

        run_with_progress(
            self,
            self._tasks,
            self.tr("Importando unidades…"),
            lambda ws, _p: facility_service.apply_facility_import(ws, preview),
            done,
            failed,
        )
