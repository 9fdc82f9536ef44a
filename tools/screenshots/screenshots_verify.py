"""Screenshots of the verify dialog on an attacked demo summary (not a test; issue 10).

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python -m tools.screenshots.screenshots_verify OUTDIR [W H]

Builds Nayarit's demo data, exports its signed summary with a real identity, then applies
the issue's attack (an edit, then a second signature by a forged same-name certificate) and
opens it in the real dialog: every signature, its reasons and the demo notice. With W H the
dialog is sized to fit a screen of that size (1366×768, 1024×768).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

WORK = Path(tempfile.mkdtemp(prefix="coordina-verify-shots-"))
os.environ["XDG_CONFIG_HOME"] = str(WORK / "config")  # before Qt reads it: keep real settings apart

from PySide6.QtWidgets import QApplication  # noqa: E402

from app.services.files.demo import build_demo  # noqa: E402
from app.services.summary import identity as identities  # noqa: E402
from app.services.summary import report_pdf  # noqa: E402
from app.services.workspace import open_workspace  # noqa: E402
from app.ui.common.tasks import TaskManager  # noqa: E402
from tests.reports import attacks  # noqa: E402
from tools.screenshots.screenshots_dialogs import settle, snap  # noqa: E402


def main(out_dir: Path, width: int = 1366, height: int = 768) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    data_dir = WORK / "data"
    p12 = WORK / "lucia.p12"
    ws = open_workspace(data_dir, user="demo")
    try:
        build_demo(ws, "18")
        ident = identities.create_identity_file(
            ws, "Lucía Ávila Núñez", "Coordinadora estatal", "18", p12, b"demo-no-usar"
        )
        result = report_pdf.export_state_pdf(ws, "18", "202302", WORK / "avances.pdf", report_pdf.PdfOptions(), ident)
    finally:
        ws.close()
    forged, _ = attacks.edit_then_forged_signature(result.path.read_bytes(), ident)
    attacked = WORK / "18-Nayarit-202302-firmado.pdf"
    attacked.write_bytes(forged)

    from app.ui.summary.verify_dialog import VerifyDialog

    tasks = TaskManager(data_dir, "es")
    dialog = VerifyDialog(tasks, "es")
    dialog.resize(min(dialog.width(), width - 40), min(dialog.height(), height - 60))
    dialog.show()
    dialog.open_path(attacked)
    settle(app, lambda: dialog.result is not None)
    snap(app, dialog, out_dir / ("verify_dialog.png" if width == 1366 else f"verify_dialog_{width}.png"))
    tasks.shutdown()


if __name__ == "__main__":
    size = [int(v) for v in sys.argv[2:4]] if len(sys.argv) > 3 else [1366, 768]
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"), *size)
