"""Closing and reopening the month's report, each after a question that says what it means."""

from __future__ import annotations

from PySide6.QtCore import QObject

from app.models.periods import period_label
from app.ui.common.alerts import confirm
from app.ui.shell.shell_window import ShellWindow


class ReportClosing(QObject):
    """The Informe menu's close and reopen, asked in the main window."""

    def __init__(self, window: ShellWindow) -> None:
        super().__init__(window)
        self._window = window

    def _month_name(self) -> str:
        window = self._window
        state = window.catalog.states[window.current_state()].name
        return f"{state}, {period_label(window.current_period(), window.lang)}"

    def close_report(self) -> None:
        """Ask, listing warnings and sections below 100 %, then close the month."""
        window, session = self._window, self._window.session
        if session.month is None or session.is_locked():
            return
        from app.ui.entry.close_check import close_confirmation_text

        window.entry.grid.commit_open_editor()  # a cell being typed counts before the question
        text = close_confirmation_text(
            self._month_name(), session.index, window.catalog, window.entry.grid_model.rejected_count(), window.lang
        )
        if confirm(window, self.tr("Cerrar informe"), text, self.tr("Cerrar informe")):
            session.flush()
            session.close_report()

    def reopen_report(self) -> None:
        """Ask, then reopen the month; the reopening is logged and the PDF must be signed again."""
        window, session = self._window, self._window.session
        if session.month is None or not session.is_locked():
            return
        question = self.tr(
            "¿Reabrir el informe de {0}?\n\nLa reapertura queda registrada en el historial y el "
            "resumen firmado tendrá que firmarse de nuevo."
        ).format(self._month_name())
        if confirm(window, self.tr("Reabrir informe"), question, self.tr("Reabrir informe")):
            session.reopen_report()
