"""A modal progress dialog with Cancel for long jobs run through the TaskManager."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.services.workspace import Workspace
from app.ui.common.tasks import Cancelled, Progress, TaskManager


def run_with_progress(
    parent: QWidget,
    tasks: TaskManager,
    title: str,
    fn: Callable[[Workspace, Progress], Any],
    on_done: Callable[[Any], object],  # what it returns is ignored
    on_error: Callable[[BaseException], None] | None = None,
) -> QProgressDialog:
    """Run ``fn`` on the database thread behind a progress dialog with Cancel.

    Cancel asks the job to stop at its next progress report; a cancelled job
    raises inside its transaction, so nothing it started is kept.
    """
    dialog = QProgressDialog(title, QCoreApplication.translate("run_with_progress", "Cancelar"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def progress(done: int, total: int, text: str) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))
        if text:
            dialog.setLabelText(text)

    def finished(result: Any) -> None:
        dialog.close()
        on_done(result)

    def failed(exc: BaseException) -> None:
        dialog.close()
        if not isinstance(exc, Cancelled) and on_error:
            on_error(exc)

    handle = tasks.run_db(fn, finished, failed, progress, owner=dialog)
    dialog.canceled.connect(lambda: setattr(handle, "cancel_requested", True))
    dialog.show()
    return dialog
