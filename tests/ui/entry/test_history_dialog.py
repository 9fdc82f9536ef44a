"""The cell history dialog: changes in order, readable values, and tamper detection."""
# Fixtures are imported from dialog_fixtures, so pytest's by-name injection looks like shadowing:
# ruff: noqa: F811

from __future__ import annotations

import sqlite3

import pytest

from app.models.values import UNCHANGED, ValueChange, ValueKey
from app.services.entry import month_values as entry
from app.services.workspace import catalog
from app.storage.database import DB_FILENAME
from app.ui.entry.history_dialog import HistoryDialog, HistoryModel
from tests.ui.dialog_fixtures import HOSPITAL, PERIOD, seeded_dir, tasks, workspace  # noqa: F401

pytestmark = pytest.mark.gui

BEDS = ValueKey(HOSPITAL, PERIOD, "camas_censables")


def open_history(qtbot, tasks, key: ValueKey) -> HistoryDialog:
    dialog = HistoryDialog(tasks, catalog(), key, "es")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=10000):
        pass
    return dialog


def rows(dialog: HistoryDialog) -> list[tuple[str, ...]]:
    model = dialog.model
    return [tuple(model.index(r, c).data() for c in range(1, model.columnCount())) for r in range(model.rowCount())]


def test_manual_edits_are_listed_in_order_with_readable_values(qtbot, qtmodeltester, tasks, seeded_dir):
    with workspace(seeded_dir, user="lucía") as ws:
        entry.record_changes(ws, [ValueChange(BEDS, "32")])
        entry.record_changes(
            ws, [ValueChange(BEDS, UNCHANGED, comment="Se habilitó el área de pediatría", provisional=True)]
        )
        entry.record_changes(ws, [ValueChange(BEDS, "")], source="archivo")
    dialog = open_history(qtbot, tasks, BEDS)
    qtmodeltester.check(dialog.model)
    assert rows(dialog) == [
        ("ana", "valor", "sin dato", "30", "manual"),
        ("lucía", "valor", "30", "32", "manual"),
        ("lucía", "comentario", "(vacío)", "Se habilitó el área de pediatría", "manual"),
        ("lucía", "provisional", "No", "Sí", "manual"),
        ("lucía", "valor", "32", "sin dato", "archivo"),
    ]
    assert dialog.title.text() == "Camas censables"
    assert "Santa María del Oro (NTSSA000001)" in dialog.subtitle.text()
    assert "febrero 2023" in dialog.subtitle.text()
    assert "Historial íntegro" in dialog.integrity.text()
    when = dialog.model.index(0, HistoryModel.WHEN).data()
    assert when[2] == "/" and when[5] == "/"  # day-first, es-MX


def test_disaggregated_cell_and_money_values_read_as_people_write_them(qtbot, tasks, seeded_dir):
    money = ValueKey(HOSPITAL, PERIOD, "inversion_equipamiento")
    with workspace(seeded_dir) as ws:
        entry.record_changes(ws, [ValueChange(money, "1234567.5")], source="demo")
    dialog = open_history(qtbot, tasks, money)
    assert rows(dialog) == [("ana", "valor", "sin dato", "$1,234,567.50", "demo")]

    staff = ValueKey(HOSPITAL, PERIOD, "plazas_ocupadas", "enfermeria")
    dialog = open_history(qtbot, tasks, staff)
    assert dialog.title.text() == "Plazas ocupadas · Enfermería"
    assert rows(dialog) == [("ana", "valor", "sin dato", "35", "manual")]


def test_a_cell_without_changes_says_so(qtbot, tasks):
    dialog = open_history(qtbot, tasks, ValueKey(HOSPITAL, PERIOD, "cirugias"))
    assert dialog.model.rowCount() == 0
    assert not dialog.empty.isHidden()


def test_a_tampered_change_log_is_reported_with_the_record(qtbot, tasks, seeded_dir):
    with workspace(seeded_dir) as ws:
        entry.record_changes(ws, [ValueChange(BEDS, "32")])
        target = ws.conn.execute(
            "SELECT id FROM change_log WHERE variable = 'camas_censables' AND new_value = '30'"
        ).fetchone()[0]
    # What an attacker would do: drop the append-only triggers and rewrite history.
    conn = sqlite3.connect(seeded_dir / DB_FILENAME)
    conn.execute("DROP TRIGGER change_log_no_update")
    conn.execute("DROP TRIGGER change_log_no_delete")
    conn.execute("UPDATE change_log SET new_value = '3' WHERE id = ?", (target,))
    conn.commit()
    conn.close()

    dialog = open_history(qtbot, tasks, BEDS)
    assert f"¡El historial fue alterado en el registro {target}!" in dialog.integrity.text()
    assert dialog.result is not None and dialog.result.broken_at == target
    assert rows(dialog)[0][3] == "3"  # the table shows what is stored; the banner says not to trust it


def test_rows_are_shown_before_the_chain_check_ends(qtbot, tasks, seeded_dir):
    """Issue 12: the cell's history shows at once; the whole-log check follows in the background.

    Every thread of the pool is held, so the check cannot run: the rows must still appear, and
    the database thread stays free meanwhile (an edit is stored while the check waits).
    """
    import threading

    with workspace(seeded_dir, user="lucía") as ws:
        entry.record_changes(ws, [ValueChange(BEDS, "32")])
    gate, holding = threading.Event(), threading.Semaphore(0)
    pool_threads = tasks._pool.maxThreadCount()  # noqa: SLF001 - hold every thread the check could use

    def hold(_progress) -> None:
        holding.release()
        gate.wait(20)

    for _ in range(pool_threads):
        tasks.run_cpu(hold)
    for _ in range(pool_threads):
        assert holding.acquire(timeout=10)
    try:
        dialog = HistoryDialog(tasks, catalog(), BEDS, "es")
        qtbot.addWidget(dialog)
        dialog.show()
        with qtbot.waitSignal(dialog.history_shown, timeout=10000):
            pass
        assert [r[3] for r in rows(dialog)] == ["30", "32"]
        assert dialog.view.isVisible() and dialog.model.rowCount() == 2
        assert "Comprobando en segundo plano" in dialog.integrity.text()
        assert dialog.result is not None and not dialog.result.checked
        # The database thread is not blocked by the check: another write goes through now.
        stored = []
        tasks.run_db(lambda ws, _p: entry.record_changes(ws, [ValueChange(BEDS, "33")]), stored.append)
        qtbot.waitUntil(lambda: bool(stored), timeout=10000)
    finally:
        gate.set()
    with qtbot.waitSignal(dialog.loaded, timeout=10000):
        pass
    assert dialog.result.checked and dialog.result.broken_at is None
    assert "Historial íntegro" in dialog.integrity.text()
