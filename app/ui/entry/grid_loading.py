"""The entry grid while a month loads: which keys it refuses, and how it looks.

While the month is read in the background the grid keeps the keyboard focus (so
nothing typed lands in the state or month chooser) but takes no edit: a key that
would write is refused with a message, and the cells are veiled with "Cargando…".
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import QWidget

from app.ui.common import theme

_VEIL_ALPHA = 170  # the cells show through the veil, faintly
_EDIT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_F2)


def is_edit_key(event: QKeyEvent) -> bool:
    """Whether ``event`` would type, store, clear or paste in the grid (navigation keys would not)."""
    if event.key() in _EDIT_KEYS:
        return True
    if event.matches(QKeySequence.StandardKey.Paste) or event.matches(QKeySequence.StandardKey.Cut):
        return True
    modifiers = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
    return bool(event.text().strip()) and modifiers == Qt.KeyboardModifier.NoModifier


def paint_loading(viewport: QWidget, text: str) -> None:
    """Veil the cells and say the month is loading (drawn over the grid's own painting)."""
    palette = viewport.palette()
    base = palette.color(QPalette.ColorRole.Base)
    veil = QColor(base)
    veil.setAlpha(_VEIL_ALPHA)
    painter = QPainter(viewport)
    try:
        painter.fillRect(viewport.rect(), veil)
        font = painter.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        painter.setFont(font)
        # A label near the top, where the person is looking, rather than in the middle of a tall grid.
        metrics = painter.fontMetrics()
        box = QRect(0, 0, metrics.horizontalAdvance(text) + 40, metrics.height() + 20)
        box.moveCenter(QPoint(viewport.rect().center().x(), 24 + box.height() // 2))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.setBrush(base)
        painter.drawRoundedRect(box, 6, 6)
        painter.setPen(theme.color("muted", palette))
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)
    finally:
        painter.end()
