"""The Sincronizar menu's work: profiles and enrolment, packages, import, conflicts, and
the national consolidation at headquarters.

Windows are imported on first use, like the Resumen menu's (:mod:`summary_actions`).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt

from app.ui.common.alerts import show_info
from app.ui.shell.shell_window import ShellWindow


class SyncActions(QObject):
    """Slots of the Sincronizar menu."""

    def __init__(self, window: ShellWindow):
        super().__init__(window)
        self._window = window

    def hq_only(self) -> bool:
        """HQ windows are not offered at a state (issue 12): their menu items are hidden there,
        and a shortcut or an old habit gets a sentence saying why instead of a state's own
        months shown as "received"."""
        overview = self._window.overview
        if overview is None or overview.role == "hq":
            return True  # still reading, or HQ: the window itself checks the profile again
        self.refusal = show_info(
            self._window,
            self.tr("Solo en oficinas centrales"),
            self.tr(
                "Conflictos, Responder a los estados y Consolidado nacional son ventanas de oficinas "
                "centrales: reúnen lo que envían las coordinaciones estatales. En este equipo, envíe sus "
                "informes con Sincronizar ▸ Enviar paquete a oficinas centrales…"
            ),
        )
        return False

    def _show(self, dialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def profile(self) -> None:
        """Profile (state or HQ), HQ profile, enrolment and registrations."""
        from app.ui.sync.profile_dialog import ProfileDialog

        w = self._window
        self._show(ProfileDialog(w.tasks, w.catalog, w.lang, w.current_state(), w))

    def export_package(self) -> None:
        """State: write the next package (signed) and see the outbox."""
        from app.ui.sync.outbox_dialog import OutboxDialog

        w = self._window
        dialog = OutboxDialog(w.tasks, w.catalog, w.lang, w)
        dialog.data_changed.connect(w.reload_all)  # an HQ update may bring facilities
        self._show(dialog)

    def _with_hq_keys(self, then) -> None:
        """At HQ, ask the keys' passphrase once per session first (issue 11); at a state, go on."""
        from app.ui.sync.hq_unlock import with_hq_keys

        with_hq_keys(self._window, self._window.tasks, then, self._window.lang)

    def import_packages(self) -> None:
        """Import packages of any kind: preview, progress, cancel, summaries."""
        from app.ui.files.import_dialog import ImportDialog

        def show() -> None:
            w = self._window
            dialog = ImportDialog(w.tasks, w.catalog, w.lang, w)
            dialog.data_changed.connect(w.reload_all)
            self._show(dialog)

        self._with_hq_keys(show)

    def conflicts(self) -> None:
        """HQ: flagged values side by side; accept either version."""
        from app.ui.sync.conflicts_dialog import ConflictsDialog

        if not self.hq_only():
            return

        w = self._window
        dialog = ConflictsDialog(w.tasks, w.catalog, w.lang, w)
        dialog.data_changed.connect(w.reload_all)
        self._show(dialog)

    def respond(self) -> None:
        """HQ: write acknowledgements and updates for the registered states."""
        from app.ui.sync.respond_dialog import RespondDialog

        if not self.hq_only():
            return

        w = self._window
        self._with_hq_keys(lambda: self._show(RespondDialog(w.tasks, w.catalog, w.lang, w)))

    def consolidation(self) -> None:
        """HQ: completeness matrix, national and per-state figures, exports."""
        from app.ui.national.consolidation_window import ConsolidationWindow

        if not self.hq_only():
            return

        w = self._window
        self._show(ConsolidationWindow(w.tasks, w.catalog, w.lang, w.current_period(), w))

    def targets(self) -> None:
        """Metas per indicator: edited at HQ, read-only at a state."""
        from app.ui.summary.targets_dialog import TargetsDialog

        w = self._window
        self._show(TargetsDialog(w.tasks, w.catalog, w.lang, w))
