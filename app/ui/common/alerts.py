"""Message boxes shown to the person: errors in her language, never a traceback."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.models.messages import InputError

log = logging.getLogger(__name__)


def error_message(exc: BaseException, lang: str = "es") -> str:
    """The person-facing text of a failure: InputError's message, else a short generic line."""
    if isinstance(exc, InputError):
        from app.ui.common.plain_codes import code_at_end  # "[E_X] text" -> "text (código E_X)"

        return code_at_end(exc.message(lang))
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.strerror}: {exc.filename}" if exc.filename else exc.strerror
    # Unexpected: the details go to the log, the person gets a sentence.
    log.error("unexpected error shown to the user", exc_info=exc)
    return QCoreApplication.translate(
        "alerts", "Ocurrió un error inesperado ({0}). Nada se guardó a medias; puede intentarlo de nuevo."
    ).format(type(exc).__name__)


def show_error(parent: QWidget | None, title: str, exc: BaseException, lang: str = "es") -> QMessageBox:
    """A non-blocking warning box with the error's message (returned for tests)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, error_message(exc, lang), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("error_box")
    box.open()
    return box


def show_info(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("info_box")
    box.open()
    return box


def confirm(parent: QWidget | None, title: str, text: str, yes_text: str) -> bool:
    """Ask before an action that changes the report; True when the person agrees."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("alerts", "Cancelar"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(yes)
    box.exec()
    return box.clickedButton() is yes
