"""Child process for the cold-start benchmark.

``python startup_probe.py bare`` shows a bare QMainWindow; ``python
startup_probe.py app DATA_DIR`` shows Coordina's main window on DATA_DIR. Both
print "painted" on the first paint event of the window and exit, so the parent
measures process start → first paint the same way for both.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main() -> int:
    mode = sys.argv[1]
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt naming
            if event.type() == QEvent.Type.Paint:
                print("painted", flush=True)
                QTimer.singleShot(0, app.quit)
                obj.removeEventFilter(self)
            return False

    if mode == "bare":
        window = QMainWindow()
        window.setWindowTitle("bare")
        window.resize(1280, 800)
    else:
        from app.ui.app import create_main_window

        window = create_main_window(Path(sys.argv[2]), "es")
        window.resize(1280, 800)
    watcher = FirstPaint()
    window.installEventFilter(watcher)
    window.show()
    code = app.exec()
    if hasattr(window, "shutdown"):
        window.shutdown()
    return code


if __name__ == "__main__":
    sys.exit(main())
