"""The export dialog offers the compact slide and prints the banner of the report's year."""
# Fixtures are imported from dialog_fixtures, so pytest's by-name injection looks like shadowing:
# ruff: noqa: F811

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from app.services.summary import report_pdf
from app.services.workspace import catalog as load_catalog
from app.ui.summary.export_dialog import ExportDialog, layout_combo
from tests.ui.dialog_fixtures import PERIOD, seeded_dir, tasks, workspace  # noqa: F401

pytestmark = pytest.mark.gui


def test_layout_choice_has_compact(qtbot):
    combo = layout_combo(None)
    qtbot.addWidget(combo)
    assert [combo.itemData(i) for i in range(combo.count())] == ["slide", "handout", "compact"]
    assert "compacta" in combo.itemText(2)


def test_compact_export_with_the_year_banner(qtbot, tasks, seeded_dir, tmp_path):
    dialog = ExportDialog(tasks, load_catalog(), "es", "18", PERIOD)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.preview.image().isNull(), timeout=20000)
    assert dialog.banner.text() == ""  # no banner saved for 2023: none, not another year's
    with qtbot.waitSignal(dialog.preview_ready, timeout=20000):
        dialog.layout_box.setCurrentIndex(dialog.layout_box.findData("compact"))
    image = dialog.preview.image()
    assert image.width() / image.height() == pytest.approx(16 / 9, rel=0.01)
    dialog.signing.set_mode("none")
    dialog.banner.setText("2023 Año de Francisco Villa")
    out = tmp_path / "compacto.pdf"
    dialog.set_output_path(out)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: not dialog._busy, timeout=20000)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert "2023 Año de Francisco Villa" in text and "sin dato" not in text
    with workspace(seeded_dir) as ws:
        assert report_pdf.get_banner(ws, "2023") == "2023 Año de Francisco Villa"
        assert report_pdf.get_banner(ws, "2022") == ""
