"""Coordina's main window: choose state and month, enter the report in the grid.

The window never touches the database itself: the month is read and written
by the :class:`~app.ui.entry.session.MonthSession` through the TaskManager, and the
facts it shows before any month (is there data? is it a demo?) come from one
background query at start. Menus live in :mod:`app.ui.shell.main_menus`, the
Archivo actions in :mod:`app.ui.files.file_actions`.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent, QPaintEvent, QUndoStack
from PySide6.QtWidgets import QLabel, QStackedWidget

from app.models.periods import current_period, period_label, shift
from app.ui.common import settings
from app.ui.common.alerts import error_message, show_error
from app.ui.common.startup_heap import freeze_startup_objects, release_collection
from app.ui.common.tasks import TaskManager
from app.ui.common.window_fit import fit_window
from app.ui.shell.daily_backup import DailyBackup
from app.ui.shell.main_menus import MainMenus, install_shortcuts
from app.ui.shell.month_toolbar import MonthToolbar
from app.ui.shell.report_closing import ReportClosing
from app.ui.shell.save_indicator import SaveIndicator
from app.ui.shell.shell_window import ShellWindow
from app.ui.shell.window_icon import set_app_icon

if TYPE_CHECKING:
    from app.models.catalog import Catalog
    from app.services.entry.overview import Overview
    from app.ui.entry.entry_page import EntryPage
    from app.ui.entry.session import MonthSession
    from app.ui.files.file_actions import FileActions
    from app.ui.shell.welcome_page import WelcomePage
    from app.ui.summary.summary_actions import SummaryActions
    from app.ui.sync.sync_actions import SyncActions

log = logging.getLogger(__name__)


class MainWindow(ShellWindow):
    """State and month choosers, section tabs, filters, the grid and the side panel."""

    fatal_error = Signal(object)  # the data directory could not be opened
    _started = True  # until __init__ has built everything, events must not start the load

    def __init__(self, data_dir: Path, lang: str = "es"):
        super().__init__()
        self.data_dir = Path(data_dir)
        self.lang = lang
        self._catalog: Catalog | None = None
        self._session: MonthSession | None = None
        self.tasks = TaskManager(self.data_dir, lang)
        self.undo_stack = QUndoStack(self)
        self._entry: EntryPage | None = None
        self._file_actions: FileActions | None = None
        self._summary_actions: SummaryActions | None = None
        self._sync_actions: SyncActions | None = None
        self.overview: Overview | None = None
        self._shut_down = False
        self._last_write_failed = False  # the save indicator says so until the next write
        self._build_ui()
        self.menus = MainMenus(self, lambda: self.file_actions, lambda: self.summary_actions, lambda: self.sync_actions)
        self._closing = ReportClosing(self)
        self._connect()
        self.setWindowTitle("Coordina")
        fit_window(self, "main", 1440, 900)  # within the screen; restores the last place
        # Reading the data starts once the window has painted: the database thread's first
        # job imports the storage stack (sqlite-utils pulls in pandas), which would otherwise
        # compete with the first paint. A hidden window starts after a short while anyway.
        self._started = False
        self._early_month: tuple[str, str] | None = None  # the remembered month, read at start
        QTimer.singleShot(300, self._start)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        super().paintEvent(event)
        if not self._started:
            QTimer.singleShot(0, self._start)

    def _start(self) -> None:
        if not self._started:
            self._started = True
            install_shortcuts(self.menus)
            self.reload_all()
            set_app_icon()
            # The month last opened is read right behind the overview, on the same database
            # thread, instead of after the overview's round trip and the entry page's build:
            # the grid is usable sooner (issue 12). The overview still decides what is shown.
            remembered = settings.last_month(self.data_dir)
            if remembered and self.state_box.findData(remembered[0]) >= 0:
                self._early_month = remembered
                self.select_month(*remembered)
                # Built while the database thread reads (SQLite gives up the interpreter
                # while it steps), not after the month arrives.
                self.entry  # noqa: B018 - the property builds the page
            freeze_startup_objects()  # after the page is built: its objects live as long as the window
            if self._early_month is None:
                release_collection()  # nothing more to read on the way (else once the month is shown)

    # -- building -----------------------------------------------------------------------
    def _build_ui(self) -> None:
        toolbar = self.month_toolbar = MonthToolbar(self.lang)
        self.addToolBar(toolbar)
        # Tests and the menus name the choosers through the window.
        self.state_box, self.month_picker = toolbar.state_box, toolbar.month_picker
        self.demo_badge, self.demo_badge_action = toolbar.demo_badge, toolbar.demo_badge_action

        self.pages = QStackedWidget()
        self.loading_label = QLabel(self.tr("Abriendo los datos…"))
        # A style property, not Qt.AlignmentFlag: the Qt namespace costs ~30 ms to load and
        # the window must paint first (cold-start target of issue 2).
        self.loading_label.setStyleSheet("qproperty-alignment: AlignCenter;")
        self.loading_label.setWordWrap(True)
        self._welcome: WelcomePage | None = None
        self.pages.addWidget(self.loading_label)
        self.setCentralWidget(self.pages)

        self.save_label = SaveIndicator()
        self.statusBar().addPermanentWidget(self.save_label)
        self._show_saving(False)
        self.daily_backup = DailyBackup(self.tasks, self.statusBar(), self.lang)

    @property
    def catalog(self) -> Catalog:
        """The catalog, loaded and checked on first use (right after the first paint)."""
        if self._catalog is None:
            from app.services.workspace import catalog_for

            # The data directory's own catalog: an installed newer version, else the bundled one.
            self._catalog = catalog_for(self.data_dir)
        return self._catalog

    @property
    def session(self) -> MonthSession:
        """The month being edited; created on first use so the window paints sooner."""
        if self._session is None:
            from app.ui.entry.session import MonthSession

            self._session = MonthSession(self.tasks, self.catalog, self.undo_stack, self.lang, self)
            self._session.loaded.connect(self._on_loaded)
            self._session.load_failed.connect(self._on_load_failed)
            self._session.status_changed.connect(self._on_status_changed)
            self._session.write_failed.connect(self._on_write_failed)
            self._session.saving_changed.connect(self._show_saving)
        return self._session

    @property
    def file_actions(self) -> FileActions:
        """The Archivo menu's actions (loaded on first use)."""
        if self._file_actions is None:
            from app.ui.files.file_actions import FileActions

            self._file_actions = FileActions(self)
        return self._file_actions

    @property
    def summary_actions(self) -> SummaryActions:
        """The Resumen menu's actions: dashboard, PDF export, verification."""
        if self._summary_actions is None:
            from app.ui.summary.summary_actions import SummaryActions

            self._summary_actions = SummaryActions(self)
        return self._summary_actions

    @property
    def sync_actions(self) -> SyncActions:
        """The Sincronizar menu's actions: profiles, packages, conflicts, consolidation."""
        if self._sync_actions is None:
            from app.ui.sync.sync_actions import SyncActions

            self._sync_actions = SyncActions(self)
        return self._sync_actions

    @property
    def welcome(self) -> WelcomePage:
        """What an empty data directory shows, built on first use (a month is the usual start)."""
        if self._welcome is None:
            from app.ui.shell.welcome_page import WelcomePage

            self._welcome = WelcomePage()
            self._welcome.demo_requested.connect(lambda: self.file_actions.build_demo())
            self._welcome.import_requested.connect(lambda: self.file_actions.import_facilities())
            self.pages.addWidget(self._welcome)
        return self._welcome

    @property
    def entry(self) -> EntryPage:
        """The report-entry page, built on first use (after the first paint)."""
        if self._entry is None:
            from app.ui.entry.entry_page import EntryPage

            self._entry = EntryPage(self.session, self.catalog, self.lang)
            self._entry.open_form.connect(self.open_facility_form)
            self._entry.grid.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
            self._entry.side_panel.close_requested.connect(self.close_report)
            self._entry.side_panel.reopen_requested.connect(self.reopen_report)
            # Refused text on screen means "not saved", whatever the database thread says.
            self._entry.grid_model.rejected_changed.connect(
                lambda _count: self._show_saving(self.session.has_pending_writes())
            )
            self.pages.addWidget(self._entry)
            self.menus.edit_menu.insertActions(
                self.menus.edit_menu_anchor,
                [self._entry.grid.copy_action, self._entry.grid.paste_action, self._entry.grid.clear_action],
            )
        return self._entry

    def _connect(self) -> None:
        self.state_box.currentIndexChanged.connect(self._load_selected)
        self.month_picker.period_changed.connect(self._load_selected)
        self.tasks.error.connect(lambda exc: show_error(self, self.tr("Error"), exc, self.lang))

    # -- choosing the month -------------------------------------------------------------
    def current_state(self) -> str:
        return str(self.state_box.currentData() or "")

    def current_period(self) -> str:
        return self.month_picker.period()

    def select_month(self, state_code: str, period: str) -> None:
        """Show ``state_code``/``period`` in the choosers and load it."""
        self.state_box.blockSignals(True)
        self.state_box.setCurrentIndex(max(0, self.state_box.findData(state_code)))
        self.state_box.blockSignals(False)
        self.month_picker.set_period(period)
        self._load_selected()

    def reload_all(self, state_code: str | None = None, period: str | None = None) -> None:
        """Re-read the overview (is there data? a demo?) then (re)load the month."""
        wanted = (state_code, period) if state_code and period else None

        def read(ws, _progress):
            from app.services.entry.overview import workspace_overview  # on the database thread

            return workspace_overview(ws)

        self.tasks.run_db(
            read, lambda overview: self._on_overview(overview, wanted), self._on_overview_failed, owner=self
        )

    def _on_overview(self, overview: Overview, wanted: tuple[str, str] | None) -> None:
        first_time = self.overview is None
        self.overview = overview
        self.menus.apply_role(overview.role)  # HQ and state menus differ (issue 12)
        if first_time and overview.first_run:  # an empty data directory, once: the wizard
            QTimer.singleShot(0, lambda: self.file_actions.first_run_wizard())
        self.demo_badge_action.setVisible(overview.is_demo)
        # Choosing a state and month means nothing before there are facilities.
        self.month_toolbar.setVisible(overview.facility_count > 0)
        self.save_label.setVisible(overview.facility_count > 0)
        if overview.facility_count == 0:
            self.pages.setCurrentWidget(self.welcome)
            self._update_title()
            return
        self.pages.setCurrentWidget(self.entry)
        if first_time:
            # Keys typed while the first month loads go to the grid, which refuses them and
            # says so, not to the state chooser (where a letter would pick another state).
            self.entry.grid.setFocus()
        if wanted is None:
            remembered = settings.last_month(self.data_dir)
            if remembered and remembered[0] in overview.states_with_facilities:
                wanted = remembered
            elif not first_time and self.session.month is not None:
                wanted = (self.current_state(), self.current_period())
            else:
                wanted = (overview.states_with_facilities[0], shift(current_period(), -1))
        if first_time and tuple(wanted) == self._early_month:
            return  # read since the start (see _start): loaded, or on its way
        self.select_month(*wanted)

    def _take_daily_backup(self) -> None:
        """The day's backup, the first time there is a month to show (even on the first day)."""
        if self.overview is not None and self.overview.facility_count:
            self.daily_backup.take()

    def _on_overview_failed(self, exc: BaseException) -> None:
        self.loading_label.setText(self.tr("No se pudieron abrir los datos.") + "\n\n" + error_message(exc, self.lang))
        self.pages.setCurrentWidget(self.loading_label)
        self.fatal_error.emit(exc)

    def _load_selected(self) -> None:
        state, period = self.current_state(), self.current_period()
        if not state:
            return
        self.statusBar().showMessage(
            self.tr("Cargando {0}, {1}…").format(self.catalog.states[state].name, period_label(period, self.lang))
        )
        # The grid stays enabled (and keeps the focus) but takes no edit until the month is
        # loaded: the session's about_to_load puts it in its loading state.
        self.session.load(state, period)
        settings.save_last_month(self.data_dir, state, period)

    def _on_loaded(self) -> None:
        month = self.session.month
        assert month is not None
        self.statusBar().clearMessage()
        self._update_title()
        self._on_status_changed(month.status, announce=False)
        self.entry.month_loaded()
        if not month.facilities:
            self.entry.show_banner(
                self.tr(
                    "{0} no tiene unidades registradas. Use Archivo → Importar unidades… o elija otro estado."
                ).format(self.catalog.states[month.state_code].name)
            )
        # After the grid's first paint with the month (a timer runs after the pending paint):
        # even the check that today's copy exists imports the backup code (issue 12).
        QTimer.singleShot(1, self._after_month_shown)

    def _after_month_shown(self) -> None:
        release_collection()
        self._take_daily_backup()

    def _on_load_failed(self, exc: BaseException) -> None:
        release_collection()
        self.statusBar().clearMessage()
        self._take_daily_backup()
        show_error(self, self.tr("No se pudo abrir el mes"), exc, self.lang)

    # -- showing state ------------------------------------------------------------------
    def _update_title(self) -> None:
        month = self.session.month
        parts = ["Coordina"]
        if month is not None and self.overview and self.overview.facility_count:
            parts += [self.catalog.states[month.state_code].name, period_label(month.period, self.lang)]
        title = " — ".join(parts)
        if self.overview is not None and self.overview.is_demo:
            title += " [DEMO]"
        self.setWindowTitle(title)

    def _on_status_changed(self, status: str, announce: bool = True) -> None:
        self.entry.side_panel.set_status(status)
        locked = status != "borrador"
        self.menus.close_report_action.setEnabled(not locked)
        self.menus.reopen_report_action.setEnabled(locked)
        self.entry.show_banner(
            self.tr(
                "Informe cerrado: la tabla es de solo lectura. Para corregir, use "
                "«Reabrir informe…»; la reapertura queda registrada."
            )
            if locked
            else None
        )
        if announce:
            self.statusBar().showMessage(
                self.tr("Informe cerrado") if locked else self.tr("Informe reabierto: la reapertura quedó registrada"),
                8000,
            )

    def _show_saving(self, saving: bool) -> None:
        """The save indicator, which never says "Guardado" while something is not stored:
        a refused cell on screen, an edit still on its way, or the last write that failed."""
        if saving:
            self._last_write_failed = False  # a new write is on its way; it will tell
        rejected = self._entry.grid_model.rejected_count() if self._entry is not None else 0
        self.save_label.show_state(rejected=rejected, saving=saving, failed=self._last_write_failed)

    def _on_write_failed(self, exc: BaseException) -> None:
        self._last_write_failed = True
        self._show_saving(self.session.has_pending_writes())
        text = error_message(exc, self.lang)
        self.statusBar().showMessage(self.tr("No se guardó: {0}").format(text), 15000)
        show_error(self, self.tr("No se guardó el cambio"), exc, self.lang)

    # -- report and forms ---------------------------------------------------------------
    def close_report(self) -> None:
        """Ask (listing what is still missing), then close the month's report."""
        self._closing.close_report()

    def reopen_report(self) -> None:
        """Ask, then reopen the month's report (the reopening is logged)."""
        self._closing.reopen_report()

    def open_facility_form(self, org_unit: str) -> None:
        """The form of one facility (or, with the state code, the state's own data)."""
        if self.session.month is None or not org_unit:
            return
        from PySide6.QtCore import Qt

        from app.ui.facilities.facility_form import FacilityFormDialog

        dialog = FacilityFormDialog(self.session, org_unit, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    # -- closing ------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Store every queued edit, then stop the background threads (idempotent)."""
        if self._shut_down:
            return
        self._shut_down = True
        release_collection()  # closed before its first month was shown
        if not self.session.flush():
            log.error("edits still queued after waiting; the database worker will finish them")
        self.tasks.shutdown()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.shutdown()
        event.accept()
