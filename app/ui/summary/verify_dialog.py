"""Verifying a signed PDF: who signed it, when, whether it is intact and whether we trust her.

The check runs on the database thread (``identity.verify_file`` against the workspace's
trust store and HQ's revocations) and never raises for a bad file: a PDF that is not signed,
altered, damaged or not a PDF at all gets a verdict and a message in the person's language.
A coloured verdict reads at a glance: green intact and trusted, amber intact but the signer
is not (yet) trusted, red anything else. Below it, every signature of the file with its
reasons in plain words (the verdict is the worst one), and a notice when the document holds
demo data.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QDragEnterEvent, QDropEvent, QFontDatabase
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models.messages import render
from app.reports.signing.identity import certificate_pem
from app.reports.signing.pades import Reason, VerifyResult
from app.services.summary import identity as identity_service
from app.ui.common import settings, theme
from app.ui.common.alerts import show_error
from app.ui.common.formatting import local_datetime
from app.ui.common.job_dialog import JobDialog
from app.ui.common.tasks import TaskManager
from app.ui.common.window_fit import fit_window
from app.ui.summary.signing_choice import fingerprint_lines

Verdict = Literal["ok", "warning", "error"]
#: Verdict kinds, which are also the theme roles (text and tint) that colour them.
VERDICT_KINDS: tuple[Verdict, ...] = ("ok", "warning", "error")


def verdict_style(kind: str) -> str:
    """The verdict line's style: text on a tint of the verdict's hue, from the palette in use.

    An empty or unknown ``kind`` (nothing opened yet, verifying) gets a plain frame.
    """
    if kind in VERDICT_KINDS:
        role = kind
        colors = (
            f"color: {theme.on_tint(role).name()}; background: {theme.tint(role).name()}; "
            f"border: 1px solid {theme.color(role).name()};"
        )
    else:
        colors = "border: 1px solid palette(mid);"
    return f"QLabel#verdict {{ {colors} border-radius: 6px; padding: 10px; font-size: 12pt; font-weight: bold; }}"


def verdict_kind(result: VerifyResult) -> str:
    """ "ok" intact and trusted, "warning" intact but untrusted, "error" otherwise.

    The worst signature decides: an expired or revoked certificate is "error" even when the
    document is intact.
    """
    return result.verdict


class VerifyDialog(JobDialog):
    """Open a PDF (button, drop, or :meth:`open_path`) and read its signature's verdict."""

    verified = Signal(object)  # VerifyResult
    result: VerifyResult | None  # type: ignore[assignment]  # shadows QDialog.result(), which nothing here calls

    def __init__(self, tasks: TaskManager, lang: str = "es", parent: QWidget | None = None):
        super().__init__(parent)
        self._tasks = tasks
        self._lang = lang
        self.path: Path | None = None
        self.result = None
        self.error_box: QMessageBox | None = None
        self.setWindowTitle(self.tr("Verificar PDF firmado"))
        self.setAcceptDrops(True)
        fit_window(self, "verify", 820, 560)

        layout = QVBoxLayout(self)
        layout.addLayout(self._build_top())
        layout.addWidget(self.verdict)
        layout.addWidget(self._build_demo())
        layout.addLayout(self._build_form())
        layout.addWidget(QLabel(self.tr("Firmas del archivo (el resultado es el de la peor):")))
        layout.addWidget(self._build_signatures(), 1)
        layout.addWidget(self._build_hint())
        layout.addLayout(self._build_actions())
        self._show_verdict("", self.tr("Todavía no se ha abierto ningún PDF."))

    def _build_top(self) -> QHBoxLayout:
        """The open button, the file's path beside it, and the verdict line (added below them)."""
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
        return top

    def _build_form(self) -> QFormLayout:
        """Signer, date, integrity, trust, fingerprint and the worst problem, selectable."""

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
        return form

    def _build_demo(self) -> QLabel:
        """The demo-data notice, hidden until a document holding demo data is verified."""
        self.demo = QLabel(self.tr("Este documento contiene DATOS DE DEMOSTRACIÓN: sus cifras no son reales."))
        self.demo.setObjectName("demo")
        self.demo.setWordWrap(True)
        self.demo.setStyleSheet(
            f"QLabel#demo {{ color: {theme.on_tint('accent').name()}; "
            f"background: {theme.tint('accent').name()}; border: 1px solid "
            f"{theme.color('accent').name()}; border-radius: 6px; padding: 6px; "
            "font-weight: bold; }"
        )
        self.demo.hide()
        return self.demo

    def _build_signatures(self) -> QTreeWidget:
        """Every signature of the file, its reasons beneath it."""
        self.signatures = QTreeWidget()
        self.signatures.setObjectName("signatures")
        self.signatures.setColumnCount(4)
        self.signatures.setHeaderLabels([self.tr("Firma"), self.tr("Firmante"), self.tr("Fecha"), self.tr("Resultado")])
        self.signatures.setRootIsDecorated(True)
        self.signatures.setWordWrap(True)
        self.signatures.setMinimumHeight(110)
        self.signatures.setUniformRowHeights(False)
        return self.signatures

    def _build_hint(self) -> QLabel:
        hint = QLabel(
            self.tr(
                "Compare la huella con la que le dicte el firmante por teléfono antes de "
                "agregar su certificado a la lista de confianza."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")
        return hint

    def _build_actions(self) -> QHBoxLayout:
        self.trust_button = QPushButton(self.tr("Agregar certificado de confianza…"))
        self.trust_button.clicked.connect(self.choose_certificate)
        close = QPushButton(self.tr("Cerrar"))
        close.clicked.connect(self.reject)
        actions = QHBoxLayout()
        actions.addWidget(self.trust_button)
        actions.addStretch(1)
        actions.addWidget(close)
        return actions

    # -- opening -------------------------------------------------------------------------
    def choose_file(self) -> None:
        start = settings.last_path("verify/folder", str(Path.home()))
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Verificar PDF firmado"), start, self.tr("PDF (*.pdf);;Todos los archivos (*)")
        )
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
        self._tasks.run_db(
            lambda ws, _p: identity_service.verify_file(ws, target),
            self.guard(self._show_result),
            self.guard(self._failed),
            owner=self,
        )

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
        self.verdict.setStyleSheet(verdict_style(kind))

    def _yes_no(self, value: bool) -> str:
        return self.tr("Sí") if value else self.tr("No")

    def problem_text(self, result: VerifyResult) -> str:
        """The bilingual message of the worst problem (the raw text when no code is known)."""
        return result.problem_text(self._lang)

    def _kind_text(self, kind: str) -> str:
        return {
            "certification": self.tr("certificación"),
            "approval": self.tr("aprobación"),
            "timestamp": self.tr("sello de tiempo"),
        }.get(kind, kind)

    def _verdict_text(self, verdict: str) -> str:
        return {
            "ok": self.tr("Íntegra y de confianza"),
            "warning": self.tr("Íntegra; firmante no es de confianza"),
            "error": self.tr("No válida"),
        }[verdict]

    def _reason_item(self, reason: Reason) -> QTreeWidgetItem:
        """A reason; what it names (added after signing) one per line beneath it."""
        text = reason.text(self._lang)
        if reason.items:  # the header alone, then each thing on its own line: nothing cut off
            text = text.split(":")[0] + ":"
        item = QTreeWidgetItem([text[:1].upper() + text[1:]])
        item.setToolTip(0, reason.text(self._lang))
        for code in reason.items:
            what = render(code, self._lang)
            item.addChild(QTreeWidgetItem(["• " + what[:1].upper() + what[1:]]))
        return item

    def _fill_signatures(self, result: VerifyResult) -> None:
        """One row per signature, its reasons beneath it, opened, in plain words."""
        self.signatures.clear()
        for report in result.signatures:
            when = local_datetime(report.signed_at, self._lang, seconds=True) if report.signed_at else "—"
            row = QTreeWidgetItem(
                [
                    f"{report.field_name or '—'} ({self._kind_text(report.kind)})",
                    report.signer_name or "—",
                    when,
                    self._verdict_text(report.verdict),
                ]
            )
            row.setForeground(3, QBrush(theme.color(cast(Verdict, report.verdict))))
            for reason in report.reasons:
                row.addChild(self._reason_item(reason))
            self.signatures.addTopLevelItem(row)
            row.setExpanded(True)
            for child_index in range(row.childCount()):
                child = row.child(child_index)
                assert child is not None  # an index below childCount()
                child.setFirstColumnSpanned(True)
                child.setExpanded(True)
                for grand in range(child.childCount()):
                    grandchild = child.child(grand)
                    assert grandchild is not None
                    grandchild.setFirstColumnSpanned(True)
        for column in range(4):
            self.signatures.resizeColumnToContents(column)

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
        self.demo.setVisible(result.demo)
        self._fill_signatures(result)
        self.signer.setText(result.signer_name or "—")
        self.signed_at.setText(local_datetime(result.signed_at, self._lang, seconds=True) if result.signed_at else "—")
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
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Certificado de confianza"),
            start,
            self.tr("Certificados (*.pem *.cer *.crt *.der);;Todos los archivos (*)"),
        )
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
