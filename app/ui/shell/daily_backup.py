"""The day's backup, taken the first time a month is on screen (or failed to load)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QStatusBar

from app.ui.common.alerts import error_message
from app.ui.common.tasks import TaskManager


class DailyBackup(QObject):
    """Takes the day's snapshot once per run, on the database thread, and says how it went.

    Not at start: the copy (~0.1 s for the demo, more for years of data) would share the
    database thread and the interpreter with the first month's load (issue 12).
    """

    def __init__(self, tasks: TaskManager, status_bar: QStatusBar, lang: str) -> None:
        super().__init__(status_bar)
        self._tasks, self._status_bar, self._lang = tasks, status_bar, lang
        self.checked = False

    def take(self) -> None:
        """Take the backup unless this run already did (the first day included)."""
        if self.checked:
            return
        self.checked = True
        self._tasks.run_db(_daily_backup, self._on_done, self._on_failed, owner=self)

    def _on_done(self, path: object) -> None:
        if path:
            self._status_bar.showMessage(self.tr("Respaldo diario guardado"), 8000)

    def _on_failed(self, exc: BaseException) -> None:
        self._status_bar.showMessage(
            self.tr("No se pudo hacer el respaldo diario: {0}").format(error_message(exc, self._lang)), 15000
        )


def _daily_backup(ws, _progress):
    """The day's snapshot (runs on the database thread)."""
    from app.services.files.backup import ensure_daily_backup

    return ensure_daily_backup(ws)
