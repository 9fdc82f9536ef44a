"""Colours come from the palette: on a dark theme every role and the widgets that use them stay readable."""

from __future__ import annotations

import re
from typing import get_args

import pytest
from PySide6.QtGui import QColor, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QLabel, QTableView

from app.ui.common import formatting, theme
from app.ui.entry import grid_cells
from app.ui.entry.grid_cells import MARK_COMMENT, PAINT_ROLE, RIGHT
from app.ui.entry.grid_delegate import GridDelegate
from app.ui.entry.problem_panel import ProblemPanel

WCAG_AA = 4.5


def dark_palette() -> QPalette:
    """A dark theme as a desktop would set it: dark base and window, light text."""
    palette = QPalette()
    for role, value in (
        (QPalette.ColorRole.Window, "#2d2d2d"),
        (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.AlternateBase, "#262626"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
        (QPalette.ColorRole.Button, "#353535"),
        (QPalette.ColorRole.ButtonText, "#e6e6e6"),
        (QPalette.ColorRole.Mid, "#505050"),
        (QPalette.ColorRole.PlaceholderText, "#9a9a9a"),
        (QPalette.ColorRole.Highlight, "#3d6fb4"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
    ):
        palette.setColor(role, QColor(value))
    return palette


@pytest.fixture
def dark(qapp):
    """The application in a dark theme for one test, then back as it was."""
    before = QPalette(qapp.palette())
    qapp.setPalette(dark_palette())
    yield qapp.palette()
    qapp.setPalette(before)
    grid_cells.follow_palette()  # the shared grid colours back to the light theme


def label_color(label: QLabel) -> QColor:
    """The text colour a label really paints with (its style sheet applied)."""
    label.ensurePolished()
    return label.palette().color(QPalette.ColorRole.WindowText)


def is_dark_color(color: QColor) -> bool:
    return theme.contrast(color, QColor("white")) > theme.contrast(color, QColor("black"))


def span_colors(rich: str) -> list[QColor]:
    return [QColor(value) for value in re.findall(r"color:\s*(#[0-9a-fA-F]{6})", rich)]


def test_every_role_is_readable_on_a_dark_base(dark):
    assert theme.is_dark()
    base = dark.color(QPalette.ColorRole.Base)
    window = dark.color(QPalette.ColorRole.Window)
    for role in get_args(theme.Role):
        for background in (base, window):
            assert theme.contrast(theme.color(role), background) >= WCAG_AA, role
    for role in get_args(theme.Tint):  # a banner's text on its own tint
        style = theme.banner_style(role)
        background, text = (QColor(v) for v in re.findall(r"#[0-9a-fA-F]{6}", style))
        assert theme.contrast(text, background) >= WCAG_AA, role


def test_the_old_colour_constants_follow_the_palette(dark):
    """formatting.ERROR_COLOR and friends still import, made from the palette when read."""
    window = dark.color(QPalette.ColorRole.Window)
    for name in ("ERROR_COLOR", "WARNING_COLOR", "OK_COLOR"):
        assert theme.contrast(getattr(formatting, name), window) >= WCAG_AA, name
    assert formatting.OK_COLOR == theme.color("ok")
    assert is_dark_color(formatting.ERROR_BG), "a dark tint, not the light theme's pastel"
    with pytest.raises(AttributeError):
        formatting.NO_SUCH_COLOR  # noqa: B018


def test_status_lines_are_readable_on_a_dark_window(qtbot, dark):
    for kind in ("ok", "error", "warning"):
        label = QLabel("Guardado")
        qtbot.addWidget(label)
        label.setStyleSheet(formatting.status_style(kind))
        painted = label_color(label)
        assert painted == theme.color(kind)  # type: ignore[arg-type]
        assert theme.contrast(painted, dark.color(QPalette.ColorRole.Window)) >= WCAG_AA, kind


def test_problem_panel_text_is_readable_on_a_dark_theme(qtbot, catalog, dark):
    panel = ProblemPanel(catalog)
    qtbot.addWidget(panel)
    window = dark.color(QPalette.ColorRole.Window)
    panel.show_cell_problems(
        "HG Tepic · Consultas", [("error", "Mayor que el total"), ("warning", "Salto")], ("abc", "no es un número")
    )
    colors = span_colors(panel.cell_label.text())
    assert len(colors) == 3  # not saved, error, warning
    assert all(theme.contrast(c, window) >= WCAG_AA for c in colors)
    panel.show_cell_problems("HG Tepic · Consultas", [], None)
    assert [c.name() for c in span_colors(panel.cell_label.text())] == [theme.color("ok").name()]
    panel.show_cell_problems(None, [], None)  # the muted hint
    (hint,) = span_colors(panel.cell_label.text())
    assert theme.contrast(hint, window) >= WCAG_AA
    panel.set_counts(1, 2, 3)
    panel.list_button.ensurePolished()
    button_text = panel.list_button.palette().color(QPalette.ColorRole.ButtonText)
    assert abs(button_text.hslHue() - theme.color("error").hslHue()) <= 3  # the error red, lightened
    assert theme.contrast(button_text, dark.color(QPalette.ColorRole.Button)) >= WCAG_AA


def test_grid_cells_are_painted_in_the_palette_of_the_moment(qtbot, dark):
    """The delegate makes the shared grid colours from the view's palette before it paints."""
    model = QStandardItemModel(1, 2)
    for column, background in enumerate((grid_cells.ERROR_BG, grid_cells.REJECTED_BG)):
        item = QStandardItem()
        item.setData(
            ("12", background, grid_cells.REJECTED_FG if column else None, RIGHT, False, MARK_COMMENT, None), PAINT_ROLE
        )
        model.setItem(0, column, item)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setItemDelegate(GridDelegate(view))
    view.resize(400, 120)
    view.show()
    qtbot.waitExposed(view)
    image = view.viewport().grab().toImage()
    rect = view.visualRect(model.index(0, 0))
    painted = image.pixelColor(rect.left() + 3, rect.center().y())
    base = dark.color(QPalette.ColorRole.Base)
    assert is_dark_color(painted), f"cell painted {painted.name()} on a dark theme"
    assert painted == grid_cells.ERROR_BG and painted != base  # an error still shows
    assert theme.contrast(grid_cells.REJECTED_FG, grid_cells.REJECTED_BG) >= WCAG_AA
    assert theme.contrast(grid_cells.COMMENT_COLOR, base) >= 3.0  # a mark, not text: WCAG 1.4.11
    QApplication.setPalette(QPalette(QColor("#efefef")))  # back to light: the next paint follows
    QApplication.processEvents()  # the widgets take the new palette
    view.viewport().grab()
    assert not is_dark_color(grid_cells.ERROR_BG)
