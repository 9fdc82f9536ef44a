"""Screenshots of the package import and conflicts dialogs (not a test).

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python -m tools.screenshots.screenshots_sync OUTDIR

Writes import_dialog.png (a preview with a package that imports cleanly, one with values
in conflict, and a damaged one), conflicts_dialog.png and respond_dialog.png (headquarters
writing acknowledgements for both states) into OUTDIR, from the real dialogs
on real packages: headquarters and two states (Nayarit, Colima) built from the demo data,
enrolled with each other. Data and settings go to a scratch folder, never the user's own.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

WORK = Path(tempfile.mkdtemp(prefix="coordina-sync-shots-"))
os.environ["XDG_CONFIG_HOME"] = str(WORK / "config")  # before Qt reads it: keep real settings apart
os.environ["XDG_DATA_HOME"] = str(WORK / "share")

from PySide6.QtWidgets import QApplication  # noqa: E402

from app.models.values import ValueChange, ValueKey  # noqa: E402
from app.reports.signing.identity import Identity  # noqa: E402
from app.services.entry.month_values import record_changes  # noqa: E402
from app.services.files.demo import build_demo  # noqa: E402
from app.services.summary import identity as identities  # noqa: E402
from app.services.sync import sync_ack, sync_enrol, sync_export, sync_import, sync_profile  # noqa: E402
from app.services.workspace import Workspace, catalog, open_workspace  # noqa: E402
from app.storage import facilities_repo  # noqa: E402
from app.ui.common.tasks import TaskManager  # noqa: E402
from tools.screenshots.screenshots_dialogs import settle, snap  # noqa: E402

PASSPHRASE = b"demo-no-usar"
USB = WORK / "usb"


def state_workspace(hq: Workspace, code: str, user: str, name: str) -> tuple[Workspace, Identity]:
    """A state's data directory with its demo data, its profile and an identity enrolled at HQ."""
    ws = open_workspace(WORK / f"estado-{code}", user=user)
    build_demo(ws, code)
    with hq.db.atomic():  # HQ knows every facility (the national CLUES catalogue, in real life)
        facilities_repo.upsert_facilities(
            hq.conn, facilities_repo.list_facilities(ws.conn, code), "2023-01-01T00:00:00+00:00"
        )
    sync_profile.init_profile(ws, "state", code, name=name, position="Coordinadora estatal")
    sync_profile.import_hq_profile(ws, USB / "hq.json", confirmed=True)
    identity = identities.create_identity_file(ws, name, "Coordinadora estatal", code, WORK / f"{user}.p12", PASSPHRASE)
    sync_enrol.export_enrolment(ws, USB / f"enrol-{user}.json")
    sync_enrol.import_enrolment(hq, USB / f"enrol-{user}.json", confirmed=True)
    return ws, identity


def cells(ws: Workspace, count: int) -> list[ValueKey]:
    rows = ws.conn.execute(
        "SELECT org_unit, period, variable, disaggregation FROM data_values "
        "WHERE value IS NOT NULL AND variable IN ('consultas_medicina_familiar', "
        "'consultas_especialidad', 'egresos_hospitalarios') ORDER BY 2 DESC, 1, 3 LIMIT ?",
        (count,),
    ).fetchall()
    return [ValueKey(*row) for row in rows]


def prepare() -> list[Path]:
    """Three packages for the preview: clean (Colima), in conflict (Nayarit), damaged."""
    USB.mkdir(parents=True)
    hq = open_workspace(WORK / "oficinas-centrales", user="analista.central")
    sync_profile.init_profile(hq, "hq")
    sync_profile.export_hq_profile(hq, USB / "hq.json")
    nayarit, ana = state_workspace(hq, "18", "ana.nunez", "Ana Núñez Ibáñez")
    colima, lucia = state_workspace(hq, "06", "lucia.avila", "Lucía Ávila Peña")
    try:
        first = sync_export.export_package(nayarit, USB, ana, full=True).path
        sync_import.import_packages(hq, [first])
        sync_import.import_packages(nayarit, [sync_ack.make_ack(hq, "18", USB)])
        keys = cells(nayarit, 3)
        record_changes(hq, [ValueChange(k, 1000 + i * 111) for i, k in enumerate(keys)])
        record_changes(nayarit, [ValueChange(k, 2000 + i * 222) for i, k in enumerate(keys)])
        conflicted = sync_export.export_package(nayarit, USB, ana).path
        clean = sync_export.export_package(colima, USB, lucia, full=True).path
        data = clean.read_bytes()
        damaged = USB / "COL_copia-dañada.coordina"
        damaged.write_bytes(data[: len(data) // 2])
    finally:
        for ws in (hq, nayarit, colima):
            ws.close()
    return [clean, conflicted, damaged]


def main(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    packages = prepare()
    tasks = TaskManager(WORK / "oficinas-centrales", "es")
    cat = catalog()

    from app.ui.files.import_dialog import ImportDialog

    dialog = ImportDialog(tasks, cat, "es")
    dialog.show()
    dialog.add_paths(packages)
    done: list[bool] = []
    dialog.finished_job.connect(lambda: done.append(True))
    dialog.preview()
    settle(app, lambda: bool(done))
    dialog.view.selectRow(1)  # the package with values in conflict: its W_CONFLICT rows below
    snap(app, dialog, out_dir / "import_dialog.png")
    dialog.start_import()
    settle(app, lambda: len(done) == 2)
    dialog.close()

    from app.ui.sync.conflicts_dialog import ConflictsDialog

    conflicts = ConflictsDialog(tasks, cat, "es")
    conflicts.show()
    settle(app, lambda: conflicts.model.rowCount() > 0 and conflicts.history_model.rowCount() > 0)
    snap(app, conflicts, out_dir / "conflicts_dialog.png")
    conflicts.close()
    respond_shot(app, tasks, cat, out_dir)
    tasks.shutdown()


def respond_shot(app: QApplication, tasks: TaskManager, cat, out_dir: Path) -> None:
    """respond_dialog.png: HQ answers both states (packages imported above); acks just written."""
    from app.ui.sync.respond_dialog import RespondDialog

    dialog = RespondDialog(tasks, cat, "es")
    loaded: list[bool] = []
    dialog.loaded.connect(lambda: loaded.append(True))
    dialog.show()
    settle(app, lambda: bool(loaded))
    dialog.select_states(["06", "18"])
    dialog.set_folder(USB / "respuestas")
    done: list[bool] = []
    dialog.written.connect(lambda _result: done.append(True))
    dialog.write_acks()
    settle(app, lambda: bool(done))
    snap(app, dialog, out_dir / "respond_dialog.png")
    dialog.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots"))
