"""The completeness matrix tab: year, legend, and the states × months table.

Only the widgets live here; the consolidation window loads the matrix on the database
worker and hands it to :attr:`MatrixPanel.model`.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.national.consolidation import DEFAULT_DEADLINE_DAY
from app.ui.common import theme
from app.ui.common.month_picker import FIRST_YEAR
from app.ui.national.consolidation_models import FLAG, MatrixModel, status_colors, status_texts

_Index = QModelIndex | QPersistentModelIndex


class StatusCellDelegate(QStyledItemDelegate):
    """Paints a selected matrix cell with its status colour and an accent (guinda) frame.

    The default selection fill would hide the very colour that says the status.
    """

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        plain = QStyleOptionViewItem(option)
        plain.state &= ~QStyle.StateFlag.State_Selected
        super().paint(painter, plain, index)
        if selected:
            painter.save()
            painter.setPen(QPen(theme.color("accent"), 3))  # the palette now, not at build
            painter.drawRect(option.rect.adjusted(1, 1, -2, -2))
            painter.restore()


class MatrixPanel(QWidget):
    """Year selector, colour legend and the matrix view (with its model)."""

    def __init__(self, lang: str, year: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.year_box = QSpinBox()
        self.year_box.setRange(FIRST_YEAR, max(dt.date.today().year, year))
        self.year_box.setValue(year)
        self.year_box.setAccessibleName(self.tr("Año"))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Año:")))
        row.addWidget(self.year_box)
        row.addSpacing(24)
        self.legend_labels: dict[str, QLabel] = {}
        for status, text in status_texts().items():
            background, color = status_colors(status)
            label = QLabel(text)
            label.setStyleSheet(
                f"background: {background.name()}; color: {color.name()}; padding: 3px 10px; border-radius: 3px;"
            )
            self.legend_labels[status] = label
            row.addWidget(label)
        row.addWidget(QLabel(self.tr("%1 conflictos sin resolver").replace("%1", FLAG)))
        row.addStretch(1)
        self.deadline_label = QLabel(
            self.tr("A tiempo: paquete importado a más tardar el día %1 del mes siguiente.").replace(
                "%1", str(DEFAULT_DEADLINE_DAY)
            )
        )
        self.deadline_label.setStyleSheet(theme.text_style("muted"))
        self.model = MatrixModel(lang, self)
        self.view = QTableView()
        self.view.setObjectName("matrix_table")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.setItemDelegate(StatusCellDelegate(self.view))
        rows = self.view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(30)  # 32 states and the totals still fit on one screen
        rows.setMinimumWidth(140)
        hint = QLabel(
            self.tr(
                "Pase el puntero sobre una celda para ver los valores, las unidades que "
                "informaron, los paquetes y la primera importación. Doble clic: las cifras de ese mes."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(theme.text_style("muted"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(row)
        layout.addWidget(self.deadline_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(hint)
