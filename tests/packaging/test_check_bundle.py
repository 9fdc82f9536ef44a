"""packaging/check_bundle.py on a real small bundle: real ELF files, a real .tar.gz."""

from __future__ import annotations

import os
import shutil
import tarfile
from pathlib import Path

import pytest

from .helpers import dynload, load, qt_lib_dir

check_bundle = load("check_bundle")


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    """A folder shaped like dist/coordina/: two real Qt libraries, a real extension module,
    a data file and the top-level link PyInstaller makes."""
    root = tmp_path / "coordina"
    lib = root / "_internal" / "PySide6" / "Qt" / "lib"
    lib.mkdir(parents=True)
    for name in ("libQt6Core.so.6", "libQt6Pdf.so.6"):
        shutil.copyfile(qt_lib_dir() / name, lib / name)
    decimal = dynload("_decimal")
    dynload_dir = root / "_internal" / "python3.11" / "lib-dynload"
    dynload_dir.mkdir(parents=True)
    shutil.copyfile(decimal, dynload_dir / decimal.name)
    (root / "_internal" / "resources").mkdir()
    (root / "_internal" / "resources" / "catalog.json").write_text("{}", encoding="utf-8")
    os.symlink("PySide6/Qt/lib/libQt6Core.so.6", root / "_internal" / "libQt6Core.so.6")
    return root


def archive_of(folder: Path) -> Path:
    out = folder.parent / "coordina-0.0.0-linux-x86_64.tar.gz"
    with tarfile.open(out, "w:gz") as tar:
        tar.add(folder, arcname="coordina-0.0.0")
    return out


def files_bytes(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_symlink() or p.is_file())


def test_size_counts_links_as_links_not_their_targets(bundle: Path) -> None:
    assert check_bundle.tree_size(bundle) == files_bytes(bundle)
    core = (bundle / "_internal/PySide6/Qt/lib/libQt6Core.so.6").stat().st_size
    assert check_bundle.tree_size(bundle) < 2 * core


def test_within_budget_and_baseline_passes(bundle: Path, capsys) -> None:
    archive = archive_of(bundle)
    code = check_bundle.main([str(bundle), "--archive", str(archive), "--glibc-baseline", "9.99"])
    out = capsys.readouterr().out
    assert code == 0
    assert "within budget" in out and "newest GLIBC needed: 2." in out


def test_over_the_disk_budget_fails_naming_it(bundle: Path, capsys) -> None:
    mb = files_bytes(bundle) / 1e6
    code = check_bundle.main([str(bundle), "--max-disk-mb", f"{mb - 0.5:.3f}", "--glibc-baseline", "none"])
    err = capsys.readouterr().err
    assert code == 1
    assert "on disk, over the" in err and "archive" not in err


def test_over_the_archive_budget_fails_naming_it(bundle: Path, capsys) -> None:
    archive = archive_of(bundle)
    limit = archive.stat().st_size / 1e6 - 0.1
    code = check_bundle.main(
        [str(bundle), "--archive", str(archive), "--max-archive-mb", f"{limit:.3f}", "--glibc-baseline", "none"]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert "archive is" in err and "on disk" not in err


def test_a_library_above_the_glibc_baseline_fails_naming_the_file(bundle: Path, capsys) -> None:
    """The Qt 6 wheels need GLIBC 2.34 (built on a manylinux_2_34 image): a 2.17 baseline
    must name them, and only the files above it."""
    code = check_bundle.main([str(bundle), "--glibc-baseline", "2.17"])
    err = capsys.readouterr().err
    assert code == 1
    assert "PySide6/Qt/lib/libQt6Core.so.6 needs GLIBC_2." in err
    assert "above the 2.17 baseline" in err
    assert "libQt6Core.so.6 needs" in err and "_internal/libQt6Core.so.6 needs" not in err  # link not scanned


def test_the_documented_baseline_is_the_checked_one() -> None:
    readme = (Path(check_bundle.__file__).parent / "README.md").read_text(encoding="utf-8")
    assert f"glibc {check_bundle.GLIBC_BASELINE}" in readme
    root_readme = (Path(check_bundle.__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert f"glibc {check_bundle.GLIBC_BASELINE}" in root_readme


def test_missing_bundle_is_a_clear_failure(tmp_path: Path, capsys) -> None:
    assert check_bundle.main([str(tmp_path / "nothing")]) == 1
    assert "no bundle folder" in capsys.readouterr().err
