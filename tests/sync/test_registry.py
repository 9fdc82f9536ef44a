"""The facility registry travels in the state's packages and back in HQ's updates (issue 11).

HQ starts empty here (see ``conftest.pair``): every unit it knows came in a package.
"""

from __future__ import annotations

import dataclasses
import time

from app.services.facilities.registry import facility_status_history, get_facility, save_facility
from app.services.sync import sync_ack, sync_conflicts, sync_export, sync_import
from app.services.sync.sync_facilities import FACILITY_CONFLICT
from app.services.workspace import now_iso
from app.storage import changelog, facilities_repo

from .forge import reforge, write

LATER = "2030-01-01T00:00:00+00:00"  # an HQ edit no state change of today can be later than


def _full(pair):
    return sync_export.export_package(pair.state, pair.outbox, pair.identity, full=True)


def _round_trip(pair):
    """Full package to HQ, and HQ's acknowledgement back: the state's registry is delivered."""
    [result] = sync_import.import_packages(pair.hq, [_full(pair).path])
    assert result.ok, result.summary
    [acked] = sync_import.import_packages(pair.state, [sync_ack.make_ack(pair.hq, "18", pair.outbox)])
    assert acked.ok, acked.summary
    return result


def _next_second() -> None:
    """Wait until ``now_iso()`` moves on. Times have seconds, and a local edit made in the
    second of the newest acknowledged package counts as not yet acknowledged (kept and sent
    again): a fast machine must not put the edit and the package that carries it there."""
    start = now_iso()
    while now_iso() == start:
        time.sleep(0.02)


def _unit(pair, index: int = 0):
    return facilities_repo.list_facilities(pair.state.conn, "18")[index]


def test_a_new_hq_learns_the_states_units_from_its_package(pair):
    assert facilities_repo.list_facilities(pair.hq.conn) == []
    exported = _full(pair)
    units = facilities_repo.list_facilities(pair.state.conn, "18")
    assert exported.facilities == len(units) > 300

    [result] = sync_import.import_packages(pair.hq, [exported.path])

    assert result.summary["status"] == "SUCCESS", result.summary
    assert result.summary["facilities"] == {"created": len(units), "updated": 0, "ignored": 0}
    assert facilities_repo.list_facilities(pair.hq.conn, "18") == units
    marks = facilities_repo.sync_marks(pair.hq.conn, "18")
    assert {m[3] for m in marks.values()} == {"18"}, "every unit marked as reported by the state"
    for fac in units[:20]:  # the dated status history travels with each unit
        assert facility_status_history(pair.hq, fac.clues) == facility_status_history(pair.state, fac.clues)
    logged = pair.hq.conn.execute(
        "SELECT count(*) FROM change_log WHERE field = 'unidad' AND period = '' AND source = ?",
        (f"paquete {exported.uuid}",),
    ).fetchone()[0]
    assert logged == len(units)
    assert changelog.verify_chain(pair.hq.conn) is None


def test_a_delta_carries_the_units_changed_since_the_ack_with_their_status_history(pair):
    _round_trip(pair)
    fac = _unit(pair)
    save_facility(
        pair.state,
        dataclasses.replace(fac, status="sin_operar", status_since="2023-03-01", name=fac.name + " (cerrada)"),
    )
    delta = sync_export.export_package(pair.state, pair.outbox, pair.identity)
    assert delta.facilities == 1

    [result] = sync_import.import_packages(pair.hq, [delta.path])

    assert result.summary["status"] == "SUCCESS", result.summary
    assert result.summary["facilities"] == {"created": 0, "updated": 1, "ignored": 0}
    at_hq = get_facility(pair.hq, fac.clues)
    assert (at_hq.status, at_hq.status_since, at_hq.name) == ("sin_operar", "2023-03-01", fac.name + " (cerrada)")
    history = facility_status_history(pair.hq, fac.clues)
    assert history == facility_status_history(pair.state, fac.clues) and history[-1].status == "sin_operar"
    fields = {
        r[0]
        for r in pair.hq.conn.execute(
            "SELECT field FROM change_log WHERE org_unit = ? AND source = ?", (fac.clues, f"paquete {delta.uuid}")
        )
    }
    assert {"unidad.name", "unidad.status", "unidad.status_since", "unidad.historial"} <= fields
    assert not sync_conflicts.list_conflicts(pair.hq)


def test_a_change_disagreeing_with_hqs_own_registry_is_flagged_side_by_side(pair):
    _round_trip(pair)
    first, second = _unit(pair, 0), _unit(pair, 1)
    # HQ edits its own registry (a DGIS CLUES import, say) after the state's copy reached it.
    with pair.hq.db.atomic():
        facilities_repo.upsert_facilities(pair.hq.conn, [dataclasses.replace(first, name="Nombre DGIS")], LATER)
        facilities_repo.upsert_facilities(
            pair.hq.conn, [dataclasses.replace(second, municipality="Municipio DGIS")], now_iso()
        )  # before the state's edit below (or the same second: ties go to the state)
    save_facility(pair.state, dataclasses.replace(first, name="Nombre estatal"))
    save_facility(pair.state, dataclasses.replace(second, municipality="Municipio estatal"))

    [result] = sync_import.import_packages(
        pair.hq, [sync_export.export_package(pair.state, pair.outbox, pair.identity).path]
    )

    assert result.summary["status"] == "WARNING", result.summary
    flagged = {c["object"]: c["applied"] for c in result.summary["conflicts"] if c["property"] == "facility"}
    # The values' rule: the later change is applied (HQ's 2030 edit; the state's over HQ's earlier one).
    assert flagged == {first.clues: "ours", second.clues: "theirs"}
    assert get_facility(pair.hq, first.clues).name == "Nombre DGIS"
    assert get_facility(pair.hq, second.clues).municipality == "Municipio estatal"
    conflicts = {c.key.org_unit: c for c in sync_conflicts.list_conflicts(pair.hq)}
    both = conflicts[first.clues]
    assert both.key.variable == FACILITY_CONFLICT and both.key.period == ""
    assert (both.ours["name"], both.theirs["name"]) == ("Nombre DGIS", "Nombre estatal")
    assert both.theirs["history"] and both.ours["updated_at"] == LATER


def test_a_state_edit_not_yet_acknowledged_is_never_overwritten_by_an_update(pair):
    _round_trip(pair)
    mine, theirs = _unit(pair, 0), _unit(pair, 1)
    with pair.hq.db.atomic():  # HQ renames both at home
        facilities_repo.upsert_facilities(
            pair.hq.conn,
            [dataclasses.replace(mine, name="Nombre OC 1"), dataclasses.replace(theirs, name="Nombre OC 2")],
            LATER,
        )
    save_facility(pair.state, dataclasses.replace(mine, name="Edición local"))  # not sent yet

    [result] = sync_import.import_packages(pair.state, [sync_ack.make_update(pair.hq, "18", pair.outbox)])

    assert result.summary["status"] == "WARNING", result.summary
    assert [c["errorCode"] for c in result.summary["conflicts"]] == ["W_LOCAL_EDIT_KEPT"]
    assert get_facility(pair.state, mine.clues).name == "Edición local"
    assert get_facility(pair.state, theirs.clues).name == "Nombre OC 2"
    # HQ's unit is not taken for a local edit: the next delta carries only the real one.
    _next_second()
    delta = sync_export.export_package(pair.state, pair.outbox, pair.identity)
    assert delta.facilities == 1
    # Once HQ has it and acknowledged it, HQ's registry applies again.
    sync_import.import_packages(pair.hq, [delta.path])
    sync_import.import_packages(pair.state, [sync_ack.make_ack(pair.hq, "18", pair.outbox)])
    [again] = sync_import.import_packages(pair.state, [sync_ack.make_update(pair.hq, "18", pair.outbox)])
    assert again.ok, again.summary
    assert get_facility(pair.state, mine.clues).name == get_facility(pair.hq, mine.clues).name


def test_a_sender_clock_in_the_future_does_not_win_the_rule(pair, tmp_path):
    _round_trip(pair)
    fac = _unit(pair)
    with pair.hq.db.atomic():
        facilities_repo.upsert_facilities(pair.hq.conn, [dataclasses.replace(fac, name="Nombre OC")], LATER)
    save_facility(pair.state, dataclasses.replace(fac, name="Nombre estatal"))
    delta = sync_export.export_package(pair.state, pair.outbox, pair.identity).path.read_bytes()

    def far_future(doc: dict) -> dict:
        for unit in doc["facilities"]:
            unit["updated_at"] = "9999-12-31T23:59:59+00:00"
        return doc

    path = write(tmp_path, "futuro.coordina", reforge(pair.hq, pair.identity, delta, registry_edit=far_future))
    [result] = sync_import.import_packages(pair.hq, [path])
    assert result.ok, result.summary
    assert get_facility(pair.hq, fac.clues).name == "Nombre OC", "bounded by the package's signing time"
    [conflict] = sync_conflicts.list_conflicts(pair.hq)
    assert conflict.applied == "ours" and conflict.theirs["updated_at"] < "9999"


def test_accepting_a_side_of_a_flagged_unit_writes_the_unit_not_a_value(pair):
    from app.services.sync import sync_facilities

    _round_trip(pair)
    fac = _unit(pair)
    with pair.hq.db.atomic():
        facilities_repo.upsert_facilities(pair.hq.conn, [dataclasses.replace(fac, name="Nombre OC")], LATER)
    save_facility(pair.state, dataclasses.replace(fac, name="Nombre estatal"))
    sync_import.import_packages(pair.hq, [sync_export.export_package(pair.state, pair.outbox, pair.identity).path])
    [conflict] = sync_conflicts.list_conflicts(pair.hq)
    values_before = pair.hq.conn.execute("SELECT count(*) FROM data_values").fetchone()[0]

    stored = sync_facilities.resolve(pair.hq, conflict.id, "theirs")

    assert stored.name == get_facility(pair.hq, fac.clues).name == "Nombre estatal"
    assert pair.hq.conn.execute("SELECT count(*) FROM data_values").fetchone()[0] == values_before
    assert not sync_conflicts.list_conflicts(pair.hq)
    history = sync_conflicts.history(pair.hq, conflict)  # the unit's registry changes, as the view shows
    assert [e.source for e in history][-1] == f"conflicto {conflict.id}: theirs"
    assert changelog.verify_chain(pair.hq.conn) is None
