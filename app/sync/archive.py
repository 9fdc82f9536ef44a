"""Zip files read defensively and written reproducibly.

A package arrives from a USB stick or an email: it may be truncated, hostile or not a zip at
all. :class:`ZipReader` parses the zip's structure itself (no ``zipfile``, whose surprises —
RuntimeError for an encrypted entry, NotImplementedError for "version 8.4", LZMA inflating
at will — would escape as crashes) and checks, before inflating a byte:

- the end record and the central directory (size capped: many tiny entries are refused
  before they cost memory);
- every entry: a safe, unique name; stored or deflate only (``E_ZIP_METHOD``); no
  encryption (``E_ZIP_ENCRYPTED``); a "version needed" this reader knows (``E_ZIP_VERSION``);
  declared sizes and compression ratio (``E_TOO_LARGE``, ``E_RATIO``); a local header that
  agrees with its central record; no two entries sharing bytes (``E_ZIP_OVERLAP``).

Entries are then inflated one at a time and only on request (:meth:`ZipReader.read`), each
with a hard stop at its declared size and at the caller's cap, and checked against its
CRC-32. Nothing is ever extracted to disk.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from app.models.messages import InputError

from .errors import SyncError

_FIXED_TIME = (2020, 1, 1, 0, 0, 0)  # reproducible bytes: same content, same hash
_CHUNK = 1 << 16
_END = struct.Struct("<4s4H2LH")  # end of central directory record, 22 bytes
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")  # central directory record, 46 bytes
_LOCAL = struct.Struct("<4s2B4HL2L2H")  # local file header, 30 bytes
_STORED, _DEFLATED = 0, 8
_ENCRYPTED = 0x1 | 0x40 | 0x2000  # traditional, strong, central-directory encryption
_PATCHED = 0x20  # "compressed patched data": another method in disguise
_MAX_VERSION = 63  # the highest "version needed to extract" of the zip spec we know (6.3)
_ZIP64 = 0xFFFFFFFF


@dataclass(frozen=True)
class Limits:
    """Caps on what a package may inflate to."""

    max_entries: int = 256
    max_total: int = 1 << 30  # 1 GiB uncompressed in all
    max_ratio: int = 200  # uncompressed ÷ compressed, for entries above ratio_floor
    ratio_floor: int = 1 << 20  # small entries may compress well (JSON of zeros)
    max_directory: int = 1 << 20  # central directory bytes: 256 entries need a few KiB


DEFAULT_LIMITS = Limits()


def write_zip(files: dict[str, bytes]) -> bytes:
    """A zip of ``files`` (name → bytes), entries sorted and dated 2020-01-01."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name])
    return out.getvalue()


def _version(name: str, version: int) -> InputError:
    """An entry's "version needed to extract" (63 → 6.3), as E_ZIP_VERSION's detail."""
    return InputError("sync_detail.entry_version", name=name, version=f"{version // 10}.{version % 10}")


def _safe_name(name: str) -> bool:
    if not name or "\\" in name or name.startswith("/") or ":" in name.split("/")[0] or "\0" in name:
        return False
    parts = PurePosixPath(name).parts
    return all(part not in ("..", ".", "") for part in parts) and not name.endswith("/")


@dataclass(frozen=True)
class Entry:
    """One file of the zip, as its central directory and local header describe it."""

    name: str
    method: int
    crc: int
    compress_size: int
    file_size: int
    header_offset: int
    data_offset: int  # where its compressed bytes start


class ZipReader:
    """A zip in memory, its structure checked; entries inflated only when asked for.

    Raises SyncError with the reason (``where`` names the file in every message).
    """

    def __init__(self, data: bytes, where: str, limits: Limits = DEFAULT_LIMITS):
        self.data, self.where, self.limits = data, where, limits
        if not data.startswith(b"PK"):
            raise SyncError("E_NOT_ZIP", where)
        records = self._central_directory()
        self.entries: dict[str, Entry] = {}
        local_names: dict[str, str] = {}
        for fields, name in records:
            self.entries[name], local_names[name] = self._entry(fields, name)
        self._check_sizes()
        self._check_overlap()
        for name, local_name in local_names.items():
            if local_name != name:
                raise self._truncated(InputError("sync_detail.entry_other_name", name=name))

    # -- structure --------------------------------------------------------------------------

    def _truncated(self, detail: InputError) -> SyncError:
        return SyncError("E_TRUNCATED", self.where, detail)

    def _central_directory(self) -> list[tuple[tuple[Any, ...], str]]:
        data, where = self.data, self.where
        # The end record is the last 22 bytes, or sits before a comment of up to 64 KiB.
        end = len(data) - _END.size
        if end < 0 or data[end : end + 4] != b"PK\x05\x06":
            end = data.rfind(b"PK\x05\x06", max(0, len(data) - _END.size - 0xFFFF))
        if end < 0 or end + _END.size > len(data):
            raise self._truncated(InputError("sync_detail.no_central_directory"))
        _, disk, cd_disk, count_disk, count, cd_size, cd_offset, _ = _END.unpack_from(data, end)
        if count == 0xFFFF or cd_size == _ZIP64 or cd_offset == _ZIP64:
            raise SyncError("E_ZIP_VERSION", where, "ZIP64")
        if disk or cd_disk or count_disk != count:
            raise SyncError("E_ZIP_VERSION", where, InputError("sync_detail.multi_volume"))
        if count > self.limits.max_entries:
            raise SyncError("E_TOO_LARGE", where, InputError("sync_detail.entries", count=count))
        if cd_size > self.limits.max_directory:
            raise SyncError("E_TOO_LARGE", where, InputError("sync_detail.central_directory_size", size=cd_size))
        if cd_offset + cd_size != end:
            raise self._truncated(InputError("sync_detail.central_directory_misplaced"))
        records: list[tuple[tuple[Any, ...], str]] = []
        seen: set[str] = set()
        pos = cd_offset
        for _ in range(count):
            if pos + _CENTRAL.size > end or data[pos : pos + 4] != b"PK\x01\x02":
                raise self._truncated(InputError("sync_detail.central_directory_damaged"))
            fields = _CENTRAL.unpack_from(data, pos)
            name_len, extra_len, comment_len = fields[12], fields[13], fields[14]
            raw_name = data[pos + _CENTRAL.size : pos + _CENTRAL.size + name_len]
            pos += _CENTRAL.size + name_len + extra_len + comment_len
            if pos > end:
                raise self._truncated(InputError("sync_detail.central_directory_damaged"))
            name = self._decode_name(raw_name, fields[5])
            if name in seen:
                raise SyncError("E_DUPLICATE_ENTRY", where, name)
            seen.add(name)
            records.append((fields, name))
        if pos != end:
            raise self._truncated(InputError("sync_detail.central_directory_damaged"))
        return records

    def _decode_name(self, raw: bytes, flags: int) -> str:
        try:
            name = raw.decode("utf-8") if flags & 0x800 else raw.decode("cp437")
        except UnicodeDecodeError:
            raise SyncError("E_PATH", self.where, raw.decode("utf-8", "replace")) from None
        if not _safe_name(name):
            raise SyncError("E_PATH", self.where, name)
        return name

    def _entry(self, fields: tuple[Any, ...], name: str) -> tuple[Entry, str]:
        """The entry, and the name its local header gives (compared once overlaps are ruled out)."""
        where = self.where
        version, flags, method = fields[3], fields[5], fields[6]
        crc, compress_size, file_size, offset = fields[9], fields[10], fields[11], fields[18]
        if version > _MAX_VERSION:
            raise SyncError("E_ZIP_VERSION", where, _version(name, version))
        if flags & _ENCRYPTED:
            raise SyncError("E_ZIP_ENCRYPTED", where, name)
        if method not in (_STORED, _DEFLATED) or flags & _PATCHED:
            raise SyncError("E_ZIP_METHOD", where, InputError("sync_detail.entry_method", name=name, method=method))
        if method == _STORED and compress_size != file_size:
            raise self._truncated(InputError("sync_detail.entry_sizes", name=name))
        if offset + _LOCAL.size > len(self.data) or self.data[offset : offset + 4] != b"PK\x03\x04":
            raise self._truncated(InputError("sync_detail.entry_no_header", name=name))
        local = _LOCAL.unpack_from(self.data, offset)
        l_version, l_flags, l_method, name_len, extra_len = (local[1], local[3], local[4], local[10], local[11])
        # The local header is what other readers use: it must tell the same story.
        if l_flags & _ENCRYPTED:
            raise SyncError("E_ZIP_ENCRYPTED", where, name)
        if l_version > _MAX_VERSION:
            raise SyncError("E_ZIP_VERSION", where, _version(name, l_version))
        if l_method != method:
            raise SyncError("E_ZIP_METHOD", where, InputError("sync_detail.entry_method", name=name, method=l_method))
        local_name = self._decode_name(self.data[offset + _LOCAL.size : offset + _LOCAL.size + name_len], l_flags)
        start = offset + _LOCAL.size + name_len + extra_len
        if start + compress_size > len(self.data):
            raise self._truncated(InputError("sync_detail.entry_short", name=name))
        return Entry(name, method, crc, compress_size, file_size, offset, start), local_name

    def _check_sizes(self) -> None:
        limits = self.limits
        declared = sum(e.file_size for e in self.entries.values())
        if declared > limits.max_total:
            raise SyncError("E_TOO_LARGE", self.where, f"{declared:,} bytes")
        for e in self.entries.values():
            if e.file_size > limits.ratio_floor and e.file_size > limits.max_ratio * max(e.compress_size, 1):
                raise SyncError("E_RATIO", self.where, e.name)

    def _check_overlap(self) -> None:
        """Each entry's header and bytes lie before the next entry's header: no sharing."""
        ordered = sorted(self.entries.values(), key=lambda e: e.header_offset)
        for before, after in zip(ordered, ordered[1:], strict=False):
            if before.data_offset + before.compress_size > after.header_offset:
                raise SyncError("E_ZIP_OVERLAP", self.where, f"{before.name}, {after.name}")

    # -- content ----------------------------------------------------------------------------

    def names(self) -> set[str]:
        return set(self.entries)

    def read(self, name: str, cap: int | None = None) -> bytes:
        """Entry ``name`` inflated, at most its declared size and ``cap``; CRC-checked."""
        entry = self.entries[name]
        if cap is not None and entry.file_size > cap:
            raise SyncError("E_TOO_LARGE", self.where, f"{name}: {entry.file_size:,} bytes")
        view = memoryview(self.data)[entry.data_offset : entry.data_offset + entry.compress_size]
        if entry.method == _STORED or entry.compress_size == entry.file_size == 0:
            out = bytes(view)  # (some writers store an empty file as "deflated" with no bytes)
        else:
            out = self._inflate(entry, view)
        if zlib.crc32(out) != entry.crc:
            raise self._truncated(InputError("sync_detail.entry_crc", name=name))
        return out

    def _inflate(self, entry: Entry, view: memoryview) -> bytes:
        inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        out = bytearray()
        pos = 0
        chunk: bytes | memoryview
        try:
            while not inflater.eof:
                if inflater.unconsumed_tail:
                    chunk = inflater.unconsumed_tail
                elif pos < len(view):
                    chunk, pos = view[pos : pos + _CHUNK], pos + _CHUNK
                else:
                    break
                # Never more than one byte past the declared size: a lying header stops here.
                out += inflater.decompress(chunk, entry.file_size - len(out) + 1)
                if len(out) > entry.file_size:
                    raise SyncError("E_TOO_LARGE", self.where, InputError("sync_detail.entry_longer", name=entry.name))
        except zlib.error as exc:
            raise self._truncated(InputError("sync_detail.entry_deflate", name=entry.name, reason=exc)) from None
        if not inflater.eof or len(out) != entry.file_size:
            raise self._truncated(InputError("sync_detail.entry_incomplete", name=entry.name))
        return bytes(out)
