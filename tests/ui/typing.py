"""Typing like a person in tests: keys go to whichever widget has the focus.

``qtbot.keyClicks`` sends every key to the widget it is given and crashes on
accented letters, so text is sent one character at a time to the current focus
widget (the cell editor once the first key opened it), and non-ASCII characters
arrive as an input-method commit, the way a keyboard layout or dead key delivers them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget


def focus_target(fallback: QWidget) -> QWidget:
    return QApplication.focusWidget() or fallback


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type ``text`` starting on ``widget`` (e.g. a grid cell: the first key opens the editor)."""
    window = widget.window()
    if QApplication.activeWindow() is not window:
        # A dialog that just closed may leave no active window offscreen; a person would click back.
        window.activateWindow()
        QApplication.processEvents()
    widget.setFocus()
    for char in text:
        target = focus_target(widget)
        if char.isascii():
            qtbot.keyClick(target, char)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(char)
            QApplication.sendEvent(target, event)


def press(qtbot, widget: QWidget, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """Press ``key`` on the focused widget (the editor while editing).

    The item delegate commits on Enter/Tab through a queued call, so events are
    processed before returning, as the event loop would between two key presses.
    """
    qtbot.keyClick(focus_target(widget), key, modifier)
    QApplication.processEvents()
