"""Sincronizar ▸ Responder a los estados: headquarters writes acknowledgements and updates.

The table lists the states with a registered coordinator and what HQ received from each.
For the selected states (Ctrl+A: all) "Escribir acuses" writes one signed acknowledgement per
state into the destination folder; "Escribir actualizaciones" writes one update per state with
its facility registry and HQ's stored targets (metas) and, with "Incluir el catálogo",
HQ's active catalog. Everything is checked once before the first file (HQ's keys, the folder,
the catalog folder): a bad catalog folder writes nothing for any state. The files are written on the database thread, with a
progress bar over the states; Cancelar stops between states, and every file written is whole.

At a state's data directory the dialog only explains that it is for headquarters.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models.catalog import Catalog
from app.services.sync import sync_respond
from app.services.sync.sync_respond import ACK, UPDATE, Written
from app.ui.common import settings
from app.ui.common.formatting import status_style
from app.ui.common.job_dialog import JobDialog
from app.ui.common.tasks import Cancelled, Progress, TaskManager
from app.ui.common.window_fit import fit_window
from app.ui.summary.export_dialog import documents_folder
from app.ui.sync.respond_controls import (
    RespondControls,
    ack_box,
    actions_row,
    build_controls,
    folder_row,
    progress_row,
    update_box,
)
from app.ui.sync.respond_data import role_notice, snapshot, written_lines
from app.ui.sync.respond_models import StatesToAnswerModel
from app.ui.sync.sync_errors import show_sync_error, sync_error_text
from app.ui.sync.sync_models import table_view

FOLDER_KEY = "sync/respond_folder"


class RespondDialog(JobDialog):
    """The registered states; write acknowledgements or updates for the selected ones."""

    loaded = Signal()
    written = Signal(object)  # sync_respond.Written
    failed = Signal(object)  # the exception: nothing was written

    def __init__(self, tasks: TaskManager, catalog: Catalog, lang: str = "es", parent: QWidget | None = None):
        super().__init__(parent)
        self._tasks = tasks
        self._catalog = catalog
        self._lang = lang
        self._busy = False
        self._handle: Progress | None = None
        self.data: dict | None = None
        self.last_written: Written | None = None
        self.error_box: QMessageBox | None = None
        self.setWindowTitle(self.tr("Responder a los estados"))
        fit_window(self, "respond", 980, 720)

        layout = QVBoxLayout(self)
        layout.addWidget(self._build_intro())
        layout.addWidget(self.role_line)
        layout.addWidget(self._build_table(lang), 1)
        layout.addWidget(self.selection_label)
        controls = self._build_controls()
        layout.addLayout(folder_row(controls))
        layout.addWidget(ack_box(controls))
        layout.addWidget(update_box(controls))
        layout.addLayout(progress_row(controls))
        layout.addWidget(self.status)
        layout.addWidget(self.files_list)
        layout.addLayout(actions_row(controls))
        self._set_tab_order()
        self.view.setFocus()
        self._update_buttons()
        self.reload()

    def _build_intro(self) -> QLabel:
        """What the dialog writes; the role line below it says when this is not HQ."""
        intro = QLabel(
            self.tr(
                "Escriba para cada estado seleccionado un acuse (lo que oficinas centrales "
                "recibió; al importarlo, el estado marca sus paquetes como entregados) o una "
                "actualización (su padrón de unidades y, si lo elige, el catálogo)."
            )
        )
        intro.setWordWrap(True)
        self.role_line = QLabel()
        self.role_line.setWordWrap(True)
        self.role_line.hide()
        return intro

    def _build_table(self, lang: str) -> QTableView:
        """The registered states (several can be selected) and the selection count below."""
        self.model = StatesToAnswerModel(lang, self)
        self.view = table_view(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setTabKeyNavigation(False)  # Tab leaves the table for the next control
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(StatesToAnswerModel.COORDINATORS, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.selection_label = QLabel()
        return self.view

    def _build_controls(self) -> RespondControls:
        """The folder, the two write buttons, the catalog choice, progress, and the closing buttons."""
        controls = build_controls(settings.last_path(FOLDER_KEY, str(documents_folder())))
        self.folder_field, self.catalog_field = controls.folder_field, controls.catalog_field
        self.folder, self.folder_button = self.folder_field.edit, self.folder_field.button
        self.catalog_folder, self.catalog_button = self.catalog_field.edit, self.catalog_field.button
        self.ack_button, self.update_button = controls.ack_button, controls.update_button
        self.include_catalog = controls.include_catalog
        self.progress_bar, self.cancel_button = controls.progress_bar, controls.cancel_button
        self.status, self.files_list = controls.status, controls.files_list
        self.open_folder_button, self.close_button = controls.open_folder_button, controls.close_button
        self.ack_button.clicked.connect(self.write_acks)
        self.update_button.clicked.connect(self.write_updates)
        self.include_catalog.toggled.connect(lambda _on: self._update_buttons())
        self.cancel_button.clicked.connect(self.cancel)
        self.open_folder_button.clicked.connect(self.open_folder)
        self.close_button.clicked.connect(self.reject)
        return controls

    def _set_tab_order(self) -> None:
        """Tab follows the page top to bottom; Enter must not write packages by surprise."""
        chain: list[QWidget] = [
            self.view,
            self.folder,
            self.folder_button,
            self.ack_button,
            self.update_button,
            self.include_catalog,
            self.catalog_folder,
            self.catalog_button,
            self.cancel_button,
            self.files_list,
            self.open_folder_button,
            self.close_button,
        ]
        for button in chain:
            if isinstance(button, QPushButton):  # no button is the default
                button.setAutoDefault(False)
                button.setDefault(False)
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # -- state -----------------------------------------------------------------------
    def busy(self) -> bool:
        return self._busy  # packages are being written: Cancelar first, then close

    def _is_hq(self) -> bool:
        return bool(self.data and self.data["role"] == "hq")

    def _update_buttons(self) -> None:
        selected = len(self.selected_codes())
        ready = self._is_hq() and not self._busy
        self.ack_button.setEnabled(ready and selected > 0)
        self.update_button.setEnabled(ready and selected > 0)
        for widget in (self.folder, self.folder_button, self.include_catalog):
            widget.setEnabled(ready)
        catalog_on = ready and self.include_catalog.isChecked()
        self.catalog_folder.setEnabled(catalog_on)
        self.catalog_button.setEnabled(catalog_on)
        self.view.setEnabled(not self._busy)
        cancelling = self._handle is not None and self._handle.cancel_requested
        self.cancel_button.setEnabled(self._busy and not cancelling)
        self.close_button.setEnabled(not self._busy)
        self.open_folder_button.setEnabled(bool(self.last_written and self.last_written.paths))
        total = self.model.rowCount()
        self.selection_label.setText(
            self.tr("%1 de %2 estados seleccionados (Ctrl+A: todos)")
            .replace("%1", str(selected))
            .replace("%2", str(total))
            if total
            else ""
        )

    def _fail(self, title: str, exc: BaseException) -> None:
        self._busy = False
        self._handle = None
        self._update_buttons()
        self._show_status(html.escape(sync_error_text(exc, self._lang)), "error")
        self.error_box = show_sync_error(self, title, exc, self._lang)

    # -- loading ---------------------------------------------------------------------
    def reload(self) -> None:
        """Read the profile, the registered states and their inbox counts again."""
        self._tasks.run_db(
            lambda ws, _p: snapshot(ws),
            self.guard(self._loaded),
            self.guard(lambda exc: self._fail(self.tr("Responder a los estados"), exc)),
            owner=self,
        )

    def _loaded(self, data: dict) -> None:
        self.data = data
        notice = role_notice(data["role"], bool(data["states"]))
        self.role_line.setText(notice)
        self.role_line.setStyleSheet(status_style("warning") if notice else "")
        self.role_line.setVisible(bool(notice))
        # The active catalog lives inside the install or the data directory: name it by its
        # version, never by that internal path (issue 12); a folder is chosen only to send another.
        self.catalog_folder.setPlaceholderText(
            self.tr("Catálogo activo (versión %1)").replace("%1", str(data["catalog_version"]))
        )
        self.catalog_folder.setToolTip(
            self.tr("Vacío: se envía el catálogo activo. Elija una carpeta solo para enviar otro catálogo.")
        )
        self.model.set_rows(data["states"])
        self._update_buttons()
        self.loaded.emit()

    # -- choices ---------------------------------------------------------------------
    def selected_codes(self) -> list[str]:
        """The codes of the selected states, in table order."""
        rows = sorted(index.row() for index in self.view.selectionModel().selectedRows())
        return [state.code for state in (self.model.state(r) for r in rows) if state is not None]

    def select_states(self, codes: list[str]) -> None:
        """Select the rows of ``codes`` (what clicking them does; tests and screenshots call it)."""
        selection = self.view.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row in range(self.model.rowCount()):
            state = self.model.state(row)
            if state is not None and state.code in codes:
                selection.select(self.model.index(row, 0), flags)

    def folder_path(self) -> Path | None:
        return self.folder_field.path()

    def set_folder(self, path: Path) -> None:
        """Write the packages into ``path`` (what the folder picker does; tests call it)."""
        self.folder_field.set_path(path)

    def catalog_path(self) -> Path | None:
        return self.catalog_field.path()

    def set_catalog_folder(self, path: Path) -> None:
        """Send the catalog in ``path`` with the updates (the folder picker; tests call it)."""
        self.catalog_field.set_path(path)

    # -- writing ---------------------------------------------------------------------
    def write_acks(self) -> None:
        """Write one acknowledgement per selected state."""
        self._write(ACK)

    def write_updates(self) -> None:
        """Write one update per selected state (with the catalog when "Incluir el catálogo")."""
        self._write(UPDATE)

    def _write(self, kind: str) -> None:
        if self._busy or not self._is_hq():
            return
        codes = self.selected_codes()
        if not codes:
            self._show_status(html.escape(self.tr("Seleccione al menos un estado.")), "error")
            return
        folder = self.folder_path()
        if folder is None:
            self._show_status(html.escape(self.tr("Elija la carpeta donde se guardarán los paquetes.")), "error")
            return
        catalog_dir = None
        if kind == UPDATE and self.include_catalog.isChecked():
            catalog_dir = self.catalog_path() or (Path(self.data["catalog_dir"]) if self.data else None)
            if catalog_dir is None:
                self._show_status(html.escape(self.tr("Elija la carpeta del catálogo.")), "error")
                return

        def job(ws, progress: Progress) -> Written:
            def report(done: int, total: int, code: str) -> None:
                try:
                    progress.update(done, total, code)
                except Cancelled:
                    pass  # seen before the next state

            return sync_respond.write_packages(
                ws, kind, codes, folder, catalog_dir, report, lambda: progress.cancel_requested
            )

        self._busy = True
        self.files_list.clear()
        self.files_list.hide()
        self.progress_bar.setRange(0, len(codes))
        self.progress_bar.setValue(0)
        self.progress_bar.show()
        self._show_status(
            html.escape(self.tr("Escribiendo acuses…") if kind == ACK else self.tr("Escribiendo actualizaciones…"))
        )
        title = (
            self.tr("No se escribieron los acuses") if kind == ACK else self.tr("No se escribieron las actualizaciones")
        )
        self._handle = self._tasks.run_db(
            job, self.guard(self._done), self.guard(lambda exc: self._failed(title, exc)), self._progress, owner=self
        )
        self._update_buttons()

    def cancel(self) -> None:
        """Stop after the state being written; the files already written stay whole."""
        if self._busy and self._handle is not None:
            self._handle.cancel_requested = True
            self._show_status(html.escape(self.tr("Cancelando…")), "warning")
            self._update_buttons()

    def _progress(self, done: int, total: int, _code: str) -> None:
        if not self._finished:
            self.progress_bar.setRange(0, max(total, 1))
            self.progress_bar.setValue(done)

    def _failed(self, title: str, exc: BaseException) -> None:
        self._fail(title, exc)
        self._show_status(
            html.escape(self.tr("No se escribió ningún archivo."))
            + "<br>"
            + html.escape(sync_error_text(exc, self._lang)),
            "error",
        )
        self.failed.emit(exc)

    def _done(self, result: Written) -> None:
        self._busy = False
        self._handle = None
        self.last_written = result
        folder = self.folder_path()
        if folder is not None:
            settings.save_last_path(FOLDER_KEY, str(folder))
        names = {row.code: row.name for row in (self.data or {}).get("states", [])}
        for path, code in zip(result.paths, result.states, strict=True):
            item = QListWidgetItem(f"{names.get(code, code)} — {path.name}")
            item.setToolTip(str(path))
            self.files_list.addItem(item)
        self.files_list.setVisible(bool(result.paths))
        lines, kind = written_lines(result, names, self._lang)
        self.status.setText(
            "<b>" + html.escape(lines[0]) + "</b><br>" + "<br>".join(html.escape(line) for line in lines[1:])
        )
        self.status.setStyleSheet(status_style(kind).replace("font-weight: bold;", ""))
        self.progress_bar.setValue(len(result.paths))
        self._update_buttons()
        if result.error is not None:
            self.error_box = show_sync_error(
                self, self.tr("No se escribieron todos los paquetes"), result.error, self._lang
            )
        self.written.emit(result)

    def open_folder(self) -> None:
        """Show the folder of the files just written in the file manager."""
        if self.last_written is not None and self.last_written.paths:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_written.paths[0].parent)))
