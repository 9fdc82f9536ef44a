"""Emitting signals for a long session must not crash the interpreter.

PySide6 6.12.0's Signal.emit() drops a reference to True on every call, so on
Python 3.11 the process aborts after about a thousand emits; pyproject.toml
keeps PySide6 below 6.12 and this test guards that choice.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
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
    # In a child process: with PySide6 6.12.0 the interpreter aborts with "bool_dealloc".
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "alive"
