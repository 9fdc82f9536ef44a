"""Exporting one state's summary PDF, optionally signed, with a first-page preview.

The preview is the unsigned PDF with the options chosen now: it is rendered on the
database thread (the summary is computed once, then only re-laid out) and drawn with
Qt PDF on the UI thread. "Exportar" asks for the passphrase when signing, then opens
the identity, renders, signs and writes on the database thread; any failure (wrong
passphrase, expired certificate, CSD, key not matching, folder not writable) is shown
and leaves no file behind, because the identity is opened before anything is written
and the file is written whole or not at all.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.models.catalog import Catalog
from app.models.periods import period_label
from app.models.summary import StateSummary
from app.services.summary import report_pdf
from app.services.summary.month_summary import state_summary
from app.services.summary.report_pdf import ExportResult, PdfOptions
from app.ui.common import settings, theme
from app.ui.common.alerts import show_error
from app.ui.common.cutoff_field import CutoffField
from app.ui.common.formatting import error_text, status_style
from app.ui.common.job_dialog import JobDialog, status_line
from app.ui.common.passphrase_dialog import PassphraseProvider, ask_passphrase
from app.ui.common.pdf_preview import PdfPreview
from app.ui.common.tasks import TaskManager
from app.ui.common.window_fit import fit_window
from app.ui.summary.signing_choice import SigningChoice, fingerprint_lines

#: Typing in the banner field waits this long before the preview is redrawn.
PREVIEW_DELAY_MS = 350


@dataclass(frozen=True)
class Exported:
    """What the export job hands back: the file written and the signer's fingerprint."""

    result: ExportResult
    certificate_fingerprint: str | None


def documents_folder() -> Path:
    """Where files go by default: the person's Documents folder (home if there is none)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()


def layout_combo(parent: QWidget) -> QComboBox:
    """The page layouts with their Spanish names; the data is the service's layout name."""
    combo = QComboBox(parent)
    # One translation context for both dialogs that use it (lupdate cannot see parent.tr's class).
    combo.addItem(QCoreApplication.translate("LayoutCombo", "Diapositiva 16:9 (pantalla o proyector)"), "slide")
    combo.addItem(QCoreApplication.translate("LayoutCombo", "Impreso A4 (vertical)"), "handout")
    combo.addItem(
        QCoreApplication.translate("LayoutCombo", "Diapositiva compacta 16:9 (solo filas con datos)"), "compact"
    )
    return combo


def language_combo(parent: QWidget, lang: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem("Español", "es")
    combo.addItem("English", "en")
    combo.setCurrentIndex(max(0, combo.findData(lang)))
    return combo


class ExportDialog(JobDialog):
    """Options, signature, output file and preview of one state's summary PDF."""

    exported = Signal(object)  # Exported
    preview_ready = Signal()

    def __init__(
        self,
        tasks: TaskManager,
        catalog: Catalog,
        lang: str,
        state_code: str,
        period: str,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._tasks = tasks
        self._lang = lang
        self._state = catalog.state(state_code)
        self._period = period
        self._year = report_pdf.report_year(period)  # the banner belongs to the report's year
        self._summary: StateSummary | None = None  # computed once, reused for every preview
        self._preview_job = 0  # only the newest preview request may draw
        self._busy = False
        self._path_edited = False  # once she types or picks a path, the default name stops following
        self.last_export: Exported | None = None
        self.error_box: QMessageBox | None = None
        #: Asks for the passphrase; tests replace it to answer the modal prompt.
        self.passphrase_provider: PassphraseProvider = ask_passphrase
        self.setWindowTitle(self.tr("Exportar resumen en PDF"))
        fit_window(self, "export", 1280, 700)

        body = QHBoxLayout(self)
        body.addWidget(self._build_options(tasks, period, lang))
        body.addLayout(self._build_preview(), 1)
        self._connect_preview()

        folder = Path(settings.last_path("export/folder", str(documents_folder())))
        self.output.setText(str(folder / self.default_name()))
        self._update_buttons()
        self.preview.set_message(self.tr("Preparando vista previa…"))
        year = self._year
        self._tasks.run_db(
            lambda ws, _p: report_pdf.get_banner(ws, year),
            self.guard(self._banner_loaded),
            self.guard(self._preview_failed),
            owner=self,
        )

    def _build_options(self, tasks: TaskManager, period: str, lang: str) -> QWidget:
        """The left column: heading, options, signature, output file, status and buttons."""
        heading = QLabel(
            self.tr("<b>%1</b> · Avances Generales a %2")
            .replace("%1", self._state.name)
            .replace("%2", period_label(period, lang))
        )
        form, output_row = self._build_form(tasks, period, lang)
        actions = self._build_actions()
        options = QVBoxLayout()
        options.addWidget(heading)
        options.addLayout(form)
        options.addWidget(self.signing)
        options.addWidget(QLabel(self.tr("Guardar como:")))
        options.addLayout(output_row)
        options.addWidget(self.status)
        options.addStretch(1)
        options.addLayout(actions)
        left = QWidget()
        left.setLayout(options)
        left.setMinimumWidth(470)
        left.setMaximumWidth(560)
        return left

    def _build_form(self, tasks: TaskManager, period: str, lang: str) -> tuple[QFormLayout, QHBoxLayout]:
        """Format, language, banner and cut-off date; the signing choice and the output row."""
        self.layout_box = layout_combo(self)
        self.lang_box = language_combo(self, lang)
        self.banner = QLineEdit()
        self.banner.setPlaceholderText(
            self.tr("Leyenda de %1 al pie de cada página (ninguna si se deja vacía)").replace("%1", self._year)
        )
        self.banner.setEnabled(False)  # until the stored banner arrives
        self.signing = SigningChoice(self)
        self.output = QLineEdit()
        browse = QPushButton(self.tr("Elegir…"))
        browse.clicked.connect(self.choose_output)
        output_row = QHBoxLayout()
        output_row.addWidget(self.output, 1)
        output_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Formato:"), self.layout_box)
        form.addRow(self.tr("Idioma del PDF:"), self.lang_box)
        form.addRow(self.tr("Leyenda de %1:").replace("%1", self._year), self.banner)
        self.cutoff = CutoffField(tasks, self._state.code, period, self)  # issue 10: "fecha de corte"
        form.addRow(self.tr("Fecha de corte:"), self.cutoff)
        return form, output_row

    def _build_actions(self) -> QHBoxLayout:
        """The status line (added above the buttons) and Abrir PDF, Abrir carpeta, Exportar, Cerrar."""
        self.status = status_line(Qt.TextFormat.RichText)
        self.open_pdf_button = QPushButton(self.tr("Abrir PDF"))
        self.open_folder_button = QPushButton(self.tr("Abrir carpeta"))
        self.open_pdf_button.clicked.connect(self.open_pdf)
        self.open_folder_button.clicked.connect(self.open_folder)
        self.export_button = QPushButton(self.tr("Exportar"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export)
        close = QPushButton(self.tr("Cerrar"))
        close.clicked.connect(self.reject)
        actions = QHBoxLayout()
        actions.addWidget(self.open_pdf_button)
        actions.addWidget(self.open_folder_button)
        actions.addStretch(1)
        actions.addWidget(self.export_button)
        actions.addWidget(close)
        return actions

    def _build_preview(self) -> QVBoxLayout:
        """The right column: the first page as it will print, without the signature."""
        self.preview = PdfPreview()
        preview_box = QVBoxLayout()
        preview_title = QLabel(self.tr("Vista previa de la primera página (sin firma)"))
        preview_title.setStyleSheet("color: palette(placeholder-text);")
        preview_box.addWidget(preview_title)
        preview_box.addWidget(self.preview, 1)
        return preview_box

    def _connect_preview(self) -> None:
        """Redraw the preview when an option changes; typing waits for a pause first."""
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self.layout_box.currentIndexChanged.connect(lambda _i: self.refresh_preview())
        self.lang_box.currentIndexChanged.connect(lambda _i: self.refresh_preview())
        self.banner.textEdited.connect(lambda _t: self._preview_timer.start())
        self.cutoff.changed.connect(self._preview_timer.start)
        self.signing.changed.connect(self._signing_changed)
        self.output.textEdited.connect(lambda _t: setattr(self, "_path_edited", True))

    # -- options -----------------------------------------------------------------------
    def options(self) -> PdfOptions:
        """The PDF options as chosen now (the banner as typed; blank prints none)."""
        banner = " ".join(self.banner.text().split()) if self.banner.isEnabled() else None
        return PdfOptions(
            layout=self.layout_box.currentData(),
            lang=self.lang_box.currentData(),
            banner=banner,
            cutoff=self.cutoff.value(),
        )

    def default_name(self) -> str:
        return report_pdf.state_file_name(self._state, self._period, self.signing.is_signing())

    def output_path(self) -> Path | None:
        text = self.output.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    def set_output_path(self, path: Path) -> None:
        """Write to ``path`` (what the file picker does; tests call it directly)."""
        self.output.setText(str(path))
        self._path_edited = True

    def choose_output(self) -> None:
        current = self.output_path() or documents_folder() / self.default_name()
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Guardar resumen en PDF"), str(current), self.tr("PDF (*.pdf)")
        )
        if path:
            self.set_output_path(Path(path))

    def _signing_changed(self) -> None:
        # Follow "-firmado" in the default name while she has not chosen a name herself.
        if not self._path_edited:
            current = self.output_path()
            folder = current.parent if current else documents_folder()
            self.output.setText(str(folder / self.default_name()))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.export_button.setEnabled(not self._busy)
        done = self.last_export is not None
        self.open_pdf_button.setVisible(done)
        self.open_folder_button.setVisible(done)

    def _show_status(self, text: str, kind: str = "") -> None:
        self.status.setToolTip("")
        self.status.setText(html.escape(text).replace("\n", "<br>"))
        self.status.setStyleSheet(status_style(kind))

    def busy(self) -> bool:
        return self._busy  # the file is being written: let it finish and report

    # -- preview -----------------------------------------------------------------------
    def _banner_loaded(self, banner: str) -> None:
        self.banner.setText(banner)
        self.banner.setEnabled(True)
        self.refresh_preview()

    def refresh_preview(self) -> None:
        """Render the unsigned PDF with the current options in the background, then show page 1."""
        self._preview_timer.stop()
        self._preview_job += 1
        job, options, summary = self._preview_job, self.options(), self._summary
        code, period = self._state.code, self._period

        def render(ws, _progress) -> tuple[StateSummary, bytes]:
            data = summary or state_summary(ws, code, period, ytd=options.ytd)
            return data, report_pdf.summary_pdf_bytes(ws, data, options)

        def done(result: tuple[StateSummary, bytes]) -> None:
            self._summary = result[0]
            if job == self._preview_job:  # an older request finishing late must not win
                self.preview.set_pdf(result[1])
                self.preview_ready.emit()

        self._tasks.run_db(render, self.guard(done), self.guard(lambda exc: self._preview_failed(exc, job)), owner=self)

    def _preview_failed(self, exc: BaseException, job: int | None = None) -> None:
        if job is None or job == self._preview_job:
            self.preview.set_message(
                self.tr("No se pudo preparar la vista previa: %1").replace("%1", error_text(exc, self._lang))
            )
            self.preview_ready.emit()

    # -- export ------------------------------------------------------------------------
    def export(self) -> None:
        """Ask the passphrase if signing, then open the identity, render, sign and write."""
        if self._busy:
            return
        out = self.output_path()
        if out is None:
            self._show_status(self.tr("Escriba dónde guardar el PDF."), "error")
            return
        problem = self.signing.problem()
        if problem:
            self._show_status(problem, "error")
            return
        load = self.signing.ask_loader(self, self.passphrase_provider)
        if load is None:
            self._show_status(self.tr("Exportación cancelada: no se escribió ningún archivo."))
            return
        options = self.options()
        # None while the stored banner has not arrived: then the stored one stays as it is.
        banner = self.banner.text() if self.banner.isEnabled() else None
        code, period, year = self._state.code, self._period, self._year

        def job(ws, _progress) -> Exported:
            identity = load()  # first, so a wrong passphrase writes nothing
            chosen = options
            if banner is not None:  # saved for this year's next report; blank: none
                chosen = replace(options, banner=report_pdf.set_banner(ws, banner, year))
            result = report_pdf.export_state_pdf(ws, code, period, out, chosen, identity)
            return Exported(result, identity.fingerprint_sha256 if identity else None)

        self._busy = True
        self._update_buttons()
        self._show_status(self.tr("Exportando…"))
        self._tasks.run_db(job, self.guard(self._export_done), self.guard(self._export_failed), owner=self)

    def _export_done(self, exported: Exported) -> None:
        self._busy = False
        self.last_export = exported
        self.signing.remember()
        settings.save_last_path("export/folder", str(exported.result.path.parent))
        path = exported.result.path
        headline = (
            self.tr("Se guardó el PDF firmado.")
            if exported.certificate_fingerprint
            else self.tr("Se guardó el PDF (sin firma).")
        )
        rows = [(self.tr("Archivo:"), html.escape(path.name)), (self.tr("Carpeta:"), html.escape(str(path.parent)))]
        if exported.certificate_fingerprint:
            rows.append(
                (
                    self.tr("Huella del certificado (SHA-256):"),
                    "<tt>" + fingerprint_lines(exported.certificate_fingerprint).replace("\n", "<br>") + "</tt>",
                )
            )
        rows.append((self.tr("Huella de los datos:"), f"<tt>{exported.result.fingerprint[:16]}</tt>"))
        body = "".join(f"<br>{label} {value}" for label, value in rows)
        self.status.setText(f"<b>{html.escape(headline)}</b><span style='font-weight: normal'>{body}</span>")
        self.status.setStyleSheet(theme.text_style("ok"))
        self.status.setToolTip(str(path))
        self._update_buttons()
        self.exported.emit(exported)

    def _export_failed(self, exc: BaseException) -> None:
        self._busy = False
        self._update_buttons()
        self._show_status(self.tr("No se exportó el PDF: %1").replace("%1", error_text(exc, self._lang)), "error")
        self.error_box = show_error(self, self.tr("No se pudo exportar el PDF"), exc, self._lang)

    def open_pdf(self) -> None:
        if self.last_export is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_export.result.path)))

    def open_folder(self) -> None:
        if self.last_export is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_export.result.path.parent)))
