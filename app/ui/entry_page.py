"""The report-entry page of the main window: section tabs, filters, the grid and the side panel.

Built the first time there is a month to show (the main window paints before
it, see :mod:`app.ui.main_window`), so a first start on an empty data directory
never loads the grid at all.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabBar, QVBoxLayout, QWidget

from app.models.catalog import Catalog

from .filter_bar import FilterBar
from .grid_filter import GridFilterProxy
from .grid_model import MonthGridModel
from .grid_view import GridView
from .session import MonthSession
from .side_panel import SidePanel

_BANNER = "background: #fdecea; color: #8c1d18; border: 1px solid #f1b6b0; border-radius: 4px; padding: 6px;"


class EntryPage(QWidget):
    """Everything below the toolbar once a month is loaded."""

    open_form = Signal(str)  # CLUES (or state code) whose form the person asked for

    def __init__(self, session: MonthSession, catalog: Catalog, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.catalog = catalog
        self.grid_model = MonthGridModel(session, catalog.sections[0].code, self)
        self.proxy = GridFilterProxy(self)
        self.proxy.setSourceModel(self.grid_model)
        outer = QHBoxLayout(self)
        left = QVBoxLayout()
        self.section_tabs = QTabBar()
        self.section_tabs.setExpanding(False)
        self.section_tabs.setDocumentMode(True)
        for section in catalog.sections:
            self.section_tabs.addTab(section.label(lang))
        left.addWidget(self.section_tabs)
        self.filter_bar = FilterBar(catalog, lang)
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
        self.side_panel = SidePanel(catalog, lang)
        outer.addWidget(self.side_panel)

        self.section_tabs.currentChanged.connect(self._section_changed)
        self.filter_bar.filters_changed.connect(self.proxy.set_filters)
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset,
                       self.proxy.layoutChanged):
            signal.connect(self.update_count)
        self.grid.open_form.connect(self.open_form)
        self.grid.verticalHeader().sectionDoubleClicked.connect(self._row_header_double_clicked)
        self.side_panel.state_data_requested.connect(lambda: self.open_form.emit(session.state_code))
        self._panel_timer = QTimer(self)
        self._panel_timer.setSingleShot(True)
        self._panel_timer.setInterval(60)  # a paste of 500 cells repaints the panel once
        self._panel_timer.timeout.connect(lambda: self.side_panel.update_from(session.index))
        session.values_changed.connect(lambda _keys: self._panel_timer.start())
        # No edit while a month loads: the rows on screen are about to be replaced.
        session.about_to_load.connect(self.grid.begin_loading)
        session.load_failed.connect(lambda _exc: self.grid.end_loading())

    def _section_changed(self, tab: int) -> None:
        self.grid.commit_open_editor()  # the typed cell is stored before its column goes away
        self.grid.horizontalHeader().setSortIndicator(-1, self.grid.horizontalHeader().sortIndicatorOrder())
        self.grid_model.set_section(self.catalog.sections[tab].code)

    def _row_header_double_clicked(self, row: int) -> None:
        source = self.proxy.mapToSource(self.proxy.index(row, 0)).row()
        self.open_form.emit(self.grid_model.facility(source).clues)

    def update_count(self) -> None:
        self.filter_bar.set_count(self.proxy.rowCount(), self.grid_model.rowCount())

    def show_banner(self, text: str | None) -> None:
        self.banner.setText(text or "")
        self.banner.setVisible(bool(text))

    def month_loaded(self) -> None:
        """Refresh filters, panel and count for the month the session just loaded."""
        month = self.session.month
        assert month is not None
        # The window may hear of the new month before the grid's model does: show it first.
        self.grid_model.sync()
        self.filter_bar.populate(month.facilities)
        self.proxy.set_filters(*self.filter_bar.current())
        self.side_panel.update_from(self.session.index)
        self.update_count()
        self.grid.end_loading()  # back on the cell it was on, or the first one
        self.grid.setFocus()
