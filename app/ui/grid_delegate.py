"""Painting and editing of grid cells: Excel-like corner marks and a completeness bar."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPolygonF
from PySide6.QtWidgets import (
    QCompleter,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from .grid_cells import (
    COMPLETENESS_ROLE,
    MARK_COMMENT,
    MARK_FOLLOW_UP,
    MARK_PROVISIONAL,
    MARKS_ROLE,
)
from .grid_model import MonthGridModel

COMMENT_COLOR = QColor("#2f5da8")
PROVISIONAL_COLOR = QColor("#8a5cc2")
FOLLOW_UP_COLOR = QColor("#d9480f")
PROGRESS_COLOR = QColor("#cfe8d2")
PROGRESS_DONE_COLOR = QColor("#9fd3a6")
_MARK = 9.0  # side of a corner triangle, in pixels


class GridDelegate(QStyledItemDelegate):
    """Draws the marks of comments, provisional values and follow-up; edits with a line edit."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        plain = option
        if selected:
            # A solid selection colour would hide the cell's validation colour, so the
            # selection is drawn as a tint and a frame over it instead (as Excel does).
            # The view has already filled the selected cell with the highlight: cover it.
            plain = QStyleOptionViewItem(option)
            plain.state &= ~QStyle.StateFlag.State_Selected
            painter.fillRect(option.rect, option.palette.color(QPalette.ColorRole.Base))
        if index.column() == MonthGridModel.PROGRESS_COLUMN:
            self._paint_progress(painter, option, index)
        super().paint(painter, plain, index)
        if selected:
            highlight = QColor(option.palette.color(QPalette.ColorRole.Highlight))
            frame = QColor(highlight)
            highlight.setAlpha(50)
            painter.fillRect(option.rect, highlight)
            painter.save()
            painter.setPen(frame)
            painter.drawRect(option.rect.adjusted(0, 0, -1, -1))
            painter.restore()
        marks = index.data(MARKS_ROLE) or 0
        if not marks & (MARK_COMMENT | MARK_PROVISIONAL | MARK_FOLLOW_UP):
            return
        rect = option.rect
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        if marks & MARK_COMMENT:  # top-right, as Excel marks notes
            right, top = rect.right() + 1.0, float(rect.top())
            painter.setBrush(COMMENT_COLOR)
            painter.drawPolygon(QPolygonF([QPointF(right - _MARK, top), QPointF(right, top), QPointF(right, top + _MARK)]))
        if marks & MARK_PROVISIONAL:  # top-left
            left, top = float(rect.left()), float(rect.top())
            painter.setBrush(PROVISIONAL_COLOR)
            painter.drawPolygon(QPolygonF([QPointF(left, top), QPointF(left + _MARK, top), QPointF(left, top + _MARK)]))
        if marks & MARK_FOLLOW_UP:  # bottom-right
            right, bottom = rect.right() + 1.0, rect.bottom() + 1.0
            painter.setBrush(FOLLOW_UP_COLOR)
            painter.drawPolygon(QPolygonF([QPointF(right, bottom - _MARK), QPointF(right, bottom), QPointF(right - _MARK, bottom)]))
        painter.restore()

    def _paint_progress(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        filled, expected = index.data(COMPLETENESS_ROLE) or (0, 0)
        if not expected or not filled:
            return
        rect = option.rect.adjusted(2, 3, -2, -3)
        rect.setWidth(max(1, round(rect.width() * filled / expected)))
        painter.fillRect(rect, PROGRESS_DONE_COLOR if filled >= expected else PROGRESS_COLOR)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QWidget:  # noqa: N802
        editor = QLineEdit(parent)
        editor.setFrame(False)
        alignment = index.data(Qt.ItemDataRole.TextAlignmentRole)
        if alignment is not None:
            editor.setAlignment(Qt.AlignmentFlag(int(alignment)))
        choices = self._choices(index)
        if choices:
            completer = QCompleter(choices, editor)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            editor.setCompleter(completer)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        if isinstance(editor, QLineEdit):
            editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            editor.selectAll()  # typing replaces, as in Excel
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        if isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)

    @staticmethod
    def _choices(index: QModelIndex | QPersistentModelIndex) -> list[str]:
        model = index.model()
        source = model.sourceModel() if hasattr(model, "sourceModel") else model
        if not isinstance(source, MonthGridModel):
            return []
        src = model.mapToSource(index) if source is not model else index
        column = source.column(src.column())
        if column is None:
            return []
        variable = column.variable
        lang = source.session.lang
        if variable.unit == "category":
            return [o.label(lang) for o in variable.options]
        if variable.unit == "yesno":
            return ["Yes", "No"] if lang == "en" else ["Sí", "No"]
        return []
