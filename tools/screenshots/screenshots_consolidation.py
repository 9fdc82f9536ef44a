"""Screenshots of the HQ consolidation window (not a test; run by hand under Xvfb).

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python -m tools.screenshots.screenshots_consolidation OUTDIR

Writes consolidation_matrix.png (the 2023 completeness matrix with on-time, late,
received, missing and flagged cells) and consolidation_national.png (February 2023 by
state, the chart of surgeries and the facilities behind Nayarit's surgeries) into
OUTDIR, from the real window on the Nayarit and Colima demo data. Data and settings go
to a scratch folder, never the user's own.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

WORK = Path(tempfile.mkdtemp(prefix="coordina-consolidation-shots-"))
os.environ["XDG_CONFIG_HOME"] = str(WORK / "config")  # before Qt reads it: keep real settings apart

from PySide6.QtWidgets import QApplication  # noqa: E402

from app.services.files.demo import build_demo  # noqa: E402
from app.services.workspace import catalog, open_workspace  # noqa: E402
from app.ui.common.tasks import TaskManager  # noqa: E402
from app.ui.national.consolidation_window import ConsolidationWindow  # noqa: E402
from tests.ui.national.consolidation_fixtures import add_conflict, add_package  # noqa: E402
from tools.screenshots.screenshots_dialogs import settle, snap  # noqa: E402

PERIOD = "202302"


def seed(data_dir: Path) -> None:
    """Two demo states and the packages of a few months: on time, late, a resend, a conflict."""
    ws = open_workspace(data_dir, user="demo")
    try:
        build_demo(ws, "18")
        build_demo(ws, "06")
        add_package(ws, "n1", "18", ["202301", "202302"], "2023-02-08T18:00:00+00:00")
        add_package(ws, "n2", "18", ["202303"], "2023-04-07T16:20:00+00:00")
        add_package(ws, "n3", "18", ["202304"], "2023-05-15T10:00:00+00:00")
        add_package(ws, "c1", "06", ["202302"], "2023-03-11T00:30:00+00:00")
        add_package(ws, "c2", "06", ["202302"], "2023-03-20T09:00:00+00:00")
        add_package(ws, "c3", "06", ["202303"], "2023-04-10T12:00:00+00:00")
        add_conflict(ws, "18", "202302")
        add_conflict(ws, "06", "202303")
    finally:
        ws.close()


def main(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    data_dir = WORK / "data"
    seed(data_dir)
    tasks = TaskManager(data_dir, "es")
    window = ConsolidationWindow(tasks, catalog(), "es", PERIOD)
    window.today = dt.date(2023, 5, 20)  # so the year shows months not yet due as well
    window.resize(1560, 960)
    window.show()
    window.load_matrix()
    settle(app, lambda: not tasks.is_busy() and window.national_model.rowCount() > 0, 60000)
    window.matrix_view.setCurrentIndex(window.matrix_model.index(1, 1))
    snap(app, window, out_dir / "consolidation_matrix.png")

    window.tabs.setCurrentIndex(1)
    model = window.national_model
    row = next(r for r in range(model.rowCount()) if model.state_code_at(r) == "18")
    window.national_view.setCurrentIndex(model.index(row, 4))  # Nayarit's surgeries
    window.drill_down("18", "surgeries")
    settle(app, lambda: not tasks.is_busy() and window.drill_model.rowCount() > 0)
    snap(app, window, out_dir / "consolidation_national.png")
    window.close()
    tasks.shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
