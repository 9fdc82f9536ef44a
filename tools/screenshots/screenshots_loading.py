"""Screenshots of the entry grid while a month loads (not a test; run by hand under Xvfb).

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python -m tools.screenshots.screenshots_loading OUTDIR 1366x768

Writes ``grid_loading_<size>.png``: the Nayarit demo window at the given size, switched to
January 2023 while the month's read is held back, after a digit was typed (and refused).
"""

from __future__ import annotations

import sys
import tempfile
import threading
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.services.entry import month_values as entry
from app.services.files.demo import build_demo
from app.services.workspace import open_workspace
from app.ui.app import install_translators
from tools.screenshots.screenshots import STATE, open_demo_window, save, settle


def main(out_dir: Path, size: str) -> None:
    """Hold a month's load, type into the veiled grid, and save the window."""
    width, height = (int(n) for n in size.split("x"))
    out_dir.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    translators = install_translators(app, "es")
    data_dir = Path(tempfile.mkdtemp(prefix="coordina-loading-")) / "demo"
    ws = open_workspace(data_dir)
    build_demo(ws, STATE)
    ws.close()

    gate = threading.Event()
    gate.set()
    real = entry.load_month

    def held(*args, **kwargs):
        gate.wait(60)
        return real(*args, **kwargs)

    entry.load_month = held
    window = open_demo_window(data_dir)
    window.resize(width, height)
    window.move(0, 0)
    gate.clear()
    window.select_month(STATE, "202301")
    settle(lambda: window.session.is_loading())
    window.entry.grid.setFocus()
    QTest.keyClick(window.entry.grid, Qt.Key.Key_3)
    save(window, out_dir / f"grid_loading_{size}.png")
    gate.set()
    settle(lambda: not window.session.is_loading())
    window.close()
    del translators


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots"), sys.argv[2] if len(sys.argv) > 2 else "1366x768")
