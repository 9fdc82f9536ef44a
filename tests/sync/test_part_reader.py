"""Reading packages in a helper process (big imports) gives exactly what reading inline gives.

``import_packages(pipeline=True)`` is what a national batch uses; these tests force it on
the small demo packages and compare with the inline path: the same values, log and summary
for a good package, the same refusal (and nothing written) for a bad one, and a reader that
stays usable for the next package after a refused one.
"""

from __future__ import annotations

import json

import pytest

from app.services.sync import sync_export, sync_import
from app.services.workspace import open_workspace
from app.storage import changelog
from app.sync import crypto, package
from tests.sync.forge import entries, reforge, rezip, write

LOGGED = "org_unit, period, variable, disaggregation, field, old_value, new_value, source, user"


def _copy_of_hq(pair, tmp_path):
    """A second HQ with the same keys, registrations and registry (SQLite backup API)."""
    folder = tmp_path / "hq_copia"
    folder.mkdir()
    target = open_workspace(folder, user="analista")
    pair.hq.conn.backup(target.conn)
    target.close()
    return open_workspace(folder, user="analista")


def _stored(ws) -> tuple[list, list]:
    values = ws.conn.execute("SELECT * FROM data_values ORDER BY 1, 2, 3, 4").fetchall()
    log = ws.conn.execute(f"SELECT {LOGGED} FROM change_log ORDER BY id").fetchall()
    return values, log


def _comparable(summary: dict) -> dict:
    return {k: v for k, v in summary.items() if k != "file"}


def test_the_reader_process_stores_what_reading_inline_stores(pair, tmp_path):
    made = sync_export.export_package(pair.state, pair.outbox, pair.identity, full=True).path
    other = _copy_of_hq(pair, tmp_path)
    try:
        [piped] = sync_import.import_packages(pair.hq, [made], pipeline=True)
        [inline] = sync_import.import_packages(other, [made], pipeline=False)
        assert piped.summary["status"] == "SUCCESS" and piped.summary["importCount"]["imported"] > 1000
        assert _comparable(piped.summary) == _comparable(inline.summary)
        assert _stored(pair.hq) == _stored(other)
        assert changelog.verify_chain(pair.hq.conn) is None
    finally:
        other.close()


@pytest.fixture
def valid(pair):
    return sync_export.export_package(pair.state, pair.outbox, pair.identity, full=True).path.read_bytes()


def _bad_value(doc: dict) -> None:
    doc["dataValueSets"][-1]["dataValues"][0]["value"] = "muchos"  # in the package's last month


def _swapped_parts(data: bytes, identity) -> bytes:
    """Two months' sealed parts swapped, the manifest's hashes updated and re-signed: the
    hashes pass, decryption (bound to each part's name) fails in the reader."""
    files = entries(data)
    files["payload/202301.bin"], files["payload/202302.bin"] = (
        files["payload/202302.bin"],
        files["payload/202301.bin"],
    )
    manifest = json.loads(files["manifest.json"])
    for name in ("payload/202301.bin", "payload/202302.bin"):
        manifest["files"][name] = package.sha256(files[name])
    files["manifest.json"] = package.canonical(manifest)
    files["manifest.sig"] = crypto.sign_with_key(files["manifest.json"], identity.private_key)
    return rezip(files)


@pytest.mark.parametrize(
    ("damage", "code"),
    [
        ("value", "E_NOT_"),  # E_NOT_NUMBER or E_NOT_BOOLEAN, by the variable
        ("duplicate", "E_PAYLOAD"),
    ],
)
def test_a_bad_package_is_refused_the_same_way_and_writes_nothing(pair, db_dump, valid, tmp_path, damage, code):
    def duplicate(doc: dict) -> None:
        values = doc["dataValueSets"][1]["dataValues"]
        values.append(dict(values[0]))

    data = reforge(pair.hq, pair.identity, valid, doc_edit=_bad_value if damage == "value" else duplicate)
    path = write(pair.outbox, "malo.coordina", data)
    before = db_dump(pair.hq.conn)
    [piped] = sync_import.import_packages(pair.hq, [path], pipeline=True)
    [inline] = sync_import.import_packages(pair.hq, [path], pipeline=False)
    assert piped.summary["status"] == "ERROR"
    assert any(c["errorCode"].startswith(code) for c in piped.summary["conflicts"]), piped.summary
    assert _comparable(piped.summary) == _comparable(inline.summary)
    assert db_dump(pair.hq.conn) == before


def test_after_a_refused_package_the_reader_goes_on_with_the_next(pair, db_dump, valid):
    """A refusal in the middle of a package (here a uuid used twice: the database refuses
    it while later months are already read ahead) leaves the reader ready for the next."""

    def same_uuid(doc: dict) -> None:
        first, second = doc["dataValueSets"][0]["dataValues"][:2]
        second["coordina"] = dict(second["coordina"], uuid=first["coordina"]["uuid"])

    bad = write(pair.outbox, "uuid-repetido.coordina", reforge(pair.hq, pair.identity, valid, doc_edit=same_uuid))
    before = db_dump(pair.hq.conn)
    [refused] = sync_import.import_packages(pair.hq, [bad], pipeline=True)
    assert refused.summary["status"] == "ERROR" and db_dump(pair.hq.conn) == before

    swapped = write(pair.outbox, "1-partes.coordina", _swapped_parts(valid, pair.identity))
    good = write(pair.outbox, "2-bueno.coordina", valid)
    results = sync_import.import_packages(pair.hq, [swapped, good], pipeline=True)
    by_name = {r.path.name: r.summary for r in results}
    assert [c["errorCode"] for c in by_name["1-partes.coordina"]["conflicts"]] == ["E_DECRYPT"]
    assert by_name["2-bueno.coordina"]["status"] == "SUCCESS", json.dumps(by_name["2-bueno.coordina"])[:500]
    assert changelog.verify_chain(pair.hq.conn) is None
