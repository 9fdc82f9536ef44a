"""Sync errors in the app's words: some service messages name command-line commands
("identity create", "hq-profile import"); in the app the route is a menu, so those codes get
a text that names the menu instead. Every other error keeps the service's message."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.ui.common.alerts import error_message
from app.ui.common.plain_codes import code_note


def _routes() -> dict[str, str]:
    # Written out in full (no alias) so that lupdate files them under "SyncErrors".
    return {
        "E_NO_CERTIFICATE": QCoreApplication.translate(
            "SyncErrors",
            "Todavía no hay un certificado del coordinador en este equipo. Cree primero su "
            "identidad de firma en Resumen ▸ Crear identidad de firma… y después vuelva a "
            "exportar el registro.",
        ),
        "E_NO_HQ": QCoreApplication.translate(
            "SyncErrors",
            "Falta el perfil de oficinas centrales. Impórtelo primero en Sincronizar ▸ Perfil y "
            "registro… (Importar perfil de oficinas centrales…).",
        ),
        "E_NO_PROFILE": QCoreApplication.translate(
            "SyncErrors",
            "Este directorio de datos no tiene perfil de sincronización. Créelo en Sincronizar ▸ Perfil y registro…",
        ),
    }


def sync_error_text(exc: BaseException, lang: str = "es") -> str:
    """The person-facing text of ``exc``, with the app's menu route for missing setup."""
    code = getattr(exc, "code", None)
    routed = _routes().get(code) if isinstance(code, str) else None
    # The code stays, at the end, for support: "… (código E_NO_HQ)".
    return f"{routed} {code_note(str(code))}" if routed else error_message(exc, lang)  # routed: code is a str


def show_sync_error(parent: QWidget | None, title: str, exc: BaseException, lang: str = "es") -> QMessageBox:
    """A non-blocking warning box like :func:`app.ui.common.alerts.show_error`, with :func:`sync_error_text`."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, sync_error_text(exc, lang), QMessageBox.StandardButton.Ok, parent
    )
    box.setObjectName("error_box")
    box.open()
    return box
