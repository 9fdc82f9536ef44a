"""The message box after an uncaught exception (the log has the traceback: app/services/system/crash_log.py).

The hook may run on any thread; a signal with a queued connection brings the message to
the GUI thread, where the box is shown once the event loop gets back to it. One box at a
time: an error repeated on every repaint must not stack up dialogs.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox


class CrashNotifier(QObject):
    """Lives in the GUI thread; :meth:`notify` may be called from any thread."""

    _message = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._showing = False
        self._message.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def notify(self, text: str) -> None:
        """Ask for the box (from the excepthook; never blocks the caller)."""
        self._message.emit(text)

    def _show(self, text: str) -> None:
        if self._showing or QApplication.instance() is None:
            return
        self._showing = True
        try:
            QMessageBox.critical(QApplication.activeWindow(), "Coordina", text)
        finally:
            self._showing = False
