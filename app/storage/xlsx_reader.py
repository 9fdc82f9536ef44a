"""XLSX workbooks read as a stream, with damaged files and unreadable cells made plain.

openpyxl's read-only mode keeps memory bounded whatever the sheet's size. Two things it
(and pandas on top of it) would otherwise hide are reported per cell, naming the sheet and
the cell: an Excel error value (``#N/A``, ``#DIV/0!``, ``#SPILL!``...) and a formula saved
without its computed value (``=1+1`` written by a program, never opened in Excel). Both
used to read as an empty cell, and an empty cell can clear a stored value.

A file that is not a workbook, is damaged anywhere (a cut or corrupt XML part, a flipped
byte in a compressed member, a missing part) or is encrypted raises InputError at the
point it is met, so a caller that writes only after reading everything writes nothing.
"""

from __future__ import annotations

import logging
import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol, TypeVar

from app.models.messages import InputError


class Workbook(Protocol):
    """What this module uses of an openpyxl workbook (openpyxl ships no types)."""

    @property
    def sheetnames(self) -> list[str]: ...

    def __getitem__(self, name: str) -> Any: ...  # a worksheet

    def close(self) -> None: ...


def load_workbook(*args: object, **kwargs: object) -> Workbook:
    """openpyxl's ``load_workbook``, imported on first use: openpyxl takes ~0.4 s to import,
    and commands that read no spreadsheet (``--help``, ``facilities list``) should not pay it."""
    from openpyxl import load_workbook as load  # noqa: PLC0415

    book: Workbook = load(*args, **kwargs)
    return book


def get_column_letter(index: int) -> str:
    """openpyxl's column letter (1 → "A"), imported on first use like ``load_workbook``."""
    from openpyxl.utils import get_column_letter as letter  # noqa: PLC0415

    column: str = letter(index)
    return column


log = logging.getLogger(__name__)
T = TypeVar("T")

#: The Compound File header: Excel saves a workbook with a password to open as an
#: encrypted package inside such a file, not as a zip.
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_ENCRYPTED = 0x1  # general-purpose flag bit 0 of a zip member
#: A formula element in sheet XML (<f>, <f t="shared" .../>, or with a namespace prefix).
_FORMULA_TAG = re.compile(rb"<(?:[A-Za-z0-9_]+:)?f[\s>/]")
_SCAN_CHUNK = 1 << 20
EXCEL_MAX_ROWS = 1_048_576
_SHOWN = 60  # characters of a formula or error value quoted in a message

#: One row: its 1-based number, the cell values, and problems by 0-based column index.
XlsxRow = tuple[int, list[object], dict[int, InputError]]


def _reason(exc: BaseException) -> str:
    text = str(exc).splitlines()[0].strip() if str(exc).strip() else ""
    text = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    return text if len(text) <= 120 else text[:120] + "…"


def _encrypted(exc: BaseException) -> bool:
    # zipfile: RuntimeError("File ... is encrypted, password required for extraction"),
    # NotImplementedError("strong encryption (flag bit 6)").
    text = str(exc).lower()
    return isinstance(exc, RuntimeError | NotImplementedError) and ("encrypt" in text or "password" in text)


def guarded(path: Path, action: Callable[[], T]) -> T:
    """Run one step of reading ``path``; any failure of the file becomes a plain InputError.

    The parsers below (zipfile, zlib, lxml or ElementTree, openpyxl) raise a dozen types
    for a damaged file (BadZipFile, zlib.error, XMLSyntaxError, ParseError, KeyError,
    IndexError, ValueError, NotImplementedError, EOFError...). None of them is a fault of
    Coordina's, so all of them are the file's: logged with the traceback for support,
    shown as one line naming the file.
    """
    try:
        return action()
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - see the docstring: every parser failure is the file's
        raise _failure(path, exc) from exc


def _failure(path: Path, exc: Exception) -> InputError:
    log.info("unreadable workbook %s", path.name, exc_info=True)
    if _encrypted(exc):
        return InputError("file_encrypted", path=path.name)
    return InputError("file_damaged", path=path.name, reason=_reason(exc))


def check_container(path: Path) -> None:
    """Refuse a file that is not an unencrypted zip before openpyxl looks at it."""
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise InputError("file_unreadable", path=path.name, reason=_reason(exc)) from exc
    if head == CFB_MAGIC:
        raise InputError("file_encrypted", path=path.name)
    if not zipfile.is_zipfile(path):
        raise InputError("file_unreadable", path=path.name, reason="no es un archivo XLSX")

    def members() -> list[zipfile.ZipInfo]:
        with zipfile.ZipFile(path) as archive:
            return archive.infolist()

    if any(info.flag_bits & _ZIP_ENCRYPTED for info in guarded(path, members)):
        raise InputError("file_encrypted", path=path.name)


class XlsxReader:
    """A workbook opened for streaming (use as a context manager)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        check_container(self.path)
        self._book = guarded(self.path, lambda: load_workbook(self.path, read_only=True, data_only=True))
        self._formula_book: Workbook | None = None

    def __enter__(self) -> XlsxReader:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the zip handles of both workbooks."""
        for book in (self._book, self._formula_book):
            if book is not None:
                try:
                    book.close()
                except Exception:  # noqa: BLE001 - closing a damaged file must not hide the real error
                    log.debug("closing %s failed", self.path.name, exc_info=True)

    @property
    def sheetnames(self) -> list[str]:
        """The workbook's sheet names, in order."""
        return list(self._book.sheetnames)

    def sheet_name(self, sheet: str | int) -> str:
        """The name of ``sheet`` (a name or a 0-based index); wrong_sheet if there is none."""
        names = self.sheetnames
        if not names:  # openpyxl drops a sheet whose part is missing from the zip
            raise InputError("file_damaged", path=self.path.name, reason="el libro no tiene hojas legibles")
        if isinstance(sheet, int):
            if 0 <= sheet < len(names):
                return names[sheet]
        elif sheet in names:
            return sheet
        raise InputError("wrong_sheet", path=self.path.name, sheet=sheet)

    def rows(self, sheet: str | int = 0) -> Iterator[XlsxRow]:
        """Every row of ``sheet`` from row 1, with the problems of its cells.

        A cell's value is what Excel shows (a formula's cached result). A row's list is as
        long as its last written cell.
        """
        name = self.sheet_name(sheet)
        values_sheet = guarded(self.path, lambda: self._book[name])
        values_sheet.reset_dimensions()  # never trust the file's stated size: read every row
        cells = guarded(self.path, lambda: iter(values_sheet.iter_rows()))
        formulas = self._formula_rows(name, values_sheet)
        number = 0
        while True:
            row, formula_row = self._next_rows(cells, formulas)
            if row is None:
                return
            number += 1
            if number > EXCEL_MAX_ROWS:  # no spreadsheet has it: stop filling the gap up to it
                raise InputError(
                    "file_damaged", path=self.path.name, reason=f"la hoja «{name}» pasa de {EXCEL_MAX_ROWS:,} filas"
                )
            if not row:  # an empty row (openpyxl fills gaps with them): the fast way
                yield number, [], {}
                continue
            values, problems = _row_cells(name, number, row, formula_row)
            yield number, values, problems

    def _formula_rows(self, name: str, values_sheet: Any) -> Iterator[Any] | None:
        """The rows of sheet ``name`` as formulas, from a second parse; None when it holds none."""
        if not guarded(self.path, lambda: self._has_formulas(values_sheet)):
            return None
        if self._formula_book is None:
            self._formula_book = guarded(self.path, lambda: load_workbook(self.path, read_only=True, data_only=False))
        formula_book = self._formula_book
        formula_sheet = guarded(self.path, lambda: formula_book[name])
        formula_sheet.reset_dimensions()
        formulas: Iterator[Any] = guarded(self.path, lambda: iter(formula_sheet.iter_rows()))
        return formulas

    def _next_rows(self, cells: Iterator[Any], formulas: Iterator[Any] | None) -> tuple[Any, Any]:
        """The next row of values and of formulas (None at the end); a parser failure is the file's."""
        try:  # not guarded(): this runs once per row, up to a million times
            row = next(cells, None)
            formula_row = next(formulas, None) if formulas is not None else None
        except InputError:
            raise
        except Exception as exc:  # noqa: BLE001 - as in guarded(): a parser failure is the file's
            raise _failure(self.path, exc) from exc
        return row, formula_row

    def _has_formulas(self, sheet: object) -> bool:
        """Whether the sheet's XML holds any formula: a byte scan, so that the second parse
        (the one that sees formulas) is paid only by workbooks that have them."""
        part = getattr(sheet, "_worksheet_path", None)
        if not part:
            return True  # another openpyxl: take the careful path
        with zipfile.ZipFile(self.path) as archive, archive.open(part.lstrip("/")) as member:
            tail = b""
            while chunk := member.read(_SCAN_CHUNK):
                if _FORMULA_TAG.search(tail + chunk):
                    return True
                tail = chunk[-32:]
        return False


def _row_cells(name: str, number: int, row: Any, formula_row: Any) -> tuple[list[object], dict[int, InputError]]:
    """A non-empty row's values and, by 0-based column, its Excel errors and uncached formulas."""
    values: list[object] = []
    problems: dict[int, InputError] = {}
    for index, cell in enumerate(row):
        value = cell.value
        if cell.data_type == "e":
            problems[index] = InputError(
                "cell_excel_error", sheet=name, value=_shown(value), cell=f"{get_column_letter(index + 1)}{number}"
            )
        elif (
            value is None
            and formula_row is not None
            and index < len(formula_row)
            and formula_row[index].data_type == "f"
        ):
            problems[index] = InputError(
                "cell_formula_uncached",
                sheet=name,
                value=_shown(formula_row[index].value),
                cell=f"{get_column_letter(index + 1)}{number}",
            )
        values.append(value)
    return values, problems


def _shown(value: object) -> str:
    text = str(value)
    return text if len(text) <= _SHOWN else text[:_SHOWN] + "…"
