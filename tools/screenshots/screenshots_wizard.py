"""Screenshots of every first-run wizard step (issue 12), Spanish and English, at the screen's size.

Run under xvfb, once per screen size:
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python -m tools.screenshots.screenshots_wizard
    xvfb-run -a -s "-screen 0 1024x768x24" .venv/bin/python -m tools.screenshots.screenshots_wizard
Writes docs/screenshots/wizard/<lang>_<width>_<n>_<step>.png.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.services.sync import sync_profile
from app.services.workspace import open_workspace
from app.ui.app import create_main_window, install_translators
from app.ui.shell.first_run_wizard import FirstRunWizard

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "wizard"


def settle(app: QApplication, until=lambda: True, timeout: float = 20.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        app.processEvents()
        if until():
            break
        time.sleep(0.02)
    for _ in range(20):
        app.processEvents()
        time.sleep(0.01)


def wizard_on(app, data_dir: Path, lang: str) -> tuple:
    window = create_main_window(data_dir, lang)
    window.show()
    settle(app, lambda: window.overview is not None)
    for old in window.findChildren(FirstRunWizard):
        old.close()
    wizard = window.file_actions.first_run_wizard()
    settle(app, lambda: wizard.state is not None)
    return window, wizard


def shoot(app, wizard, lang: str, width: int, number: int, step: str) -> None:
    wizard.go_to(step)
    settle(app)
    settle(app, lambda: False, 0.6)  # the embedded profile dialog reads its page
    wizard.grab().save(str(OUT / f"{lang}_{width}_{number}_{step}.png"))


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    width = app.primaryScreen().geometry().width()
    OUT.mkdir(parents=True, exist_ok=True)
    lang = sys.argv[1] if len(sys.argv) > 1 else "es"
    translators = install_translators(app, lang)
    with tempfile.TemporaryDirectory() as tmp:
        state_dir, hq_dir = Path(tmp) / "estado", Path(tmp) / "hq"
        state_dir.mkdir()
        hq_dir.mkdir()
        window, wizard = wizard_on(app, state_dir, lang)
        shoot(app, wizard, lang, width, 1, "role")
        shoot(app, wizard, lang, width, 2, "identity")
        shoot(app, wizard, lang, width, 4, "facilities")
        wizard.close()
        window.shutdown()
        window.close()
        ws = open_workspace(state_dir, user="ana")
        sync_profile.init_profile(ws, "state", "18", "Lucía Ávila Ramos", "Coordinadora estatal")
        ws.close()
        window, wizard = wizard_on(app, state_dir, lang)
        shoot(app, wizard, lang, width, 3, "hq_profile")
        wizard.close()
        window.shutdown()
        window.close()

        ws = open_workspace(hq_dir, user="hq")
        try:
            sync_profile.init_profile(ws, "hq")
        except TypeError:  # issue 11: HQ keys under a passphrase
            sync_profile.init_profile(ws, "hq", passphrase=b"frase de paso larga")
        ws.close()
        window, wizard = wizard_on(app, hq_dir, lang)
        wizard.go_to("role")
        settle(app)
        wizard.grab().save(str(OUT / f"{lang}_{width}_1_role_hq.png"))
        shoot(app, wizard, lang, width, 2, "export_profile")
        wizard.close()
        window.shutdown()
        window.close()
    del translators
    return 0


if __name__ == "__main__":
    sys.exit(main())
