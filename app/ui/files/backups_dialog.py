"""The backups dialog: list snapshots, take one now, restore one, open the folder.

Everything that touches the disk runs on the database worker; the dialog only
shows results. A restore replaces the whole database, so it asks first and
says plainly that a safety backup of the current data is taken before.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.files import backup as backup_service
from app.storage.backups import Backup
from app.ui.common.formatting import error_text, file_size, local_datetime, status_style
from app.ui.common.job_dialog import status_line
from app.ui.common.progress_dialog import run_with_progress
from app.ui.common.tasks import TaskManager
from app.ui.common.window_fit import fit_window

_Index = QModelIndex | QPersistentModelIndex


class BackupsModel(QAbstractTableModel):
    """Backups newest first: fecha, motivo, tamaño."""

    DATE, REASON, SIZE = range(3)

    def __init__(self, lang: str = "es", parent: QWidget | None = None):
        super().__init__(parent)
        self._lang = lang
        self._rows: list[tuple[Backup, int]] = []  # size read once, off the paint path
        self._headers = [self.tr("Fecha"), self.tr("Motivo"), self.tr("Tamaño")]
        self._reasons = {
            "diario": self.tr("Diario"),
            "manual": self.tr("Manual"),
            "antes_de_importar": self.tr("Antes de importar"),
            "antes_de_restaurar": self.tr("Antes de restaurar"),
        }

    def set_backups(self, rows: list[tuple[Backup, int]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def backup_at(self, row: int) -> Backup | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def reason_label(self, reason: str) -> str:
        return self._reasons.get(reason, reason.replace("_", " "))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item, size = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.DATE:
                return local_datetime(item.created, self._lang, seconds=True)
            if column == self.REASON:
                return self.reason_label(item.reason)
            return file_size(size)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(item.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < 3:
            return self._headers[section]
        return None


def _list_with_sizes(ws, _progress) -> tuple[Path, list[tuple[Backup, int]]]:
    rows = []
    for item in backup_service.list_backups(ws):
        try:
            rows.append((item, item.size))
        except OSError:  # pruned between listing and stat
            continue
    return ws.backups_dir, rows


class BackupsDialog(QDialog):
    """Backups of the data directory, with create, restore and open-folder."""

    restored = Signal()

    def __init__(self, tasks: TaskManager, lang: str = "es", parent: QWidget | None = None):
        super().__init__(parent)
        self._tasks = tasks
        self._lang = lang
        self._folder: Path | None = None
        self._busy = False
        self.confirm_box: QMessageBox | None = None
        self.setWindowTitle(self.tr("Respaldos"))
        fit_window(self, "backups", 720, 440)

        intro = QLabel(
            self.tr(
                "Coordina guarda un respaldo cada día y otro antes de cada importación o "
                "restauración. Se conservan los 10 más recientes."
            )
        )
        intro.setWordWrap(True)

        self.model = BackupsModel(lang, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(BackupsModel.DATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(BackupsModel.REASON, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(BackupsModel.SIZE, QHeaderView.ResizeMode.ResizeToContents)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.view.doubleClicked.connect(lambda _index: self.ask_restore())

        self.status = status_line()

        self.create_button = QPushButton(self.tr("Crear respaldo ahora"))
        self.restore_button = QPushButton(self.tr("Restaurar…"))
        self.folder_button = QPushButton(self.tr("Abrir carpeta"))
        self.create_button.clicked.connect(self.create_backup)
        self.restore_button.clicked.connect(self.ask_restore)
        self.folder_button.clicked.connect(self.open_folder)
        actions = QHBoxLayout()
        for button in (self.create_button, self.restore_button, self.folder_button):
            actions.addWidget(button)
        actions.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Cerrar"))
        close.rejected.connect(self.reject)
        actions.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        layout.addLayout(actions)
        self._update_buttons()
        self.reload()

    # -- state ---------------------------------------------------------------------
    def selected_backup(self) -> Backup | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.backup_at(rows[0].row()) if rows else None

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.create_button.setEnabled(not self._busy)
        self.restore_button.setEnabled(not self._busy and self.selected_backup() is not None)
        self.folder_button.setEnabled(self._folder is not None)

    def _show_status(self, text: str, kind: str = "") -> None:
        self.status.setText(text)
        self.status.setStyleSheet(status_style(kind))

    # -- actions -------------------------------------------------------------------
    def reload(self, select: Path | None = None) -> None:
        """List the backups again (in the background) and select ``select`` if given."""

        def done(result: tuple[Path, list[tuple[Backup, int]]]) -> None:
            self._folder, rows = result
            self.model.set_backups(rows)
            for row, (item, _size) in enumerate(rows):
                if item.path == select:
                    self.view.selectRow(row)
            if not rows:
                self._show_status(self.tr("Todavía no hay respaldos."))
            self._update_buttons()

        self._tasks.run_db(_list_with_sizes, done, self._failed, owner=self)

    def create_backup(self) -> None:
        """Take a manual snapshot now."""
        self._set_busy(True)

        def done(path: Path) -> None:
            self._set_busy(False)
            self._show_status(self.tr("Respaldo creado: %1").replace("%1", path.name), "ok")
            self.reload(select=path)

        run_with_progress(
            self,
            self._tasks,
            self.tr("Creando respaldo…"),
            lambda ws, _p: backup_service.backup_now(ws, "manual"),
            done,
            self._failed,
        )

    def ask_restore(self) -> None:
        """Check the selected backup and count what it replaces (in the background), then
        ask for confirmation (non-blocking) before restoring it."""
        chosen = self.selected_backup()
        if chosen is None or self._busy:
            return
        self._set_busy(True)

        def shown(preview: backup_service.RestorePreview) -> None:
            self._set_busy(False)
            self._ask(chosen, preview)

        self._tasks.run_db(
            lambda ws, _p: backup_service.preview_restore(ws, chosen.path), shown, self._refused, owner=self
        )

    def _refused(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._show_status(
            self.tr("No se puede restaurar ese respaldo. Motivo: %1").replace("%1", error_text(exc, self._lang)),
            "error",
        )

    def _counts_text(self, preview: backup_service.RestorePreview) -> str:
        labels = (self.tr("Valores"), self.tr("Unidades"), self.tr("Informes"))
        return "\n".join(
            self.tr("%1: %2 ahora → %3 en el respaldo")
            .replace("%1", label)
            .replace("%2", f"{ours:,}")
            .replace("%3", f"{theirs:,}")
            for label, ours, theirs in zip(labels, preview.current_counts, preview.backup_counts, strict=True)
        )

    def _ask(self, chosen: Backup, preview: backup_service.RestorePreview) -> None:
        when = local_datetime(chosen.created, self._lang, seconds=True)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Restaurar respaldo"),
            self.tr("¿Restaurar el respaldo del %1 (%2)?")
            .replace("%1", when)
            .replace("%2", self.model.reason_label(chosen.reason)),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(
            self.tr("Los datos actuales se reemplazarán por los de ese respaldo:")
            + "\n"
            + self._counts_text(preview)
            + "\n\n"
            + self.tr(
                "Antes de restaurar, Coordina guarda un respaldo de seguridad de los datos actuales "
                "(«Antes de restaurar»), así que podrá volver a ellos si se equivoca."
            )
        )
        self.confirm_restore_button = box.addButton(self.tr("Restaurar"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancelar"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cast(QPushButton, box.buttons()[-1]))  # Cancel by default: a restore is drastic
        box.finished.connect(lambda _code: self._confirmed(box, chosen))
        self.confirm_box = box
        box.open()

    def _confirmed(self, box: QMessageBox, chosen: Backup) -> None:
        self.confirm_box = None
        if box.clickedButton() is self.confirm_restore_button:
            self.restore(chosen)
        box.deleteLater()

    def restore(self, chosen: Backup) -> None:
        """Restore ``chosen`` in the background; a safety backup is taken first."""
        self._set_busy(True)
        when = local_datetime(chosen.created, self._lang, seconds=True)

        def done(safety: Path) -> None:
            self._set_busy(False)
            self._show_status(
                self.tr("Se restauró el respaldo del %1. Los datos anteriores quedaron en el respaldo de seguridad %2.")
                .replace("%1", when)
                .replace("%2", safety.name),
                "ok",
            )
            self.reload()
            self.restored.emit()

        def failed(exc: BaseException) -> None:
            self._set_busy(False)
            self._show_status(
                self.tr("No se pudo restaurar el respaldo. Motivo: %1").replace("%1", error_text(exc, self._lang)),
                "error",
            )
            self.reload()

        run_with_progress(
            self,
            self._tasks,
            self.tr("Restaurando respaldo…"),
            lambda ws, _p: backup_service.restore_backup(ws, chosen.path),
            done,
            failed,
        )

    def open_folder(self) -> None:
        if self._folder is not None:
            self._folder.mkdir(parents=True, exist_ok=True)
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._folder)))

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._show_status(error_text(exc, self._lang), "error")
