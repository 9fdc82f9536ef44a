"""Issue 10: the ``provisional`` column of `values import` (long format CSV/XLSX and template).

sí/no, 1/0, true/false set or clear the value's provisional flag; empty leaves it as it is;
anything else refuses the whole file, naming row and column, and writes nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from app.models.messages import InputError
from app.services.files.value_files import LONG_COLUMNS, import_values, write_template
from app.services.files.value_template import PROVISIONAL_HEADER
from app.storage import values_repo
from tests.services.files.test_value_files_hostile import BASE, run_cli, values_and_log, write_csv

HEADERS = [*LONG_COLUMNS, "provisional"]


@pytest.fixture
def stored_ws(small_ws, tmp_path):
    import_values(small_ws, write_csv(tmp_path / "base.csv", BASE))
    return small_ws


def flags(ws) -> dict[str, bool]:
    return {v.key.variable: v.provisional for v in values_repo.all_values(ws.conn, "18", "202302")}


def test_long_format_sets_and_clears_the_flag(stored_ws, tmp_path):
    rows = [[*BASE[0][:5], "", "sí"], [*BASE[1][:5], "", "1"], [*BASE[2][:5], "nota", "TRUE"]]
    import_values(stored_ws, write_csv(tmp_path / "p.csv", rows, HEADERS))
    assert flags(stored_ws) == {"cirugias": True, "consultas_especialidad": True, "consultas_medicina_familiar": True}
    rows = [[*BASE[0][:5], "", "No"], [*BASE[1][:5], "", ""], [*BASE[2][:5], "nota", "0"]]
    import_values(stored_ws, write_csv(tmp_path / "q.csv", rows, HEADERS))
    # "" leaves the flag as it was
    assert flags(stored_ws) == {"cirugias": False, "consultas_especialidad": True, "consultas_medicina_familiar": False}


def test_xlsx_long_format_accepts_booleans_and_numbers(stored_ws, tmp_path):
    book = Workbook()
    book.active.append(HEADERS)
    book.active.append([*BASE[0][:5], "", True])
    book.active.append([*BASE[1][:5], "", 1])
    book.active.append([*BASE[2][:5], "nota", "si"])
    book.save(tmp_path / "p.xlsx")
    import_values(stored_ws, tmp_path / "p.xlsx")
    assert set(flags(stored_ws).values()) == {True}


@pytest.mark.parametrize("bad", ["quizá", "2", "-1", "yes", "sí sí", "0.5", "=1", "verdadero", "\u200bsí"])
def test_bad_provisional_values_refuse_the_whole_file(stored_ws, tmp_path, bad):
    rows = [[*BASE[0][:4], "60", "", "sí"], [*BASE[1][:4], "999", "", bad]]
    before = values_and_log(stored_ws)
    with pytest.raises(InputError) as err:
        import_values(stored_ws, write_csv(tmp_path / "bad.csv", rows, HEADERS))
    text = "\n".join(d.message("es") for d in err.value.details)
    assert "fila 3" in text and "provisional" in text and "sí/no, 1/0 o true/false" in text
    assert values_and_log(stored_ws) == before  # not even the good row was written


def test_cli_refuses_a_bad_flag_in_both_languages(stored_ws, tmp_path):
    path = write_csv(tmp_path / "bad.csv", [[*BASE[0][:5], "", "tal vez"]], HEADERS)
    before = values_and_log(stored_ws)
    code, out, err = run_cli(stored_ws.data_dir, "values", "import", str(path))
    assert code == 1 and out == "" and "Traceback" not in err and "«tal vez» no es válido" in err
    code, out, err = run_cli(stored_ws.data_dir, "--lang", "en", "values", "import", str(path))
    assert code == 1 and "'tal vez' is not valid for provisional" in err
    assert values_and_log(stored_ws) == before


def _template_row(path: Path) -> tuple:
    book = load_workbook(path)
    sheet = next(book[n] for n in book.sheetnames if any(str(c.value or "").endswith("[cirugias]") for c in book[n][1]))
    flag_column = next(c.column_letter for c in sheet[1] if c.value == PROVISIONAL_HEADER)
    row = next(c.row for c in sheet["A"] if c.value == "NTSSA000001")
    return book, sheet, flag_column, row


def test_template_has_a_provisional_column_that_marks_its_row(stored_ws, tmp_path):
    path = write_template(stored_ws, "18", "202302", tmp_path / "plantilla.xlsx")
    book, sheet, column, row = _template_row(path)
    sheet[f"{column}{row}"] = "Sí"
    book.save(path)
    import_values(stored_ws, path)
    got = flags(stored_ws)
    # NTSSA000001's values on that sheet are provisional; the other facility's are not.
    assert got["cirugias"] is True and got["consultas_medicina_familiar"] is False
    book, sheet, column, row = _template_row(path)
    sheet[f"{column}{row}"] = "No"
    book.save(path)
    import_values(stored_ws, path)
    assert flags(stored_ws)["cirugias"] is False


@pytest.mark.parametrize("bad", ["Tal vez", 7, "#N/A"])
def test_template_bad_flag_is_refused_naming_the_column(stored_ws, tmp_path, bad):
    path = write_template(stored_ws, "18", "202302", tmp_path / "plantilla.xlsx")
    book, sheet, column, row = _template_row(path)
    sheet[f"{column}{row}"] = bad
    book.save(path)
    before = values_and_log(stored_ws)
    code, out, err = run_cli(stored_ws.data_dir, "values", "import", str(path))
    assert code == 1 and out == "" and "Traceback" not in err
    assert PROVISIONAL_HEADER in err or f"celda {column}{row}" in err
    assert values_and_log(stored_ws) == before
