"""`report pdf` and the report_pdf service: files written whole, signed, or not at all."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.cli import main as cli
from app.models.summary import format_figure
from app.reports.pdf.summary_pdf import COMMUNITY, INVENTORY, SERVICES
from app.reports.signing.identity import certificate_pem, create_identity
from app.services.files.demo import build_demo
from app.services.summary import identity as identities
from app.services.summary import report_pdf
from app.services.summary.month_summary import state_summary
from tests.reports.pki import make_ca, sat_pair

PASS_VAR = "COORDINA_TEST_PDF_PASSPHRASE"
PASSPHRASE = "frase de paso ñandú"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def text_of(path: Path) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(str(path)).pages))


@pytest.fixture
def p12(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv(PASS_VAR, PASSPHRASE)
    path = tmp_path / "coordinadora.p12"
    path.write_bytes(create_identity("Lucía Ávila", "Coordinadora estatal", "Nayarit", PASSPHRASE.encode()))
    return path


def test_cli_writes_the_summary_with_the_stored_figures(demo_ws, tmp_path):
    out = tmp_path / "avances.pdf"
    code, said, err = run(
        "--data-dir", str(demo_ws.data_dir), "report", "pdf", "--state", "18", "--period", "202302", "--out", str(out)
    )
    assert code == 0, err
    summary = state_summary(demo_ws, "18", "202302")
    assert summary.fingerprint[:16] in said and "sin firma" in said
    text = text_of(out)
    for code_ in (*INVENTORY, *SERVICES, *COMMUNITY):
        assert format_figure(summary.figures[code_], "es", mark=True) in text, code_
    assert summary.fingerprint in text.replace(" ", "")


def test_cli_signs_with_p12_and_verify_says_trusted_after_trust(demo_ws, p12, tmp_path):
    out = tmp_path / "firmado.pdf"
    code, said, err = run(
        "--data-dir",
        str(demo_ws.data_dir),
        "report",
        "pdf",
        "--state",
        "Nayarit",
        "--period",
        "202302",
        "--out",
        str(out),
        "--layout",
        "handout",
        "--sign",
        str(p12),
        "--passphrase-env",
        PASS_VAR,
    )
    assert code == 0, err
    assert "firmado por Lucía Ávila" in said
    code, _, _ = run("--data-dir", str(demo_ws.data_dir), "verify", str(out))
    assert code == 3  # signed elsewhere (not created in this workspace): intact, not trusted
    pem = tmp_path / "lucia.pem"
    identity = identities.load_identity(p12=p12, passphrase=PASSPHRASE.encode())
    pem.write_bytes(certificate_pem(identity.certificate))
    code, _, _ = run("--data-dir", str(demo_ws.data_dir), "verify", str(out), "--trust", str(pem))
    assert code == 0
    data = bytearray(out.read_bytes())
    data[data.index(b"/Subtype")] ^= 0x01  # one byte of the signed range
    out.write_bytes(bytes(data))
    code, _, _ = run("--data-dir", str(demo_ws.data_dir), "verify", str(out), "--trust", str(pem))
    assert code == 1


def test_cli_signs_with_sat_efirma_and_refuses_a_csd(demo_ws, tmp_path, monkeypatch):
    monkeypatch.setenv(PASS_VAR, "12345678a")
    ca = make_ca()
    cer, key = tmp_path / "efirma.cer", tmp_path / "efirma.key"
    cer_der, key_der = sat_pair(ca)
    cer.write_bytes(cer_der)
    key.write_bytes(key_der)
    out = tmp_path / "efirma.pdf"
    code, said, err = run(
        "--data-dir",
        str(demo_ws.data_dir),
        "report",
        "pdf",
        "--state",
        "18",
        "--period",
        "202302",
        "--out",
        str(out),
        "--cer",
        str(cer),
        "--key",
        str(key),
        "--passphrase-env",
        PASS_VAR,
    )
    assert code == 0, err
    assert "ROSA MARÍA LÓPEZ NÚÑEZ" in said
    cer_der, key_der = sat_pair(ca, csd=True)
    cer.write_bytes(cer_der)
    key.write_bytes(key_der)
    refused = tmp_path / "csd.pdf"
    code, _, err = run(
        "--data-dir",
        str(demo_ws.data_dir),
        "report",
        "pdf",
        "--state",
        "18",
        "--period",
        "202302",
        "--out",
        str(refused),
        "--cer",
        str(cer),
        "--key",
        str(key),
        "--passphrase-env",
        PASS_VAR,
    )
    assert code == 1 and "CSD" in err and not refused.exists()


@pytest.mark.parametrize("problem", ["wrong passphrase", "no env var", "both identities", "half e.firma"])
def test_cli_refuses_a_bad_identity_and_writes_nothing(demo_ws, p12, tmp_path, monkeypatch, problem):
    out = tmp_path / "nunca.pdf"
    args = [
        "--data-dir",
        str(demo_ws.data_dir),
        "report",
        "pdf",
        "--state",
        "18",
        "--period",
        "202302",
        "--out",
        str(out),
    ]
    if problem == "wrong passphrase":
        monkeypatch.setenv(PASS_VAR, "otra")
        args += ["--sign", str(p12), "--passphrase-env", PASS_VAR]
        expected = "contraseña incorrecta"
    elif problem == "no env var":
        monkeypatch.delenv(PASS_VAR)
        args += ["--sign", str(p12), "--passphrase-env", PASS_VAR]
        expected = PASS_VAR
    elif problem == "both identities":
        args += ["--sign", str(p12), "--cer", "a.cer", "--key", "a.key", "--passphrase-env", PASS_VAR]
        expected = "no ambos"
    else:
        args += ["--cer", "a.cer", "--passphrase-env", PASS_VAR]
        expected = "--cer/--key"
    code, _, err = run(*args)
    assert code == 1 and expected in err, err
    assert not out.exists() and list(tmp_path.glob("*.pdf")) == []


def test_cli_unwritable_output_is_a_clear_error(demo_ws, tmp_path):
    blocker = tmp_path / "un_archivo.txt"
    blocker.write_text("x")
    code, _, err = run(
        "--data-dir",
        str(demo_ws.data_dir),
        "report",
        "pdf",
        "--state",
        "18",
        "--period",
        "202302",
        "--out",
        str(blocker / "avances.pdf"),
    )
    assert code == 1 and "No se puede escribir" in err and "No se escribió nada" in err
    code, _, err = run(
        "--data-dir",
        str(demo_ws.data_dir),
        "report",
        "pdf",
        "--state",
        "18",
        "--period",
        "202302",
        "--out",
        str(tmp_path),
    )
    assert code == 1 and "carpeta" in err


def test_a_month_without_data_says_sin_dato_never_zero(demo_ws, tmp_path):
    out = tmp_path / "vacio.pdf"
    code, _, err = run(
        "--data-dir", str(demo_ws.data_dir), "report", "pdf", "--state", "18", "--period", "202401", "--out", str(out)
    )
    assert code == 0, err
    text = text_of(out)
    assert "Consultas sin dato" in text and "Cirugías sin dato" in text
    assert not re.search(r"Consultas 0\b", text)
    assert "Completitud de enero de 2024: 0 de" in text  # the facilities exist; nothing filled


def test_all_states_one_file_each_with_progress(demo_ws, tmp_path, p12):
    build_demo(demo_ws, "06")  # Colima next to Nayarit
    seen: list[tuple[int, int]] = []
    identity = identities.load_identity(p12=p12, passphrase=PASSPHRASE.encode())
    results = report_pdf.export_all_states(
        demo_ws,
        "202302",
        tmp_path / "lote",
        report_pdf.PdfOptions(layout="handout"),
        identity,
        progress=lambda d, t: seen.append((d, t)),
    )
    names = sorted(p.name for p in (tmp_path / "lote").iterdir())
    assert names == ["06-Colima-202302-firmado.pdf", "18-Nayarit-202302-firmado.pdf"]
    assert seen == [(0, 2), (1, 2), (2, 2)]
    assert [r.state_name for r in results] == ["Colima", "Nayarit"]
    for result in results:
        verdict = identities.verify_file(demo_ws, result.path, [identity.certificate])
        assert verdict.exit_code == 0
        assert result.state_name.upper() in text_of(result.path)


def test_all_states_cancel_keeps_whole_files_only(demo_ws, tmp_path):
    build_demo(demo_ws, "06")

    class Stop(Exception):
        pass

    def cancel_after_first(done: int, total: int) -> None:
        if done == 1:
            raise Stop

    with pytest.raises(Stop):
        report_pdf.export_all_states(demo_ws, "202302", tmp_path / "lote", progress=cancel_after_first, workers=1)
    files = list((tmp_path / "lote").iterdir())
    assert [f.name for f in files] == ["06-Colima-202302.pdf"]  # no temporary leftovers
    assert PdfReader(str(files[0])).pages


def test_parallel_batch_equals_one_by_one_and_cancels_cleanly(demo_ws, tmp_path, p12):
    """Worker processes write the same PDFs (same figures, same fingerprints, signed)."""
    build_demo(demo_ws, "06")
    identity = identities.load_identity(p12=p12, passphrase=PASSPHRASE.encode())
    seen: list[tuple[int, int]] = []
    together = report_pdf.export_all_states(
        demo_ws, "202302", tmp_path / "par", identity=identity, workers=2, progress=lambda d, t: seen.append((d, t))
    )
    alone = report_pdf.export_all_states(demo_ws, "202302", tmp_path / "seq", identity=identity, workers=1)
    assert [r.fingerprint for r in together] == [r.fingerprint for r in alone]
    assert [r.path.name for r in together] == [r.path.name for r in alone]
    assert seen[0] == (0, 2) and seen[-1] == (2, 2)
    for result in together:
        assert identities.verify_file(demo_ws, result.path, [identity.certificate]).exit_code == 0

    class Stop(Exception):
        pass

    def stop_at_once(done: int, total: int) -> None:
        raise Stop

    with pytest.raises(Stop):
        report_pdf.export_all_states(demo_ws, "202302", tmp_path / "cancel", workers=2, progress=stop_at_once)
    for path in (tmp_path / "cancel").iterdir():  # whatever a worker finished is whole
        assert path.suffix == ".pdf" and PdfReader(str(path)).pages


def test_all_states_cli_and_empty_database(demo_ws, data_dir, tmp_path):
    code, said, err = run(
        "--data-dir",
        str(demo_ws.data_dir),
        "report",
        "pdf",
        "--all-states",
        "--period",
        "202302",
        "--out",
        str(tmp_path / "todos"),
    )
    assert code == 0, err
    assert "Resúmenes escritos" in said and (tmp_path / "todos" / "18-Nayarit-202302.pdf").exists()
    code, _, err = run(
        "--data-dir",
        str(data_dir),
        "report",
        "pdf",
        "--all-states",
        "--period",
        "202302",
        "--out",
        str(tmp_path / "nada"),
    )
    assert code == 1 and "ningún estado" in err


def test_banner_is_a_setting_of_the_year(demo_ws, tmp_path):
    assert report_pdf.get_banner(demo_ws, "2023") == ""  # no default banner (issue 10)
    assert report_pdf.set_banner(demo_ws, "  2023   Año de Francisco Villa ", "2023") == "2023 Año de Francisco Villa"
    result = report_pdf.export_state_pdf(demo_ws, "18", "202302", tmp_path / "b.pdf")
    assert "2023 Año de Francisco Villa" in text_of(result.path)
    assert report_pdf.set_banner(demo_ws, "", "2023") == ""
