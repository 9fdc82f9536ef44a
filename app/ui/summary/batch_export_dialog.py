"""Exporting every state's summary PDF at once, into one folder, with progress and Cancel.

One PDF per state present in the database (``report_pdf.export_all_states``), optionally
all signed with the same identity (the passphrase is asked once). Cancel stops after the
state being written: each file is written whole or not at all, so the folder holds only
complete PDFs, and the dialog says how many.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.models.catalog import Catalog
from app.models.periods import period_label
from app.services.summary import report_pdf
from app.services.summary.report_pdf import PdfOptions
from app.ui.common import settings
from app.ui.common.alerts import show_error
from app.ui.common.folder_field import FolderField
from app.ui.common.formatting import error_text, file_size
from app.ui.common.job_dialog import JobDialog, count_bar, status_line
from app.ui.common.passphrase_dialog import PassphraseProvider, ask_passphrase
from app.ui.common.tasks import Cancelled, Progress, TaskManager
from app.ui.common.window_fit import fit_window
from app.ui.summary.export_dialog import documents_folder, language_combo, layout_combo
from app.ui.summary.signing_choice import SigningChoice


@dataclass(frozen=True)
class BatchOutcome:
    """The files written (state name, path, size) and whether Cancel stopped the run."""

    files: list[tuple[str, Path, int]] = field(default_factory=list)
    cancelled: bool = False
    signed: bool = False


class BatchExportDialog(JobDialog):
    """Folder, layout, language, signature; then one PDF per state with a progress bar."""

    finished_export = Signal(object)  # BatchOutcome

    def __init__(self, tasks: TaskManager, catalog: Catalog, lang: str, period: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._tasks = tasks
        self._catalog = catalog
        self._lang = lang
        self._period = period
        self._handle: Progress | None = None  # the running job, for Cancel
        self.outcome: BatchOutcome | None = None
        self.error_box: QMessageBox | None = None
        #: Asks for the passphrase; tests replace it to answer the modal prompt.
        self.passphrase_provider: PassphraseProvider = ask_passphrase
        self.setWindowTitle(self.tr("Exportar todos los estados"))
        fit_window(self, "batch_export", 680, 640)
        intro, form = self._build_options(lang, period)
        self._build_progress()
        actions = self._build_actions()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.signing)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status)
        layout.addWidget(QLabel(self.tr("Archivos escritos:")))
        layout.addWidget(self.results, 1)
        layout.addLayout(actions)
        self._update_buttons()

    def _build_options(self, lang: str, period: str) -> tuple[QLabel, QFormLayout]:
        """The intro, the folder/layout/language form and the signing choice (intro and form returned)."""
        intro = QLabel(
            self.tr(
                "Un PDF de Avances Generales a %1 por cada estado que tiene unidades en la "
                "base de datos, todos en la misma carpeta."
            ).replace("%1", period_label(period, lang))
        )
        intro.setWordWrap(True)
        default_folder = documents_folder() / f"Resumenes-{period}"
        self.folder_field = FolderField(
            self.tr("Carpeta para los PDF"), settings.last_path("export/batch_folder", str(default_folder))
        )
        self.folder = self.folder_field.edit
        self.layout_box = layout_combo(self)
        self.lang_box = language_combo(self, lang)
        form = QFormLayout()
        form.addRow(self.tr("Carpeta:"), self.folder_field)
        form.addRow(self.tr("Formato:"), self.layout_box)
        form.addRow(self.tr("Idioma del PDF:"), self.lang_box)
        self.signing = SigningChoice(self)
        return intro, form

    def _build_progress(self) -> None:
        """The "%v de %m" bar, the status line and the list of files written."""
        self.progress_bar = count_bar(self.tr("%v de %m"))
        self.status = status_line()
        self.results = QListWidget()
        self.results.setAlternatingRowColors(True)

    def _build_actions(self) -> QHBoxLayout:
        """The "Abrir carpeta" button on the left; "Exportar todo", "Cancelar" and "Cerrar" on the right."""
        self.export_button = QPushButton(self.tr("Exportar todo"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancelar"))
        self.cancel_button.clicked.connect(self.cancel)
        self.open_folder_button = QPushButton(self.tr("Abrir carpeta"))
        self.open_folder_button.clicked.connect(self.open_folder)
        self.close_button = QPushButton(self.tr("Cerrar"))
        self.close_button.clicked.connect(self.reject)
        actions = QHBoxLayout()
        actions.addWidget(self.open_folder_button)
        actions.addStretch(1)
        for button in (self.export_button, self.cancel_button, self.close_button):
            actions.addWidget(button)
        return actions

    # -- state -------------------------------------------------------------------------
    def is_running(self) -> bool:
        return self._handle is not None

    def folder_path(self) -> Path | None:
        return self.folder_field.path()

    def _update_buttons(self) -> None:
        running = self.is_running()
        for widget in (self.export_button, self.folder_field, self.layout_box, self.lang_box, self.signing):
            widget.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.close_button.setEnabled(not running)  # closing would orphan the job's callbacks
        self.open_folder_button.setEnabled(self.outcome is not None and bool(self.outcome.files))

    def busy(self) -> bool:
        return self.is_running()

    # -- the run -----------------------------------------------------------------------
    def start(self) -> None:
        """Ask the passphrase (once) if signing, then export every state in the background."""
        if self.is_running():
            return
        folder = self.folder_path()
        if folder is None:
            self._show_status(self.tr("Elija la carpeta donde guardar los PDF."), "error")
            return
        problem = self.signing.problem()
        if problem:
            self._show_status(problem, "error")
            return
        load = self.signing.ask_loader(self, self.passphrase_provider)
        if load is None:
            self._show_status(self.tr("Exportación cancelada: no se escribió ningún archivo."))
            return
        options = PdfOptions(layout=self.layout_box.currentData(), lang=self.lang_box.currentData())
        period = self._period

        def job(ws, progress: Progress) -> BatchOutcome:
            identity = load()  # a wrong passphrase stops here, before any file
            signed = identity is not None
            written = 0

            def report(done: int, total: int) -> None:
                nonlocal written
                written = done  # the service reports after each file is complete
                progress.update(done, total)

            try:
                results = report_pdf.export_all_states(ws, period, folder, options, identity, report)
            except Cancelled:
                # States run in parallel: list what is on disk (each file is whole or absent).
                states = report_pdf.states_with_facilities(ws)
                paths = [folder / report_pdf.state_file_name(s, period, signed) for s in states]
                files = [(s.name, p, p.stat().st_size) for s, p in zip(states, paths, strict=True) if p.exists()]
                return BatchOutcome(files, cancelled=True, signed=signed)
            return BatchOutcome([(r.state_name, r.path, r.size) for r in results], signed=signed)

        self.outcome = None
        self.results.clear()
        self.progress_bar.setRange(0, 0)  # busy until the service says how many states
        self._show_status(self.tr("Preparando…"))
        self._handle = self._tasks.run_db(
            job, self.guard(self._done), self.guard(self._failed), self._progress, owner=self
        )
        self._update_buttons()

    def cancel(self) -> None:
        """Stop after the state being written; files already written stay whole."""
        if self._handle is not None:
            self._handle.cancel_requested = True
            self.cancel_button.setEnabled(False)
            self._show_status(self.tr("Cancelando…"))

    def _progress(self, done: int, total: int, _text: str) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        if self._handle is not None and not self._handle.cancel_requested:
            self._show_status(
                self.tr("Exportando %1 de %2…").replace("%1", str(min(done + 1, total))).replace("%2", str(total))
            )

    def _done(self, outcome: BatchOutcome) -> None:
        self._handle = None
        self.outcome = outcome
        self.signing.remember()
        if outcome.files:
            settings.save_last_path("export/batch_folder", str(outcome.files[0][1].parent))
        for name, path, size in outcome.files:
            self.results.addItem(f"{name} — {path.name} ({file_size(size)})")
        count = len(outcome.files)
        if outcome.cancelled:
            self._show_status(
                self.tr("Cancelado. Se escribieron %n archivo(s) completos; no quedó ninguno a medias.", "", count),
                "warning",
            )
        else:
            self.progress_bar.setValue(self.progress_bar.maximum())
            text = (
                self.tr("Listo: se escribieron %n PDF firmados.", "", count)
                if outcome.signed
                else self.tr("Listo: se escribieron %n PDF.", "", count)
            )
            self._show_status(text, "ok")
        self._update_buttons()
        self.finished_export.emit(outcome)

    def _failed(self, exc: BaseException) -> None:
        self._handle = None
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        self._show_status(self.tr("No se exportó: %1").replace("%1", error_text(exc, self._lang)), "error")
        self._update_buttons()
        self.error_box = show_error(self, self.tr("No se pudo exportar"), exc, self._lang)

    def open_folder(self) -> None:
        if self.outcome is not None and self.outcome.files:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.outcome.files[0][1].parent)))
