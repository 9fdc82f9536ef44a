"""The state dashboard on the real Nayarit demo: figures, charts, drill-down, missing data.

Every expectation is computed independently through the services on the same data
directory (``state_summary``, ``summary_facilities``, ``monthly_series``) and compared
with what the real widgets show. The only stand-in is the export action (another
dialog's job), recorded by a tiny object.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from app.models.summary import format_figure
from app.models.values import UNCHANGED, ValueChange, ValueKey
from app.reports.pdf.summary_pdf import COMMUNITY, COVERAGE, INFRASTRUCTURE, INVENTORY, PERSONAL, SERVICES
from app.services.entry import month_values as entry
from app.services.files.demo import build_demo
from app.services.summary.month_summary import state_summary, summary_facilities
from app.services.summary.summary_series import SERIES_FIGURES, monthly_series
from app.services.workspace import Workspace, open_workspace
from app.storage.database import DB_FILENAME
from app.ui.common.tasks import TaskManager
from app.ui.summary.dashboard_charts import line_values
from app.ui.summary.dashboard_models import FacilityListModel, FigureModel
from app.ui.summary.dashboard_window import DashboardWindow

STATE = "18"
EMPTY_STATE = "06"  # Colima: no facilities and no values in the Nayarit demo
PERIOD = "202302"
SECTIONS = {
    "personal": COVERAGE + PERSONAL,
    "services": SERVICES,
    "community": COMMUNITY,
    "infrastructure": INFRASTRUCTURE,
}


class RecordingActions:
    """Stands in for SummaryActions: remembers what the export button asked for."""

    def __init__(self) -> None:
        self.calls: list[tuple[str | None, str | None]] = []

    def export_pdf(self, state_code: str | None = None, period: str | None = None) -> None:
        self.calls.append((state_code, period))


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory) -> Path:
    """The Nayarit demo, built once for the module (the tests only read it)."""
    directory = tmp_path_factory.mktemp("dashboard_demo")
    ws = open_workspace(directory, user="demo")
    try:
        build_demo(ws, STATE)
    finally:
        ws.close()
    return directory


@pytest.fixture
def ws(demo_dir: Path) -> Iterator[Workspace]:
    """A workspace of our own to compute the expected figures."""
    workspace = open_workspace(demo_dir, user="ana")
    yield workspace
    workspace.close()


@pytest.fixture
def dash_tasks(qapp, demo_dir: Path) -> Iterator[TaskManager]:
    manager = TaskManager(demo_dir, "es")
    yield manager
    manager.shutdown()


@pytest.fixture
def actions() -> RecordingActions:
    return RecordingActions()


@pytest.fixture
def dashboard(qtbot, dash_tasks, catalog, actions):
    window = DashboardWindow(dash_tasks, catalog, "es", actions)
    qtbot.addWidget(window)
    window.show()
    return window


def load(qtbot, window: DashboardWindow, state: str = STATE) -> None:
    with qtbot.waitSignal(window.loaded, timeout=20000):
        window.load(state, PERIOD)
    assert window.status.text() == ""


def shown(model: FigureModel) -> list[tuple[str, str]]:
    return [(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())]


def row_of(model: FigureModel, code: str) -> int:
    return next(r for r in range(model.rowCount()) if model.figure_at(r).code == code)


def drilled_clues(window: DashboardWindow) -> list[str]:
    model = window.drill_model
    return [model.index(r, FacilityListModel.CLUES).data() for r in range(model.rowCount())]


def test_loading_says_calculando_then_shows_the_pdf_texts(qtbot, dashboard, ws):
    dashboard.load(STATE, PERIOD)
    assert dashboard.status.text() == "Calculando…"
    assert dashboard.title.text() == "Nayarit: Avances Generales"
    with qtbot.waitSignal(dashboard.loaded, timeout=20000):
        pass
    expected = state_summary(ws, STATE, PERIOD)
    assert dashboard.summary.fingerprint == expected.fingerprint
    for key, codes in SECTIONS.items():
        assert shown(dashboard.section_models[key]) == [
            (expected.figures[c].label_es, format_figure(expected.figures[c], "es", mark=True)) for c in codes
        ]
    assert shown(dashboard.section_models["services"])[0] == ("Consultas", "35,833")
    assert ("Médicos generales y personal de enfermería: cobertura", "97 % (1,745 de 1,799)") in shown(
        dashboard.section_models["personal"]
    )
    for code in INVENTORY:
        figure = expected.figures[code]
        assert (
            dashboard.inventory_buttons[code].text() == f"{format_figure(figure, 'es', mark=True)}  {figure.label_es}"
        )
    assert dashboard.window_label.text() == "Del 1º de enero al 28 de febrero de 2023"
    # 309 units × 1 more cell since catalog 2026.12.1 (mas_programada, sheet 2.1's denominator).
    assert dashboard.completeness_bar.text() == "9,398 de 9,416 (99 %)"  # never 100 % while incomplete (issue 12)
    # The PDF's text (summary_layout.percent_text): an incomplete share never prints 100.
    assert (
        dashboard.completeness_label.text()
        == "Completitud de febrero de 2023: 9,398 de 9,416 datos de las unidades (99 %)"
    )
    assert "13 unidades de segundo nivel" in dashboard.footnotes_label.text()


def test_charts_hold_the_figures_and_the_monthly_series(qtbot, dashboard, ws):
    load(qtbot, dashboard)
    expected = state_summary(ws, STATE, PERIOD)
    for key, codes in (("coverage", COVERAGE), ("community", COMMUNITY)):
        bars, order = dashboard.bar_sets[key]
        assert sorted(order) == sorted(codes)
        assert [bars.at(i) for i in range(bars.count())] == [expected.figures[c].value for c in order]
    series = monthly_series(ws, STATE, PERIOD)
    for code in SERIES_FIGURES:
        assert line_values(dashboard.lines[code], len(series.months)) == list(series.values[code])
    months = dashboard.lines["consultations_total"][0].attachedAxes()[0]
    assert months.categories() == ["ene", "feb"]


def test_clicking_a_row_lists_exactly_the_facilities_behind_it(qtbot, dashboard, ws):
    load(qtbot, dashboard)
    view = dashboard.section_views["services"]
    row = row_of(dashboard.section_models["services"], "surgeries")
    rect = view.visualRect(dashboard.section_models["services"].index(row, 0))
    with qtbot.waitSignal(dashboard.drilled, timeout=10000) as signal:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == ["surgeries"]
    expected = summary_facilities(ws, state_summary(ws, STATE, PERIOD), "surgeries")
    assert len(expected) == 13
    assert drilled_clues(dashboard) == [f.clues for f in expected]
    model = dashboard.drill_model
    first = expected[0]
    assert [model.index(0, c).data() for c in range(4)] == [
        first.clues,
        first.name,
        model.type_label(first),
        first.municipality,
    ]
    assert dashboard.drill_title.text() == "Cirugías: 2,436 · 13 unidades"


def test_enter_on_the_selected_row_drills_down(qtbot, dashboard, ws):
    load(qtbot, dashboard)
    view = dashboard.section_views["personal"]
    model = dashboard.section_models["personal"]
    view.setFocus()
    view.setCurrentIndex(model.index(row_of(model, "hospital_medical_post_coverage_pct"), 0))
    with qtbot.waitSignal(dashboard.drilled, timeout=10000) as signal:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert signal.args == ["hospital_medical_post_coverage_pct"]
    expected = summary_facilities(ws, state_summary(ws, STATE, PERIOD), "hospital_medical_post_coverage_pct")
    assert drilled_clues(dashboard) == [f.clues for f in expected]


def test_clicking_a_bar_drills_down(qtbot, dashboard, ws):
    load(qtbot, dashboard)
    view = dashboard.chart_views["community"]
    bars, order = dashboard.bar_sets["community"]
    index = order.index("volunteers")
    chart = view.chart()
    series = chart.series()[0]
    # The middle of the bar, in the view's coordinates.
    scene = chart.mapToScene(chart.mapToPosition(QPointF(bars.at(index) / 2, index), series))
    point: QPoint = view.mapFromScene(scene)
    with qtbot.waitSignal(dashboard.drilled, timeout=10000) as signal:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert signal.args == ["volunteers"]
    expected = summary_facilities(ws, state_summary(ws, STATE, PERIOD), "volunteers")
    assert drilled_clues(dashboard) == [f.clues for f in expected]


def test_inventory_button_drills_down(qtbot, dashboard, ws):
    load(qtbot, dashboard)
    with qtbot.waitSignal(dashboard.drilled, timeout=10000):
        qtbot.mouseClick(dashboard.inventory_buttons["hospitals_count"], Qt.MouseButton.LeftButton)
    expected = summary_facilities(ws, state_summary(ws, STATE, PERIOD), "hospitals_count")
    assert drilled_clues(dashboard) == [f.clues for f in expected]


def test_models_pass_the_model_tester(qtbot, qtmodeltester, dashboard):
    load(qtbot, dashboard)
    for model in dashboard.section_models.values():
        qtmodeltester.check(model)
    with qtbot.waitSignal(dashboard.drilled, timeout=10000):
        dashboard.drill_down("consultations_total")
    # The 13 second-level units the footnote counts; first-level consultations are not in it.
    assert dashboard.drill_model.rowCount() == 13
    qtmodeltester.check(dashboard.drill_model)


def test_a_state_without_data_says_sin_dato_and_never_zero(qtbot, dashboard, ws):
    load(qtbot, dashboard, EMPTY_STATE)
    assert dashboard.title.text() == "Colima: Avances Generales"
    values = [text for model in dashboard.section_models.values() for _, text in shown(model)]
    assert values and set(values) == {"sin dato"}
    assert {b.text() for b in dashboard.inventory_buttons.values()} == {
        f"sin dato  {state_summary(ws, EMPTY_STATE, PERIOD).figures[c].label_es}" for c in INVENTORY
    }
    assert dashboard.completeness_bar.text() == "sin dato"
    assert dashboard.completeness_label.text() == "Completitud de febrero de 2023: sin dato"
    for key in ("coverage", "community"):
        axis = dashboard.chart_views[key].chart().axes(Qt.Orientation.Vertical)[0]
        assert all(label.endswith("<b>sin dato</b>") for label in axis.categories())
    community_values = dashboard.chart_views["community"].chart().axes(Qt.Orientation.Horizontal)[0]
    assert not community_values.labelsVisible()  # no numbered axis pretending there is a scale
    for code in SERIES_FIGURES:  # no month is plotted, not even as 0
        assert line_values(dashboard.lines[code], 2) == [None, None]
        axis = dashboard.lines[code][0].attachedAxes()[1]
        assert axis.titleText().endswith(": sin dato") and not axis.labelsVisible()
    with qtbot.waitSignal(dashboard.drilled, timeout=10000):
        dashboard.drill_down("consultations_total")
    assert dashboard.drill_model.rowCount() == 0
    assert "ninguna unidad" in dashboard.drill_title.text()


def test_export_button_asks_for_the_state_and_month_on_screen(qtbot, dashboard, actions):
    load(qtbot, dashboard)
    qtbot.mouseClick(dashboard.export_button, Qt.MouseButton.LeftButton)
    assert actions.calls == [(STATE, PERIOD)]


def test_refresh_recomputes_and_escape_closes(qtbot, dashboard):
    load(qtbot, dashboard)
    with qtbot.waitSignal(dashboard.drilled, timeout=10000):
        dashboard.drill_down("surgeries")
    before = dashboard.chart_views["coverage"].chart()
    with qtbot.waitSignals([dashboard.loaded, dashboard.drilled], timeout=20000):
        qtbot.mouseClick(dashboard.refresh_button, Qt.MouseButton.LeftButton)
    assert dashboard.drill_model.rowCount() == 13  # the open list is recomputed too
    assert dashboard.chart_views["coverage"].chart() is not before
    assert shown(dashboard.section_models["services"])[0] == ("Consultas", "35,833")
    dashboard.activateWindow()
    qtbot.keyClick(dashboard, Qt.Key.Key_Escape)
    assert not dashboard.isVisible()


def test_an_unknown_state_shows_an_error_box(qtbot, dashboard, dash_tasks):
    dashboard.load("99", PERIOD)
    dash_tasks.wait_idle()
    box = dashboard.findChild(QMessageBox, "error_box")
    assert box is not None and box.isVisible()
    assert dashboard.status.text() == "No se pudo calcular el resumen."
    assert dashboard.refresh_button.isEnabled()


def test_a_provisional_figure_gets_the_marker_and_the_footnote(qtbot, demo_dir, tmp_path, catalog, actions):
    # A copy of the demo: this test edits data (closing the module's workspaces checkpointed the WAL).
    directory = tmp_path / "provisional"
    directory.mkdir()
    shutil.copy(demo_dir / DB_FILENAME, directory / DB_FILENAME)
    with closing_ws(directory) as own:
        hospital = summary_facilities(own, state_summary(own, STATE, PERIOD), "surgeries")[0]
        entry.record_changes(
            own, [ValueChange(ValueKey(hospital.clues, PERIOD, "cirugias"), UNCHANGED, provisional=True)]
        )
        expected = state_summary(own, STATE, PERIOD)
    assert expected.figures["surgeries"].provisional
    manager = TaskManager(directory, "es")
    try:
        window = DashboardWindow(manager, catalog, "es", actions)
        qtbot.addWidget(window)
        load(qtbot, window)
        services = dict(shown(window.section_models["services"]))
        assert services["Cirugías"] == "2,436**" == format_figure(expected.figures["surgeries"], "es", mark=True)
        assert "** En proceso de definición con el Gobierno del estado." in window.footnotes_label.text()
    finally:
        manager.shutdown()


@contextmanager
def closing_ws(directory: Path) -> Iterator[Workspace]:
    workspace = open_workspace(directory, user="ana")
    try:
        yield workspace
    finally:
        workspace.close()


def test_the_resumen_menu_opens_the_dashboard_of_the_month_on_screen(qtbot, demo_dir, tmp_path):
    from app.ui.app import create_main_window

    directory = tmp_path / "menu"
    directory.mkdir()
    shutil.copy(demo_dir / DB_FILENAME, directory / DB_FILENAME)
    window = create_main_window(directory, "es")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.session.loaded, timeout=20000):
        window.show()
    if (window.current_state(), window.current_period()) != (STATE, PERIOD):
        with qtbot.waitSignal(window.session.loaded, timeout=20000):
            window.select_month(STATE, PERIOD)
    action = next(a for a in window.menuBar().findChildren(QAction) if a.text() == "Tablero del estado…")
    action.trigger()
    dashboard = window.findChild(DashboardWindow)
    assert dashboard is not None and dashboard.isVisible()
    qtbot.waitUntil(lambda: dashboard.summary is not None, timeout=20000)
    with closing_ws(directory) as own:
        expected = state_summary(own, STATE, PERIOD)
    assert dashboard.summary.fingerprint == expected.fingerprint
    assert dashboard.title.text() == "Nayarit: Avances Generales"
    dashboard.close()
    window.close()


def test_demo_data_carries_the_badge_and_real_data_does_not(qtbot, dashboard):
    from app.ui.common.theme import badge_style

    load(qtbot, dashboard)  # the Nayarit demo
    badge = dashboard.demo_badge
    assert badge.isVisible() and badge.text() == "DATOS DE DEMOSTRACIÓN"
    assert badge.styleSheet() == badge_style("error")  # one mark, as in the main window's toolbar
    assert badge.geometry().bottom() <= dashboard.window_label.geometry().bottom()  # by the title
    load(qtbot, dashboard, EMPTY_STATE)  # Colima has no demo facilities in this directory
    assert not badge.isVisible()
