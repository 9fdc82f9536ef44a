"""CSV and XLSX files read and written through pandas and openpyxl.

Readers return plain rows (dicts of strings) with their 1-based spreadsheet row
numbers so that every error can name the row a person sees in Excel.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from openpyxl import Workbook

from app.models.messages import InputError

from .database import translate_error

SUPPORTED = (".csv", ".xlsx")


@dataclass
class Table:
    """Rows of a file with their original headers."""

    path: Path
    headers: list[str]
    rows: list[dict[str, str]]
    row_numbers: list[int]


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        if value != value:  # NaN: an empty cell
            return ""
        if value.is_integer():
            return str(int(value))
    return str(value).strip()


def read_table(path: Path, sheet: str | int = 0) -> Table:
    """Read a CSV or XLSX file; raises InputError for a missing, wrong or broken file."""
    path = Path(path)
    if not path.exists():
        raise InputError("file_missing", path=str(path))
    ext = path.suffix.lower()
    if ext not in SUPPORTED:
        raise InputError("file_extension", path=path.name, ext=ext or "(sin extensión)")
    try:
        if ext == ".csv":
            raw = path.read_bytes()
            if b"\x00" in raw[:4096]:
                raise InputError("file_unreadable", path=path.name, reason="binario, no es CSV")
            # Excel on Windows saves CSV as UTF-8 with BOM or as cp1252.
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = raw.decode("cp1252")
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t") if text.strip() else csv.excel
            frame = pd.read_csv(pd.io.common.StringIO(text), dtype=str, keep_default_na=False,
                                sep=dialect.delimiter)
            first_row = 2
        else:
            if not zipfile.is_zipfile(path):
                raise InputError("file_unreadable", path=path.name, reason="no es un archivo XLSX")
            try:
                frame = pd.read_excel(path, sheet_name=sheet, dtype=object, engine="openpyxl")
            except ValueError as exc:
                if "not found" in str(exc).lower() or "worksheet" in str(exc).lower():
                    raise InputError("wrong_sheet", path=path.name, sheet=sheet) from exc
                raise
            first_row = 2
    except InputError:
        raise
    except (pd.errors.ParserError, pd.errors.EmptyDataError, csv.Error) as exc:
        if isinstance(exc, pd.errors.EmptyDataError):
            raise InputError("file_empty", path=path.name) from exc
        raise InputError("file_unreadable", path=path.name, reason=str(exc).splitlines()[0]) from exc
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
        raise InputError("file_unreadable", path=path.name, reason=str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from exc
    headers = [str(h).strip() for h in frame.columns]
    rows, numbers = [], []
    for offset, record in enumerate(frame.itertuples(index=False, name=None)):
        row = {h: _cell_text(v) for h, v in zip(headers, record, strict=True)}
        if not any(row.values()):
            continue
        rows.append(row)
        numbers.append(first_row + offset)
    if not rows:
        raise InputError("file_empty", path=path.name)
    return Table(path, headers, rows, numbers)


def write_table(path: Path, headers: Sequence[str], rows: Sequence[Sequence[object]],
                sheet_name: str = "datos") -> None:
    """Write rows as CSV (UTF-8 with BOM, so Excel shows accents) or XLSX.

    Writes to a temporary file first and renames it, so a full disk never leaves
    a truncated export behind.
    """
    path = Path(path)
    ext = path.suffix.lower()
    if ext not in SUPPORTED:
        raise InputError("file_extension", path=path.name, ext=ext or "(sin extensión)")
    frame = pd.DataFrame(list(rows), columns=list(headers))
    tmp = path.with_name(path.name + ".tmp")
    try:
        if ext == ".csv":
            frame.to_csv(tmp, index=False, encoding="utf-8-sig")
        else:
            _write_xlsx(tmp, list(headers), frame, sheet_name)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise translate_error(exc, path) from exc


def _write_xlsx(path: Path, headers: list[str], frame: pd.DataFrame, sheet_name: str) -> None:
    # openpyxl's write-only mode streams rows: about twice as fast as pandas' to_excel
    # (which builds every cell object first) for a state's year of values.
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_name)
    sheet.append(headers)
    for record in frame.itertuples(index=False, name=None):
        sheet.append([None if (isinstance(v, float) and v != v) else v for v in record])
    workbook.save(path)


def table_bytes(headers: Sequence[str], rows: Sequence[Sequence[object]], ext: str,
                sheet_name: str = "datos") -> bytes:
    """The bytes of a CSV (UTF-8 with BOM) or XLSX file of ``rows``, for an atomic write.

    Built in memory so the caller can hand them to ``files.write_bytes_atomic`` (fsync and
    rename): an export is either whole at its destination or not there at all.
    """
    ext = ext.lower() if ext.startswith(".") else f".{ext.lower()}"
    if ext not in SUPPORTED:
        raise InputError("file_extension", path=f"*{ext}", ext=ext)
    frame = pd.DataFrame(list(rows), columns=list(headers))
    if ext == ".csv":
        return frame.to_csv(index=False).encode("utf-8-sig")
    buffer = io.BytesIO()
    _write_xlsx(buffer, list(headers), frame, sheet_name)  # type: ignore[arg-type]
    return buffer.getvalue()
