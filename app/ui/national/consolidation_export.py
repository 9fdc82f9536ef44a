"""The consolidation window's exports: national values (CSV, Excel, DHIS2, ADX) and the PDF.

Each export asks for the file (with the format's extension), then runs on the database
worker behind a progress dialog with Cancel. The services write the file whole or not
at all, so a cancelled or failed export leaves nothing half-written. After success the
person may open the folder.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from app.models.values import format_number
from app.services.national.national_export import FORMATS, export_national
from app.services.national.national_pdf import export_national_pdf
from app.services.workspace import Workspace
from app.ui.common import settings
from app.ui.common.alerts import show_error
from app.ui.common.progress_dialog import run_with_progress
from app.ui.common.tasks import Progress, TaskManager
from app.ui.summary.export_dialog import documents_folder

#: Asks where to save: (parent, title, suggested path, file filter) → the path, or None.
SavePathProvider = Callable[[QWidget, str, Path, str], Path | None]
FOLDER_KEY = "export/national_folder"


def ask_save_path(parent: QWidget, title: str, suggested: Path, file_filter: str) -> Path | None:
    """The standard save dialog; the format's extension is added when the person leaves it out."""
    path, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter)
    if not path:
        return None
    chosen = Path(path)
    return (
        chosen
        if chosen.suffix.lower() == suggested.suffix.lower()
        else chosen.with_name(chosen.name + suggested.suffix)
    )


@dataclass(frozen=True)
class ExportOutcome:
    """One finished export: the format ("csv", "xlsx", "dhis2", "adx" or "pdf"), file and rows."""

    fmt: str
    path: Path
    rows: int


class NationalExporter(QObject):
    """Runs the window's exports; ``exported`` carries an :class:`ExportOutcome`."""

    exported = Signal(object)
    failed = Signal(object)  # the exception, after the error box is shown

    def __init__(self, tasks: TaskManager, lang: str, parent: QWidget):
        super().__init__(parent)
        self._tasks, self._lang, self._parent = tasks, lang, parent
        #: Asks for the output file; tests replace it to answer the modal save dialog.
        self.save_path_provider: SavePathProvider = ask_save_path
        self.progress_dialog: QProgressDialog | None = None
        self.error_box: QMessageBox | None = None
        self.done_box: QMessageBox | None = None
        self.last: ExportOutcome | None = None

    def running(self) -> bool:
        return self.progress_dialog is not None

    def format_names(self) -> dict[str, tuple[str, str]]:
        """Per format: the button text and the save dialog's file filter."""
        return {
            "csv": (self.tr("Exportar CSV…"), self.tr("Valores CSV (*.csv)")),
            "xlsx": (self.tr("Exportar Excel…"), self.tr("Libro de Excel (*.xlsx)")),
            "dhis2": (self.tr("Exportar DHIS2 JSON…"), self.tr("DHIS2 dataValueSets JSON (*.json)")),
            "adx": (self.tr("Exportar ADX XML…"), self.tr("ADX XML (*.xml)")),
            "pdf": (self.tr("PDF nacional…"), self.tr("Documento PDF (*.pdf)")),
        }

    def _folder(self) -> Path:
        return Path(settings.last_path(FOLDER_KEY, str(documents_folder())))

    def export_values(self, fmt: str, state: tuple[str, str] | None, period: str | None) -> None:
        """Ask for the file, then export the stored values of ``state`` (code, name) or all states."""
        if self.running():
            return
        scope = f"{state[0]}-{state[1]}" if state else "nacional"
        name = f"valores-{scope}-{period or self.tr('todos')}{FORMATS[fmt]}".replace(" ", "_")
        text, file_filter = self.format_names()[fmt]
        path = self.save_path_provider(self._parent, text.rstrip("…"), self._folder() / name, file_filter)
        if path is None:
            return
        code = state[0] if state else None

        def job(ws: Workspace, progress: Progress) -> ExportOutcome:
            rows = export_national(ws, fmt, path, state=code, period=period, progress=progress.callback())
            return ExportOutcome(fmt, path, rows)

        self._run(self.tr("Exportando valores…"), job)

    def export_pdf(self, period: str) -> None:
        """Ask for the file, then write the national summary PDF through ``period``."""
        if self.running():
            return
        text, file_filter = self.format_names()["pdf"]
        path = self.save_path_provider(
            self._parent, text.rstrip("…"), self._folder() / f"NACIONAL-Avances_Generales-{period}.pdf", file_filter
        )
        if path is None:
            return
        lang = self._lang

        def job(ws: Workspace, progress: Progress) -> ExportOutcome:
            progress.update(0, 1, "")
            result = export_national_pdf(ws, period, path, lang=lang)
            progress.update(1, 1, "")
            return ExportOutcome("pdf", result.path, 1)

        self._run(self.tr("Generando el PDF nacional…"), job)

    def _run(self, title: str, job: Callable[[Workspace, Progress], ExportOutcome]) -> None:
        self.progress_dialog = run_with_progress(self._parent, self._tasks, title, job, self._done, self._failed)
        # A cancelled job reports to neither callback: clear the running mark when the dialog closes.
        self.progress_dialog.canceled.connect(self._cancelled)

    def _cancelled(self) -> None:
        self.progress_dialog = None

    def _done(self, outcome: ExportOutcome) -> None:
        self.progress_dialog = None
        self.last = outcome
        settings.save_last_path(FOLDER_KEY, str(outcome.path.parent))
        if outcome.fmt == "pdf":
            text = self.tr("Se escribió el PDF nacional:\n%1").replace("%1", str(outcome.path))
        else:
            text = (
                self.tr("Se exportaron %1 valores a:\n%2")
                .replace("%1", format_number(outcome.rows))
                .replace("%2", str(outcome.path))
            )
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Exportación terminada"),
            text + "\n\n" + self.tr("¿Abrir la carpeta?"),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
            self._parent,
        )
        box.setObjectName("export_done_box")
        box.button(QMessageBox.StandardButton.Open).setText(self.tr("Abrir carpeta"))
        box.button(QMessageBox.StandardButton.Close).setText(self.tr("Cerrar"))
        open_button = box.button(QMessageBox.StandardButton.Open)
        box.finished.connect(
            lambda _result: self._open_folder(outcome.path.parent) if box.clickedButton() is open_button else None
        )
        box.open()  # non-blocking: the window stays usable behind it
        self.done_box = box
        self.exported.emit(outcome)

    def _open_folder(self, folder: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _failed(self, exc: BaseException) -> None:
        self.progress_dialog = None
        self.error_box = show_error(self._parent, self.tr("No se pudo exportar"), exc, self._lang)
        self.failed.emit(exc)
