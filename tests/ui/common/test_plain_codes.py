"""Issue 12: codes and jargon reach people as plain Spanish, the code kept at the end for support."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from app.models.messages import InputError
from app.sync.errors import MESSAGES, SyncError
from app.ui.common.alerts import error_message, show_error
from app.ui.common.plain_codes import code_at_end, plain_meaning
from app.ui.sync.sync_errors import sync_error_text
from app.ui.sync.sync_models import IssuesModel, issues_view

pytestmark = pytest.mark.gui


def test_a_refused_package_says_what_to_do_and_keeps_the_code_at_the_end(qtbot):
    exc = SyncError("E_TRUNCATED", "truncado.coordina", "falta el final del zip")
    assert exc.message("es").startswith("[E_TRUNCATED] ")  # the CLI and JSON keep their form
    parent = QWidget()
    qtbot.addWidget(parent)
    box = show_error(parent, "No se importó", exc, "es")
    text = box.text()
    assert not text.startswith("[")
    assert "cópielo de nuevo" in text and text.endswith("(código E_TRUNCATED)")


def test_every_sync_message_is_free_of_jargon_in_spanish():
    for code, texts in MESSAGES.items():
        for word in ("SHA-256", ".p12", ".pfx", "UUID", "huella SHA"):
            assert word not in texts["es"], (code, word)


def test_routed_setup_errors_keep_their_code(qtbot):
    text = sync_error_text(SyncError("E_NO_HQ", "perfil"), "es")
    assert "Sincronizar ▸ Perfil y registro" in text and text.endswith("(código E_NO_HQ)")


def test_nested_details_move_each_code():
    assert (
        code_at_end("[E_MANIFEST] a: malo\n  [E_HASH] b: otro")
        == "a: malo (código E_MANIFEST)\n  b: otro (código E_HASH)"
    )
    assert code_at_end("sin código") == "sin código"
    plain = InputError("file_missing", path="x.csv")
    assert error_message(plain) == plain.message("es")  # messages without a code are unchanged


def test_issues_table_reads_meaning_first_and_code_last(qtbot, qtmodeltester):
    model = IssuesModel()
    model.set_rows(
        [
            {"object": "NTSSA000001 202302 cirugias", "value": "12", "errorCode": "W_CONFLICT"},
            {
                "object": "x.coordina",
                "value": "[E_TRUNCATED] x.coordina: el paquete está incompleto",
                "errorCode": "E_TRUNCATED",
            },
        ]
    )
    qtmodeltester.check(model)
    view = issues_view(model)
    qtbot.addWidget(view)
    header = view.horizontalHeader()
    assert header.logicalIndex(0) == IssuesModel.MEANING
    assert header.logicalIndex(model.columnCount() - 1) == IssuesModel.CODE
    assert model.headerData(IssuesModel.CODE, header.orientation()) == "Código (soporte)"
    assert "Sincronizar ▸ Conflictos" in model.index(0, IssuesModel.MEANING).data()
    assert model.index(0, IssuesModel.CODE).data() == "W_CONFLICT"  # stable, for support and tests
    assert model.index(1, IssuesModel.VALUE).data().endswith("(código E_TRUNCATED)")
    assert "se rechazó completo" in model.index(1, IssuesModel.MEANING).data()
    assert plain_meaning("E_NOT_NUMBER").startswith("Este valor no se importó")
