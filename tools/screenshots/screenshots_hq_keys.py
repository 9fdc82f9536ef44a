"""Screenshots of the dialogs issue 11 changed (not a test).

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python -m tools.screenshots.screenshots_hq_keys OUTDIR

Writes profile_state.png, profile_hq.png and outbox_dialog.png (through
:mod:`tools.screenshots.screenshots_sync_state`), then profile_hq_passphrase.png (HQ's keys' new
passphrase), profile_hq_confirm.png (a state confirming HQ's profile by its fingerprint),
profile_enrol_confirm.png (HQ confirming an enrolment: certificate and state) and
identity_dialog.png. Every window is fitted to the screen, as a window manager would.
"""

from __future__ import annotations  # noqa: I001 - screenshots_sync_state first: it isolates the settings

import sys
from pathlib import Path

from tools.screenshots import screenshots_sync_state as base  # sets XDG_CONFIG_HOME before Qt starts

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from app.services.sync import sync_profile  # noqa: E402
from app.services.workspace import catalog, open_workspace  # noqa: E402
from app.ui.common.tasks import TaskManager  # noqa: E402
from tools.screenshots.screenshots_dialogs import settle, snap  # noqa: E402


def fit(app: QApplication, widget: QWidget) -> QWidget:
    """Shrink ``widget`` to the screen's available area (xvfb has no window manager to do it)."""
    area = app.primaryScreen().availableGeometry()
    widget.show()
    settle(app)
    if widget.width() > area.width() or widget.height() > area.height():
        widget.resize(min(widget.width(), area.width()), min(widget.height(), area.height()))
    return widget


def main(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    base.main(out_dir)
    work = base.WORK
    cat = catalog()

    from app.ui.summary.identity_dialog import IdentityDialog
    from app.ui.sync.fingerprint_dialogs import EnrolmentConfirm
    from app.ui.sync.hq_profile_confirm import HqProfileConfirm, HqProfileInfo
    from app.ui.sync.hq_unlock import HqPassphraseDialog
    from app.ui.sync.profile_dialog import _enrolment_info

    new = HqPassphraseDialog(True)
    new.field.setText("una frase larga")
    new.again.setText("una frase larg")
    snap(app, fit(app, new), out_dir / "profile_hq_passphrase.png")

    hq = open_workspace(work / "oficinas-centrales")
    try:
        found = sync_profile.read_hq_profile(work / "USB" / "perfil-oficinas-centrales.json")
        enrol = _enrolment_info(hq, work / "USB" / "registro-18.json")
    finally:
        hq.close()
    confirm = HqProfileConfirm(HqProfileInfo(found.keys.name, found.readable, False, ""))
    snap(app, fit(app, confirm), out_dir / "profile_hq_confirm.png")
    snap(app, fit(app, EnrolmentConfirm(enrol)), out_dir / "profile_enrol_confirm.png")

    tasks = TaskManager(work / "nayarit", "es")
    identity = IdentityDialog(tasks, cat, "es", "18")
    fit(app, identity)
    identity.name.setText("María Guadalupe Peña Ibáñez")
    identity.position.setText("Coordinadora estatal de Nayarit")
    identity.set_output_path(work / "Documentos" / "firma-Maria_Guadalupe_Pena_Ibanez-Nayarit.p12")
    identity.passphrase.setText("una contraseña")
    identity.confirmation.setText("una contraseña")
    identity.create()
    settle(app, lambda: identity.created_path is not None)
    snap(app, identity, out_dir / "identity_dialog.png")
    tasks.shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots"))
