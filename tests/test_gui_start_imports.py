"""The GUI's start path loads no heavy library (issue 12, time to a usable grid).

The database thread's first job opened the workspace, and sqlite_utils imported pandas and
numpy there (~0.8 s of the interpreter's lock while the window waited for its first month).
Coordina now opens SQLite through its own small ``Database`` (app/storage/database.py). The
check runs the start path's database work on a second thread, in a fresh interpreter.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("pandas", "numpy", "openpyxl", "pyhanko", "reportlab", "sqlite_utils")
#: Lighter, but each cost milliseconds of the same path for nothing it needs there: the sync
#: stores (the overview reads only the profile), ``signal`` (the crash tests' kill points),
#: ``_strptime`` (backup names) and ``platform`` (the GUI's start line in the log).
NOT_ON_THE_WAY = ("app.storage.inbox_repo", "app.storage.sync_repo", "signal", "_strptime", "platform")


def test_start_path_on_a_worker_thread_loads_no_heavy_library_nor_what_it_does_not_use(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), "demo"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=600,
    )
    code = f"""
import json, sys, threading
def start():
    from app.services.workspace import open_workspace
    from app.services.entry.overview import workspace_overview
    from app.services.entry.month_values import load_month
    from app.ui.entry.month_index import MonthIndex
    ws = open_workspace({str(data_dir)!r})
    workspace_overview(ws)
    MonthIndex.build(ws.catalog, load_month(ws, "18", "202302"))
    from app.services.files.backup import ensure_daily_backup
    ensure_daily_backup(ws)
    ws.close()
worker = threading.Thread(target=start)
worker.start()
worker.join()
print(json.dumps([m for m in {HEAVY + NOT_ON_THE_WAY!r} if m in sys.modules]))
"""
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120, check=True
    )
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []


#: What `python main.py` loaded before the GUI's start skipped the commands (issue 12): the
#: full parser and every command module (~70 ms), multiprocessing (~14 ms, only the bundle
#: needs it) and ``platform``, whose ``platform()`` ran ``uname -p`` as a child process.
NOT_ON_THE_GUI_START = (
    "app.cli.main",
    "app.cli.facilities",
    "app.cli.sync",
    "app.cli.check",
    "multiprocessing",
    "platform",
    "subprocess",
)


def test_main_py_starts_the_gui_without_the_commands_and_collects_garbage_once_the_month_is_shown(
    tmp_path: Path,
) -> None:
    """`python main.py --data-dir DIR`, for real, on the demo, until the remembered month is on screen."""
    data_dir, config = tmp_path / "data", tmp_path / "config"
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(config),
    }
    subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), "demo"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=600,
    )
    remember = f"from app.ui.common.settings import save_last_month\nsave_last_month({str(data_dir)!r}, '18', '202302')"
    subprocess.run([sys.executable, "-c", remember], cwd=ROOT, env=env, check=True, timeout=120)
    code = f"""
import gc, json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])  # the one run_gui uses
seen = {{}}
def look():
    from app.ui.shell.main_window import MainWindow
    window = next((w for w in app.topLevelWidgets() if isinstance(w, MainWindow)), None)
    if window is None or window._session is None or window._session.month is None:
        if "held" not in seen and window is not None:
            seen["held"] = not gc.isenabled()
        return
    timer.stop()
    def finish():  # the collector comes back right after the grid's first paint with the month
        seen["collecting"] = gc.isenabled()
        seen["rows"] = window.entry.grid_model.rowCount()
        app.quit()
    QTimer.singleShot(200, finish)
timer = QTimer()
timer.timeout.connect(look)
timer.start(20)
import main
seen["code"] = main.main(["--data-dir", {str(data_dir)!r}])
seen["loaded"] = [m for m in {NOT_ON_THE_GUI_START!r} if m in sys.modules]
print(json.dumps(seen))
"""
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=True
    )
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["code"] == 0 and seen["rows"] > 0
    assert seen["loaded"] == []
    assert seen["held"] is True  # while the window waited for its month
    assert seen["collecting"] is True  # once the month is on screen
    log = (data_dir / "logs" / "coordina.log").read_text(encoding="utf-8")
    start = next(line for line in log.splitlines() if "GUI start:" in line)
    assert "Linux " in start and f"Python {sys.version.split()[0]}" in start
