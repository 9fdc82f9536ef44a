"""Issue 9, defects 1, 3 and 12: hostile and damaged files for `values import` (and
`facilities import`): never a traceback, never a value lost, exit 1 and nothing written."""

from __future__ import annotations

import csv
import io
import struct
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from app.cli import main as cli
from app.models.messages import InputError
from app.services.files.value_files import LONG_COLUMNS, import_values, write_template
from app.services.files.value_staging import MAX_LISTED_ERRORS
from app.storage.database import DB_FILENAME

BASE = [
    ["NTSSA000001", "202302", "cirugias", "", "50", ""],
    ["NTSSA000001", "202302", "consultas_especialidad", "", "1234", ""],
    ["NTSSA000002", "202302", "consultas_medicina_familiar", "", "77", "nota"],
]


def write_csv(path: Path, rows: list[list[object]], headers: list[str] = LONG_COLUMNS) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list[object]], sheet: str = "Valores") -> Path:
    """A long-format workbook written by openpyxl: formulas are saved without a cached value."""
    book = Workbook()
    book.active.title = sheet
    book.active.append(LONG_COLUMNS)
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def run_cli(data_dir: Path, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["--data-dir", str(data_dir), *argv], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def values_and_log(ws) -> tuple[list, list]:
    """What a refused import must leave untouched: every value and the whole change log."""
    return (
        ws.conn.execute("SELECT * FROM data_values ORDER BY 1, 2, 3, 4").fetchall(),
        ws.conn.execute("SELECT * FROM change_log ORDER BY 1").fetchall(),
    )


@pytest.fixture
def stored_ws(small_ws, tmp_path):
    """small_ws with three stored values (the ones a bad XLSX must not erase)."""
    import_values(small_ws, write_csv(tmp_path / "base.csv", BASE))
    return small_ws


# -- defect 1: cells that read as empty must not erase stored values ---------------------------


@pytest.mark.parametrize(
    "cell, needle",
    [
        ("N/A", "«N/A» no es un número"),
        ("null", "«null» no es un número"),
        ("NaN", "«NaN» no es un número"),
        ("#DIV/0!", "hoja «Valores», celda E2: contiene el error de Excel #DIV/0!"),
        ("#N/A", "hoja «Valores», celda E2: contiene el error de Excel #N/A"),
        ("=1+1", "hoja «Valores», celda E2: la fórmula «=1+1» no tiene un valor calculado"),
    ],
)
def test_xlsx_cells_that_pandas_reads_as_empty_are_refused(stored_ws, tmp_path, cell, needle):
    rows = [[*BASE[0][:4], cell, ""], [*BASE[1][:4], "1300", ""]]
    path = write_xlsx(tmp_path / "valores.xlsx", rows)
    before = values_and_log(stored_ws)
    with pytest.raises(InputError) as info:
        import_values(stored_ws, path)
    message = info.value.message("es")
    assert info.value.code == "rows_rejected"
    assert "valores.xlsx, fila 2" in message and needle in message, message
    assert "no se guardó nada" in message
    assert values_and_log(stored_ws) == before


def _set_error_cell(path: Path, cell: str, error: str) -> None:
    """Rewrite the value of the error cell ``cell`` (written as #N/A) to ``error``."""
    rewrite_member(
        path,
        "xl/worksheets/sheet1.xml",
        lambda xml: xml.replace(
            f'<c r="{cell}" t="e"><v>#N/A</v>'.encode(), f'<c r="{cell}" t="e"><v>{error}</v>'.encode()
        ),
    )


@pytest.mark.parametrize(
    "error", ["#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#GETTING_DATA", "#SPILL!", "#CALC!"]
)
def test_every_excel_error_value_is_refused_naming_sheet_and_cell(stored_ws, tmp_path, error):
    path = write_xlsx(tmp_path / "errores.xlsx", [[*BASE[2][:4], "#N/A", "ok"]])
    _set_error_cell(path, "E2", error)
    before = values_and_log(stored_ws)
    with pytest.raises(InputError) as info:
        import_values(stored_ws, path)
    assert f"hoja «Valores», celda E2: contiene el error de Excel {error}" in info.value.message("es")
    assert f"sheet 'Valores', cell E2: holds the Excel error {error}" in info.value.message("en")
    assert values_and_log(stored_ws) == before


def test_an_error_in_the_comment_column_is_refused_too(stored_ws, tmp_path):
    path = write_xlsx(tmp_path / "comentario.xlsx", [[*BASE[0][:4], "50", "#REF!"]])
    before = values_and_log(stored_ws)
    with pytest.raises(InputError) as info:
        import_values(stored_ws, path)
    assert "celda F2: contiene el error de Excel #REF!" in info.value.message("es")
    assert values_and_log(stored_ws) == before


def test_a_formula_with_its_cached_value_is_read_as_that_value(stored_ws, tmp_path):
    path = write_xlsx(tmp_path / "formula.xlsx", [[*BASE[0][:4], "=40+20", ""]])
    rewrite_member(
        path, "xl/worksheets/sheet1.xml", lambda xml: xml.replace(b"<f>40+20</f><v></v>", b"<f>40+20</f><v>60</v>")
    )
    result = import_values(stored_ws, path)
    assert (result.updated, result.unchanged) == (1, 0)
    value = stored_ws.conn.execute("SELECT value FROM data_values WHERE variable = 'cirugias'").fetchone()
    assert value == (60,)


def test_an_empty_value_in_the_long_format_still_means_sin_dato(stored_ws, tmp_path):
    """The long format's explicit rule (an export writes "sin dato" so): a row naming the
    key with an empty value clears it, in CSV and XLSX alike."""
    path = write_xlsx(tmp_path / "vacio.xlsx", [[*BASE[0][:4], None, "se borra"]])
    assert import_values(stored_ws, path).updated == 1
    assert stored_ws.conn.execute("SELECT value, comment FROM data_values WHERE variable = 'cirugias'").fetchone() == (
        None,
        "se borra",
    )


def test_template_cells_with_excel_errors_or_uncached_formulas_are_refused(stored_ws, tmp_path):
    path = write_template(stored_ws, "18", "202302", tmp_path / "plantilla.xlsx")
    book = load_workbook(path)
    sheet = next(book[n] for n in book.sheetnames if any(str(c.value or "").endswith("[cirugias]") for c in book[n][1]))
    column = next(c.column_letter for c in sheet[1] if str(c.value or "").endswith("[cirugias]"))
    row = next(c.row for c in sheet["A"] if c.value == "NTSSA000001")
    sheet[f"{column}{row}"] = "#DIV/0!"
    other = next(c.column_letter for c in sheet[1] if str(c.value or "").endswith("[consultas_especialidad]"))
    sheet[f"{other}{row}"] = "=SUM(A1:A2)"
    book.save(path)
    before = values_and_log(stored_ws)
    code, out, err = run_cli(stored_ws.data_dir, "values", "import", str(path))
    assert code == 1 and out == "" and "Traceback" not in err
    assert f"hoja «{sheet.title}», celda {column}{row}: contiene el error de Excel #DIV/0!" in err
    assert f"celda {other}{row}: la fórmula «=SUM(A1:A2)» no tiene un valor calculado" in err
    assert values_and_log(stored_ws) == before


def test_cli_refuses_na_in_xlsx_and_keeps_the_value(stored_ws, tmp_path):
    path = write_xlsx(tmp_path / "na.xlsx", [[*BASE[0][:4], "N/A", ""], [*BASE[1][:4], "=1+1", ""]])
    before = values_and_log(stored_ws)
    code, out, err = run_cli(stored_ws.data_dir, "values", "import", str(path))
    assert code == 1 and "Traceback" not in err and "actualizadas" not in out
    assert "na.xlsx, fila 2" in err and "«N/A» no es un número" in err
    assert "na.xlsx, fila 3" in err and "celda E3" in err
    assert values_and_log(stored_ws) == before


# -- defect 3: damaged and encrypted XLSX files -----------------------------------------------------


def rewrite_member(path: Path, name: str, change) -> None:
    """Rewrite one member of a real zip (deflated like the original) through ``change``."""
    with zipfile.ZipFile(path) as source:
        members = [(info, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in members:
            if info.filename == name:
                data = change(data)
                if data is None:
                    continue  # the member is dropped
            target.writestr(info.filename, data)


def _set_flag(path: Path, name: str, bits: int) -> None:
    """Set general-purpose flag ``bits`` of member ``name`` in both headers (as an encrypting
    zip tool would), leaving the data as it is."""
    data = bytearray(path.read_bytes())
    start = 0
    while True:  # every header that names the member: the local one and the central one
        at = data.find(name.encode(), start)
        if at < 0:
            break
        for offset, magic in ((30, b"PK\x03\x04"), (46, b"PK\x01\x02")):
            head = at - offset
            if head >= 0 and data[head : head + 4] == magic:
                flag_at = head + (6 if magic == b"PK\x03\x04" else 8)
                flags = struct.unpack_from("<H", data, flag_at)[0]
                struct.pack_into("<H", data, flag_at, flags | bits)
        start = at + 1
    path.write_bytes(bytes(data))


def _flip_deflated_bytes(path: Path, name: str) -> None:
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(name)
    data = bytearray(path.read_bytes())
    name_len, extra_len = struct.unpack_from("<HH", data, info.header_offset + 26)
    body = info.header_offset + 30 + name_len + extra_len
    for offset in range(10, min(info.compress_size - 4, 60)):
        data[body + offset] ^= 0xA5
    path.write_bytes(bytes(data))


def _damage(kind: str, path: Path) -> None:
    sheet = "xl/worksheets/sheet1.xml"
    if kind == "sheet_xml_cut":
        rewrite_member(path, sheet, lambda xml: xml[: len(xml) * 2 // 3])
    elif kind == "sheet_xml_garbage":
        rewrite_member(path, sheet, lambda xml: xml.replace(b"<sheetData>", b'<sheetData><row r="2"><c <<'))
    elif kind == "workbook_xml_garbage":
        rewrite_member(path, "xl/workbook.xml", lambda xml: b"<workbook xmlns='x'><sheets><<<")
    elif kind == "styles_xml_garbage":
        rewrite_member(path, "xl/styles.xml", lambda xml: xml[:40])
    elif kind == "missing_workbook_part":
        rewrite_member(path, "xl/workbook.xml", lambda xml: None)
    elif kind == "missing_sheet_part":
        rewrite_member(path, sheet, lambda xml: None)
    elif kind == "missing_content_types":
        rewrite_member(path, "[Content_Types].xml", lambda xml: None)
    elif kind == "shared_string_out_of_range":
        rewrite_member(
            path,
            sheet,
            lambda xml: xml.replace(
                b'<c r="A2" t="inlineStr"><is><t>NTSSA000001</t></is></c>', b'<c r="A2" t="s"><v>999</v></c>'
            ),
        )
    elif kind == "bad_number":
        rewrite_member(
            path,
            sheet,
            lambda xml: xml.replace(b'<c r="E2" t="inlineStr"><is><t>50</t></is></c>', b'<c r="E2"><v>5x0</v></c>'),
        )
    elif kind == "row_beyond_excel":  # openpyxl would yield a billion empty rows to reach it
        rewrite_member(path, sheet, lambda xml: xml.replace(b'<row r="3"', b'<row r="999999999"'))
    elif kind == "flipped_deflate":
        _flip_deflated_bytes(path, sheet)
    elif kind == "zip_encryption_bit":
        _set_flag(path, sheet, 0x1)
    elif kind == "strong_encryption":
        _set_flag(path, sheet, 0x1 | 0x40)
    elif kind == "ole_encrypted":  # what Excel writes for a workbook with a password to open
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le"))
    elif kind == "truncated":
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    elif kind == "csv_named_xlsx":
        path.write_text("org_unit,period,variable,disaggregation,value,comment\nNTSSA000001,202302,cirugias,,1,\n")
    elif kind == "empty_file":
        path.write_bytes(b"")
    elif kind == "zip_without_workbook":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("hola.txt", "no soy un libro de Excel")
    else:
        raise AssertionError(kind)


DAMAGE = [
    "sheet_xml_cut",
    "sheet_xml_garbage",
    "workbook_xml_garbage",
    "styles_xml_garbage",
    "missing_workbook_part",
    "missing_sheet_part",
    "missing_content_types",
    "shared_string_out_of_range",
    "bad_number",
    "row_beyond_excel",
    "flipped_deflate",
    "zip_encryption_bit",
    "strong_encryption",
    "ole_encrypted",
    "truncated",
    "csv_named_xlsx",
    "empty_file",
    "zip_without_workbook",
]
ENCRYPTED = {"zip_encryption_bit", "strong_encryption", "ole_encrypted"}


def _damaged_file(tmp_path: Path, kind: str) -> Path:
    rows = [[*BASE[0][:4], "50", ""], [*BASE[1][:4], "1300", ""]]
    book = Workbook()
    book.active.append(LONG_COLUMNS)
    for row in rows:
        book.active.append([str(v) for v in row])
    path = tmp_path / f"danado_{kind}.xlsx"
    book.save(path)
    _damage(kind, path)
    return path


@pytest.mark.parametrize("kind", DAMAGE)
def test_damaged_xlsx_is_exit_1_with_a_plain_message_and_nothing_written(stored_ws, tmp_path, kind):
    path = _damaged_file(tmp_path, kind)
    before = values_and_log(stored_ws)
    backups = sorted((stored_ws.data_dir / "backups").glob("*")) if (stored_ws.data_dir / "backups").exists() else []
    code, out, err = run_cli(stored_ws.data_dir, "values", "import", str(path))
    assert code == 1, (out, err)
    assert "Traceback" not in err and out == ""
    assert path.name in err
    if kind in ENCRYPTED:
        assert "cifrado o protegido con contraseña" in err, err
    else:
        assert "dañado" in err or "no se pudo leer" in err or "no tiene filas" in err or "rechazadas" in err, err
    assert len(err.splitlines()) <= 4, err
    assert values_and_log(stored_ws) == before
    after = sorted((stored_ws.data_dir / "backups").glob("*")) if (stored_ws.data_dir / "backups").exists() else []
    assert after == backups
    code, _, err_en = run_cli(stored_ws.data_dir, "--lang", "en", "values", "import", str(path))
    assert code == 1 and "Traceback" not in err_en


@pytest.mark.parametrize("kind", DAMAGE)
def test_damaged_xlsx_in_facilities_import_is_exit_1(data_dir, tmp_path, kind):
    path = _damaged_file(tmp_path, kind)
    code, out, err = run_cli(data_dir, "facilities", "import", str(path))
    assert code == 1, (out, err)
    assert "Traceback" not in err and path.name in err
    if kind in ENCRYPTED:
        assert "cifrado" in err
    code, out, _ = run_cli(data_dir, "facilities", "list", "--json")
    assert out.strip() == "[]"


def test_damaged_file_through_a_real_subprocess(stored_ws, tmp_path):
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[3]
    path = _damaged_file(tmp_path, "flipped_deflate")
    stored_ws.close()
    proc = subprocess.run(
        [sys.executable, str(root / "main.py"), "--data-dir", str(stored_ws.data_dir), "values", "import", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=root,
    )
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr[-2000:]
    assert "dañado" in proc.stderr and path.name in proc.stderr
    assert (stored_ws.data_dir / DB_FILENAME).exists()


# -- defect 12: a file of many errors lists the first 100 and writes nothing --------------------------


def test_many_error_rows_list_the_first_100_and_the_total(stored_ws, tmp_path):
    rows = [["NTSSA000001", "202302", "cirugias", "", f"malo{i}", ""] for i in range(5000)]
    rows.insert(10, [*BASE[0][:4], "999", ""])  # a valid change among them is not stored either
    path = write_csv(tmp_path / "miles.csv", rows)
    before = values_and_log(stored_ws)
    code, out, err = run_cli(stored_ws.data_dir, "values", "import", str(path))
    assert code == 1 and "Traceback" not in err and out == ""
    lines = err.splitlines()
    assert lines[0] == "5000 filas rechazadas; no se guardó nada"
    assert len(lines) == 1 + MAX_LISTED_ERRORS + 1
    assert lines[1] == "  miles.csv, fila 2: columna «value»: «malo0» no es un número"
    assert lines[-1] == f"  … y {5000 - MAX_LISTED_ERRORS} errores más (se muestran los primeros 100)"
    assert values_and_log(stored_ws) == before
    _, _, err_en = run_cli(stored_ws.data_dir, "--lang", "en", "values", "import", str(path))
    assert err_en.splitlines()[-1] == "  … and 4900 more errors (the first 100 are shown)"


def test_many_duplicate_rows_are_counted_once_each(stored_ws, tmp_path):
    rows = [[*BASE[0][:4], "7", ""] for _ in range(300)]
    with pytest.raises(InputError) as info:
        import_values(stored_ws, write_csv(tmp_path / "dup.csv", rows))
    assert info.value.params["count"] == 300
    assert len(info.value.details) == MAX_LISTED_ERRORS + 1


# -- the CSV reader, now a stream ------------------------------------------------------------------


def test_csv_number_with_an_unquoted_comma_is_refused_not_cut(stored_ws, tmp_path):
    path = tmp_path / "coma.csv"
    path.write_text(",".join(LONG_COLUMNS) + "\nNTSSA000001,202302,cirugias,,1,234,\n", encoding="utf-8")
    before = values_and_log(stored_ws)
    with pytest.raises(InputError) as info:
        import_values(stored_ws, path)
    assert "coma.csv, fila 2: la fila tiene 7 campos y el encabezado 6" in info.value.message("es")
    assert values_and_log(stored_ws) == before


@pytest.mark.parametrize(
    "content, needle",
    [
        (
            b"org_unit,period,variable,disaggregation,value,comment\n"
            + b"NTSSA000001,202302,cirugias,,5,\n" * 3000
            + b"NTSSA000001,202302,\x00cirugias,,5,\n",
            "rechazadas",
        ),  # a NUL past the first 4 KB: a bad row
        (
            b"org_unit,period,variable,disaggregation,value,comment\nNTSSA000001,202302,cirugias,,\xe9\x81,\n",
            "no se pudo leer",
        ),  # neither UTF-8 nor cp1252 (0x81 is unassigned)
        (
            b"org_unit,period,variable,value\n" + b'NTSSA000001,202302,cirugias,"' + b"9" * 200_000 + b'"\n',
            "no se pudo leer",
        ),  # a field over the csv module's limit
    ],
)
def test_csv_damaged_after_the_first_rows_is_exit_1_and_nothing_written(stored_ws, tmp_path, content, needle):
    path = tmp_path / "roto.csv"
    path.write_bytes(content)
    before = values_and_log(stored_ws)
    code, out, err = run_cli(stored_ws.data_dir, "values", "import", str(path))
    assert code == 1 and "Traceback" not in err and out == ""
    assert "roto.csv" in err and needle in err, err
    assert values_and_log(stored_ws) == before


def test_blank_lines_keep_the_row_numbers_excel_shows(stored_ws, tmp_path):
    path = tmp_path / "huecos.csv"
    path.write_text(",".join(LONG_COLUMNS) + "\n\nNTSSA000001,202302,cirugias,,N/A,\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        import_values(stored_ws, path)
    assert "huecos.csv, fila 3: columna «value»: «N/A» no es un número" in info.value.message("es")
