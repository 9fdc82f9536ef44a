"""Small real filesystems for the disk-fault tests: a tmpfs, or a loop-mounted ext4 image.

Mounting needs root (CI runs as root on a fresh machine; the development sandbox is root
too). Where neither kind can be mounted, :func:`mount_unavailable` says why, and the tests
skip with that reason instead of pretending. No fault here is simulated: the kernel itself
answers ENOSPC, EROFS or ENOENT to the real app.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

#: Largest ballast chunk written at once (filling a few tens of MB stays well under a second).
_CHUNK = 1 << 20


def _run(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run(list(argv), capture_output=True, text=True, timeout=60, check=False)


@dataclass
class SmallFs:
    """A mounted filesystem of a fixed size; ``kind`` is "tmpfs" or "ext4-loop"."""

    path: Path
    kind: str
    size: int
    image: Path | None = None

    def free(self) -> int:
        """Bytes a non-root writer could still allocate (what SQLite will get)."""
        st = os.statvfs(self.path)
        return st.f_bavail * st.f_frsize

    def fill(self, leave: int, name: str = "lastre.bin") -> Path:
        """Write a ballast file so that about ``leave`` bytes stay free; returns its path.

        Real bytes, not a sparse file: a hole would not take the space it pretends to.
        """
        ballast = self.path / name
        remaining = max(0, self.free() - leave)
        block = b"\0" * _CHUNK
        with ballast.open("ab") as fh:
            while remaining > 0:
                n = min(remaining, _CHUNK)
                try:
                    fh.write(block[:n])
                    fh.flush()
                except OSError:
                    break  # already full: that is all the ballast there is room for
                remaining -= n
            os.fsync(fh.fileno())
        return ballast

    def remount(self, mode: str) -> None:
        """Remount "ro" or "rw" (root ignores permission bits; a read-only mount it cannot)."""
        result = _run("mount", "-o", f"remount,{mode}", str(self.path))
        if result.returncode != 0:
            raise RuntimeError(f"remount {mode} of {self.path} failed: {result.stderr.strip()}")


def _try_tmpfs(directory: Path, size: int) -> SmallFs | None:
    result = _run("mount", "-t", "tmpfs", "-o", f"size={size // 1024}k,mode=0755", "tmpfs", str(directory))
    return SmallFs(directory, "tmpfs", size) if result.returncode == 0 else None


def _try_loop(directory: Path, size: int) -> SmallFs | None:
    if shutil.which("mkfs.ext4") is None:
        return None
    image = directory.parent / f"{directory.name}.img"
    with image.open("wb") as fh:
        fh.truncate(size)
    # No reserved blocks: root would otherwise write into them and the fill would be off by 5 %.
    made = _run("mkfs.ext4", "-q", "-F", "-m", "0", str(image))
    if made.returncode == 0 and _run("mount", "-o", "loop", str(image), str(directory)).returncode == 0:
        return SmallFs(directory, "ext4-loop", size, image)
    image.unlink(missing_ok=True)
    return None


def unmount(fs: SmallFs) -> None:
    """Unmount (lazily if something still holds it) and remove a loop image."""
    if _run("umount", str(fs.path)).returncode != 0:
        _run("umount", "-l", str(fs.path))
    if fs.image is not None:
        fs.image.unlink(missing_ok=True)


@contextlib.contextmanager
def small_fs(directory: Path, size: int, prefer: str = "tmpfs") -> Iterator[SmallFs]:
    """Mount a filesystem of ``size`` bytes on ``directory`` (created if needed).

    Tries ``prefer`` first ("tmpfs" or "ext4-loop"), then the other. Raises RuntimeError
    when neither mounts; call :func:`mount_unavailable` first to skip cleanly.
    """
    directory.mkdir(parents=True, exist_ok=True)
    order = [_try_tmpfs, _try_loop] if prefer == "tmpfs" else [_try_loop, _try_tmpfs]
    fs = None
    for attempt in order:
        fs = attempt(directory, size)
        if fs is not None:
            break
    if fs is None:
        raise RuntimeError(f"could not mount a small filesystem on {directory}")
    # Which kind was used shows in pytest's captured output (and in disk.json).
    print(f"[disk faults] {fs.kind} of {size // 1024} KiB mounted on {directory}")
    try:
        yield fs
    finally:
        unmount(fs)


_PROBED: dict[str, str | None] = {}


def mount_unavailable(probe_dir: Path) -> str | None:
    """None when a small filesystem can be mounted here, else the reason (for pytest.skip)."""
    if "reason" in _PROBED:
        return _PROBED["reason"]
    reason: str | None = None
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        reason = "disk-fault tests mount a tmpfs or loop image: they need root (CI runs as root)"
    elif shutil.which("mount") is None:
        reason = "no mount command on this machine"
    else:
        try:
            with small_fs(probe_dir, 256 * 1024):
                pass
        except RuntimeError:
            reason = "mount is not permitted here (neither tmpfs nor a loop-mounted ext4 image)"
    _PROBED["reason"] = reason
    return reason


def skip_unless_mountable(probe_dir: Path) -> None:
    """Skip the calling test (with the reason) when no small filesystem can be mounted."""
    import pytest

    reason = mount_unavailable(probe_dir)
    if reason:
        pytest.skip(reason)
