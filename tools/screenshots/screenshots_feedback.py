"""Screenshots of issue 12's feedback at a laptop's screen size (not a test; run by hand under Xvfb).

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python -m tools.screenshots.screenshots_feedback OUTDIR [DATA_DIR]
    xvfb-run -a -s "-screen 0 1024x768x24" .venv/bin/python -m tools.screenshots.screenshots_feedback OUTDIR [DATA_DIR]

The window fills the screen's available area. Writes, with the screen width as suffix:
- grid_problems_W.png: a refused "doce" explained under the grid, the month's problem list (F8)
  open, the save indicator saying "No guardado", the side panel's percentages;
- close_confirm_W.png: the close confirmation with warnings and incomplete sections;
- history_W.png: the history dialog, rows shown while the chain check runs or after it.
DATA_DIR (optional) is a demo data directory to reuse; it is built when missing.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.models.values import ValueChange
from app.services.files.demo import build_demo
from app.services.workspace import open_workspace
from app.ui.app import create_main_window, install_translators
from tools.screenshots.screenshots import PERIOD, STATE, save, settle


def main(out_dir: Path, data_dir: Path | None) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    translators = install_translators(app, "es")
    data_dir = data_dir or Path(tempfile.mkdtemp(prefix="coordina-feedback-")) / "demo"
    if not (data_dir / "coordina.db").exists():
        ws = open_workspace(data_dir)
        build_demo(ws, STATE)
        ws.close()
    screen = app.primaryScreen().availableGeometry()
    width = app.primaryScreen().geometry().width()
    window = create_main_window(data_dir, "es")
    window.setGeometry(screen)
    window.show()
    settle(lambda: window.session.month is not None)
    if (window.session.state_code, window.session.period) != (STATE, PERIOD):
        window.select_month(STATE, PERIOD)
        settle(
            lambda: (
                window.session.period == PERIOD
                and not window.session.is_loading()
                and not window.session.history_pending()
            )
        )
    window.setGeometry(screen)
    session, grid = window.session, window.entry.grid_model
    window.entry.section_tabs.setCurrentIndex(1)  # Personal
    settle()
    # A cross-field error on a hospital and a refused "doce" on the first row.
    hospital = next(f.clues for f in session.month.facilities if f.level == 2)
    first = grid.facility(window.entry.proxy.mapToSource(window.entry.proxy.index(0, 0)).row()).clues
    authorised = session.value(session.key(hospital, "plazas_autorizadas", "enfermeria"))
    session.edit(
        [
            ValueChange(
                session.key(hospital, "plazas_ocupadas", "enfermeria"),
                int(authorised.value or 0) + 7 if authorised else 30,
            )
        ],
        "error",
    )
    settle(lambda: not session.has_pending_writes())
    grid.setData(grid.index(grid.row_of(first), grid.value_column("plazas_autorizadas", "especialistas")), "doce")
    window.entry.grid.select_cell(first, "plazas_autorizadas", "especialistas")
    window.entry.open_problem_list()
    settle()
    save(window, out_dir / f"grid_problems_{width}.png")

    # Back to a clean grid, then the close confirmation (a modal box: grabbed, then cancelled).
    window.entry.grid.select_cell(first, "plazas_autorizadas", "especialistas")
    grid.setData(grid.index(grid.row_of(first), grid.value_column("plazas_autorizadas", "especialistas")), "")
    settle(lambda: not session.has_pending_writes())

    def grab_and_cancel() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, grab_and_cancel)
            return
        save(box, out_dir / f"close_confirm_{width}.png")
        next(b for b in box.buttons() if b.text() == "Cancelar").click()

    QTimer.singleShot(100, grab_and_cancel)
    window.close_report()

    window.entry.grid.show_history(session.key(hospital, "plazas_ocupadas", "enfermeria"))
    dialogs = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.inherits("QDialog")]
    if dialogs:
        dialog = dialogs[0]
        settle(lambda: dialog.result is not None and dialog.result.checked)
        save(dialog, out_dir / f"history_{width}.png")
        dialog.close()
    window.entry.problems.list_button.setChecked(False)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.close()
    del translators


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots"), Path(sys.argv[2]) if len(sys.argv) > 2 else None)
