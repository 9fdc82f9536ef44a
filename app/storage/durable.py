"""Writing a file so that, after a crash, it is either whole at its name or not there.

The data go to a temporary name beside the destination, are flushed to the device, and
the name is switched in one step; the folder is flushed too, so the new name itself
survives a power cut.
"""

from __future__ import annotations

import os
from pathlib import Path

from .crashpoints import crash_point
from .files import discard


def fsync_dir(directory: Path) -> None:
    """Flush a folder's entries (a rename in it) to the device; a no-op on Windows."""
    if os.name == "nt":
        return  # folders cannot be opened for fsync on Windows; NTFS journals the rename
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def temp_name(path: Path) -> Path:
    """The temporary name :func:`write_durable` uses for ``path`` (hidden, beside it)."""
    return path.with_name(f".{path.name}.tmp")


def write_durable(path: Path, data: bytes, crash_prefix: str = "") -> None:
    """Write ``data`` to ``path`` whole or not at all, durably. Raises OSError.

    ``crash_prefix`` names the kill points of the crash tests (``<prefix>_temp_written``,
    ``<prefix>_renamed``).
    """
    tmp = temp_name(path)
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if crash_prefix:
            crash_point(f"{crash_prefix}_temp_written")
        os.replace(tmp, path)
    except BaseException:
        discard(tmp)
        raise
    if crash_prefix:
        crash_point(f"{crash_prefix}_renamed")
    fsync_dir(path.parent)
