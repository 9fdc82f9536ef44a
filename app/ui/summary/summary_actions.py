"""The Resumen menu's work: the state dashboard, PDF export and signing, verification.

Each window is imported on first use, so a plain start does not pay for Qt Charts or
Qt PDF. The dashboard asks this object to export, so the export dialog is one and the
same whether it is opened from the menu or from the dashboard.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt

from app.ui.common import settings
from app.ui.shell.shell_window import ShellWindow


class SummaryActions(QObject):
    """Slots of the Resumen menu (and of the dashboard's export button)."""

    def __init__(self, window: ShellWindow):
        super().__init__(window)
        self._window = window

    def show_dashboard(self) -> None:
        """The dashboard of the state and month chosen in the main window."""
        from app.ui.summary.dashboard_window import DashboardWindow

        window = self._window
        dashboard = DashboardWindow(window.tasks, window.catalog, window.lang, self, window)
        dashboard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dashboard.load(window.current_state(), window.current_period())
        dashboard.show()

    def export_pdf(self, state_code: str | None = None, period: str | None = None) -> None:
        """Export (and optionally sign) one state's summary PDF, with a first-page preview."""
        from app.ui.summary.export_dialog import ExportDialog

        window = self._window
        dialog = ExportDialog(
            window.tasks,
            window.catalog,
            window.lang,
            state_code or window.current_state(),
            period or window.current_period(),
            window,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def section_notes(self) -> None:
        """Notes under the summary's section titles and provisional registry counts (issue 10)."""
        from app.ui.entry.section_notes_dialog import SectionNotesDialog

        window = self._window
        dialog = SectionNotesDialog(
            window.tasks, window.catalog, window.lang, window.current_state(), window.current_period(), window
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def export_all(self) -> None:
        """One PDF per state in the database, with progress and cancel."""
        from app.ui.summary.batch_export_dialog import BatchExportDialog

        window = self._window
        dialog = BatchExportDialog(window.tasks, window.catalog, window.lang, window.current_period(), window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def verify_pdf(self) -> None:
        """Open a signed PDF and see who signed it, when, and whether it is intact and trusted."""
        from app.ui.summary.verify_dialog import VerifyDialog

        window = self._window
        dialog = VerifyDialog(window.tasks, window.lang, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def create_identity(self):
        """Create a signing identity (key + self-signed certificate) saved as PKCS#12."""
        from app.ui.summary.identity_dialog import IdentityDialog

        window = self._window
        dialog = IdentityDialog(window.tasks, window.catalog, window.lang, window.current_state(), window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # The next "Exportar PDF firmado…" starts on the new identity, not on "Sin firma".
        dialog.created.connect(lambda _path, _made: settings.save_last_path("signing/mode", "p12"))
        dialog.show()
        return dialog
