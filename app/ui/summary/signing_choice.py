"""Choosing how to sign: no signature, a ``.p12``/``.pfx`` file, or a SAT e.firma pair.

Shared by the single and the batch export dialogs. The chosen files are remembered in
QSettings (so the next export starts with them); the passphrase never is: it is asked
for at export time and handed straight to :func:`app.services.summary.identity.load_identity`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from app.reports.signing.identity import Identity
from app.services.summary import identity as identity_service
from app.ui.common import settings

NONE, P12, SAT = "none", "p12", "sat"


def fingerprint_lines(fingerprint: str) -> str:
    """A SHA-256 fingerprint on two lines of 16 pairs: it fits a dialog and reads over the phone."""
    pairs = fingerprint.split(":")
    if len(pairs) <= 16:
        return fingerprint
    return ":".join(pairs[:16]) + ":\n" + ":".join(pairs[16:])


def default_mode() -> str:
    """The identity last used (issue 12): the saved choice, else any identity file already known.

    "Sin firma" only when it was chosen last or no identity is known at all.
    """
    saved = settings.last_path("signing/mode", "")
    if saved in (NONE, P12, SAT):
        return saved
    if Path(settings.last_path("signing/p12") or ".").is_file():
        return P12
    cer, key = settings.last_path("signing/cer"), settings.last_path("signing/key")
    if cer and key and Path(cer).is_file() and Path(key).is_file():
        return SAT
    return NONE


class SigningChoice(QGroupBox):
    """Radio buttons for the kind of signature and the file pickers each kind needs."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Firma electrónica"))
        self.none_radio = QRadioButton(self.tr("Sin firma"))
        self.p12_radio = QRadioButton(self.tr("Archivo de identidad (.p12 / .pfx)"))
        self.sat_radio = QRadioButton(self.tr("e.firma del SAT (.cer + .key)"))
        self._group = QButtonGroup(self)
        for radio in (self.none_radio, self.p12_radio, self.sat_radio):
            self._group.addButton(radio)

        self.p12_path = QLineEdit(settings.last_path("signing/p12"))
        self.cer_path = QLineEdit(settings.last_path("signing/cer"))
        self.key_path = QLineEdit(settings.last_path("signing/key"))
        self.p12_path.setPlaceholderText(self.tr("Archivo .p12 o .pfx"))
        self.cer_path.setPlaceholderText(self.tr("Certificado .cer"))
        self.key_path.setPlaceholderText(self.tr("Clave privada .key"))

        grid = QGridLayout(self)
        grid.setColumnMinimumWidth(0, 18)  # indent the pickers under their radio button
        grid.addWidget(self.none_radio, 0, 0, 1, 3)
        grid.addWidget(self.p12_radio, 1, 0, 1, 3)
        grid.addLayout(self._picker(self.p12_path, self._browse_p12), 2, 1, 1, 2)
        grid.addWidget(self.sat_radio, 3, 0, 1, 3)
        grid.addLayout(self._picker(self.cer_path, self._browse_cer), 4, 1, 1, 2)
        grid.addLayout(self._picker(self.key_path, self._browse_key), 5, 1, 1, 2)
        grid.setColumnStretch(1, 1)

        {P12: self.p12_radio, SAT: self.sat_radio}.get(default_mode(), self.none_radio).setChecked(True)
        self._group.buttonToggled.connect(lambda *_: self._update())
        for field in (self.p12_path, self.cer_path, self.key_path):
            field.textChanged.connect(lambda _text: self.changed.emit())
        self._update()

    def _picker(self, field: QLineEdit, browse: Callable[[], None]) -> QHBoxLayout:
        row = QHBoxLayout()
        button = QPushButton(self.tr("Elegir…"))
        button.clicked.connect(browse)
        field.setProperty("browse_button", button)
        row.addWidget(field, 1)
        row.addWidget(button)
        return row

    def _update(self) -> None:
        mode = self.mode()
        for field, active in ((self.p12_path, mode == P12), (self.cer_path, mode == SAT), (self.key_path, mode == SAT)):
            field.setEnabled(active)
            field.property("browse_button").setEnabled(active)
        self.changed.emit()

    # -- what was chosen -------------------------------------------------------------
    def mode(self) -> str:
        """``"none"``, ``"p12"`` or ``"sat"``."""
        if self.p12_radio.isChecked():
            return P12
        if self.sat_radio.isChecked():
            return SAT
        return NONE

    def is_signing(self) -> bool:
        return self.mode() != NONE

    def set_mode(self, mode: str) -> None:
        {P12: self.p12_radio, SAT: self.sat_radio}.get(mode, self.none_radio).setChecked(True)

    def use_p12(self, path: Path) -> None:
        """Sign with the PKCS#12 file ``path`` (used by tests and by the identity dialog)."""
        self.p12_path.setText(str(path))
        self.set_mode(P12)

    def use_sat(self, cer: Path, key: Path) -> None:
        self.cer_path.setText(str(cer))
        self.key_path.setText(str(key))
        self.set_mode(SAT)

    def problem(self) -> str | None:
        """What is missing before signing can start (None when ready or not signing)."""
        mode = self.mode()
        needed = (
            [(self.p12_path, self.tr("Elija el archivo .p12 o .pfx de su identidad."))]
            if mode == P12
            else [
                (self.cer_path, self.tr("Elija el certificado .cer de su e.firma.")),
                (self.key_path, self.tr("Elija la clave privada .key de su e.firma.")),
            ]
            if mode == SAT
            else []
        )
        for field, message in needed:
            text = field.text().strip()
            if not text or not Path(text).is_file():
                return message
        return None

    def prompt(self) -> str:
        """The question the passphrase dialog asks, naming the file it unlocks."""
        if self.mode() == SAT:
            return self.tr("Escriba la contraseña de la clave privada de su e.firma (%1).").replace(
                "%1", Path(self.key_path.text().strip()).name
            )
        return self.tr("Escriba la contraseña de %1.").replace("%1", Path(self.p12_path.text().strip()).name)

    def ask_loader(
        self, parent: QWidget, ask: Callable[[QWidget, str], bytes | None]
    ) -> Callable[[], Identity | None] | None:
        """The loader of the chosen identity, asking its passphrase (through ``ask``) when
        signing; None when the person cancels the question. Only the loader keeps the
        passphrase, until the job that runs it ends."""
        if not self.is_signing():
            return self.loader(b"")
        passphrase = ask(parent, self.prompt())
        return None if passphrase is None else self.loader(passphrase)

    def loader(self, passphrase: bytes) -> Callable[[], Identity | None]:
        """A function that opens the chosen identity (run it off the UI thread).

        Paths are read now, on the UI thread; the function only touches files and crypto.
        Raises InputError for a wrong passphrase, an expired certificate, a CSD or a key
        that does not match the certificate.
        """
        mode = self.mode()
        p12 = Path(self.p12_path.text().strip())
        cer, key = Path(self.cer_path.text().strip()), Path(self.key_path.text().strip())
        if mode == P12:
            return lambda: identity_service.load_identity(p12=p12, passphrase=passphrase)
        if mode == SAT:
            return lambda: identity_service.load_identity(cer=cer, key=key, passphrase=passphrase)
        return lambda: None

    def remember(self) -> None:
        """Keep the chosen files (never the passphrase) for the next export."""
        settings.save_last_path("signing/mode", self.mode())
        for name, field in (("p12", self.p12_path), ("cer", self.cer_path), ("key", self.key_path)):
            if field.text().strip():
                settings.save_last_path(f"signing/{name}", field.text().strip())

    # -- pickers ---------------------------------------------------------------------
    def _start_dir(self, field: QLineEdit) -> str:
        text = field.text().strip()
        return str(Path(text).parent) if text else str(Path.home())

    def _browse_p12(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Archivo de identidad"),
            self._start_dir(self.p12_path),
            self.tr("Identidad PKCS#12 (*.p12 *.pfx);;Todos los archivos (*)"),
        )
        if path:
            self.p12_path.setText(path)

    def _browse_cer(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Certificado de la e.firma"),
            self._start_dir(self.cer_path),
            self.tr("Certificado (*.cer);;Todos los archivos (*)"),
        )
        if path:
            self.cer_path.setText(path)
            key = Path(path).with_suffix(".key")
            if not self.key_path.text().strip() and key.is_file():
                self.key_path.setText(str(key))  # SAT hands both files out side by side

    def _browse_key(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Clave privada de la e.firma"),
            self._start_dir(self.key_path if self.key_path.text().strip() else self.cer_path),
            self.tr("Clave privada (*.key);;Todos los archivos (*)"),
        )
        if path:
            self.key_path.setText(path)
