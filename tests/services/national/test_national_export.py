"""The national export (CSV, XLSX, DHIS2 JSON, ADX), the national PDF and ``coordina export``."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd
import pytest
from pypdf import PdfReader

from app.cli import main as cli
from app.models.dhis2 import ADX_NAMESPACE, parse_data_value_sets, value_text
from app.models.messages import InputError
from app.services.national.consolidation import national_summary
from app.services.national.national_export import COLUMNS, export_national
from app.services.national.national_pdf import export_national_pdf
from tests.services.national import national_fixtures

# The two-state workspace fixtures, shared with the other HQ tests.
two_states_db = national_fixtures.two_states_db
two_ws = national_fixtures.two_ws

NS = {"adx": ADX_NAMESPACE}


def _stored(ws, state: str | None = None, period: str | None = None) -> set[tuple]:
    sql = "SELECT org_unit, period, variable, disaggregation, value FROM data_values WHERE 1 = 1"
    params: list[str] = []
    if period:
        sql += " AND period = ?"
        params.append(period)
    if state:
        sql += " AND (org_unit = ? OR org_unit IN (SELECT clues FROM facilities WHERE state_code = ?))"
        params += [state, state]
    return {(o, p, v, d, value_text(x)) for o, p, v, d, x in ws.conn.execute(sql, params)}


def test_csv_holds_every_value_with_its_state(two_ws, tmp_path):
    csv_path = tmp_path / "nacional.csv"
    seen: list[tuple[int, int]] = []
    rows = export_national(two_ws, "csv", csv_path, progress=lambda d, t: seen.append((d, t)))
    stored = _stored(two_ws)
    assert rows == len(stored) > 0
    assert seen[0] == (0, rows) and seen[-1] == (rows, rows)
    assert csv_path.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel shows the accents
    frame = pd.read_csv(csv_path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert list(frame.columns) == COLUMNS
    assert set(frame["state_code"]) == {"06", "18"}
    back = {(r.org_unit, r.period, r.variable, r.disaggregation, r.value) for r in frame.itertuples()}
    assert back == stored


def test_xlsx_reads_back_equal_to_csv(two_ws, tmp_path):
    # One month of both states: reading a whole-history XLSX back takes pandas many seconds.
    csv_path, xlsx_path = tmp_path / "nacional.csv", tmp_path / "nacional.xlsx"
    rows = export_national(two_ws, "csv", csv_path, period="202302")
    assert export_national(two_ws, "xlsx", xlsx_path, period="202302") == rows
    stored = _stored(two_ws, period="202302")
    assert rows == len(stored) > 0
    from_csv = pd.read_csv(csv_path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    from_xlsx = pd.read_excel(xlsx_path, dtype=str).fillna("")
    assert list(from_csv.columns) == COLUMNS
    pd.testing.assert_frame_equal(from_csv, from_xlsx)
    assert set(from_csv["state_code"]) == {"06", "18"}
    assert set(from_csv.loc[from_csv["state_code"] == "06", "state"]) == {"Colima"}
    state_rows = from_csv[from_csv["level"] == "state"]
    assert set(state_rows["org_unit"]) <= {"06", "18"} and len(state_rows) > 0
    facility = from_csv[from_csv["level"] == "facility"].iloc[0]
    assert facility["org_unit"][:2] in ("CM", "NT") and facility["org_unit_name"]
    back = {(r.org_unit, r.period, r.variable, r.disaggregation, r.value) for r in from_csv.itertuples()}
    assert back == stored


def test_state_and_period_filters(two_ws, tmp_path):
    out = tmp_path / "colima.csv"
    rows = export_national(two_ws, "csv", out, state="Colima", period="202302")
    frame = pd.read_csv(out, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert rows == len(frame) == len(_stored(two_ws, "06", "202302")) > 0
    assert set(frame["state_code"]) == {"06"} and set(frame["period"]) == {"202302"}


def test_dhis2_json_round_trips_to_the_stored_values(two_ws, tmp_path):
    out = tmp_path / "nacional.json"
    rows = export_national(two_ws, "dhis2", out, period="202301")
    doc = json.loads(out.read_text(encoding="utf-8"))
    parsed = parse_data_value_sets(doc)
    assert rows == len(parsed)
    assert {
        (r["org_unit"], r["period"], r["variable"], r["disaggregation"], r["value"] or "") for r in parsed
    } == _stored(two_ws, period="202301")
    groups = doc["dataValueSets"]
    assert {g["period"] for g in groups} == {"202301"}
    assert {"06", "18"} <= {g["orgUnit"] for g in groups}
    assert [(g["orgUnit"], g["period"]) for g in groups] == sorted((g["orgUnit"], g["period"]) for g in groups)


def test_adx_document(two_ws, tmp_path):
    out = tmp_path / "nacional.xml"
    rows = export_national(two_ws, "adx", out, state="18", period="202302")
    root = ET.parse(out).getroot()
    assert root.tag == f"{{{ADX_NAMESPACE}}}adx"
    groups = root.findall("adx:group", NS)
    assert {g.get("period") for g in groups} == {"2023-02-01/P1M"}
    assert sum(len(g.findall("adx:dataValue", NS)) for g in groups) == rows
    assert rows == len({k for k in _stored(two_ws, "18", "202302") if k[4] != ""})
    assert any(v.get("categoryOptionCombo") for g in groups for v in g.findall("adx:dataValue", NS))


@pytest.mark.parametrize(
    ("fmt", "name", "code"),
    [
        ("json", "x.json", "national_export_format"),
        ("pdf", "x.pdf", "national_export_format"),
        ("dhis2", "x.csv", "national_export_extension"),
        ("adx", "x.json", "national_export_extension"),
        ("xlsx", "x", "national_export_extension"),
    ],
)
def test_bad_format_or_extension_writes_nothing(two_ws, tmp_path, fmt, name, code):
    with pytest.raises(InputError) as info:
        export_national(two_ws, fmt, tmp_path / name)
    assert info.value.code == code
    assert (
        "csv" in info.value.message("en")
        or ".xml" in info.value.message("en")
        or "must end in" in info.value.message("en")
    )
    assert list(tmp_path.iterdir()) == [tmp_path / "hq_data"]


def test_unknown_state_malformed_period_and_unwritable_folder(two_ws, tmp_path):
    with pytest.raises(InputError) as info:
        export_national(two_ws, "csv", tmp_path / "x.csv", state="99")
    assert info.value.code == "unknown_state"
    with pytest.raises(InputError) as info:
        export_national(two_ws, "csv", tmp_path / "x.csv", period="2023-13")
    assert info.value.code == "period_malformed"
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder")
    with pytest.raises(InputError) as info:
        export_national(two_ws, "csv", blocker / "x.csv")
    assert info.value.code == "output_unwritable"
    assert not (tmp_path / "x.csv").exists()


def test_failed_export_keeps_the_previous_file(two_ws, tmp_path, monkeypatch):
    out = tmp_path / "nacional.json"
    out.write_text("previous")

    def boom(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("app.storage.files.os.fsync", boom)
    with pytest.raises(InputError) as info:
        export_national(two_ws, "dhis2", out)
    assert info.value.code == "disk_full"
    assert out.read_text() == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hq_data", "nacional.json"]


def test_national_pdf(two_ws, tmp_path):
    out = tmp_path / "nacional.pdf"
    result = export_national_pdf(two_ws, "202302", out, layout="handout")
    assert out.read_bytes().startswith(b"%PDF") and result.size == out.stat().st_size
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(str(out)).pages))
    assert "NACIONAL: Avances Generales" in text
    summary = national_summary(two_ws, "202302")
    assert result.fingerprint == summary.fingerprint and summary.fingerprint[:16] in text.replace(" ", "")
    consultations = summary.figures["consultations_total"]
    assert f"{int(consultations.value):,}" in text
    with pytest.raises(InputError):
        export_national_pdf(two_ws, "202302", tmp_path / "y.pdf", layout="poster")
    assert not (tmp_path / "y.pdf").exists()


# -- the command line --------------------------------------------------------------------------


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_cli_export_ok_and_exit_codes(two_ws, tmp_path):
    data = str(two_ws.data_dir)
    two_ws.close()  # the CLI opens its own connection
    out = tmp_path / "exp" / "colima.json"
    code, stdout, stderr = _run(
        "--data-dir", data, "export", "--format", "dhis2", "--out", str(out), "--state", "06", "--period", "202302"
    )
    assert code == 0, stderr
    rows = len(parse_data_value_sets(json.loads(out.read_text(encoding="utf-8"))))
    assert stdout.startswith(f"Exportados {rows:,} valores (dhis2) a ")

    code, stdout, _ = _run(
        "export", "--format", "csv", "--out", str(tmp_path / "all.csv"), "--data-dir", data, "--lang", "en"
    )
    assert code == 0 and stdout.startswith("Exported ")

    code, _, stderr = _run(
        "--data-dir", data, "export", "--format", "csv", "--out", str(tmp_path / "z.csv"), "--state", "99"
    )
    assert code == 1 and "estado desconocido «99»" in stderr
    blocker = tmp_path / "a_file"
    blocker.write_text("x")
    code, _, stderr = _run(
        "--data-dir", data, "--lang", "en", "export", "--format", "xlsx", "--out", str(blocker / "z.xlsx")
    )
    assert code == 1 and "Cannot write" in stderr
    code, _, stderr = _run("--data-dir", data, "export", "--format", "adx", "--out", str(tmp_path / "z.json"))
    assert code == 1 and "debe terminar en .xml" in stderr
    code, _, _ = _run("--data-dir", data, "export", "--format", "pdf", "--out", str(tmp_path / "z.pdf"))
    assert code == 2  # argparse: not one of the choices
    code, _, _ = _run("--data-dir", data, "export", "--format", "csv")
    assert code == 2  # --out is required
    assert not any(p.name.startswith("z.") for p in tmp_path.iterdir())


def test_cli_export_empty_database(data_dir: Path, tmp_path):
    out = tmp_path / "vacio.csv"
    code, stdout, _ = _run("--data-dir", str(data_dir), "export", "--format", "csv", "--out", str(out))
    assert code == 0 and "Exportados 0 valores" in stdout
    assert pd.read_csv(out, encoding="utf-8-sig").columns.tolist() == COLUMNS
