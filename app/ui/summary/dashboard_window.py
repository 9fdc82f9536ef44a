"""The state dashboard: the "Avances Generales" figures on screen, with charts and drill-down.

Same figures, texts and sections as the summary PDF (the section tuples, titles and
footnotes come from ``app.models.summary_layout``), so what the coordinator sees is what she
exports. Clicking a figure (a row, an inventory button or a bar) lists the facilities
behind it. Everything is computed on the database worker; the window only shows.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCharts import QBarSet, QChart, QChartView, QLineSeries
from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.models.catalog import Catalog
from app.models.facility import Facility
from app.models.messages import text as message_text
from app.models.percent import share_percent
from app.models.summary import StateSummary, format_figure
from app.models.summary_layout import COMMUNITY, COVERAGE, INVENTORY, completeness_text, footnotes, window_text
from app.models.summary_layout import section_title as layout_title
from app.models.values import format_number
from app.services.summary.month_summary import summary_facilities
from app.services.summary.summary_series import MonthlySeries
from app.ui.common import theme
from app.ui.common.alerts import show_error
from app.ui.common.tasks import TaskManager
from app.ui.common.window_fit import fit_window
from app.ui.summary.dashboard_charts import RENDER_HINTS, bar_chart, monthly_chart
from app.ui.summary.dashboard_data import SECTION_CODES, DashboardData, load_dashboard, section_figures
from app.ui.summary.dashboard_models import CODE_ROLE, FigureModel
from app.ui.summary.dashboard_parts import (
    FacilityDrillPanel,
    figure_view,
    fit_height,
    inventory_button,
    section_title,
    window_title,
)


class ExportActions(Protocol):
    """What the dashboard needs from the Resumen menu: the one export dialog."""

    def export_pdf(self, state_code: str | None = None, period: str | None = None) -> None: ...


class DashboardWindow(QWidget):
    """Non-modal window with one state's summary for a month (year to date)."""

    loaded = Signal()  # figures and charts are on screen
    drilled = Signal(str)  # the facilities behind this figure code are listed

    def __init__(
        self, tasks: TaskManager, catalog: Catalog, lang: str, actions: ExportActions, parent: QWidget | None = None
    ):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("dashboard_window")
        self._tasks, self._catalog, self._lang, self._actions = tasks, catalog, lang, actions
        self._state: str | None = None
        self._period: str | None = None
        self._summary: StateSummary | None = None
        self._series: MonthlySeries | None = None
        self._load_token = 0  # a reload supersedes a load still running
        self._drill_token = 0
        self._drill_code: str | None = None  # figure of the last drill-down asked for
        self._drill_busy = False
        self._charts: dict[str, QChart] = {}
        self.bar_sets: dict[str, tuple[QBarSet, tuple[str, ...]]] = {}
        self.lines: dict[str, list[QLineSeries]] = {}
        self.setWindowTitle(self.tr("Tablero del estado"))
        fit_window(self, "dashboard", 1500, 940)
        self._build()
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.refresh)

    # -- layout -------------------------------------------------------------------
    def _build(self) -> None:
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(self._build_left())
        body.addWidget(self._build_right())
        body.setStretchFactor(0, 2)
        body.setStretchFactor(1, 3)
        body.setSizes([600, 900])
        self.footnotes_label = QLabel()
        self.footnotes_label.setWordWrap(True)
        self.footnotes_label.setStyleSheet(theme.text_style("muted"))
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_top())
        layout.addLayout(self._build_inventory())
        layout.addWidget(body, 1)
        layout.addWidget(self.footnotes_label)

    def _build_top(self) -> QHBoxLayout:
        """Title with the demo badge, the months it covers, status and the two buttons."""
        self.title = window_title()
        self.title.setObjectName("dashboard_title")
        self.window_label = QLabel()
        self.status = QLabel()
        self.status.setObjectName("dashboard_status")
        self.refresh_button = QPushButton(self.tr("Actualizar"))
        self.refresh_button.setToolTip(self.tr("Volver a calcular con los datos guardados (F5)"))
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button = QPushButton(self.tr("Exportar PDF…"))
        self.export_button.clicked.connect(self.export_pdf)
        # Demo data is marked everywhere (welcome page promise): the PDF has its watermark,
        # the main window its badge, and the dashboard this one beside the title.
        self.demo_badge = QLabel(self.tr("DATOS DE DEMOSTRACIÓN"))
        self.demo_badge.setObjectName("dashboard_demo_badge")
        self.demo_badge.setStyleSheet(theme.badge_style("error"))  # the main window's badge too
        self.demo_badge.setToolTip(
            self.tr("Datos de ejemplo construidos con las cifras publicadas; no son datos reales del estado.")
        )
        self.demo_badge.setVisible(False)
        title_row = QHBoxLayout()
        title_row.addWidget(self.title)
        title_row.addWidget(self.demo_badge, 0, Qt.AlignmentFlag.AlignVCenter)
        title_row.addStretch(1)
        heading = QVBoxLayout()
        heading.addLayout(title_row)
        heading.addWidget(self.window_label)
        top = QHBoxLayout()
        top.addLayout(heading, 1)
        top.addWidget(self.status)
        top.addWidget(self.refresh_button)
        top.addWidget(self.export_button)
        return top

    def _build_inventory(self) -> QHBoxLayout:
        """The inventory strip: one button per figure, each drilling down to its facilities."""
        self.inventory_row = QHBoxLayout()
        self.inventory_buttons: dict[str, QToolButton] = {}
        for code in INVENTORY:
            button = inventory_button(code, self.tr("Ver las unidades"))
            button.clicked.connect(lambda _=False, c=code: self.drill_down(c))
            self.inventory_buttons[code] = button
            self.inventory_row.addWidget(button, 1)
        return self.inventory_row

    def _build_left(self) -> QSplitter:
        """The sections as tables (scrolling together), the drill-down below them."""
        self.section_titles: dict[str, QLabel] = {}
        self.section_models: dict[str, FigureModel] = {}
        self.section_views: dict[str, QTableView] = {}
        sections = QWidget()
        column = QVBoxLayout(sections)
        column.setContentsMargins(0, 0, 0, 0)
        for key in SECTION_CODES:
            label = section_title()
            model = FigureModel(self._lang, self)
            view = figure_view(model)
            view.setObjectName(f"section_{key}")
            # Click, or Enter on the selected row (QAbstractItemView emits activated on Enter).
            view.clicked.connect(self._figure_chosen)
            view.activated.connect(self._figure_chosen)
            self.section_titles[key], self.section_models[key], self.section_views[key] = (label, model, view)
            column.addWidget(label)
            column.addWidget(view)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(sections)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.drill_panel = FacilityDrillPanel(
            self._catalog, self._lang, self.tr("Elija un indicador para ver las unidades detrás de él."), top_margin=6
        )
        self.drill_title, self.drill_model, self.drill_view = (
            self.drill_panel.title,
            self.drill_panel.model,
            self.drill_panel.view,
        )
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(scroll)
        left.addWidget(self.drill_panel)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)
        return left

    def _build_right(self) -> QWidget:
        """Completeness, then the charts."""
        self.completeness_label = QLabel()
        self.completeness_bar = QProgressBar()
        self.completeness_bar.setObjectName("completeness_bar")
        self.chart_views: dict[str, QChartView] = {}
        charts = QGridLayout()
        for key, row, col, span in (("coverage", 0, 0, 1), ("monthly", 0, 1, 1), ("community", 1, 0, 2)):
            chart_view = QChartView()
            chart_view.setObjectName(f"chart_{key}")
            chart_view.setRenderHint(RENDER_HINTS)
            chart_view.setMinimumSize(280, 170)  # two rows of charts still leave the table room at 768 px
            self.chart_views[key] = chart_view
            charts.addWidget(chart_view, row, col, 1, span)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.completeness_label)
        right_layout.addWidget(self.completeness_bar)
        right_layout.addLayout(charts, 1)
        return right

    # -- loading ------------------------------------------------------------------
    @property
    def summary(self) -> StateSummary | None:
        """The summary on screen (None before the first load finishes)."""
        return self._summary

    def load(self, state_code: str, period: str) -> None:
        """Compute and show ``state_code``'s summary through ``period`` (in the background)."""
        self._state, self._period = state_code, period
        state = self._catalog.find_state(state_code)
        name = state.name if state else state_code
        self.title.setText(message_text("summary.title", self._lang, state=name))
        self.setWindowTitle(message_text("summary.title", self._lang, state=name))
        self._load_token += 1
        token = self._load_token
        self._set_busy(True)
        self._tasks.run_db(
            lambda ws, _progress: load_dashboard(ws, state_code, period),
            lambda data: self._loaded(token, data),
            lambda exc: self._failed(token, exc),
            owner=self,
        )

    def refresh(self) -> None:
        """Recompute from the stored values (after edits made in the main window)."""
        if self._state and self._period:
            self.load(self._state, self._period)

    def _set_busy(self, busy: bool) -> None:
        self.status.setText(self.tr("Calculando…") if busy else "")
        self.refresh_button.setEnabled(not busy)
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    def _failed(self, token: int, exc: BaseException) -> None:
        if token != self._load_token:
            return
        self._set_busy(False)
        self.status.setText(self.tr("No se pudo calcular el resumen."))
        show_error(self, self.tr("Tablero del estado"), exc, self._lang)

    def _loaded(self, token: int, data: DashboardData) -> None:
        if token != self._load_token:
            return  # an older load finishing after a refresh
        self._set_busy(False)
        self._summary, self._series = data.summary, data.series
        summary, lang = data.summary, self._lang
        self.demo_badge.setVisible(data.demo)
        self.window_label.setText(window_text(summary.window, lang).capitalize())
        for code, button in self.inventory_buttons.items():
            figure = summary.figures.get(code)
            button.setVisible(figure is not None)
            if figure is not None:
                button.setText(f"{format_figure(figure, lang, mark=True)}  {figure.label(lang)}")
        year = summary.window[-1][:4] if summary.window else ""
        titles = {
            "personal": layout_title("personal", lang),
            "services": layout_title("services", lang, year, True),
            "community": layout_title("community", lang, star=True),
            "infrastructure": layout_title("infra", lang),
        }
        for key, model in self.section_models.items():
            self.section_titles[key].setText(titles[key])
            model.set_figures(section_figures(summary, SECTION_CODES[key]), data.targets)
            fit_height(self.section_views[key])
        self._show_completeness(summary)
        self._show_charts(data)
        self.footnotes_label.setText("\n".join(footnotes(summary, lang)))
        self.loaded.emit()
        if self._drill_code:  # keep the open list in step with the new figures
            self._drill_busy = False
            self.drill_down(self._drill_code)

    def _show_completeness(self, summary: StateSummary) -> None:
        filled, expected = summary.completeness
        self.completeness_label.setText(completeness_text(summary, self._lang))
        if expected:
            self.completeness_bar.setRange(0, expected)
            self.completeness_bar.setValue(filled)
            text = (
                self.tr("%1 de %2 (%3 %)")
                .replace("%1", format_number(filled))
                .replace("%2", format_number(expected))
                .replace("%3", str(share_percent(filled, expected)))
            )
        else:
            self.completeness_bar.setRange(0, 1)
            self.completeness_bar.setValue(0)
            text = self.tr("sin dato")
        # Only %p, %v and %m are placeholders: " %)" prints as is.
        self.completeness_bar.setFormat(text)

    def _show_charts(self, data: DashboardData) -> None:
        summary, lang = data.summary, self._lang
        for key, title, codes, horizontal in (
            ("coverage", message_text("summary.coverage", lang), COVERAGE, True),
            ("community", self.tr("Acción comunitaria (desde el inicio)"), COMMUNITY, True),
        ):
            figures = section_figures(summary, codes)
            chart, bars, shown = bar_chart(
                title,
                figures,
                lang,
                percent=key == "coverage",
                horizontal=horizontal,
                targets=data.targets,
                target_name=self.tr("Meta"),
            )
            bars.clicked.connect(lambda index, shown=shown: self.drill_down(shown[index]))
            self.bar_sets[key] = (bars, shown)
            self._set_chart(key, chart)
        chart, self.lines = monthly_chart(self.tr("Consultas y cirugías por mes"), data.series, lang)
        self._set_chart("monthly", chart)

    def _set_chart(self, key: str, chart: QChart) -> None:
        view = self.chart_views[key]
        view.setChart(chart)
        old = self._charts.get(key)
        self._charts[key] = chart  # the view does not own a replaced chart: free it ourselves
        if old is not None:
            old.deleteLater()
        if key != "monthly":
            view.setCursor(Qt.CursorShape.PointingHandCursor)

    # -- drill-down ---------------------------------------------------------------
    def _figure_chosen(self, index: QModelIndex) -> None:
        code = index.data(CODE_ROLE)
        if code:
            self.drill_down(code)

    def drill_down(self, code: str) -> None:
        """List the facilities behind figure ``code`` (computed on the database worker)."""
        summary = self._summary
        if summary is None or code not in summary.figures:
            return
        if code == self._drill_code and self._drill_busy:
            return  # a double click emits clicked and activated: one job is enough
        self._drill_code, self._drill_busy = code, True
        self._drill_token += 1
        token = self._drill_token
        figure = summary.figures[code]
        self.drill_title.setText(self.tr("Calculando…"))

        def done(facilities: list[Facility]) -> None:
            if token != self._drill_token:
                return
            self._drill_busy = False
            self.drill_model.set_facilities(facilities)
            heading = (
                self.tr("%1: %2 · %3 unidades")
                .replace("%1", figure.label(self._lang))
                .replace("%2", format_figure(figure, self._lang, mark=True))
                .replace("%3", format_number(len(facilities)))
            )
            if not facilities:
                heading += " — " + self.tr("ninguna unidad tiene datos de este indicador.")
            self.drill_title.setText(heading)
            self.drilled.emit(code)

        def failed(exc: BaseException) -> None:
            if token == self._drill_token:
                self._drill_busy = False
                self.drill_title.setText("")
                show_error(self, self.tr("Tablero del estado"), exc, self._lang)

        self._tasks.run_db(lambda ws, _progress: summary_facilities(ws, summary, code), done, failed, owner=self)

    # -- actions ------------------------------------------------------------------
    def export_pdf(self) -> None:
        """Open the export dialog for the state and month on screen."""
        if self._state and self._period:
            self._actions.export_pdf(self._state, self._period)
