"""Painting and editing of grid cells: Excel-like corner marks and a completeness bar."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QAbstractProxyModel, QModelIndex, QPersistentModelIndex, QPointF, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QLineEdit, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.models.messages import text as message_text
from app.ui.entry.grid_cells import (
    COMMENT_COLOR,
    FOLLOW_UP_COLOR,
    MARK_COMMENT,
    MARK_FOLLOW_UP,
    MARK_PROVISIONAL,
    PAINT_ROLE,
    PROGRESS_COLOR,
    PROGRESS_DONE_COLOR,
    PROVISIONAL_COLOR,
    follow_palette,
)
from app.ui.entry.grid_model import MonthGridModel

_MARK = 9.0  # side of a corner triangle, in pixels
_PADDING = 4  # text inset from the cell's sides


class GridDelegate(QStyledItemDelegate):
    """Draws the marks of comments, provisional values and follow-up; edits with a line edit."""

    editor_opened = Signal(QWidget)  # the view tells its own open editor from a stale one by it

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._italic: QFont | None = None
        # The application's palette may have changed since grid_cells was imported (a dark
        # desktop theme arrives with the QApplication); the side panel's legend, built after
        # the grid, shows the shared colours as they are now.
        follow_palette()

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        info = index.data(PAINT_ROLE)
        if info is None:  # not the grid's model: the standard painting
            super().paint(painter, option, index)
            return
        # Drawn directly rather than through the style: a spreadsheet repaints hundreds of
        # cells at a time, and one data() call plus drawText is several times cheaper
        # than the style's nine data() calls and text layout per cell.
        follow_palette(option.palette)  # before the colours in ``info`` are used
        text, background, foreground, alignment, italic, marks, completeness = info
        rect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if background is not None:
            painter.fillRect(rect, background)
        elif selected:  # the view has already filled a selected cell with the highlight
            painter.fillRect(rect, option.palette.color(QPalette.ColorRole.Base))
        if completeness is not None:
            self._paint_progress(painter, rect, completeness)
        if text:
            font = self._italic_font(option) if italic else option.font
            painter.setFont(font)
            painter.setPen(foreground if foreground is not None else option.palette.color(QPalette.ColorRole.Text))
            area = rect.adjusted(_PADDING, 0, -_PADDING, 0)
            metrics = painter.fontMetrics()
            if metrics.horizontalAdvance(text) > area.width():
                text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, area.width())
            painter.drawText(area, alignment, text)
        if selected:
            # A tint and a frame, not a solid colour, so the validation colour stays visible.
            highlight = QColor(option.palette.color(QPalette.ColorRole.Highlight))
            frame = QColor(highlight)
            highlight.setAlpha(50)
            painter.fillRect(rect, highlight)
            painter.setPen(frame)
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        if option.state & QStyle.StateFlag.State_HasFocus:
            pen = QPen(option.palette.color(QPalette.ColorRole.Highlight).darker(130), 2)
            painter.setPen(pen)
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        if marks & (MARK_COMMENT | MARK_PROVISIONAL | MARK_FOLLOW_UP):
            self._paint_marks(painter, rect, marks)

    def _italic_font(self, option: QStyleOptionViewItem) -> QFont:
        if self._italic is None or self._italic.pointSizeF() != option.font.pointSizeF():
            self._italic = QFont(option.font)
            self._italic.setItalic(True)
        return self._italic

    @staticmethod
    def _paint_marks(painter: QPainter, rect: QRect, marks: int) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        if marks & MARK_COMMENT:  # top-right, as Excel marks notes
            right, top = rect.right() + 1.0, float(rect.top())
            painter.setBrush(COMMENT_COLOR)
            painter.drawPolygon(
                QPolygonF([QPointF(right - _MARK, top), QPointF(right, top), QPointF(right, top + _MARK)])
            )
        if marks & MARK_PROVISIONAL:  # top-left
            left, top = float(rect.left()), float(rect.top())
            painter.setBrush(PROVISIONAL_COLOR)
            painter.drawPolygon(QPolygonF([QPointF(left, top), QPointF(left + _MARK, top), QPointF(left, top + _MARK)]))
        if marks & MARK_FOLLOW_UP:  # bottom-right
            right, bottom = rect.right() + 1.0, rect.bottom() + 1.0
            painter.setBrush(FOLLOW_UP_COLOR)
            painter.drawPolygon(
                QPolygonF([QPointF(right, bottom - _MARK), QPointF(right, bottom), QPointF(right - _MARK, bottom)])
            )
        painter.restore()

    @staticmethod
    def _paint_progress(painter: QPainter, rect: QRect, completeness: tuple[int, int]) -> None:
        filled, expected = completeness
        if not expected or not filled:
            return
        bar = rect.adjusted(2, 3, -2, -3)
        bar.setWidth(max(1, round(bar.width() * filled / expected)))
        painter.fillRect(bar, PROGRESS_DONE_COLOR if filled >= expected else PROGRESS_COLOR)

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:  # noqa: N802
        editor = QLineEdit(parent)
        editor.setFrame(False)
        alignment = index.data(Qt.ItemDataRole.TextAlignmentRole)
        if alignment is not None:
            editor.setAlignment(Qt.AlignmentFlag(int(alignment)))
        choices = self._choices(index)
        if choices:
            from PySide6.QtWidgets import QCompleter  # the first category edit, not every start

            completer = QCompleter(choices, editor)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            editor.setCompleter(completer)
        self.editor_opened.emit(editor)
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
        src = cast(QAbstractProxyModel, model).mapToSource(index) if source is not model else index
        column = source.column(src.column())
        if column is None:
            return []
        variable = column.variable
        lang = source.session.lang
        if variable.unit == "category":
            return [o.label(lang) for o in variable.options]
        if variable.unit == "yesno":
            return [message_text("value_yes", lang), message_text("value_no", lang)]
        return []
