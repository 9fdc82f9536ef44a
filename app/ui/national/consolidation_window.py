"""HQ consolidation: who reported which month, the national figures, and the exports.

Two tabs over the headquarters database: the completeness matrix (states × the 12
months of a year, each cell coloured by status and flagged when conflicts wait) and
the national figures (every state and the country for a month, year to date, with a
chart of one figure by state and a drill-down to the facilities behind a cell). The
export buttons write the national values or the national PDF. Everything is computed
on the database worker; the window only shows.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCharts import QBarSet, QChart, QChartView
from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.models.catalog import Catalog
from app.models.facility import Facility
from app.models.summary import format_figure
from app.models.summary_layout import window_text
from app.models.values import format_number
from app.services.national.consolidation import Matrix, completeness_matrix, facilities_behind, figure_by_state
from app.ui.common.alerts import show_error
from app.ui.common.month_picker import MonthPicker
from app.ui.common.tasks import TaskManager
from app.ui.common.window_fit import fit_window
from app.ui.national.consolidation_charts import state_bar_chart
from app.ui.national.consolidation_data import CHART_FIGURES, DEFAULT_CHART_FIGURE, NationalData, load_national
from app.ui.national.consolidation_export import NationalExporter
from app.ui.national.consolidation_matrix import MatrixPanel
from app.ui.national.consolidation_models import DRILL_ROLE, NationalModel
from app.ui.summary.dashboard_charts import RENDER_HINTS
from app.ui.summary.dashboard_parts import FacilityDrillPanel, window_title


class ConsolidationWindow(QWidget):
    """Non-modal HQ window: completeness matrix, national figures, exports."""

    matrix_loaded = Signal()
    national_loaded = Signal()
    drilled = Signal(object)  # (state code or None, figure code) whose facilities are listed

    def __init__(self, tasks: TaskManager, catalog: Catalog, lang: str, period: str, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("consolidation_window")
        self._tasks, self._catalog, self._lang = tasks, catalog, lang
        self._closed = False  # jobs may report after the window is gone (WA_DeleteOnClose)
        self._matrix_token = self._national_token = self._drill_token = 0
        self._drill_key: tuple[str | None, str] | None = None
        self._drill_busy = False
        self._loading: set[str] = set()
        self._data: NationalData | None = None
        self._chart: QChart | None = None
        #: The date the matrix compares deadlines with (None: today); tests fix it.
        self.today: dt.date | None = None
        self.bar_set: QBarSet | None = None
        self.bar_states: tuple[str, ...] = ()
        self.setWindowTitle(self.tr("Consolidación nacional"))
        fit_window(self, "consolidation", 1500, 940)
        self.exporter = NationalExporter(tasks, lang, self)
        self._build(period)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.refresh)
        self.refresh()

    # -- layout -------------------------------------------------------------------
    def _build(self, period: str) -> None:
        title = window_title(self.tr("Consolidación nacional"))
        self.status = QLabel()
        self.status.setObjectName("consolidation_status")
        self.refresh_button = QPushButton(self.tr("Actualizar"))
        self.refresh_button.setToolTip(self.tr("Volver a calcular con los datos guardados (F5)"))
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(title, 1)
        top.addWidget(self.status)
        top.addWidget(self.refresh_button)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_matrix_tab(int(period[:4])), self.tr("Completitud de los informes"))
        self.tabs.addTab(self._build_national_tab(period), self.tr("Cifras nacionales"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(self._build_export_row())

    def _build_matrix_tab(self, year: int) -> QWidget:
        panel = MatrixPanel(self._lang, year)
        self.year_box, self.matrix_model, self.matrix_view = panel.year_box, panel.model, panel.view
        self.legend_labels = panel.legend_labels
        self.year_box.valueChanged.connect(lambda _year: self.load_matrix())
        self.matrix_view.activated.connect(self._month_chosen)
        return panel

    def _month_chosen(self, index: QModelIndex) -> None:
        """Double click or Enter on a matrix cell: that month's figures, on the other tab."""
        cell = self.matrix_model.cell_at(index.row(), index.column())
        if cell is None:
            return
        self.tabs.setCurrentIndex(1)
        if cell.period != self.period():
            self.month_picker.set_period(cell.period)  # silent: load once, below
            self.load_national()

    def _build_national_tab(self, period: str) -> QWidget:
        """Month and chart choosers over the national table, the chart and drill-down below."""
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(self._build_national_table())
        body.addWidget(self._build_chart_and_drill())
        body.setSizes([330, 470])
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(self._build_national_choosers(period))
        layout.addWidget(body, 1)
        return tab

    def _build_national_choosers(self, period: str) -> QHBoxLayout:
        """The month (with the months it sums) and the figure the chart shows."""
        self.month_picker = MonthPicker(self._lang)
        self.month_picker.set_period(period)
        self.month_picker.period_changed.connect(lambda _period: self.load_national())
        self.window_label = QLabel()
        self.figure_box = QComboBox()
        self.figure_box.setObjectName("chart_figure")
        for code in CHART_FIGURES:
            if code in self._catalog.indicators:
                self.figure_box.addItem(self._catalog.indicators[code].label(self._lang), code)
        self.figure_box.setCurrentIndex(max(0, self.figure_box.findData(DEFAULT_CHART_FIGURE)))
        self.figure_box.currentIndexChanged.connect(lambda _index: self._show_chart())
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Mes:")))
        row.addWidget(self.month_picker)
        row.addWidget(self.window_label)
        row.addStretch(1)
        row.addWidget(QLabel(self.tr("Gráfica:")))
        row.addWidget(self.figure_box)
        return row

    def _build_national_table(self) -> QTableView:
        """Every state and the country for the month; a cell drills down to its facilities."""
        self.national_model = NationalModel(self._catalog, self._lang, self)
        self.national_view = QTableView()
        self.national_view.setObjectName("national_table")
        self.national_view.setModel(self.national_model)
        self.national_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.national_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.national_view.verticalHeader().hide()
        self.national_view.setAlternatingRowColors(True)
        header = self.national_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The names take the spare width; the figures keep theirs, next to one another.
        header.setSectionResizeMode(NationalModel.STATE, QHeaderView.ResizeMode.Stretch)
        # Double click and Enter both end here (QAbstractItemView emits activated for both).
        self.national_view.activated.connect(self._cell_chosen)
        self.national_view.doubleClicked.connect(self._cell_chosen)
        self.national_view.selectionModel().currentChanged.connect(self._current_changed)
        return self.national_view

    def _build_chart_and_drill(self) -> QSplitter:
        """The chart of one figure by state, beside the facilities behind the chosen cell."""
        self.chart_view = QChartView()
        self.chart_view.setObjectName("chart_by_state")
        self.chart_view.setRenderHint(RENDER_HINTS)
        self.chart_view.setMinimumSize(420, 260)
        drill = FacilityDrillPanel(
            self._catalog, self._lang, self.tr("Doble clic o Enter en una cifra: ver las unidades detrás de ella.")
        )
        self.drill_title, self.drill_model, self.drill_view = drill.title, drill.model, drill.view
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(self.chart_view)
        bottom.addWidget(drill)
        bottom.setSizes([700, 700])
        return bottom

    def _build_export_row(self) -> QHBoxLayout:
        self.only_state = QCheckBox(self.tr("Solo el estado seleccionado"))
        self.only_state.setToolTip(self.tr("El estado de la fila seleccionada en la tabla o en la matriz"))
        self.only_month = QCheckBox(self.tr("Solo el mes elegido"))
        self.only_month.setToolTip(self.tr("El mes de la pestaña Cifras nacionales"))
        # The two filters one above the other: in a single row with the five export
        # buttons they made the window 1,015 px wide at least (issue 12).
        filters = QVBoxLayout()
        filters.setSpacing(2)
        filters.addWidget(self.only_state)
        filters.addWidget(self.only_month)
        row = QHBoxLayout()
        row.addLayout(filters)
        row.addStretch(1)
        self.export_buttons: dict[str, QPushButton] = {}
        for fmt, (text, _filter) in self.exporter.format_names().items():
            button = QPushButton(text)
            button.setObjectName(f"export_{fmt}")
            if fmt == "pdf":
                button.clicked.connect(self.export_pdf)
                row.addSpacing(12)
            else:
                button.clicked.connect(lambda _=False, f=fmt: self.export_values(f))
            self.export_buttons[fmt] = button
            row.addWidget(button)
        return row

    # -- loading ------------------------------------------------------------------
    def refresh(self) -> None:
        """Recompute both tabs from the stored values (after an import, for instance)."""
        self.load_matrix()
        self.load_national()

    def period(self) -> str:
        """The month of the national tab (``YYYYMM``)."""
        return self.month_picker.period()

    def _busy(self, job: str, busy: bool) -> None:
        # Both tabs load at once: "Calculando…" stays until the last of them is done.
        self._loading = self._loading | {job} if busy else self._loading - {job}
        self.status.setText(self.tr("Calculando…") if self._loading else "")

    def load_matrix(self) -> None:
        """Compute the completeness matrix of the chosen year in the background."""
        self._matrix_token += 1
        token, year, today = self._matrix_token, self.year_box.value(), self.today
        self._busy("matrix", True)
        self._tasks.run_db(
            lambda ws, _p: completeness_matrix(ws, year, today=today),
            lambda matrix: self._matrix_done(token, matrix),
            lambda exc: self._failed(token, exc, matrix=True),
            owner=self,
        )

    def _matrix_done(self, token: int, matrix: Matrix) -> None:
        if self._closed or token != self._matrix_token:
            return  # closed, or a newer year was asked for
        self.matrix_model.set_matrix(matrix)
        self._busy("matrix", False)
        self.matrix_loaded.emit()

    def load_national(self) -> None:
        """Compute every state's and the country's figures for the chosen month."""
        self._national_token += 1
        token, period = self._national_token, self.period()
        self._busy("national", True)
        self._tasks.run_db(
            lambda ws, _p: load_national(ws, period),
            lambda data: self._national_done(token, data),
            lambda exc: self._failed(token, exc, matrix=False),
            owner=self,
        )

    def _national_done(self, token: int, data: NationalData) -> None:
        if self._closed or token != self._national_token:
            return
        self._data = data
        self.window_label.setText(self.tr("Acumulado %1").replace("%1", window_text(data.nation.window, self._lang)))
        self.national_model.set_table(data.nation, data.table)
        self._show_chart()
        self._busy("national", False)
        self.national_loaded.emit()
        if self._drill_key is not None:  # keep the open list in step with the new month
            self._drill_busy = False
            self.drill_down(*self._drill_key)

    def _failed(self, token: int, exc: BaseException, matrix: bool) -> None:
        if self._closed or token != (self._matrix_token if matrix else self._national_token):
            return
        self._busy("matrix" if matrix else "national", False)
        self.status.setText(self.tr("No se pudo calcular."))
        show_error(self, self.tr("Consolidación nacional"), exc, self._lang)

    def _show_chart(self) -> None:
        code = self.figure_box.currentData()
        if self._data is None or not code:
            return
        title = self.tr("%1 por estado").replace("%1", self.figure_box.currentText())
        chart, self.bar_set, self.bar_states = state_bar_chart(
            title, figure_by_state(self._data.table, code), self._lang
        )
        self.chart_view.setChart(chart)
        if self._chart is not None:
            self._chart.deleteLater()  # the view does not own a replaced chart
        self._chart = chart

    # -- drill-down ---------------------------------------------------------------
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        # Moving to a figure column shows that figure in the chart.
        code = self.national_model.figure_code(current.column())
        if code:
            self.figure_box.setCurrentIndex(max(0, self.figure_box.findData(code)))

    def _cell_chosen(self, index: QModelIndex) -> None:
        key = index.data(DRILL_ROLE)
        if key:
            self.drill_down(*key)

    def drill_down(self, state_code: str | None, figure_code: str) -> None:
        """List the facilities behind ``figure_code`` of a state (None: the country)."""
        data = self._data
        if data is None:
            return
        key = (state_code, figure_code)
        if key == self._drill_key and self._drill_busy:
            return  # a double click emits activated and doubleClicked: one job is enough
        self._drill_key, self._drill_busy = key, True
        self._drill_token += 1
        token, period = self._drill_token, data.period
        row = next((r for r in data.table if r[0] == state_code), None)
        summary = row[2] if row else data.nation
        figure = summary.figures[figure_code]
        self.drill_title.setText(self.tr("Calculando…"))

        def done(facilities: list[Facility]) -> None:
            if self._closed or token != self._drill_token:
                return
            self._drill_busy = False
            self.drill_model.set_facilities(facilities)
            heading = (
                self.tr("%1 · %2: %3 · %4 unidades")
                .replace("%1", summary.state_name)
                .replace("%2", figure.label(self._lang))
                .replace("%3", format_figure(figure, self._lang, mark=True))
                .replace("%4", format_number(len(facilities)))
            )
            if not facilities:
                heading += " — " + self.tr("ninguna unidad tiene datos de este indicador.")
            self.drill_title.setText(heading)
            self.drilled.emit(key)

        def failed(exc: BaseException) -> None:
            if not self._closed and token == self._drill_token:
                self._drill_busy = False
                self.drill_title.setText("")
                show_error(self, self.tr("Consolidación nacional"), exc, self._lang)

        self._tasks.run_db(
            lambda ws, _p: facilities_behind(ws, period, state_code, figure_code), done, failed, owner=self
        )

    # -- exports ------------------------------------------------------------------
    def selected_state(self) -> tuple[str, str] | None:
        """(code, name) of the state selected on the tab in front; None for none or "Nacional"."""
        if self.tabs.currentIndex() == 0:
            code = self.matrix_model.state_code_at(self.matrix_view.currentIndex().row())
        else:
            code = self.national_model.state_code_at(self.national_view.currentIndex().row())
        state = self._catalog.find_state(code) if code else None
        return (state.code, state.name) if state else None

    def export_values(self, fmt: str) -> None:
        """Export the stored values as ``fmt``, narrowed by the two check boxes."""
        state = self.selected_state() if self.only_state.isChecked() else None
        if self.only_state.isChecked() and state is None:
            self.status.setText(self.tr("Seleccione la fila de un estado, o desmarque «Solo el estado seleccionado»."))
            return
        self.exporter.export_values(fmt, state, self.period() if self.only_month.isChecked() else None)

    def export_pdf(self) -> None:
        """The national summary PDF through the month of the national tab."""
        self.exporter.export_pdf(self.period())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if self.exporter.running():
            event.ignore()  # closing would orphan the export's progress dialog: Cancelar first
            return
        self._closed = True
        super().closeEvent(event)
