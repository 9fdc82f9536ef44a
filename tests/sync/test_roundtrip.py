"""State → HQ → acknowledgement → state, with deltas and conflicts (issue 4 tests)."""

from __future__ import annotations

import zipfile

import pytest

from app.models.messages import InputError
from app.models.values import ValueChange, ValueKey
from app.services.entry.month_values import record_changes
from app.services.summary.month_summary import state_summary
from app.services.sync import sync_ack, sync_export, sync_import
from app.storage import changelog, sync_repo, values_repo


def _count_values(ws) -> int:
    return ws.conn.execute("SELECT count(*) FROM data_values WHERE value IS NOT NULL").fetchone()[0]


def _a_value(ws):
    row = ws.conn.execute(
        "SELECT org_unit, period, variable, disaggregation FROM data_values "
        "WHERE value IS NOT NULL AND variable = 'consultas_medicina_familiar' "
        "ORDER BY 1, 2 LIMIT 1"
    ).fetchone()
    return ValueKey(*row)


def test_full_round_trip_reproduces_the_state_at_hq(pair, db_dump):
    exported = sync_export.export_package(pair.state, pair.outbox, pair.identity, full=True)
    assert exported.path.name.startswith("NAY_") and exported.path.suffix == ".coordina"
    [result] = sync_import.import_packages(pair.hq, [exported.path])
    summary = result.summary
    assert summary["status"] == "SUCCESS", summary
    assert summary["importCount"]["imported"] == _count_values(pair.state)
    assert _count_values(pair.hq) == _count_values(pair.state)
    assert changelog.verify_chain(pair.hq.conn) is None, "every imported value logged, chain intact"
    logged = pair.hq.conn.execute(
        "SELECT count(*) FROM change_log WHERE field = 'value' AND source LIKE 'paquete %'"
    ).fetchone()[0]
    assert logged == summary["importCount"]["imported"]
    # The same figures, to the fingerprint of the values behind them.
    here = state_summary(pair.state, "18", "202302")
    there = state_summary(pair.hq, "18", "202302")
    assert here.fingerprint == there.fingerprint
    # Importing it again changes nothing and returns the stored summary.
    before = db_dump(pair.hq.conn)
    [again] = sync_import.import_packages(pair.hq, [exported.path])
    assert again.summary["importCount"] == summary["importCount"]
    assert "ya importado" in again.summary["description"]
    assert db_dump(pair.hq.conn) == before
    # HQ acknowledges; the state marks its package delivered.
    ack = sync_ack.make_ack(pair.hq, "18", pair.outbox)
    [got] = sync_import.import_packages(pair.state, [ack])
    assert got.summary["status"] == "SUCCESS", got.summary
    [entry] = sync_repo.outbox(pair.state.conn)
    assert entry.delivered_at and entry.ack_uuid


def test_delta_carries_only_what_changed_since_the_ack(pair):
    first = sync_export.export_package(pair.state, pair.outbox, pair.identity, full=True)
    sync_import.import_packages(pair.hq, [first.path])
    sync_import.import_packages(pair.state, [sync_ack.make_ack(pair.hq, "18", pair.outbox)])
    key = _a_value(pair.state)
    record_changes(pair.state, [ValueChange(key, 4321)])
    delta = sync_export.export_package(pair.state, pair.outbox, pair.identity)
    assert (delta.values, delta.tombstones, delta.sequence) == (1, 0, 2)
    [result] = sync_import.import_packages(pair.hq, [delta.path])
    assert result.summary["status"] == "SUCCESS", result.summary
    assert result.summary["importCount"] == {"imported": 0, "updated": 1, "ignored": 0, "deleted": 0}
    assert values_repo.get_values(pair.hq.conn, [key])[key].value == 4321
    # A cleared value travels as a tombstone.
    record_changes(pair.state, [ValueChange(key, None)])
    sync_import.import_packages(pair.state, [sync_ack.make_ack(pair.hq, "18", pair.outbox)])
    gone = sync_export.export_package(pair.state, pair.outbox, pair.identity)
    assert (gone.values, gone.tombstones) == (0, 1)
    [result] = sync_import.import_packages(pair.hq, [gone.path])
    assert result.summary["importCount"]["deleted"] == 1
    assert values_repo.get_values(pair.hq.conn, [key])[key].value is None


def test_a_value_changed_at_hq_since_the_base_is_flagged_not_lost(pair):
    first = sync_export.export_package(pair.state, pair.outbox, pair.identity, full=True)
    sync_import.import_packages(pair.hq, [first.path])
    sync_import.import_packages(pair.state, [sync_ack.make_ack(pair.hq, "18", pair.outbox)])
    key = _a_value(pair.state)
    record_changes(pair.hq, [ValueChange(key, 1111)])  # an analyst corrects it at HQ
    record_changes(pair.state, [ValueChange(key, 2222)])  # the coordinator, later
    delta = sync_export.export_package(pair.state, pair.outbox, pair.identity)
    [result] = sync_import.import_packages(pair.hq, [delta.path])
    assert result.summary["status"] == "WARNING"
    [flag] = [c for c in result.summary["conflicts"] if c["errorCode"] == "W_CONFLICT"]
    assert flag["applied"] == "theirs"
    row = pair.hq.conn.execute("SELECT ours, theirs, applied, resolved_at FROM conflicts").fetchone()
    assert '"value": 1111' in row[0] and '"value": 2222' in row[1] and row[2] == "theirs" and row[3] is None
    assert values_repo.get_values(pair.hq.conn, [key])[key].value == 2222


def test_a_person_accepts_either_version_and_nothing_is_lost(pair):
    from app.services.sync import sync_conflicts

    first = sync_export.export_package(pair.state, pair.outbox, pair.identity, full=True)
    sync_import.import_packages(pair.hq, [first.path])
    sync_import.import_packages(pair.state, [sync_ack.make_ack(pair.hq, "18", pair.outbox)])
    key = _a_value(pair.state)
    record_changes(pair.hq, [ValueChange(key, 1111)])
    record_changes(pair.state, [ValueChange(key, 2222)])
    sync_import.import_packages(pair.hq, [sync_export.export_package(pair.state, pair.outbox, pair.identity).path])
    [conflict] = sync_conflicts.list_conflicts(pair.hq, "18")
    assert (conflict.ours["value"], conflict.theirs["value"], conflict.applied) == (1111, 2222, "theirs")
    stored = sync_conflicts.resolve(pair.hq, conflict.id, "ours")
    assert stored.value == 1111
    assert sync_conflicts.list_conflicts(pair.hq) == []
    [closed] = sync_conflicts.list_conflicts(pair.hq, open_only=False)
    assert closed.resolution == "ours" and closed.resolved_by == "analista"
    trail = [(e.old_value, e.new_value) for e in sync_conflicts.history(pair.hq, closed) if e.field == "value"]
    assert trail[-3:] == [(trail[-3][0], "1111"), ("1111", "2222"), ("2222", "1111")]
    with pytest.raises(InputError):
        sync_conflicts.resolve(pair.hq, conflict.id, "theirs")


def test_signed_pdfs_ride_along_and_are_archived(pair, tmp_path):
    from app.services.summary import report_pdf

    pdf = report_pdf.export_state_pdf(
        pair.state, "18", "202302", tmp_path / "Avances Nayarit.pdf", identity=pair.identity
    ).path
    made = sync_export.export_package(pair.state, pair.outbox, pair.identity, full=True, pdfs=[pdf])
    [result] = sync_import.import_packages(pair.hq, [made.path])
    assert result.summary["status"] == "SUCCESS"
    [archived] = (pair.hq.data_dir / "archivo" / "18").glob("*.coordina")
    names = zipfile.ZipFile(archived).namelist()
    assert "pdf/Avances_Nayarit.pdf" in names
    with pytest.raises(InputError):
        sync_export.export_package(pair.state, pair.outbox, pair.identity, pdfs=[made.path])
