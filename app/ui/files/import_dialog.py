"""Importing sync packages (``.coordina``): choose or drop files, preview, then import.

"Vista previa" runs the whole import as a dry run (every check, every value, then a
rollback), so each file shows what *would* happen — green, amber or red — before anything
is written. "Importar" applies them in the background with a progress bar; "Cancelar"
stops between packages: each package is applied whole (its own transaction) or not at all.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelection, QObject, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.models.catalog import Catalog
from app.models.import_summary import ImportSummary
from app.services.sync import sync_import
from app.services.sync.sync_import import ImportResult
from app.ui.common import settings, theme
from app.ui.common.alerts import show_error
from app.ui.common.formatting import error_text
from app.ui.common.job_dialog import JobDialog, count_bar, status_line
from app.ui.common.tasks import Cancelled, Progress, TaskManager
from app.ui.common.window_fit import fit_window
from app.ui.sync.sync_models import IssuesModel, PackageRow, PackagesModel, issues_view, table_view

SUFFIX = ".coordina"


def already_imported(summary: ImportSummary) -> bool:
    """Whether a summary is the stored one of a package imported before (see sync_import)."""
    return bool(summary.get("alreadyImported"))


class ImportDialog(JobDialog):
    """Packages to import, their preview or results, and the chosen one's conflicts and errors."""

    data_changed = Signal()
    finished_job = Signal()  # a preview or an import reported back (for tests and screenshots)

    def __init__(self, tasks: TaskManager, catalog: Catalog, lang: str = "es", parent: QWidget | None = None):
        super().__init__(parent)
        self._tasks = tasks
        self._catalog = catalog
        self._lang = lang
        self._handle: Progress | None = None
        self._processed = 0  # packages the running import has finished, for a cancelled run
        self.error_box: QMessageBox | None = None
        self.setWindowTitle(self.tr("Importar paquetes de sincronización"))
        self.setAcceptDrops(True)
        fit_window(self, "import", 1040, 640)
        top = self._build_file_buttons()
        splitter = self._build_tables()
        self.progress_bar = count_bar(self.tr("%v de %m"))
        self.status = status_line()
        actions = self._build_actions()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status)
        layout.addLayout(actions)
        self._show_status(self.tr("Agregue los paquetes que recibió; revise la vista previa antes de importar."))
        self._update_buttons()

    def _build_file_buttons(self) -> QHBoxLayout:
        """Agregar / Quitar and the drag-and-drop hint above the list."""
        self.add_button = QPushButton(self.tr("Agregar paquetes…"))
        self.add_button.clicked.connect(self.choose_files)
        self.remove_button = QPushButton(self.tr("Quitar"))
        self.remove_button.setToolTip(self.tr("Quita de la lista los archivos seleccionados (tecla Supr)."))
        self.remove_button.clicked.connect(self.remove_selected)
        hint = QLabel(self.tr("También puede arrastrar aquí los archivos .coordina."))
        hint.setStyleSheet(theme.text_style("muted"))
        top = QHBoxLayout()
        top.addWidget(self.add_button)
        top.addWidget(self.remove_button)
        top.addWidget(hint, 1)
        return top

    def _build_tables(self) -> QSplitter:
        """The packages above, the selected package's conflicts and errors below."""
        self.model = PackagesModel(self)
        self.view = table_view(self.model)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PackagesModel.DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        self.view.installEventFilter(self)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

        self.issues_title = QLabel(self.tr("Conflictos y errores del paquete seleccionado"))
        self.issues_model = IssuesModel(self)
        self.issues_view = issues_view(self.issues_model)  # plain meaning first, the code last
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.issues_title)
        lower_layout.addWidget(self.issues_view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        return splitter

    def _build_actions(self) -> QHBoxLayout:
        self.preview_button = QPushButton(self.tr("Vista previa"))
        self.preview_button.setToolTip(self.tr("Revisa los paquetes sin guardar nada (tecla Intro)."))
        self.preview_button.setDefault(True)
        self.preview_button.clicked.connect(self.preview)
        self.import_button = QPushButton(self.tr("Importar"))
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button = QPushButton(self.tr("Cancelar"))
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton(self.tr("Cerrar"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        actions = QHBoxLayout()
        actions.addStretch(1)
        for button in (self.preview_button, self.import_button, self.cancel_button, self.close_button):
            actions.addWidget(button)
        return actions

    # -- the list of files -----------------------------------------------------------------
    def is_running(self) -> bool:
        return self._handle is not None

    def add_paths(self, paths: list[Path]) -> int:
        """Add ``.coordina`` files not listed yet; returns how many were added."""
        if self.is_running():
            return 0
        rows = self.model.package_rows()
        known = {row.path.resolve() for row in rows}
        added, skipped = 0, 0
        for path in map(Path, paths):
            if path.suffix.lower() != SUFFIX or path.is_dir():
                skipped += 1
            elif path.resolve() not in known:
                known.add(path.resolve())
                rows.append(PackageRow(path, note=self.tr("Sin revisar")))
                added += 1
        self._set_rows(rows)
        if skipped:
            self._show_status(
                self.tr("Se omitieron %n archivo(s) que no son paquetes .coordina.", "", skipped), "warning"
            )
        elif added:
            self._show_status(
                self.tr("%n paquete(s) en la lista. Revise la vista previa antes de importar.", "", len(rows))
            )
        return added

    def choose_files(self) -> None:
        start = settings.last_path("sync/import_folder", str(Path.home()))
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Agregar paquetes"), start, self.tr("Paquetes de Coordina (*.coordina)")
        )
        if paths:
            settings.save_last_path("sync/import_folder", str(Path(paths[0]).parent))
            self.add_paths([Path(p) for p in paths])

    def remove_selected(self) -> None:
        """Remove the selected files from the list (never from the disk)."""
        if self.is_running():
            return
        chosen = {index.row() for index in self.view.selectionModel().selectedRows()}
        if not chosen and self.view.currentIndex().isValid():
            chosen = {self.view.currentIndex().row()}
        if chosen:
            self._set_rows([row for i, row in enumerate(self.model.package_rows()) if i not in chosen])

    def _set_rows(self, rows: list[PackageRow]) -> None:
        self.model.set_rows(rows)
        self.issues_model.set_rows([])
        if rows:
            self.view.selectRow(0)
        self._update_buttons()

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        index = self.view.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        self.issues_model.set_rows(row.issues if row else [])
        name = row.path.name if row else ""
        self.issues_title.setText(
            self.tr("Conflictos y errores de %1").replace("%1", name)
            if name
            else self.tr("Conflictos y errores del paquete seleccionado")
        )

    # -- keyboard and drops ----------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        # The table would swallow these keys; in this dialog they mean "remove" and "preview".
        if watched is self.view and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.remove_selected()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.preview()
                return True
        return super().eventFilter(watched, event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if not self.is_running() and any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        files = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            self.add_paths(files)
            event.acceptProposedAction()

    # -- state -----------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        running = self.is_running()
        has_files = self.model.rowCount() > 0
        self.add_button.setEnabled(not running)
        self.remove_button.setEnabled(not running and has_files)
        self.preview_button.setEnabled(not running and has_files)
        self.import_button.setEnabled(not running and has_files)
        self.cancel_button.setEnabled(running and not self._handle.cancel_requested if self._handle else False)
        self.close_button.setEnabled(not running)  # closing would orphan the job's callbacks

    def busy(self) -> bool:
        return self.is_running()

    # -- preview and import ----------------------------------------------------------------
    def preview(self) -> None:
        """Check every file as a dry run in the background; nothing is written."""
        self._run(dry_run=True)

    def start_import(self) -> None:
        """Import every file in the background, with progress; Cancelar stops between packages."""
        self._run(dry_run=False)

    def _run(self, dry_run: bool) -> None:
        paths = self.model.paths()
        if self.is_running() or not paths:
            return
        self._processed = 0

        def job(ws, progress: Progress) -> tuple[list[ImportResult], bool]:
            def report(done: int, total: int) -> None:
                self._processed = done  # the service reports after each package is complete
                progress.update(done, total)

            try:
                return sync_import.import_packages(ws, paths, dry_run=dry_run, progress=report), False
            except Cancelled:
                if dry_run:
                    return [], True
                # The packages finished before Cancel are stored whole; a dry run tells them
                # ("ya importado") from those never started, without writing anything.
                return sync_import.import_packages(ws, paths, dry_run=True), True

        self.progress_bar.setRange(0, len(paths))
        self.progress_bar.setValue(0)
        self._show_status(self.tr("Revisando los paquetes…") if dry_run else self.tr("Importando…"))
        self._handle = self._tasks.run_db(
            job, self.guard(lambda out: self._done(out, dry_run)), self.guard(self._failed), self._progress, owner=self
        )
        self._update_buttons()

    def cancel(self) -> None:
        """Stop after the package being imported; it is applied whole or not at all."""
        if self._handle is not None:
            self._handle.cancel_requested = True
            self._show_status(self.tr("Cancelando…"), "warning")
            self._update_buttons()

    def _progress(self, done: int, total: int, _text: str) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)

    def _done(self, outcome: tuple[list[ImportResult], bool], dry_run: bool) -> None:
        results, cancelled = outcome
        self._handle = None
        by_path = {Path(r.path).resolve(): r.summary for r in results}
        rows = []
        for row in self.model.package_rows():
            found = by_path.get(row.path.resolve())
            if cancelled and found is not None and found["status"] != "ERROR" and not already_imported(found):
                rows.append(PackageRow(row.path, None, self.tr("No importado (cancelado)")))
            else:
                rows.append(PackageRow(row.path, found, row.note if found is None else ""))
        current = max(self.view.currentIndex().row(), 0)
        self.model.set_rows(rows)
        self.view.selectRow(min(current, len(rows) - 1))
        counts = {s: sum(1 for r in rows if r.status == s) for s in ("SUCCESS", "WARNING", "ERROR")}
        tally = (
            self.tr("correctos: %1 · con avisos: %2 · con error: %3")
            .replace("%1", str(counts["SUCCESS"]))
            .replace("%2", str(counts["WARNING"]))
            .replace("%3", str(counts["ERROR"]))
        )
        if cancelled and dry_run:
            self._show_status(self.tr("Vista previa cancelada; no se guardó nada."), "warning")
        elif cancelled:
            self._show_status(
                self.tr("Cancelado después de %1 de %2 paquetes; cada uno se importó completo o no se importó. ")
                .replace("%1", str(self._processed))
                .replace("%2", str(len(rows)))
                + tally,
                "warning",
            )
        elif dry_run:
            self.progress_bar.setValue(self.progress_bar.maximum())
            self._show_status(
                self.tr("Vista previa (no se guardó nada): ") + tally,
                "error" if counts["ERROR"] else "warning" if counts["WARNING"] else "ok",
            )
        else:
            self.progress_bar.setValue(self.progress_bar.maximum())
            self._show_status(
                self.tr("Importación terminada: ") + tally,
                "error" if counts["ERROR"] else "warning" if counts["WARNING"] else "ok",
            )
        self._update_buttons()
        applied = any(r.summary and r.ok and not already_imported(r.summary) for r in results)
        if not dry_run and (applied or (cancelled and self._processed)):
            self.data_changed.emit()
        self.finished_job.emit()

    def _failed(self, exc: BaseException) -> None:
        self._handle = None
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        self._show_status(self.tr("No se pudo terminar: %1").replace("%1", error_text(exc, self._lang)), "error")
        self._update_buttons()
        self.error_box = show_error(self, self.tr("Importar paquetes"), exc, self._lang)
        self.finished_job.emit()
