"""CSV and XLSX files read as a stream and written through pandas and openpyxl.

Readers yield plain rows (dicts of strings) with their 1-based spreadsheet row numbers so
that every error can name the row a person sees in Excel. They stream: memory does not
grow with the file (a million-row file once took 4.3 GB when read whole). What a cell
really holds is kept: "N/A", "null" or "NaN" stay text (pandas would have read them as
empty, and an empty value clears a stored one), and an XLSX cell holding an Excel error or
a formula without its computed value is a problem of that row (see ``xlsx_reader``).
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, TypeGuard

from app.models.messages import InputError, listed_with_rest
from app.models.values import number_text

from .files import discard, output_error
from .xlsx_reader import XlsxReader, XlsxRow, guarded

if TYPE_CHECKING:  # pandas and openpyxl load only when a file is read or written (fast CLI start)
    import pandas as pd
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import Cell

SUPPORTED = (".csv", ".xlsx")
_CHUNK = 1 << 20
#: A row of a stream: its number, its cells by header, and problems by header ("" for the
#: whole row) that make the row unusable.
Row = tuple[int, dict[str, str], dict[str, InputError]]


@dataclass
class Table:
    """Rows of a file with their original headers."""

    path: Path
    headers: list[str]
    rows: list[dict[str, str]]
    row_numbers: list[int]


@dataclass
class TableStream:
    """A file's headers and an iterator over its non-empty rows (read once)."""

    path: Path
    headers: list[str]
    rows: Iterator[Row]
    #: Rows expected, for a progress bar (0 if unknown); never a promise.
    size_hint: int = 0
    problems: list[InputError] = field(default_factory=list)


def cell_text(value: object) -> str:
    """A cell as the text it shows: "" for an empty cell, "12" for 12.0, "0.00001" not "1e-05"."""
    if value is None:
        return ""
    if isinstance(value, float):
        return number_text(value)
    return str(value).strip()


def _unique_headers(raw: Sequence[object]) -> list[str]:
    """pandas' header names: blanks become "Unnamed: i" and repeats "name.1", "name.2"."""
    headers: list[str] = []
    seen: dict[str, int] = {}
    for index, value in enumerate(raw):
        name = cell_text(value) or f"Unnamed: {index}"
        if name in seen:
            seen[name] += 1
            name = f"{name}.{seen[name]}"
        seen.setdefault(name, 0)
        headers.append(name)
    return headers


@contextmanager
def open_table(path: Path, sheet: str | int = 0) -> Iterator[TableStream]:
    """Open a CSV or XLSX file as a :class:`TableStream`; raises InputError for a missing,
    wrong, empty, damaged or encrypted file (also later, while its rows are read)."""
    path = Path(path)
    if not path.exists():
        raise InputError("file_missing", path=str(path))
    ext = path.suffix.lower()
    if ext not in SUPPORTED:
        raise InputError("file_extension", path=path.name, ext=ext or "(sin extensión)")
    if ext == ".csv":
        stream, handle = _csv_stream(path)
        try:
            yield stream
        finally:
            handle.close()
        return
    with XlsxReader(path) as reader:
        yield _xlsx_stream(path, reader, sheet)


# -- CSV ---------------------------------------------------------------------------------------


def _scan_csv(path: Path) -> tuple[str, int]:
    """The file's encoding and its line count, in one pass of bounded memory.

    Excel on Windows saves CSV as UTF-8 with BOM or as cp1252.
    """
    decoder = codecs.getincrementaldecoder("utf-8")()
    utf8, lines = True, 0
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
            if b"\x00" in head:
                raise InputError("file_unreadable", path=path.name, reason="binario, no es CSV")
            handle.seek(0)
            while chunk := handle.read(_CHUNK):
                lines += chunk.count(b"\n")
                if utf8:
                    try:
                        decoder.decode(chunk)
                    except UnicodeDecodeError:
                        utf8 = False
            if utf8:
                decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        utf8 = False
    except OSError as exc:
        raise InputError("file_unreadable", path=path.name, reason=str(exc)) from exc
    return ("utf-8-sig" if utf8 else "cp1252"), lines


def _csv_stream(path: Path) -> tuple[TableStream, io.TextIOBase]:
    encoding, lines = _scan_csv(path)
    handle = path.open("r", encoding=encoding, errors="strict", newline="")
    try:
        try:
            sample = handle.read(4096)
        except UnicodeDecodeError as exc:  # neither UTF-8 nor cp1252 (bytes cp1252 leaves unassigned)
            raise InputError("file_unreadable", path=path.name, reason=str(exc).splitlines()[0]) from exc
        handle.seek(0)
        try:
            delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter if sample.strip() else ","
        except csv.Error:
            delimiter = ","  # one column, or nothing to tell by: missing columns are reported later
        reader = csv.reader(handle, delimiter=delimiter)
        records = _csv_records(path, reader)
        header = next(records, None)
    except BaseException:
        handle.close()
        raise
    if header is None:
        handle.close()
        raise InputError("file_empty", path=path.name)
    headers = _unique_headers(header[1])
    return TableStream(path, headers, _csv_rows(headers, records), max(lines - 1, 0)), handle


def _csv_records(path: Path, reader: Iterator[list[str]]) -> Iterator[tuple[int, list[str]]]:
    """Non-blank records with their row number as Excel shows it (a record is a row)."""
    number = 0
    while True:
        try:
            record = next(reader, None)
        except (csv.Error, UnicodeDecodeError) as exc:  # NUL bytes, a field over the size limit
            raise InputError(
                "file_unreadable", path=path.name, reason=f"fila {number + 1}: {str(exc).splitlines()[0]}"
            ) from exc
        if record is None:
            return
        number += 1
        if any(field.strip() for field in record):
            yield number, record


def _csv_rows(headers: list[str], records: Iterator[tuple[int, list[str]]]) -> Iterator[Row]:
    width = len(headers)
    for number, record in records:
        row = {h: v.strip() for h, v in zip(headers, record, strict=False)}
        for missing in headers[len(record) :]:
            row[missing] = ""
        problems: dict[str, InputError] = {}
        if len(record) > width:
            # Most often a number with an unquoted comma: "1,234" would be 1, and 234 the
            # next column's. Even empty extra fields: "5,," may be "5," plus a blank comment.
            problems[""] = InputError("extra_fields", count=len(record), expected=width)
        yield number, row, problems


# -- XLSX --------------------------------------------------------------------------------------


def _xlsx_stream(path: Path, reader: XlsxReader, sheet: str | int) -> TableStream:
    name = guarded(path, lambda: reader.sheet_name(sheet))
    rows = reader.rows(name)
    for _number, values, problems in rows:
        if any(cell_text(v) for v in values) or problems:
            headers = _unique_headers(values)
            break
    else:
        raise InputError("file_empty", path=path.name)
    return TableStream(path, headers, _xlsx_rows(headers, rows))


def _xlsx_rows(headers: list[str], rows: Iterator[XlsxRow]) -> Iterator[Row]:
    for number, values, problems in rows:
        if not values:
            continue
        if len(values) > len(headers) and any(cell_text(v) for v in values[len(headers) :]):
            # A row wider than the first (a title line above the real header, as DGIS
            # downloads have): name the new columns as pandas does, in the shared list.
            headers.extend(f"Unnamed: {i}" for i in range(len(headers), len(values)))
        row = {h: cell_text(values[i]) if i < len(values) else "" for i, h in enumerate(headers)}
        named = {headers[i]: p for i, p in problems.items() if i < len(headers)}
        if named or any(row.values()):
            yield number, row, named


# -- whole tables (small files: the facility catalogue) -----------------------------------------


def read_table(path: Path, sheet: str | int = 0) -> Table:
    """Read a whole CSV or XLSX file; raises InputError for a missing, wrong, broken,
    encrypted or empty file, and "rows_rejected" for cells that cannot be read."""
    path = Path(path)
    rows, numbers, problems = [], [], []
    with open_table(path, sheet) as stream:
        headers = stream.headers
        for number, row, row_problems in stream.rows:
            for column, problem in row_problems.items():
                reason = InputError("in_column", column=column, reason=problem) if column else problem
                problems.append(InputError("row_error", path=path.name, row=number, reason=reason))
            rows.append(row)
            numbers.append(number)
    for row in rows:  # rows read before the header list grew get its new columns, empty
        for header in headers[len(row) :]:
            row[header] = ""
    if problems:
        bad_rows = len({p.params["row"] for p in problems})
        raise InputError("rows_rejected", details=listed_with_rest(problems, len(problems)), count=bad_rows)
    if not rows:
        raise InputError("file_empty", path=path.name)
    return Table(path, headers, rows, numbers)


# -- writing -----------------------------------------------------------------------------------


def _frame(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> pd.DataFrame:
    # dtype=object: a column of counts with one empty value stays ints and None; inferred,
    # it became float64 and the CSV said 6595.0, which no longer imported back unchanged.
    import pandas as pd  # noqa: PLC0415 - heavy: only when a CSV is written

    return pd.DataFrame(list(rows), columns=list(headers), dtype=object)


#: What makes a spreadsheet read a text cell as a formula (or a DDE command): Excel and
#: LibreOffice evaluate ``=``, ``+``, ``-`` and ``@``; a leading tab or CR hides one.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value: object) -> TypeGuard[str]:
    """True for text a spreadsheet would evaluate (numbers are never touched)."""
    return isinstance(value, str) and value.startswith(FORMULA_START)


def neutralise_csv(value: object) -> object:
    """A CSV cell that cannot become a formula: such text gets a leading apostrophe.

    Comments and names come from packages and CLUES files, i.e. from outside (issue 11
    hole 9). Only text is prefixed: a negative number stays a number.
    """
    return "'" + value if is_formula_like(value) else value


def text_cell(cell: Cell | WriteOnlyCell) -> Cell | WriteOnlyCell:
    """Keep a formula-like XLSX value as text: type ``s`` and Excel's quote prefix.

    openpyxl writes any string starting with ``=`` as a live formula; stored as text the
    cell shows (and imports back) exactly what was written, and the quote prefix keeps
    Excel from turning it into a formula when someone edits the cell.
    """
    if is_formula_like(cell.value):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


#: RFC 4180 line ends. With "\n", Python 3.11's csv module leaves a field holding a bare CR
#: unquoted, and the file no longer parses (a comment with a CR in it broke its row).
_CSV_EOL = "\r\n"


def _csv_cell(value: object) -> object:
    # Floats as the text they stand for (53.4, 0.0001), never an exponent ("1e-04"); only
    # text is neutralised, so "-2.5" from a number is never prefixed.
    return number_text(value) if isinstance(value, float) else neutralise_csv(value)


def _xlsx_cell(sheet: Any, value: object) -> object:  # sheet: openpyxl's (untyped) write-only sheet
    if isinstance(value, float) and value != value:
        return None
    if is_formula_like(value):
        from openpyxl.cell import WriteOnlyCell  # noqa: PLC0415 - heavy: only when an XLSX is written

        return text_cell(WriteOnlyCell(sheet, value=value))
    return value


def write_table(
    path: Path, headers: Sequence[str], rows: Sequence[Sequence[object]], sheet_name: str = "datos"
) -> None:
    """Write rows as CSV (UTF-8 with BOM, so Excel shows accents) or XLSX.

    Text that a spreadsheet would evaluate (``= + - @``, tab, CR first) is neutralised:
    an apostrophe in CSV, a text cell in XLSX (:func:`neutralise_csv`, :func:`text_cell`).

    Writes to a temporary file first and renames it, so a full disk never leaves
    a truncated export behind.
    """
    path = Path(path)
    ext = path.suffix.lower()
    if ext not in SUPPORTED:
        raise InputError("file_extension", path=path.name, ext=ext or "(sin extensión)")
    tmp = path.with_name(path.name + ".tmp")
    try:
        if ext == ".csv":
            _frame(headers, [[_csv_cell(v) for v in r] for r in rows]).to_csv(
                tmp, index=False, encoding="utf-8-sig", lineterminator=_CSV_EOL
            )
        else:
            # Opened here, before any row is streamed: a folder that cannot take the file
            # fails at once, not inside openpyxl with its row writers left half open.
            with tmp.open("wb") as handle:
                _write_xlsx(handle, list(headers), rows, sheet_name)
        tmp.replace(path)
    except OSError as exc:
        discard(tmp)
        raise output_error(exc, path) from exc


def _write_xlsx(path: Path | BinaryIO, headers: list[str], rows: Sequence[Sequence[object]], sheet_name: str) -> None:
    # openpyxl's write-only mode streams rows: about twice as fast as pandas' to_excel
    # (which builds every cell object first) for a state's year of values.
    from openpyxl import Workbook  # noqa: PLC0415 - heavy: only when an XLSX is written

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_name)
    sheet.append(headers)
    for record in rows:
        sheet.append([_xlsx_cell(sheet, v) for v in record])
    workbook.save(path)


def table_bytes(headers: Sequence[str], rows: Sequence[Sequence[object]], ext: str, sheet_name: str = "datos") -> bytes:
    """The bytes of a CSV (UTF-8 with BOM) or XLSX file of ``rows``, for an atomic write.

    Built in memory so the caller can hand them to ``files.write_bytes_atomic`` (fsync and
    rename): an export is either whole at its destination or not there at all.
    """
    ext = ext.lower() if ext.startswith(".") else f".{ext.lower()}"
    if ext not in SUPPORTED:
        raise InputError("file_extension", path=f"*{ext}", ext=ext)
    if ext == ".csv":
        data: bytes = (
            _frame(headers, [[_csv_cell(v) for v in r] for r in rows])
            .to_csv(index=False, lineterminator=_CSV_EOL)
            .encode("utf-8-sig")
        )
        return data
    buffer = io.BytesIO()
    _write_xlsx(buffer, list(headers), rows, sheet_name)
    return buffer.getvalue()
