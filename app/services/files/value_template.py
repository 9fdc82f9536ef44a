"""The pre-filled Excel template of a state's month (writing and reading back).

Layout: an "Instrucciones" sheet; one sheet per catalog section with a row per
facility and a column per enterable cell; a "Datos estatales" sheet for the
state-level variables; a hidden "coordina" sheet with the state, period and
catalog version. Column headers end in ``[variable]`` or ``[variable.option]``,
which is what the reader relies on, so labels may be edited freely.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from app.models.catalog import Catalog, Column
from app.models.facility import Facility
from app.models.messages import InputError
from app.models.periods import period_label
from app.models.report_details import parse_provisional
from app.models.values import Scalar
from app.storage.files import discard
from app.storage.tabular import text_cell
from app.storage.xlsx_reader import XlsxReader, check_container

META_SHEET = "coordina"
INSTRUCTIONS_SHEET = "Instrucciones"
STATE_SHEET = "Datos estatales"
FORMAT_ID = "coordina-plantilla-1"
FIXED_HEADERS = ("CLUES", "Unidad", "Tipo", "Municipio")
#: The last column of every sheet: marks the values typed on that row provisional (Sí/No).
PROVISIONAL_HEADER = "Provisional (Sí/No)"
_CODE = re.compile(r"\[([A-Za-z0-9_]+)(?:\.([A-Za-z0-9_]+))?\]\s*$")
_GREY = PatternFill("solid", fgColor="D9D9D9")
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_FIXED_FILL = PatternFill("solid", fgColor="F2F2F2")


@dataclass(frozen=True)
class TemplateCell:
    """One non-empty value cell read from a template."""

    sheet: str
    row: int
    header: str
    org_unit: str
    variable: str
    option: str
    value: object
    #: Why the cell cannot be read (an Excel error, a formula without its value), or None.
    problem: InputError | None = None
    #: The row's "Provisional" column: True/False, or None (empty: the flag is left as it is).
    provisional: bool | None = None


@dataclass(frozen=True)
class TemplateData:
    """A template's state, period and catalog version, and its value cells (a stream)."""

    state_code: str
    period: str
    catalog_version: str
    cells: Iterator[TemplateCell]


def is_template(path: Path) -> bool:
    """Whether ``path`` is an XLSX written by :func:`write_workbook` (has the meta sheet)."""
    if path.suffix.lower() != ".xlsx" or not path.is_file() or not zipfile.is_zipfile(path):
        return False
    try:
        check_container(path)
        book = load_workbook(path, read_only=True)
    except Exception:  # noqa: BLE001 - a broken workbook: the long-format reader reports it properly
        return False
    try:
        return META_SHEET in book.sheetnames
    finally:
        book.close()


def header_for(column: Column) -> str:
    """ "Plazas autorizadas · Médicos especialistas [plazas_autorizadas.especialistas]"."""
    code = column.variable.code + (f".{column.option.code}" if column.option else "")
    return f"{column.label('es')} [{code}]"


def _display(column: Column, value: Scalar) -> object:
    var = column.variable
    if value is None:
        return None
    if var.unit == "yesno":
        return "Sí" if value else "No"
    if var.unit == "category":
        for option in var.options:
            if option.code == value:
                return option.label_es
    return value


def _validation(column: Column) -> DataValidation | None:
    var = column.variable
    if var.unit == "yesno":
        items = ["Sí", "No"]
    elif var.unit == "category":
        items = [o.label_es for o in var.options]
    else:
        return None
    return DataValidation(
        type="list",
        formula1='"' + ",".join(items) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Valor no válido",
        error="Elija un valor de la lista.",
    )


def _number_format(column: Column) -> str:
    unit = column.variable.unit
    if unit == "money":
        return "#,##0.00"
    if unit == "percent":
        return "0.0"
    if unit == "count":
        return "#,##0"
    return "General"


def _write_grid(
    sheet: Worksheet,
    fixed_headers: tuple[str, ...],
    units: Sequence[tuple[tuple[str, str, str, str], str | None]],
    columns: list[Column],
    values: dict[tuple[str, str, str], Scalar],
) -> None:
    """Header row, then one row per org unit; ``units`` holds (fixed cells, category)."""
    headers = [*fixed_headers, *(header_for(c) for c in columns), PROVISIONAL_HEADER]
    sheet.append(headers)
    for col_index in range(1, len(headers) + 1):
        cell = sheet.cell(row=1, column=col_index)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.row_dimensions[1].height = 75
    first = len(fixed_headers) + 1
    for row_index, (fixed, category) in enumerate(units, start=2):
        for col_index, text in enumerate(fixed, start=1):
            # Names and municipalities come from CLUES files and HQ updates: never a formula.
            cell = text_cell(sheet.cell(row=row_index, column=col_index, value=text))
            cell.fill = _FIXED_FILL
        for offset, column in enumerate(columns):
            cell = sheet.cell(row=row_index, column=first + offset)
            if category is not None and not column.variable.applies(category):
                cell.fill = _GREY
                continue
            cell.value = _display(column, values.get((fixed[0], *column.key)))
            text_cell(cell)
            cell.number_format = _number_format(column)
    last_row = max(2, len(units) + 1)
    flag = DataValidation(
        type="list",
        formula1='"Sí,No"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Valor no válido",
        error="Elija Sí o No, o deje la celda vacía.",
    )
    flag_letter = get_column_letter(first + len(columns))
    flag.add(f"{flag_letter}2:{flag_letter}{last_row}")
    sheet.add_data_validation(flag)
    sheet.column_dimensions[flag_letter].width = 14
    for offset, column in enumerate(columns):
        validation = _validation(column)
        if validation is not None:
            letter = get_column_letter(first + offset)
            validation.add(f"{letter}2:{letter}{last_row}")
            sheet.add_data_validation(validation)
    widths = (14, 44, 30, 22)[: len(fixed_headers)]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for offset in range(len(columns)):
        sheet.column_dimensions[get_column_letter(first + offset)].width = 18
    sheet.freeze_panes = sheet.cell(row=2, column=first)


def _instructions(sheet: Worksheet, state_name: str, state_code: str, period: str, version: str) -> None:
    lines = [
        ("Plantilla de captura mensual — Coordina", True),
        (f"Estado: {state_name} ({state_code})", False),
        (f"Periodo: {period_label(period)} ({period})", False),
        (f"Versión del catálogo: {version}", False),
        (f"Generada: {dt.date.today().isoformat()}", False),
        ("", False),
        ("Cómo llenarla", True),
        (
            "1. Cada hoja es una sección del informe; cada fila es una unidad (CLUES) y cada columna "
            "una variable. El código entre corchetes al final del encabezado identifica la variable; "
            "no lo cambie.",
            False,
        ),
        ("2. Las celdas ya traen los valores capturados en Coordina. Escriba o corrija solo lo que cambie.", False),
        (
            "3. Una celda vacía significa «sin cambio»: no borra el valor guardado. Para dejar un "
            "valor «sin dato», bórrelo en la aplicación.",
            False,
        ),
        ("4. Las celdas grises no aplican a ese tipo de unidad; déjelas vacías.", False),
        ("5. Sí/No y estatus de operación: elija de la lista de la celda.", False),
        ("6. Conteos: números enteros, sin texto y sin negativos. Montos en pesos. Porcentajes de 0 a 100.", False),
        ("7. La hoja «Datos estatales» contiene las variables de la coordinación estatal.", False),
        (
            "7b. Columna «Provisional (Sí/No)»: «Sí» marca como provisionales (**) los valores "
            "escritos en esa fila de la hoja; «No» les quita la marca; vacía no cambia la marca.",
            False,
        ),
        (
            "8. No cambie la columna CLUES, no agregue unidades ni hojas: las unidades nuevas se "
            "registran en el padrón de unidades.",
            False,
        ),
        ("9. Esta plantilla solo sirve para el estado y el periodo indicados arriba.", False),
        ("", False),
        ("Cómo importarla", True),
        ("En Coordina: Archivo → Importar valores. En la terminal: python main.py values import ARCHIVO.xlsx", False),
        (
            "Si alguna celda tiene un error no se guarda nada y se indica la hoja, la fila y la "
            "columna de cada error. Antes de importar se hace un respaldo automático.",
            False,
        ),
    ]
    for text, bold in lines:
        sheet.append([text])
        sheet.cell(row=sheet.max_row, column=1).font = Font(bold=bold, size=13 if bold else 11)
        sheet.cell(row=sheet.max_row, column=1).alignment = Alignment(wrap_text=True)
    sheet.column_dimensions["A"].width = 110


def write_workbook(
    catalog: Catalog,
    state_code: str,
    period: str,
    facilities: list[Facility],
    values: dict[tuple[str, str, str], Scalar],
    path: Path,
) -> None:
    """Write the template to ``path`` (through a temporary file and a rename)."""
    state = catalog.states[state_code]
    book = Workbook()
    _instructions(book.active, state.name, state.code, period, catalog.version)
    book.active.title = INSTRUCTIONS_SHEET
    units = [
        (
            (f.clues, f.name, catalog.facility_types[f.type_code].label_es, f.municipality),
            catalog.facility_types[f.type_code].category,
        )
        for f in facilities
    ]
    for section in catalog.sections:
        columns = catalog.columns(section.code)
        if columns:
            _write_grid(book.create_sheet(section.label_es[:31]), FIXED_HEADERS, units, columns, values)
    state_columns = catalog.columns(level="state")
    if state_columns:
        _write_grid(
            book.create_sheet(STATE_SHEET),
            ("Clave", "Entidad"),
            [((state.code, state.name, "", ""), None)],
            state_columns,
            values,
        )
    meta = book.create_sheet(META_SHEET)
    for key, value in (
        ("formato", FORMAT_ID),
        ("estado", state.code),
        ("periodo", period),
        ("catalogo", catalog.version),
        ("creada", dt.datetime.now().isoformat()),
    ):
        meta.append([key, str(value)])
    meta.sheet_state = "hidden"
    tmp = path.with_name(path.name + ".tmp")
    try:
        book.save(tmp)
        tmp.replace(path)
    except OSError:
        discard(tmp)
        raise


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


@contextmanager
def open_workbook(path: Path) -> Iterator[TemplateData]:
    """Open a template; its ``cells`` are read as a stream while the context is open.

    Raises InputError if the file is damaged, encrypted or not a template (also while
    the cells are read). A cell holding an Excel error or a formula without its computed
    value comes back with ``problem`` set, so it is refused, never taken as empty.
    """
    with XlsxReader(path) as reader:
        if META_SHEET not in reader.sheetnames:
            raise InputError("file_unreadable", path=path.name, reason=f"falta la hoja «{META_SHEET}»")
        meta = {_text(r[0]): _text(r[1]) for _, r, _ in reader.rows(META_SHEET) if len(r) >= 2 and r[0] is not None}
        if meta.get("formato") != FORMAT_ID or not meta.get("estado") or not meta.get("periodo"):
            raise InputError("file_unreadable", path=path.name, reason=f"hoja «{META_SHEET}» dañada")
        yield TemplateData(meta["estado"].zfill(2), meta["periodo"], meta.get("catalogo", ""), _cells(reader))


def _cells(reader: XlsxReader) -> Iterator[TemplateCell]:
    """Every non-empty (or unreadable) value cell of every section sheet."""
    for name in reader.sheetnames:
        if name in (META_SHEET, INSTRUCTIONS_SHEET):
            continue
        rows = reader.rows(name)
        first = next(rows, None)
        if first is None or not first[1]:
            continue
        coded = [(i, _text(h), _CODE.search(_text(h))) for i, h in enumerate(first[1])]
        flag_index = next((i for i, h, m in coded if m is None and _is_provisional(h)), None)
        coded = [(i, h, m) for i, h, m in coded if m]
        for row_number, row, problems in rows:
            org = _text(row[0]) if row else ""
            if not org:
                continue
            org = org.upper() if not org.isdigit() else org.zfill(2)
            provisional, flag_problem = _row_flag(row, problems, flag_index)
            if flag_problem is not None:  # a bad flag refuses its row (never read as "no change")
                yield TemplateCell(name, row_number, PROVISIONAL_HEADER, org, "", "", None, flag_problem)
                continue
            for index, head, match in coded:
                assert match is not None  # coded kept the matched headers only
                value = row[index] if index < len(row) else None
                problem = problems.get(index)
                if problem is None and (value is None or (isinstance(value, str) and not value.strip())):
                    continue  # empty means "no change"
                yield TemplateCell(
                    name, row_number, head, org, match.group(1), match.group(2) or "", value, problem, provisional
                )


def _is_provisional(header: str) -> bool:
    return header.strip().lower().startswith("provisional")


def _row_flag(
    row: Sequence[object], problems: Mapping[int, InputError], index: int | None
) -> tuple[bool | None, InputError | None]:
    """The row's provisional flag, or the reason it cannot be read."""
    if index is None:
        return None, None
    if problems.get(index) is not None:
        return None, problems[index]
    try:
        return parse_provisional(row[index] if index < len(row) else None), None
    except InputError as exc:
        return None, exc
