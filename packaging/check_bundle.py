"""Fail a bundle that is over its size budget or needs a newer glibc than documented.

    python3 packaging/check_bundle.py dist/coordina [--archive dist/coordina-...tar.gz]

Prints the bundle's size on disk, the archive's size, the newest GLIBC version any of its
ELF files needs (app/services/system/elf_glibc.py, the same scan ``coordina-cli self-test`` prints)
and the largest folders; exits 1 naming every limit that is exceeded, 0 otherwise.

Sizes are apparent sizes in MB of 1,000,000 bytes (the sum of the files' lengths, symbolic
links counted as links): the same on every file system, unlike allocated blocks.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

#: The budget of issue 13 (BENCHMARKS.md has the measured sizes).
MAX_DISK_MB = 250.0
MAX_ARCHIVE_MB = 100.0
#: The documented minimum glibc (README, packaging/README.md): Ubuntu 22.04's. The
#: interpreter's own libpython (built on the build host) needs 2.35; see packaging/README.md.
GLIBC_BASELINE = "2.35"
MB = 1_000_000


def tree_size(folder: Path) -> int:
    """Bytes of every file under ``folder``; a symbolic link counts as itself, not its target."""
    total = 0
    for root, dirs, files in os.walk(folder):
        for name in files + [d for d in dirs if os.path.islink(os.path.join(root, d))]:
            total += os.lstat(os.path.join(root, name)).st_size
    return total


def largest(folder: Path, count: int = 8) -> list[tuple[int, str]]:
    """The ``count`` largest entries two levels down (``_internal/PySide6``...), biggest first."""
    sizes: list[tuple[int, str]] = []
    for first in sorted(folder.iterdir()):
        children = sorted(first.iterdir()) if first.is_dir() and not first.is_symlink() else [first]
        for entry in children:
            is_dir = entry.is_dir() and not entry.is_symlink()
            size = tree_size(entry) if is_dir else entry.lstat().st_size
            sizes.append((size, entry.relative_to(folder).as_posix()))
    return sorted(sizes, reverse=True)[:count]


def version_key(version: str) -> tuple[int, ...]:
    """"2.35" -> (2, 35)."""
    return tuple(int(part) for part in version.split("."))


def check(bundle: Path, archive: Path | None, max_disk_mb: float, max_archive_mb: float,
          glibc_baseline: str | None) -> list[str]:
    """Print the figures; return one line per exceeded limit (empty: within budget)."""
    failures: list[str] = []
    disk = tree_size(bundle) / MB
    print(f"bundle on disk: {disk:.1f} MB (budget {max_disk_mb:g} MB)  {bundle}")
    if disk > max_disk_mb:
        failures.append(f"bundle is {disk:.1f} MB on disk, over the {max_disk_mb:g} MB budget")
    if archive is not None:
        packed = archive.stat().st_size / MB
        print(f"archive: {packed:.1f} MB (budget {max_archive_mb:g} MB)  {archive.name}")
        if packed > max_archive_mb:
            failures.append(f"archive is {packed:.1f} MB, over the {max_archive_mb:g} MB budget")
    for size, name in largest(bundle):
        print(f"  {size / MB:7.1f} MB  {name}")
    if glibc_baseline is not None:
        sys.path.insert(0, str(REPO))
        from app.services.system.elf_glibc import scan_folder  # noqa: PLC0415 - after sys.path

        scan = scan_folder(bundle)
        print(f"newest GLIBC needed: {scan.highest or '-'} by {scan.highest_file or '-'} "
              f"({scan.elf_files} ELF files; baseline {glibc_baseline})")
        if scan.unreadable:
            failures.append(f"unreadable ELF files: {', '.join(scan.unreadable)}")
        over = sorted((rel for rel, top in scan.per_file.items()
                       if version_key(top) > version_key(glibc_baseline)))
        for rel in over:
            failures.append(f"{rel} needs GLIBC_{scan.per_file[rel]}, above the {glibc_baseline} baseline")
    return failures


def main(argv: list[str] | None = None) -> int:
    """Exit 0 within budget and baseline, 1 otherwise (2 for a wrong command line)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path, help="the one-folder bundle (dist/coordina)")
    parser.add_argument("--archive", type=Path, help="its .tar.gz")
    parser.add_argument("--max-disk-mb", type=float, default=MAX_DISK_MB)
    parser.add_argument("--max-archive-mb", type=float, default=MAX_ARCHIVE_MB)
    parser.add_argument("--glibc-baseline", default=GLIBC_BASELINE,
                        help="newest GLIBC version allowed (Linux); 'none' skips the check")
    args = parser.parse_args(argv)
    if not args.bundle.is_dir():
        print(f"check_bundle: no bundle folder {args.bundle}", file=sys.stderr)
        return 1
    if args.archive is not None and not args.archive.is_file():
        print(f"check_bundle: no archive {args.archive}", file=sys.stderr)
        return 1
    baseline = None if args.glibc_baseline == "none" else args.glibc_baseline
    failures = check(args.bundle, args.archive, args.max_disk_mb, args.max_archive_mb, baseline)
    for line in failures:
        print(f"check_bundle: FAILED: {line}", file=sys.stderr)
    if not failures:
        print("check_bundle: within budget")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
