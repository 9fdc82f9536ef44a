"""The facility registry: search, sort, add, edit and import facilities.

The registry is read on the database worker; editing and importing open their
own dialogs. Whenever something was stored, :attr:`FacilitiesDialog.facilities_changed`
tells the main window to reload the month (new facilities, changed types).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models.catalog import Catalog
from app.models.facility import Facility
from app.services.facilities import registry as facility_service
from app.ui.common.formatting import error_text, status_style
from app.ui.common.tasks import TaskManager
from app.ui.common.window_fit import fit_window
from app.ui.facilities.facility_editor import FacilityEditorDialog
from app.ui.facilities.facility_models import FACILITY_ROLE, FacilitiesModel, FacilityFilterProxy, fit_columns
from app.ui.facilities.import_preview_dialog import FacilityImportDialog


class FacilitiesDialog(QDialog):
    """Table of the registered facilities with Nueva… / Editar… / Importar…."""

    facilities_changed = Signal()
    loaded = Signal()

    def __init__(self, tasks: TaskManager, catalog: Catalog, lang: str = "es", parent: QWidget | None = None):
        super().__init__(parent)
        self._tasks = tasks
        self._catalog = catalog
        self._lang = lang
        self.editor: FacilityEditorDialog | None = None
        self.importer: FacilityImportDialog | None = None
        self.setWindowTitle(self.tr("Unidades médicas (CLUES)"))
        fit_window(self, "facilities", 1280, 640)
        self._build_filters()
        self._build_view()
        self._build_buttons()
        self._lay_out()
        self._update_buttons()
        self.reload()

    def _build_filters(self) -> None:
        """The search box and state filter above the table, and the model they filter."""
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Buscar por CLUES, nombre, municipio, jurisdicción…"))
        self.search.setClearButtonEnabled(True)
        self.state_filter = QComboBox()
        self.state_filter.addItem(self.tr("Todos los estados"), "")
        self.count_label = QLabel()

        self.model = FacilitiesModel(self._catalog, self._lang, parent=self)
        self.proxy = FacilityFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search.textChanged.connect(self._filter_changed)
        self.state_filter.currentIndexChanged.connect(self._filter_changed)

    def _build_view(self) -> None:
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.doubleClicked.connect(lambda _index: self.edit_selected())
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)

    def _build_buttons(self) -> None:
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.new_button = QPushButton(self.tr("Nueva…"))
        self.edit_button = QPushButton(self.tr("Editar…"))
        self.import_button = QPushButton(self.tr("Importar…"))
        self.close_button = QPushButton(self.tr("Cerrar"))
        self.new_button.clicked.connect(self.new_facility)
        self.edit_button.clicked.connect(self.edit_selected)
        self.import_button.clicked.connect(self.choose_import_file)
        self.close_button.clicked.connect(self.accept)
        for button in (self.new_button, self.edit_button, self.import_button, self.close_button):
            button.setAutoDefault(False)  # Enter in the search box must not open a dialog

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.state_filter)
        top.addWidget(self.count_label)
        bottom = QHBoxLayout()
        bottom.addWidget(self.new_button)
        bottom.addWidget(self.edit_button)
        bottom.addWidget(self.import_button)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        layout.addLayout(bottom)

    # -- loading --------------------------------------------------------------------
    def reload(self, select: str = "") -> None:
        """Read the registry again in the background; select CLUES ``select`` if given."""

        def done(facilities: list[Facility]) -> None:
            self.model.set_facilities(facilities)
            fit_columns(self.view, self.model)
            self._fill_states(facilities)
            self._update_count()
            if select:
                self.select_clues(select)
            self._update_buttons()
            self.loaded.emit()

        def failed(exc: BaseException) -> None:
            self._show_status(error_text(exc, self._lang), "error")
            self.loaded.emit()

        self._tasks.run_db(lambda ws, _p: facility_service.list_facilities(ws), done, failed, owner=self)

    def _fill_states(self, facilities: list[Facility]) -> None:
        current = self.state_filter.currentData()
        codes = sorted(
            {f.state_code for f in facilities},
            key=lambda c: self._catalog.states[c].name if c in self._catalog.states else c,
        )
        self.state_filter.blockSignals(True)
        while self.state_filter.count() > 1:
            self.state_filter.removeItem(1)
        for code in codes:
            state = self._catalog.states.get(code)
            self.state_filter.addItem(state.name if state else code, code)
        self.state_filter.setCurrentIndex(max(self.state_filter.findData(current), 0))
        self.state_filter.blockSignals(False)

    def _filter_changed(self) -> None:
        self.proxy.set_search(self.search.text())
        self.proxy.set_state(self.state_filter.currentData() or "")
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = (
            self.tr("%1 unidades").replace("%1", str(total))
            if shown == total
            else self.tr("%1 de %2 unidades").replace("%1", str(shown)).replace("%2", str(total))
        )
        self.count_label.setText(text)

    # -- selection ------------------------------------------------------------------
    def selected_facility(self) -> Facility | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(FACILITY_ROLE) if rows else None

    def select_clues(self, clues: str) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(FACILITY_ROLE).clues == clues:
                self.view.selectRow(row)
                self.view.scrollTo(index)
                return

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self.selected_facility() is not None)

    def _show_status(self, text: str, kind: str = "") -> None:
        self.status.setText(text)
        self.status.setStyleSheet(status_style(kind))

    # -- actions --------------------------------------------------------------------
    def new_facility(self) -> FacilityEditorDialog:
        return self._open_editor(None)

    def edit_selected(self) -> FacilityEditorDialog | None:
        fac = self.selected_facility()
        return self._open_editor(fac) if fac else None

    def _open_editor(self, fac: Facility | None) -> FacilityEditorDialog:
        editor = FacilityEditorDialog(self._tasks, self._catalog, self._lang, fac, self)
        editor.saved.connect(self._saved)
        editor.finished.connect(lambda _code: setattr(self, "editor", None))
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.editor = editor
        editor.open()
        return editor

    def _saved(self, fac: Facility) -> None:
        self._show_status(self.tr("Se guardó %1 (%2).").replace("%1", fac.name).replace("%2", fac.clues), "ok")
        self.reload(select=fac.clues)
        self.facilities_changed.emit()

    def choose_import_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Importar catálogo CLUES"),
            "",
            self.tr("Catálogo CLUES (*.csv *.xlsx);;Todos los archivos (*)"),
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> FacilityImportDialog:
        """Open the import preview for ``path`` (the import starts from there)."""
        dialog = FacilityImportDialog(self._tasks, self._catalog, self._lang, path, self)
        dialog.imported.connect(self._imported)
        dialog.finished.connect(lambda _code: setattr(self, "importer", None))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.importer = dialog
        dialog.open()
        return dialog

    def _imported(self, new: int, updated: int) -> None:
        self._show_status(
            self.tr("Importación terminada: %1 nuevas, %2 actualizadas.")
            .replace("%1", str(new))
            .replace("%2", str(updated)),
            "ok",
        )
        self.reload()
        self.facilities_changed.emit()
