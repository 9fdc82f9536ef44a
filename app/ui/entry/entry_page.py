"""The report-entry page of the main window: section tabs, filters, the grid and the side panel.

Built the first time there is a month to show (the main window paints before
it, see :mod:`app.ui.shell.main_window`), so a first start on an empty data directory
never loads the grid at all.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabBar, QVBoxLayout, QWidget

from app.models.catalog import Catalog
from app.ui.common import theme
from app.ui.entry.filter_bar import FilterBar
from app.ui.entry.grid_filter import GridFilterProxy
from app.ui.entry.grid_model import MonthGridModel
from app.ui.entry.grid_view import GridView
from app.ui.entry.problem_panel import ProblemPanel, collect_problems
from app.ui.entry.session import MonthSession
from app.ui.entry.side_panel import SidePanel


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
        self._build_layout(catalog, lang)
        self._connect(session)
        self._build_shortcuts()
        # No edit while a month loads: the rows on screen are about to be replaced.
        session.about_to_load.connect(self._begin_loading)
        session.load_failed.connect(lambda _exc: self._end_loading())
        if session.is_loading():  # built while the first month is on its way (see MainWindow._start)
            self._begin_loading()

    def _build_layout(self, catalog: Catalog, lang: str) -> None:
        """Section tabs, filters, banner, grid and problems on the left; the side panel on the right."""
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
        self.banner.setStyleSheet(theme.banner_style("error") + f" border: 1px solid {theme.color('error').name()};")
        self.banner.setWordWrap(True)
        self.banner.hide()
        left.addWidget(self.banner)
        self.grid = GridView()
        self.grid.set_models(self.grid_model, self.proxy)
        left.addWidget(self.grid, 1)
        self.problems = ProblemPanel(catalog, lang)
        left.addWidget(self.problems)
        outer.addLayout(left, 1)
        self.side_panel = SidePanel(catalog, lang)
        outer.addWidget(self.side_panel)

    def _connect(self, session: MonthSession) -> None:
        self.section_tabs.currentChanged.connect(self._section_changed)
        self.filter_bar.filters_changed.connect(self.proxy.set_filters)
        for signal in (
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.modelReset,
            self.proxy.layoutChanged,
        ):
            signal.connect(self.update_count)
        self.grid.open_form.connect(self.open_form)
        self.grid.verticalHeader().sectionDoubleClicked.connect(self._row_header_double_clicked)
        self.side_panel.state_data_requested.connect(lambda: self.open_form.emit(session.state_code))
        self._panel_timer = QTimer(self)
        self._panel_timer.setSingleShot(True)
        self._panel_timer.setInterval(60)  # a paste of 500 cells repaints the panel once
        self._panel_timer.timeout.connect(lambda: self.side_panel.update_from(session.index))
        session.values_changed.connect(lambda _keys: self._panel_timer.start())
        session.issues_changed.connect(lambda _keys: self._panel_timer.start())
        self._panel_timer.timeout.connect(self.refresh_problems)
        self.grid_model.rejected_changed.connect(lambda _count: self.refresh_problems())
        self.grid.selectionModel().currentChanged.connect(lambda *_: self.update_cell_problem())
        self.proxy.modelReset.connect(self.update_cell_problem)
        self.problems.list_opened.connect(self._rebuild_problem_list)
        self.problems.jump_requested.connect(self.jump_to)

    def _build_shortcuts(self) -> None:
        # F8: the month's problems, from anywhere on the page; Esc in the list goes back to the grid.
        self.problems_shortcut = QShortcut(
            QKeySequence(Qt.Key.Key_F8),
            self,
            self.open_problem_list,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        QShortcut(
            QKeySequence(Qt.Key.Key_Escape),
            self.problems.view,
            self.grid.setFocus,
            context=Qt.ShortcutContext.WidgetShortcut,
        )

    def _begin_loading(self) -> None:
        """Refuse edits and grey the month's figures: they belong to the month going away."""
        self.grid.begin_loading()
        self.side_panel.setEnabled(False)

    def _end_loading(self) -> None:
        self.grid.end_loading()
        self.side_panel.setEnabled(True)

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
        self._end_loading()  # back on the cell it was on, or the first one
        self.grid.setFocus()
        self.refresh_problems()

    # -- problems -----------------------------------------------------------------------
    def refresh_problems(self) -> None:
        """Counts, the current cell's problem and (if shown) the list, after any change."""
        index = self.session.index
        self.problems.set_counts(
            self.grid_model.rejected_count(), index.error_cells if index else 0, index.warning_cells if index else 0
        )
        self.problems.mark_stale()
        if self.problems.needs_rebuild():
            self._rebuild_problem_list()
        self.update_cell_problem()

    def _rebuild_problem_list(self) -> None:
        self.problems.set_problems(
            collect_problems(self.session.index, self.catalog, self.grid_model.rejected_cells(), self.session.lang)
        )

    def open_problem_list(self) -> None:
        """F8: show the month's problems and put the keyboard on the list."""
        self.problems.open_list()

    def update_cell_problem(self) -> None:
        """Write out the current cell's problems under the grid (and for screen readers)."""
        current = self.grid.currentIndex()
        if not current.isValid() or self.session.index is None or not self.grid_model.is_ready():
            self.problems.show_cell_problems(None, [], None)
            return
        source = self.proxy.mapToSource(current)
        facility = self.grid_model.facility(source.row())
        column = self.grid_model.column(source.column())
        if column is None:
            progress = self.tr("Avance")
            self.problems.show_cell_problems(f"{facility.name} · {progress}", [], None)
            return
        issues = [
            (issue.severity, issue.message(self.session.lang))
            for issue in self.session.issues(facility.clues, *column.key)
        ]
        rejected = self.grid_model.rejected_text(source.row(), source.column())
        self.problems.show_cell_problems(f"{facility.name} · {column.label(self.session.lang)}", issues, rejected)
        self.grid.setAccessibleDescription(self.problems.current_text)

    def jump_to(self, org_unit: str, variable: str, option: str = "") -> bool:
        """Make a cell of the month current: its section's tab, filters cleared if they hide it.

        The state's own variables are not in the grid: their form opens instead. Returns
        whether the grid now shows the cell.
        """
        if org_unit == self.session.state_code:
            self.open_form.emit(org_unit)
            return False
        for tab, section in enumerate(self.catalog.sections):
            if any(c.key == (variable, option) for c in self.catalog.columns(section.code)):
                if section.code != self.grid_model.section:
                    self.section_tabs.setCurrentIndex(tab)
                break
        row, col = self.grid_model.row_of(org_unit), self.grid_model.value_column(variable, option)
        if row < 0 or col < 0:
            return False
        if not self.proxy.mapFromSource(self.grid_model.index(row, col)).isValid():
            self._clear_filters()
        index = self.grid.select_cell(org_unit, variable, option)
        self.grid.setFocus()
        return index.isValid()

    def _clear_filters(self) -> None:
        """Show every facility again (a problem's row may be filtered out)."""
        bar = self.filter_bar
        for widget in (bar.type_box, bar.level_box, bar.municipality_box, bar.search):
            widget.blockSignals(True)
        for box in (bar.type_box, bar.level_box, bar.municipality_box):
            box.setCurrentIndex(0)
        bar.search.clear()
        for widget in (bar.type_box, bar.level_box, bar.municipality_box, bar.search):
            widget.blockSignals(False)
        self.proxy.set_filters(*bar.current())
