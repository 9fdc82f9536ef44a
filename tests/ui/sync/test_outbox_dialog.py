"""The outbox dialog with a real state and HQ: send a signed package, HQ imports it and
acknowledges it, the state imports the acknowledgement; refusals write nothing."""
# ruff: noqa: F811

from __future__ import annotations

import pytest

from app.services.sync import sync_ack, sync_import, sync_profile
from app.services.workspace import catalog as load_catalog
from app.services.workspace import open_workspace
from app.ui.common.tasks import TaskManager
from app.ui.sync.outbox_dialog import OutboxDialog
from app.ui.sync.sync_tables import OutboxModel
from tests.sync.conftest import PASSPHRASE, pair  # noqa: F401

pytestmark = pytest.mark.gui


def answer(secret: bytes | None):
    """A passphrase provider that answers like a person typing ``secret`` (None: Cancelar)."""
    asked: list[str] = []

    def provider(_parent, prompt: str) -> bytes | None:
        asked.append(prompt)
        return secret

    provider.asked = asked  # type: ignore[attr-defined]
    return provider


@pytest.fixture
def state_tasks(pair):
    manager = TaskManager(pair.state.data_dir)
    yield manager
    manager.shutdown()


@pytest.fixture
def dialog(qtbot, state_tasks):
    widget = OutboxDialog(state_tasks, load_catalog(), "es")
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.loaded, timeout=20000):
        widget.show()
    return widget


def send(qtbot, dialog: OutboxDialog, folder, secret: bytes | None = PASSPHRASE, p12=None) -> None:
    dialog.set_folder(folder)
    if p12 is not None:
        dialog.signing.use_p12(p12)
    dialog.passphrase_provider = answer(secret)
    dialog.send_button.click()
    qtbot.waitUntil(lambda: not dialog._busy, timeout=30000)
    dialog._tasks.wait_idle()


def cell(dialog: OutboxDialog, row: int, column: int) -> str:
    return dialog.model.index(row, column).data()


def test_send_then_import_the_ack_marks_it_delivered(qtbot, dialog, pair, qtmodeltester):
    assert "Oficinas centrales" in dialog.hq_line.text()
    assert dialog.model.rowCount() == 0
    usb = pair.outbox / "paquetes"
    with qtbot.waitSignal(dialog.sent, timeout=30000):
        send(qtbot, dialog, usb, p12=pair.p12)
    pkg = dialog.last_package
    assert pkg is not None and pkg.path.is_file() and pkg.path.parent == usb
    assert "ana.p12" in dialog.passphrase_provider.asked[0]
    assert pkg.path.name in dialog.status.text() and dialog.open_folder_button.isVisibleTo(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10000)
    qtmodeltester.check(dialog.model)
    assert cell(dialog, 0, OutboxModel.FILE) == pkg.path.name
    assert cell(dialog, 0, OutboxModel.SEQUENCE) == "1"
    assert cell(dialog, 0, OutboxModel.DELIVERY) == "Esperando acuse de recibo"

    # Headquarters (services, as its own app would): import the package, write the ack.
    results = sync_import.import_packages(pair.hq, [pkg.path])
    assert results[0].ok, results[0].summary
    ack = sync_ack.make_ack(pair.hq, "18", pair.outbox)

    with qtbot.waitSignal(dialog.imported, timeout=30000) as got:
        dialog.import_files([ack])
    assert got.args[0][0].ok, got.args[0][0].summary
    assert ack.name in dialog.status.text() and "importado" in dialog.status.text()
    qtbot.waitUntil(lambda: cell(dialog, 0, OutboxModel.DELIVERY).startswith("Entregado"), timeout=10000)
    qtmodeltester.check(dialog.model)
    assert "0 paquetes sin acuse de recibo" in dialog.hq_line.text()


def test_wrong_passphrase_shows_an_error_and_writes_nothing(qtbot, dialog, pair):
    usb = pair.outbox / "paquetes"
    send(qtbot, dialog, usb, secret=b"no es la frase", p12=pair.p12)
    assert dialog.error_box is not None and "contraseña" in dialog.error_box.text().lower()
    assert not usb.exists() and dialog.last_package is None
    assert dialog.model.rowCount() == 0


def test_cancelling_the_passphrase_writes_nothing(qtbot, dialog, pair):
    usb = pair.outbox / "paquetes"
    send(qtbot, dialog, usb, secret=None, p12=pair.p12)
    assert "cancelado" in dialog.status.text() and not usb.exists()


def test_unwritable_folder_shows_an_error_and_writes_nothing(qtbot, dialog, pair, tmp_path):
    blocker = tmp_path / "no-es-carpeta"
    blocker.write_text("un archivo, no una carpeta")
    send(qtbot, dialog, blocker / "sub", p12=pair.p12)
    assert dialog.error_box is not None and "No se puede escribir" in dialog.error_box.text()
    assert blocker.read_text() == "un archivo, no una carpeta" and dialog.model.rowCount() == 0


def test_no_hq_profile_is_refused_before_asking_the_passphrase(qtbot, nayarit_demo_db, tmp_path, pair):
    folder = tmp_path / "sin-hq"
    ws = open_workspace(folder, user="ana")
    try:
        sync_profile.init_profile(ws, "state", "18", name="Ana")
    finally:
        ws.close()
    tasks = TaskManager(folder)
    try:
        widget = OutboxDialog(tasks, load_catalog(), "es")
        qtbot.addWidget(widget)
        with qtbot.waitSignal(widget.loaded, timeout=20000):
            widget.show()
        assert "Falta el perfil de oficinas centrales" in widget.hq_line.text()
        send(qtbot, widget, tmp_path / "salida", p12=pair.p12)
        assert widget.passphrase_provider.asked == []
        assert widget.error_box is not None
        assert "Sincronizar ▸ Perfil y registro" in widget.error_box.text()  # the menu, not a CLI command
        assert not (tmp_path / "salida").exists()
    finally:
        tasks.shutdown()


def test_a_package_that_is_not_for_a_state_is_shown_as_rejected(qtbot, dialog, pair):
    """Importing the state's own data package here is refused; the summary says why, nothing changes."""
    usb = pair.outbox / "paquetes"
    send(qtbot, dialog, usb, p12=pair.p12)
    with qtbot.waitSignal(dialog.imported, timeout=30000) as got:
        dialog.import_files([dialog.last_package.path])
    result = got.args[0][0]
    assert not result.ok
    assert "rechazado" in dialog.status.text() and result.summary["description"][:20] in dialog.status.text()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10000)
    assert cell(dialog, 0, OutboxModel.DELIVERY) == "Esperando acuse de recibo"
