"""CLI: `identity create` and `verify` with its exit codes 0 / 3 / 1 (issue 3, items 4–7)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from app.cli import main as cli
from app.reports.signing.identity import certificate_pem, load_pkcs12
from app.reports.signing.pades import sign_pdf
from app.services.summary import identity as identities
from app.services.workspace import open_workspace
from tests.reports.pki import one_page_pdf

PASS_VAR = "COORDINA_TEST_PASSPHRASE"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def created(data_dir: Path, tmp_path: Path, monkeypatch):
    """An identity made through the CLI, a PDF signed with it and its certificate as PEM."""
    monkeypatch.setenv(PASS_VAR, "contraseña segura")
    p12 = tmp_path / "coordinadora.p12"
    code, out, err = run(
        "--data-dir",
        str(data_dir),
        "identity",
        "create",
        "--name",
        "Lucía Ávila",
        "--position",
        "Coordinadora estatal",
        "--state",
        "18",
        "--out",
        str(p12),
        "--passphrase-env",
        PASS_VAR,
    )
    assert code == 0, err
    ident = load_pkcs12(p12.read_bytes(), "contraseña segura".encode())
    assert ident.state == "Nayarit" and ident.fingerprint_sha256 in out
    signed = tmp_path / "avances.pdf"
    signed.write_bytes(sign_pdf(one_page_pdf(), ident, "Avances Generales", "Tepic"))
    pem = tmp_path / "lucia.pem"
    pem.write_bytes(certificate_pem(ident.certificate))
    return {"p12": p12, "pdf": signed, "pem": pem, "identity": ident}


def test_identity_create_needs_the_env_var(data_dir, tmp_path, monkeypatch):
    monkeypatch.delenv(PASS_VAR, raising=False)
    out = tmp_path / "x.p12"
    code, _, err = run(
        "--data-dir",
        str(data_dir),
        "identity",
        "create",
        "--name",
        "A",
        "--position",
        "P",
        "--state",
        "18",
        "--out",
        str(out),
        "--passphrase-env",
        PASS_VAR,
    )
    assert code == 1 and PASS_VAR in err and not out.exists()
    code, _, err = run(
        "--data-dir",
        str(data_dir),
        "--lang",
        "en",
        "identity",
        "create",
        "--name",
        "A",
        "--position",
        "P",
        "--state",
        "99",
        "--out",
        str(out),
        "--passphrase-env",
        "HOME",
    )
    assert code == 1 and "unknown state" in err


def test_verify_trusted_is_0(created, data_dir):
    code, out, _ = run("--data-dir", str(data_dir), "verify", str(created["pdf"]), "--trust", str(created["pem"]))
    assert code == 0 and "Lucía Ávila" in out


def test_the_app_trusts_its_own_identity(created, data_dir):
    """An identity created here joins this workspace's trust store: its PDFs verify as 0."""
    code, out, _ = run("--data-dir", str(data_dir), "verify", str(created["pdf"]))
    assert code == 0 and "Lucía Ávila" in out


def test_verify_untrusted_is_3(created, tmp_path):
    """Elsewhere (headquarters' own data directory) the same signer is not yet trusted."""
    elsewhere = tmp_path / "hq"
    code, _, err = run("--data-dir", str(elsewhere), "verify", str(created["pdf"]))
    assert code == 3 and "NO es de confianza" in err


def test_identity_trust_makes_it_trusted(created, tmp_path):
    elsewhere = tmp_path / "hq"
    code, out, _ = run("--data-dir", str(elsewhere), "identity", "trust", str(created["pem"]))
    assert code == 0 and created["identity"].fingerprint_sha256 in out
    ws = open_workspace(elsewhere, "es")
    try:
        assert [c.subject for c in identities.trusted_certificates(ws)] == [created["identity"].certificate.subject]
    finally:
        ws.close()
    code, _, _ = run("--data-dir", str(elsewhere), "verify", str(created["pdf"]))
    assert code == 0
    bogus = tmp_path / "bogus.pem"
    bogus.write_text("not a certificate")
    code, _, err = run("--data-dir", str(elsewhere), "identity", "trust", str(bogus))
    assert code == 1 and "no es un certificado" in err


def test_verify_altered_is_1(created, data_dir, tmp_path):
    data = bytearray(created["pdf"].read_bytes())
    data[data.index(b"413 de 620")] ^= 0x01
    altered = tmp_path / "alterado.pdf"
    altered.write_bytes(bytes(data))
    code, out, _ = run("--data-dir", str(data_dir), "verify", str(altered), "--trust", str(created["pem"]), "--json")
    assert code == 1
    result = json.loads(out)
    assert result["signed"] is True and result["intact"] is False and result["exit_code"] == 1
    assert result["problem"] and result["problem_code"] == "verify_altered"
    code, _, err = run("--data-dir", str(data_dir), "verify", str(altered))
    assert code == 1 and "alterado" in err


@pytest.mark.parametrize("content", [b"", b"just text", None])
def test_verify_unreadable_unsigned_or_missing_is_1(content, data_dir, tmp_path):
    path = tmp_path / "x.pdf"
    if content is not None:
        path.write_bytes(content)
    code, _, err = run("--data-dir", str(data_dir), "verify", str(path))
    assert code == 1 and "No verificado" in err
    assert any(w in err for w in ("no es un PDF", "no se puede leer")), err
    code, _, err = run("--data-dir", str(data_dir), "--lang", "en", "verify", str(path))
    assert code == 1 and "Not verified" in err and ("not a PDF" in err or "cannot be read" in err)
    unsigned = tmp_path / "unsigned.pdf"
    unsigned.write_bytes(one_page_pdf())
    code, out, _ = run("--data-dir", str(data_dir), "verify", str(unsigned), "--json")
    assert code == 1 and json.loads(out)["signed"] is False


def test_verify_json_trusted(created, data_dir):
    code, out, _ = run(
        "--data-dir", str(data_dir), "verify", str(created["pdf"]), "--json", "--trust", str(created["pem"])
    )
    result = json.loads(out)
    assert code == 0 and result["trusted"] and result["intact"] and result["signed"]
    assert result["fingerprint"] == created["identity"].fingerprint_sha256
    assert result["signed_at"].endswith("+00:00")


def test_bad_trust_file_is_rejected(created, data_dir, tmp_path):
    bogus = tmp_path / "bogus.pem"
    bogus.write_text("not a certificate")
    code, _, err = run("--data-dir", str(data_dir), "verify", str(created["pdf"]), "--trust", str(bogus))
    assert code == 1 and "certificado" in err


def test_load_identity_service_reads_p12_and_sat_pair(created, tmp_path):
    from tests.reports.pki import make_ca, sat_pair

    ident = identities.load_identity(p12=created["p12"], passphrase="contraseña segura".encode())
    assert ident.name == "Lucía Ávila"
    cer, key = sat_pair(make_ca())
    (tmp_path / "f.cer").write_bytes(cer)
    (tmp_path / "f.key").write_bytes(key)
    fiel = identities.load_identity(cer=tmp_path / "f.cer", key=tmp_path / "f.key", passphrase=b"12345678a")
    assert fiel.name == "ROSA MARÍA LÓPEZ NÚÑEZ"
