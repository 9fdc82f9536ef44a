"""Sincronizar ▸ Metas…: edited with the keyboard at HQ, read-only at a state, shown on
the state dashboard. Real databases, real packages (the ``pair``), real widgets."""
# Fixtures are imported from sync_fixtures, so pytest's by-name injection looks like shadowing:
# ruff: noqa: F811

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCharts import QScatterSeries
from PySide6.QtCore import Qt

from app.services.summary import targets
from app.services.sync import sync_ack, sync_import
from app.services.workspace import catalog as load_catalog
from app.ui.common.tasks import TaskManager
from app.ui.summary.dashboard_models import FigureModel
from app.ui.summary.dashboard_window import DashboardWindow
from app.ui.summary.targets_dialog import TargetsDialog, TargetsModel
from tests.ui.sync_fixtures import hq_tasks, pair  # noqa: F401
from tests.ui.typing import press, type_text

pytestmark = pytest.mark.gui


@pytest.fixture
def state_tasks(qapp, pair) -> Iterator[TaskManager]:
    manager = TaskManager(pair.state.data_dir, "es")
    yield manager
    manager.shutdown()


def open_dialog(qtbot, tasks: TaskManager) -> TargetsDialog:
    dialog = TargetsDialog(tasks, load_catalog(), "es")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=20000):
        dialog.show()
    return dialog


def edit(qtbot, dialog: TargetsDialog, code: str, text: str) -> None:
    index = dialog.model.index(dialog.model.row_of(code), TargetsModel.META)
    dialog.view.setCurrentIndex(index)
    type_text(qtbot, dialog.view, text)
    press(qtbot, dialog.view, Qt.Key.Key_Return)


def meta(dialog: TargetsDialog, code: str) -> str:
    return dialog.model.index(dialog.model.row_of(code), TargetsModel.META).data()


def test_hq_types_metas_and_saves_them(qtbot, qtmodeltester, hq_tasks, pair):
    targets.set_targets(pair.hq, {"volunteers": 4000})
    dialog = open_dialog(qtbot, hq_tasks)
    qtmodeltester.check(dialog.model)
    assert not dialog.read_only and not dialog.read_only_note.isVisible()
    assert dialog.model.headerData(0, Qt.Orientation.Horizontal) == "Indicador"
    row = dialog.model.row_of("rx_filled_pct")
    assert dialog.model.index(row, TargetsModel.LABEL).data() == "Abasto: recetas surtidas"
    assert dialog.model.index(row, TargetsModel.UNIT).data() == "porcentaje (%)"
    assert meta(dialog, "volunteers") == "4,000" and not dialog.save_button.isEnabled()

    edit(qtbot, dialog, "rx_filled_pct", "92.5")
    assert meta(dialog, "rx_filled_pct") == "92.50 %"
    assert dialog.save_button.isEnabled()

    # Refused input: a clear message, the old value stays.
    edit(qtbot, dialog, "rx_filled_pct", "150")
    assert "supera 100" in dialog.status.text() and "Se conserva la meta anterior" in dialog.status.text()
    assert meta(dialog, "rx_filled_pct") == "92.50 %"
    edit(qtbot, dialog, "volunteers", "muchos")
    assert "«muchos» no es un número" in dialog.status.text() and meta(dialog, "volunteers") == "4,000"

    edit(qtbot, dialog, "consultations_total", "30000")
    with qtbot.waitSignal(dialog.saved, timeout=20000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Metas guardadas" in dialog.status.text()
    assert targets.targets(pair.hq) == {"consultations_total": 30000.0, "rx_filled_pct": 92.5, "volunteers": 4000.0}
    qtbot.waitUntil(lambda: not dialog.save_button.isEnabled(), timeout=20000)
    qtmodeltester.check(dialog.model)


def test_restablecer_and_cancelar_drop_unsaved_edits(qtbot, hq_tasks, pair):
    targets.set_targets(pair.hq, {"rx_filled_pct": 95})
    dialog = open_dialog(qtbot, hq_tasks)
    edit(qtbot, dialog, "rx_filled_pct", "80")
    edit(qtbot, dialog, "home_visits", "100")
    assert meta(dialog, "rx_filled_pct") == "80 %" and meta(dialog, "home_visits") == "100"
    qtbot.mouseClick(dialog.revert_button, Qt.MouseButton.LeftButton)
    assert meta(dialog, "rx_filled_pct") == "95 %" and meta(dialog, "home_visits") == ""
    assert dialog.model.changes() == {}

    # Emptying a cell clears the meta (on Guardar); Cancelar drops it instead.
    dialog.view.setCurrentIndex(dialog.model.index(dialog.model.row_of("rx_filled_pct"), TargetsModel.META))
    dialog.view.setFocus()
    press(qtbot, dialog.view, Qt.Key.Key_F2)
    press(qtbot, dialog.view, Qt.Key.Key_Backspace)
    press(qtbot, dialog.view, Qt.Key.Key_Backspace)
    press(qtbot, dialog.view, Qt.Key.Key_Return)
    assert dialog.model.changes() == {"rx_filled_pct": None}
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert targets.targets(pair.hq) == {"rx_filled_pct": 95.0}


def hq_sends_metas(pair) -> None:
    targets.set_targets(pair.hq, {"specialists_coverage_pct": 90, "consultations_total": 30000})
    [result] = sync_import.import_packages(pair.state, [sync_ack.make_update(pair.hq, "18", pair.outbox)])
    assert result.ok, result.summary


def test_the_state_sees_hq_metas_read_only(qtbot, qtmodeltester, state_tasks, pair):
    hq_sends_metas(pair)
    dialog = open_dialog(qtbot, state_tasks)
    assert dialog.read_only and dialog.read_only_note.isVisible()
    assert "Las metas las define oficinas centrales" in dialog.read_only_note.text()
    assert not dialog.save_button.isVisible() and dialog.close_button.text() == "Cerrar"
    assert meta(dialog, "specialists_coverage_pct") == "90 %" and meta(dialog, "consultations_total") == "30,000"
    index = dialog.model.index(dialog.model.row_of("rx_filled_pct"), TargetsModel.META)
    assert not dialog.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    dialog.view.setCurrentIndex(index)
    type_text(qtbot, dialog.view, "50")
    press(qtbot, dialog.view, Qt.Key.Key_Return)
    assert meta(dialog, "rx_filled_pct") == "" and dialog.model.changes() == {}
    qtmodeltester.check(dialog.model)


class _NoExport:
    def export_pdf(self, state_code: str | None = None, period: str | None = None) -> None:
        raise AssertionError("not pressed here")


def test_the_state_dashboard_shows_the_metas(qtbot, state_tasks, pair):
    hq_sends_metas(pair)
    window = DashboardWindow(state_tasks, load_catalog(), "es", _NoExport())
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.loaded, timeout=30000):
        window.load("18", "202302")
    personal: FigureModel = window.section_models["personal"]
    rows = {personal.figure_at(r).code: r for r in range(personal.rowCount())}
    assert personal.index(rows["specialists_coverage_pct"], FigureModel.META).data() == "Meta 90 %"
    assert personal.index(rows["gp_nursing_coverage_pct"], FigureModel.META).data() == ""
    services = window.section_models["services"]
    row = next(r for r in range(services.rowCount()) if services.figure_at(r).code == "consultations_total")
    assert services.index(row, FigureModel.META).data() == "Meta 30,000"
    # The coverage bars carry a gold mark at 90 on the specialists' bar.
    _bars, order = window.bar_sets["coverage"]
    chart = window.chart_views["coverage"].chart()
    [marks] = [s for s in chart.series() if isinstance(s, QScatterSeries)]
    assert [(p.x(), p.y()) for p in marks.points()] == [(90.0, order.index("specialists_coverage_pct"))]
    assert marks.name() == "Meta"
