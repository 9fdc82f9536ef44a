"""The HQ consolidation window on a real two-state database (Nayarit + Colima).

Packages and conflicts are inserted into the real ``inbox`` and ``conflicts`` tables so
the matrix shows every status; each expectation is computed independently through the
services (``completeness_matrix``, ``national_table``, ``facilities_behind``,
``export_national``) on the same data directory and compared with the real widgets.
"""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.models.summary import format_figure
from app.services.national.consolidation import (
    completeness_matrix,
    facilities_behind,
    figure_by_state,
    national_summary,
    national_table,
)
from app.services.national.national_export import export_national
from app.services.workspace import Workspace, open_workspace
from app.storage.database import DB_FILENAME
from app.ui.common.tasks import TaskManager
from app.ui.national.consolidation_models import (
    FLAG_ROLE,
    NATIONAL_FIGURES,
    STATUS_ROLE,
    completeness_figure_text,
    display_status,
    status_colors,
)
from app.ui.national.consolidation_window import ConsolidationWindow
from app.ui.summary.dashboard_models import FacilityListModel
from tests.services.national import national_fixtures
from tests.ui.national.consolidation_fixtures import seed_packages

two_states_db = national_fixtures.two_states_db

PERIOD = "202302"
YEAR = 2023


@pytest.fixture(scope="module")
def hq_dir(two_states_db: Path, tmp_path_factory) -> Path:
    """The two-state database with a few packages and a conflict (the tests only read it)."""
    directory = tmp_path_factory.mktemp("hq_window")
    shutil.copy(two_states_db, directory / DB_FILENAME)
    ws = open_workspace(directory, user="hq")
    try:
        seed_packages(ws)
    finally:
        ws.close()
    return directory


@pytest.fixture
def ws(hq_dir: Path) -> Iterator[Workspace]:
    """A workspace of our own to compute the expectations."""
    workspace = open_workspace(hq_dir, user="hq")
    yield workspace
    workspace.close()


@pytest.fixture
def hq_tasks(qapp, hq_dir: Path) -> Iterator[TaskManager]:
    manager = TaskManager(hq_dir, "es")
    yield manager
    manager.shutdown()


@pytest.fixture
def window(qtbot, hq_tasks, catalog) -> ConsolidationWindow:
    """The window on February 2023, both tabs loaded."""
    win = ConsolidationWindow(hq_tasks, catalog, "es", PERIOD)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.matrix_model.matrix is not None and win.national_model.rowCount() > 0, timeout=30000)
    hq_tasks.wait_idle()
    return win


def matrix_index(win: ConsolidationWindow, state: str, period: str):
    model = win.matrix_model
    row = next(r for r in range(model.state_count()) if model.state_code_at(r) == state)
    return model.index(row, int(period[4:]) - 1)


def test_matrix_cells_show_status_text_colour_and_flag(window, ws):
    assert window.year_box.value() == YEAR
    cells = {
        ("18", "202301"): ("A tiempo", "on_time", False),
        ("18", "202302"): ("A tiempo ⚑", "on_time", True),
        ("06", "202301"): ("Recibido", "received", False),
        ("06", "202302"): ("Tarde", "late", False),
        ("06", "202306"): ("Falta", "missing", False),
    }
    for (state, period), (text, status, flagged) in cells.items():
        index = matrix_index(window, state, period)
        assert index.data() == text, (state, period)
        assert index.data(STATUS_ROLE) == status
        assert index.data(FLAG_ROLE) is flagged
        assert index.data(Qt.ItemDataRole.BackgroundRole) == status_colors(status)[0]
        assert index.data(Qt.ItemDataRole.ForegroundRole) == status_colors(status)[1]
    late = matrix_index(window, "06", "202302").data(Qt.ItemDataRole.ToolTipRole)
    assert late.splitlines()[0] == "Colima · febrero 2023"
    assert "Paquetes recibidos: 2" in late and "Fecha límite: 10/03/2023" in late
    assert "Primera importación: ninguna" not in late
    flagged = matrix_index(window, "18", "202302").data(Qt.ItemDataRole.ToolTipRole)
    assert "⚑ Conflictos sin resolver: 1" in flagged
    # Every cell agrees with the service, computed independently.
    expected = completeness_matrix(ws, YEAR)
    model = window.matrix_model
    assert [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())] == [
        s.name for s in expected.states
    ] + ["Total"]
    for (state, period), cell in expected.cells.items():
        index = matrix_index(window, state, period)
        assert index.data(STATUS_ROLE) == display_status(cell)
        assert f"Valores capturados: {cell.values:,}" in index.data(Qt.ItemDataRole.ToolTipRole)
    february = model.index(model.state_count(), 1)  # the totals row
    assert february.data() == "2 de 2 ⚑1"


def test_a_month_whose_deadline_has_not_come_is_not_missing(qtbot, window):
    window.today = dt.date(2023, 3, 15)
    with qtbot.waitSignal(window.matrix_loaded, timeout=20000):
        window.load_matrix()
    assert matrix_index(window, "06", "202303").data() == "No vencido"
    assert matrix_index(window, "06", "202303").data(STATUS_ROLE) == "not_due"
    assert matrix_index(window, "18", "202303").data() == "A tiempo"  # delivered before the deadline
    assert matrix_index(window, "06", "202302").data() == "Tarde"


def test_national_table_rows_are_the_service_figures(window, ws):
    table = national_table(ws, PERIOD)
    nation = national_summary(ws, PERIOD, table=table)
    model = window.national_model
    assert model.rowCount() == 1 + len(table) == 3
    for row, summary in enumerate([nation, *(s for _, _, s in table)]):
        shown = [model.index(row, c).data() for c in range(model.columnCount())]
        assert shown == [
            summary.state_name,
            *(format_figure(summary.figures[c], "es", mark=True) for c in NATIONAL_FIGURES),
            completeness_figure_text(summary),
        ]
    assert model.index(0, 0).data() == "Nacional"
    assert [model.index(r, 0).data() for r in (1, 2)] == ["Colima", "Nayarit"]


def test_chart_shows_the_chosen_figure_by_state(window, ws):
    window.figure_box.setCurrentIndex(window.figure_box.findData("surgeries"))
    expected = figure_by_state(national_table(ws, PERIOD), "surgeries")
    bars = window.bar_set
    assert window.bar_states == tuple(code for code, _, _ in reversed(expected))
    assert [bars.at(i) for i in range(bars.count())] == [f.value for _, _, f in reversed(expected)]


def drilled_clues(window: ConsolidationWindow) -> list[str]:
    model = window.drill_model
    return [model.index(r, FacilityListModel.CLUES).data() for r in range(model.rowCount())]


def test_double_click_lists_exactly_the_facilities_behind_the_cell(qtbot, window, ws):
    window.tabs.setCurrentIndex(1)
    view, model = window.national_view, window.national_model
    column = 1 + NATIONAL_FIGURES.index("surgeries")
    row = next(r for r in range(model.rowCount()) if model.state_code_at(r) == "18")
    rect = view.visualRect(model.index(row, column))
    # QTest's double click carries no press of its own: a real one is press, release, double click.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(window.drilled, timeout=20000) as signal:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == [("18", "surgeries")]
    expected = facilities_behind(ws, PERIOD, "18", "surgeries")
    assert len(expected) > 0
    assert drilled_clues(window) == [f.clues for f in expected]
    first = expected[0]
    assert [window.drill_model.index(0, c).data() for c in range(4)] == [
        first.clues,
        first.name,
        window.drill_model.type_label(first),
        first.municipality,
    ]
    assert window.drill_title.text().startswith("Nayarit · Cirugías: ")
    assert window.figure_box.currentData() == "surgeries"  # the chart follows the column


def test_enter_on_the_national_row_drills_into_the_whole_country(qtbot, window, ws):
    window.tabs.setCurrentIndex(1)
    view, model = window.national_view, window.national_model
    view.setFocus()
    view.setCurrentIndex(model.index(0, 1 + NATIONAL_FIGURES.index("hospitals_count")))
    with qtbot.waitSignal(window.drilled, timeout=20000) as signal:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert signal.args == [(None, "hospitals_count")]
    expected = facilities_behind(ws, PERIOD, None, "hospitals_count")
    assert drilled_clues(window) == [f.clues for f in expected]
    assert {f.state_code for f in expected} == {"06", "18"}


def csv_rows(path: Path) -> int:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return sum(1 for _ in csv.reader(handle)) - 1  # minus the header


def export_through_window(qtbot, window: ConsolidationWindow, fmt: str, path: Path):
    asked: list[Path] = []

    def provider(_parent, _title, suggested: Path, _filter: str) -> Path:
        asked.append(suggested)
        return path

    window.exporter.save_path_provider = provider
    with qtbot.waitSignal(window.exporter.exported, timeout=60000) as signal:
        window.export_buttons[fmt].click()
    window.exporter.done_box.close()
    return signal.args[0], asked[0]


def test_export_csv_writes_what_the_service_writes(qtbot, window, ws, tmp_path):
    outcome, suggested = export_through_window(qtbot, window, "csv", tmp_path / "nacional.csv")
    assert suggested.name == "valores-nacional-todos.csv"
    reference = export_national(ws, "csv", tmp_path / "reference.csv")
    assert outcome.rows == reference == csv_rows(tmp_path / "nacional.csv") > 0
    assert "¿Abrir la carpeta?" in window.exporter.done_box.text()


def test_export_narrowed_to_the_selected_state_and_month(qtbot, window, ws, tmp_path):
    window.tabs.setCurrentIndex(1)
    model = window.national_model
    row = next(r for r in range(model.rowCount()) if model.state_code_at(r) == "18")
    window.national_view.setCurrentIndex(model.index(row, 0))
    window.only_state.setChecked(True)
    window.only_month.setChecked(True)
    outcome, suggested = export_through_window(qtbot, window, "csv", tmp_path / "nayarit.csv")
    assert suggested.name == "valores-18-Nayarit-202302.csv"
    reference = export_national(ws, "csv", tmp_path / "reference.csv", state="18", period=PERIOD)
    assert outcome.rows == reference == csv_rows(tmp_path / "nayarit.csv") > 0
    assert reference < export_national(ws, "csv", tmp_path / "all.csv")


def test_export_to_an_unusable_folder_shows_the_error(qtbot, window, tmp_path):
    blocker = tmp_path / "un-archivo"
    blocker.write_text("no es carpeta")
    window.exporter.save_path_provider = lambda *_args: blocker / "x.csv"  # its "folder" is a file
    with qtbot.waitSignal(window.exporter.failed, timeout=20000):
        window.export_buttons["csv"].click()
    box = window.exporter.error_box
    assert box is not None and box.isVisible() and "un-archivo" in box.text()
    assert not window.exporter.running() and window.exporter.last is None
    box.close()


def test_national_pdf_is_written(qtbot, window, tmp_path):
    outcome, suggested = export_through_window(qtbot, window, "pdf", tmp_path / "nacional.pdf")
    assert suggested.name == "NACIONAL-Avances_Generales-202302.pdf"
    assert outcome.path.read_bytes().startswith(b"%PDF")


def test_models_pass_the_model_tester(qtbot, qtmodeltester, window):
    qtmodeltester.check(window.matrix_model)
    qtmodeltester.check(window.national_model)
    window.drill_down("18", "hospitals_count")
    qtbot.waitUntil(lambda: window.drill_model.rowCount() > 0, timeout=20000)
    qtmodeltester.check(window.drill_model)


def test_enter_on_a_matrix_cell_shows_that_month_by_state(qtbot, window, ws):
    window.matrix_view.setFocus()
    window.matrix_view.setCurrentIndex(matrix_index(window, "06", "202303"))
    with qtbot.waitSignal(window.national_loaded, timeout=30000):
        qtbot.keyClick(window.matrix_view, Qt.Key.Key_Return)
    assert window.tabs.currentIndex() == 1 and window.period() == "202303"
    nation = national_summary(ws, "202303")
    assert window.national_model.index(0, 3).data() == format_figure(
        nation.figures["consultations_total"], "es", mark=True
    )
    assert window.window_label.text() == "Acumulado del 1º de enero al 31 de marzo de 2023"


def test_an_empty_database_shows_sin_dato_and_no_states(qtbot, qtmodeltester, catalog, data_dir):
    tasks = TaskManager(data_dir, "es")
    try:
        win = ConsolidationWindow(tasks, catalog, "es", PERIOD)
        qtbot.addWidget(win)
        qtbot.waitUntil(
            lambda: win.matrix_model.matrix is not None and win.national_model.rowCount() == 1, timeout=20000
        )
        tasks.wait_idle()
        assert win.matrix_model.state_count() == 0
        assert win.matrix_model.index(0, 12).data() == "0 de 0"
        model = win.national_model
        assert [model.index(0, c).data() for c in range(model.columnCount())] == [
            "Nacional",
            *["sin dato"] * (len(NATIONAL_FIGURES) + 1),
        ]
        assert win.bar_set is not None and win.bar_set.count() == 0
        qtmodeltester.check(win.matrix_model)
        qtmodeltester.check(model)
        win.close()
    finally:
        tasks.shutdown()
