"""A registry part that should not be believed (issue 11): every one refused, nothing written.

The packages here are signed by the state's registered coordinator: what is tested is what
HQ accepts from a legitimate signer, not the signature.
"""

from __future__ import annotations

import copy
import dataclasses
import json

import pytest

from app.services.facilities.registry import get_facility, save_facility
from app.services.sync import sync_export, sync_import
from app.storage import facilities_repo
from app.sync import crypto, package

from .forge import entries, reforge, rezip, write


def _small(doc: dict) -> None:
    """Keep one month of values: the registry is what these tests are about."""
    doc["dataValueSets"] = doc["dataValueSets"][-1:]


@pytest.fixture
def valid(pair):
    return sync_export.export_package(pair.state, pair.outbox, pair.identity, full=True).path.read_bytes()


def _refused(pair, db_dump, data: bytes, code: str, tmp_path) -> dict:
    before = db_dump(pair.hq.conn)
    path = write(tmp_path, "hostil.coordina", data)
    [result] = sync_import.import_packages(pair.hq, [path])
    assert result.summary["status"] == "ERROR", result.summary
    assert [c["errorCode"] for c in result.summary["conflicts"]] == [code], result.summary
    assert db_dump(pair.hq.conn) == before, "a refused package writes nothing"
    assert not (pair.hq.data_dir / "archivo").exists()
    return result.summary


def _edit_first(change):
    def edit(doc: dict) -> dict:
        doc = copy.deepcopy(doc)
        change(doc["facilities"][0], doc)
        return doc

    return edit


COLIMA = {
    "clues": "CMSSA000001",
    "name": "Hospital General de Colima",
    "state_code": "06",
    "municipality": "Colima",
    "jurisdiction": "",
    "type_code": "HG",
    "level": 2,
    "institution": "IMSSB",
    "status": "operando",
    "status_since": "",
    "is_demo": False,
    "updated_at": "2023-01-01T00:00:00+00:00",
    "history": [["operando", "2023-01-01", ""]],
}


@pytest.mark.parametrize(
    "unit",
    [
        COLIMA,  # a unit of another state, honestly labelled
        {**COLIMA, "state_code": "18"},  # Colima's CLUES claimed for Nayarit
    ],
    ids=["other-state", "other-state-clues"],
)
def test_a_package_listing_a_facility_of_another_state_is_refused(pair, db_dump, valid, tmp_path, unit):
    def add(doc: dict) -> dict:
        return {**doc, "facilities": [*doc["facilities"], unit]}

    summary = _refused(
        pair,
        db_dump,
        reforge(pair.hq, pair.identity, valid, doc_edit=_small, registry_edit=add, fix_scope=True),
        "E_FACILITY_STATE",
        tmp_path,
    )
    assert "CMSSA000001" in summary["description"]
    assert get_facility(pair.hq, "CMSSA000001") is None


def _set(name, value):
    return _edit_first(lambda unit, _doc: unit.__setitem__(name, value))


MALFORMED = {
    "level-as-text": _set("level", "2"),
    "level-unknown": _set("level", 9),
    "name-missing": _edit_first(lambda unit, _doc: unit.pop("name")),
    "name-empty": _set("name", "   "),
    "name-huge": _set("name", "x" * 100_000),
    "type-unknown": _set("type_code", "NAVE_ESPACIAL"),
    "status-unknown": _set("status", "abierta"),
    "clues-malformed": _set("clues", "NT'; DROP TABLE facilities;--"),
    "is-demo-as-int": _set("is_demo", 0),
    "updated-at-garbage": _set("updated_at", "ayer"),
    "history-not-list": _set("history", "operando"),
    "history-bad-status": _set("history", [["cerrada", "2023-01-01", ""]]),
    "history-bad-date": _set("history", [["operando", "2023-02-30", ""]]),
    "history-short-row": _set("history", [["operando"]]),
    "unit-not-object": _edit_first(lambda _unit, doc: doc["facilities"].__setitem__(0, ["NTSSA000001"])),
    "duplicate-clues": lambda doc: {**doc, "facilities": [doc["facilities"][0], *doc["facilities"]]},
    "facilities-not-list": lambda doc: {**doc, "facilities": {"NTSSA000001": {}}},
    "state-other": lambda doc: {**doc, "state": "06"},
    "full-not-bool": lambda doc: {**doc, "full": "sí"},
}


@pytest.mark.parametrize("damage", sorted(MALFORMED))
def test_a_registry_with_malformed_rows_is_refused_whole(pair, db_dump, valid, tmp_path, damage):
    data = reforge(pair.hq, pair.identity, valid, doc_edit=_small, registry_edit=MALFORMED[damage], fix_scope=True)
    summary = _refused(pair, db_dump, data, "E_REGISTRY", tmp_path)
    assert "registro de unidades" in summary["description"]


def test_a_registry_part_moved_into_another_package_does_not_open(pair, db_dump, valid, tmp_path):
    # A second, genuine package of the same state: its registry part is swapped for the
    # first package's (hash fixed up in a re-signed manifest, as a rogue coordinator could).
    fac = facilities_repo.list_facilities(pair.state.conn, "18")[0]
    save_facility(pair.state, dataclasses.replace(fac, name="Otra"))
    second = sync_export.export_package(pair.state, pair.outbox, pair.identity).path.read_bytes()
    files = entries(second)
    files[package.REGISTRY_PART] = entries(valid)[package.REGISTRY_PART]
    manifest = json.loads(files["manifest.json"])
    manifest["files"][package.REGISTRY_PART] = package.sha256(files[package.REGISTRY_PART])
    files["manifest.json"] = package.canonical(manifest)
    files["manifest.sig"] = crypto.sign_with_key(files["manifest.json"], pair.identity.private_key)
    _refused(pair, db_dump, rezip(files), "E_DECRYPT", tmp_path)


def test_replayed_registry_changes_change_nothing(pair, valid, tmp_path, db_dump):
    first = write(tmp_path, "primero.coordina", valid)
    assert sync_import.import_packages(pair.hq, [first])[0].ok
    fac = facilities_repo.list_facilities(pair.state.conn, "18")[0].clues
    original = get_facility(pair.state, fac)
    save_facility(pair.state, dataclasses.replace(original, status="sin_operar", status_since="2023-03-01"))
    newer = sync_export.export_package(pair.state, pair.outbox, pair.identity)
    assert sync_import.import_packages(pair.hq, [newer.path])[0].ok
    assert get_facility(pair.hq, fac).status == "sin_operar"
    before = db_dump(pair.hq.conn)

    # The same old package again: its stored summary, nothing changes.
    [again] = sync_import.import_packages(pair.hq, [first])
    assert again.summary.get("alreadyImported") and db_dump(pair.hq.conn) == before

    # The old package re-wrapped (new file, same signed manifest): refused, the unit stays closed.
    files = entries(valid)
    rewrapped = write(tmp_path, "reenvuelto.coordina", rezip(files))
    [replayed] = sync_import.import_packages(pair.hq, [rewrapped])
    assert replayed.summary["status"] == "ERROR" or replayed.summary.get("alreadyImported")
    assert db_dump(pair.hq.conn) == before

    # The old registry in a NEW signed package (a second device with a stale copy): the older
    # copy of the unit is ignored with a notice, not applied over the newer one.
    def stale(doc: dict) -> dict:
        units = [u for u in doc["facilities"] if u["clues"] == fac]
        return {**doc, "full": False, "facilities": units}

    def second_device(manifest: dict) -> None:
        manifest.update(
            uuid="00000000-0000-4000-8000-000000000003",
            sequence=1,
            previous_sha256=None,
            device="00000000-0000-4000-8000-00000000000d",
        )

    old_copy = reforge(
        pair.hq, pair.identity, valid, manifest_edit=second_device, doc_edit=_small, registry_edit=stale, fix_scope=True
    )
    [result] = sync_import.import_packages(pair.hq, [write(tmp_path, "rancio.coordina", old_copy)])
    assert result.ok, result.summary
    assert [c["errorCode"] for c in result.summary["conflicts"] if c["property"] == "facility"] == ["W_REGISTRY_STALE"]
    assert get_facility(pair.hq, fac).status == "sin_operar"
