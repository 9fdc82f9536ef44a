"""Uncaught exceptions reach the log, and the person sees a plain bilingual box (issue 13).

The exception is raised for real: in a Qt slot a real click runs, and in a real thread;
the message box is the real QMessageBox, found and closed as a person would.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from app.services.system import crash_log
from app.ui.common.crash_dialog import CrashNotifier

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def logged(tmp_path):
    """The ``coordina`` logger writing to tmp_path/logs/coordina.log; hooks removed after."""
    logs = tmp_path / "logs"
    logs.mkdir()
    handler = logging.FileHandler(logs / "coordina.log", encoding="utf-8")
    logger = logging.getLogger("coordina")
    logger.addHandler(handler)
    yield logs
    crash_log.uninstall()
    logger.removeHandler(handler)
    handler.close()


class BoxCloser:
    """Closes the first message box that opens, as a person would, keeping its text.

    A timer, because the box runs its own event loop: the test's code does not get control
    back until the box is closed, but a timer still fires inside that loop.
    """

    def __init__(self) -> None:
        self.shown: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(50)
        self.timer.timeout.connect(self._look)
        self.timer.start()

    def _look(self) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            self.shown.append(box.text())
            box.accept()
            self.timer.stop()


def raise_in_a_slot() -> None:
    raise ValueError("fallo de prueba en un slot")


@pytest.mark.qt_no_exception_capture  # pytest-qt's own hook would take the exception first
def test_an_exception_in_a_qt_slot_is_logged_with_its_traceback_and_shown(qtbot, logged):
    notifier = CrashNotifier()
    assert crash_log.install(logged, notifier.notify) == logged / "faulthandler.log"
    button = QPushButton("Probar")
    qtbot.addWidget(button)
    button.clicked.connect(raise_in_a_slot)
    button.show()
    closer = BoxCloser()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(closer.shown), timeout=5000)
    text = (logged / "coordina.log").read_text(encoding="utf-8")
    assert "uncaught exception (main thread): ValueError" in text
    assert "Traceback (most recent call last)" in text
    assert "in raise_in_a_slot" in text and "ValueError: fallo de prueba en un slot" in text
    message = closer.shown[0]
    assert message.startswith("Coordina encontró un error inesperado")
    assert "Coordina hit an unexpected error" in message  # Spanish first, then English
    assert str(logged / "coordina.log") in message
    assert "Traceback" not in message and "ValueError" not in message


def test_an_exception_in_a_thread_is_logged_and_shown_on_the_gui_thread(qtbot, logged):
    notifier = CrashNotifier()
    crash_log.install(logged, notifier.notify)

    def work() -> None:
        raise RuntimeError("fallo de prueba en un hilo")

    closer = BoxCloser()
    thread = threading.Thread(target=work, name="trabajo")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(closer.shown), timeout=5000)
    text = (logged / "coordina.log").read_text(encoding="utf-8")
    assert "uncaught exception (thread trabajo): RuntimeError" in text
    assert "RuntimeError: fallo de prueba en un hilo" in text and "in work" in text
    assert closer.shown[0].startswith("Coordina encontró un error inesperado")


def test_faulthandler_writes_every_threads_stack_on_a_hard_crash(tmp_path):
    """A segfault (here faulthandler's own) leaves the Python stack in logs/faulthandler.log."""
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); from pathlib import Path; "
        "from app.services.system import crash_log; crash_log.install(Path(sys.argv[2])); "
        "import faulthandler\ndef hundir():\n    faulthandler._sigsegv()\nhundir()"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(ROOT), str(tmp_path / "logs")], capture_output=True, text=True, timeout=60
    )
    assert done.returncode != 0
    text = (tmp_path / "logs" / "faulthandler.log").read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in text
    assert "in hundir" in text
