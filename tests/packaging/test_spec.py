"""packaging/coordina.spec evaluated with stand-ins for PyInstaller's build classes, as
Linux and as Windows: the Windows branch cannot be built here, but its wiring can be read."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from .helpers import PACKAGING, REPO


class Recorder:
    """A PyInstaller build class that remembers how it was called."""

    made: list[Recorder] = []

    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs
        self.kind = type(self).__name__
        # what the spec filters (Analysis results), empty here
        self.binaries: list = []
        self.datas: list = []
        self.pure: list = []
        self.zipped_data: list = []
        self.scripts: list = []
        Recorder.made.append(self)


def run_spec(tmp_path: Path, platform: str, monkeypatch: pytest.MonkeyPatch) -> list[Recorder]:
    Recorder.made = []
    classes = {name: type(name, (Recorder,), {}) for name in ("Analysis", "PYZ", "EXE", "COLLECT")}
    dist = tmp_path / "dist"
    (dist / "coordina").mkdir(parents=True)
    namespace = {
        "SPECPATH": str(PACKAGING),
        "workpath": str(tmp_path / "work"),
        "DISTPATH": str(dist),
        "__name__": "__main__",
        **classes,
    }
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(sys, "path", list(sys.path))
    for name in ("slim", "win_version"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    code = compile((PACKAGING / "coordina.spec").read_text(encoding="utf-8"), "coordina.spec", "exec")
    exec(code, namespace)  # noqa: S102
    return Recorder.made


def made(recorders: list[Recorder], kind: str) -> list[Recorder]:
    return [r for r in recorders if r.kind == kind]


def test_windows_builds_a_windowed_and_a_console_exe_with_icon_and_version(tmp_path, monkeypatch) -> None:
    recorders = run_spec(tmp_path, "win32", monkeypatch)
    exes = {e.kwargs["name"]: e.kwargs for e in made(recorders, "EXE")}
    assert set(exes) == {"coordina", "coordina-cli"}
    assert exes["coordina"]["console"] is False and exes["coordina-cli"]["console"] is True
    for kwargs in exes.values():
        assert Path(kwargs["icon"]) == REPO / "resources" / "icons" / "coordina.ico"
        assert Path(kwargs["icon"]).is_file()
        text = Path(kwargs["version"]).read_text(encoding="utf-8")
        assert f"OriginalFilename', '{kwargs['name']}.exe'" in text
        import app

        assert f"'ProductVersion', '{app.__version__}'" in text
    (collect,) = made(recorders, "COLLECT")
    assert len([a for a in collect.args if getattr(a, "kind", "") == "EXE"]) == 2
    assert not (tmp_path / "dist" / "coordina" / "coordina-cli").exists()  # no link on Windows


def test_linux_builds_one_program_and_links_the_cli_to_it(tmp_path, monkeypatch) -> None:
    recorders = run_spec(tmp_path, "linux", monkeypatch)
    (exe,) = made(recorders, "EXE")
    assert exe.kwargs["name"] == "coordina" and exe.kwargs["icon"] is None and exe.kwargs["version"] is None
    bundle = tmp_path / "dist" / "coordina"
    assert os.readlink(bundle / "coordina-cli") == "coordina"
    assert (bundle / "coordina.desktop").is_file() and os.access(bundle / "install.sh", os.X_OK)
    (analysis,) = made(recorders, "Analysis")
    assert "app.services.system.elf_glibc" in analysis.kwargs["hiddenimports"]
    assert "PySide6.QtQuick" in analysis.kwargs["excludes"]
