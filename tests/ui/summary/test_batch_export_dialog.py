"""The batch export dialog on real data (Nayarit and Colima): progress, signing, Cancel."""
# Fixtures are imported from dialog_fixtures, so pytest's by-name injection looks like shadowing:
# ruff: noqa: F811

from __future__ import annotations

import threading

import pytest
from pypdf import PdfReader

from app.services.summary import identity as identities
from app.services.workspace import catalog as load_catalog
from app.ui.summary.batch_export_dialog import BatchExportDialog
from tests.ui.dialog_fixtures import PERIOD, seeded_dir, tasks, workspace  # noqa: F401
from tests.ui.summary.export_fixtures import PASSPHRASE, p12  # noqa: F401

pytestmark = pytest.mark.gui

NAMES = ["06-Colima-202302.pdf", "18-Nayarit-202302.pdf"]


@pytest.fixture
def dialog(qtbot, tasks, tmp_path):
    widget = BatchExportDialog(tasks, load_catalog(), "es", PERIOD)
    qtbot.addWidget(widget)
    widget.folder.setText(str(tmp_path / "resumenes"))
    widget.signing.set_mode("none")
    widget.show()
    return widget


def run(qtbot, dialog) -> None:
    with qtbot.waitSignal(dialog.finished_export, timeout=30000):
        dialog.export_button.click()


def test_exports_every_state_with_progress(qtbot, dialog, tmp_path):
    seen: list[tuple[int, int]] = []
    dialog.progress_bar.valueChanged.connect(lambda value: seen.append((value, dialog.progress_bar.maximum())))
    run(qtbot, dialog)
    folder = tmp_path / "resumenes"
    assert sorted(p.name for p in folder.iterdir()) == NAMES
    assert all(p.read_bytes().startswith(b"%PDF") for p in folder.iterdir())
    assert (2, 2) in seen and dialog.progress_bar.value() == 2
    assert "se escribieron 2 PDF" in dialog.status.text()
    assert dialog.results.count() == 2 and dialog.results.item(0).text().startswith("Colima — ")
    assert dialog.open_folder_button.isEnabled() and dialog.export_button.isEnabled()


def test_signs_every_file_with_one_passphrase(qtbot, dialog, p12, seeded_dir, tmp_path):
    asked: list[str] = []
    dialog.signing.use_p12(p12)
    dialog.passphrase_provider = lambda _parent, prompt: asked.append(prompt) or PASSPHRASE.encode()
    run(qtbot, dialog)
    assert len(asked) == 1
    folder = tmp_path / "resumenes"
    files = sorted(folder.iterdir())
    assert [p.name for p in files] == [n.replace(".pdf", "-firmado.pdf") for n in NAMES]
    with workspace(seeded_dir) as ws:
        results = [identities.verify_file(ws, p) for p in files]
    assert all(r.signed and r.intact and r.signer_name == "Lucía Ávila Núñez" for r in results)


def test_wrong_passphrase_writes_nothing(qtbot, dialog, p12, tmp_path):
    dialog.signing.use_p12(p12)
    dialog.passphrase_provider = lambda _parent, _prompt: b"otra"
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.error_box is not None, timeout=20000)
    assert not (tmp_path / "resumenes").exists()
    assert dialog.export_button.isEnabled() and not dialog.cancel_button.isEnabled()


def test_cancel_stops_before_any_file_and_leaves_nothing_half_written(qtbot, dialog, tasks, tmp_path):
    # Hold the database thread so Cancel is pressed before the export's first progress report:
    # the service checks for Cancel at that report and stops before writing anything.
    gate = threading.Event()
    tasks.run_db(lambda _ws, _p: gate.wait(10))
    dialog.export_button.click()
    assert dialog.is_running() and not dialog.close_button.isEnabled()
    dialog.cancel_button.click()
    gate.set()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=20000)
    assert dialog.outcome.cancelled and dialog.outcome.files == []
    folder = tmp_path / "resumenes"
    assert list(folder.iterdir()) == []  # no PDF and no temporary file
    assert "Cancelado" in dialog.status.text() and "0 archivo" in dialog.status.text()
    assert dialog.export_button.isEnabled() and dialog.close_button.isEnabled()


def test_cancel_after_the_first_state_keeps_that_file_whole(qtbot, dialog, tasks, tmp_path):
    # Press Cancel exactly when the first state is reported done. Done on the database thread
    # (wrapping the job's Progress, which is the test harness, not the code under test). The
    # states run in parallel processes, so the other one may be finishing too: whatever is on
    # disk is whole, and the dialog lists exactly that.
    gate = threading.Event()
    tasks.run_db(lambda _ws, _p: gate.wait(10))
    dialog.export_button.click()
    handle = dialog._handle
    update = handle.update

    def press_cancel_after_first(done: int, total: int, text: str = "") -> None:
        if done == 1:
            handle.cancel_requested = True
        update(done, total, text)

    handle.update = press_cancel_after_first
    gate.set()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=20000)
    folder = tmp_path / "resumenes"
    on_disk = sorted(p.name for p in folder.iterdir())
    assert "06-Colima-202302.pdf" in on_disk and set(on_disk) <= {"06-Colima-202302.pdf", "18-Nayarit-202302.pdf"}
    assert all(PdfReader(str(folder / name)).pages for name in on_disk)  # whole, no temporary files
    assert dialog.outcome.cancelled and len(dialog.outcome.files) == len(on_disk)
    assert f"{len(on_disk)} archivo" in dialog.status.text() and dialog.results.count() == len(on_disk)
    assert dialog.results.item(0).text().startswith("Colima — 06-Colima-202302.pdf")
