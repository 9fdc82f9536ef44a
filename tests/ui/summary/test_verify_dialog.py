"""The verify dialog on real signed PDFs: intact, altered, untrusted then trusted, not a PDF."""
# Fixtures are imported from dialog_fixtures, so pytest's by-name injection looks like shadowing:
# ruff: noqa: F811

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives.serialization import Encoding

from app.reports.signing.identity import certificate_pem
from app.services.summary import identity as identities
from app.ui.common import theme
from app.ui.summary.verify_dialog import VerifyDialog
from tests.ui.dialog_fixtures import seeded_dir, tasks  # noqa: F401
from tests.ui.summary.export_fixtures import PASSPHRASE, p12, signed_pdf  # noqa: F401

pytestmark = pytest.mark.gui


@pytest.fixture
def dialog(qtbot, tasks):
    widget = VerifyDialog(tasks, "es")
    qtbot.addWidget(widget)
    widget.show()
    return widget


def verify(qtbot, dialog: VerifyDialog, path: Path):
    with qtbot.waitSignal(dialog.verified, timeout=20000) as blocker:
        dialog.open_path(path)
    return blocker.args[0]


def certificate_file(p12: Path, folder: Path, der: bool = False) -> Path:
    """The signer's certificate as she would send it: PEM (or DER) next to the tests' files."""
    cert = identities.load_identity(p12=p12, passphrase=PASSPHRASE.encode()).certificate
    path = folder / ("lucia.cer" if der else "lucia.pem")
    path.write_bytes(cert.public_bytes(Encoding.DER) if der else certificate_pem(cert))
    return path


@pytest.mark.parametrize("der", [False, True], ids=["pem", "der-cer"])
def test_signed_pdf_is_intact_but_untrusted_until_its_certificate_is_added(
    qtbot, dialog, signed_pdf, p12, tmp_path, der
):
    result = verify(qtbot, dialog, signed_pdf)
    assert result.signed and result.intact and not result.trusted
    assert dialog.kind == "warning" and "no está en su lista de confianza" in dialog.verdict.text()
    assert dialog.signer.text() == "Lucía Ávila Núñez"
    assert dialog.intact.text() == "Sí" and dialog.trusted.text() == "No"
    assert dialog.problem.text() == "El firmante no es de confianza"
    assert dialog.fingerprint.text().replace("\n", "") == result.fingerprint and result.fingerprint.count(":") == 31
    # es-MX: day first, local time.
    assert dialog.signed_at.text() == result.signed_at.astimezone().strftime("%d/%m/%Y %H:%M:%S")

    with qtbot.waitSignal(dialog.verified, timeout=20000) as blocker:
        dialog.add_trusted_from(certificate_file(p12, tmp_path, der))  # verifies again by itself
    assert blocker.args[0].trusted
    assert dialog.kind == "ok" and "Firma válida" in dialog.verdict.text()
    assert dialog.trusted.text() == "Sí" and dialog.problem.text() == "Ninguna."
    assert theme.on_tint("ok").name() in dialog.verdict.styleSheet()  # green


def test_one_flipped_byte_shows_altered_in_red(qtbot, dialog, signed_pdf, tmp_path):
    data = bytearray(signed_pdf.read_bytes())
    data[data.index(b"stream\n") + 12] ^= 0x01  # inside the first page's content
    altered = tmp_path / "alterado.pdf"
    altered.write_bytes(bytes(data))
    result = verify(qtbot, dialog, altered)
    assert result.signed and not result.intact
    assert dialog.kind == "error" and theme.on_tint("error").name() in dialog.verdict.styleSheet()  # red
    assert dialog.intact.text() == "No"
    assert dialog.problem.text() == "El documento fue alterado después de firmarse"


def test_not_a_pdf_shows_the_message(qtbot, dialog, tmp_path):
    path = tmp_path / "notas.pdf"
    path.write_text("esto no es un PDF", encoding="utf-8")
    result = verify(qtbot, dialog, path)
    assert not result.signed
    assert dialog.kind == "error" and "no tiene una firma válida" in dialog.verdict.text()
    assert dialog.problem.text() == "El archivo no es un PDF"
    assert dialog.signer.text() == "—" and dialog.intact.text() == "—"


def test_messages_follow_the_language(qtbot, tasks, signed_pdf):
    english = VerifyDialog(tasks, "en")
    qtbot.addWidget(english)
    verify(qtbot, english, signed_pdf)
    assert english.problem.text() == "The signer is not trusted"
    assert english.signed_at.text()[:4].isdigit()  # ISO order in English


def test_an_invalid_certificate_file_is_refused(qtbot, dialog, signed_pdf, tmp_path):
    verify(qtbot, dialog, signed_pdf)
    bogus = tmp_path / "falso.pem"
    bogus.write_text("-----BEGIN CERTIFICATE-----\nno\n-----END CERTIFICATE-----\n")
    dialog.add_trusted_from(bogus)
    qtbot.waitUntil(lambda: dialog.error_box is not None, timeout=20000)
    assert "falso.pem" in dialog.error_box.text() and "certificado" in dialog.error_box.text()
    assert dialog.trust_button.isEnabled()


def test_every_signature_and_its_reasons_in_plain_spanish(qtbot, dialog, signed_pdf, p12, tmp_path):
    """The issue's attack: an edit, then a second signature by a forged same-name certificate."""
    from tests.reports import attacks

    genuine = identities.load_identity(p12=p12, passphrase=PASSPHRASE.encode())
    forged, _ = attacks.edit_then_forged_signature(signed_pdf.read_bytes(), genuine)
    path = tmp_path / "dos_firmas.pdf"
    path.write_bytes(forged)
    result = verify(qtbot, dialog, path)
    assert result.exit_code == 1 and dialog.kind == "error"
    tree = dialog.signatures
    assert tree.topLevelItemCount() == 2
    first, second = tree.topLevelItem(0), tree.topLevelItem(1)
    assert first.text(1) == second.text(1) == "Lucía Ávila Núñez"
    assert first.text(3) == "No válida" and second.text(3) == "Íntegra; firmante no es de confianza"
    added = first.child(0)
    assert added.text(0) == "Se agregó al archivo después de firmarlo:"
    named = [added.child(i).text(0) for i in range(added.childCount())]
    assert "• Otra firma" in named and "• Contenido nuevo de la página" in named, named
    assert second.child(0).text(0) == "El firmante no es de confianza"
    assert dialog.problem.text().startswith("Se agregó al archivo después de firmarlo")
    assert not dialog.demo.isVisible()


def test_expired_trusted_certificate_is_red_and_says_so(qtbot, dialog, tmp_path):
    import datetime as dt

    from tests.reports import attacks
    from tests.reports.pki import one_page_pdf

    expired = attacks.identity(
        not_before=dt.datetime(2019, 1, 1, tzinfo=dt.UTC), not_after=dt.datetime(2021, 6, 30, tzinfo=dt.UTC)
    )
    path = tmp_path / "vencido.pdf"
    path.write_bytes(attacks.attacker_sign(one_page_pdf(), expired, certify=True))
    pem = tmp_path / "vencido.pem"
    pem.write_bytes(certificate_pem(expired.certificate))
    verify(qtbot, dialog, path)
    with qtbot.waitSignal(dialog.verified, timeout=20000) as blocker:
        dialog.add_trusted_from(pem)
    assert blocker.args[0].exit_code == 1 and dialog.kind == "error"
    assert dialog.intact.text() == "Sí" and dialog.trusted.text() == "No"
    assert "venció el 2021-06-30" in dialog.problem.text()


def test_demo_data_is_announced(qtbot, dialog, tmp_path):
    from app.reports.signing.identity import create_identity, load_pkcs12
    from app.reports.signing.pades import sign_pdf
    from tests.reports.pki import one_page_pdf

    ident = load_pkcs12(create_identity("Ana", "Coordinadora", "Nayarit", b"pw"), b"pw")
    path = tmp_path / "demo.pdf"
    path.write_bytes(sign_pdf(one_page_pdf("DATOS DE DEMOSTRACIÓN"), ident, "Avances", "Tepic"))
    result = verify(qtbot, dialog, path)
    assert result.demo and dialog.demo.isVisible()
    assert "DATOS DE DEMOSTRACIÓN" in dialog.demo.text()
