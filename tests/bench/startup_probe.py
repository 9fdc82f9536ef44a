"""Child process for the start-up benchmarks.

``python startup_probe.py bare`` shows a bare QMainWindow and prints "painted" on its
first paint. ``python startup_probe.py app DATA_DIR`` starts Coordina as
``python main.py --data-dir DATA_DIR`` does and prints "painted" on its main window's first
paint. ``python startup_probe.py grid DATA_DIR`` starts it the same way and prints "usable"
once a person can work in the grid (issue 12): a paint of the grid's viewport has finished
while the month was loaded (the session is not loading), the grid model had rows and a
value cell's flags included ItemIsEditable. Each stops right after printing, so the parent
measures process start → that moment the same way for every mode.

``--profile OUT`` (grid mode) writes a cProfile of the main thread and of the
app's background threads to ``OUT`` (pstats format, merged), to
find what stands between the first paint and a usable grid (the database thread and the CPU
pool are profiled from their first job on).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

POLL_MS = 5  # how often grid mode looks for the entry page, whose grid it then watches


def _grid_usable(window) -> bool:
    """Whether the month is loaded, shown in the grid, and a value cell takes an edit."""
    session, entry = window._session, window._entry
    if session is None or entry is None or session.month is None or session.is_loading():
        return False
    model = entry.grid_model
    if model.rowCount() == 0:
        return False
    from PySide6.QtCore import Qt

    editable = Qt.ItemFlag.ItemIsEditable
    for row in range(model.rowCount()):
        for col in range(model.FIRST_VALUE_COLUMN, model.columnCount()):
            if model.flags(model.index(row, col)) & editable:
                return True
    return False


def _first_paint_watcher(word: str):
    """An event filter that prints ``word`` on the first paint of what it watches, then quits."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt naming
            if event.type() == QEvent.Type.Paint:
                print(word, flush=True)
                QTimer.singleShot(0, QApplication.instance().quit)
                obj.removeEventFilter(self)
            return False

    return FirstPaint()


def _usable_paint_watcher(window):
    """An event filter on the grid's viewport: prints "usable" once a paint of the grid
    finishes with the month usable in it (the paint's own content is then on screen), then quits."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class UsablePaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt naming
            if event.type() == QEvent.Type.Paint and _grid_usable(window):
                obj.removeEventFilter(self)
                QTimer.singleShot(0, self.report)  # after this paint is done
            return False

        def report(self) -> None:
            print("usable", flush=True)
            QApplication.instance().quit()

    return UsablePaint()


def _bare() -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(1280, 800)
    watcher = _first_paint_watcher("painted")
    window.installEventFilter(watcher)
    window.show()
    return app.exec()


def _coordina(mode: str, data_dir: str, profilers: list | None) -> int:
    """Coordina started as ``python main.py --data-dir DATA_DIR`` starts it.

    The same path in the same order: argument parsing, the collector's pause, logging, the
    crash log, QApplication, translations, the data directory's lock, the window. The probe
    only puts a subclass in place of MainWindow (when run_gui first imports it) that, once
    shown and before its first paint, takes the bare window's size and starts watching.
    """
    import main as entry  # the repository's main.py

    keep: list = []

    def arm(window) -> None:
        window.resize(1280, 800)
        if mode == "app":
            keep.append(_first_paint_watcher("painted"))
            window.installEventFilter(keep[-1])
            return
        from PySide6.QtCore import QTimer

        timer = QTimer()
        timer.setInterval(POLL_MS)

        def poll() -> None:  # until the entry page exists; then its grid's paints are watched
            if window._entry is not None:
                timer.stop()
                keep.append(_usable_paint_watcher(window))
                window.entry.grid.viewport().installEventFilter(keep[-1])

        timer.timeout.connect(poll)
        timer.start()
        keep.append(timer)

    start_gui = entry.run_gui

    def run_gui(data_dir_path, lang):
        import app.ui.app as ui_app  # run_gui's own first import

        class ProbedWindow(ui_app.MainWindow):
            def showEvent(self, event):  # noqa: N802 - Qt naming
                if not keep:
                    arm(self)
                super().showEvent(event)

        ui_app.MainWindow = ProbedWindow
        if profilers is not None:
            _profile_threads(profilers)
        return start_gui(data_dir_path, lang)

    entry.run_gui = run_gui
    return entry.main(["--data-dir", data_dir])


def main() -> int:
    args = sys.argv[1:]
    profile_out = None
    if "--profile" in args:
        at = args.index("--profile")
        profile_out = args[at + 1]
        del args[at : at + 2]
    mode = args[0]
    if mode == "bare":
        return _bare()
    if not profile_out:
        return _coordina(mode, args[1], None)
    import cProfile
    import pstats

    profilers = [cProfile.Profile()]
    profilers[0].enable()
    code = _coordina(mode, args[1], profilers)
    for prof in profilers:
        prof.disable()
    stats = pstats.Stats(profilers[0])
    for prof in profilers[1:]:
        try:
            stats.add(prof)
        except TypeError:  # a profiler that never ran
            pass
    stats.dump_stats(profile_out)
    return code


def _profile_threads(profilers: list) -> None:
    """Profile the database thread and the CPU pool's threads from their first job on.

    Patched on the classes before the window exists, so the database thread's opening of
    the workspace (done inside its first job) is profiled too.
    """
    import cProfile
    import threading

    from PySide6.QtCore import Slot

    from app.ui.common import tasks

    lock = threading.Lock()
    seen: set[int] = set()

    def start_here() -> None:
        ident = threading.get_ident()
        with lock:
            if ident in seen:
                return
            seen.add(ident)
            prof = cProfile.Profile()
            profilers.append(prof)
        prof.enable()

    db_run, cpu_run = tasks._DbWorker._run, tasks._CpuJob.run

    @Slot(int, object, object)
    def run_db(self, job_id, fn, progress):
        start_here()
        return db_run(self, job_id, fn, progress)

    def run_cpu(self):
        start_here()
        return cpu_run(self)

    tasks._DbWorker._run, tasks._CpuJob.run = run_db, run_cpu


if __name__ == "__main__":
    sys.exit(main())
