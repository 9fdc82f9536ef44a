"""Facility registry: DGIS CLUES catalogue import (CSV and XLSX), hand edits, listing."""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.models.facility import Facility
from app.models.messages import InputError
from app.services.facilities.registry import (
    apply_facility_import,
    facility_status_history,
    list_facilities,
    preview_facility_import,
    save_facility,
)
from app.services.files.backup import list_backups

DGIS_HEADERS = [
    "CLUES",
    "NOMBRE DE LA UNIDAD MÉDICA",
    "CLAVE DE LA ENTIDAD",
    "NOMBRE DEL MUNICIPIO",
    "JURISDICCIÓN",
    "NOMBRE DE TIPOLOGIA",
    "NIVEL DE ATENCIÓN",
    "CLAVE DE LA INSTITUCION",
    "ESTATUS DE OPERACIÓN",
]
DGIS_ROWS = [
    [
        "NTSSA000001",
        "HOSPITAL GENERAL DE TEPIC",
        "18",
        "TEPIC",
        "I TEPIC",
        "HOSPITAL GENERAL",
        "SEGUNDO NIVEL",
        "IMB",
        "EN OPERACION",
    ],
    [
        "NTSSA000002",
        "CENTRO DE SALUD RURAL JALA",
        "18",
        "JALA",
        "II IXTLÁN",
        "RURAL DE 01 NUCLEO BASICO",
        "PRIMER NIVEL",
        "SSA",
        "EN OPERACION",
    ],
    [
        "ntssa000003",
        "UNIDAD MÉDICA MÓVIL DEL NAYAR 01",
        "18",
        "DEL NAYAR",
        "I TEPIC",
        "UNIDAD MOVIL",
        "1",
        "IMSS-BIENESTAR",
        "FUERA DE OPERACION",
    ],
    [
        "NTSSA000004",
        "UNEME CAPASITS TEPIC",
        "18",
        "TEPIC",
        "I TEPIC",
        "UNIDADES DE ESPECIALIDADES MEDICAS (UNEMES)",
        "",
        "IMB",
        "EN OPERACION",
    ],
]


def write_csv(path: Path, headers: list[str], rows: list[list[str]], delimiter: str = ",") -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(headers)
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def by_clues(ws) -> dict[str, Facility]:
    return {f.clues: f for f in list_facilities(ws)}


# -- happy paths ------------------------------------------------------------------------


def test_csv_with_dgis_headers_is_imported(ws, tmp_path):
    path = write_csv(tmp_path / "clues.csv", DGIS_HEADERS, DGIS_ROWS)
    preview = preview_facility_import(ws, path)
    assert preview.rejected == []
    assert preview.new_count == 4 and preview.updated_count == 0
    assert preview.column_map["name"] == "NOMBRE DE LA UNIDAD MÉDICA"
    assert preview.column_map["state"] == "CLAVE DE LA ENTIDAD"
    assert preview.column_map["level"] == "NIVEL DE ATENCIÓN"

    assert apply_facility_import(ws, preview) == (4, 0)
    stored = by_clues(ws)
    assert stored["NTSSA000001"].type_code == "HG" and stored["NTSSA000001"].level == 2
    assert stored["NTSSA000001"].institution == "IMSSB"
    assert stored["NTSSA000002"].type_code == "CSR" and stored["NTSSA000002"].institution == "SSA"
    assert stored["NTSSA000003"].type_code == "UMM" and stored["NTSSA000003"].status == "sin_operar"
    assert stored["NTSSA000004"].level == 1  # empty level cell: from the type (UNEME)
    assert stored["NTSSA000002"].jurisdiction == "II IXTLÁN"
    assert not any(f.is_demo for f in stored.values())
    assert [b.reason for b in list_backups(ws)] == ["antes_de_importar"]


def test_xlsx_with_variant_headers_title_rows_and_no_level_column(ws, tmp_path):
    path = write_xlsx(
        tmp_path / "catalogo.xlsx",
        [
            ["Catálogo de Clave Única de Establecimientos de Salud (CLUES)"],
            ["Fecha de consulta: 24 de septiembre 2021"],
            [
                "clues",
                "Nombre de la Unidad",
                "Entidad",
                "Municipio",
                "Tipología",
                "Institución",
                "Estatus de operación",
            ],
            [
                "NTSSA000010",
                "Hospital Integral Jala",
                "Nayarit",
                "Jala",
                "HOSPITAL INTEGRAL",
                "IMSS-BIENESTAR",
                "En operación",
            ],
            [
                "NTSSA000011",
                "Centro de Salud Urbano Tepic",
                "NAYARIT",
                "Tepic",
                "URBANO DE 03 NUCLEOS BASICOS",
                "SSA",
                "EN OPERACION",
            ],
            [
                "NTSSA000012",
                "Centro de Salud con Servicios Ampliados Tepic",
                "nayarit",
                "Tepic",
                "CENTRO DE SALUD CON SERVICIOS AMPLIADOS",
                "IMB",
                "OPERACIÓN PARCIAL",
            ],
        ],
    )
    preview = preview_facility_import(ws, path)
    assert preview.rejected == []
    assert [f.clues for f in preview.accepted] == ["NTSSA000010", "NTSSA000011", "NTSSA000012"]
    assert "level" not in preview.column_map
    assert apply_facility_import(ws, preview) == (3, 0)
    stored = by_clues(ws)
    assert (stored["NTSSA000010"].type_code, stored["NTSSA000010"].level) == ("HIC", 2)
    assert (stored["NTSSA000011"].type_code, stored["NTSSA000011"].level) == ("CSU", 1)
    assert stored["NTSSA000012"].status == "parcial"
    assert all(f.state_code == "18" for f in stored.values())


def test_semicolon_csv_without_state_column_takes_state_from_clues(ws, tmp_path):
    path = write_csv(
        tmp_path / "c.csv",
        ["Clues", "Nombre", "Tipo"],
        [["CMSSA000123", "Hospital General de Colima", "HG"]],
        delimiter=";",
    )
    preview = preview_facility_import(ws, path)
    assert preview.accepted[0].state_code == "06"


def test_reimport_changes_nothing_and_status_change_is_an_update(ws, tmp_path):
    path = write_csv(tmp_path / "clues.csv", DGIS_HEADERS, DGIS_ROWS)
    apply_facility_import(ws, preview_facility_import(ws, path))
    again = preview_facility_import(ws, path)
    assert (again.new_count, again.updated_count, again.unchanged_count) == (0, 0, 4)
    assert apply_facility_import(ws, again) == (0, 0)

    rows = [list(r) for r in DGIS_ROWS]
    rows[0][8] = "FUERA DE OPERACION"
    changed = preview_facility_import(ws, write_csv(tmp_path / "v2.csv", DGIS_HEADERS, rows))
    assert (changed.new_count, changed.updated_count) == (0, 1)
    assert apply_facility_import(ws, changed) == (0, 1)
    history = facility_status_history(ws, "ntssa000001")
    assert [p.status for p in history] == ["operando", "sin_operar"]
    assert history[0].end_date == history[1].start_date


# -- row-by-row rejections ----------------------------------------------------------------


def test_preview_rejects_row_by_row_with_reasons(ws, tmp_path, db_dump):
    rows = [
        DGIS_ROWS[0],  # row 2: fine
        ["NT123", "Mala", "18", "Tepic", "", "HOSPITAL GENERAL", "2", "IMB", ""],  # 3
        ["CMSSA000001", "Colima en Nayarit", "18", "Tepic", "", "HOSPITAL GENERAL", "2", "IMB", ""],  # 4
        ["NTSSA000005", "Atlántida", "Atlantis", "X", "", "HOSPITAL GENERAL", "2", "IMB", ""],  # 5
        ["NTSSA000006", "Nave", "18", "Tepic", "", "NAVE ESPACIAL", "1", "IMB", ""],  # 6
        ["NTSSA000007", "Nivel raro", "18", "Tepic", "", "HOSPITAL GENERAL", "CUARTO NIVEL", "IMB", ""],  # 7
        ["NTSSA000008", "", "18", "Tepic", "", "", "", "XYZ", "DEMOLIDO HACE SIGLOS"],  # 8: many problems
        DGIS_ROWS[1],  # row 9: fine
    ]
    path = write_csv(tmp_path / "malo.csv", DGIS_HEADERS, rows)
    before = db_dump(ws.conn)
    preview = preview_facility_import(ws, path)
    assert [f.clues for f in preview.accepted] == ["NTSSA000001", "NTSSA000002"]
    reasons = {r.row: [e.code for e in r.errors] for r in preview.rejected}
    assert reasons == {
        3: ["invalid_clues"],
        4: ["state_mismatch"],
        5: ["unknown_state"],
        6: ["unknown_type"],
        7: ["unknown_level"],
        8: ["required_field", "required_field", "unknown_institution", "unknown_status"],
    }
    message = preview.error().message("es")
    assert "malo.csv, fila 4: la CLUES CMSSA000001 no pertenece a Nayarit" in message
    assert "fila 6: tipología no reconocida «NAVE ESPACIAL»" in message
    english = preview.error().message("en")
    assert "malo.csv, row 7: invalid level of care 'CUARTO NIVEL'" in english
    assert db_dump(ws.conn) == before  # a preview writes nothing


def test_duplicate_clues_rejects_both_rows_naming_each_other(ws, tmp_path):
    rows = [DGIS_ROWS[0], DGIS_ROWS[1], list(DGIS_ROWS[0]), DGIS_ROWS[2]]
    rows[2][1] = "OTRO NOMBRE"
    preview = preview_facility_import(ws, write_csv(tmp_path / "dup.csv", DGIS_HEADERS, rows))
    assert [f.clues for f in preview.accepted] == ["NTSSA000002", "NTSSA000003"]
    assert {r.row: [(e.code, e.params["other_row"]) for e in r.errors] for r in preview.rejected} == {
        2: [("duplicate_key", 4)],
        4: [("duplicate_key", 2)],
    }
    assert "también en la fila 4" in preview.error().message()


# -- file-level problems ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("clues.txt", b"CLUES\nNTSSA000001\n", "file_extension"),
        ("falso.xlsx", b"CLUES,NOMBRE\nNTSSA000001,Hospital\n", "file_unreadable"),
        ("vacio.csv", b"", "file_empty"),
        ("solo_encabezado.csv", b"CLUES,NOMBRE DE LA UNIDAD\n", "file_empty"),
        ("sin_clues.csv", b"NOMBRE,MUNICIPIO\nHospital,Tepic\n", "missing_columns"),
        ("binario.csv", b"\x00\x01\x02\x03PK" * 50, "file_unreadable"),
    ],
)
def test_file_level_problems(ws, tmp_path, db_dump, name, content, code):
    path = tmp_path / name
    path.write_bytes(content)
    before = db_dump(ws.conn)
    with pytest.raises(InputError) as info:
        preview_facility_import(ws, path)
    assert info.value.code == code
    assert name in info.value.message("es")
    assert db_dump(ws.conn) == before


def test_missing_file(ws, tmp_path):
    with pytest.raises(InputError) as info:
        preview_facility_import(ws, tmp_path / "no_existe.csv")
    assert info.value.code == "file_missing"
    assert "File not found" in info.value.message("en")


# -- hand edits -------------------------------------------------------------------------------


def test_save_facility_validates_and_stores(ws, db_dump):
    fac = Facility(
        " ntssa000020 ",
        " Centro de Salud Rural Jala ",
        "Nayarit",
        "CSR",
        1,
        "Jala",
        institution="IMSSB",
        status="operando",
        status_since="2023-01-15",
    )
    save_facility(ws, fac)
    stored = by_clues(ws)["NTSSA000020"]
    assert (stored.name, stored.state_code, stored.status_since) == ("Centro de Salud Rural Jala", "18", "2023-01-15")

    save_facility(ws, dataclasses.replace(stored, status="en_obra", status_since="2023-03-01"))
    assert [p.status for p in facility_status_history(ws, "NTSSA000020")] == ["operando", "en_obra"]

    before = db_dump(ws.conn)
    bad = [
        (dataclasses.replace(stored, clues="NT-1"), "invalid_clues"),
        (dataclasses.replace(stored, state_code="99"), "unknown_state"),
        (dataclasses.replace(stored, state_code="06"), "state_mismatch"),
        (dataclasses.replace(stored, type_code="XX"), "unknown_type"),
        (dataclasses.replace(stored, level=7), "unknown_level"),
        (dataclasses.replace(stored, status="volando"), "unknown_status"),
        (dataclasses.replace(stored, institution="NASA"), "unknown_institution"),
        (dataclasses.replace(stored, name="  "), "required_field"),
        (dataclasses.replace(stored, status_since="31/02/2023"), "invalid_date"),
    ]
    for facility, code in bad:
        with pytest.raises(InputError) as info:
            save_facility(ws, facility)
        assert info.value.code == code, facility
    assert db_dump(ws.conn) == before


def test_list_facilities_by_state(small_ws):
    assert [f.clues for f in list_facilities(small_ws, "18")] == ["NTSSA000002", "NTSSA000001"]
    assert [f.clues for f in list_facilities(small_ws, "Colima")] == ["CMSSA000001"]
    assert len(list_facilities(small_ws)) == 3
    assert facility_status_history(small_ws, "NTSSA999999") == []


def test_a_key_repeated_thousands_of_times_gives_each_row_one_reason_and_a_short_refusal(ws, tmp_path):
    # A fuzzed catalogue of 145,000 copies of two rows took 11 s to refuse and printed
    # 290,000 lines: the first row collected one reason per copy, and every reason was listed.
    rows = [DGIS_ROWS[0], DGIS_ROWS[1]] * 10_000
    preview = preview_facility_import(ws, write_csv(tmp_path / "copias.csv", DGIS_HEADERS, rows))
    assert preview.accepted == []
    assert len(preview.rejected) == 20_000
    assert {len(r.errors) for r in preview.rejected} == {1}
    first, second, third = preview.rejected[:3]
    assert (first.row, first.errors[0].params["other_row"]) == (2, 4)
    assert (third.row, third.errors[0].params["other_row"]) == (4, 2)
    assert (second.row, second.errors[0].params["key"]) == (3, "NTSSA000002")
    lines = preview.error().message("es").splitlines()
    assert lines[0] == "20000 filas rechazadas; no se guardó nada"
    assert len(lines) == 1 + 100 + 1
    assert lines[-1] == "  … y 19900 errores más (se muestran los primeros 100)"


def test_a_catalogue_full_of_excel_errors_lists_the_first_hundred_and_counts_the_rest(ws, tmp_path, db_dump):
    rows = [DGIS_HEADERS] + [[*DGIS_ROWS[0][:1], "#N/A", *DGIS_ROWS[0][2:]] for _ in range(150)]
    before = db_dump(ws.conn)
    with pytest.raises(InputError) as info:
        preview_facility_import(ws, write_xlsx(tmp_path / "errores.xlsx", rows))
    lines = info.value.message("es").splitlines()
    assert lines[0] == "150 filas rechazadas; no se guardó nada"
    assert "errores.xlsx, fila 2" in lines[1] and "#N/A" in lines[1]
    assert lines[-1] == "  … y 50 errores más (se muestran los primeros 100)"
    assert db_dump(ws.conn) == before
