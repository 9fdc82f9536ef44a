"""The hash-chained change log: every edit logged, tampering detected."""

import sqlite3

import pytest

from app.models.values import UNCHANGED, ValueChange, ValueKey
from app.services.entry import month_values as entry
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


def _package_rows(count: int, source: str = "paquete 1234") -> list[tuple]:
    return [
        (
            "2026-11-29T10:00:00-06:00",
            "coordinadora",
            f"NTSSA{i:06d}",
            "202302",
            "cirugias",
            "",
            "value",
            None,
            str(i),
            source,
        )
        for i in range(count)
    ]


def _blocks_and_edits(ws) -> None:
    """A manual edit, a block of an imported package, another manual edit."""
    entry.record_changes(ws, [ValueChange(KEY, "1")])
    changelog.append_text_rows(ws.conn, _package_rows(5))
    entry.record_changes(ws, [ValueChange(KEY, "2")])


def test_a_block_of_imported_rows_chains_with_manual_edits(ws):
    _blocks_and_edits(ws)
    assert changelog.verify_chain(ws.conn) is None
    rows = ws.conn.execute("SELECT prev_hash = '', hash = '' FROM change_log ORDER BY id").fetchall()
    assert rows == [(0, 0), (1, 1), (1, 1), (1, 1), (1, 1), (0, 0), (0, 0)], "one link for the block"
    history = changelog.cell_history(ws.conn, "NTSSA000002", "202302", "cirugias")
    sealing = ws.conn.execute("SELECT hash FROM change_log ORDER BY id LIMIT 1 OFFSET 5").fetchone()[0]
    assert [(h.new_value, h.hash) for h in history] == [("2", sealing)], "an inner row shows its block's hash"


def _tamper(ws, sql: str, *params) -> None:
    ws.conn.execute("DROP TRIGGER IF EXISTS change_log_no_update")
    ws.conn.execute("DROP TRIGGER IF EXISTS change_log_no_delete")
    ws.conn.execute(sql, params)


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE change_log SET new_value = '999' WHERE id = 4",  # a value inside the block
        "DELETE FROM change_log WHERE id = 3",  # a row of the block
        "UPDATE change_log SET org_unit = 'NTSSA000009' WHERE id = 2",  # the block's first row
    ],
)
def test_changing_any_row_of_a_block_breaks_the_chain_at_the_block(ws, sql):
    _blocks_and_edits(ws)
    _tamper(ws, sql)
    assert changelog.verify_chain(ws.conn) == 2


def test_removing_the_row_that_seals_a_block_is_detected(ws):
    entry.record_changes(ws, [ValueChange(KEY, "1")])
    changelog.append_text_rows(ws.conn, _package_rows(4))
    _tamper(ws, "DELETE FROM change_log WHERE id = 5")
    assert changelog.verify_chain(ws.conn) == 2


def test_blanking_a_manual_rows_hash_does_not_hide_an_edit(ws):
    _blocks_and_edits(ws)
    _tamper(ws, "UPDATE change_log SET new_value = '7', prev_hash = '', hash = '' WHERE id = 1")
    assert changelog.verify_chain(ws.conn) is not None


def test_a_single_imported_row_gets_the_same_link_as_a_manual_edit(ws):
    changelog.append_text_rows(ws.conn, _package_rows(1))
    changelog.append_text_rows(ws.conn, [])
    row = ws.conn.execute("SELECT prev_hash, hash FROM change_log").fetchall()
    assert len(row) == 1 and row[0][0] == changelog.GENESIS and len(row[0][1]) == 64
    assert changelog.verify_chain(ws.conn) is None
