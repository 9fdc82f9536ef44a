"""The passphrase of headquarters' keys in the GUI (issue 11, hole 1).

HQ's private keys are stored wrapped under a passphrase. It is chosen when HQ's profile is
created (typed twice) and asked once per session, the first time an action needs the keys
(importing packages, writing acknowledgements or updates, exporting HQ's profile). Once
checked it stays in this process's memory only (:mod:`app.services.sync.sync_keys`); it is never
written to settings, files or logs.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.services.sync import sync_keys
from app.ui.common import theme
from app.ui.common.tasks import TaskManager
from app.ui.sync.sync_errors import show_sync_error

#: ``(parent, new) -> bytes | None``: how a passphrase is asked (tests answer without a modal loop).
HqPassphraseProvider = Callable[[QWidget | None, bool], bytes | None]


class HqPassphraseDialog(QDialog):
    """Ask for HQ's keys' passphrase; ``new=True`` asks twice and checks its length."""

    def __init__(self, new: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self._new = new
        self.setWindowTitle(self.tr("Contraseña de las claves de oficinas centrales"))
        self.setMinimumWidth(480)
        if new:
            text = self.tr(
                "Elija una contraseña para proteger las claves privadas de oficinas centrales "
                "(al menos %1 caracteres). Se pedirá una vez por sesión; sin ella no se pueden "
                "leer los paquetes de los estados ni firmar acuses. Guárdela en un lugar seguro: "
                "no se puede recuperar."
            ).replace("%1", str(sync_keys.MIN_PASSPHRASE))
        else:
            text = self.tr("Escriba la contraseña de las claves de oficinas centrales. Se pide una vez por sesión.")
        label = QLabel(text)
        label.setWordWrap(True)
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setObjectName("hq_passphrase")
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setObjectName("hq_passphrase_again")
        form = QFormLayout()
        form.addRow(self.tr("Contraseña:"), self.field)
        if new:
            form.addRow(self.tr("Repítala:"), self.again)
        self.problem = QLabel("")
        self.problem.setStyleSheet(theme.text_style("error"))
        note = QLabel(self.tr("Coordina no guarda esta contraseña en ningún archivo."))
        note.setStyleSheet(theme.text_style("muted"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Aceptar"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancelar"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.field.textChanged.connect(self._check)
        self.again.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        text = self.field.text()
        problem = ""
        if self._new and text and len(text) < sync_keys.MIN_PASSPHRASE:
            problem = self.tr("Muy corta: al menos %1 caracteres.").replace("%1", str(sync_keys.MIN_PASSPHRASE))
        elif self._new and self.again.text() and self.again.text() != text:
            problem = self.tr("Las dos contraseñas no coinciden.")
        self.problem.setText(problem)
        ready = bool(text) and not problem and (not self._new or self.again.text() == text)
        self.ok_button.setEnabled(ready)

    def passphrase(self) -> bytes:
        return self.field.text().encode("utf-8")


def ask_hq_passphrase(parent: QWidget | None, new: bool) -> bytes | None:
    """Show :class:`HqPassphraseDialog` modally; the passphrase, or None when cancelled."""
    dialog = HqPassphraseDialog(new, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.passphrase()
    finally:
        dialog.field.clear()
        dialog.again.clear()
        dialog.deleteLater()


def with_hq_keys(
    parent: QWidget,
    tasks: TaskManager,
    then: Callable[[], None],
    lang: str = "es",
    provider: HqPassphraseProvider = ask_hq_passphrase,
) -> None:
    """Run ``then()`` once HQ's keys are usable in this session, asking the passphrase if needed.

    At a state, when the keys are already unlocked, or when they were stored raw by an
    older Coordina (wrapped by :meth:`ProfileDialog.protect_keys` or by any HQ command given
    ``--passphrase-env``), ``then()`` runs at once. A wrong passphrase is said in a message
    box and nothing else happens; cancelling does nothing.
    """

    def checked(state: str) -> None:
        if state in ("none", "unlocked", "raw"):
            then()
            return
        passphrase = provider(parent, False)
        if passphrase is None:
            return
        tasks.run_db(lambda ws, _p: sync_keys.unlock(ws, passphrase), lambda _wrapped: then(), failed, owner=parent)

    def failed(exc: BaseException) -> None:
        title = QCoreApplication.translate("HqUnlock", "Claves de oficinas centrales")
        show_sync_error(parent, title, exc, lang)

    def probe(ws, _progress) -> str:
        return sync_keys.key_state(ws)

    tasks.run_db(probe, checked, failed, owner=parent)
