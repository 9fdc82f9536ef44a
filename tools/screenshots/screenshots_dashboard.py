"""Screenshots of the state dashboard on the Nayarit demo (not a test; run by hand under Xvfb).

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python -m tools.screenshots.screenshots_dashboard OUTDIR

Writes dashboard.png (February 2023, year to date) and dashboard_drilldown.png (the
facilities behind "Cirugías") into OUTDIR, from the real window on a real data directory,
with a few metas stored as an update from headquarters brings them.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.services.files.demo import build_demo
from app.services.summary import targets
from app.services.workspace import catalog, open_workspace
from app.ui.common.tasks import TaskManager
from app.ui.summary.dashboard_window import DashboardWindow
from tools.screenshots.screenshots_dialogs import settle, snap

STATE = "18"
PERIOD = "202302"
METAS = {
    "specialists_coverage_pct": 90,
    "gp_nursing_coverage_pct": 95,
    "hospital_medical_post_coverage_pct": 75,
    "consultations_total": 30000,
    "surgeries": 2500,
    "health_committees": 300,
}


class _NoExport:
    """The dashboard's export button is not pressed here."""

    def export_pdf(self, state_code: str | None = None, period: str | None = None) -> None:
        print(f"export asked for {state_code} {period}")


def main(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    data_dir = Path(tempfile.mkdtemp(prefix="coordina-dashboard-")) / "data"
    ws = open_workspace(data_dir, user="demo")
    try:
        build_demo(ws, STATE)
        targets.set_targets(ws, METAS)  # what HQ's update brings (this scratch folder has no profile)
    finally:
        ws.close()
    tasks = TaskManager(data_dir, "es")
    window = DashboardWindow(tasks, catalog(), "es", _NoExport())
    window.resize(1560, 960)
    window.show()
    window.load(STATE, PERIOD)
    settle(app, lambda: window.summary is not None and not tasks.is_busy())
    snap(app, window, out_dir / "dashboard.png")

    view = window.section_views["services"]
    row = next(r for r in range(view.model().rowCount()) if view.model().figure_at(r).code == "surgeries")
    view.selectRow(row)
    window.drill_down("surgeries")
    settle(app, lambda: not tasks.is_busy() and window.drill_model.rowCount() > 0)
    snap(app, window, out_dir / "dashboard_drilldown.png")
    window.close()
    tasks.shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
