"""packaging/slim.py: what the bundle leaves out, on real bundle paths and real ELF files."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from .helpers import REPO, dynload, load, qt_lib_dir

slim = load("slim")


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
        "PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-x11-integration.so",
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "PySide6/Qt/lib/libQt6VirtualKeyboard.so.6",
        "PySide6/Qt/lib/libQt6Qml.so.6",
        "PySide6/Qt/lib/libQt6QuickWidgets.so.6",
        "PySide6/Qt/lib/libQt6WaylandClient.so.6",
        "PySide6/Qt/translations/qt_es.qm",
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/Qt/translations/qtmultimedia_es.qm",
        "PySide6\\translations\\qtbase_fr.qm",  # Windows TOC entries use backslashes
        "PySide6\\Qt6Quick.dll",
        "PySide6\\plugins\\platforminputcontexts\\qtvirtualkeyboardplugin.dll",  # Windows layout
        "PySide6\\plugins\\imageformats\\qtiff.dll",
        "resources/i18n/coordina_en.ts",
        "libstdc++.so.6",
        "libexpat.so.1",
    ],
)
def test_left_out(dest: str) -> None:
    assert slim.dropped(dest)


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platforms/libqminimal.so",
        "PySide6\\plugins\\platforms\\qwindows.dll",
        "PySide6\\plugins\\imageformats\\qjpeg.dll",
        "PySide6\\plugins\\styles\\qmodernwindowsstyle.dll",
        "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/translations/qtbase_es.qm",
        "PySide6/Qt/translations/qtbase_en.qm",
        "PySide6\\translations\\qtbase_es.qm",
        "PySide6/Qt/lib/libQt6Charts.so.6",
        "PySide6/Qt/lib/libQt6Pdf.so.6",
        "PySide6/Qt/lib/libQt6Network.so.6",  # QtPdf needs it
        "resources/i18n/coordina_en.qm",
        "resources/fonts/DejaVuSans.ttf",
        "libpython3.11.so.1.0",
        "numpy.libs/libscipy_openblas64_-32a4b2a6.so",
        "pandas/_libs/lib.cpython-311-x86_64-linux-gnu.so",
        # a library of the same name inside a wheel's folder is the wheel's, not the host's
        "pillow.libs/libstdc++.so.6",
    ],
)
def test_kept(dest: str) -> None:
    assert not slim.dropped(dest)


def test_keep_filters_toc_entries() -> None:
    toc = [
        ("PySide6/Qt/translations/qtbase_es.qm", "/x/qtbase_es.qm", "DATA"),
        ("PySide6/Qt/translations/qtbase_ja.qm", "/x/qtbase_ja.qm", "DATA"),
        ("libexpat.so.1", "/usr/lib/libexpat.so.1", "BINARY"),
    ]
    assert slim.keep(toc) == toc[:1]


def test_the_slimmed_qt_modules_are_excluded_but_not_the_ones_coordina_uses() -> None:
    excluded = set(slim.MODULE_EXCLUDES)
    assert {"PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtOpenGL", "PySide6.QtWebEngineCore"} <= excluded
    used = {
        "PySide6.QtCore",
        "PySide6.QtGui",
        "PySide6.QtWidgets",
        "PySide6.QtCharts",
        "PySide6.QtPdf",
        "PySide6.QtPdfWidgets",
        "pandas",
        "openpyxl",
        "lxml.etree",
        "aiohttp",
    }
    assert not used & excluded


def test_app_modules_lists_the_lazily_imported_services() -> None:
    """app/services/system/lazy.py hides these imports from PyInstaller; without them `self-test` failed
    in the first bundle with "No module named 'app.services.system.elf_glibc'"."""
    modules = slim.app_modules(REPO)
    assert "app" in modules and "app.cli.main" in modules
    for lazy in (
        "app.services.system.elf_glibc",
        "app.services.system.self_test",
        "app.services.files.demo",
        "app.services.sync.sync_import",
        "app.reports.signing.identity",
    ):
        assert lazy in modules
    assert not [m for m in modules if "__init__" in m or "__pycache__" in m]


# --- real ELF files --------------------------------------------------------------------------


def test_elf_needed_reads_a_real_qt_library() -> None:
    core = qt_lib_dir() / "libQt6Core.so.6"
    needed = slim.elf_needed(core)
    assert needed is not None
    assert "libicui18n.so.73" in needed or any(n.startswith("libicui18n") for n in needed)
    assert "libc.so.6" in needed


@pytest.mark.skipif(shutil.which("readelf") is None, reason="binutils' readelf not installed")
def test_elf_needed_agrees_with_readelf() -> None:
    for path in (qt_lib_dir() / "libQt6Pdf.so.6", dynload("_sqlite3"), dynload("_decimal")):
        out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True, check=True).stdout
        expected = [line.split("[", 1)[1].split("]", 1)[0] for line in out.splitlines() if "(NEEDED)" in line]
        assert slim.elf_needed(path) == expected


def test_elf_needed_is_none_for_a_file_that_is_not_elf(tmp_path: Path) -> None:
    text = tmp_path / "qtbase_es.qm"
    text.write_bytes(b"<\xb8\x64\x18" + b"\0" * 64)
    assert slim.elf_needed(text) is None


def test_orphans_are_the_libraries_only_dropped_plugins_needed() -> None:
    """A real chain: QtCore -> ICU i18n -> ICU uc -> ICU data stays; a top-level library that
    no kept binary needs (here libQt6Pdf, as cairo was for the GTK3 theme) goes."""
    lib = qt_lib_dir()
    icu = {p.name: p for p in lib.glob("libicu*.so.*")}
    pdf = lib / "libQt6Pdf.so.6"
    toc = [("PySide6/Qt/lib/libQt6Core.so.6", str(lib / "libQt6Core.so.6"), "BINARY")]
    toc += [(name, str(path), "BINARY") for name, path in icu.items()]
    toc.append(("libQt6Pdf.so.6", str(pdf), "BINARY"))
    assert slim.orphans(toc) == {"libQt6Pdf.so.6"}
    kept = {dest for dest, _, _ in slim.prune_orphans(toc)}
    assert set(icu) <= kept and "libQt6Pdf.so.6" not in kept


def test_dangling_links_are_removed_and_sound_ones_kept() -> None:
    binaries = [("PySide6/Qt/lib/libQt6Core.so.6", "/src/core", "BINARY")]
    datas = [
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("libQt6Qml.so.6", "PySide6/Qt/lib/libQt6Qml.so.6", "SYMLINK"),
        ("PySide6/Qt/lib/up.so", "../../../libQt6Core.so.6", "SYMLINK"),
        ("resources/fonts/DejaVuSans.ttf", "/src/font", "DATA"),
    ]
    kept = slim.without_dangling_links(datas, binaries)
    assert [d for d, _, _ in kept] == ["libQt6Core.so.6", "resources/fonts/DejaVuSans.ttf"]


@pytest.mark.skipif(shutil.which("strip") is None, reason="binutils' strip not installed")
def test_strip_python_strips_a_copy_of_the_interpreters_own_modules(tmp_path: Path) -> None:
    module = dynload("_decimal")
    dest = f"python3.11/lib-dynload/{module.name}"
    toc = [
        (dest, str(module), "EXTENSION"),
        ("libQt6Core.so.6", "PySide6/Qt/lib/x", "SYMLINK"),
        ("numpy/_core/x.so", "/wheel/x.so", "EXTENSION"),
    ]
    out = slim.strip_python(toc, str(tmp_path))
    copy = Path(out[0][1])
    assert copy.parent.is_relative_to(tmp_path) and copy.stat().st_size <= module.stat().st_size
    assert slim.elf_needed(copy) == slim.elf_needed(module)  # still loadable the same way
    assert out[1:] == toc[1:]  # links and wheels' binaries untouched
    assert module.stat().st_size == Path(toc[0][1]).stat().st_size  # the original untouched
