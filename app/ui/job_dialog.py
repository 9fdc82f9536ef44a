"""A dialog whose background jobs may finish after it closed.

Dialogs opened with ``WA_DeleteOnClose`` lose their C++ side when closed, while a job
they started (a preview, a verification) may still report back. :meth:`JobDialog.guard`
wraps a job's callback so it does nothing once the dialog is done, instead of touching
deleted widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QWidget


class JobDialog(QDialog):
    """QDialog that knows when it is finished and can silence late job callbacks."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._finished = False

    def done(self, result: int) -> None:  # every close path (Cerrar, Esc, the title bar) ends here
        self._finished = True
        super().done(result)

    def guard(self, callback: Callable[[Any], None]) -> Callable[[Any], None]:
        """``callback`` that is skipped once the dialog has been closed."""

        def call(value: Any) -> None:
            if not self._finished:
                callback(value)

        return call
