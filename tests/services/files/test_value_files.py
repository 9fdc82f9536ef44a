"""Values in files: long-format import/export round trips, the Excel template, bad input."""

from __future__ import annotations

import csv
import datetime as dt
import os
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from app.models.messages import InputError
from app.models.periods import current_period, shift
from app.services.entry.month_values import load_month
from app.services.files.backup import list_backups
from app.services.files.value_files import LONG_COLUMNS, export_values, import_values, write_template
from app.services.summary.reports import close_report
from app.services.workspace import open_workspace


def write_long(path: Path, rows: list[list[object]], headers: list[str] = LONG_COLUMNS) -> Path:
    if path.suffix == ".xlsx":
        pd.DataFrame(rows, columns=headers).to_excel(path, index=False)
        return path
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        writer.writerows(rows)
    return path


GOOD = [
    ["NTSSA000001", "202302", "consultas_especialidad", "", "1234", "revisado con el área médica"],
    ["NTSSA000001", "202302", "plazas_autorizadas", "especialistas", "40", ""],
    ["NTSSA000001", "202302", "estatus_operacion", "", "Operando", ""],
    ["NTSSA000002", "202302", "presencia_programa", "", "sí", ""],
    ["18", "202302", "basificacion_meta", "", "909", ""],
]


def stored(ws, org, period, var, opt=""):
    """The stored value of one Nayarit cell."""
    return load_month(ws, "18", period, with_history=False).value(org, var, opt)


# -- long format ------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_long_format_import_then_reimport_is_unchanged(small_ws, tmp_path, suffix, db_dump):
    path = write_long(tmp_path / f"valores{suffix}", GOOD)
    calls: list[tuple[int, int]] = []
    result = import_values(small_ws, path, progress=lambda d, t: calls.append((d, t)))
    assert (result.rows, result.imported, result.updated, result.unchanged) == (5, 5, 0, 0)
    assert calls[-1] == (5, 5)
    assert stored(small_ws, "NTSSA000001", "202302", "consultas_especialidad") == 1234
    assert stored(small_ws, "NTSSA000001", "202302", "estatus_operacion") == "operando"
    assert stored(small_ws, "NTSSA000002", "202302", "presencia_programa") == 1
    assert stored(small_ws, "18", "202302", "basificacion_meta") == 909
    sources = {r[0] for r in small_ws.conn.execute("SELECT source FROM change_log")}
    assert sources == {"archivo"}
    assert [b.reason for b in list_backups(small_ws)] == ["antes_de_importar"]

    before = db_dump(small_ws.conn)
    again = import_values(small_ws, path)
    assert (again.imported, again.updated, again.unchanged) == (0, 0, 5)
    assert db_dump(small_ws.conn) == before

    changed = [list(r) for r in GOOD]
    changed[0][4] = "1,300"
    result = import_values(small_ws, write_long(tmp_path / f"v2{suffix}", changed))
    assert (result.imported, result.updated, result.unchanged) == (0, 1, 4)
    assert stored(small_ws, "NTSSA000001", "202302", "consultas_especialidad") == 1300


def test_flagged_counts_cells_with_validation_findings(small_ws, tmp_path):
    rows = [
        ["NTSSA000001", "202302", "plazas_autorizadas", "especialistas", "10", ""],
        ["NTSSA000001", "202302", "plazas_ocupadas", "especialistas", "12", ""],  # ocupadas > autorizadas
        ["NTSSA000001", "202302", "cirugias", "", "50", ""],
    ]
    result = import_values(small_ws, write_long(tmp_path / "v.csv", rows))
    assert result.imported == 3
    assert result.flagged == 2  # stored like manual entry, and flagged in the grid


@pytest.mark.parametrize(("fmt", "period"), [("csv", None), ("xlsx", "202302")])
def test_demo_export_imports_back_unchanged(demo_ws, tmp_path, fmt, period, db_dump):
    # The XLSX case exports one month: openpyxl needs ~6 s to read the whole demo back.
    path = tmp_path / f"export.{fmt}"
    rows = export_values(demo_ws, path, fmt, period=period)
    where = ("WHERE period = ?", (period,)) if period else ("", ())
    assert rows == demo_ws.conn.execute(f"SELECT count(*) FROM data_values {where[0]}", where[1]).fetchone()[0]
    before = db_dump(demo_ws.conn)
    result = import_values(demo_ws, path)
    assert (result.rows, result.imported, result.updated, result.unchanged) == (rows, 0, 0, rows)
    assert db_dump(demo_ws.conn) == before


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
# openpyxl's row writers were left open when the save failed, and complained when collected.
@pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")
def test_an_unwritable_output_file_blames_the_output_not_the_data_dir(demo_ws, tmp_path, fmt):
    """The output's folder is a file: the message names the output, never the data directory."""
    blocker = tmp_path / "usb"
    blocker.write_text("not a folder")
    for write in (
        lambda p: export_values(demo_ws, p, fmt, state_code="18", period="202302"),
        lambda p: write_template(demo_ws, "18", "202302", p.with_suffix(".xlsx")),
    ):
        with pytest.raises(InputError) as info:
            write(blocker / f"valores.{fmt}")
        assert info.value.code == "output_unwritable", info.value.code
        assert str(blocker) in info.value.message("es")
    assert demo_ws.data_dir.is_dir()


def test_export_filters_and_format_errors(demo_ws, tmp_path):
    one_month = export_values(demo_ws, tmp_path / "feb.csv", "csv", state_code="18", period="202302")
    frame = pd.read_csv(tmp_path / "feb.csv", dtype=str, keep_default_na=False)
    assert list(frame.columns) == LONG_COLUMNS
    assert len(frame) == one_month and set(frame["period"]) == {"202302"}
    assert "18" in set(frame["org_unit"])  # the state's own values (basificación)
    assert export_values(demo_ws, tmp_path / "colima.csv", "csv", state_code="06") == 0
    with pytest.raises(InputError) as info:
        export_values(demo_ws, tmp_path / "x.csv", "xlsx")
    assert info.value.code == "export_extension"
    with pytest.raises(InputError) as info:
        export_values(demo_ws, tmp_path / "x.json", "json")
    assert info.value.code == "export_format"


# -- bad input: every case of the issue, nothing written ---------------------------------------


FUTURE = shift(current_period(), 2)
BAD_CASES = [
    ("unknown_clues", ["NTSSA999999", "202302", "cirugias", "", "5", ""], "org_unit", "NTSSA999999"),
    ("unknown_variable", ["NTSSA000001", "202302", "cirugias_magicas", "", "5", ""], "variable", "cirugias_magicas"),
    (
        "unknown_disaggregation",
        ["NTSSA000001", "202302", "plazas_ocupadas", "dentistas", "5", ""],
        "disaggregation",
        "dentistas",
    ),
    ("not_a_number", ["NTSSA000001", "202302", "cirugias", "", "muchas", ""], "value", "muchas"),
    ("negative", ["NTSSA000001", "202302", "cirugias", "", "-3", ""], "value", "-3"),
    ("above_max", ["NTSSA000001", "202302", "cirugias", "", "10000001", ""], "value", "10,000,000"),
    ("not_an_integer", ["NTSSA000001", "202302", "cirugias", "", "2.5", ""], "value", "2.5"),
    ("period_malformed", ["NTSSA000001", "2023-13", "cirugias", "", "5", ""], "period", "2023-13"),
    ("period_future", ["NTSSA000001", FUTURE, "cirugias", "", "5", ""], "period", FUTURE),
    (
        "state_level_variable",
        ["NTSSA000001", "202302", "basificacion_meta", "", "5", ""],
        "org_unit",
        "basificacion_meta",
    ),
    ("required_field", ["", "202302", "cirugias", "", "5", ""], "org_unit", "org_unit"),
]


@pytest.mark.parametrize(("code", "bad_row", "column", "needle"), BAD_CASES, ids=[c[0] for c in BAD_CASES])
def test_bad_rows_are_rejected_naming_row_and_column(small_ws, tmp_path, db_dump, code, bad_row, column, needle):
    import_values(small_ws, write_long(tmp_path / "base.csv", GOOD))
    before = db_dump(small_ws.conn)
    backups = len(list_backups(small_ws))
    rows = [GOOD[0], GOOD[1], bad_row, GOOD[3]]
    rows[0] = [*GOOD[0][:4], "999", ""]  # a valid change in the same file must not be stored either
    with pytest.raises(InputError) as info:
        import_values(small_ws, write_long(tmp_path / "malo.csv", rows))
    error = info.value
    assert error.code == "rows_rejected"
    assert [(d.code, d.params["row"]) for d in error.details] == [("row_error", 4)]
    reason = error.details[0].params["reason"]
    assert reason.code == "in_column" and reason.params["column"] == column
    assert reason.params["reason"].code == code
    message = error.message("es")
    assert "malo.csv, fila 4: columna «" + column + "»" in message and needle in message
    assert "no se guardó nada" in message
    assert "row 4" in error.message("en")
    assert db_dump(small_ws.conn) == before
    assert len(list_backups(small_ws)) == backups


def test_all_row_errors_are_collected_at_once(small_ws, tmp_path, db_dump):
    rows = [case[1] for case in BAD_CASES]
    before = db_dump(small_ws.conn)
    with pytest.raises(InputError) as info:
        import_values(small_ws, write_long(tmp_path / "todo_mal.csv", rows))
    assert sorted(d.params["row"] for d in info.value.details) == list(range(2, 2 + len(rows)))
    assert info.value.params["count"] == len(rows)
    assert db_dump(small_ws.conn) == before


def test_duplicate_keys_in_one_file_name_both_rows(small_ws, tmp_path, db_dump):
    rows = [GOOD[0], GOOD[1], ["ntssa000001", "202302", "CONSULTAS_ESPECIALIDAD", "", "12", ""]]
    before = db_dump(small_ws.conn)
    with pytest.raises(InputError) as info:
        import_values(small_ws, write_long(tmp_path / "dup.csv", rows))
    pairs = {(d.params["row"], d.params["reason"].params["other_row"]) for d in info.value.details}
    assert pairs == {(4, 2), (2, 4)}
    assert "clave duplicada NTSSA000001 202302 consultas_especialidad" in info.value.message()
    assert db_dump(small_ws.conn) == before


def test_missing_file_wrong_extension_and_missing_columns(small_ws, tmp_path):
    with pytest.raises(InputError) as info:
        import_values(small_ws, tmp_path / "no_existe.csv")
    assert info.value.code == "file_missing"
    (tmp_path / "v.json").write_text("{}")
    with pytest.raises(InputError) as info:
        import_values(small_ws, tmp_path / "v.json")
    assert info.value.code == "file_extension"
    (tmp_path / "falso.xlsx").write_text("org_unit,period\n")
    with pytest.raises(InputError) as info:
        import_values(small_ws, tmp_path / "falso.xlsx")
    assert info.value.code == "file_unreadable"
    path = write_long(tmp_path / "cols.csv", [["NTSSA000001", "cirugias"]], ["org_unit", "variable"])
    with pytest.raises(InputError) as info:
        import_values(small_ws, path)
    assert info.value.code == "missing_columns" and "period, value" in info.value.message()


def test_closed_report_is_refused_unless_nothing_changes(demo_ws, tmp_path, db_dump):
    close_report(demo_ws, "18", "202302")
    feb = tmp_path / "feb.csv"
    export_values(demo_ws, feb, "csv", state_code="18", period="202302")
    assert import_values(demo_ws, feb).imported == 0  # same values: accepted, nothing to write

    frame = pd.read_csv(feb, dtype=str, keep_default_na=False)
    frame.loc[frame["variable"] == "cirugias", "value"] = "7"
    frame.to_csv(tmp_path / "edit.csv", index=False)
    before = db_dump(demo_ws.conn)
    with pytest.raises(InputError) as info:
        import_values(demo_ws, tmp_path / "edit.csv")
    assert [d.params["reason"].params["reason"].code for d in info.value.details] == ["report_closed"]
    assert "está cerrado" in info.value.message("es")
    assert "is closed" in info.value.message("en")
    assert db_dump(demo_ws.conn) == before


# -- template --------------------------------------------------------------------------------------


def _column(sheet, code: str) -> int:
    for cell in sheet[1]:
        if str(cell.value or "").endswith(f"[{code}]"):
            return cell.column
    raise AssertionError(code)


def _row(sheet, clues: str) -> int:
    for cell in sheet["A"]:
        if cell.value == clues:
            return cell.row
    raise AssertionError(clues)


def test_template_structure(demo_ws, tmp_path):
    path = write_template(demo_ws, "18", "202302", tmp_path / "plantilla.xlsx")
    book = load_workbook(path)
    names = book.sheetnames
    assert names[0] == "Instrucciones"
    assert [s.label_es for s in demo_ws.catalog.sections] == names[1:7]
    assert names[7:] == ["Datos estatales", "coordina"]
    assert book["coordina"].sheet_state == "hidden"
    meta = {r[0].value: r[1].value for r in book["coordina"].iter_rows()}
    assert (meta["estado"], meta["periodo"], meta["catalogo"]) == ("18", "202302", demo_ws.catalog.version)
    text = " ".join(str(c.value) for c in book["Instrucciones"]["A"] if c.value)
    assert "celda vacía significa «sin cambio»" in text

    personal = book["Personal"]
    assert [c.value for c in personal[1]][:4] == ["CLUES", "Unidad", "Tipo", "Municipio"]
    assert personal.freeze_panes == "E2"
    assert personal.max_row == 1 + 309
    assert personal.cell(2, 3).value.startswith("Hospital")  # hospitals first
    header = personal.cell(1, _column(personal, "plazas_autorizadas.especialistas")).value
    assert header == "Plazas autorizadas · Médicos especialistas [plazas_autorizadas.especialistas]"
    assert personal.column_dimensions["B"].width >= 40

    month = load_month(demo_ws, "18", "202302", with_history=False)
    hospital = next(f for f in month.facilities if f.type_code == "HG")
    rural = next(f for f in month.facilities if f.type_code == "CSR")
    services = book["Servicios médicos"]
    col = _column(services, "cirugias")
    assert services.cell(_row(services, hospital.clues), col).value == month.value(hospital.clues, "cirugias")
    grey = services.cell(_row(services, rural.clues), col)
    assert grey.value is None and grey.fill.fgColor.rgb.endswith("D9D9D9")
    units = book["Unidades y estatus"]
    status = units.cell(_row(units, hospital.clues), _column(units, "estatus_operacion"))
    assert status.value == "Operando"
    assert any("Operando" in (dv.formula1 or "") for dv in units.data_validations.dataValidation)
    assert any('"Sí,No"' == dv.formula1 for dv in units.data_validations.dataValidation)
    state = book["Datos estatales"]
    assert state.cell(2, 1).value == "18" and state.cell(2, _column(state, "basificacion_meta")).value == 909


def test_template_filled_in_excel_imports_back(demo_ws, tmp_path, db_dump):
    path = write_template(demo_ws, "18", "202302", tmp_path / "plantilla.xlsx")
    before = db_dump(demo_ws.conn)
    untouched = import_values(demo_ws, path)
    assert untouched.imported == untouched.updated == 0 and untouched.unchanged == untouched.rows
    assert db_dump(demo_ws.conn) == before

    month = load_month(demo_ws, "18", "202302", with_history=False)
    hole = next(f for f in month.facilities if month.value(f.clues, "recetas_emitidas") is None)
    hospital = next(f for f in month.facilities if f.type_code == "HG")
    book = load_workbook(path)
    services, supply, units = book["Servicios médicos"], book["Abasto"], book["Unidades y estatus"]
    services.cell(_row(services, hospital.clues), _column(services, "cirugias")).value = 321
    supply.cell(_row(supply, hole.clues), _column(supply, "recetas_emitidas")).value = 150
    supply.cell(_row(supply, hole.clues), _column(supply, "recetas_surtidas")).value = "140"
    units.cell(_row(units, hospital.clues), _column(units, "estatus_operacion")).value = "Operación parcial"
    units.cell(_row(units, hospital.clues), _column(units, "acciones_mas")).value = "No"
    # An emptied cell means "no change", never "delete".
    units.cell(_row(units, hospital.clues), _column(units, "consultorios")).value = None
    book.save(path)

    result = import_values(demo_ws, path)
    assert (result.imported, result.updated) == (2, 3)
    after = load_month(demo_ws, "18", "202302", with_history=False)
    assert after.value(hospital.clues, "cirugias") == 321
    assert after.value(hole.clues, "recetas_surtidas") == 140
    assert after.value(hospital.clues, "estatus_operacion") == "parcial"
    assert after.value(hospital.clues, "acciones_mas") == 0
    assert after.value(hospital.clues, "consultorios") == month.value(hospital.clues, "consultorios")


def test_template_errors_name_sheet_row_and_column(demo_ws, tmp_path, db_dump):
    path = write_template(demo_ws, "18", "202302", tmp_path / "plantilla.xlsx")
    month = load_month(demo_ws, "18", "202302", with_history=False)
    hospital = next(f for f in month.facilities if f.type_code == "HG")
    rural = next(f for f in month.facilities if f.type_code == "CSR")
    book = load_workbook(path)
    services = book["Servicios médicos"]
    row = _row(services, hospital.clues)
    services.cell(row, _column(services, "cirugias")).value = "muchas"
    services.cell(_row(services, rural.clues), _column(services, "cirugias")).value = 4  # grey cell
    book.save(path)
    before = db_dump(demo_ws.conn)
    with pytest.raises(InputError) as info:
        import_values(demo_ws, path)
    message = info.value.message("es")
    assert f"plantilla.xlsx (hoja «Servicios médicos»), fila {row}: columna «Cirugías [cirugias]»" in message
    assert "«muchas» no es un número" in message
    assert "no aplica a Centro de Salud Rural" in message
    assert db_dump(demo_ws.conn) == before


def test_template_of_another_state_or_period_is_refused(demo_ws, tmp_path):
    path = write_template(demo_ws, "18", "202302", tmp_path / "plantilla.xlsx")
    with pytest.raises(InputError) as info:
        import_values(demo_ws, path, expected_state="06", expected_period="202302")
    assert info.value.code == "template_mismatch"
    assert "Nayarit 202302" in info.value.message() and "Colima 202302" in info.value.message()
    with pytest.raises(InputError) as info:
        import_values(demo_ws, path, expected_state="18", expected_period="202301")
    assert info.value.code == "template_mismatch"
    assert import_values(demo_ws, path, expected_state="18", expected_period="202302").updated == 0


def test_template_edited_to_claim_another_state_rejects_its_rows(demo_ws, tmp_path):
    path = write_template(demo_ws, "18", "202302", tmp_path / "plantilla.xlsx")
    book = load_workbook(path)
    for row in book["coordina"].iter_rows():
        if row[0].value == "estado":
            row[1].value = "06"
    book.save(path)
    with pytest.raises(InputError) as info:
        import_values(demo_ws, path)
    rows = [d for d in info.value.details if d.code == "row_error"]  # then "… y N errores más"
    assert {d.params["reason"].params["reason"].code for d in rows} == {"state_mismatch"}


def test_template_requires_xlsx_and_a_valid_period(demo_ws, tmp_path):
    with pytest.raises(InputError) as info:
        write_template(demo_ws, "18", "202302", tmp_path / "plantilla.csv")
    assert info.value.code == "file_extension"
    with pytest.raises(InputError) as info:
        write_template(demo_ws, "18", "2023-13", tmp_path / "p.xlsx")
    assert info.value.code == "period_malformed"


# -- full or read-only disk ------------------------------------------------------------------------


def test_disk_full_rolls_back_completely(small_ws, tmp_path, db_dump):
    rows = [["NTSSA000001", shift("202302", -m), "consultas_especialidad", "", str(m), "x" * 200] for m in range(0, 40)]
    path = write_long(tmp_path / "grande.csv", rows)
    pages = small_ws.conn.execute("PRAGMA page_count").fetchone()[0]
    small_ws.conn.execute(f"PRAGMA max_page_count = {pages + 1}")
    before = db_dump(small_ws.conn)
    with pytest.raises(InputError) as info:
        import_values(small_ws, path)
    assert info.value.code == "disk_full"
    assert "no se guardó nada" in info.value.message("es")
    assert db_dump(small_ws.conn) == before


def test_data_dir_that_cannot_be_created(tmp_path):
    blocker = tmp_path / "archivo_normal"
    blocker.write_text("no soy un directorio")
    with pytest.raises(InputError) as info:
        open_workspace(blocker / "datos")
    assert info.value.code == "data_dir_unwritable"
    assert str(blocker / "datos") in info.value.message("es")


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores directory permissions; see the test above"
)
def test_read_only_data_dir(tmp_path):
    directory = tmp_path / "solo_lectura"
    directory.mkdir()
    directory.chmod(0o500)
    try:
        with pytest.raises(InputError) as info:
            open_workspace(directory)
        assert info.value.code == "data_dir_unwritable"
    finally:
        directory.chmod(0o700)


def test_read_only_database_file_refuses_import(small_ws, tmp_path, db_dump):
    """A database opened read-only (what a read-only disk gives) refuses the write cleanly."""
    small_ws.conn.execute("PRAGMA query_only = ON")
    before = db_dump(small_ws.conn)
    with pytest.raises(InputError) as info:
        import_values(small_ws, write_long(tmp_path / "v.csv", GOOD))
    assert info.value.code in {"data_dir_unwritable", "disk_full"}
    assert db_dump(small_ws.conn) == before


def test_future_period_uses_today(small_ws, tmp_path):
    this_month = dt.date.today().strftime("%Y%m")
    path = write_long(tmp_path / "hoy.csv", [["NTSSA000001", this_month, "cirugias", "", "3", ""]])
    assert import_values(small_ws, path).imported == 1


# -- issue 9, defect 11: an export imports back and exports again byte for byte -----------------------


def _sheet_bytes(path: Path) -> bytes:
    """The data of an XLSX export (its sheet); the package's timestamps are not data."""
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return b"".join(archive.read(n) for n in sorted(archive.namelist()) if n.startswith("xl/"))


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_with_empty_values_round_trips_byte_for_byte(small_ws, tmp_path, fmt, db_dump):
    rows = [
        ["NTSSA000001", "202302", "cirugias", "", "6595", ""],
        ["NTSSA000001", "202302", "consultas_especialidad", "", "", "pendiente de la jurisdicción"],
        ["NTSSA000002", "202302", "cirugias", "", "12", ""],
        ["NTSSA000001", "202302", "avance_dignificacion", "", "53.4", ""],
        ["NTSSA000001", "202302", "inversion_dignificacion", "", "1250000.5", ""],
        ["NTSSA000002", "202302", "avance_dignificacion", "", "0.0001", ""],
    ]
    import_values(small_ws, write_long(tmp_path / "origen.csv", rows))
    first = tmp_path / f"primera.{fmt}"
    export_values(small_ws, first, fmt)
    if fmt == "csv":
        text = first.read_text(encoding="utf-8-sig")
        assert ",6595," in text and "6595.0" not in text and ",12," in text
        assert ",0.0001," in text and ",1250000.5," in text and "e-" not in text
    before = db_dump(small_ws.conn)
    result = import_values(small_ws, first)
    assert (result.imported, result.updated, result.unchanged) == (0, 0, len(rows))
    assert db_dump(small_ws.conn) == before
    second = tmp_path / f"segunda.{fmt}"
    export_values(small_ws, second, fmt)
    if fmt == "csv":
        assert second.read_bytes() == first.read_bytes()
    else:
        assert _sheet_bytes(second) == _sheet_bytes(first)
        values = [r[4] for r in load_workbook(second).active.iter_rows(min_row=2, values_only=True)]
        assert 6595 in values and all(not (isinstance(v, float) and v.is_integer()) for v in values)
