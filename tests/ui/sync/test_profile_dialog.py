"""The profile dialog on real data directories: create a profile, exchange HQ's profile and a
coordinator's enrolment between two dialogs, compare fingerprints, register, revoke."""
# ruff: noqa: F811

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from app.services.summary import identity as identities
from app.services.sync import sync_enrol, sync_profile
from app.services.workspace import catalog as load_catalog
from app.services.workspace import open_workspace
from app.ui.common.tasks import TaskManager
from app.ui.sync.fingerprint_dialogs import EnrolmentConfirm, RevokeDialog
from app.ui.sync.profile_dialog import ProfileDialog
from app.ui.sync.sync_tables import RegistrationModel

pytestmark = pytest.mark.gui

SECRET = b"frase de paso"
HQ_SECRET = b"clave de oficinas centrales"


@pytest.fixture
def make_dialog(qtbot):
    """Open a ProfileDialog on a data directory (its own TaskManager), loaded."""
    managers: list[TaskManager] = []

    def make(data_dir: Path, state: str | None = "18") -> ProfileDialog:
        data_dir.mkdir(parents=True, exist_ok=True)
        tasks = TaskManager(data_dir)
        managers.append(tasks)
        dialog = ProfileDialog(tasks, load_catalog(), "es", state)
        # HQ's keys' passphrase and the HQ profile's confirmation (issue 11), answered without
        # a modal loop; the tests of those dialogs replace these.
        dialog.passphrase_provider = lambda _parent, _new: HQ_SECRET
        dialog.hq_confirm_provider = lambda _parent, _info: True
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.loaded, timeout=20000):
            dialog.show()
        return dialog

    yield make
    for tasks in managers:
        tasks.shutdown()


def run(qtbot, dialog: ProfileDialog, action, name: str) -> None:
    """Start ``action`` and wait until the job ``name`` finished and the page reloaded."""
    with qtbot.waitSignal(dialog.done_job, timeout=20000, check_params_cb=lambda n: n == name):
        action()
    dialog._tasks.wait_idle()


def one_line(label_text: str) -> str:
    return label_text.replace("\n", " ")


def test_create_a_state_profile_from_an_empty_data_dir(qtbot, make_dialog, tmp_path):
    dialog = make_dialog(tmp_path / "vacio", state="18")
    assert dialog.stack.currentWidget() is dialog.create_page
    page = dialog.create_page
    assert page.state.currentText() == "Nayarit"
    page.state.setCurrentIndex(page.state.findData("06"))
    page.name.setText("Lucía Ávila Núñez")
    page.position.setText("Coordinadora estatal")
    with qtbot.waitSignal(dialog.loaded, timeout=20000):
        page.create_button.click()
    assert dialog.stack.currentWidget() is dialog.state_page
    assert "Colima" in dialog.state_page.heading.text()
    assert dialog.state_page.person.text() == "Lucía Ávila Núñez"
    assert "no se ha importado" in dialog.state_page.hq_status.text()
    ws = open_workspace(tmp_path / "vacio")
    try:
        made = sync_profile.profile(ws)
        assert made.role == "state" and made.state_code == "06" and made.position == "Coordinadora estatal"
        assert dialog.state_page.device.text() == made.device_id
    finally:
        ws.close()


def test_exporting_the_enrolment_without_a_certificate_points_to_create_identity(qtbot, make_dialog, tmp_path):
    dialog = make_dialog(tmp_path / "estado")
    dialog.create_page.name.setText("Ana")
    with qtbot.waitSignal(dialog.loaded, timeout=20000):
        dialog.create_page.create_button.click()
    out = tmp_path / "registro.json"
    dialog.export_enrolment_to(out)
    dialog._tasks.wait_idle()
    assert dialog.error_box is not None
    assert "Resumen ▸ Crear identidad de firma" in dialog.error_box.text()
    assert not out.exists()


def test_hq_profile_fingerprint_matches_on_both_sides(qtbot, make_dialog, tmp_path):
    hq = make_dialog(tmp_path / "hq")
    hq.create_page.hq_radio.setChecked(True)
    with qtbot.waitSignal(hq.loaded, timeout=20000):
        hq.create_page.create_button.click()
    assert hq.stack.currentWidget() is hq.hq_page
    shown_at_hq = one_line(hq.hq_page.fingerprint.text())
    assert len(shown_at_hq.split()) == 16
    profile_file = tmp_path / "usb" / "hq.json"
    profile_file.parent.mkdir()
    run(qtbot, hq, lambda: hq.export_hq_profile_to(profile_file), "export_hq")
    assert profile_file.is_file()

    state = make_dialog(tmp_path / "nayarit")
    state.create_page.name.setText("Ana Núñez")
    with qtbot.waitSignal(state.loaded, timeout=20000):
        state.create_page.create_button.click()
    with qtbot.waitSignal(state.loaded, timeout=20000):
        state.import_hq_profile_from(profile_file)
    page = state.state_page
    assert one_line(page.hq_fingerprint.text()) == shown_at_hq
    assert page.hq_fingerprint.isVisibleTo(page) and page.hq_fingerprint.font().pointSize() >= 14
    assert "Compare esta huella por teléfono con oficinas centrales" in page.hq_hint.text()
    assert page.hq_hint.isVisibleTo(page)


def test_a_broken_hq_profile_is_refused(qtbot, make_dialog, tmp_path):
    state = make_dialog(tmp_path / "nayarit")
    state.create_page.name.setText("Ana")
    with qtbot.waitSignal(state.loaded, timeout=20000):
        state.create_page.create_button.click()
    bad = tmp_path / "hq.json"
    bad.write_text('{"format": "otra cosa"}')
    state.import_hq_profile_from(bad)
    state._tasks.wait_idle()
    assert state.error_box is not None and "perfil de oficinas centrales" in state.error_box.text()
    assert "no se ha importado" in state.state_page.hq_status.text()


def _enrolled_state(tmp_path: Path, hq_file: Path) -> tuple[Path, str, str]:
    """A state data dir with HQ's profile and an identity made here.

    Returns (dir, readable enrolment fingerprint (certificate and state, read over the phone),
    readable certificate fingerprint (the registration's key)).
    """
    folder = tmp_path / "nayarit"
    ws = open_workspace(folder, user="ana")
    try:
        sync_profile.init_profile(ws, "state", "18", name="Ana Núñez", position="Coordinadora estatal")
        sync_profile.import_hq_profile(ws, hq_file, confirmed=True)
        made = identities.create_identity_file(
            ws, "Ana Núñez", "Coordinadora estatal", "18", tmp_path / "ana.p12", SECRET
        )
    finally:
        ws.close()
    cert_fp = sync_profile.certificate_fingerprint(made.certificate)
    return (
        folder,
        sync_profile.readable(sync_profile.enrolment_fingerprint(cert_fp, "18")),
        sync_profile.readable(cert_fp),
    )


def test_hq_registers_after_confirming_the_fingerprint_then_revokes(qtbot, make_dialog, tmp_path, qtmodeltester):
    hq = make_dialog(tmp_path / "hq")
    hq.create_page.hq_radio.setChecked(True)
    with qtbot.waitSignal(hq.loaded, timeout=20000):
        hq.create_page.create_button.click()
    hq_file = tmp_path / "hq.json"
    run(qtbot, hq, lambda: hq.export_hq_profile_to(hq_file), "export_hq")
    state_dir, enrol_fp, cert_fp = _enrolled_state(tmp_path, hq_file)

    state = make_dialog(state_dir)
    enrol = tmp_path / "registro-ana.json"
    run(qtbot, state, lambda: state.export_enrolment_to(enrol), "export_enrolment")
    assert state.state_page.enrolment_fingerprint() == enrol_fp  # what she dictates

    shown: list[str] = []

    def refuse(_parent, info, _replacing) -> bool:
        shown.append(info.fingerprint)
        return False

    hq.confirm_provider = refuse
    run(qtbot, hq, lambda: hq.register_file(enrol), "parse")
    assert shown == [enrol_fp] and hq.hq_page.model.rowCount() == 0  # nothing registered when refused

    # Accept through the real confirmation dialog, answered inside its own event loop.
    from app.ui.sync.fingerprint_dialogs import confirm_enrolment

    hq.confirm_provider = confirm_enrolment
    seen: list[str] = []

    def accept_confirm() -> None:
        box = hq.findChild(EnrolmentConfirm)
        if box is None or not box.isVisible():
            QTimer.singleShot(20, accept_confirm)
            return
        seen.append(one_line(box.fingerprint.text()))
        box.ok_button.click()

    QTimer.singleShot(50, accept_confirm)
    with qtbot.waitSignal(hq.loaded, timeout=20000):
        hq.register_file(enrol)
    assert seen == [enrol_fp]
    model = hq.hq_page.model
    qtmodeltester.check(model)
    assert model.rowCount() == 1
    assert model.index(0, RegistrationModel.STATE).data() == "Nayarit"
    assert model.index(0, RegistrationModel.FINGERPRINT).data() == cert_fp
    assert model.index(0, RegistrationModel.STATUS).data() == "vigente"

    hq.hq_page.select(0)
    assert hq.hq_page.revoke_button.isEnabled() and hq.hq_page.replace_button.isEnabled()

    def revoke_with_note() -> None:
        box = hq.findChild(RevokeDialog)
        if box is None or not box.isVisible():
            QTimer.singleShot(20, revoke_with_note)
            return
        assert not box.ok_button.isEnabled()  # a note is required
        box.note.setText("Certificado extraviado")
        box.ok_button.click()

    QTimer.singleShot(50, revoke_with_note)
    with qtbot.waitSignal(hq.loaded, timeout=20000):
        hq.hq_page.revoke_button.click()
    qtmodeltester.check(model)
    assert model.index(0, RegistrationModel.STATUS).data() == "revocado"
    assert not hq.hq_page.revoke_button.isEnabled()
    ws = open_workspace(tmp_path / "hq")
    try:
        regs = sync_enrol.registrations(ws)
        assert len(regs) == 1 and not regs[0].active
        note = ws.conn.execute("SELECT note FROM registration_log WHERE action = 'revoke'").fetchone()
        assert note and note[0] == "Certificado extraviado"
    finally:
        ws.close()


def test_replace_registers_the_new_certificate_and_revokes_the_old(qtbot, make_dialog, tmp_path):
    hq = make_dialog(tmp_path / "hq")
    hq.create_page.hq_radio.setChecked(True)
    with qtbot.waitSignal(hq.loaded, timeout=20000):
        hq.create_page.create_button.click()
    hq_file = tmp_path / "hq.json"
    run(qtbot, hq, lambda: hq.export_hq_profile_to(hq_file), "export_hq")
    state_dir, _enrol_fp, old_fp = _enrolled_state(tmp_path, hq_file)
    first = tmp_path / "uno.json"
    ws = open_workspace(state_dir)
    try:
        sync_enrol.export_enrolment(ws, first)
        newer = identities.create_identity_file(
            ws, "Bea Ruiz", "Coordinadora estatal", "18", tmp_path / "bea.p12", SECRET
        )
        second = tmp_path / "dos.json"
        sync_enrol.export_enrolment(ws, second)
    finally:
        ws.close()
    hq.confirm_provider = lambda *_: True
    with qtbot.waitSignal(hq.loaded, timeout=20000):
        hq.register_file(first)
    hq.hq_page.select(0)
    with qtbot.waitSignal(hq.loaded, timeout=20000):
        hq.register_file(second, replace=hq.hq_page.selected().fingerprint)
    model = hq.hq_page.model
    rows = {
        model.index(r, RegistrationModel.FINGERPRINT).data(): model.index(r, RegistrationModel.STATUS).data()
        for r in range(model.rowCount())
    }
    new_fp = sync_profile.readable(sync_profile.certificate_fingerprint(newer.certificate))
    assert rows == {old_fp: "revocado", new_fp: "vigente"}


def test_enrolment_with_a_sat_certificate_file(qtbot, make_dialog, tmp_path):
    """A coordinator who signs with her e.firma enrols its .cer instead of a Coordina identity."""
    from cryptography import x509

    from tests.reports.pki import make_ca, sat_pair

    cer_bytes, _key = sat_pair(make_ca())
    cer = tmp_path / "efirma.cer"
    cer.write_bytes(cer_bytes)
    dialog = make_dialog(tmp_path / "estado")
    dialog.create_page.name.setText("Rosa María López Núñez")
    with qtbot.waitSignal(dialog.loaded, timeout=20000):
        dialog.create_page.create_button.click()
    out = tmp_path / "registro-rosa.json"
    run(qtbot, dialog, lambda: dialog.export_enrolment_to(out, cer), "export_enrolment")
    expected = sync_profile.readable(
        sync_profile.enrolment_fingerprint(
            sync_profile.certificate_fingerprint(x509.load_der_x509_certificate(cer_bytes)), "18"
        )
    )
    assert out.is_file() and dialog.state_page.enrolment_fingerprint() == expected
    assert dialog.error_box is None


def test_closing_before_the_profile_arrives_is_quiet(qtbot, tmp_path):
    from PySide6.QtCore import Qt

    tasks = TaskManager(tmp_path / "datos")
    try:
        widget = ProfileDialog(tasks, load_catalog(), "es", "18")
        widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        widget.show()
        widget.close()  # the load job is still queued
        assert tasks.wait_idle()  # its result arrives and is dropped without touching deleted widgets
    finally:
        tasks.shutdown()


# -- issue 11: HQ's keys under a passphrase, HQ's profile confirmed before it is stored ------------


def _hq_dialog(qtbot, make_dialog, folder: Path) -> ProfileDialog:
    hq = make_dialog(folder)
    hq.create_page.hq_radio.setChecked(True)
    with qtbot.waitSignal(hq.loaded, timeout=20000):
        hq.create_page.create_button.click()
    return hq


def test_hq_keys_are_created_under_the_passphrase_typed_twice(qtbot, make_dialog, tmp_path):
    from app.services.sync import sync_keys
    from app.ui.sync.hq_unlock import HqPassphraseDialog

    box = HqPassphraseDialog(True)
    qtbot.addWidget(box)
    box.field.setText("corta")
    assert not box.ok_button.isEnabled() and "al menos" in box.problem.text()
    box.field.setText("caballo correcto")
    box.again.setText("caballo incorrecto")
    assert not box.ok_button.isEnabled() and "no coinciden" in box.problem.text()
    box.again.setText("caballo correcto")
    assert box.ok_button.isEnabled() and box.passphrase() == b"caballo correcto"

    cancelled = make_dialog(tmp_path / "cancelado")
    cancelled.passphrase_provider = lambda _parent, _new: None
    cancelled.create_page.hq_radio.setChecked(True)
    cancelled.create_page.create_button.click()
    cancelled._tasks.wait_idle()
    ws = open_workspace(tmp_path / "cancelado")
    try:
        assert sync_profile.profile(ws) is None  # no passphrase, no keys
    finally:
        ws.close()

    asked: list[bool] = []
    hq = make_dialog(tmp_path / "hq")
    hq.passphrase_provider = lambda _parent, new: asked.append(new) or HQ_SECRET
    hq.create_page.hq_radio.setChecked(True)
    with qtbot.waitSignal(hq.loaded, timeout=20000):
        hq.create_page.create_button.click()
    assert asked == [True]
    ws = open_workspace(tmp_path / "hq")
    try:
        assert sync_keys.key_state(ws) == "unlocked"  # typed once this session: not asked again
        sync_keys.forget(ws.data_dir)  # a new session
        assert sync_keys.key_state(ws) == "locked"
    finally:
        ws.close()
    out = tmp_path / "hq.json"
    hq.passphrase_provider = lambda _parent, new: asked.append(new) or b"no es esta"
    hq.export_hq_profile_to(out)
    hq._tasks.wait_idle()
    assert asked == [True, False] and not out.exists()  # wrong passphrase: nothing written
    hq.passphrase_provider = lambda _parent, new: asked.append(new) or HQ_SECRET
    run(qtbot, hq, lambda: hq.export_hq_profile_to(out), "export_hq")
    assert asked == [True, False, False] and out.is_file()


def test_state_stores_hq_profile_only_after_confirming_its_fingerprint(qtbot, make_dialog, tmp_path):
    from app.ui.sync.hq_profile_confirm import HqProfileConfirm, confirm_hq_profile

    hq = _hq_dialog(qtbot, make_dialog, tmp_path / "hq")
    profile_file = tmp_path / "hq.json"
    run(qtbot, hq, lambda: hq.export_hq_profile_to(profile_file), "export_hq")
    shown_at_hq = one_line(hq.hq_page.fingerprint.text())

    state = make_dialog(tmp_path / "nayarit")
    state.create_page.name.setText("Ana")
    with qtbot.waitSignal(state.loaded, timeout=20000):
        state.create_page.create_button.click()
    seen: list[str] = []
    state.hq_confirm_provider = lambda _parent, info: seen.append(info.fingerprint) or False
    run(qtbot, state, lambda: state.import_hq_profile_from(profile_file), "parse_hq")
    assert seen == [shown_at_hq]
    assert "no se ha importado" in state.state_page.hq_status.text()
    ws = open_workspace(tmp_path / "nayarit")
    try:
        assert sync_profile.sync_repo.get_hq_keys(ws.conn) is None  # refused: nothing stored
    finally:
        ws.close()

    # the real dialog: Cancelar is the default, the fingerprint is shown large
    state.hq_confirm_provider = confirm_hq_profile
    looked: list[str] = []

    def accept() -> None:
        box = state.findChild(HqProfileConfirm)
        if box is None or not box.isVisible():
            QTimer.singleShot(20, accept)
            return
        looked.append(one_line(box.fingerprint.text()))
        assert not box.ok_button.isDefault()
        box.ok_button.click()

    QTimer.singleShot(50, accept)
    with qtbot.waitSignal(state.loaded, timeout=20000):
        state.import_hq_profile_from(profile_file)
    assert looked == [shown_at_hq]
    assert one_line(state.state_page.hq_fingerprint.text()) == shown_at_hq


def test_hq_actions_ask_the_keys_passphrase_once_per_session(qtbot, tmp_path):
    from PySide6.QtWidgets import QWidget

    from app.services.sync import sync_keys
    from app.ui.sync.hq_unlock import with_hq_keys

    ws = open_workspace(tmp_path / "hq")
    sync_profile.init_profile(ws, "hq")  # raw keys, as stored before issue 11
    ws.close()
    tasks = TaskManager(tmp_path / "hq")
    parent = QWidget()
    qtbot.addWidget(parent)
    try:
        asked: list[bool] = []
        ran: list[str] = []

        def ask(_parent, new: bool, answer: bytes | None = HQ_SECRET) -> bytes | None:
            asked.append(new)
            return answer

        # raw keys of an older Coordina: the work is not blocked (the CLI wraps them, see README)
        with_hq_keys(parent, tasks, lambda: ran.append("cruda"), provider=ask)
        qtbot.waitUntil(lambda: ran == ["cruda"], timeout=20000)
        assert asked == []
        ws = open_workspace(tmp_path / "hq")
        try:
            sync_keys.unlock(ws, HQ_SECRET)  # what `--passphrase-env` does on first use
            sync_keys.forget(ws.data_dir)  # a new session
        finally:
            ws.close()
        with_hq_keys(parent, tasks, lambda: ran.append("cancelada"), provider=lambda p, n: ask(p, n, None))
        tasks.wait_idle()
        assert asked == [False] and ran == ["cruda"]  # cancelled: nothing runs
        with_hq_keys(parent, tasks, lambda: ran.append("segunda"), provider=ask)
        qtbot.waitUntil(lambda: ran == ["cruda", "segunda"], timeout=20000)
        with_hq_keys(parent, tasks, lambda: ran.append("tercera"), provider=ask)
        qtbot.waitUntil(lambda: ran == ["cruda", "segunda", "tercera"], timeout=20000)
        assert asked == [False, False]  # once per session
    finally:
        tasks.shutdown()
