"""Screenshots of issue 10's GUI (not a test): the export dialog's cut-off date and the
section-notes editor, each sized to fit a 1366×768 and a 1024×768 screen.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python -m tools.screenshots.screenshots_report_details OUTDIR

Writes export_cutoff_1366.png, export_cutoff_1024.png, section_notes_1366.png and
section_notes_1024.png into OUTDIR, from the real dialogs on the Nayarit demo.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

WORK = Path(tempfile.mkdtemp(prefix="coordina-notes-shots-"))
os.environ["XDG_CONFIG_HOME"] = str(WORK / "config")  # before Qt reads it: keep real settings apart

from PySide6.QtCore import QDate  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.services.facilities import registry_marks  # noqa: E402
from app.services.files.demo import build_demo  # noqa: E402
from app.services.summary import reports  # noqa: E402
from app.services.workspace import catalog, open_workspace  # noqa: E402
from app.ui.common.tasks import TaskManager  # noqa: E402
from tools.screenshots.screenshots_dialogs import settle, snap  # noqa: E402

STATE, PERIOD = "18", "202302"
SCREENS = {"1366": (1366, 768), "1024": (1024, 768)}


def main(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    data_dir = WORK / "data"
    ws = open_workspace(data_dir, user="demo")
    try:
        build_demo(ws, STATE)
        reports.set_section_note(ws, STATE, PERIOD, "servicios", "(Programado para agosto)")
        reports.set_section_note(
            ws, STATE, PERIOD, "infraestructura", "Se está integrando el programa de dignificación"
        )
        registry_marks.set_count_provisional(ws, STATE, "hospitals_count", True)
    finally:
        ws.close()
    tasks = TaskManager(data_dir, "es")
    cat = catalog()

    from app.ui.entry.section_notes_dialog import SectionNotesDialog
    from app.ui.summary.export_dialog import ExportDialog

    for name, (width, height) in SCREENS.items():
        export = ExportDialog(tasks, cat, "es", STATE, PERIOD)
        export.resize(min(1280, width - 40), min(700, height - 60))
        export.show()
        settle(app, lambda e=export: not e.preview.image().isNull())
        export.cutoff.check.setChecked(True)
        export.cutoff.date.setDate(QDate(2023, 2, 23))
        export.refresh_preview()
        settle(app, lambda: False, timeout_ms=2500)
        snap(app, export, out_dir / f"export_cutoff_{name}.png")
        export.close()

        notes = SectionNotesDialog(tasks, cat, "es", STATE, PERIOD)
        notes.resize(min(760, width - 40), min(480, height - 60))
        notes.show()
        settle(app, lambda n=notes: n.save_button.isEnabled())
        snap(app, notes, out_dir / f"section_notes_{name}.png")
        notes.close()
    tasks.shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
