"""Starting the GUI without a display says so and stops (issue 12).

Qt used to die with "xcb-cursor0 is needed", which sends users to install a library they
already have. ``main.py`` now checks for a display before it imports Qt.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app.cli.display import display_missing
from app.cli.main import main

ROOT = Path(__file__).resolve().parents[2]


def _no_display_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}


def test_gui_without_display_stops_with_a_plain_message(tmp_path: Path) -> None:
    for lang, expected in (("es", "No hay pantalla"), ("en", "No display")):
        done = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "--lang", lang, "--data-dir", str(tmp_path)],
            env=_no_display_env(),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 1
        assert expected in done.stderr and "xvfb-run" in done.stderr
        assert "xcb" not in done.stderr and "Traceback" not in done.stderr


def test_commands_need_no_display(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "facilities", "list", "--data-dir", str(tmp_path)],
        env=_no_display_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


def test_display_detection() -> None:
    assert display_missing({}, "linux")
    assert not display_missing({"DISPLAY": ":0"}, "linux")
    assert not display_missing({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert not display_missing({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert display_missing({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert not display_missing({}, "win32")
    assert not display_missing({}, "darwin")


def test_gui_launcher_not_called_without_display(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    called = []
    import io

    err = io.StringIO()
    assert main(["--data-dir", str(tmp_path)], gui=lambda *a: called.append(a) or 0, err=err) == 1
    assert called == [] and "No hay pantalla" in err.getvalue()
