"""Sincronizar ▸ Enviar paquete a oficinas centrales: a state's outbox.

The table lists every package this state wrote, pending until headquarters'
acknowledgement is imported (then it shows the delivery date). "Enviar paquete…" writes
the next package into a folder (a USB stick, a shared folder): it checks the profile and
HQ's profile first, then asks the passphrase, then opens the identity, builds, signs and
writes on the database thread. A wrong passphrase, a missing HQ profile or a folder that
cannot be written are shown and leave no file and no outbox row behind (the service
opens nothing for writing before those checks pass).
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models.catalog import Catalog
from app.services.sync import sync_export, sync_import, sync_profile, sync_status
from app.ui.common import settings
from app.ui.common.folder_field import FolderField
from app.ui.common.formatting import status_style
from app.ui.common.job_dialog import JobDialog, status_line
from app.ui.common.passphrase_dialog import PassphraseProvider, ask_passphrase
from app.ui.common.tasks import TaskManager
from app.ui.common.window_fit import fit_window
from app.ui.summary.export_dialog import documents_folder
from app.ui.summary.signing_choice import NONE, P12, SigningChoice
from app.ui.sync.sync_errors import show_sync_error, sync_error_text
from app.ui.sync.sync_tables import OutboxModel

FOLDER_KEY = "sync/outbox_folder"
IMPORT_KEY = "sync/inbox_folder"


def _ready_to_send(ws) -> dict:
    """Fails (SyncError) when this directory cannot send: no state profile or no HQ profile."""
    sync_profile.require_profile(ws, "state")
    sync_profile.hq_keys(ws)
    return sync_status.status(ws)


class OutboxDialog(JobDialog):
    """The outbox table, sending the next package, importing HQ's acknowledgements."""

    loaded = Signal()
    sent = Signal(object)  # sync_export.ExportedPackage
    imported = Signal(list)  # list of sync_import.ImportResult
    data_changed = Signal()  # an update from HQ changed facilities or targets

    def __init__(self, tasks: TaskManager, catalog: Catalog, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._tasks = tasks
        self._catalog = catalog
        self._lang = lang
        self._busy = False
        self.data: dict | None = None
        self.last_package: sync_export.ExportedPackage | None = None
        self.error_box: QMessageBox | None = None
        #: Asks for the passphrase; tests replace it to answer the modal prompt.
        self.passphrase_provider: PassphraseProvider = ask_passphrase
        self.setWindowTitle(self.tr("Enviar paquete a oficinas centrales"))
        fit_window(self, "outbox", 940, 720)

        self.heading = QLabel()
        self.hq_line = QLabel()
        self.hq_line.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.hq_line)
        layout.addWidget(self._build_table(lang), 1)
        layout.addWidget(self._build_send_box())
        self.status = status_line(Qt.TextFormat.RichText)
        layout.addWidget(self.status)
        layout.addLayout(self._build_actions())
        self._update_buttons()
        self.reload()

    def _build_table(self, lang: str) -> QTableView:
        """The outbox: every package sent, delivered or waiting for HQ's acknowledgement."""
        self.model = OutboxModel(lang, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(OutboxModel.FILE, QHeaderView.ResizeMode.Stretch)
        return self.table

    def _build_send_box(self) -> QGroupBox:
        """Output folder, signature (always signed), "Todo (completo)" and Enviar paquete."""
        self.folder_field = FolderField(
            self.tr("Carpeta para el paquete"), settings.last_path(FOLDER_KEY, str(documents_folder()))
        )
        self.folder = self.folder_field.edit
        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel(self.tr("Carpeta de salida:")))
        folder_row.addWidget(self.folder_field, 1)
        self.full_box = QCheckBox(self.tr("Todo (completo)"))
        self.full_box.setToolTip(
            self.tr(
                "Envía todos los valores del estado, no solo los cambios desde el último acuse de oficinas centrales."
            )
        )
        self.signing = SigningChoice(self)
        # A package must be signed: HQ refuses anything else, so "Sin firma" is not offered.
        self.signing.none_radio.hide()
        if self.signing.mode() == NONE:
            self.signing.set_mode(P12)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.send_button = QPushButton(self.tr("Enviar paquete…"))
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self.send)
        send_row = QHBoxLayout()
        send_row.addWidget(self.full_box)
        send_row.addStretch(1)
        send_row.addWidget(self.progress)
        send_row.addWidget(self.send_button)
        send_box = QGroupBox(self.tr("Nuevo paquete"))
        send_layout = QVBoxLayout(send_box)
        send_layout.addLayout(folder_row)
        send_layout.addWidget(self.signing)
        send_layout.addLayout(send_row)
        return send_box

    def _build_actions(self) -> QHBoxLayout:
        self.open_folder_button = QPushButton(self.tr("Abrir carpeta"))
        self.open_folder_button.clicked.connect(self.open_folder)
        self.import_button = QPushButton(self.tr("Importar acuse o actualización…"))
        self.import_button.clicked.connect(self.choose_import)
        close = QPushButton(self.tr("Cerrar"))
        close.clicked.connect(self.reject)
        actions = QHBoxLayout()
        actions.addWidget(self.import_button)
        actions.addWidget(self.open_folder_button)
        actions.addStretch(1)
        actions.addWidget(close)
        return actions

    # -- state -----------------------------------------------------------------------
    def _update_buttons(self) -> None:
        self.send_button.setEnabled(not self._busy)
        self.import_button.setEnabled(not self._busy)
        self.open_folder_button.setVisible(self.last_package is not None)
        self.progress.setVisible(self._busy)

    def _show_status(self, text: str, kind: str = "") -> None:
        self.status.setText(html.escape(text).replace("\n", "<br>"))
        self.status.setStyleSheet(status_style(kind))

    def _fail(self, title: str, exc: BaseException) -> None:
        self._busy = False
        self._update_buttons()
        self._show_status(sync_error_text(exc, self._lang), "error")
        self.error_box = show_sync_error(self, title, exc, self._lang)

    def busy(self) -> bool:
        return self._busy  # a package is being written or imported: let it finish

    def reload(self) -> None:
        """Read the outbox and HQ's profile again."""
        self._tasks.run_db(
            lambda ws, _p: sync_status.status(ws),
            self.guard(self._loaded),
            self.guard(lambda exc: self._fail(self.tr("Bandeja de salida"), exc)),
            owner=self,
        )

    def _loaded(self, data: dict) -> None:
        self.data = data
        prof = data["profile"]
        state = self._catalog.states.get((prof or {}).get("state") or "")
        title = self.tr("Bandeja de salida")
        self.heading.setText(f"<b>{html.escape(title)}</b>" + (f" · {html.escape(state.name)}" if state else ""))
        if prof is None or prof["role"] != "state":
            self.hq_line.setText(
                self.tr(
                    "Este directorio de datos no tiene perfil de coordinación estatal. "
                    "Créelo en Sincronizar ▸ Perfil y registro…"
                )
            )
            self.hq_line.setStyleSheet(status_style("warning"))
        elif data["hq"] is None:
            self.hq_line.setText(
                self.tr(
                    "Falta el perfil de oficinas centrales: impórtelo en Sincronizar ▸ "
                    "Perfil y registro… antes de enviar paquetes."
                )
            )
            self.hq_line.setStyleSheet(status_style("warning"))
        else:
            # The fingerprint only in the tooltip: it is for the phone check, not for reading.
            self.hq_line.setToolTip(
                self.tr("Huella de las claves de oficinas centrales (para compararla por teléfono): %1").replace(
                    "%1", data["hq"]["fingerprint"]
                )
            )
            self.hq_line.setText(
                self.tr("Para: %1 · %2 paquetes sin acuse de recibo de oficinas centrales")
                .replace("%1", data["hq"]["name"])
                .replace("%2", str(data["pending"]))
            )
            self.hq_line.setStyleSheet("")
        self.model.set_rows(data["outbox"])
        self.loaded.emit()

    # -- sending ---------------------------------------------------------------------
    def folder_path(self) -> Path | None:
        return self.folder_field.path()

    def set_folder(self, path: Path) -> None:
        """Write packages into ``path`` (what the folder picker does; tests call it)."""
        self.folder_field.set_path(path)

    def send(self) -> None:
        """Check profile and HQ, ask the passphrase, then build, sign and write the package."""
        if self._busy:
            return
        folder = self.folder_path()
        if folder is None:
            self._show_status(self.tr("Elija la carpeta donde se guardará el paquete."), "error")
            return
        problem = self.signing.problem()
        if problem:
            self._show_status(problem, "error")
            return
        self._busy = True
        self._update_buttons()
        self._tasks.run_db(
            lambda ws, _p: _ready_to_send(ws),
            self.guard(lambda _d: self._ask_and_send(folder)),
            self.guard(lambda exc: self._fail(self.tr("No se pudo enviar el paquete"), exc)),
            owner=self,
        )

    def _ask_and_send(self, folder: Path) -> None:
        load = self.signing.ask_loader(self, self.passphrase_provider)
        if load is None:
            self._busy = False
            self._update_buttons()
            self._show_status(self.tr("Envío cancelado: no se escribió ningún paquete."))
            return
        full = self.full_box.isChecked()

        def job(ws, progress) -> sync_export.ExportedPackage:
            identity = load()  # first: a wrong passphrase writes nothing
            assert identity is not None  # "Sin firma" is not offered here
            return sync_export.export_package(ws, folder, identity, full=full, progress=progress.callback())

        self.progress.setRange(0, 0)
        self._show_status(self.tr("Preparando el paquete…"))
        self._tasks.run_db(
            job,
            self.guard(self._sent),
            self.guard(lambda exc: self._fail(self.tr("No se pudo enviar el paquete"), exc)),
            self.guard_progress,
            owner=self,
        )

    def guard_progress(self, done: int, total: int, _text: str = "") -> None:
        if not self._finished:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done)

    def _sent(self, pkg: sync_export.ExportedPackage) -> None:
        self._busy = False
        self.last_package = pkg
        self.signing.remember()
        settings.save_last_path(FOLDER_KEY, str(pkg.path.parent))
        what = self.tr("completo") if pkg.full else self.tr("cambios")
        self.status.setText(
            "<b>"
            + html.escape(self.tr("Se guardó el paquete %1.").replace("%1", pkg.path.name))
            + "</b><br>"
            + html.escape(
                self.tr("Núm. %1 (%2): %3 valores, %4 borrados. Carpeta: %5")
                .replace("%1", str(pkg.sequence))
                .replace("%2", what)
                .replace("%3", f"{pkg.values:,}")
                .replace("%4", str(pkg.tombstones))
                .replace("%5", str(pkg.path.parent))
            )
            + "<br>"
            + html.escape(self.tr("Queda pendiente hasta que importe el acuse de oficinas centrales."))
        )
        self.status.setStyleSheet(status_style("ok").replace("font-weight: bold;", ""))
        self.status.setToolTip(str(pkg.path))
        self._update_buttons()
        self.reload()
        self.sent.emit(pkg)

    def open_folder(self) -> None:
        if self.last_package is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_package.path.parent)))

    # -- acknowledgements ------------------------------------------------------------
    def choose_import(self) -> None:
        start = settings.last_path(IMPORT_KEY, str(self.folder_path() or documents_folder()))
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Acuse o actualización de oficinas centrales"),
            start,
            self.tr("Paquetes de Coordina (*.coordina);;Todos los archivos (*)"),
        )
        if paths:
            settings.save_last_path(IMPORT_KEY, str(Path(paths[0]).parent))
            self.import_files([Path(p) for p in paths])

    def import_files(self, paths: list[Path]) -> None:
        """Import HQ's acknowledgements or updates; show each summary, then reload the table."""
        if self._busy or not paths:
            return
        self._busy = True
        self.progress.setRange(0, 0)
        self._update_buttons()
        self._show_status(self.tr("Importando…"))
        self._tasks.run_db(
            lambda ws, p: sync_import.import_packages(ws, paths, progress=p.callback()),
            self.guard(self._imported),
            self.guard(lambda exc: self._fail(self.tr("No se pudo importar"), exc)),
            self.guard_progress,
            owner=self,
        )

    def _imported(self, results: list) -> None:
        self._busy = False
        words = {
            "SUCCESS": self.tr("importado"),
            "WARNING": self.tr("importado con avisos"),
            "ERROR": self.tr("rechazado"),
        }
        lines = [
            f"<b>{html.escape(r.path.name)}</b>: {html.escape(words.get(r.summary['status'], ''))} — "
            f"{html.escape(str(r.summary.get('description', '')))}"
            for r in results
        ]
        worst = (
            "error"
            if any(r.summary["status"] == "ERROR" for r in results)
            else "warning"
            if any(r.summary["status"] == "WARNING" for r in results)
            else "ok"
        )
        self.status.setText("<br>".join(lines))
        self.status.setStyleSheet(status_style(worst).replace("font-weight: bold;", ""))
        self._update_buttons()
        self.reload()
        self.imported.emit(results)
        if any(r.ok and (r.summary.get("package") or {}).get("kind") == "update" for r in results):
            self.data_changed.emit()
