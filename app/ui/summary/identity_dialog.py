"""Creating a signing identity: a key and a self-signed certificate saved as PKCS#12.

The person gives her name, position and state, where to save the ``.p12`` and a
passphrase typed twice. The key is made and written on the database thread; the
service also adds the new certificate to this workspace's trust store, so her own
PDFs verify as trusted here. The fingerprint is shown at the end: she reads it over
the phone when HQ registers her certificate. The passphrase is never stored.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFontDatabase
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
from app.reports.signing.identity import Identity
from app.services.summary import identity as identity_service
from app.ui.common import settings
from app.ui.common.alerts import show_error
from app.ui.common.formatting import error_text, status_style
from app.ui.common.job_dialog import JobDialog, status_line
from app.ui.common.tasks import TaskManager
from app.ui.common.window_fit import fit_window
from app.ui.summary.export_dialog import documents_folder
from app.ui.summary.signing_choice import fingerprint_lines


def identity_file_name(name: str, state_name: str) -> str:
    """``"firma-Lucia_Avila-Nayarit.p12"``-like: no spaces, ASCII letters kept readable."""

    def clean(text: str) -> str:
        plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
        return "_".join("".join(ch if ch.isalnum() else " " for ch in plain).split())

    parts = [p for p in ("firma", clean(name), clean(state_name)) if p]
    return "-".join(parts) + ".p12"


class IdentityDialog(JobDialog):
    """Name, position, state, file and passphrase; creates the identity and shows its fingerprint."""

    created = Signal(object, object)  # Path, Identity

    def __init__(self, tasks: TaskManager, catalog: Catalog, lang: str, state_code: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._tasks = tasks
        self._catalog = catalog
        self._lang = lang
        self._busy = False
        self._path_edited = False
        self.created_path: Path | None = None
        self.identity: Identity | None = None
        self.error_box: QMessageBox | None = None
        self.setWindowTitle(self.tr("Crear identidad para firmar"))
        fit_window(self, "identity", 640, 520)

        intro = QLabel(
            self.tr(
                "Coordina crea una clave y un certificado a su nombre y los guarda en un archivo "
                ".p12 protegido con contraseña. Con ese archivo firmará los resúmenes en PDF. "
                "Guárdelo en un lugar seguro y no comparta la contraseña."
            )
        )
        intro.setWordWrap(True)
        form = self._build_form(catalog, state_code)
        self._build_result()
        actions = self._build_actions()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.details)
        layout.addWidget(self.fingerprint)
        layout.addStretch(1)
        layout.addLayout(actions)

        self.output.textEdited.connect(lambda _t: setattr(self, "_path_edited", True))
        self.name.textChanged.connect(lambda _t: self._follow_name())
        self.state.currentIndexChanged.connect(lambda _i: self._follow_name())
        self.passphrase.textChanged.connect(lambda _t: self._check_match())
        self.confirmation.textChanged.connect(lambda _t: self._check_match())
        folder = Path(settings.last_path("identity/folder", str(documents_folder())))
        self.output.setText(str(folder / identity_file_name("", self.state.currentText())))
        self._update_buttons()

    def _build_form(self, catalog: Catalog, state_code: str) -> QFormLayout:
        """Name, position, state, file and the passphrase twice (with whether they match)."""
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Nombre completo, como aparecerá en la firma"))
        self.position = QLineEdit()
        self.position.setPlaceholderText(self.tr("p. ej. Coordinadora estatal"))
        self.state = QComboBox()
        for state in sorted(catalog.states.values(), key=lambda s: s.name):
            self.state.addItem(state.name, state.code)
        self.state.setCurrentIndex(max(0, self.state.findData(state_code)))
        self.output = QLineEdit()
        browse = QPushButton(self.tr("Elegir…"))
        browse.clicked.connect(self.choose_output)
        output_row = QHBoxLayout()
        output_row.addWidget(self.output, 1)
        output_row.addWidget(browse)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirmation = QLineEdit()
        self.confirmation.setEchoMode(QLineEdit.EchoMode.Password)
        self.match_label = QLabel()
        form = QFormLayout()
        form.addRow(self.tr("Nombre:"), self.name)
        form.addRow(self.tr("Cargo:"), self.position)
        form.addRow(self.tr("Estado:"), self.state)
        form.addRow(self.tr("Guardar en:"), output_row)
        form.addRow(self.tr("Contraseña:"), self.passphrase)
        form.addRow(self.tr("Repita la contraseña:"), self.confirmation)
        form.addRow("", self.match_label)
        return form

    def _build_result(self) -> None:
        """The status line, and the certificate's details and fingerprint once created."""
        self.status = status_line()
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint = QLabel()
        self.fingerprint.setWordWrap(True)
        self.fingerprint.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def _build_actions(self) -> QHBoxLayout:
        self.create_button = QPushButton(self.tr("Crear identidad"))
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create)
        self.open_folder_button = QPushButton(self.tr("Abrir carpeta"))
        self.open_folder_button.clicked.connect(self.open_folder)
        close = QPushButton(self.tr("Cerrar"))
        close.clicked.connect(self.reject)
        actions = QHBoxLayout()
        actions.addWidget(self.open_folder_button)
        actions.addStretch(1)
        actions.addWidget(self.create_button)
        actions.addWidget(close)
        return actions

    # -- form ------------------------------------------------------------------------
    def output_path(self) -> Path | None:
        text = self.output.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        return path if path.suffix.lower() in (".p12", ".pfx") else path.with_name(path.name + ".p12")

    def set_output_path(self, path: Path) -> None:
        """Save to ``path`` (what the file picker does; tests call it directly)."""
        self.output.setText(str(path))
        self._path_edited = True

    def choose_output(self) -> None:
        current = self.output_path() or documents_folder() / "firma.p12"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Guardar identidad"), str(current), self.tr("Identidad PKCS#12 (*.p12)")
        )
        if path:
            self.set_output_path(Path(path))

    def _follow_name(self) -> None:
        # The suggested file name follows name and state until she picks a file herself.
        if not self._path_edited:
            current = self.output_path()
            folder = current.parent if current else documents_folder()
            self.output.setText(str(folder / identity_file_name(self.name.text(), self.state.currentText())))

    def _check_match(self) -> None:
        first, second = self.passphrase.text(), self.confirmation.text()
        if second and first != second:
            self.match_label.setText(self.tr("Las contraseñas no coinciden."))
            self.match_label.setStyleSheet(status_style("error"))
        else:
            self.match_label.setText("")

    def problem(self) -> str | None:
        """What must be fixed before creating (None when the form is complete)."""
        out = self.output_path()
        if not self.name.text().strip():
            return self.tr("Escriba su nombre.")
        if not self.position.text().strip():
            return self.tr("Escriba su cargo.")
        if out is None:
            return self.tr("Elija dónde guardar el archivo .p12.")
        if out.exists():
            return self.tr("Ya existe %1. Elija otro nombre para no reemplazar esa identidad.").replace("%1", str(out))
        if not self.passphrase.text():
            return self.tr("Escriba una contraseña para proteger la clave.")
        if self.passphrase.text() != self.confirmation.text():
            return self.tr("Las contraseñas no coinciden. Escríbala de nuevo en los dos campos.")
        return None

    def _update_buttons(self) -> None:
        self.create_button.setEnabled(not self._busy)
        self.open_folder_button.setVisible(self.created_path is not None)

    def busy(self) -> bool:
        return self._busy  # the key file is being written: let it finish and show the fingerprint

    # -- creating --------------------------------------------------------------------
    def create(self) -> None:  # type: ignore[override]  # shadows QWidget.create(), which nothing here calls
        """Check the form, then make the key and certificate in the background."""
        if self._busy:
            return
        problem = self.problem()
        if problem:
            self._show_status(problem, "error")
            return
        out = self.output_path()
        assert out is not None  # problem() refuses a form without a file
        name, position = self.name.text().strip(), self.position.text().strip()
        state, passphrase = self.state.currentData(), self.passphrase.text().encode("utf-8")

        def job(ws, _progress) -> Identity:
            # The service also adds the certificate to this workspace's trust store.
            return identity_service.create_identity_file(ws, name, position, state, out, passphrase)

        self._busy = True
        self.fingerprint.setText("")
        self.details.setText("")
        self._show_status(self.tr("Creando la identidad…"))
        self._update_buttons()
        self._tasks.run_db(job, self.guard(lambda made: self._created(out, made)), self.guard(self._failed), owner=self)

    def _created(self, path: Path, made: Identity) -> None:
        self._busy = False
        self.created_path, self.identity = path, made
        self.passphrase.clear()  # done with it: do not keep it in the widgets
        self.confirmation.clear()
        settings.save_last_path("identity/folder", str(path.parent))
        settings.save_last_path("signing/p12", str(path))  # the export dialogs offer it next time
        self._show_status(self.tr("Se creó %1").replace("%1", path.name), "ok")
        # What is read over the phone is the enrolment's fingerprint (certificate and state,
        # issue 11), shown when the enrolment is exported; this one identifies the certificate.
        self.details.setText(
            self.tr(
                "Carpeta: %1\nEsta computadora ya confía en su certificado. Para que la "
                "coordinación nacional lo registre, exporte su registro en Sincronizar ▸ "
                "Perfil y registro: ahí verá la huella que debe leer por teléfono. Huella "
                "del certificado (SHA-256):"
            ).replace("%1", str(path.parent))
        )
        self.fingerprint.setText(fingerprint_lines(made.fingerprint_sha256))
        self._update_buttons()
        self.created.emit(path, made)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self._update_buttons()
        self._show_status(self.tr("No se creó la identidad: %1").replace("%1", error_text(exc, self._lang)), "error")
        self.error_box = show_error(self, self.tr("Crear identidad"), exc, self._lang)

    def open_folder(self) -> None:
        if self.created_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.created_path.parent)))
