"""The identity dialog: a real .p12 that opens with its passphrase, trusted here; refusals."""
# Fixtures are imported from dialog_fixtures, so pytest's by-name injection looks like shadowing:
# ruff: noqa: F811

from __future__ import annotations

import pytest

from app.models.messages import InputError
from app.reports.signing.identity import fingerprint
from app.services.summary import identity as identities
from app.services.workspace import catalog as load_catalog
from app.ui.summary.identity_dialog import IdentityDialog, identity_file_name
from tests.ui.dialog_fixtures import seeded_dir, tasks, workspace  # noqa: F401

pytestmark = pytest.mark.gui

SECRET = "Contraseña ñandú 2023"


@pytest.fixture
def dialog(qtbot, tasks):
    widget = IdentityDialog(tasks, load_catalog(), "es", "18")
    qtbot.addWidget(widget)
    widget.show()
    return widget


def fill(dialog: IdentityDialog, out, confirmation: str = SECRET) -> None:
    # setText: qtbot.keyClicks cannot type accented letters.
    dialog.name.setText("Lucía Ávila Núñez")
    dialog.position.setText("Coordinadora estatal")
    dialog.set_output_path(out)
    dialog.passphrase.setText(SECRET)
    dialog.confirmation.setText(confirmation)


def test_creates_a_p12_that_opens_with_the_passphrase_and_is_trusted(qtbot, dialog, seeded_dir, tmp_path):
    assert dialog.state.currentText() == "Nayarit"
    out = tmp_path / "claves" / "lucia.p12"
    fill(dialog, out)
    with qtbot.waitSignal(dialog.created, timeout=20000):
        dialog.create_button.click()
    made = identities.load_identity(p12=out, passphrase=SECRET.encode())
    assert made.name == "Lucía Ávila Núñez" and made.position == "Coordinadora estatal"
    assert made.state == "Nayarit"
    assert dialog.fingerprint.text().replace("\n", "") == made.fingerprint_sha256
    assert dialog.status.text() == "Se creó lucia.p12" and "confía" in dialog.details.text()
    assert dialog.passphrase.text() == "" and dialog.confirmation.text() == ""  # not kept around
    with workspace(seeded_dir) as ws:
        trusted = {fingerprint(c) for c in identities.trusted_certificates(ws)}
    assert made.fingerprint_sha256 in trusted
    with pytest.raises(InputError):
        identities.load_identity(p12=out, passphrase=b"otra")


def test_mismatched_confirmation_is_refused(qtbot, dialog, tasks, tmp_path):
    out = tmp_path / "lucia.p12"
    fill(dialog, out, confirmation=SECRET + "x")
    assert "no coinciden" in dialog.match_label.text()  # said while typing
    dialog.create_button.click()
    tasks.wait_idle()
    assert "no coinciden" in dialog.status.text()
    assert not out.exists() and dialog.created_path is None


def test_empty_passphrase_and_missing_fields_are_refused(qtbot, dialog, tasks, tmp_path):
    out = tmp_path / "lucia.p12"
    dialog.create_button.click()
    assert "nombre" in dialog.status.text()
    fill(dialog, out, confirmation="")
    dialog.passphrase.setText("")
    dialog.create_button.click()
    assert "contraseña" in dialog.status.text()
    tasks.wait_idle()
    assert not out.exists()


def test_an_existing_file_is_not_replaced(qtbot, dialog, tasks, tmp_path):
    out = tmp_path / "lucia.p12"
    out.write_bytes(b"otra identidad")
    fill(dialog, out)
    dialog.create_button.click()
    tasks.wait_idle()
    assert "Ya existe" in dialog.status.text() and out.read_bytes() == b"otra identidad"


def test_the_suggested_file_name_follows_name_and_state(dialog):
    dialog.name.setText("Lucía Ávila")
    assert dialog.output_path().name == "firma-Lucia_Avila-Nayarit.p12"
    dialog.state.setCurrentIndex(dialog.state.findData("06"))
    assert dialog.output_path().name == "firma-Lucia_Avila-Colima.p12"
    assert identity_file_name("", "Ciudad de México") == "firma-Ciudad_de_Mexico.p12"
