"""Screenshots of the main window on demo data (not a test; run by hand under Xvfb).

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python -m tools.screenshots.screenshots OUTDIR

Writes into OUTDIR:
- main_window.png: Nayarit, February 2023 (demo), Personal section;
- grid_validation.png: an error (ocupadas > autorizadas) with its reason in the
  tooltip, warnings, a rejected entry, comment and provisional marks;
- welcome.png: the first-run page of an empty data directory;
- facility_form.png and history.png: the dialogs opened from the grid.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDeadlineTimer, QPoint, QThread
from PySide6.QtWidgets import QApplication, QTableView, QToolTip, QWidget

from app.models.values import UNCHANGED, ValueChange
from app.services.files.demo import build_demo
from app.services.workspace import open_workspace
from app.ui.app import create_main_window, install_translators
from app.ui.shell.main_window import MainWindow

STATE, PERIOD = "18", "202302"


def settle(until: Callable[[], bool] = lambda: True, timeout_ms: int = 20000) -> None:
    """Process events until ``until()`` holds, then let layouts and paints finish."""
    deadline = QDeadlineTimer(timeout_ms)
    while not until() and not deadline.hasExpired():
        QApplication.processEvents()
        QThread.msleep(5)
    for _ in range(30):
        QApplication.processEvents()
        QThread.msleep(5)


def save(widget: QWidget, path: Path) -> None:
    settle()
    widget.grab().save(str(path))
    print(f"wrote {path}")


def save_screen(widget: QWidget, path: Path) -> None:
    """Grab the screen area of ``widget`` so tooltips (separate windows) are included."""
    settle()
    window = widget.window()
    top_left = window.frameGeometry().topLeft()
    shot = QApplication.primaryScreen().grabWindow(
        0, top_left.x(), top_left.y(), window.frameGeometry().width(), window.frameGeometry().height()
    )
    shot.save(str(path))
    print(f"wrote {path}")


def open_demo_window(data_dir: Path) -> MainWindow:
    window = create_main_window(data_dir, "es")
    window.resize(1500, 900)
    window.move(20, 20)
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
    return window


def main(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    translators = install_translators(app, "es")  # Spanish standard buttons, es-MX locale
    work = Path(tempfile.mkdtemp(prefix="coordina-shots-"))

    empty = create_main_window(work / "empty", "es")
    empty.resize(1200, 760)
    empty.show()
    settle(lambda: empty.pages.currentWidget() is empty.welcome)
    save(empty, out_dir / "welcome.png")
    empty.close()

    data_dir = work / "demo"
    ws = open_workspace(data_dir)
    build_demo(ws, STATE)
    ws.close()

    window = open_demo_window(data_dir)
    window.entry.section_tabs.setCurrentIndex(1)  # Personal
    save(window, out_dir / "main_window.png")

    # Validation marks on the hospitals: an error, a rejected entry, comment and provisional.
    bar = window.entry.filter_bar
    bar.level_box.setCurrentIndex(bar.level_box.findData(2))
    settle()
    session, grid = window.session, window.entry.grid_model
    hospital = grid.facility(window.entry.proxy.mapToSource(window.entry.proxy.index(5, 0)).row()).clues
    other = grid.facility(window.entry.proxy.mapToSource(window.entry.proxy.index(1, 0)).row()).clues
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
    session.edit(
        [
            ValueChange(
                session.key(other, "plazas_autorizadas", "generales"),
                UNCHANGED,
                comment="Según el SIS, revisión pendiente",
                provisional=True,
            )
        ],
        "marcas",
    )
    session.edit([ValueChange(session.key(other, "plazas_ocupadas", "generales"), None)], "aviso")
    rejected = grid.index(grid.row_of(other), grid.value_column("plazas_autorizadas", "especialistas"))
    grid.setData(rejected, "doce")
    settle(lambda: not session.has_pending_writes())
    view = window.entry.grid
    view.select_cell(other, "plazas_autorizadas", "enfermeria")
    error_index = window.entry.proxy.mapFromSource(
        grid.index(grid.row_of(hospital), grid.value_column("plazas_ocupadas", "enfermeria"))
    )
    rect = view.visualRect(error_index)
    QToolTip.showText(
        view.viewport().mapToGlobal(QPoint(rect.left() - 330, rect.bottom() + 4)),
        str(window.entry.proxy.data(error_index, 3)),
        view,
    )
    save_screen(window, out_dir / "grid_validation.png")
    QToolTip.hideText()

    window.open_facility_form(hospital)
    settle()
    forms = [
        w
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and w.objectName() != "" and w is not window and w.inherits("QDialog")
    ] or [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.inherits("QDialog")]
    if forms:
        save(forms[0], out_dir / "facility_form.png")
        forms[0].close()
    view.show_history(session.key(hospital, "plazas_ocupadas", "enfermeria"))
    histories = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.inherits("QDialog")]
    if histories:
        table = histories[0].findChild(QTableView)
        settle(lambda: table is None or table.model().rowCount() > 0)
        save(histories[0], out_dir / "history.png")
        histories[0].close()
    window.close()
    del translators


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots"))
