"""A new catalog version from HQ to a state (issue 4 item 4): real folders, real packages."""

from __future__ import annotations

import dataclasses
import io
import json
import shutil
import uuid as uuidlib
from pathlib import Path

import pytest

from app import RESOURCES_DIR
from app.cli import main as cli
from app.services.facilities import catalog_install
from app.services.facilities.catalog_install import CATALOG_FILES, CatalogError
from app.services.summary import targets
from app.services.sync import sync_ack, sync_export, sync_import
from app.services.workspace import CATALOG_SETTING, CATALOGS_DIR, is_newer, now_iso, open_workspace
from app.storage import facilities_repo, reports_repo, sync_repo
from app.sync import package

NEW = "2099.1.0"
NEW_VARIABLE = (
    "tiempo_espera,servicios,99,Tiempo de espera en urgencias,Emergency waiting time,count,integer,"
    "SUM,facility,,0,,0,*,,,Minutos promedio de espera en urgencias.\n"
)
DROPPED = "urgencias"  # has demo values, and no rule or indicator names it


def catalog_copy(tmp_path: Path, name: str, version: str = NEW, edit=None) -> Path:
    """The bundled catalog copied, its version set to ``version`` and ``edit(folder)`` applied."""
    folder = tmp_path / name
    shutil.copytree(RESOURCES_DIR / "catalog", folder)
    meta = json.loads((folder / "catalog.json").read_text(encoding="utf-8"))
    meta["catalog_version"] = version
    (folder / "catalog.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    if edit:
        edit(folder)
    return folder


def add_variable(folder: Path) -> None:
    with (folder / "variables.csv").open("a", encoding="utf-8", newline="") as handle:
        handle.write(NEW_VARIABLE)


def drop_variable(folder: Path) -> None:
    path = folder / "variables.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(li for li in lines if not li.startswith(DROPPED + ",")), encoding="utf-8")


def bad_indicator(folder: Path) -> None:
    path = folder / "indicators.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["indicators"].append(
        {
            "code": "fantasma",
            "section": "servicios",
            "label_es": "Fantasma",
            "label_en": "Ghost",
            "numerator": {"sum": ["no_existe"]},
        }
    )
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


def installed(ws) -> list[str]:
    """Every entry under data_dir/catalogs, hidden staging folders included."""
    root = ws.data_dir / CATALOGS_DIR
    return sorted(p.name for p in root.iterdir()) if root.exists() else []


def active_setting(ws) -> str:
    return reports_repo.settings_get(ws.conn, CATALOG_SETTING, "")


def reopened_version(ws) -> tuple[str, set[str]]:
    again = open_workspace(ws.data_dir)
    try:
        return again.catalog.version, set(again.catalog.variables)
    finally:
        again.close()


def forge_update(hq, doc: dict) -> bytes:
    """An update signed by HQ with any content (what a buggy or newer HQ could send)."""
    keys, sign = sync_ack._hq_signer(hq)
    manifest = {
        "kind": "update",
        "uuid": str(uuidlib.uuid4()),
        "created_at": now_iso(),
        "created_by": "hq",
        "state": "18",
        "hq_id": keys.hq_id,
        "sequence": sync_ack._reserve_sequence(hq, "18"),
    }  # numbered like HQ's own (issue 11)
    return package.build(manifest, {"update.json": package.gzip_json(doc)}, sign)


def test_a_newer_catalog_goes_from_hq_to_the_state(pair, tmp_path):
    folder = catalog_copy(tmp_path, "nuevo", edit=add_variable)
    cat, where = catalog_install.install_catalog(pair.hq, folder)
    assert cat.version == NEW and where == pair.hq.data_dir / CATALOGS_DIR / NEW
    assert installed(pair.hq) == [NEW]

    made = sync_ack.make_update(pair.hq, "18", pair.outbox, catalog_dir=folder)
    [result] = sync_import.import_packages(pair.state, [made])

    assert result.summary["status"] == "SUCCESS", result.summary
    assert f"catálogo {NEW} instalado" in result.summary["description"]
    assert installed(pair.state) == [NEW]
    assert active_setting(pair.state) == NEW
    for name in CATALOG_FILES:
        assert (pair.state.data_dir / CATALOGS_DIR / NEW / name).read_bytes() == (folder / name).read_bytes()
    version, variables = reopened_version(pair.state)
    assert version == NEW and "tiempo_espera" in variables
    assert reopened_version(pair.hq)[0] == NEW
    # Importing it again changes nothing.
    [again] = sync_import.import_packages(pair.state, [made])
    assert again.summary.get("alreadyImported") and installed(pair.state) == [NEW]


def test_an_older_or_equal_catalog_is_a_notice_and_the_rest_applies(pair, tmp_path):
    # HQ sends its active (bundled) catalog: the same version the state has.
    made = sync_ack.make_update(pair.hq, "18", pair.outbox, catalog_dir=RESOURCES_DIR / "catalog")
    [result] = sync_import.import_packages(pair.state, [made])
    assert result.summary["status"] == "WARNING"
    assert [c["errorCode"] for c in result.summary["conflicts"]] == ["W_CATALOG_NOT_NEWER"]
    assert "no es más nuevo" in result.summary["conflicts"][0]["value"]
    assert installed(pair.state) == [] and active_setting(pair.state) == ""
    assert sync_repo.get_inbox(pair.state.conn, package.read(made.read_bytes(), "x").uuid) is not None

    # The state has meanwhile a newer catalog of its own: HQ's is older.
    catalog_install.install_catalog(pair.state, catalog_copy(tmp_path, "local", edit=add_variable))
    made = sync_ack.make_update(pair.hq, "18", pair.outbox, catalog_dir=RESOURCES_DIR / "catalog")
    [result] = sync_import.import_packages(pair.state, [made])
    assert [c["errorCode"] for c in result.summary["conflicts"]] == ["W_CATALOG_NOT_NEWER"]
    assert installed(pair.state) == [NEW] and active_setting(pair.state) == NEW


def test_hq_only_sends_the_catalog_it_uses(pair, tmp_path):
    newer = catalog_copy(tmp_path, "nuevo", edit=add_variable)
    before = sorted(p.name for p in pair.outbox.iterdir())
    with pytest.raises(CatalogError) as caught:
        sync_ack.make_update(pair.hq, "18", pair.outbox, catalog_dir=newer)
    assert caught.value.code == "E_CATALOG_NOT_ADOPTED" and "catalog install" in caught.value.message("es")
    same_version = catalog_copy(tmp_path, "otro", version=pair.hq.catalog.version, edit=add_variable)
    with pytest.raises(CatalogError) as caught:
        sync_ack.make_update(pair.hq, "18", pair.outbox, catalog_dir=same_version)
    assert caught.value.code == "E_CATALOG_MISMATCH"
    assert sorted(p.name for p in pair.outbox.iterdir()) == before


def test_an_invalid_catalog_is_refused_at_hq_and_at_the_state(pair, tmp_path):
    bad = catalog_copy(tmp_path, "malo", edit=bad_indicator)
    before = sorted(p.name for p in pair.outbox.iterdir())
    for attempt in (
        lambda: catalog_install.install_catalog(pair.hq, bad),
        lambda: sync_ack.make_update(pair.hq, "18", pair.outbox, catalog_dir=bad),
    ):
        with pytest.raises(CatalogError) as caught:
            attempt()
        assert caught.value.code == "E_CATALOG_INVALID"
        assert "no_existe" in caught.value.message("es") and "indicators.json" in caught.value.message("en")
    assert installed(pair.hq) == [] and active_setting(pair.hq) == ""
    assert sorted(p.name for p in pair.outbox.iterdir()) == before

    # A (forged) HQ-signed update carrying it: a notice at the state, nothing written.
    texts = {name: (bad / name).read_text(encoding="utf-8") for name in CATALOG_FILES}
    doc = {
        "state": "18",
        "facilities": [],
        "targets": {"rx_filled_pct": 90},
        "catalog": {"version": NEW, "files": texts},
    }
    path = tmp_path / "forjado.coordina"
    path.write_bytes(forge_update(pair.hq, doc))
    [result] = sync_import.import_packages(pair.state, [path])
    assert result.summary["status"] == "WARNING", result.summary
    [note] = result.summary["conflicts"]
    assert note["errorCode"] == "W_CATALOG_INVALID" and "no_existe" in note["value"]
    assert installed(pair.state) == [] and active_setting(pair.state) == ""
    assert reports_repo.settings_get(pair.state.conn, targets.TARGET_PREFIX + "rx_filled_pct") == "90.0"

    # Files outside the catalog's own names never reach the disk.
    sneaky = dict(texts, **{"../fuera.csv": "x"})
    path = tmp_path / "forjado2.coordina"
    path.write_bytes(forge_update(pair.hq, {"state": "18", "catalog": {"version": NEW, "files": sneaky}}))
    [result] = sync_import.import_packages(pair.state, [path])
    assert [c["errorCode"] for c in result.summary["conflicts"]] == ["W_CATALOG_INVALID"]
    assert installed(pair.state) == [] and not (pair.state.data_dir / "fuera.csv").exists()


def test_a_catalog_dropping_a_variable_with_data_is_refused(pair, tmp_path):
    held = pair.state.conn.execute("SELECT count(*) FROM data_values WHERE variable = ?", (DROPPED,)).fetchone()[0]
    assert held > 0
    folder = catalog_copy(tmp_path, "sin-urgencias", edit=drop_variable)
    catalog_install.install_catalog(pair.hq, folder)  # HQ holds no values of it yet
    # HQ learns the state's units from its package (issue 11), then renames one on its own.
    first = sync_export.export_package(pair.state, pair.outbox, pair.identity, full=True)
    assert sync_import.import_packages(pair.hq, [first.path])[0].ok
    fac = facilities_repo.list_facilities(pair.hq.conn, "18")[0]
    with pair.hq.db.atomic():
        facilities_repo.upsert_facilities(
            pair.hq.conn, [dataclasses.replace(fac, name="Nombre nuevo")], "2030-01-01T00:00:00+00:00"
        )
    made = sync_ack.make_update(pair.hq, "18", pair.outbox, catalog_dir=folder)

    [result] = sync_import.import_packages(pair.state, [made])

    assert result.summary["status"] == "ERROR"
    [conflict] = result.summary["conflicts"]
    assert conflict["errorCode"] == "E_CATALOG_DROPS_DATA"
    assert f"«{DROPPED}» ({held} valores)" in conflict["value"] and "no se cambió nada" in conflict["value"]
    assert installed(pair.state) == [] and active_setting(pair.state) == ""
    mine = {f.clues: f for f in facilities_repo.list_facilities(pair.state.conn, "18")}
    assert mine[fac.clues].name == fac.name
    assert sync_repo.get_inbox(pair.state.conn, package.read(made.read_bytes(), "x").uuid) is None
    assert reopened_version(pair.state)[0] == pair.state.catalog.version

    with pytest.raises(CatalogError) as caught:
        catalog_install.install_catalog(pair.state, folder)
    assert caught.value.code == "E_CATALOG_DROPS_DATA" and "drops items" in caught.value.message("en")
    assert installed(pair.state) == []


def test_a_dry_run_installs_nothing_and_a_rollback_removes_the_folder(pair, tmp_path):
    folder = catalog_copy(tmp_path, "nuevo", edit=add_variable)
    catalog_install.install_catalog(pair.hq, folder)
    made = sync_ack.make_update(pair.hq, "18", pair.outbox, catalog_dir=folder)

    [preview] = sync_import.import_packages(pair.state, [made], dry_run=True)
    assert preview.summary["status"] == "SUCCESS" and preview.summary["dryRun"]
    assert f"catálogo {NEW}" in preview.summary["description"]
    assert installed(pair.state) == [] and active_setting(pair.state) == ""

    # The update applied in a transaction that is then rolled back: the folder goes too.
    raw = package.read(made.read_bytes(), made.name)
    doc = package.gunzip_json(raw.files["update.json"], raw.where)
    conn = pair.state.conn
    undo: list = []
    conn.execute("BEGIN IMMEDIATE")
    sync_ack.apply_update(pair.state, raw, doc, now_iso(), undo)
    assert installed(pair.state) == [NEW]
    conn.execute("ROLLBACK")
    for step in undo:  # what the importer does after a rollback
        step()
    assert installed(pair.state) == [] and active_setting(pair.state) == ""

    [result] = sync_import.import_packages(pair.state, [made])
    assert result.summary["status"] == "SUCCESS" and installed(pair.state) == [NEW]
    conn.execute("BEGIN")
    conn.execute("ROLLBACK")  # a later, unrelated rollback leaves the installed catalog alone
    assert installed(pair.state) == [NEW] and reopened_version(pair.state)[0] == NEW


def test_the_cli_packages_and_installs_catalogs(pair, tmp_path):
    folder = catalog_copy(tmp_path, "nuevo", edit=add_variable)
    bad = catalog_copy(tmp_path, "malo", version="2099.2", edit=bad_indicator)
    hq, state = str(pair.hq.data_dir), str(pair.state.data_dir)

    def run(*argv: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        code = cli.main(list(argv), out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    code, _, err = run("--data-dir", hq, "catalog", "install", str(bad))
    assert code == 1 and "[E_CATALOG_INVALID]" in err
    code, out, _ = run("--data-dir", hq, "catalog", "install", str(folder))
    assert code == 0 and f"Catálogo {NEW} instalado" in out
    code, _, err = run("--data-dir", hq, "--lang", "en", "catalog", "install", str(folder))
    assert code == 1 and "is the same version as" in err
    usb = tmp_path / "usb2"
    code, _, err = run("--data-dir", hq, "sync", "update", "--state", "18", "--out", str(usb), "--catalog", str(bad))
    assert code == 1 and "[E_CATALOG_INVALID]" in err and not usb.exists()
    code, out, _ = run("--data-dir", hq, "sync", "update", "--state", "18", "--out", str(usb), "--catalog", str(folder))
    assert code == 0
    made = Path(out.strip())
    assert made.parent == usb and made.is_file()
    code, out, _ = run("--data-dir", state, "sync", "import", str(made))
    assert code == 0 and f"catálogo {NEW} instalado" in out
    assert reopened_version(pair.state) == (NEW, reopened_version(pair.state)[1])
    assert "tiempo_espera" in reopened_version(pair.state)[1]


def test_versions_compare_by_their_numbers():
    assert is_newer("2026.11.10", "2026.11.9") and is_newer("2027", "2026.12.31")
    assert not is_newer("2026.11.1", "2026.11.1") and not is_newer("2026.9", "2026.10")
