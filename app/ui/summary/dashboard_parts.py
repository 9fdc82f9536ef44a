"""Pieces shared by the state dashboard and the national window.

The big title, the inventory strip's buttons, a section's figure table and the list of
facilities behind a figure look the same in both windows; building them here keeps the
windows to their layout and their loading. Colours come from :mod:`app.ui.common.theme`, so the
pieces read on light, dark and high-contrast palettes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.models.catalog import Catalog
from app.ui.common import theme
from app.ui.summary.dashboard_models import FacilityListModel, FigureModel


def window_title(text: str = "") -> QLabel:
    """A window's heading: large, bold, in the accent (the PDF's guinda title)."""
    title = QLabel(text)
    font = QFont(title.font())
    font.setPointSizeF(font.pointSizeF() * 1.6)
    font.setBold(True)
    title.setFont(font)
    title.setStyleSheet(theme.text_style("accent"))
    return title


def section_title() -> QLabel:
    """A section's heading above its figures, bold in the accent as in the PDF."""
    label = QLabel()
    label.setStyleSheet(theme.text_style("accent", bold=True) + " margin-top: 6px;")
    return label


def inventory_style() -> str:
    """The PDF's inventory strip: a beige (gold-tinted) band with large figures.

    Hover and focus deepen the band a little, towards the text on light palettes and
    towards the light on dark ones, so the change shows on both.
    """
    band = theme.tint("gold")
    hover = QColor(band).lighter(125) if theme.is_dark() else QColor(band).darker(106)
    return (
        f"QToolButton {{ background: {band.name()}; border: none; padding: 6px; font-size: 13pt; "
        f"color: palette(text); }} "
        f"QToolButton:hover, QToolButton:focus {{ background: {hover.name()}; }}"
    )


def inventory_button(code: str, tooltip: str) -> QToolButton:
    """One figure of the inventory strip; its text is set once the summary is loaded."""
    button = QToolButton()
    button.setObjectName(f"inventory_{code}")
    button.setAutoRaise(True)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    button.setStyleSheet(inventory_style())
    button.setToolTip(tooltip)
    return button


def figure_view(model: FigureModel) -> QTableView:
    """A section's read-only table: label, value, meta; no headers, no scroll bars."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(FigureModel.LABEL, QHeaderView.ResizeMode.Stretch)
    view.horizontalHeader().setSectionResizeMode(FigureModel.VALUE, QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setSectionResizeMode(FigureModel.META, QHeaderView.ResizeMode.ResizeToContents)
    view.setWordWrap(True)
    # The sections scroll together in their scroll area, never one by one.
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return view


def fit_height(view: QTableView) -> None:
    """Make ``view`` tall enough for every row: the sections scroll together, not one by one."""
    view.resizeRowsToContents()
    rows = view.model().rowCount()
    height = sum(view.rowHeight(r) for r in range(rows)) + 2 * view.frameWidth()
    view.setFixedHeight(max(height, 8))


class FacilityDrillPanel(QWidget):
    """A bold heading and the table of the facilities behind a figure (read-only)."""

    def __init__(self, catalog: Catalog, lang: str, heading: str, top_margin: int = 0, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("drill_panel")
        self.title = QLabel(heading)
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold;")
        self.model = FacilityListModel(catalog, lang, self)
        self.view = QTableView()
        self.view.setObjectName("drill_table")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FacilityListModel.NAME, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, top_margin, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
