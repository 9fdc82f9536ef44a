"""Output files are written whole or not at all, and every failure says which file and why.

A coordinator saves PDFs, packages and workbooks to folders that may be read-only, be a
file, sit on a failing USB stick or be full. The message must name the cause they can act
on; no half-written file and no temporary file may be left behind.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest

from app.models.messages import InputError
from app.storage.database import translate_error
from app.storage.durable import temp_name, write_durable
from app.storage.files import check_writable_dir, discard, output_error, write_bytes_atomic


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_an_atomic_write_replaces_the_file_whole_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "nueva" / "resumen.pdf"
    write_bytes_atomic(target, b"old")
    write_bytes_atomic(target, b"%PDF new")
    assert target.read_bytes() == b"%PDF new"
    assert leftovers(target.parent) == []


def test_writing_over_a_folder_or_under_a_file_is_refused_naming_the_path(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        write_bytes_atomic(tmp_path, b"x")
    assert caught.value.code == "output_unwritable" and str(tmp_path) in caught.value.message("en")
    blocker = tmp_path / "informe"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(InputError) as caught:
        write_bytes_atomic(blocker / "resumen.pdf", b"x")
    assert caught.value.code == "output_unwritable"
    assert leftovers(tmp_path) == []


def test_a_folder_is_checked_before_long_work_and_created_when_missing(tmp_path: Path) -> None:
    check_writable_dir(tmp_path / "a" / "b")
    assert (tmp_path / "a" / "b").is_dir() and leftovers(tmp_path / "a" / "b") == []
    blocker = tmp_path / "archivo"
    blocker.write_text("x")
    with pytest.raises(InputError) as caught:
        check_writable_dir(blocker)
    assert caught.value.code == "output_unwritable"


def test_a_full_disk_is_named_as_such_other_errors_keep_their_reason(tmp_path: Path) -> None:
    full = output_error(OSError(errno.ENOSPC, "No space left on device"), tmp_path / "x.pdf")
    assert full.code == "disk_full"
    denied = output_error(PermissionError(errno.EACCES, "Permission denied"), tmp_path / "x.pdf")
    assert denied.code == "output_unwritable" and str(tmp_path / "x.pdf") in denied.message("es")


def test_discarding_a_temporary_never_raises(tmp_path: Path) -> None:
    discard(tmp_path / "no-existe.tmp")
    blocker = tmp_path / "archivo"
    blocker.write_text("x")
    discard(blocker / "dentro.tmp")  # its folder is a file: NotADirectoryError is swallowed
    assert blocker.read_text() == "x"


def test_a_durable_write_that_fails_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "registro.json"
    write_durable(target, b"v1")
    temp_name(target).mkdir()  # the temporary name is taken by a folder: open() fails
    with pytest.raises(OSError):
        write_durable(target, b"v2")
    assert target.read_bytes() == b"v1"


def _sqlite_error(code: int, text: str) -> sqlite3.OperationalError:
    """An error as sqlite3 raises it: the result code rides on the exception."""
    exc = sqlite3.OperationalError(text)
    exc.sqlite_errorcode = code  # type: ignore[attr-defined]
    return exc


def test_an_io_error_on_a_writable_disk_is_a_device_problem(tmp_path: Path) -> None:
    db = tmp_path / "coordina.db"
    assert translate_error(_sqlite_error(10, "disk I/O error"), db).code == "disk_io_error"
    assert translate_error(_sqlite_error(10 | (4 << 8), "disk I/O error"), db).code == "disk_io_error"


def test_an_io_or_open_error_in_a_missing_folder_is_an_unwritable_folder(tmp_path: Path) -> None:
    gone = tmp_path / "usb-retirada" / "coordina.db"
    for code in (10, 14):
        error = translate_error(_sqlite_error(code, "unable to open database file"), gone)
        assert error.code == "data_dir_unwritable"
        assert str(gone.parent) in error.message("en")


def test_an_open_error_with_a_writable_folder_is_not_blamed_on_the_disk(tmp_path: Path) -> None:
    error = translate_error(_sqlite_error(14, "unable to open database file"), tmp_path / "x.db")
    assert error.code == "internal_error"


def test_a_failing_device_errno_and_an_input_error_pass_through_clearly(tmp_path: Path) -> None:
    db = tmp_path / "coordina.db"
    assert translate_error(OSError(errno.EIO, "Input/output error"), db).code == "disk_io_error"
    assert translate_error(OSError(errno.EDQUOT, "Disk quota exceeded"), db).code == "disk_full"
    already = InputError("database_locked")
    assert translate_error(already, db) is already
