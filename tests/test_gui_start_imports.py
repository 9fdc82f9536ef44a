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
