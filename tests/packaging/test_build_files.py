"""The build's inputs that need no build: the lock, the Windows installer script and version
resource, the icon, the Linux menu entry, the Makefile and CI wiring."""

from __future__ import annotations

import configparser
import re
import shutil
import struct
import subprocess
import tomllib

import pytest
from packaging.requirements import Requirement
from PIL import Image

import app

from .helpers import PACKAGING, REPO, load

win_version = load("win_version")
LOCK = PACKAGING / "requirements-package.txt"
ICONS = REPO / "resources" / "icons"


def locked() -> dict[str, tuple[str, int]]:
    """name -> (version, number of hashes) of every requirement in the lock."""
    pins: dict[str, tuple[str, int]] = {}
    name = None
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9_.\-]+)==([^\s;\\]+)", line)
        if match:
            name = match.group(1).lower().replace("_", "-")
            pins[name] = (match.group(2), pins.get(name, ("", 0))[1])
        elif name and line.strip().startswith("--hash=sha256:"):
            version, count = pins[name]
            pins[name] = (version, count + 1)
    return pins


def test_every_dependency_and_pyinstaller_are_locked_with_hashes() -> None:
    """A dependency added to pyproject.toml without `uv pip compile` (packaging/
    requirements-package.txt's header) would be missing from the bundle."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = locked()
    wanted = project["dependencies"] + project["optional-dependencies"]["package"]
    for spec in wanted:
        req = Requirement(spec)
        key = req.name.lower().replace("_", "-")
        assert key in pins, f"{req.name} is not in {LOCK.name}"
        version, hashes = pins[key]
        assert req.specifier.contains(version, prereleases=True), f"{req.name}=={version} vs {spec}"
        assert hashes >= 1, f"{req.name} has no hash"
    assert all(count >= 1 for _, count in pins.values())


def test_pyinstaller_is_pinned_exactly() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    (spec,) = [s for s in project["optional-dependencies"]["package"] if s.startswith("pyinstaller")]
    assert "==" in spec and locked()["pyinstaller"][0] == spec.split("==")[1]


def test_build_uses_the_lock_with_hashes_in_its_own_venv() -> None:
    build = (PACKAGING / "build.sh").read_text(encoding="utf-8")
    assert "--require-hashes" in build and "--no-deps" in build
    assert "build/package-venv" in build and ".venv/bin" not in build
    assert "pyside6-lrelease" in build  # translations first
    assert "app/__init__.py" in build  # the version
    assert ".sha256" in build and "tar " in build and " -h" not in build  # links kept


def test_shell_scripts_parse() -> None:
    for script in ("build.sh", "check_package.sh", "check_system.sh", "linux/install.sh"):
        subprocess.run(["bash", "-n", str(PACKAGING / script)], check=True)


def test_ci_runs_the_package_check_after_the_tests() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.index("make test") < ci.index("make package-check")
    assert "binutils" in ci
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^package:", makefile, re.M) and re.search(r"^package-check: package", makefile, re.M)
    check = (PACKAGING / "check_package.sh").read_text(encoding="utf-8")
    assert "env -i" in check and "self-test" in check and "check_bundle.py" in check


# --- Windows --------------------------------------------------------------------------------


def test_inno_setup_installs_per_user_with_a_start_menu_entry_and_no_data_in_the_app_folder() -> None:
    iss = (PACKAGING / "windows" / "coordina.iss").read_text(encoding="utf-8")
    settings = dict(re.findall(r"^(\w+)=(.*)$", iss, re.M))
    assert settings["PrivilegesRequired"] == "lowest"
    assert settings["DefaultDirName"].startswith("{autopf}")  # %LOCALAPPDATA%\Programs per user
    assert re.search(r'^Name: "\{autoprograms\}\\\{#AppName\}"; Filename: "\{app\}\\\{#AppExe\}"', iss, re.M)
    assert (PACKAGING / "windows" / settings["SetupIconFile"].replace("\\", "/")).resolve() == ICONS / "coordina.ico"
    assert "AppVersion={#AppVersion}" in iss and "#error" in iss  # the version must be passed
    # the data directory (%LOCALAPPDATA%\Coordina) is never written or removed by the installer
    assert "{localappdata}" not in iss.split("[Setup]")[1]
    assert not re.search(r"^\[UninstallDelete\]", iss, re.M)
    assert 'Source: "{#BundleDir}\\*"' in iss


def test_windows_version_resource_comes_from_app_version() -> None:
    assert win_version.read_version(REPO / "app" / "__init__.py") == app.__version__
    assert win_version.version_tuple("0.1.0") == (0, 1, 0, 0)
    assert win_version.version_tuple("1.2.3rc1") == (1, 2, 3, 0)
    assert win_version.version_tuple("2.10") == (2, 10, 0, 0)
    with pytest.raises(ValueError):
        win_version.version_tuple("dev")


def test_windows_version_resource_evaluates_as_pyinstaller_reads_it() -> None:
    """PyInstaller evaluates the file as a Python expression over its version classes; stand-ins
    record what it would build."""

    def record(kind):
        return lambda *args, **kwargs: (kind, args, kwargs)

    names = (
        "VSVersionInfo",
        "FixedFileInfo",
        "StringFileInfo",
        "StringTable",
        "StringStruct",
        "VarFileInfo",
        "VarStruct",
    )
    info = eval(win_version.render("3.4.5", "coordina-cli"), {n: record(n) for n in names})  # noqa: S307
    assert info[0] == "VSVersionInfo"
    ffi = info[2]["ffi"]
    assert ffi[2]["filevers"] == (3, 4, 5, 0) and ffi[2]["prodvers"] == (3, 4, 5, 0)
    table = info[2]["kids"][0][1][0][0]
    strings = dict(s[1] for s in table[1][1])
    assert strings["ProductVersion"] == "3.4.5" and strings["ProductName"] == "Coordina"
    assert strings["OriginalFilename"] == "coordina-cli.exe"


def test_the_spec_wires_icon_version_and_two_executables() -> None:
    spec = (PACKAGING / "coordina.spec").read_text(encoding="utf-8")
    assert '"coordina.ico"' in spec and "version=version_file(name)" in spec
    assert "console=False" in spec and "console=True" in spec
    assert "win_version.render(VERSION, name)" in spec and "hiddenimports=slim.app_modules(REPO)" in spec


# --- icons and the Linux menu entry -----------------------------------------------------------


def test_png_icons_have_their_sizes() -> None:
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        with Image.open(ICONS / f"coordina-{size}.png") as image:
            assert image.size == (size, size) and image.mode == "RGBA"


def test_ico_holds_every_windows_size() -> None:
    data = (ICONS / "coordina.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind) == (0, 1)
    sizes = {(data[6 + 16 * i] or 256) for i in range(count)}  # 0 means 256 in an ICO entry
    assert {16, 24, 32, 48, 64, 128, 256} <= sizes


def test_svg_is_the_source() -> None:
    svg = (ICONS / "coordina.svg").read_text(encoding="utf-8")
    assert 'viewBox="0 0 256 256"' in svg and "<title>Coordina</title>" in svg


def test_desktop_entry_fields() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(PACKAGING / "linux" / "coordina.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application" and section["Exec"].startswith("coordina")
    assert section["Icon"] == "coordina" and section["Terminal"] == "false"
    assert section["Comment[es]"] and section["GenericName[es]"]


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None, reason="desktop-file-validate (desktop-file-utils) not installed"
)
def test_desktop_entry_validates() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(PACKAGING / "linux" / "coordina.desktop")], capture_output=True, text=True
    )
    assert result.returncode == 0 and result.stdout == "", result.stdout + result.stderr
