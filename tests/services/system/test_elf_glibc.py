"""The pure-Python GLIBC version reader, on the real shared objects of the venv.

Its answer is compared with binutils' own reading (``objdump -p``'s "Version References",
``objdump -T``'s symbol versions) where binutils is installed.
"""

from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from app.services.system.elf_glibc import ElfError, highest_glibc, needed_versions, scan_folder, version_key

ROOT = Path(__file__).resolve().parents[3]
PYSIDE = Path(__import__("PySide6").__file__).parent
OBJDUMP = shutil.which("objdump")


def sample_objects() -> list[Path]:
    """A spread of real ELF files: PySide6's bindings and Qt libraries, plus system ones."""
    found = sorted(PYSIDE.glob("*.abi3.so"))[:15] + sorted((PYSIDE / "Qt" / "lib").glob("libQt6*.so.6"))[:25]
    found += sorted((PYSIDE / "Qt" / "plugins" / "platforms").glob("*.so"))
    for name in ("libstdc++.so.6", "libc.so.6", "libexpat.so.1"):
        found += [p for p in Path("/usr/lib/x86_64-linux-gnu").glob(name) if p.exists()]
    return [p.resolve() for p in found]


def objdump_references(path: Path) -> set[str]:
    out = subprocess.run([OBJDUMP, "-p", str(path)], capture_output=True, text=True, check=True).stdout
    if "Version References:" not in out:
        return set()
    section = out.split("Version References:", 1)[1]
    return set(re.findall(r"0x[0-9a-f]+ 0x[0-9a-f]+ \d+ (\S+)", section))


def objdump_symbol_glibc(path: Path) -> str | None:
    """The newest GLIBC version of the symbols ``path`` takes from others (``*UND*``; the ones
    it defines, as libc.so.6 does, are not needs)."""
    out = subprocess.run([OBJDUMP, "-T", str(path)], capture_output=True, text=True, check=True).stdout
    undefined = "\n".join(line for line in out.splitlines() if "*UND*" in line)
    versions = re.findall(r"\(?GLIBC_(\d+(?:\.\d+)+)\)?", undefined)
    return max(versions, key=version_key) if versions else None


@pytest.mark.skipif(OBJDUMP is None, reason="binutils' objdump is not installed")
def test_version_needs_match_objdump_on_real_shared_objects():
    objects = sample_objects()
    assert len(objects) >= 30
    with_glibc = 0
    for path in objects:
        mine = needed_versions(path)
        assert mine == objdump_references(path), path
        if highest_glibc(mine):
            with_glibc += 1
            # The newest GLIBC symbol version objdump -T shows is the same version.
            assert highest_glibc(mine) == objdump_symbol_glibc(path), path
    assert with_glibc >= 30


def test_a_file_without_section_headers_is_read_through_its_dynamic_segment(tmp_path):
    """Stripped of its section header table (e_shoff = 0), a library still says what it
    needs: the dynamic segment's DT_VERNEED, as the loader reads it."""
    original = PYSIDE / "QtCore.abi3.so"
    copy = tmp_path / "QtCore-no-sections.so"
    data = bytearray(original.read_bytes())
    assert data[4] == 2  # 64-bit: e_shoff at 0x28, e_shnum at 0x3C
    data[0x28:0x30] = struct.pack("<Q", 0)
    data[0x3C:0x3E] = struct.pack("<H", 0)
    copy.write_bytes(bytes(data))
    assert needed_versions(copy) == needed_versions(original)
    assert highest_glibc(needed_versions(copy)) is not None


def test_not_an_elf_file_or_a_truncated_one_is_refused(tmp_path):
    text = tmp_path / "readme.txt"
    text.write_text("no soy un ELF", encoding="utf-8")
    with pytest.raises(ElfError):
        needed_versions(text)
    cut = tmp_path / "cut.so"
    cut.write_bytes((PYSIDE / "QtCore.abi3.so").read_bytes()[:200])
    with pytest.raises(ElfError):
        needed_versions(cut)


def test_highest_glibc_compares_versions_as_numbers():
    assert (
        highest_glibc({"GLIBC_2.9", "GLIBC_2.17", "GLIBC_2.2.5", "GLIBCXX_3.4.30", "GLIBC_PRIVATE", "CXXABI_1.3.13"})
        == "2.17"
    )
    assert highest_glibc({"GLIBCXX_3.4"}) is None


def test_scan_folder_finds_the_newest_need_and_lists_damaged_files(tmp_path):
    folder = tmp_path / "bundle"
    (folder / "_internal" / "PySide6").mkdir(parents=True)
    objects = sample_objects()[:12]
    for path in objects:
        shutil.copy(path, folder / "_internal" / "PySide6" / path.name)
    (folder / "_internal" / "resources.txt").write_text("texto", encoding="utf-8")
    (folder / "_internal" / "link.so").symlink_to(folder / "_internal" / "PySide6" / objects[0].name)
    (folder / "_internal" / "broken.so").write_bytes(b"\x7fELF\x02\x01\x01" + b"\0" * 20)
    scan = scan_folder(folder)
    expected = max(
        (highest_glibc(needed_versions(p)) for p in objects if highest_glibc(needed_versions(p))), key=version_key
    )
    assert scan.highest == expected
    assert scan.per_file[scan.highest_file] == expected
    assert scan.elf_files == len(objects) + 1  # the symlink is not counted twice
    assert scan.unreadable == ["_internal/broken.so"]


def test_the_module_runs_as_a_command(tmp_path):
    shutil.copy(PYSIDE / "QtCore.abi3.so", tmp_path / "QtCore.abi3.so")
    done = subprocess.run(
        [sys.executable, "-m", "app.services.system.elf_glibc", str(tmp_path), "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    found = json.loads(done.stdout)
    assert found["highest"] == highest_glibc(needed_versions(tmp_path / "QtCore.abi3.so"))
    assert found["elf_files"] == 1 and found["unreadable"] == []
