"""Screenshots of the dialogs on realistic data (not a test; run by hand under Xvfb).

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python -m tools.screenshots.screenshots_dialogs OUTDIR

Writes facility_form.png, history.png, facilities.png, import_preview.png and
backups.png into OUTDIR, each from the real widget on a real data directory.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDeadlineTimer, QThread
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QWidget

from app.models.values import UNCHANGED, ValueChange, ValueKey
from app.services.entry import month_values as entry
from app.services.workspace import catalog, open_workspace
from app.storage import backups
from app.ui.common.tasks import TaskManager
from tests.ui.dialog_fixtures import HOSPITAL, PERIOD, seed

STATE = "18"


def settle(app: QApplication, until: Callable[[], bool] = lambda: True, timeout_ms: int = 15000) -> None:
    """Process events until ``until()`` holds (background jobs report through events)."""
    deadline = QDeadlineTimer(timeout_ms)
    while not until() and not deadline.hasExpired():
        app.processEvents()
        QThread.msleep(5)
    for _ in range(20):  # let layouts and paints finish
        app.processEvents()
        QThread.msleep(5)


def snap(app: QApplication, widget: QWidget, path: Path) -> None:
    widget.show()
    settle(app)
    widget.grab().save(str(path))
    print(f"wrote {path}")


def prepare(data_dir: Path) -> str:
    """Demo data when the demo service exists, else the test facilities; returns a hospital."""
    if importlib.util.find_spec("app.services.files.demo") is not None:
        from app.services.files.demo import build_demo

        with _ws(data_dir) as ws:
            build_demo(ws, STATE)
            month = entry.load_month(ws, STATE, PERIOD, with_history=False)
            hospitals = [f.clues for f in month.facilities if f.type_code in ("HIC", "HG")]
            return hospitals[0] if hospitals else month.facilities[0].clues
    seed(data_dir)
    return HOSPITAL


class _ws:
    def __init__(self, data_dir: Path, user: str = "ana"):
        self._dir, self._user = data_dir, user

    def __enter__(self):
        self.ws = open_workspace(self._dir, user=self._user)
        return self.ws

    def __exit__(self, *exc):
        self.ws.close()


def history_edits(data_dir: Path, key: ValueKey) -> None:
    with _ws(data_dir, "lucía.hernández") as ws:
        entry.record_changes(ws, [ValueChange(key, "34")])
        entry.record_changes(
            ws, [ValueChange(key, UNCHANGED, comment="Se habilitó el área de pediatría", provisional=True)]
        )
    with _ws(data_dir, "coordinación.nayarit") as ws:
        entry.record_changes(ws, [ValueChange(key, "36")], source="archivo")
        entry.record_changes(ws, [ValueChange(key, UNCHANGED, provisional=False, follow_up=True)])


def import_file(directory: Path) -> Path:
    path = directory / "CLUES_Nayarit_2023.csv"
    rows = [
        [
            "CLUES",
            "NOMBRE DE LA UNIDAD",
            "ENTIDAD",
            "MUNICIPIO",
            "JURISDICCIÓN",
            "NOMBRE DE TIPOLOGÍA",
            "NIVEL DE ATENCIÓN",
            "INSTITUCIÓN",
            "ESTATUS DE OPERACIÓN",
        ],
        [
            "NTIMB000101",
            "Centro de Salud San Blas",
            "NAYARIT",
            "San Blas",
            "II Compostela",
            "CENTRO DE SALUD RURAL",
            "PRIMER NIVEL",
            "IMB",
            "EN OPERACION",
        ],
        [
            "NTIMB000102",
            "Hospital Integral Comunitario de Santa María del Oro",
            "NAYARIT",
            "Santa María del Oro",
            "II Compostela",
            "HOSPITAL INTEGRAL",
            "SEGUNDO NIVEL",
            "IMB",
            "EN OPERACION",
        ],
        [
            "NTIMB000103",
            "Unidad Médica Móvil Huajicori",
            "NAYARIT",
            "Huajicori",
            "III Santiago",
            "UNIDAD MOVIL",
            "PRIMER NIVEL",
            "IMB",
            "OPERACION PARCIAL",
        ],
        [
            "NTIMB00010",
            "Centro de Salud Jesús María",
            "NAYARIT",
            "Del Nayar",
            "III Santiago",
            "CENTRO DE SALUD RURAL",
            "PRIMER NIVEL",
            "IMB",
            "EN OPERACION",
        ],
        [
            "NTIMB000105",
            "Centro de Salud Ixtlán del Río",
            "NAYARIT",
            "Ixtlán del Río",
            "II Compostela",
            "CONSULTORIO DE TELEMEDICINA",
            "PRIMER NIVEL",
            "IMB",
            "EN OPERACION",
        ],
        [
            "CMIMB000106",
            "Centro de Salud Tecomán",
            "NAYARIT",
            "Tecomán",
            "I",
            "CENTRO DE SALUD URBANO",
            "CUARTO NIVEL",
            "IMB",
            "EN OPERACION",
        ],
        [
            "NTIMB000101",
            "Centro de Salud San Blas (duplicado)",
            "NAYARIT",
            "San Blas",
            "II Compostela",
            "CENTRO DE SALUD RURAL",
            "PRIMER NIVEL",
            "IMB",
            "EN OPERACION",
        ],
        [
            "NTIMB000108",
            "Centro de Salud Urbano Tepic Centro",
            "NAYARIT",
            "Tepic",
            "I Tepic",
            "CENTRO DE SALUD URBANO",
            "PRIMER NIVEL",
            "IMB",
            "EN OPERACION",
        ],
    ]
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def main(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    work = Path(tempfile.mkdtemp(prefix="coordina-shots-"))
    data_dir = work / "data"
    hospital = prepare(data_dir)
    key = ValueKey(hospital, PERIOD, "camas_censables")
    history_edits(data_dir, key)
    now = dt.datetime.now().replace(microsecond=0)
    with _ws(data_dir) as ws:
        for days, reason in (
            (3, "diario"),
            (2, "diario"),
            (2, "antes_de_importar"),
            (1, "diario"),
            (0, "antes_de_restaurar"),
            (0, "manual"),
        ):
            moment = now - dt.timedelta(days=days, hours=days * 3, minutes=7 * days)
            backups.snapshot(ws.conn, ws.backups_dir, reason, now=moment)
    tasks = TaskManager(data_dir, "es")
    cat = catalog()

    from app.ui.entry.session import MonthSession

    stack = QUndoStack()
    session = MonthSession(tasks, cat, stack, "es")
    session.load(STATE, PERIOD)
    settle(app, lambda: session.month is not None and not session.is_loading() and not session.history_pending())
    session.edit(
        [ValueChange(ValueKey(hospital, PERIOD, "plazas_ocupadas", "enfermeria"), "999")], "ejemplo de error"
    )  # show a cross-variable mark in the screenshot
    session.edit(
        [ValueChange(ValueKey(hospital, PERIOD, "plazas_autorizadas", "especialistas"), "")], "ejemplo de requerido"
    )
    session.edit(
        [
            ValueChange(
                ValueKey(hospital, PERIOD, "plazas_autorizadas", "generales"),
                UNCHANGED,
                comment="Incluye 2 plazas de contrato eventual",
                provisional=True,
            )
        ],
        "ejemplo de comentario",
    )
    settle(app, lambda: not tasks.is_busy())

    from app.ui.facilities.facility_form import FacilityFormDialog

    form = FacilityFormDialog(session, hospital)
    form.resize(1280, 860)
    form.show()
    settle(app)
    form.rows[0].editor.clearFocus()
    # Scroll so the staff section with its validation marks is on screen.
    form.sections.setCurrentRow(1)
    snap(app, form, out_dir / "facility_form.png")

    form.show_org_unit(STATE)  # the state-level page ("Datos estatales")
    snap(app, form, out_dir / "facility_form_state.png")

    from app.ui.entry.history_dialog import HistoryDialog

    history = HistoryDialog(tasks, cat, key, "es")
    history.show()
    settle(app, lambda: history.result is not None)
    snap(app, history, out_dir / "history.png")

    if importlib.util.find_spec("app.ui.facilities.facilities_dialog") is not None:
        from app.ui.facilities.facilities_dialog import FacilitiesDialog
        from app.ui.facilities.import_preview_dialog import FacilityImportDialog

        registry = FacilitiesDialog(tasks, cat, "es")
        registry.resize(1560, 640)
        registry.show()
        settle(app, lambda: registry.model.rowCount() > 0)
        snap(app, registry, out_dir / "facilities.png")

        registry.select_clues(hospital)
        editor = registry.edit_selected()
        settle(app, lambda: editor.history.count() > 0)
        snap(app, editor, out_dir / "facility_editor.png")
        editor.reject()

        preview = FacilityImportDialog(tasks, cat, "es", import_file(work))
        preview.resize(1200, 720)
        preview.show()
        settle(app, lambda: preview.preview is not None)
        snap(app, preview, out_dir / "import_preview.png")

    from app.ui.files.backups_dialog import BackupsDialog

    listing = BackupsDialog(tasks, "es")
    listing.show()
    settle(app, lambda: listing.model.rowCount() > 0)
    listing.view.selectRow(1)
    snap(app, listing, out_dir / "backups.png")

    tasks.shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots"))
