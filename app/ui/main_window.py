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

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QTabBar,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.models.periods import current_period, period_label, shift
from app.services.backup import ensure_daily_backup
from app.services.overview import Overview, workspace_overview
from app.services.workspace import catalog as load_catalog

from . import settings
from .alerts import confirm, error_message, show_error
from .file_actions import FileActions
from .filter_bar import FilterBar
from .grid_filter import GridFilterProxy
from .grid_model import MonthGridModel
from .grid_view import GridView
from .main_menus import build_menus
from .month_picker import MonthPicker
from .session import MonthSession
from .side_panel import SidePanel
from .tasks import TaskManager
from .welcome_page import WelcomePage

log = logging.getLogger(__name__)

_BANNER = "background: #fdecea; color: #8c1d18; border: 1px solid #f1b6b0; border-radius: 4px; padding: 6px;"
_DEMO_BADGE = "background: #b3261e; color: white; font-weight: bold; border-radius: 4px; padding: 3px 10px;"


class MainWindow(QMainWindow):
    """State and month choosers, section tabs, filters, the grid and the side panel."""

    fatal_error = Signal(object)  # the data directory could not be opened

    def __init__(self, data_dir: Path, lang: str = "es"):
        super().__init__()
        self.data_dir = Path(data_dir)
        self.lang = lang
        self.catalog = load_catalog()
        self.tasks = TaskManager(self.data_dir, lang)
        self.undo_stack = QUndoStack(self)
        self.session = MonthSession(self.tasks, self.catalog, self.undo_stack, lang, self)
        self.grid_model = MonthGridModel(self.session, self.catalog.sections[0].code, self)
        self.proxy = GridFilterProxy(self)
        self.proxy.setSourceModel(self.grid_model)
        self.file_actions = FileActions(self)
        self.overview: Overview | None = None
        self._shut_down = False
        self._build_ui()
        build_menus(self)
        self._connect()
        self.setWindowTitle("Coordina")
        self.resize(1440, 900)
        geometry = settings.app_settings().value("ui/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.reload_all()

    # -- building -----------------------------------------------------------------------
    def _build_ui(self) -> None:
        toolbar = self.month_toolbar = QToolBar(self.tr("Mes del informe"))
        toolbar.setObjectName("month_toolbar")
        toolbar.setMovable(False)
        self.addToolBar(toolbar)
        toolbar.addWidget(QLabel(self.tr(" Estado: ")))
        self.state_box = QComboBox()
        self.state_box.setAccessibleName(self.tr("Estado"))
        for state in sorted(self.catalog.states.values(), key=lambda s: s.name):
            self.state_box.addItem(state.name, state.code)
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
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.loading_label.setWordWrap(True)
        self.welcome = WelcomePage()
        self.pages.addWidget(self.loading_label)
        self.pages.addWidget(self.welcome)
        self.pages.addWidget(self._entry_page())
        self.setCentralWidget(self.pages)

        self.save_label = QLabel()
        self.save_label.setObjectName("save_label")
        self.statusBar().addPermanentWidget(self.save_label)
        self._show_saving(False)

    def _entry_page(self) -> QWidget:
        page = QWidget()
        outer = QHBoxLayout(page)
        left = QVBoxLayout()
        self.section_tabs = QTabBar()
        self.section_tabs.setExpanding(False)
        self.section_tabs.setDocumentMode(True)
        for section in self.catalog.sections:
            self.section_tabs.addTab(section.label(self.lang))
        left.addWidget(self.section_tabs)
        self.filter_bar = FilterBar(self.catalog, self.lang)
        left.addWidget(self.filter_bar)
        self.banner = QLabel()
        self.banner.setStyleSheet(_BANNER)
        self.banner.setWordWrap(True)
        self.banner.hide()
        left.addWidget(self.banner)
        self.grid = GridView()
        self.grid.set_models(self.grid_model, self.proxy)
        left.addWidget(self.grid, 1)
        outer.addLayout(left, 1)
        self.side_panel = SidePanel(self.catalog, self.lang)
        outer.addWidget(self.side_panel)
        self.entry_page = page
        return page

    def _connect(self) -> None:
        self.state_box.currentIndexChanged.connect(self._load_selected)
        self.month_picker.period_changed.connect(self._load_selected)
        self.section_tabs.currentChanged.connect(self._section_changed)
        self.filter_bar.filters_changed.connect(self.proxy.set_filters)
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset,
                       self.proxy.layoutChanged):
            signal.connect(self._update_count)
        self.session.loaded.connect(self._on_loaded)
        self.session.load_failed.connect(self._on_load_failed)
        self.session.values_changed.connect(self._schedule_panel_update)
        self.session.status_changed.connect(self._on_status_changed)
        self.session.write_failed.connect(self._on_write_failed)
        self.session.saving_changed.connect(self._show_saving)
        self.tasks.error.connect(lambda exc: show_error(self, self.tr("Error"), exc, self.lang))
        self.grid.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.grid.open_form.connect(self.open_facility_form)
        self.grid.verticalHeader().sectionDoubleClicked.connect(
            lambda row: self.open_facility_form(self.grid_model.facility(self.proxy.mapToSource(
                self.proxy.index(row, 0)).row()).clues))
        self.side_panel.close_requested.connect(self.close_report)
        self.side_panel.reopen_requested.connect(self.reopen_report)
        self.side_panel.state_data_requested.connect(lambda: self.open_facility_form(self.current_state()))
        self.welcome.demo_requested.connect(self.file_actions.build_demo)
        self.welcome.import_requested.connect(self.file_actions.import_facilities)
        self._panel_timer = QTimer(self)
        self._panel_timer.setSingleShot(True)
        self._panel_timer.setInterval(60)  # a paste of 500 cells repaints the panel once
        self._panel_timer.timeout.connect(lambda: self.side_panel.update_from(self.session.index))

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
        self.tasks.run_db(lambda ws, _p: workspace_overview(ws),
                          lambda overview: self._on_overview(overview, wanted), self._on_overview_failed)

    def _on_overview(self, overview: Overview, wanted: tuple[str, str] | None) -> None:
        first_time = self.overview is None
        self.overview = overview
        self.demo_badge_action.setVisible(overview.is_demo)
        # Choosing a state and month means nothing before there are facilities.
        self.month_toolbar.setVisible(overview.facility_count > 0)
        self.save_label.setVisible(overview.facility_count > 0)
        if overview.facility_count == 0:
            self.pages.setCurrentWidget(self.welcome)
            self._update_title()
            return
        self.pages.setCurrentWidget(self.entry_page)
        if wanted is None:
            remembered = settings.last_month(self.data_dir)
            if remembered and remembered[0] in overview.states_with_facilities:
                wanted = remembered
            elif not first_time and self.session.month is not None:
                wanted = (self.current_state(), self.current_period())
            else:
                wanted = (overview.states_with_facilities[0], shift(current_period(), -1))
        self.select_month(*wanted)
        if first_time:
            self.tasks.run_db(lambda ws, _p: ensure_daily_backup(ws), self._on_daily_backup,
                              lambda exc: self.statusBar().showMessage(
                                  self.tr("No se pudo hacer el respaldo diario: {0}").format(
                                      error_message(exc, self.lang)), 15000))

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
        self.grid.setEnabled(False)
        self.session.load(state, period)
        settings.save_last_month(self.data_dir, state, period)

    def _on_loaded(self) -> None:
        month = self.session.month
        assert month is not None
        self.grid.setEnabled(True)
        self.statusBar().clearMessage()
        self.filter_bar.populate(month.facilities)
        self.proxy.set_filters(*self.filter_bar.current())
        self._update_title()
        self._on_status_changed(month.status, announce=False)
        self.side_panel.update_from(self.session.index)
        self._update_count()
        if not month.facilities:
            self._show_banner(self.tr("{0} no tiene unidades registradas. Use Archivo → Importar unidades… "
                                      "o elija otro estado.").format(self.catalog.states[month.state_code].name))
        if not self.grid.currentIndex().isValid() and self.proxy.rowCount():
            self.grid.setCurrentIndex(self.proxy.index(0, MonthGridModel.FIRST_VALUE_COLUMN))
        self.grid.setFocus()

    def _on_load_failed(self, exc: BaseException) -> None:
        self.grid.setEnabled(True)
        self.statusBar().clearMessage()
        show_error(self, self.tr("No se pudo abrir el mes"), exc, self.lang)

    def _section_changed(self, tab: int) -> None:
        self.grid.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.grid_model.set_section(self.catalog.sections[tab].code)

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

    def _update_count(self) -> None:
        self.filter_bar.set_count(self.proxy.rowCount(), self.grid_model.rowCount())

    def _schedule_panel_update(self, _keys: list) -> None:
        self._panel_timer.start()

    def _show_banner(self, text: str | None) -> None:
        self.banner.setText(text or "")
        self.banner.setVisible(bool(text))

    def _on_status_changed(self, status: str, announce: bool = True) -> None:
        self.side_panel.set_status(status)
        locked = status != "borrador"
        self.close_report_action.setEnabled(not locked)
        self.reopen_report_action.setEnabled(locked)
        self._show_banner(self.tr("Informe cerrado: la tabla es de solo lectura. Para corregir, use "
                                  "«Reabrir informe…»; la reapertura queda registrada.") if locked else None)
        if announce:
            self.statusBar().showMessage(self.tr("Informe cerrado") if locked else
                                         self.tr("Informe reabierto: la reapertura quedó registrada"), 8000)

    def _show_saving(self, saving: bool) -> None:
        self.save_label.setText(self.tr("Guardando…") if saving else self.tr("Guardado ✓"))
        self.save_label.setStyleSheet("color: #7a5300;" if saving else "color: #1e7b34;")

    def _on_write_failed(self, exc: BaseException) -> None:
        text = error_message(exc, self.lang)
        self.statusBar().showMessage(self.tr("No se guardó: {0}").format(text), 15000)
        show_error(self, self.tr("No se guardó el cambio"), exc, self.lang)

    # -- report and forms ---------------------------------------------------------------
    def _month_name(self) -> str:
        return f"{self.catalog.states[self.current_state()].name}, {period_label(self.current_period(), self.lang)}"

    def close_report(self) -> None:
        if self.session.month is None or self.session.is_locked():
            return
        if confirm(self, self.tr("Cerrar informe"), self.tr(
                "¿Cerrar el informe de {0}?\n\nLa captura quedará de solo lectura. Si después necesita "
                "corregir, podrá reabrirlo; la reapertura queda registrada.").format(self._month_name()),
                self.tr("Cerrar informe")):
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
        settings.app_settings().setValue("ui/geometry", self.saveGeometry())
        self.shutdown()
        event.accept()
