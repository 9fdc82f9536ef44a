"""Dark palettes: the national matrix, the dashboard, the sync tables, the charts and the verify
dialog read at WCAG's 4.5:1, measured on the colours the widgets and models actually use."""
# Fixtures are imported from dialog_fixtures, so pytest's by-name injection looks like shadowing:
# ruff: noqa: F811

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from app.models.summary import Figure
from app.services.national.consolidation import Matrix, MatrixCell
from app.ui.common import theme
from app.ui.national.consolidation_matrix import MatrixPanel
from app.ui.national.consolidation_models import DISPLAY_STATUSES, STATUS_ROLE
from app.ui.summary.dashboard_charts import bar_chart
from app.ui.summary.dashboard_models import FigureModel
from app.ui.summary.dashboard_parts import window_title
from app.ui.summary.verify_dialog import VerifyDialog
from app.ui.sync.sync_models import ConflictsModel, IssuesModel, PackageRow, PackagesModel
from app.ui.sync.sync_tables import OutboxModel
from tests.ui.dialog_fixtures import seeded_dir, tasks  # noqa: F401

pytestmark = pytest.mark.gui

AA = 4.5
FG, BG = Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole


def dark_palette() -> QPalette:
    """A dark theme as a desktop would set it: dark base and window, light text."""
    palette = QPalette()
    for role, hex_color in (
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.AlternateBase, "#262626"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
        (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.ButtonText, "#e6e6e6"),
        (QPalette.ColorRole.Button, "#353535"),
        (QPalette.ColorRole.Mid, "#5a5a5a"),
        (QPalette.ColorRole.Midlight, "#3c3c3c"),
        (QPalette.ColorRole.Shadow, "#000000"),
        (QPalette.ColorRole.PlaceholderText, "#9a9a9a"),
    ):
        palette.setColor(role, QColor(hex_color))
    return palette


@pytest.fixture
def dark(qapp):
    """The application under a dark palette; the previous palette comes back afterwards."""
    before = QApplication.palette()
    QApplication.setPalette(dark_palette())
    assert theme.is_dark()
    yield QApplication.palette()
    QApplication.setPalette(before)


def base() -> QColor:
    return QGuiApplication.palette().color(QPalette.ColorRole.Base)


def style_colors(style: str) -> dict[str, QColor]:
    """``color`` and ``background`` of a style sheet, as QColors."""
    found = dict(re.findall(r"(?<![-\w])(color|background):\s*(#[0-9a-fA-F]{6})", style))
    return {key: QColor(value) for key, value in found.items()}


def make_matrix(catalog) -> Matrix:
    """One state's year with every display status (plain service data, as the worker returns it)."""
    state = catalog.states["18"]
    periods = tuple(f"2023{m:02d}" for m in range(1, 13))
    statuses = ["on_time", "late", "received", "missing", "missing"] + ["missing"] * 7
    cells = {}
    for number, (period, status) in enumerate(zip(periods, statuses, strict=True)):
        cells[(state.code, period)] = MatrixCell(
            state.code,
            period,
            status,
            flagged=number == 1,
            values=10,
            facilities_reporting=1,
            facilities=2,
            packages=1,
            first_import=None,
            open_conflicts=int(number == 1),
            deadline=dt.date(2023, 12, 10),
            due=number < 4,
        )  # the fifth month, still missing, is not due yet
    return Matrix(2023, 10, periods, (state,), cells)


def test_matrix_cells_and_legend_read_on_a_dark_palette(qtbot, dark, catalog):
    panel = MatrixPanel("es", 2023)
    qtbot.addWidget(panel)
    panel.model.set_matrix(make_matrix(catalog))
    seen = set()
    for column in range(12):
        index = panel.model.index(0, column)
        background, text = index.data(BG), index.data(FG)
        assert theme.contrast(text, background) >= AA, (index.data(STATUS_ROLE), text.name(), background.name())
        assert theme.is_dark(), "the cell tint is mixed into the dark base, not a light pastel"
        assert background.lightness() < 100, background.name()
        seen.add(index.data(STATUS_ROLE))
    assert seen == set(DISPLAY_STATUSES)
    totals = panel.model.index(panel.model.rowCount() - 1, 0)
    assert theme.contrast(QGuiApplication.palette().color(QPalette.ColorRole.Text), totals.data(BG)) >= AA
    # The legend is made at build time, under the dark palette: its swatches read too.
    for status, label in panel.legend_labels.items():
        colors = style_colors(label.styleSheet())
        assert theme.contrast(colors["color"], colors["background"]) >= AA, status
    assert theme.contrast(style_colors(panel.deadline_label.styleSheet())["color"], base()) >= AA


def test_model_colours_follow_the_palette_at_paint_time(qtbot, qapp, catalog):
    """A cell asked for before and after the palette changes gets the colours of each palette."""
    panel = MatrixPanel("es", 2023)
    qtbot.addWidget(panel)
    panel.model.set_matrix(make_matrix(catalog))
    light = panel.model.index(0, 3).data(BG)  # missing
    before = QApplication.palette()
    QApplication.setPalette(dark_palette())
    try:
        dark_background = panel.model.index(0, 3).data(BG)
    finally:
        QApplication.setPalette(before)
    assert light.lightness() > 200 and dark_background.lightness() < 100


def test_dashboard_figures_title_and_charts_read_on_a_dark_palette(qtbot, dark):
    model = FigureModel("es")
    with_data = Figure(
        "consultations_total", "Consultas", "Consultations", "services", "count", 1200.0, None, None, False, ("CLUES1",)
    )
    without = Figure("surgeries_total", "Cirugías", "Surgeries", "services", "count", None, None, None, False, ())
    model.set_figures([with_data, without], {"consultations_total": 1500.0})
    meta = model.index(0, FigureModel.META).data(FG)
    no_data = model.index(1, FigureModel.VALUE).data(FG)
    assert theme.contrast(meta, base()) >= AA and theme.contrast(no_data, base()) >= AA
    title = window_title("Nayarit")
    assert theme.contrast(style_colors(title.styleSheet())["color"], base()) >= AA
    chart, _bars, _codes = bar_chart(
        "Cobertura", [with_data, without], "es", percent=False, targets={"consultations_total": 1500.0}
    )
    background = chart.backgroundBrush().color()
    assert background == base()  # not Qt Charts' own white
    assert theme.contrast(chart.titleBrush().color(), background) >= AA
    for axis in chart.axes():
        assert theme.contrast(axis.labelsColor(), background) >= AA


def test_sync_tables_read_on_a_dark_palette(qtbot, dark, catalog):
    packages = PackagesModel()
    packages.set_rows(
        [
            PackageRow(Path("a.zip"), {"status": "SUCCESS"}),
            PackageRow(Path("b.zip"), {"status": "ERROR"}),
            PackageRow(Path("c.zip")),
        ]
    )
    for row in range(3):
        index = packages.index(row, PackagesModel.STATUS)
        background = index.data(BG) or base()
        assert theme.contrast(index.data(FG), background) >= AA, row
    issues = IssuesModel()
    issues.set_rows([{"errorCode": "E7641", "object": "x"}, {"errorCode": "W_GAP", "object": "y"}])
    for row in range(2):
        assert theme.contrast(issues.index(row, IssuesModel.CODE).data(FG), base()) >= AA
    outbox = OutboxModel("es")
    outbox.set_rows(
        [{"sequence": 1, "file": "p.zip", "created_at": "2023-03-01T10:00:00+00:00", "values": 3, "delivered_at": None}]
    )
    assert theme.contrast(outbox.index(0, OutboxModel.DELIVERY).data(FG), base()) >= AA
    assert ConflictsModel(catalog, "es").rowCount() == 0  # built under the dark palette without error


def test_verify_dialogs_result_line_reads_on_a_dark_palette(qtbot, dark, tasks, tmp_path):
    dialog = VerifyDialog(tasks, "es")
    qtbot.addWidget(dialog)
    dialog.show()
    not_pdf = tmp_path / "nota.pdf"
    not_pdf.write_text("no soy un PDF")
    with qtbot.waitSignal(dialog.verified, timeout=20000):
        dialog.open_path(not_pdf)
    assert dialog.kind == "error"
    colors = style_colors(dialog.verdict.styleSheet())
    assert theme.contrast(colors["color"], colors["background"]) >= AA
    assert colors["background"].lightness() < 100  # a dark red tint, not the light theme's pink
    demo = style_colors(dialog.demo.styleSheet())
    assert theme.contrast(demo["color"], demo["background"]) >= AA
