"""The export dialog on real data: preview, export, sign with a real .p12, and refusals."""
# Fixtures are imported from dialog_fixtures, so pytest's by-name injection looks like shadowing:
# ruff: noqa: F811

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer

from app.services.summary import identity as identities
from app.services.summary import report_pdf
from app.services.workspace import catalog as load_catalog
from app.ui.common.passphrase_dialog import PassphraseDialog
from app.ui.summary.export_dialog import ExportDialog
from tests.reports.pki import make_ca, sat_pair
from tests.ui.dialog_fixtures import PERIOD, seeded_dir, tasks, workspace  # noqa: F401
from tests.ui.summary.export_fixtures import PASSPHRASE, p12  # noqa: F401

pytestmark = pytest.mark.gui


@pytest.fixture
def dialog(qtbot, tasks):
    widget = ExportDialog(tasks, load_catalog(), "es", "18", PERIOD)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: not widget.preview.image().isNull(), timeout=20000)
    return widget


def answer(text: str | None):
    """A passphrase provider that answers like a person typing ``text`` (None: Cancelar)."""
    asked: list[str] = []

    def provider(_parent, prompt: str) -> bytes | None:
        asked.append(prompt)
        return None if text is None else text.encode("utf-8")

    provider.asked = asked  # type: ignore[attr-defined]
    return provider


def export_and_wait(qtbot, dialog: ExportDialog) -> None:
    dialog.export_button.click()
    qtbot.waitUntil(lambda: not dialog._busy, timeout=20000)


def test_the_preview_has_the_shape_of_the_layout(qtbot, dialog):
    image = dialog.preview.image()
    assert image.width() / image.height() == pytest.approx(16 / 9, rel=0.01)
    with qtbot.waitSignal(dialog.preview_ready, timeout=20000):
        dialog.layout_box.setCurrentIndex(dialog.layout_box.findData("handout"))
    image = dialog.preview.image()
    assert image.height() / image.width() == pytest.approx(297 / 210, rel=0.01)  # A4 portrait


def test_banner_is_prefilled_and_saved_on_export(qtbot, dialog, seeded_dir, tmp_path):
    with workspace(seeded_dir) as ws:
        assert dialog.banner.text() == report_pdf.get_banner(ws, "2023")
    dialog.signing.set_mode("none")
    dialog.banner.setText("2024 Año de Felipe Carrillo Puerto")
    out = tmp_path / "pdf" / "nayarit.pdf"
    dialog.set_output_path(out)
    export_and_wait(qtbot, dialog)
    assert out.is_file() and out.read_bytes().startswith(b"%PDF")
    assert "(sin firma)" in dialog.status.text()
    with workspace(seeded_dir) as ws:
        assert report_pdf.get_banner(ws, "2023") == "2024 Año de Felipe Carrillo Puerto"
        assert identities.verify_file(ws, out).signed is False
    assert dialog.open_pdf_button.isVisibleTo(dialog) and dialog.open_folder_button.isVisibleTo(dialog)


def test_export_signed_with_a_p12_verifies(qtbot, dialog, p12, seeded_dir, tmp_path):
    dialog.signing.use_p12(p12)
    assert dialog.output_path().name == "18-Nayarit-202302-firmado.pdf"  # the default name follows
    out = tmp_path / "firmados" / "nayarit-firmado.pdf"
    dialog.set_output_path(out)
    dialog.passphrase_provider = answer(PASSPHRASE)
    with qtbot.waitSignal(dialog.exported, timeout=20000):
        dialog.export_button.click()
    assert "lucia.p12" in dialog.passphrase_provider.asked[0]
    assert out.is_file()
    fingerprint = identities.load_identity(p12=p12, passphrase=PASSPHRASE.encode()).fingerprint_sha256
    with workspace(seeded_dir) as ws:
        result = identities.verify_file(ws, out)
    assert result.signed and result.intact
    assert result.signer_name == "Lucía Ávila Núñez" and result.fingerprint == fingerprint
    shown = dialog.status.text().replace("<br>", "")
    assert fingerprint in shown and out.name in shown and str(out.parent) in shown
    assert "Se guardó el PDF firmado" in shown


def test_wrong_passphrase_shows_an_error_and_writes_nothing(qtbot, dialog, p12, tmp_path):
    dialog.signing.use_p12(p12)
    out = tmp_path / "firmados" / "nayarit.pdf"
    dialog.set_output_path(out)
    dialog.passphrase_provider = answer("no es la contraseña")
    export_and_wait(qtbot, dialog)
    assert dialog.error_box is not None and "contraseña" in dialog.error_box.text().lower()
    assert not out.exists() and not out.parent.exists()
    assert dialog.last_export is None and not dialog.open_pdf_button.isVisibleTo(dialog)


def test_cancelling_the_passphrase_writes_nothing(qtbot, dialog, p12, tmp_path):
    dialog.signing.use_p12(p12)
    out = tmp_path / "nayarit.pdf"
    dialog.set_output_path(out)
    dialog.passphrase_provider = answer(None)
    dialog.export_button.click()
    assert "cancelada" in dialog.status.text() and not out.exists()


def test_unwritable_folder_shows_an_error_and_writes_nothing(qtbot, dialog, tmp_path):
    blocker = tmp_path / "no-es-carpeta"
    blocker.write_text("un archivo, no una carpeta")  # works as root too, unlike chmod
    dialog.signing.set_mode("none")
    dialog.set_output_path(blocker / "nayarit.pdf")
    export_and_wait(qtbot, dialog)
    assert dialog.error_box is not None and "No se puede escribir" in dialog.error_box.text()
    assert blocker.read_text() == "un archivo, no una carpeta"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "no-es-carpeta"]


def test_missing_identity_file_is_refused_before_asking(qtbot, dialog, tmp_path):
    dialog.signing.use_p12(tmp_path / "no-existe.p12")
    dialog.passphrase_provider = answer(PASSPHRASE)
    dialog.export_button.click()
    assert dialog.passphrase_provider.asked == []
    assert ".p12" in dialog.status.text()


def test_the_real_passphrase_dialog_hides_the_text(qtbot):
    prompt = PassphraseDialog("Escriba la contraseña de lucia.p12.")
    qtbot.addWidget(prompt)
    assert prompt.field.echoMode() == prompt.field.EchoMode.Password
    assert not prompt.ok_button.isEnabled()  # an empty passphrase cannot be accepted
    prompt.field.setText("contraseña")
    assert prompt.ok_button.isEnabled() and prompt.passphrase() == "contraseña".encode()


def test_export_through_the_real_passphrase_prompt(qtbot, dialog, p12, seeded_dir, tmp_path):
    """The default provider: the real modal dialog, filled by a timer inside its event loop."""
    dialog.signing.use_p12(p12)
    out = tmp_path / "nayarit-firmado.pdf"
    dialog.set_output_path(out)
    seen: list[PassphraseDialog] = []

    def type_and_accept() -> None:
        prompt = dialog.findChild(PassphraseDialog)
        if prompt is None or not prompt.isVisible():
            QTimer.singleShot(20, type_and_accept)
            return
        seen.append(prompt)
        prompt.field.setText(PASSPHRASE)
        prompt.ok_button.click()

    QTimer.singleShot(50, type_and_accept)
    with qtbot.waitSignal(dialog.exported, timeout=20000):
        dialog.export_button.click()  # returns once the prompt was answered
    assert seen and dialog.findChild(PassphraseDialog) is None  # the prompt (and its text) is gone
    with workspace(seeded_dir) as ws:
        assert identities.verify_file(ws, out).intact


def test_closing_before_the_preview_arrives_is_quiet(qtbot, tasks):
    widget = ExportDialog(tasks, load_catalog(), "es", "18", PERIOD)
    widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    widget.show()
    widget.close()  # the banner and preview jobs are still queued
    assert tasks.wait_idle()  # their results arrive and are dropped without touching deleted widgets


@pytest.fixture(scope="module")
def sat_ca():
    return make_ca()


def write_pair(folder: Path, pair: tuple[bytes, bytes]) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    cer, key = folder / "efirma.cer", folder / "efirma.key"
    cer.write_bytes(pair[0])
    key.write_bytes(pair[1])
    return cer, key


def test_export_signed_with_a_sat_efirma_verifies(qtbot, dialog, sat_ca, seeded_dir, tmp_path):
    cer, key = write_pair(tmp_path / "sat", sat_pair(sat_ca, password=b"12345678a"))
    dialog.signing.use_sat(cer, key)
    out = tmp_path / "efirma.pdf"
    dialog.set_output_path(out)
    dialog.passphrase_provider = answer("12345678a")
    with qtbot.waitSignal(dialog.exported, timeout=30000):
        dialog.export_button.click()
    assert "efirma.key" in dialog.passphrase_provider.asked[0]
    with workspace(seeded_dir) as ws:
        result = identities.verify_file(ws, out)
    assert result.signed and result.intact and result.signer_name == "ROSA MARÍA LÓPEZ NÚÑEZ"


@pytest.mark.parametrize("kind, words", [("csd", "CSD"), ("expired", "venció"), ("other_key", "no corresponde")])
def test_refused_efirma_shows_why_and_writes_nothing(qtbot, dialog, sat_ca, tmp_path, kind, words):
    past = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    options = {
        "csd": {"csd": True},
        "expired": {"not_before": past - dt.timedelta(days=400), "not_after": past},
        "other_key": {"other_key": True},
    }[kind]
    cer, key = write_pair(tmp_path / "sat", sat_pair(sat_ca, password=b"12345678a", **options))
    dialog.signing.use_sat(cer, key)
    out = tmp_path / "salida" / "efirma.pdf"
    dialog.set_output_path(out)
    dialog.passphrase_provider = answer("12345678a")
    export_and_wait(qtbot, dialog)
    assert dialog.error_box is not None and words in dialog.error_box.text(), dialog.error_box.text()
    assert not out.parent.exists()
