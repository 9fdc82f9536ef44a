"""Issue 10: cut-off date, section notes and provisional marks, read back from the PDF's text.

Real workspace (the Nayarit demo, February 2023), real SQLite, real ReportLab PDFs read with
pypdf; the CLI is driven through ``cli.main``.
"""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from app.cli import main as cli
from app.models.messages import InputError
from app.models.values import UNCHANGED, ValueChange, ValueKey
from app.services.entry.month_values import record_changes
from app.services.facilities import registry_marks
from app.services.summary import reports
from app.services.summary.month_summary import state_summary
from app.services.summary.report_pdf import PdfOptions, export_state_pdf

LAYOUTS = ("slide", "handout")
MY_TABLES = ("reports", "section_notes", "registry_provisional", "change_log")


def pdf_text(path) -> str:
    """The PDF's text with runs of whitespace as one space (phrases a paragraph wrapped)."""
    text = "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)
    return re.sub(r"\s+", " ", text)


def text_runs(path) -> dict[str, tuple[float, float]]:
    """Where each text run of the first page starts (x, y), keyed by its text."""
    found: dict[str, tuple[float, float]] = {}

    def visit(text, cm, tm, *_):
        text = text.strip()
        if text:
            x = tm[4] * cm[0] + cm[4]
            y = tm[5] * cm[3] + cm[5]
            found.setdefault(text, (x, y))

    PdfReader(str(path)).pages[0].extract_text(visitor_text=visit)
    return found


def starting(runs: dict[str, tuple[float, float]], prefix: str) -> tuple[float, float]:
    return next(where for text, where in runs.items() if text.startswith(prefix))


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def snapshot(ws) -> dict[str, list]:
    return {t: ws.conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in MY_TABLES}


# -- cut-off date ------------------------------------------------------------------------------


@pytest.mark.parametrize("layout", LAYOUTS)
def test_cutoff_date_ends_the_footnote_window(demo_ws, tmp_path, layout):
    out = tmp_path / "corte.pdf"
    export_state_pdf(demo_ws, "18", "202302", out, PdfOptions(layout=layout, cutoff="2023-02-23"))
    text = pdf_text(out)
    assert "del 1º de enero al 23 de febrero de 2023" in text
    assert "28 de febrero" not in text


def test_without_cutoff_the_window_ends_on_the_last_day(demo_ws, tmp_path):
    out = tmp_path / "mes.pdf"
    export_state_pdf(demo_ws, "18", "202302", out)
    assert "del 1º de enero al 28 de febrero de 2023" in pdf_text(out)


def test_cutoff_is_stored_with_the_closed_report_and_printed(demo_ws, tmp_path):
    reports.close_report(demo_ws, "18", "202302", cutoff="2023-02-23")
    assert reports.report_cutoff(demo_ws, "18", "202302") == "2023-02-23"
    out = tmp_path / "cerrado.pdf"
    export_state_pdf(demo_ws, "18", "202302", out)  # no flag: the stored date
    assert "al 23 de febrero de 2023" in pdf_text(out)
    logged = demo_ws.conn.execute(
        "SELECT new_value FROM change_log WHERE variable = '__report__' AND field = 'cutoff'"
    ).fetchall()
    assert logged == [("2023-02-23",)]
    # A closed report keeps its date: another one is refused, naming the stored one.
    with pytest.raises(InputError) as err:
        export_state_pdf(demo_ws, "18", "202302", tmp_path / "otro.pdf", PdfOptions(cutoff="2023-02-20"))
    assert err.value.code == "cutoff_closed_differs" and "2023-02-23" in err.value.message("es")
    assert not (tmp_path / "otro.pdf").exists()


@pytest.mark.parametrize(
    ("cutoff", "code"),
    [
        ("2023-03-01", "cutoff_outside_month"),
        ("2023-01-31", "cutoff_outside_month"),
        ("2023-02-30", "cutoff_malformed"),
        ("23/02/2023", "cutoff_malformed"),
        ("2023-2-23", "cutoff_malformed"),
        ("2023-02-23T00:00", "cutoff_malformed"),
        ("２０２３-０２-２３", "cutoff_malformed"),
    ],
)
def test_bad_cutoff_is_refused_and_nothing_written(demo_ws, tmp_path, cutoff, code):
    before = snapshot(demo_ws)
    with pytest.raises(InputError) as err:
        reports.close_report(demo_ws, "18", "202302", cutoff=cutoff)
    assert err.value.code == code
    with pytest.raises(InputError):
        export_state_pdf(demo_ws, "18", "202302", tmp_path / "x.pdf", PdfOptions(cutoff=cutoff))
    assert snapshot(demo_ws) == before
    assert not (tmp_path / "x.pdf").exists()


def test_cutoff_in_the_future_is_refused(demo_ws):
    import datetime as dt

    from app.models.report_details import parse_cutoff

    with pytest.raises(InputError) as err:
        parse_cutoff("2023-02-23", "202302", today=dt.date(2023, 2, 20))
    assert err.value.code == "cutoff_future"
    assert "2023-02-20" in err.value.message("es") and "future" in err.value.message("en")


def test_cli_cutoff_flags_and_bilingual_errors(demo_ws, tmp_path):
    data = str(demo_ws.data_dir)
    demo_ws.close()
    out = tmp_path / "cli.pdf"
    code, _, err = run(
        "--data-dir",
        data,
        "report",
        "pdf",
        "--state",
        "18",
        "--period",
        "202302",
        "--out",
        str(out),
        "--fecha-corte",
        "2023-03-05",
    )
    assert code == 1 and "no está dentro del mes del informe" in err and not out.exists()
    code, _, err = run(
        "--data-dir",
        data,
        "--lang",
        "en",
        "report",
        "close",
        "--state",
        "18",
        "--period",
        "202302",
        "--fecha-corte",
        "mañana",
    )
    assert code == 1 and "invalid cut-off date" in err
    code, _, _ = run(
        "--data-dir", data, "report", "close", "--state", "18", "--period", "202302", "--fecha-corte", "2023-02-23"
    )
    assert code == 0
    code, _, _ = run("--data-dir", data, "report", "pdf", "--state", "18", "--period", "202302", "--out", str(out))
    assert code == 0 and "al 23 de febrero de 2023" in pdf_text(out)


# -- section notes -----------------------------------------------------------------------------


@pytest.mark.parametrize("layout", LAYOUTS)
def test_section_notes_print_under_their_titles(demo_ws, tmp_path, layout):
    reports.set_section_note(demo_ws, "18", "202302", "servicios", "(Programado para agosto)")
    reports.set_section_note(
        demo_ws, "18", "202302", "infraestructura", "Se está integrando el programa de dignificación"
    )
    reports.set_section_note(demo_ws, "18", "202302", "unidades", "2 UNEME <b>en obra</b> & más")
    out = tmp_path / "notas.pdf"
    export_state_pdf(demo_ws, "18", "202302", out, PdfOptions(layout=layout))
    text = pdf_text(out)
    assert "2 UNEME <b>en obra</b> & más" in text  # markup is printed as typed, never obeyed
    runs = text_runs(out)
    for title, note in (
        ("Servicios médicos en 2023", "(Programado para agosto)"),
        ("Infraestructura y equipamiento", "Se está integrando el programa"),
    ):
        (tx, ty), (nx, ny) = starting(runs, title), starting(runs, note)
        assert abs(tx - nx) < 2 and 0 < ty - ny < 40, (title, runs[title], runs[note])  # right under it


def test_notes_are_per_state_and_month_and_can_be_deleted(demo_ws):
    reports.set_section_note(demo_ws, "18", "202302", "personal", "Nota de febrero")
    assert reports.section_notes(demo_ws, "18", "202301") == {}
    assert reports.section_notes(demo_ws, "18", "202302") == {"personal": "Nota de febrero"}
    assert state_summary(demo_ws, "18", "202302").section_notes == {"personal": "Nota de febrero"}
    reports.set_section_note(demo_ws, "18", "202302", "personal", "   ")
    assert reports.section_notes(demo_ws, "18", "202302") == {}


@pytest.mark.parametrize(
    ("section", "text", "code"),
    [
        ("abasto", "x", "note_section_unknown"),
        ("'; DROP TABLE section_notes; --", "x", "note_section_unknown"),
        ("servicios", "a" * 121, "note_too_long"),
        ("servicios", "dos\nlíneas", "note_not_plain"),
        ("servicios", "tab\there", "note_not_plain"),
        ("servicios", "oculto\u202etxet", "note_not_plain"),
        ("servicios", "nulo\x00", "note_not_plain"),
    ],
)
def test_bad_notes_are_refused_and_nothing_written(demo_ws, section, text, code):
    before = snapshot(demo_ws)
    with pytest.raises(InputError) as err:
        reports.set_section_note(demo_ws, "18", "202302", section, text)
    assert err.value.code == code
    assert err.value.message("es") != err.value.message("en")
    assert snapshot(demo_ws) == before


def test_notes_of_a_closed_report_are_locked(demo_ws):
    reports.close_report(demo_ws, "18", "202302")
    with pytest.raises(InputError) as err:
        reports.set_section_note(demo_ws, "18", "202302", "servicios", "tarde")
    assert err.value.code == "report_closed"


def test_cli_report_note(demo_ws):
    data = str(demo_ws.data_dir)
    demo_ws.close()
    code, out, _ = run(
        "--data-dir",
        data,
        "report",
        "note",
        "--state",
        "18",
        "--period",
        "202302",
        "--section",
        "servicios",
        "--text",
        "(Programado para agosto)",
    )
    assert code == 0 and "(Programado para agosto)" in out
    code, out, _ = run("--data-dir", data, "report", "note", "--state", "18", "--period", "202302")
    assert code == 0 and "servicios: (Programado para agosto)" in out
    code, _, err = run(
        "--data-dir",
        data,
        "--lang",
        "en",
        "report",
        "note",
        "--state",
        "18",
        "--period",
        "202302",
        "--section",
        "servicios",
        "--text",
        "x" * 200,
    )
    assert code == 1 and "the maximum is 120" in err and "Traceback" not in err


# -- provisional marks -----------------------------------------------------------------------


@pytest.mark.parametrize("layout", LAYOUTS)
def test_registry_count_marked_provisional_prints_mark_and_footnote(demo_ws, tmp_path, layout):
    registry_marks.set_count_provisional(demo_ws, "18", "hospitals_count", True)
    out = tmp_path / "prov.pdf"
    export_state_pdf(demo_ws, "18", "202302", out, PdfOptions(layout=layout))
    text = pdf_text(out)
    assert "13** Hospitales" in text or "13** " in text
    assert "** En proceso de definición con el Gobierno del estado." in text
    assert "4** " not in text  # only the marked count


def test_default_registry_note_follows_the_pdf_language(demo_ws, tmp_path):
    registry_marks.set_count_provisional(demo_ws, "18", "unemes_count", True)
    out = tmp_path / "en.pdf"
    export_state_pdf(demo_ws, "18", "202302", out, PdfOptions(lang="en"))
    text = pdf_text(out)
    assert "4** " in text and "** Being defined with the state government." in text


def test_registry_note_text_is_the_coordinators(demo_ws, tmp_path):
    note = "En proceso de definición en conjunto con el Gobierno del estado (4 de 9 hospitales)."
    registry_marks.set_count_provisional(demo_ws, "18", "hospitals_count", True, note)
    out = tmp_path / "morelos.pdf"
    export_state_pdf(demo_ws, "18", "202302", out)
    assert "** En proceso de definición en conjunto con el Gobierno del estado (4 de 9 hospitales)." in pdf_text(out)
    registry_marks.set_count_provisional(demo_ws, "18", "hospitals_count", False)
    export_state_pdf(demo_ws, "18", "202302", out)
    assert "**" not in pdf_text(out)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_provisional_values_carry_their_mark(demo_ws, tmp_path, layout):
    clues = demo_ws.conn.execute(
        "SELECT org_unit FROM data_values WHERE variable = 'cirugias' AND period = '202302' "
        "AND value IS NOT NULL LIMIT 1"
    ).fetchone()[0]
    record_changes(demo_ws, [ValueChange(ValueKey(clues, "202302", "cirugias", ""), UNCHANGED, provisional=True)])
    out = tmp_path / "valores.pdf"
    export_state_pdf(demo_ws, "18", "202302", out, PdfOptions(layout=layout))
    text = pdf_text(out)
    assert re.search(r"Cirugías [\d,]+\*\*", text)
    assert "** En proceso de definición con el Gobierno del estado." in text


@pytest.mark.parametrize(
    ("count", "note", "code"),
    [
        ("camas", None, "provisional_count_unknown"),
        ("hospitals_presence_pct", None, "provisional_count_unknown"),
        ("hospitals_count", "x" * 161, "note_too_long"),
        ("hospitals_count", "dos\nlíneas", "note_not_plain"),
    ],
)
def test_bad_provisional_marks_are_refused(demo_ws, count, note, code):
    before = snapshot(demo_ws)
    with pytest.raises(InputError) as err:
        registry_marks.set_count_provisional(demo_ws, "18", count, True, note)
    assert err.value.code == code
    assert snapshot(demo_ws) == before


def test_cli_facilities_provisional(demo_ws):
    data = str(demo_ws.data_dir)
    demo_ws.close()
    code, out, _ = run("--data-dir", data, "facilities", "provisional", "--state", "18", "--count", "hospitals_count")
    assert code == 0 and "En proceso de definición" in out
    code, out, _ = run("--data-dir", data, "facilities", "provisional", "--state", "18")
    assert code == 0 and "hospitals_count: ** En proceso" in out
    code, _, err = run(
        "--data-dir", data, "--lang", "en", "facilities", "provisional", "--state", "18", "--count", "beds"
    )
    assert code == 1 and "is not a registry count" in err
    code, out, _ = run(
        "--data-dir", data, "facilities", "provisional", "--state", "18", "--count", "hospitals_count", "--clear"
    )
    assert code == 0 and "ya no es provisional" in out
