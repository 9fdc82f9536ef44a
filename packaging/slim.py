"""What the Coordina bundle leaves out, as plain functions the spec calls and tests check.

PySide6's wheels carry far more Qt than Coordina uses, and PyInstaller's Qt hooks collect
every plugin a module *might* load. Coordina needs QtWidgets, QtCharts (the dashboard),
QtPdf (the PDF preview) and QtSvg (icons); it draws through the xcb platform (offscreen in
the self-test) and speaks es-MX and English. Every rule below was measured (BENCHMARKS.md,
"Issue 13: the bundle") and the bundle's ``coordina-cli self-test`` passes without it.

Standard library only: this module is imported by the spec (inside PyInstaller) and by
tests/packaging/ (the project's venv, without PyInstaller).
"""

from __future__ import annotations

import fnmatch
import os
import shutil
import struct
import subprocess
from collections.abc import Iterable, Sequence
from pathlib import Path

#: Python modules never imported by the app (PyInstaller would follow optional imports).
MODULE_EXCLUDES = [
    # Qt modules Coordina does not use (QtQml/QtQuick pull the virtual keyboard).
    "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel", "PySide6.QtWebSockets", "PySide6.QtWebView",
    "PySide6.Qt3DCore", "PySide6.Qt3DRender", "PySide6.Qt3DInput", "PySide6.Qt3DLogic",
    "PySide6.Qt3DAnimation", "PySide6.Qt3DExtras", "PySide6.QtQuick3D",
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtQuickControls2",
    "PySide6.QtMultimedia", "PySide6.QtMultimediaWidgets", "PySide6.QtSpatialAudio",
    "PySide6.QtBluetooth", "PySide6.QtNfc", "PySide6.QtPositioning", "PySide6.QtLocation",
    "PySide6.QtSensors", "PySide6.QtSerialPort", "PySide6.QtSerialBus",
    "PySide6.QtRemoteObjects", "PySide6.QtScxml", "PySide6.QtStateMachine",
    "PySide6.QtDataVisualization", "PySide6.QtGraphs", "PySide6.QtDesigner", "PySide6.QtHelp",
    "PySide6.QtUiTools", "PySide6.QtTest", "PySide6.QtVirtualKeyboard",
    # bindings nothing imports (measured: `self-test` loads none of them); the C++ libraries
    # Qt itself needs (libQt6OpenGL for QtCharts, libQt6DBus for xcb) still come as
    # dependencies. QtOpenGL's binding alone is 9 MB.
    "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtNetwork", "PySide6.QtDBus",
    "PySide6.QtSvg", "PySide6.QtSvgWidgets", "PySide6.QtPrintSupport", "PySide6.QtSql",
    "PySide6.QtXml", "PySide6.QtConcurrent", "PySide6.QtHttpServer", "PySide6.QtNetworkAuth",
    # Pillow codecs ReportLab never needs (it embeds PNG and JPEG): AVIF (5 MB of libavif),
    # WebP, colour management (lcms2), Tk. Pillow registers a plugin only if it imports.
    "PIL.AvifImagePlugin", "PIL._avif", "PIL._webp", "PIL._imagingcms", "PIL.ImageCms",
    "PIL._imagingtk", "PIL.ImageTk",
    # aiohttp comes with pyHanko's certificate fetchers; Coordina validates offline
    # (allow_fetching=False), and aiohttp falls back to its pure-Python parsers when the
    # compiled ones (5 MB) are missing.
    "aiohttp._http_parser", "aiohttp._websocket.reader_c",
    # lxml: pyHanko uses lxml.etree only
    "lxml.objectify", "lxml.html", "lxml.isoschematron", "lxml.sax", "lxml.builder",
    "lxml.cssselect", "lxml.usedoctest", "lxml.doctestcompare",
    # build tools and test helpers that PyInstaller's hooks drag in
    "setuptools", "pkg_resources", "distutils", "_distutils_hack", "pydoc_data",
    "numpy._core._multiarray_tests", "numpy.f2py", "numpy.testing", "pandas.tests",
    # development tools that only the tests import
    "tkinter", "pytest", "pytestqt", "hypothesis", "pytest_benchmark", "IPython",
    "matplotlib", "ruff",
]

#: Bundle paths (forward slashes, relative to _internal/) that are dropped. fnmatch patterns;
#: ``*`` also crosses "/" here, which is what the directory rules want.
DROP = [
    # GTK3 platform theme: pulls GTK's whole stack (cairo, pango, gdk-pixbuf, atk) from the
    # build host, which also raises the glibc the bundle needs; Qt's Fusion style is used.
    "PySide6/*plugins/platformthemes/*gtk3*",
    # platforms other than xcb (X11 and XWayland), offscreen and minimal
    "PySide6/*plugins/platforms/*eglfs*", "PySide6/*plugins/platforms/*minimalegl*",
    "PySide6/*plugins/platforms/*vnc*", "PySide6/*plugins/platforms/*wayland*",
    "PySide6/*plugins/platforms/*linuxfb*", "PySide6/*plugins/platforms/*vkkhrdisplay*",
    "PySide6/*plugins/wayland-*", "PySide6/*plugins/egldeviceintegrations/*",
    "PySide6/Qt/lib/libQt6Wayland*", "PySide6/Qt/lib/libQt6WlShellIntegration*",
    "PySide6/Qt/lib/libQt6EglFs*", "PySide6/Qt/lib/libQt6EglFS*",
    # the virtual keyboard and the QML/Quick engine it needs
    "PySide6/*plugins/platforminputcontexts/*virtualkeyboard*",
    "PySide6/Qt/lib/libQt6VirtualKeyboard*", "PySide6/Qt/lib/libQt6Qml*",
    "PySide6/Qt/lib/libQt6Quick*", "PySide6/Qt6VirtualKeyboard*", "PySide6/Qt6Qml*",
    "PySide6/Qt6Quick*", "PySide6/qml/*",
    # image formats a coordinator never opens (PNG is built into QtGui)
    "PySide6/*plugins/imageformats/*tiff*", "PySide6/*plugins/imageformats/*webp*",
    "PySide6/*plugins/imageformats/*icns*", "PySide6/*plugins/imageformats/*tga*",
    "PySide6/*plugins/imageformats/*wbmp*", "PySide6/*plugins/imageformats/*pdf*",
    # TUIO touch over the network (a touch-table protocol)
    "PySide6/*plugins/generic/*tuiotouch*",
    # translators' sources: the bundle needs the built .qm only
    "resources/i18n/*.ts",
]

#: Qt's own translations that stay (app/ui/app.py loads qtbase_<lang>).
QT_TRANSLATIONS_KEPT = ("qtbase_es.qm", "qtbase_en.qm")
QT_TRANSLATIONS_DIRS = ("PySide6/Qt/translations/", "PySide6/translations/")

#: Build-host libraries every supported Linux distribution has, left to the system: the
#: copies from the build host are what raised the bundle's glibc need to 2.36 (libstdc++
#: and libexpat of Debian 12); the bundle's own libraries need at most GLIBCXX_3.4.29.
HOST_LIBS_LEFT_OUT = ("libstdc++.so.6", "libgcc_s.so.1", "libexpat.so.1")


def _posix(name: str) -> str:
    """A bundle path with forward slashes (Windows TOC entries use backslashes)."""
    return name.replace("\\", "/")


def dropped(dest: str) -> bool:
    """Whether the bundle path ``dest`` (relative to _internal/) is left out."""
    name = _posix(dest)
    if any(fnmatch.fnmatchcase(name, pattern) for pattern in DROP):
        return True
    for folder in QT_TRANSLATIONS_DIRS:
        if name.startswith(folder) and name.endswith(".qm"):
            return name[len(folder):] not in QT_TRANSLATIONS_KEPT
    return "/" not in name and name in HOST_LIBS_LEFT_OUT


def keep(toc: Iterable[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The TOC entries (dest, source, typecode) that stay in the bundle."""
    return [entry for entry in toc if not dropped(entry[0])]


# --- orphans -------------------------------------------------------------------------------

def elf_needed(path: str | os.PathLike[str]) -> list[str] | None:
    """The DT_NEEDED sonames of a 64-bit little-endian ELF file, or None if it is not one.

    Pure Python (the program headers, the dynamic segment and its string table) so that
    neither the build nor the tests depend on binutils.
    """
    with open(path, "rb") as fh:
        data = fh.read()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        return None
    phoff = struct.unpack_from("<Q", data, 0x20)[0]
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    loads: list[tuple[int, int, int]] = []
    dynamic: tuple[int, int] | None = None
    for i in range(phnum):
        p_type, _flags, p_offset, p_vaddr, _paddr, p_filesz = struct.unpack_from(
            "<IIQQQQ", data, phoff + i * phentsize)
        if p_type == 1:  # PT_LOAD
            loads.append((p_vaddr, p_offset, p_filesz))
        elif p_type == 2:  # PT_DYNAMIC
            dynamic = (p_offset, p_filesz)
    if dynamic is None:
        return []
    needed_offsets: list[int] = []
    strtab_vaddr = None
    offset, size = dynamic
    for pos in range(offset, offset + size, 16):
        tag, value = struct.unpack_from("<qQ", data, pos)
        if tag == 0:  # DT_NULL
            break
        if tag == 1:  # DT_NEEDED
            needed_offsets.append(value)
        elif tag == 5:  # DT_STRTAB (a virtual address)
            strtab_vaddr = value
    if strtab_vaddr is None:
        return []
    strtab = next((off + strtab_vaddr - vaddr for vaddr, off, filesz in loads
                   if vaddr <= strtab_vaddr < vaddr + filesz), strtab_vaddr)
    names = []
    for rel in needed_offsets:
        start = strtab + rel
        names.append(data[start:data.index(b"\0", start)].decode("ascii", "replace"))
    return names


def orphans(toc: Sequence[tuple[str, str, str]]) -> set[str]:
    """Top-level libraries (``lib*.so*`` straight in _internal/) that nothing kept needs.

    PyInstaller collected them for a binary that :func:`keep` dropped (the GTK3 theme pulls
    cairo, pango, atk...). Roots are every other binary: Python extensions, Qt libraries and
    plugins, libpython. What a root needs, directly or through another library, stays.
    """
    by_name = {os.path.basename(_posix(dest)): src for dest, src, _ in toc}
    candidates = {_posix(dest) for dest, _, _ in toc
                  if "/" not in _posix(dest) and _posix(dest).startswith("lib")
                  and ".so" in _posix(dest) and not _posix(dest).startswith("libpython")}
    reached: set[str] = set()
    queue = [src for dest, src, _ in toc if _posix(dest) not in candidates]
    seen_sources: set[str] = set()
    while queue:
        src = queue.pop()
        if src in seen_sources or not os.path.isfile(src):
            continue
        seen_sources.add(src)
        for soname in elf_needed(src) or []:
            if soname in candidates and soname not in reached:
                reached.add(soname)
                queue.append(by_name[soname])
    return candidates - reached


def prune_orphans(toc: Sequence[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """``toc`` without its :func:`orphans` (Linux bundles; a no-op elsewhere)."""
    gone = orphans(toc)
    return [entry for entry in toc if _posix(entry[0]) not in gone]


def built_here(dest: str) -> bool:
    """Whether ``dest`` is the interpreter's own binary (libpython or a lib-dynload module).

    Wheels ship stripped libraries; a Python compiled on the build host (pyenv) keeps its
    debug symbols: 17 MB of libpython's 23 MB, half of lib-dynload.
    """
    name = _posix(dest)
    return (("/" not in name and name.startswith("libpython") and ".so" in name)
            or fnmatch.fnmatchcase(name, "python3*/lib-dynload/*.so"))


def strip_python(toc: Sequence[tuple[str, str, str]], workdir: str) -> list[tuple[str, str, str]]:
    """``toc`` with the :func:`built_here` binaries replaced by copies without debug symbols.

    Unchanged when ``strip`` (binutils) is missing. ``--strip-unneeded`` keeps the dynamic
    symbol table, which is all the loader uses.
    """
    strip = shutil.which("strip")
    if strip is None:
        return list(toc)
    out = []
    for dest, src, kind in toc:
        if kind != "SYMLINK" and built_here(dest):
            copy = Path(workdir) / _posix(dest)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, copy)
            subprocess.run([strip, "--strip-unneeded", str(copy)], check=True)
            src = str(copy)
        out.append((dest, src, kind))
    return out


def dump_toc(toc: Iterable[tuple[str, str, str]], path: str) -> None:
    """Write ``dest<TAB>typecode<TAB>source`` lines: what went in, for review and BENCHMARKS."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        for dest, src, kind in sorted(toc):
            fh.write(f"{_posix(dest)}\t{kind}\t{src}\n")


def without_dangling_links(toc: Sequence[tuple[str, str, str]],
                           *others: Sequence[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """``toc`` without SYMLINK entries whose target is no longer in the bundle.

    PyInstaller links top-level names to Qt's libraries (``libQt6Qml.so.6`` ->
    ``PySide6/Qt/lib/libQt6Qml.so.6``); once :func:`keep` dropped the library, the link
    would dangle. A SYMLINK entry's source is its target, relative to the link's folder.
    """
    present = {_posix(dest) for entries in (toc, *others) for dest, _, kind in entries
               if kind != "SYMLINK"}
    out = []
    for dest, target, kind in toc:
        if kind == "SYMLINK":
            folder = os.path.dirname(_posix(dest))
            resolved = os.path.normpath(os.path.join(folder, _posix(target))).replace("\\", "/")
            if resolved not in present:
                continue
        out.append((dest, target, kind))
    return out


def app_modules(repo: str | os.PathLike[str]) -> list[str]:
    """Every module of the ``app`` package, for ``hiddenimports``.

    The CLI imports its commands' services lazily (app/services/system/lazy.py: ``lazy("app.services.x")``)
    so that ``--help`` starts fast; PyInstaller's import scan cannot see those, and a bundle
    without them fails only when the command runs.
    """
    root = Path(repo)
    names = []
    for path in sorted((root / "app").rglob("*.py")):
        if "__pycache__" in path.parts:
            continue
        parts = path.relative_to(root).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join(parts))
    return names
