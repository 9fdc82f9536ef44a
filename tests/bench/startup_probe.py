"""Child process for the start-up benchmarks.

``python startup_probe.py bare`` shows a bare QMainWindow and prints "painted" on its
first paint. ``python startup_probe.py app DATA_DIR`` starts Coordina as
``python main.py --data-dir DATA_DIR`` does and prints "painted" on its main window's first
paint. ``python startup_probe.py grid DATA_DIR`` starts it the same way and prints "usable"
once a person can work in the grid (issue 12): the month is loaded (the session is not
loading), the grid model has rows, a value cell's flags include ItemIsEditable, and the
grid's viewport has painted after that. Each stops right after printing, so the parent
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

POLL_MS = 5  # how often grid mode looks at the window; small next to the ~300 ms measured


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


def main() -> int:
    args = sys.argv[1:]
    profile_out = None
    if "--profile" in args:
        at = args.index("--profile")
        profile_out = args[at + 1]
        del args[at : at + 2]
    mode = args[0]
    profilers = []
    if profile_out:
        import cProfile

        main_profiler = cProfile.Profile()
        profilers.append(main_profiler)
        main_profiler.enable()

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    keep = []

    class FirstPaint(QObject):
        def __init__(self, word: str):
            super().__init__()
            self.word = word

        def eventFilter(self, obj, event):  # noqa: N802 - Qt naming
            if event.type() == QEvent.Type.Paint:
                print(self.word, flush=True)
                QTimer.singleShot(0, app.quit)
                obj.removeEventFilter(self)
            return False

    if mode == "bare":
        window = QMainWindow()
        window.setWindowTitle("bare")
        window.resize(1280, 800)
        watcher = FirstPaint("painted")
        keep.append(watcher)
        window.installEventFilter(watcher)
        window.show()
        return app.exec()

    # Coordina starts the way `python main.py --data-dir DIR` starts it (argument parsing,
    # logging, crash log, translations, the data directory's lock, the window); the
    # QApplication made above is the one run_gui uses. The window is caught when it is
    # shown, before its first paint, and given the bare window's size.
    from app.ui.shell.main_window import MainWindow

    def arm(window) -> None:
        window.resize(1280, 800)
        if mode == "app":
            watcher = FirstPaint("painted")
            keep.append(watcher)
            window.installEventFilter(watcher)
            return
        timer = QTimer()
        timer.setInterval(POLL_MS)

        def poll() -> None:
            if _grid_usable(window):
                timer.stop()
                viewport = window.entry.grid.viewport()
                watcher = FirstPaint("usable")
                keep.append(watcher)
                viewport.installEventFilter(watcher)
                viewport.update()

        timer.timeout.connect(poll)
        timer.start()
        keep.append(timer)

    class CatchWindow(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt naming
            if event.type() == QEvent.Type.Show and isinstance(obj, MainWindow):
                app.removeEventFilter(self)
                arm(obj)
            return False

    catcher = CatchWindow()
    app.installEventFilter(catcher)
    if profile_out:
        _profile_threads(profilers)
    import main as entry  # the repository's main.py

    code = entry.main(["--data-dir", args[1]])
    if profile_out:
        import pstats

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
