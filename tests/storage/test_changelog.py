"""The hash-chained change log: every edit logged, tampering detected."""

import sqlite3

import pytest

from app.models.values import UNCHANGED, ValueChange, ValueKey
from app.services import entry
from app.storage import changelog

KEY = ValueKey("NTSSA000001", "202302", "cirugias")


def test_each_changed_field_is_logged_in_order(ws):
    entry.record_changes(ws, [ValueChange(KEY, "120")])
    entry.record_changes(ws, [ValueChange(KEY, "125", comment="Corrección según el SIS")])
    entry.record_changes(ws, [ValueChange(KEY, UNCHANGED, provisional=True)])
    history = entry.cell_history(ws, KEY)
    assert [(h.field, h.old_value, h.new_value) for h in history] == [
        ("value", None, "120"),
        ("value", "120", "125"),
        ("comment", "", "Corrección según el SIS"),
        ("provisional", "0", "1"),
    ]
    assert {h.user for h in history} == {"ana"}
    assert {h.source for h in history} == {"manual"}
    assert changelog.verify_chain(ws.conn) is None


def test_an_edit_that_changes_nothing_is_not_logged(ws):
    entry.record_changes(ws, [ValueChange(KEY, "120")])
    entry.record_changes(ws, [ValueChange(KEY, "120")])
    assert len(entry.cell_history(ws, KEY)) == 1
    stored = entry.load_month(ws, "18", "202302").values[KEY]
    assert stored.version == 1


def test_history_cannot_be_edited_through_sql(ws):
    entry.record_changes(ws, [ValueChange(KEY, "120")])
    with pytest.raises(sqlite3.DatabaseError):
        ws.conn.execute("UPDATE change_log SET new_value = '999'")


def test_tampering_breaks_the_chain_where_it_happened(ws):
    for value in ("1", "2", "3"):
        entry.record_changes(ws, [ValueChange(KEY, value)])
    ws.conn.execute("DROP TRIGGER change_log_no_update")  # what someone editing the file would do
    second = ws.conn.execute("SELECT id FROM change_log ORDER BY id LIMIT 1 OFFSET 1").fetchone()[0]
    ws.conn.execute("UPDATE change_log SET new_value = '200' WHERE id = ?", (second,))
    assert changelog.verify_chain(ws.conn) == second
