"""The user guide (issue 12): F1 opens the right section; both languages; no missing image."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.ui.app import create_main_window
from app.ui.shell import help_window
from app.ui.shell.help_window import HELP_DIR, TOPICS, HelpWindow, open_help, topic_for

LANGS = ("es", "en")


def _html(lang: str) -> str:
    return (HELP_DIR / lang / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGS)
def test_every_section_exists_in_both_languages(lang):
    ids = re.findall(r'id="([^"]+)"', _html(lang))
    assert [i for i in ids if i in TOPICS] == list(TOPICS)  # each once, in the same order
    for topic in TOPICS:  # the table of contents links each section
        assert f'href="#{topic}"' in _html(lang)


def test_languages_have_the_same_images():
    images = {lang: re.findall(r'<img src="([^"]+)"', _html(lang)) for lang in LANGS}
    assert images["es"] == images["en"] and len(images["es"]) >= 6


@pytest.mark.parametrize("lang", LANGS)
def test_every_referenced_image_exists(lang):
    for src in re.findall(r'<img src="([^"]+)"', _html(lang)):
        path = (HELP_DIR / lang / src).resolve()
        assert path.is_file(), src
        assert path.stat().st_size < 400_000, src


def test_images_are_small_in_total():
    assert sum(p.stat().st_size for p in (HELP_DIR / "img").iterdir()) < 3_000_000


def test_every_topic_of_a_window_is_a_section():
    assert set(help_window.TOPICS_BY_CLASS.values()) <= set(TOPICS)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_f1_opens_the_guide_at_the_main_windows_section(qtbot, data_dir: Path):
    window = create_main_window(data_dir, "es")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    QApplication.setActiveWindow(window)  # offscreen: activateWindow alone does not take
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = help_window._open.get("es")
    assert guide is not None and guide.isVisible()
    qtbot.addWidget(guide)
    assert guide.browser.source().fragment() == "monthly-entry"
    assert "Captura mensual" in guide.browser.toPlainText()
    window.shutdown()


def test_a_dialog_opens_its_own_section(qtbot, tasks, catalog):
    from app.ui.sync.conflicts_dialog import ConflictsDialog

    dialog = ConflictsDialog(tasks, catalog, "en")
    qtbot.addWidget(dialog)
    assert topic_for(dialog) == "hq-conflicts"
    guide = open_help("en", dialog)
    qtbot.addWidget(guide)
    assert guide.browser.source().fragment() == "hq-conflicts"
    assert "Headquarters: resolving conflicts" in guide.browser.toPlainText()


def test_a_widget_can_name_its_section_and_children_inherit_it(qtbot):
    from PySide6.QtWidgets import QLineEdit, QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.help_topic = "sending"
    child = QLineEdit(parent)
    assert topic_for(child) == "sending"
    assert topic_for(None) == help_window.DEFAULT_TOPIC


def test_guide_window_shows_images(qtbot):
    guide = HelpWindow("es")
    qtbot.addWidget(guide)
    guide.show_topic("monthly-entry")
    document = guide.browser.document()
    src = re.findall(r'<img src="([^"]+)"', _html("es"))[0]
    image = document.resource(document.ResourceType.ImageResource, guide.browser.source().resolved(src))
    assert image is not None and not image.isNull()
