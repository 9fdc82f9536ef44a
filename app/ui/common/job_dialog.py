"""A dialog whose background jobs may finish after it closed.

Dialogs opened with ``WA_DeleteOnClose`` lose their C++ side when closed, while a job
they started (a preview, a verification) may still report back. :meth:`JobDialog.guard`
wraps a job's callback so it does nothing once the dialog is done, instead of touching
deleted widgets. While :meth:`JobDialog.busy` says a job must still report back (a file being
written), Esc and Cerrar wait for it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QWidget

from app.ui.common.formatting import status_style


def status_line(text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> QLabel:
    """The line under a dialog's work that says how it went: it wraps, and its text can be
    selected and copied (an error to paste into a message to support)."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(text_format)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def count_bar(text: str) -> QProgressBar:
    """A progress bar that counts what a job does (``text`` like "%v de %m"), empty until
    the job sets its range."""
    bar = QProgressBar()
    bar.setRange(0, 1)
    bar.reset()  # below the minimum: no "0 de 1" before anything has started (issue 12)
    bar.setFormat(text)
    return bar


class JobDialog(QDialog):
    """QDialog that knows when it is finished and can silence late job callbacks."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._finished = False

    status: QLabel  # the dialog's status line, made by the subclass

    def busy(self) -> bool:
        """Whether a job that must report back is running; subclasses that run one say so."""
        return False

    def reject(self) -> None:
        if not self.busy():  # closing now would drop the job's result (Cancelar first)
            super().reject()

    def _show_status(self, text: str, kind: str = "") -> None:
        """Show ``text`` on the status line, coloured for ``kind`` ("", "ok", "error", ...)."""
        self.status.setText(text)
        self.status.setStyleSheet(status_style(kind))

    def done(self, result: int) -> None:  # every close path (Cerrar, Esc, the title bar) ends here
        self._finished = True
        super().done(result)

    def guard(self, callback: Callable[[Any], None]) -> Callable[[Any], None]:
        """``callback`` that is skipped once the dialog has been closed."""

        def call(value: Any) -> None:
            if not self._finished:
                callback(value)

        return call
