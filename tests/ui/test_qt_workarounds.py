"""The PySide6 emit() reference bug must not be able to crash the app (see app.ui.qt_workarounds)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import app.ui  # applies the work-around
from PySide6.QtCore import QCoreApplication, QObject, Signal
class Emitter(QObject):
    ping = Signal()
app = QCoreApplication([])
emitter = Emitter()
for _ in range(200_000):
    emitter.ping.emit()
print("alive")
"""


def test_many_emits_do_not_free_true():
    # In a child process: without the work-around the interpreter aborts at exit or earlier.
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True,
                            timeout=120, env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""})
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "alive"
