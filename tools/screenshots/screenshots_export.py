"""Screenshots of the PDF export, batch export, verify and identity dialogs (not a test).

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python -m tools.screenshots.screenshots_export OUTDIR

Writes export_dialog.png, batch_export.png, verify_dialog.png (a valid signed PDF) and
identity_dialog.png into OUTDIR, from the real dialogs on the Nayarit and Colima demo data,
with a real identity made here. Settings go to a scratch folder, never the user's own.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

WORK = Path(tempfile.mkdtemp(prefix="coordina-export-shots-"))
os.environ["XDG_CONFIG_HOME"] = str(WORK / "config")  # before Qt reads it: keep real settings apart

from PySide6.QtWidgets import QApplication  # noqa: E402

from app.services.files.demo import build_demo  # noqa: E402
from app.services.summary import identity as identities  # noqa: E402
from app.services.workspace import catalog, open_workspace  # noqa: E402
from app.ui.common.tasks import TaskManager  # noqa: E402
from tools.screenshots.screenshots_dialogs import settle, snap  # noqa: E402

STATE = "18"
PERIOD = "202302"
PASSPHRASE = b"demo-no-usar"


def main(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    data_dir = WORK / "data"
    documents = WORK / "Documentos"
    p12 = documents / "firma-Lucia_Avila_Nunez-Nayarit.p12"
    ws = open_workspace(data_dir, user="demo")
    try:
        build_demo(ws, STATE)
        build_demo(ws, "06")  # a second state, so the batch export has more than one file
        identities.create_identity_file(ws, "Lucía Ávila Núñez", "Coordinadora estatal", STATE, p12, PASSPHRASE)
    finally:
        ws.close()
    tasks = TaskManager(data_dir, "es")
    cat = catalog()

    from app.ui.summary.export_dialog import ExportDialog

    export = ExportDialog(tasks, cat, "es", STATE, PERIOD)
    export.show()
    settle(app, lambda: not export.preview.image().isNull())
    export.signing.use_p12(p12)
    export.set_output_path(documents / "18-Nayarit-202302-firmado.pdf")
    export.passphrase_provider = lambda _parent, _prompt: PASSPHRASE
    export.export()
    settle(app, lambda: export.last_export is not None)
    snap(app, export, out_dir / "export_dialog.png")
    signed = export.last_export.result.path

    from app.ui.summary.batch_export_dialog import BatchExportDialog

    batch = BatchExportDialog(tasks, cat, "es", PERIOD)
    batch.folder.setText(str(documents / f"Resumenes-{PERIOD}"))
    batch.signing.use_p12(p12)
    batch.passphrase_provider = lambda _parent, _prompt: PASSPHRASE
    batch.show()
    batch.start()
    settle(app, lambda: batch.outcome is not None)
    snap(app, batch, out_dir / "batch_export.png")

    from app.ui.summary.verify_dialog import VerifyDialog

    verify = VerifyDialog(tasks, "es")
    verify.show()
    verify.open_path(signed)
    settle(app, lambda: verify.result is not None)
    snap(app, verify, out_dir / "verify_dialog.png")

    from app.ui.summary.identity_dialog import IdentityDialog

    identity = IdentityDialog(tasks, cat, "es", STATE)
    identity.show()
    identity.name.setText("María Guadalupe Peña Ibáñez")
    identity.position.setText("Coordinadora estatal de Nayarit")
    identity.set_output_path(documents / "firma-Maria_Guadalupe_Pena_Ibanez-Nayarit.p12")
    identity.passphrase.setText("una contraseña")
    identity.confirmation.setText("una contraseña")
    identity.create()
    settle(app, lambda: identity.created_path is not None)
    snap(app, identity, out_dir / "identity_dialog.png")

    tasks.shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots"))
