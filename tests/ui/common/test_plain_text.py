"""Issue 11 hole 7: a package's text is shown literally in Qt, never as rich text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel

from app.ui.common.plain_text import plain, plain_tooltip
from app.ui.sync.sync_models import IssuesModel

pytestmark = pytest.mark.gui

HOSTILE = '<b>Director</b><img src="http://evil.example/x.png"><a href="http://evil.example">clic</a>'


def _rendered(rich: str) -> str:
    doc = QTextDocument()
    doc.setHtml(rich)
    return doc.toPlainText()


def test_issue_tooltips_show_the_package_text_literally(qtbot, qtmodeltester):
    model = IssuesModel()
    model.set_rows([{"errorCode": "W_CONFLICT", "object": HOSTILE, "value": "=1+1\n<i>x</i>"}])
    qtmodeltester.check(model)
    tip = model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "<img" not in tip and _rendered(tip) == HOSTILE
    assert _rendered(model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)) == "=1+1\n<i>x</i>"
    assert model.index(0, 1).data() == HOSTILE  # the display text itself is unchanged


def test_plain_labels_never_render_html(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    plain(label)
    label.setText(HOSTILE)
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert plain_tooltip(None) is None
