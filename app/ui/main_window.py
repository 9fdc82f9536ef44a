"""Coordina's main window: choose state and month, enter the report in the grid.

The window never touches the database itself: the month is read and written
by the :class:`~app.ui.session.MonthSession` through the TaskManager, and the
facts it shows before any month (is there data? is it a demo?) come from one
background query at start. Menus live in :mod:`app.ui.main_menus`, the
Archivo actions in :mod:`app.ui.file_actions`.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QPaintEvent, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from app import RESOURCES_DIR
from app.models.periods import current_period, period_label, shift
from app.models.state_list import read_state_names

from . import settings
from .alerts import confirm, error_message, show_error
from .main_menus import build_menus, install_shortcuts
from .month_picker import MonthPicker
from .tasks import TaskManager
from .welcome_page import WelcomePage
from .window_fit import fit_window

if TYPE_CHECKING:
    from app.models.catalog import Catalog
    from app.services.overview import Overview

    from .entry_page import EntryPage
    from .file_actions import FileActions
    from .filter_bar import FilterBar
    from .grid_filter import GridFilterProxy
    from .grid_model import MonthGridModel
    from .grid_view import GridView
    from .main_menus import MainMenus
    from .session import MonthSession
    from .side_panel import SidePanel
    from .summary_actions import SummaryActions
    from .sync_actions import SyncActions

log = logging.getLogger(__name__)

_DEMO_BADGE = "background: #b3261e; color: white; font-weight: bold; border-radius: 4px; padding: 3px 10px;"


class MainWindow(QMainWindow):
    """State and month choosers, section tabs, filters, the grid and the side panel."""

    fatal_error = Signal(object)  # the data directory could not be opened
    _started = True  # until __init__ has built everything, events must not start the load
    # Set by app.ui.main_menus.build_menus, which builds the menu bar onto this window.
    menus: MainMenus
    undo_action: QAction
    redo_action: QAction
    edit_menu: QMenu
    edit_menu_anchor: QAction
    close_report_action: QAction
    reopen_report_action: QAction
    pending_shortcuts: list[tuple[QAction, list[str]]]

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
        self._daily_backup_checked = False
        self._last_write_failed = False  # the save indicator says so until the next write
        self._build_ui()
        build_menus(self)
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
            install_shortcuts(self)
            self.reload_all()
            _set_app_icon()
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

    # -- building -----------------------------------------------------------------------
    def _build_ui(self) -> None:
        toolbar = self.month_toolbar = QToolBar(self.tr("Mes del informe"))
        toolbar.setObjectName("month_toolbar")
        toolbar.setMovable(False)
        self.addToolBar(toolbar)
        toolbar.addWidget(QLabel(self.tr(" Estado: ")))
        self.state_box = QComboBox()
        self.state_box.setAccessibleName(self.tr("Estado"))
        for code, name in read_state_names(RESOURCES_DIR / "catalog"):
            self.state_box.addItem(name, code)
        toolbar.addWidget(self.state_box)
        toolbar.addWidget(QLabel(self.tr("   Mes: ")))
        self.month_picker = MonthPicker(self.lang)
        self.month_picker.set_period(shift(current_period(), -1))
        toolbar.addWidget(self.month_picker)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        self.demo_badge = QLabel(self.tr("DEMO: datos de ejemplo"))
        self.demo_badge.setStyleSheet(_DEMO_BADGE)
        self.demo_badge_action = toolbar.addWidget(self.demo_badge)
        self.demo_badge_action.setVisible(False)

        self.pages = QStackedWidget()
        self.loading_label = QLabel(self.tr("Abriendo los datos…"))
        # A style property, not Qt.AlignmentFlag: the Qt namespace costs ~30 ms to load and
        # the window must paint first (cold-start target of issue 2).
        self.loading_label.setStyleSheet("qproperty-alignment: AlignCenter;")
        self.loading_label.setWordWrap(True)
        self.welcome = WelcomePage()
        self.pages.addWidget(self.loading_label)
        self.pages.addWidget(self.welcome)
        self.setCentralWidget(self.pages)

        self.save_label = QLabel()
        self.save_label.setObjectName("save_label")
        self.statusBar().addPermanentWidget(self.save_label)
        self._show_saving(False)

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
            from .session import MonthSession

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
            from .file_actions import FileActions

            self._file_actions = FileActions(self)
        return self._file_actions

    @property
    def summary_actions(self) -> SummaryActions:
        """The Resumen menu's actions: dashboard, PDF export, verification."""
        if self._summary_actions is None:
            from .summary_actions import SummaryActions

            self._summary_actions = SummaryActions(self)
        return self._summary_actions

    @property
    def sync_actions(self) -> SyncActions:
        """The Sincronizar menu's actions: profiles, packages, conflicts, consolidation."""
        if self._sync_actions is None:
            from .sync_actions import SyncActions

            self._sync_actions = SyncActions(self)
        return self._sync_actions

    @property
    def entry(self) -> EntryPage:
        """The report-entry page, built on first use (after the first paint)."""
        if self._entry is None:
            from .entry_page import EntryPage

            self._entry = EntryPage(self.session, self.catalog, self.lang)
            self._entry.open_form.connect(self.open_facility_form)
            self._entry.grid.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
            self._entry.side_panel.close_requested.connect(self.close_report)
            self._entry.side_panel.reopen_requested.connect(self.reopen_report)
            # Refused text on screen means "not saved", whatever the database thread says.
            self._entry.grid_model.rejected_changed.connect(
                lambda _count: self._show_saving(self.session.has_pending_writes()))
            self.pages.addWidget(self._entry)
            self.edit_menu.insertActions(self.edit_menu_anchor, [
                self._entry.grid.copy_action, self._entry.grid.paste_action, self._entry.grid.clear_action])
        return self._entry

    # The entry page's parts, as the menus and tests name them.
    grid: GridView = property(lambda self: self.entry.grid)  # type: ignore[assignment]
    grid_model: MonthGridModel = property(lambda self: self.entry.grid_model)  # type: ignore[assignment]
    proxy: GridFilterProxy = property(lambda self: self.entry.proxy)  # type: ignore[assignment]
    filter_bar: FilterBar = property(lambda self: self.entry.filter_bar)  # type: ignore[assignment]
    side_panel: SidePanel = property(lambda self: self.entry.side_panel)  # type: ignore[assignment]
    section_tabs = property(lambda self: self.entry.section_tabs)
    banner = property(lambda self: self.entry.banner)

    def _connect(self) -> None:
        self.state_box.currentIndexChanged.connect(self._load_selected)
        self.month_picker.period_changed.connect(self._load_selected)
        self.tasks.error.connect(lambda exc: show_error(self, self.tr("Error"), exc, self.lang))
        self.welcome.demo_requested.connect(lambda: self.file_actions.build_demo())
        self.welcome.import_requested.connect(lambda: self.file_actions.import_facilities())

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
            from app.services.overview import workspace_overview  # on the database thread

            return workspace_overview(ws)

        self.tasks.run_db(read,
                          lambda overview: self._on_overview(overview, wanted), self._on_overview_failed, owner=self)

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
            self.grid.setFocus()
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
        """The day's backup, the first time a month is on screen (or failed to load).

        Not before: the copy (~0.1 s for the demo, more for years of data) would share the
        database thread and the interpreter with the first month's load (issue 12).
        """
        if self._daily_backup_checked or self.overview is None or not self.overview.facility_count:
            return
        self._daily_backup_checked = True  # the first time there is data, even on the first day
        self.tasks.run_db(_daily_backup, self._on_daily_backup,
                          lambda exc: self.statusBar().showMessage(
                              self.tr("No se pudo hacer el respaldo diario: {0}").format(
                                  error_message(exc, self.lang)), 15000), owner=self)

    def _on_overview_failed(self, exc: BaseException) -> None:
        self.loading_label.setText(self.tr("No se pudieron abrir los datos.") + "\n\n" + error_message(exc, self.lang))
        self.pages.setCurrentWidget(self.loading_label)
        self.fatal_error.emit(exc)

    def _on_daily_backup(self, path: object) -> None:
        if path:
            self.statusBar().showMessage(self.tr("Respaldo diario guardado"), 8000)

    def _load_selected(self) -> None:
        state, period = self.current_state(), self.current_period()
        if not state:
            return
        self.statusBar().showMessage(self.tr("Cargando {0}, {1}…").format(
            self.catalog.states[state].name, period_label(period, self.lang)))
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
            self.entry.show_banner(self.tr("{0} no tiene unidades registradas. Use Archivo → Importar unidades… "
                                           "o elija otro estado.").format(self.catalog.states[month.state_code].name))
        self._take_daily_backup()

    def _on_load_failed(self, exc: BaseException) -> None:
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
        self.side_panel.set_status(status)
        locked = status != "borrador"
        self.close_report_action.setEnabled(not locked)
        self.reopen_report_action.setEnabled(locked)
        self.entry.show_banner(self.tr("Informe cerrado: la tabla es de solo lectura. Para corregir, use "
                                  "«Reabrir informe…»; la reapertura queda registrada.") if locked else None)
        if announce:
            self.statusBar().showMessage(self.tr("Informe cerrado") if locked else
                                         self.tr("Informe reabierto: la reapertura quedó registrada"), 8000)

    def _show_saving(self, saving: bool) -> None:
        """The save indicator, which never says "Guardado" while something is not stored:
        a refused cell on screen, an edit still on its way, or the last write that failed."""
        if saving:
            self._last_write_failed = False  # a new write is on its way; it will tell
        rejected = self._entry.grid_model.rejected_count() if self._entry is not None else 0
        if rejected:
            self.save_label.setText(self.tr("No guardado: {0} celdas con texto rechazado (F8)").format(rejected)
                                    if rejected > 1 else self.tr("No guardado: 1 celda con texto rechazado (F8)"))
            self.save_label.setStyleSheet("color: #8c1d18; font-weight: bold;")
        elif saving:
            self.save_label.setText(self.tr("Guardando…"))
            self.save_label.setStyleSheet("color: #7a5300;")
        elif self._last_write_failed:
            self.save_label.setText(self.tr("No se guardó el último cambio"))
            self.save_label.setStyleSheet("color: #8c1d18; font-weight: bold;")
        else:
            self.save_label.setText(self.tr("Guardado ✓"))
            self.save_label.setStyleSheet("color: #1e7b34;")

    def _on_write_failed(self, exc: BaseException) -> None:
        self._last_write_failed = True
        self._show_saving(self.session.has_pending_writes())
        text = error_message(exc, self.lang)
        self.statusBar().showMessage(self.tr("No se guardó: {0}").format(text), 15000)
        show_error(self, self.tr("No se guardó el cambio"), exc, self.lang)

    # -- report and forms ---------------------------------------------------------------
    def _month_name(self) -> str:
        return f"{self.catalog.states[self.current_state()].name}, {period_label(self.current_period(), self.lang)}"

    def close_report(self) -> None:
        if self.session.month is None or self.session.is_locked():
            return
        from .close_check import close_confirmation_text

        self.entry.grid.commit_open_editor()  # a cell being typed counts before the question
        text = close_confirmation_text(self._month_name(), self.session.index, self.catalog,
                                       self.grid_model.rejected_count(), self.lang)
        if confirm(self, self.tr("Cerrar informe"), text, self.tr("Cerrar informe")):
            self.session.flush()
            self.session.close_report()

    def reopen_report(self) -> None:
        if self.session.month is None or not self.session.is_locked():
            return
        if confirm(self, self.tr("Reabrir informe"), self.tr(
                "¿Reabrir el informe de {0}?\n\nLa reapertura queda registrada en el historial y el "
                "resumen firmado tendrá que firmarse de nuevo.").format(self._month_name()),
                self.tr("Reabrir informe")):
            self.session.reopen_report()

    def open_facility_form(self, org_unit: str) -> None:
        """The form of one facility (or, with the state code, the state's own data)."""
        if self.session.month is None or not org_unit:
            return
        from PySide6.QtCore import Qt

        from .facility_form import FacilityFormDialog

        dialog = FacilityFormDialog(self.session, org_unit, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    # -- closing ------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Store every queued edit, then stop the background threads (idempotent)."""
        if self._shut_down:
            return
        self._shut_down = True
        if not self.session.flush():
            log.error("edits still queued after waiting; the database worker will finish them")
        self.tasks.shutdown()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.shutdown()
        event.accept()


def _daily_backup(ws, _progress):
    """The day's snapshot, taken on the database thread once the month is on screen."""
    from app.services.backup import ensure_daily_backup

    return ensure_daily_backup(ws)


def _set_app_icon() -> None:
    """Coordina's icon on every window and in the task bar (files load when first drawn)."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon.addFile(str(RESOURCES_DIR / "icons" / f"coordina-{size}.png"))
    QApplication.setWindowIcon(icon)
