"""Small modal dialogs of the profile dialog: confirm an enrolment by its fingerprint, revoke.

Registering a coordinator is a trust decision made over the phone: the confirmation shows
the certificate's fingerprint large, in a monospace font, in groups of four, and says to
register only when every group matches what the coordinator reads aloud.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.services.sync.sync_profile import readable
from app.storage.sync_repo import Registration


@dataclass(frozen=True)
class EnrolmentInfo:
    """What an enrolment file says, checked by ``sync_enrol.parse_enrolment``."""

    state_code: str
    state_name: str
    name: str
    position: str
    fingerprint: str  # readable: 16 groups of 4


def fingerprint_font(point_size: int = 15) -> QFont:
    """A large monospace font: groups of four hex digits line up and read well aloud."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSize(point_size)
    font.setBold(True)
    return font


def fingerprint_two_lines(fingerprint: str) -> str:
    """A readable fingerprint (16 groups) as two lines of 8 groups, to fit a dialog."""
    groups = fingerprint.split()
    if len(groups) <= 8:
        return fingerprint
    return " ".join(groups[:8]) + "\n" + " ".join(groups[8:])


def fingerprint_label(text: str = "", point_size: int = 15) -> QLabel:
    """A selectable label showing a fingerprint in :func:`fingerprint_font`."""
    label = QLabel(fingerprint_two_lines(text))
    label.setFont(fingerprint_font(point_size))
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class EnrolmentConfirm(QDialog):
    """ "Compare this fingerprint by phone", then Registrar (or Reemplazar) / Cancelar."""

    def __init__(self, info: EnrolmentInfo, replacing: Registration | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reemplazar coordinador") if replacing else self.tr("Registrar coordinador"))
        self.setMinimumWidth(560)
        form = QFormLayout()
        form.addRow(self.tr("Estado:"), QLabel(info.state_name))
        form.addRow(self.tr("Nombre:"), QLabel(info.name))
        if info.position:
            form.addRow(self.tr("Cargo:"), QLabel(info.position))
        if replacing is not None:
            old = QLabel(readable(replacing.fingerprint)[:39] + "…")
            old.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
            form.addRow(self.tr("Reemplaza a:"), QLabel(replacing.name))
            form.addRow("", old)
        ask = QLabel(
            self.tr(
                "Llame por teléfono a la persona y pídale que le lea la huella que Coordina le "
                "mostró al exportar su registro. Registre solo si los 16 grupos coinciden."
            )
        )
        ask.setWordWrap(True)
        self.fingerprint = fingerprint_label(info.fingerprint)
        self.fingerprint.setObjectName("enrolment_fingerprint")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Reemplazar") if replacing else self.tr("Registrar"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancelar"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        # Cancelar is the default: Enter must not register a certificate nobody compared.
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button.setAutoDefault(False)
        cancel.setDefault(True)
        cancel.setFocus()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(6)
        layout.addWidget(ask)
        layout.addWidget(self.fingerprint)
        layout.addWidget(buttons)


class RevokeDialog(QDialog):
    """The registration to revoke and a note saying why (kept in the registration log)."""

    def __init__(self, reg: Registration, state_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Revocar registro"))
        self.setMinimumWidth(560)
        intro = QLabel(
            self.tr(
                "Los paquetes firmados con este certificado se rechazarán desde ahora. "
                "El registro queda en la lista como revocado."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Estado:"), QLabel(state_name))
        form.addRow(self.tr("Nombre:"), QLabel(reg.name))
        form.addRow(self.tr("Huella:"), fingerprint_label(readable(reg.fingerprint), 11))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("p. ej. cambio de coordinadora, certificado extraviado"))
        form.addRow(self.tr("Motivo:"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Revocar"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancelar"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button.setEnabled(False)  # the log must say why
        self.note.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text.strip())))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)


#: ``(parent, info, replacing) -> bool``: registers only when True. Tests replace it.
EnrolmentConfirmer = Callable[[QWidget | None, EnrolmentInfo, Registration | None], bool]
#: ``(parent, registration, state name) -> note | None`` (None: Cancelar). Tests replace it.
RevokeAsker = Callable[[QWidget | None, Registration, str], str | None]


def confirm_enrolment(parent: QWidget | None, info: EnrolmentInfo, replacing: Registration | None) -> bool:
    """Show :class:`EnrolmentConfirm` modally; True when the person pressed Registrar."""
    dialog = EnrolmentConfirm(info, replacing, parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


def ask_revoke_note(parent: QWidget | None, reg: Registration, state_name: str) -> str | None:
    """Show :class:`RevokeDialog` modally; the note, or None when cancelled."""
    dialog = RevokeDialog(reg, state_name, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.note.text().strip()
    finally:
        dialog.deleteLater()
