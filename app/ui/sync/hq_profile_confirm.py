"""Confirming HQ's profile by its fingerprint before anything is stored (issue 11, hole 2).

A state trusts HQ's profile to encrypt its packages and to accept updates: the profile is
stored only after the coordinator compares, over the phone, the fingerprint shown here with
the one HQ reads aloud. A profile endorsed by the HQ key already in use (a key rotation)
says so; it is still shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from app.ui.sync.fingerprint_dialogs import fingerprint_label


@dataclass(frozen=True)
class HqProfileInfo:
    """What an HQ profile file says, checked by ``sync_profile.read_hq_profile`` (nothing stored)."""

    name: str
    fingerprint: str  # readable: 16 groups of 4
    rotation: bool  # endorsed by the HQ key in use
    replaces: str  # readable fingerprint of the profile it replaces, "" when none


class HqProfileConfirm(QDialog):
    """ "Compare this fingerprint by phone", then Importar / Cancelar (the default)."""

    def __init__(self, info: HqProfileInfo, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Importar perfil de oficinas centrales"))
        self.setMinimumWidth(560)
        form = QFormLayout()
        form.addRow(self.tr("Oficinas centrales:"), QLabel(info.name))
        if info.replaces:
            form.addRow(self.tr("Reemplaza a:"), QLabel(info.replaces[:39] + "…"))
        if info.rotation:
            text = self.tr(
                "Este perfil renueva las claves de oficinas centrales y está firmado con la clave "
                "en uso. Aun así, compare la huella nueva por teléfono si puede."
            )
        else:
            text = self.tr(
                "Llame por teléfono a oficinas centrales y pida que le lean su huella. Importe solo "
                "si los 16 grupos coinciden: con este perfil se cifran sus paquetes y se aceptan "
                "las actualizaciones."
            )
        ask = QLabel(text)
        ask.setWordWrap(True)
        self.fingerprint = fingerprint_label(info.fingerprint)
        self.fingerprint.setObjectName("hq_fingerprint")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Coincide: importar"))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancelar"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        # Cancelar is the default: Enter must not trust a profile nobody compared.
        self.ok_button.setAutoDefault(False)
        cancel.setDefault(True)
        cancel.setFocus()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(6)
        layout.addWidget(ask)
        layout.addWidget(self.fingerprint)
        layout.addWidget(buttons)


#: ``(parent, info) -> bool``: imports only when True. Tests replace it.
HqProfileConfirmer = Callable[[QWidget | None, HqProfileInfo], bool]


def confirm_hq_profile(parent: QWidget | None, info: HqProfileInfo) -> bool:
    """Show :class:`HqProfileConfirm` modally; True when the person pressed Importar."""
    dialog = HqProfileConfirm(info, parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
