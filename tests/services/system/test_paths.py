"""Where data, settings and resources are, per OS and frozen (issue 13 item 7).

The Windows and macOS branches run here by faking the platform: ``sys.platform`` as
app.services.system.app_paths reads it, and for Windows platformdirs' own environment-variable
strategy (the one it uses on a Windows without ctypes) in place of the shell API.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path, PureWindowsPath

import platformdirs.windows
import pytest

from app.services.system import app_paths
from app.services.workspace import default_data_dir, resolve_data_dir

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def windows(monkeypatch, tmp_path):
    """This process looks like Windows to app_paths, with %LOCALAPPDATA% in tmp_path."""
    local = tmp_path / "Users" / "ana" / "AppData" / "Local"
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(platformdirs.windows, "_RESOLVE_WIN_FOLDER", platformdirs.windows.get_win_folder_from_env_vars)
    monkeypatch.setenv("LOCALAPPDATA", str(local))
    monkeypatch.setenv("APPDATA", str(tmp_path / "Users" / "ana" / "AppData" / "Roaming"))
    return local


def test_windows_data_and_settings_are_in_localappdata_never_the_install_folder(windows):
    assert default_data_dir() == windows / "Coordina"
    assert resolve_data_dir() == windows / "Coordina"
    assert app_paths.settings_file() == windows / "Coordina" / "Coordina.ini"
    assert app_paths.log_dir(default_data_dir()) == windows / "Coordina" / "logs"
    install = Path(sys.executable).resolve().parent
    assert not default_data_dir().is_relative_to(install)


def test_windows_path_reads_as_a_windows_path(windows, monkeypatch):
    monkeypatch.setenv("LOCALAPPDATA", r"C:\Users\ana\AppData\Local")
    assert PureWindowsPath(str(default_data_dir())) == PureWindowsPath(r"C:\Users\ana\AppData\Local\Coordina")
    assert PureWindowsPath(str(app_paths.settings_file())) == PureWindowsPath(
        r"C:\Users\ana\AppData\Local\Coordina\Coordina.ini"
    )


def test_macos_uses_application_support(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setenv("HOME", str(tmp_path))
    # (platformdirs honours XDG_* on macOS when a person sets them; a Mac has none by default)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    support = tmp_path / "Library" / "Application Support" / "Coordina"
    assert default_data_dir() == support
    assert app_paths.settings_file() == support / "Coordina.ini"


def test_linux_keeps_the_folders_coordina_used_before(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    # The same folder as before issue 13 (so nobody's data moves): capital C, as then.
    assert default_data_dir() == tmp_path / "data" / "Coordina"
    assert app_paths.settings_file() == tmp_path / "config" / "Coordina" / "Coordina.ini"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_data_dir() == tmp_path / "home" / ".local" / "share" / "Coordina"


def test_linux_settings_file_is_the_one_qt_chose_before(tmp_path):
    """QSettings(IniFormat, UserScope, "Coordina", "Coordina") — the old call — names the
    same file (in a fresh process: Qt reads XDG_CONFIG_HOME once)."""
    code = (
        "from PySide6.QtCore import QSettings, QCoreApplication; a = QCoreApplication([]); "
        "print(QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, 'Coordina', "
        "'Coordina').fileName())"
    )
    env = {"XDG_CONFIG_HOME": str(tmp_path / "config"), "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    old = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert Path(old) == tmp_path / "config" / "Coordina" / "Coordina.ini"


def test_the_gui_settings_are_written_where_app_paths_says(qapp, monkeypatch, tmp_path):
    from app.ui.common import settings

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    settings.save_language("en")
    settings.app_settings().sync()
    written = tmp_path / "config" / "Coordina" / "Coordina.ini"
    assert "lang=en" in written.read_text(encoding="utf-8")
    assert settings.saved_language() == "en"


def test_a_settings_override_keeps_the_persons_file_untouched(qapp, monkeypatch, tmp_path):
    from app.ui.common import settings

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    with app_paths.settings_override(tmp_path / "selftest" / "Coordina.ini"):
        settings.save_language("en")
        settings.app_settings().sync()
    assert (tmp_path / "selftest" / "Coordina.ini").is_file()
    assert not (tmp_path / "config").exists()


FROZEN_PROBE = r"""
import json, sys
sys.frozen = True
sys._MEIPASS = sys.argv[1]
sys.path.insert(0, sys.argv[2])
import app
from app.services import workspace; from app.services.files import demo
from app.reports.pdf import pdf_fonts
from app.ui.shell import help_window
cat = workspace.catalog()
pdf_fonts.register_fonts()
print(json.dumps({
    "app": app.__file__, "resources": str(app.RESOURCES_DIR),
    "catalog": str(workspace.BUNDLED_CATALOG_DIR), "fonts": str(pdf_fonts.FONTS_DIR),
    "help": str(help_window.HELP_DIR), "demo": str(demo.DEMO_DIR),
    "states": len(cat.states), "seed_rows": len(demo._seed_rows()),
    "help_exists": (help_window.HELP_DIR / "es" / "index.html").is_file(),
}))
"""


def test_frozen_resources_come_from_meipass_not_from_beside_the_code(tmp_path):
    """A bundle layout where the code's own folder has no ``resources`` beside it: the
    catalog, demo seeds, fonts and help load from ``sys._MEIPASS/resources`` only."""
    bundle, code = tmp_path / "bundle", tmp_path / "code"
    shutil.copytree(ROOT / "resources", bundle / "resources", ignore=shutil.ignore_patterns("*.ts", "icons"))
    shutil.copytree(ROOT / "app", code / "app", ignore=shutil.ignore_patterns("__pycache__"))
    assert not (code / "resources").exists()
    done = subprocess.run(
        [sys.executable, "-c", FROZEN_PROBE, str(bundle), str(code)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert Path(found["app"]).is_relative_to(code)  # the copied code, not the checkout's
    resources = bundle / "resources"
    assert Path(found["resources"]) == resources
    assert Path(found["catalog"]) == resources / "catalog"
    assert Path(found["fonts"]) == resources / "fonts"
    assert Path(found["help"]) == resources / "help"
    assert Path(found["demo"]) == resources / "demo"
    assert found["states"] == 32 and found["seed_rows"] > 0 and found["help_exists"]
