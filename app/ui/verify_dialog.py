"""Verifying a signed PDF: who signed it, when, whether it is intact and whether we trust her.

The check runs on the database thread (``identity.verify_file`` against the workspace's
trust store) and never raises for a bad file: a PDF that is not signed, altered, damaged
or not a PDF at all gets a verdict and a message in the person's language. A coloured
verdict reads at a glance: green intact and trusted, amber intact but the signer is not
(yet) trusted, red anything else.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFontDatabase
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.models.messages import render
from app.reports.identity import certificate_pem
from app.reports.signing import VerifyResult
from app.services import identity as identity_service

from . import settings
from .alerts import show_error
from .formatting import ERROR_BG, ERROR_COLOR, OK_COLOR, WARNING_BG, WARNING_COLOR, local_datetime
from .job_dialog import JobDialog
from .signing_choice import fingerprint_lines
from .tasks import TaskManager

OK_BG = "#e6f4ea"
#: verdict kind -> (text colour, background)
VERDICT_COLORS = {
    "ok": (OK_COLOR.name(), OK_BG),
    "warning": (WARNING_COLOR.name(), WARNING_BG.name()),
    "error": (ERROR_COLOR.name(), ERROR_BG.name()),
}


def verdict_kind(result: VerifyResult) -> str:
    """"ok" intact and trusted, "warning" intact but untrusted, "error" otherwise."""
    if result.signed and result.intact:
        return "ok" if result.trusted else "warning"
    return "error"


class VerifyDialog(JobDialog):
    """Open a PDF (button, drop, or :meth:`open_path`) and read its signature's verdict."""

    verified = Signal(object)  # VerifyResult

    def __init__(self, tasks: TaskManager, lang: str = "es", parent: QWidget | None = None):
        super().__init__(parent)
        self._tasks = tasks
        self._lang = lang
        self.path: Path | None = None
        self.result: VerifyResult | None = None
        self.error_box: QMessageBox | None = None
        self.setWindowTitle(self.tr("Verificar PDF firmado"))
        self.setAcceptDrops(True)
        self.resize(760, 420)

        self.open_button = QPushButton(self.tr("Abrir PDF…"))
        self.open_button.clicked.connect(self.choose_file)
        self.file_label = QLabel(self.tr("Abra un PDF o arrástrelo a esta ventana."))
        self.file_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.open_button)
        top.addWidget(self.file_label, 1)

        self.verdict = QLabel()
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        self.verdict.setMinimumHeight(56)
        self.verdict.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.kind = ""

        def value_label() -> QLabel:
            label = QLabel("—")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            return label

        self.signer = value_label()
        self.signed_at = value_label()
        self.intact = value_label()
        self.trusted = value_label()
        self.fingerprint = value_label()
        self.fingerprint.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.problem = value_label()
        form = QFormLayout()
        form.addRow(self.tr("Firmante:"), self.signer)
        form.addRow(self.tr("Fecha de la firma:"), self.signed_at)
        form.addRow(self.tr("Documento íntegro:"), self.intact)
        form.addRow(self.tr("Firmante de confianza:"), self.trusted)
        form.addRow(self.tr("Huella del certificado (SHA-256):"), self.fingerprint)
        form.addRow(self.tr("Observación:"), self.problem)

        hint = QLabel(self.tr("Compare la huella con la que le dicte el firmante por teléfono antes de "
                              "agregar su certificado a la lista de confianza."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")
        self.trust_button = QPushButton(self.tr("Agregar certificado de confianza…"))
        self.trust_button.clicked.connect(self.choose_certificate)
        close = QPushButton(self.tr("Cerrar"))
        close.clicked.connect(self.reject)
        actions = QHBoxLayout()
        actions.addWidget(self.trust_button)
        actions.addStretch(1)
        actions.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.verdict)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(hint)
        layout.addLayout(actions)
        self._show_verdict("", self.tr("Todavía no se ha abierto ningún PDF."))

    # -- opening -------------------------------------------------------------------------
    def choose_file(self) -> None:
        start = settings.last_path("verify/folder", str(Path.home()))
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Verificar PDF firmado"), start,
                                              self.tr("PDF (*.pdf);;Todos los archivos (*)"))
        if path:
            settings.save_last_path("verify/folder", str(Path(path).parent))
            self.open_path(Path(path))

    def open_path(self, path: Path) -> None:
        """Verify ``path`` in the background and show the verdict."""
        self.path = Path(path)
        self.file_label.setText(str(self.path))
        self._show_verdict("", self.tr("Verificando…"))
        self.open_button.setEnabled(False)
        target = self.path
        self._tasks.run_db(lambda ws, _p: identity_service.verify_file(ws, target),
                           self.guard(self._show_result), self.guard(self._failed), owner=self)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        files = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            self.open_path(Path(files[0]))

    # -- showing -------------------------------------------------------------------------
    def _show_verdict(self, kind: str, text: str) -> None:
        self.kind = kind
        self.verdict.setText(text)
        colors = VERDICT_COLORS.get(kind)
        style = f"color: {colors[0]}; background: {colors[1]}; border: 1px solid {colors[0]};" if colors else \
            "border: 1px solid palette(mid);"
        self.verdict.setStyleSheet(f"QLabel#verdict {{ {style} border-radius: 6px; padding: 10px; "
                                   "font-size: 12pt; font-weight: bold; }")

    def _yes_no(self, value: bool) -> str:
        return self.tr("Sí") if value else self.tr("No")

    def problem_text(self, result: VerifyResult) -> str:
        """The bilingual message of the problem (the raw text when no code is known)."""
        if result.problem_code:
            return render(result.problem_code, self._lang)
        return result.problem or ""

    def _show_result(self, result: VerifyResult) -> None:
        self.open_button.setEnabled(True)
        self.result = result
        kind = verdict_kind(result)
        if kind == "ok":
            headline = self.tr("Firma válida: el documento está íntegro y el firmante es de confianza.")
        elif kind == "warning":
            headline = self.tr("El documento está íntegro, pero el firmante no está en su lista de confianza.")
        elif not result.signed:
            headline = self.tr("Este PDF no tiene una firma válida.")
        else:
            headline = self.tr("No confíe en este documento: la firma no es válida.")
        self._show_verdict(kind, headline)
        self.signer.setText(result.signer_name or "—")
        self.signed_at.setText(local_datetime(result.signed_at, self._lang, seconds=True)
                               if result.signed_at else "—")
        signed = result.signed
        self.intact.setText(self._yes_no(result.intact) if signed else "—")
        self.trusted.setText(self._yes_no(result.trusted) if signed else "—")
        self.fingerprint.setText(fingerprint_lines(result.fingerprint) if result.fingerprint else "—")
        problem = self.problem_text(result)
        self.problem.setText(problem[:1].upper() + problem[1:] if problem else self.tr("Ninguna."))
        self.verified.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.open_button.setEnabled(True)
        self._show_verdict("error", self.tr("No se pudo verificar el archivo."))
        self.error_box = show_error(self, self.tr("Verificar PDF firmado"), exc, self._lang)

    # -- trust ---------------------------------------------------------------------------
    def choose_certificate(self) -> None:
        start = settings.last_path("verify/cert_folder", str(Path.home()))
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Certificado de confianza"), start,
                                              self.tr("Certificados (*.pem *.cer *.crt *.der);;Todos los archivos (*)"))
        if path:
            settings.save_last_path("verify/cert_folder", str(Path(path).parent))
            self.add_trusted_from(Path(path))

    def add_trusted_from(self, path: Path) -> None:
        """Add the certificate in ``path`` (PEM or DER) to the trust store, then verify again."""
        def add(ws, _progress) -> None:
            # read_certificate names the file in its error; add_trusted stores it as PEM.
            identity_service.add_trusted(ws, certificate_pem(identity_service.read_certificate(path)))

        def done(_result: None) -> None:
            self.trust_button.setEnabled(True)
            if self.path is not None:
                self.open_path(self.path)

        def failed(exc: BaseException) -> None:
            self.trust_button.setEnabled(True)
            self.error_box = show_error(self, self.tr("Certificado de confianza"), exc, self._lang)

        self.trust_button.setEnabled(False)
        self._tasks.run_db(add, self.guard(done), self.guard(failed), owner=self)
