"""The Archivo menu's work: imports, exports, the Excel template, backups and the demo.

Each runs on the database thread behind a progress dialog (never on the UI
thread) and, when it may have changed data, reloads the month afterwards. The
dialogs of the facility registry and of backups are imported on first use so a
plain start does not pay for them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog

from app.models.values import format_number
from app.ui.common.alerts import show_error, show_info
from app.ui.common.progress_dialog import run_with_progress
from app.ui.shell.shell_window import ShellWindow

DEMO_STATE = "18"
DEMO_PERIOD = "202302"


class FileActions(QObject):
    """Slots of the Archivo menu and of the welcome page."""

    def __init__(self, window: ShellWindow):
        super().__init__(window)
        self._window = window

    # -- helpers ----------------------------------------------------------------------
    @property
    def _lang(self) -> str:
        return self._window.lang

    def _failed(self, title: str):
        return lambda exc: show_error(self._window, title, exc, self._lang)

    def _default_path(self, name: str) -> str:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        return str(Path(folder) / name)

    def _file_tag(self) -> str:
        state = self._window.catalog.states.get(self._window.current_state())
        return f"{state.short_code if state else 'MX'}_{self._window.current_period()}"

    # -- facilities and backups (the dialogs' own windows) -------------------------------
    def import_facilities(self) -> None:
        """Archivo → Importar unidades…: choose the CLUES file first, then its preview."""
        from app.ui.common import settings

        window = self._window
        start = settings.last_path("facilities/import_folder", self._default_path(""))
        path, _ = QFileDialog.getOpenFileName(
            window,
            self.tr("Importar unidades"),
            start,
            self.tr("Catálogo CLUES (*.csv *.xlsx);;Todos los archivos (*)"),
        )
        if path:
            settings.save_last_path("facilities/import_folder", str(Path(path).parent))
            self.import_facilities_from(Path(path))

    def import_facilities_from(self, path: Path):
        """The import preview of ``path`` ("Importar N unidades"); the month reloads after."""
        from app.ui.facilities.import_preview_dialog import FacilityImportDialog

        window = self._window
        dialog = FacilityImportDialog(window.tasks, window.catalog, self._lang, path, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(lambda _new, _updated: window.reload_all())
        self.facility_importer = dialog
        dialog.open()
        return dialog

    def facility_registry(self) -> None:
        """Archivo → Padrón de unidades…: the registry (add, edit, import from there too)."""
        from app.ui.facilities.facilities_dialog import FacilitiesDialog

        window = self._window
        dialog = FacilitiesDialog(window.tasks, window.catalog, self._lang, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.facilities_changed.connect(window.reload_all)
        dialog.show()

    def first_run_wizard(self):
        """The first-run wizard, at the first step not done yet (issue 12)."""
        from app.ui.shell.first_run_wizard import FirstRunWizard

        window = self._window
        existing = getattr(self, "wizard", None)
        if existing is not None and existing.isVisible():
            existing.raise_()
            existing.activateWindow()
            return existing
        wizard = FirstRunWizard(window, window)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.finished.connect(lambda _code: window.reload_all())
        wizard.destroyed.connect(lambda *_: setattr(self, "wizard", None))
        self.wizard = wizard
        wizard.show()
        return wizard

    def backups(self) -> None:
        from app.ui.files.backups_dialog import BackupsDialog

        window = self._window
        dialog = BackupsDialog(window.tasks, self._lang, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restored.connect(self._after_restore)
        dialog.show()

    def _after_restore(self) -> None:
        self._window.session.undo_stack.clear()  # the undo steps describe the replaced data
        self._window.reload_all()

    # -- values -----------------------------------------------------------------------
    def import_values(self) -> None:
        window = self._window
        path, _ = QFileDialog.getOpenFileName(
            window,
            self.tr("Importar valores"),
            self._default_path(""),
            self.tr("Hojas de cálculo (*.xlsx *.csv);;Todos los archivos (*)"),
        )
        if path:
            self.import_values_from(Path(path))

    def import_values_from(self, path: Path) -> None:
        """Import a long-format file or a filled template (all or nothing), then reload."""
        from app.services.files.value_files import import_values

        window = self._window
        title = self.tr("Importar valores")

        def done(result: Any) -> None:
            window.session.undo_stack.clear()  # older undo steps would overwrite imported values
            window.reload_all()
            text = self.tr(
                "Se leyeron {0} filas de {1}: {2} valores nuevos, {3} actualizados y {4} sin cambio."
            ).format(
                format_number(result.rows),
                path.name,
                format_number(result.imported),
                format_number(result.updated),
                format_number(result.unchanged),
            )
            if result.flagged:
                text += "\n" + self.tr(
                    "{0} celdas tienen avisos o errores de validación: revíselas en la tabla."
                ).format(format_number(result.flagged))
            show_info(window, title, text)

        run_with_progress(
            window,
            window.tasks,
            title,
            lambda ws, progress: import_values(ws, path, progress.callback()),
            done,
            self._failed(title),
        )

    def export_values(self) -> None:
        window = self._window
        path, chosen = QFileDialog.getSaveFileName(
            window,
            self.tr("Exportar valores"),
            self._default_path(f"coordina_{self._file_tag()}.xlsx"),
            self.tr("Excel (*.xlsx);;CSV (*.csv)"),
        )
        if path:
            suffix = Path(path).suffix.lower()
            fmt = suffix[1:] if suffix in (".csv", ".xlsx") else ("csv" if "csv" in chosen.lower() else "xlsx")
            self.export_values_to(Path(path), fmt)

    def export_values_to(self, path: Path, fmt: str) -> None:
        """Write the month's values in the long format (re-importable unchanged)."""
        from app.services.files.value_files import export_values

        window = self._window
        if path.suffix.lower() != f".{fmt}":
            path = path.with_suffix(f".{fmt}")
        state, period = window.current_state(), window.current_period()
        title = self.tr("Exportar valores")
        run_with_progress(
            window,
            window.tasks,
            title,
            lambda ws, _p: export_values(ws, path, fmt, state, period),
            lambda rows: show_info(
                window, title, self.tr("Se exportaron {0} valores a {1}.").format(format_number(rows), path)
            ),
            self._failed(title),
        )

    def write_template(self) -> None:
        window = self._window
        path, _ = QFileDialog.getSaveFileName(
            window,
            self.tr("Plantilla de Excel"),
            self._default_path(f"plantilla_{self._file_tag()}.xlsx"),
            self.tr("Excel (*.xlsx)"),
        )
        if path:
            self.write_template_to(Path(path))

    def write_template_to(self, path: Path) -> None:
        """Write the pre-filled Excel template of the month shown."""
        from app.services.files.value_files import write_template

        window = self._window
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        state, period = window.current_state(), window.current_period()
        title = self.tr("Plantilla de Excel")
        run_with_progress(
            window,
            window.tasks,
            title,
            lambda ws, _p: write_template(ws, state, period, path),
            lambda written: show_info(
                window,
                title,
                self.tr(
                    "Plantilla guardada en {0}.\nLlénela en Excel y tráigala con Archivo → Importar valores…"
                ).format(written),
            ),
            self._failed(title),
        )

    # -- demo -------------------------------------------------------------------------
    def build_demo(self, on_done: Callable[[], None] | None = None) -> None:
        """Build the demo state (Nayarit) and open February 2023; then ``on_done`` (the wizard)."""
        from app.services.files.demo import build_demo

        window = self._window
        title = self.tr("Datos de demostración")

        def done(_result: Any) -> None:
            window.reload_all(DEMO_STATE, DEMO_PERIOD)
            if on_done is not None:
                on_done()

        run_with_progress(
            window,
            window.tasks,
            self.tr("Preparando los datos de demostración…"),
            lambda ws, progress: build_demo(ws, DEMO_STATE, progress.callback()),
            done,
            self._failed(title),
        )
