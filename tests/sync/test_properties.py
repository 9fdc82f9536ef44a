"""Properties of importing packages at HQ (issue 4, hypothesis):

- importing any set of valid packages twice gives the same database as importing it once;
- the order in which packages of *different* states arrive does not matter.

A small world keeps each example fast: two states (Nayarit, Colima) with two facilities
each, their coordinators enrolled at one HQ. Each example edits random counts at the
states, exports delta packages, and imports them into fresh copies of HQ's database.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.models.facility import Facility
from app.models.values import ValueChange, ValueKey
from app.services.entry.month_values import record_changes
from app.services.summary import identity as identities
from app.services.sync import sync_enrol, sync_export, sync_import, sync_profile
from app.services.workspace import open_workspace
from app.storage import facilities_repo
from app.storage.database import DB_FILENAME

FACILITIES = [
    Facility("NTSSA000001", "Hospital General de Tepic", "18", "HG", 2, "Tepic"),
    Facility("NTSSA000002", "Centro de Salud Rural Jala", "18", "CSR", 1, "Jala"),
    Facility("CMSSA000001", "Hospital General de Colima", "06", "HG", 2, "Colima"),
    Facility("CMSSA000002", "Centro de Salud Urbano Tecomán", "06", "CSU", 1, "Tecomán"),
]
UNITS = {"18": ["NTSSA000001", "NTSSA000002"], "06": ["CMSSA000001", "CMSSA000002"]}
VARIABLES = ["consultas_medicina_familiar", "voluntarios", "visitas_domiciliarias"]
PERIODS = ["202301", "202302"]


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    root = tmp_path_factory.mktemp("world")
    exchange = root / "usb"
    exchange.mkdir()
    hq = open_workspace(root / "hq", user="analista")
    sync_profile.init_profile(hq, "hq")
    sync_profile.export_hq_profile(hq, exchange / "hq.json")
    with hq.db.atomic():
        facilities_repo.upsert_facilities(hq.conn, FACILITIES, "2023-01-01T00:00:00+00:00")
    states = {}
    for code in UNITS:
        ws = open_workspace(root / code, user=f"coord{code}")
        with ws.db.atomic():
            facilities_repo.upsert_facilities(
                ws.conn, [f for f in FACILITIES if f.state_code == code], "2023-01-01T00:00:00+00:00"
            )
        sync_profile.init_profile(ws, "state", code)
        sync_profile.import_hq_profile(ws, exchange / "hq.json", confirmed=True)
        ident = identities.create_identity_file(ws, f"Coord {code}", "Coordinación", code, root / f"{code}.p12", b"pw")
        sync_enrol.export_enrolment(ws, exchange / f"{code}.json")
        sync_enrol.import_enrolment(hq, exchange / f"{code}.json", confirmed=True)
        states[code] = (ws, ident)
    hq.close()  # a checkpointed file to copy for every example
    yield {"root": root, "hq_db": root / "hq" / DB_FILENAME, "states": states, "exchange": exchange}
    for ws, _ in states.values():
        ws.close()


edits = st.lists(
    st.tuples(
        st.sampled_from(sorted(UNITS)),
        st.integers(0, 1),
        st.sampled_from(VARIABLES),
        st.sampled_from(PERIODS),
        st.one_of(st.none(), st.integers(0, 500)),
    ),
    min_size=1,
    max_size=12,
)
batches = st.lists(edits, min_size=1, max_size=3)


def _packages(world, plan) -> dict[str, list[Path]]:
    """Apply each batch of edits at the states and export a delta package per state and batch."""
    made: dict[str, list[Path]] = {code: [] for code in UNITS}
    for batch in plan:
        touched = set()
        for code, unit, variable, period, value in batch:
            ws, _ = world["states"][code]
            record_changes(ws, [ValueChange(ValueKey(UNITS[code][unit], period, variable, ""), value)])
            touched.add(code)
        for code in sorted(touched):
            ws, ident = world["states"][code]
            made[code].append(sync_export.export_package(ws, world["exchange"], ident).path)
    return made


def _fresh_hq(world, name: str):
    folder = world["root"] / "runs" / name
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    shutil.copy(world["hq_db"], folder / DB_FILENAME)
    return open_workspace(folder, user="analista")


def _state_of(ws) -> tuple:
    values = ws.conn.execute(
        "SELECT org_unit, period, variable, disaggregation, value, uuid, version, "
        "updated_at, updated_by FROM data_values ORDER BY 1, 2, 3, 4"
    ).fetchall()
    inbox = ws.conn.execute("SELECT uuid, sha256, state_code, sequence FROM inbox ORDER BY uuid").fetchall()
    conflicts = ws.conn.execute("SELECT count(*) FROM conflicts").fetchone()[0]
    return values, inbox, conflicts


def _import_each(ws, paths) -> None:
    for path in paths:
        [result] = sync_import.import_packages(ws, [path])
        assert result.ok, result.summary


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=batches)
def test_importing_twice_equals_importing_once(world, plan):
    made = _packages(world, plan)
    every = [p for code in sorted(made) for p in made[code]]
    once, twice = _fresh_hq(world, "once"), _fresh_hq(world, "twice")
    try:
        _import_each(once, every)
        _import_each(twice, every)
        _import_each(twice, every)  # again: each returns its stored summary, nothing changes
        assert _state_of(once) == _state_of(twice)
        assert len(_state_of(once)[1]) == len(every) > 0
    finally:
        once.close()
        twice.close()


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=batches, data=st.data())
def test_the_order_of_different_states_does_not_matter(world, plan, data):
    made = _packages(world, plan)
    # Interleave the two states' packages at random, each state's own order kept.
    queues = {code: list(paths) for code, paths in made.items()}
    mixed = []
    while any(queues.values()):
        code = data.draw(st.sampled_from(sorted(c for c, q in queues.items() if q)))
        mixed.append(queues[code].pop(0))
    grouped = [p for code in sorted(made) for p in made[code]]
    a, b = _fresh_hq(world, "grouped"), _fresh_hq(world, "mixed")
    try:
        _import_each(a, grouped)
        _import_each(b, mixed)
        assert _state_of(a) == _state_of(b)
        # And one batch import of the same files in any order sorts them itself.
        c = _fresh_hq(world, "batch")
        try:
            results = sync_import.import_packages(c, list(reversed(mixed)))
            assert all(r.ok for r in results)
            assert _state_of(c) == _state_of(a)
        finally:
            c.close()
    finally:
        a.close()
        b.close()
