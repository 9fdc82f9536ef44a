"""Screenshot of Sincronizar ▸ Metas… at headquarters (not a test; run by hand under Xvfb).

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python -m tools.screenshots.screenshots_targets OUTDIR

Writes targets_dialog.png into OUTDIR: the real dialog on a scratch HQ data directory with
the metas of the 2023-2024 programme stored, one more typed in and not yet saved, and the
message of a refused input. Data and settings go to a scratch folder, never the user's own.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

WORK = Path(tempfile.mkdtemp(prefix="coordina-targets-shots-"))
os.environ["XDG_CONFIG_HOME"] = str(WORK / "config")  # before Qt reads it: keep real settings apart
os.environ["XDG_DATA_HOME"] = str(WORK / "share")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.services.summary import targets  # noqa: E402
from app.services.sync import sync_profile  # noqa: E402
from app.services.workspace import catalog, open_workspace  # noqa: E402
from app.ui.common.tasks import TaskManager  # noqa: E402
from app.ui.summary.targets_dialog import TargetsDialog, TargetsModel  # noqa: E402
from tools.screenshots.screenshots_dialogs import settle, snap  # noqa: E402

#: The "Meta 2024" of the programme's indicator sheets (source 004), and two slide figures.
METAS = {
    "capacity_diagnosis_pct": 98,
    "mas_initial_actions_units_pct": 95,
    "hospital_medical_post_coverage_pct": 75,
    "mas_training_coverage_pct": 80,
    "supply_orders_fulfilled_pct": 72,
    "hospitals_community_action_pct": 15,
    "specialists_coverage_pct": 90,
    "consultations_total": 30000,
}


def main(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    data_dir = WORK / "oficinas-centrales"
    ws = open_workspace(data_dir, user="analista")
    try:
        sync_profile.init_profile(ws, "hq")
        targets.set_targets(ws, METAS)
    finally:
        ws.close()
    tasks = TaskManager(data_dir, "es")
    dialog = TargetsDialog(tasks, catalog(), "es")
    dialog.resize(900, 720)
    dialog.show()
    settle(app, lambda: dialog.model.value("consultations_total") is not None and not tasks.is_busy())
    model = dialog.model
    model.setData(model.index(model.row_of("rx_filled_pct"), TargetsModel.META), "95")  # typed, not saved
    model.setData(model.index(model.row_of("gp_nursing_coverage_pct"), TargetsModel.META), "120")  # refused
    dialog.view.setCurrentIndex(model.index(model.row_of("rx_filled_pct"), TargetsModel.META))
    dialog.view.scrollTo(model.index(model.row_of("mas_training_coverage_pct"), 0))
    dialog.view.setFocus(Qt.FocusReason.OtherFocusReason)
    snap(app, dialog, out_dir / "targets_dialog.png")
    dialog.close()
    tasks.shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
