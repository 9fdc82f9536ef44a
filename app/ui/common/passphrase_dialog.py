"""Asking for a passphrase: a small modal dialog whose text is hidden as it is typed.

The passphrase lives only in the line edit and in the bytes handed back; the field is
cleared as soon as the dialog closes, and nothing is ever written to settings or logs.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.ui.common import theme

#: ``(parent, prompt) -> bytes | None``: how a dialog gets a passphrase. Dialogs take one
#: as an attribute so tests can answer the modal prompt without a nested event loop.
PassphraseProvider = Callable[[QWidget | None, str], bytes | None]


class PassphraseDialog(QDialog):
    """One password field with Aceptar/Cancelar; :meth:`passphrase` gives the bytes."""

    def __init__(self, prompt: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Contraseña de la firma"))
        self.setMinimumWidth(420)
        label = QLabel(prompt)
        label.setWordWrap(True)
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setObjectName("passphrase")
        note = QLabel(self.tr("Coordina no guarda esta contraseña."))
        note.setStyleSheet(theme.text_style("muted"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Aceptar"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancelar"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        # An empty passphrase is never right for a signing key: keep Aceptar off until typed.
        self.ok_button.setEnabled(False)
        self.field.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text)))
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.field)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def passphrase(self) -> bytes:
        """The typed text as UTF-8 bytes (what the key files expect)."""
        return self.field.text().encode("utf-8")


def ask_passphrase(parent: QWidget | None, prompt: str) -> bytes | None:
    """Show the dialog modally; the passphrase as bytes, or None when cancelled."""
    dialog = PassphraseDialog(prompt, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.passphrase()
    finally:
        dialog.field.clear()  # do not leave the text in a widget that may outlive this call
        dialog.deleteLater()
