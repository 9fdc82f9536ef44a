"""Screenshots of the profile and outbox dialogs (not a test).

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python -m tools.screenshots.screenshots_sync_state OUTDIR

Writes profile_state.png (Nayarit, HQ's profile imported, enrolment exported),
profile_hq.png (two registrations, one revoked) and outbox_dialog.png (two packages, the
first acknowledged) into OUTDIR. Real data directories, keys and packages, all in a scratch
folder, settings included.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

WORK = Path(tempfile.mkdtemp(prefix="coordina-sync-shots-"))
os.environ["XDG_CONFIG_HOME"] = str(WORK / "config")  # before Qt reads it: keep real settings apart

from PySide6.QtWidgets import QApplication  # noqa: E402

from app.services.files.demo import build_demo  # noqa: E402
from app.services.summary import identity as identities  # noqa: E402
from app.services.sync import sync_ack, sync_enrol, sync_export, sync_import, sync_profile  # noqa: E402
from app.services.workspace import catalog, open_workspace  # noqa: E402
from app.storage import facilities_repo  # noqa: E402
from app.ui.common.tasks import TaskManager  # noqa: E402
from tools.screenshots.screenshots_dialogs import settle, snap  # noqa: E402

PASSPHRASE = b"demo-no-usar"


def prepare() -> tuple[Path, Path, Path]:
    """HQ, Nayarit (demo data, enrolled) and Colima (enrolled, then revoked); returns dirs and the p12."""
    usb = WORK / "USB"
    usb.mkdir()
    hq = open_workspace(WORK / "oficinas-centrales", user="analista")
    nayarit = open_workspace(WORK / "nayarit", user="lucia")
    colima = open_workspace(WORK / "colima", user="rosa")
    try:
        sync_profile.init_profile(hq, "hq")
        sync_profile.export_hq_profile(hq, usb / "perfil-oficinas-centrales.json")
        build_demo(nayarit, "18")
        with hq.db.atomic():
            facilities_repo.upsert_facilities(
                hq.conn, facilities_repo.list_facilities(nayarit.conn, "18"), "2023-01-01T00:00:00+00:00"
            )
        p12 = WORK / "Documentos" / "firma-Lucia_Avila_Nunez-Nayarit.p12"
        for ws, state, name, key in (
            (nayarit, "18", "Lucía Ávila Núñez", p12),
            (colima, "06", "Rosa María Peña Ibáñez", WORK / "Documentos" / "rosa.p12"),
        ):
            sync_profile.init_profile(ws, "state", state, name=name, position="Coordinadora estatal")
            sync_profile.import_hq_profile(ws, usb / "perfil-oficinas-centrales.json", confirmed=True)
            identities.create_identity_file(ws, name, "Coordinadora estatal", state, key, PASSPHRASE)
            enrol = usb / f"registro-{state}.json"
            sync_enrol.export_enrolment(ws, enrol)
            sync_enrol.import_enrolment(hq, enrol, confirmed=True)
        colima_fp = sync_enrol.registrations(hq, "06")[0].fingerprint
        sync_enrol.revoke(hq, colima_fp, "Cambio de coordinadora")
        # Nayarit's first package, received and acknowledged by HQ.
        identity = identities.load_identity(p12=p12, passphrase=PASSPHRASE)
        first = sync_export.export_package(nayarit, usb, identity)
        sync_import.import_packages(hq, [first.path])
        ack = sync_ack.make_ack(hq, "18", usb)
        sync_import.import_packages(nayarit, [ack])
    finally:
        for ws in (hq, nayarit, colima):
            ws.close()
    return WORK / "oficinas-centrales", WORK / "nayarit", p12


def main(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    hq_dir, state_dir, p12 = prepare()
    cat = catalog()

    from app.ui.sync.outbox_dialog import OutboxDialog
    from app.ui.sync.profile_dialog import ProfileDialog

    state_tasks = TaskManager(state_dir, "es")
    profile = ProfileDialog(state_tasks, cat, "es", "18")
    profile.show()
    settle(app, lambda: profile.data is not None)
    profile.export_enrolment_to(WORK / "USB" / "registro-Lucia_Avila_Nunez-Nayarit.json")
    settle(app, lambda: profile.state_page.enrolment_fingerprint() != "")
    snap(app, profile, out_dir / "profile_state.png")

    outbox = OutboxDialog(state_tasks, cat, "es")
    outbox.show()
    settle(app, lambda: outbox.data is not None)
    outbox.set_folder(WORK / "USB")
    outbox.signing.use_p12(p12)
    outbox.full_box.setChecked(True)
    outbox.passphrase_provider = lambda _parent, _prompt: PASSPHRASE
    outbox.send()
    settle(app, lambda: outbox.model.rowCount() == 2 and not outbox._busy)
    snap(app, outbox, out_dir / "outbox_dialog.png")

    hq_tasks = TaskManager(hq_dir, "es")
    hq = ProfileDialog(hq_tasks, cat, "es", None)
    hq.show()
    settle(app, lambda: hq.data is not None)
    hq.hq_page.select(1)
    snap(app, hq, out_dir / "profile_hq.png")

    state_tasks.shutdown()
    hq_tasks.shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots"))
