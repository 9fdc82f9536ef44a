"""The English translation reaches the main window (contexts in the .ts match the classes)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator

from app import RESOURCES_DIR
from app.ui.app import create_main_window

LRELEASE = Path(sys.executable).with_name("pyside6-lrelease")


@pytest.mark.skipif(
    not LRELEASE.exists() and not shutil.which("pyside6-lrelease"), reason="pyside6-lrelease is not installed"
)
def test_main_window_in_english(qtbot, nayarit_dir, tmp_path):
    qm = tmp_path / "coordina_en.qm"
    subprocess.run(
        [
            str(LRELEASE if LRELEASE.exists() else "pyside6-lrelease"),
            str(RESOURCES_DIR / "i18n" / "coordina_en.ts"),
            "-qm",
            str(qm),
        ],
        check=True,
        capture_output=True,
    )
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        window = create_main_window(nayarit_dir, "en")
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.session.loaded, timeout=10000):
            window.show()
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus == ["&File", "&Edit", "&Report", "&Summary", "S&ync", "&View", "&Help"]
        assert window.entry.side_panel.status_badge.text() == "Draft"
        assert window.entry.grid_model.headerData(0, Qt.Orientation.Horizontal) == "Progress"
        assert window.entry.filter_bar.count_label.text() == "4 of 4 facilities"
        window.close()
    finally:
        QCoreApplication.removeTranslator(translator)


def test_every_ui_string_has_an_english_translation(tmp_path):
    """Re-extract the strings of app/ui into a copy of the .ts: none may be left untranslated."""
    import shutil
    import subprocess
    import sys
    import xml.etree.ElementTree as ET
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        import pytest

        pytest.skip("pyside6-lupdate is not installed next to this Python")
    copy = tmp_path / "coordina_en.ts"
    shutil.copy(root / "resources" / "i18n" / "coordina_en.ts", copy)
    sources = sorted(str(p) for p in (root / "app" / "ui").rglob("*.py"))
    subprocess.run([str(lupdate), *sources, "-no-obsolete", "-ts", str(copy)], check=True, capture_output=True)
    untranslated = [
        message.findtext("source")
        for message in ET.parse(copy).iter("message")
        if message.find("translation").get("type") == "unfinished"
        or not "".join(message.find("translation").itertext()).strip()
    ]
    assert untranslated == [], "run `make i18n` and translate: " + "; ".join(untranslated[:10])
