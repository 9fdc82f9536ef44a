"""The newest GLIBC symbol version a folder of Linux binaries needs (issue 13 item 6).

A bundle runs only on a system whose glibc provides every ``GLIBC_x.y`` version its shared
objects were linked against; the highest one is the bundle's minimum glibc. Each ELF file
lists the versions it needs in its version-needs table (``.gnu.version_r``, the
``DT_VERNEED`` of its dynamic section): ``objdump -p`` prints it as "Version References".
This reads that table in pure Python (no pyelftools, no binutils on the machine that runs
the check): the section headers when present, else the dynamic segment.

``python -m app.services.system.elf_glibc DIR [--json]`` prints the result for any folder (the
packaging CI uses it on the built bundle, the self-test on the running one).
"""

from __future__ import annotations

import json
import os
import re
import struct
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

ELF_MAGIC = b"\x7fELF"
SHT_GNU_VERNEED = 0x6FFFFFFE
PT_LOAD, PT_DYNAMIC = 1, 2
DT_NULL, DT_STRTAB, DT_STRSZ = 0, 5, 10
DT_VERNEED, DT_VERNEEDNUM = 0x6FFFFFFE, 0x6FFFFFFF
GLIBC = re.compile(r"^GLIBC_(\d+(?:\.\d+)*)$")
#: A version-needs table longer than this is damage, not a library (it bounds the loops).
MAX_ENTRIES = 10_000


class ElfError(ValueError):
    """The file is not a well-formed ELF object (or its version table is damaged)."""


@dataclass
class GlibcScan:
    """What a folder's ELF files need from glibc."""

    folder: Path
    highest: str | None = None  # "2.28"; None when nothing needs a versioned glibc symbol
    highest_file: str | None = None  # relative path of one file that needs ``highest``
    elf_files: int = 0
    unreadable: list[str] = field(default_factory=list)  # damaged ELF files (relative paths)
    per_file: dict[str, str] = field(default_factory=dict)  # relative path -> its highest

    def as_json(self) -> dict:
        """Plain data for ``self-test --json`` and the CI check."""
        return {
            "folder": str(self.folder),
            "highest": self.highest,
            "highest_file": self.highest_file,
            "elf_files": self.elf_files,
            "unreadable": self.unreadable,
        }


class _Reader:
    """Bounded reads of one ELF file with its class (32/64-bit) and byte order."""

    def __init__(self, handle: BinaryIO, size: int):
        self.handle = handle
        self.size = size
        ident = self.read(0, 16)
        if ident[:4] != ELF_MAGIC or ident[4] not in (1, 2) or ident[5] not in (1, 2):
            raise ElfError("not an ELF file")
        self.is64 = ident[4] == 2
        self.order = "<" if ident[5] == 1 else ">"

    def read(self, offset: int, length: int) -> bytes:
        if offset < 0 or length < 0 or offset + length > self.size:
            raise ElfError(f"read past the end of the file (offset {offset}, {length} bytes)")
        self.handle.seek(offset)
        data = self.handle.read(length)
        if len(data) != length:
            raise ElfError("short read")
        return data

    def unpack(self, fmt: str, offset: int) -> tuple:
        fmt = self.order + fmt
        return struct.unpack(fmt, self.read(offset, struct.calcsize(fmt)))

    def cstring(self, offset: int, limit: int) -> str:
        """A NUL-terminated name at ``offset``, not reading beyond ``limit``."""
        end = min(limit, self.size, offset + 256)
        data = self.read(offset, max(0, end - offset))
        name, nul, _rest = data.partition(b"\0")
        if not nul:
            raise ElfError("unterminated name in the string table")
        return name.decode("ascii", "replace")


def _sections(r: _Reader) -> list[tuple[int, int, int, int, int]]:
    """(type, offset, size, link, info) of every section; empty when there are none."""
    if r.is64:
        (shoff,) = r.unpack("Q", 0x28)
        shentsize, shnum = r.unpack("HH", 0x3A)
        fmt = "IIQQQQIIQQ"
    else:
        (shoff,) = r.unpack("I", 0x20)
        shentsize, shnum = r.unpack("HH", 0x2E)
        fmt = "IIIIIIIIII"
    if shoff == 0:
        return []
    if shnum == 0:  # extended numbering: the real count is section 0's size
        shnum = r.unpack(fmt, shoff)[5]
    if shnum > MAX_ENTRIES or shentsize < struct.calcsize(fmt):
        raise ElfError("implausible section header table")
    found = []
    for index in range(shnum):
        _name, stype, _flags, _addr, offset, size, link, info, _align, _entsize = r.unpack(
            fmt, shoff + index * shentsize
        )
        found.append((stype, offset, size, link, info))
    return found


def _walk_verneed(r: _Reader, offset: int, count: int, strtab: int, strsize: int) -> set[str]:
    """The version names of a version-needs table (Elf_Verneed entries and their Vernaux)."""
    names: set[str] = set()
    seen = 0
    while count and seen < MAX_ENTRIES:
        _version, cnt, _file, aux, nxt = r.unpack("HHIII", offset)
        at = offset + aux
        for _ in range(min(cnt, MAX_ENTRIES)):
            _hash, _flags, _other, name, aux_next = r.unpack("IHHII", at)
            if name >= strsize:
                raise ElfError("version name outside the string table")
            names.add(r.cstring(strtab + name, strtab + strsize))
            if not aux_next:
                break
            at += aux_next
        seen += 1
        count -= 1
        if not nxt:
            break
        offset += nxt
    return names


def _from_sections(r: _Reader, sections: list[tuple[int, int, int, int, int]]) -> set[str] | None:
    for stype, offset, _size, link, info in sections:
        if stype == SHT_GNU_VERNEED:
            if link >= len(sections):
                raise ElfError("version table linked to a missing string table")
            _t, str_offset, str_size, _l, _i = sections[link]
            return _walk_verneed(r, offset, info or MAX_ENTRIES, str_offset, str_size)
    return None


def _from_dynamic(r: _Reader) -> set[str]:
    """The same table found through the program headers (a file without section headers)."""
    if r.is64:
        (phoff,) = r.unpack("Q", 0x20)
        phentsize, phnum = r.unpack("HH", 0x36)
    else:
        (phoff,) = r.unpack("I", 0x1C)
        phentsize, phnum = r.unpack("HH", 0x2A)
    loads, dynamic = [], None
    for index in range(min(phnum, MAX_ENTRIES)):
        at = phoff + index * phentsize
        if r.is64:
            ptype, _flags, offset, vaddr, _paddr, filesz, _memsz, _align = r.unpack("IIQQQQQQ", at)
        else:
            ptype, offset, vaddr, _paddr, filesz, _memsz, _flags, _align = r.unpack("IIIIIIII", at)
        if ptype == PT_LOAD:
            loads.append((vaddr, offset, filesz))
        elif ptype == PT_DYNAMIC:
            dynamic = (offset, filesz)
    if dynamic is None:
        return set()  # a static executable or an object file: needs no shared glibc

    def file_offset(address: int) -> int:
        for vaddr, offset, filesz in loads:
            if vaddr <= address < vaddr + filesz:
                return offset + address - vaddr
        raise ElfError(f"address {address:#x} is in no loaded segment")

    tags: dict[int, int] = {}
    entry = 16 if r.is64 else 8
    for index in range(min(dynamic[1] // entry, MAX_ENTRIES)):
        tag, value = r.unpack("qQ" if r.is64 else "iI", dynamic[0] + index * entry)
        if tag == DT_NULL:
            break
        tags.setdefault(tag, value)
    if DT_VERNEED not in tags or DT_STRTAB not in tags:
        return set()
    return _walk_verneed(
        r,
        file_offset(tags[DT_VERNEED]),
        tags.get(DT_VERNEEDNUM, MAX_ENTRIES),
        file_offset(tags[DT_STRTAB]),
        tags.get(DT_STRSZ, 0),
    )


def needed_versions(path: Path) -> set[str]:
    """Every symbol version an ELF file needs from its libraries (``GLIBC_2.17``,
    ``GLIBCXX_3.4.29``…). Raises :class:`ElfError` for a file that is not a sound ELF object."""
    with open(path, "rb") as handle:
        r = _Reader(handle, os.fstat(handle.fileno()).st_size)
        try:
            found = _from_sections(r, _sections(r))
        except struct.error as exc:
            raise ElfError(str(exc)) from None
        if found is None:
            found = _from_dynamic(r)
        return found


def version_key(version: str) -> tuple[int, ...]:
    """``"2.17"`` -> (2, 17), for comparing versions as numbers."""
    return tuple(int(part) for part in version.split("."))


def highest_glibc(names: set[str]) -> str | None:
    """The newest ``GLIBC_x.y`` among version names (``GLIBC_PRIVATE`` and ``GLIBCXX`` aside)."""
    versions = [m.group(1) for m in map(GLIBC.match, names) if m]
    return max(versions, key=version_key) if versions else None


def _is_elf(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(4) == ELF_MAGIC
    except OSError:
        return False


def scan_folder(folder: Path) -> GlibcScan:
    """Every regular ELF file under ``folder`` (symbolic links not followed) and the newest
    GLIBC version any of them needs."""
    folder = Path(folder)
    scan = GlibcScan(folder)
    for root, _dirs, files in os.walk(folder):
        for name in sorted(files):
            path = Path(root) / name
            if path.is_symlink() or not path.is_file() or not _is_elf(path):
                continue
            rel = path.relative_to(folder).as_posix()
            scan.elf_files += 1
            try:
                top = highest_glibc(needed_versions(path))
            except (ElfError, OSError):
                scan.unreadable.append(rel)
                continue
            if top is None:
                continue
            scan.per_file[rel] = top
            if scan.highest is None or version_key(top) > version_key(scan.highest):
                scan.highest, scan.highest_file = top, rel
    return scan


def running_bundle() -> Path | None:
    """The folder of the running bundle on Linux (the executable's, which holds
    ``sys._MEIPASS``), or None when not frozen or not on Linux."""
    from app.models.resources import bundle_root

    root = bundle_root()
    if root is None or not sys.platform.startswith("linux"):
        return None
    exe_dir = Path(sys.executable).resolve().parent
    return exe_dir if root.resolve().is_relative_to(exe_dir) else root


def main(argv: list[str] | None = None) -> int:
    """``python -m app.services.system.elf_glibc DIR [--json]``: 0, or 1 when a file is unreadable."""
    args = list(sys.argv[1:] if argv is None else argv)
    as_json = "--json" in args
    folders = [a for a in args if a != "--json"]
    if len(folders) != 1:
        print("uso / usage: python -m app.services.system.elf_glibc DIR [--json]", file=sys.stderr)
        return 2
    scan = scan_folder(Path(folders[0]))
    if as_json:
        print(json.dumps(scan.as_json(), ensure_ascii=False, indent=2))
    else:
        print(f"GLIBC {scan.highest or '-'}  ({scan.highest_file or '-'}; {scan.elf_files} ELF)")
        for rel in scan.unreadable:
            print(f"ilegible / unreadable: {rel}")
    return 1 if scan.unreadable else 0


if __name__ == "__main__":
    sys.exit(main())
