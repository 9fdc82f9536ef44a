"""Zip files read defensively and written reproducibly.

A package arrives from a USB stick or an email: it may be truncated, hostile or not a zip at
all. :func:`read_zip` checks names (no escaping the folder, no duplicates), declared and real
sizes (a cap on the total and on each entry's compression ratio, so a zip bomb is refused
before it is inflated) and the exact set of files, and reads everything into memory — it
never extracts to disk.
"""

from __future__ import annotations

import fnmatch
import io
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath

from .errors import SyncError

_FIXED_TIME = (2020, 1, 1, 0, 0, 0)  # reproducible bytes: same content, same hash
_CHUNK = 1 << 16


@dataclass(frozen=True)
class Limits:
    """Caps on what a package may inflate to."""

    max_entries: int = 256
    max_total: int = 1 << 30  # 1 GiB uncompressed in all
    max_ratio: int = 200  # uncompressed ÷ compressed, for entries above ratio_floor
    ratio_floor: int = 1 << 20  # small entries may compress well (JSON of zeros)


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


def _safe_name(name: str) -> bool:
    if not name or "\\" in name or name.startswith("/") or ":" in name.split("/")[0]:
        return False
    parts = PurePosixPath(name).parts
    return all(part not in ("..", ".", "") for part in parts) and not name.endswith("/")


def read_zip(data: bytes, where: str, required: Iterable[str], optional: Iterable[str] = (),
             limits: Limits = DEFAULT_LIMITS) -> dict[str, bytes]:
    """The files of a zip in memory, checked; raises SyncError with the reason.

    ``required`` names must all be present; ``optional`` are glob patterns ("pdf/*.pdf")
    that may be; anything else is an extra file and is refused.
    """
    if not data.startswith(b"PK"):
        raise SyncError("E_NOT_ZIP", where)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise SyncError("E_TRUNCATED", where, exc) from None
    if len(infos) > limits.max_entries:
        raise SyncError("E_TOO_LARGE", where, f"{len(infos)} entradas")
    seen: set[str] = set()
    for info in infos:
        if not _safe_name(info.filename):
            raise SyncError("E_PATH", where, info.filename)
        if info.filename in seen:
            raise SyncError("E_DUPLICATE_ENTRY", where, info.filename)
        seen.add(info.filename)
    declared = sum(i.file_size for i in infos)
    if declared > limits.max_total:
        raise SyncError("E_TOO_LARGE", where, f"{declared:,} bytes")
    for info in infos:
        if info.file_size > limits.ratio_floor and \
                info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise SyncError("E_RATIO", where, info.filename)
    required = list(required)
    patterns = list(optional)
    for name in required:
        if name not in seen:
            raise SyncError("E_MISSING_FILE", where, name)
    for name in sorted(seen):
        if name not in required and not any(fnmatch.fnmatchcase(name, p) for p in patterns):
            raise SyncError("E_EXTRA_FILE", where, name)
    files: dict[str, bytes] = {}
    total = 0
    for info in infos:
        chunks, size = [], 0
        try:
            with archive.open(info) as handle:
                while chunk := handle.read(_CHUNK):
                    size += len(chunk)
                    total += len(chunk)
                    # Declared sizes can lie: count what really comes out.
                    if size > info.file_size or total > limits.max_total:
                        raise SyncError("E_TOO_LARGE", where, info.filename)
                    chunks.append(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError,
                NotImplementedError) as exc:
            raise SyncError("E_TRUNCATED", where, f"{info.filename}: {exc}") from None
        files[info.filename] = b"".join(chunks)
    return files
