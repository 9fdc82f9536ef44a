"""Hostile and broken packages: each gets its own error code and the database is unchanged.

The corpus is generated here from one valid package (``forge``): damaged zips, bombs,
escaping paths, duplicate and missing or extra entries, one changed byte, impostors,
future formats and periods, unknown CLUES and variables, text and negative counts,
replays, and a package for another headquarters.
"""

from __future__ import annotations

import json

import pytest

from app.reports.signing.identity import create_identity, load_pkcs12
from app.services.sync import sync_enrol, sync_export, sync_import, sync_profile
from app.sync import crypto, package
from tests.sync.forge import entries, reforge, resign_manifest, rezip, write


@pytest.fixture
def valid(pair):
    """The bytes of a valid full package of the state."""
    return sync_export.export_package(pair.state, pair.outbox, pair.identity, full=True).path.read_bytes()


def refused(pair, db_dump, data: bytes, code: str, name: str = "hostil.coordina") -> dict:
    before = db_dump(pair.hq.conn)
    archived = sorted((pair.hq.data_dir / "archivo").rglob("*"))
    path = write(pair.outbox, name, data)
    [result] = sync_import.import_packages(pair.hq, [path])
    summary = result.summary
    assert summary["status"] == "ERROR", summary
    codes = [c["errorCode"] for c in summary["conflicts"]]
    assert code in codes, (code, summary)
    assert summary["description"], "a clear message"
    assert db_dump(pair.hq.conn) == before, "a refused package writes nothing"
    assert sorted((pair.hq.data_dir / "archivo").rglob("*")) == archived, "nothing archived"
    return summary


def test_not_a_zip(pair, db_dump):
    refused(pair, db_dump, b"%PDF-1.7 no soy un paquete", "E_NOT_ZIP")


def test_truncated_zip(pair, db_dump, valid):
    refused(pair, db_dump, valid[: len(valid) // 2], "E_TRUNCATED")


def test_zip_bomb_ratio(pair, db_dump, valid):
    files = entries(valid)
    files["payload/202302.bin"] = bytes(64 << 20)  # 64 MiB of zeros squeeze to ~64 KiB
    refused(pair, db_dump, rezip(files), "E_RATIO")


@pytest.mark.parametrize("name", ["../../etc/passwd", "/abs.json", "pdf/../../x.pdf", "C:/win.ini"])
def test_path_escaping_the_folder(pair, db_dump, valid, name):
    files = entries(valid)
    files[name] = b"x"
    refused(pair, db_dump, rezip(files), "E_PATH")


def test_duplicate_entry(pair, db_dump, valid):
    refused(pair, db_dump, rezip(entries(valid), duplicate="payload/202302.bin"), "E_DUPLICATE_ENTRY")


def test_missing_and_extra_files(pair, db_dump, valid):
    files = entries(valid)
    del files["manifest.sig"]
    refused(pair, db_dump, rezip(files), "E_MISSING_FILE")
    files = entries(valid)
    files["leame.txt"] = b"hola"
    refused(pair, db_dump, rezip(files), "E_EXTRA_FILE")


def test_one_byte_changed_in_the_manifest_or_the_payload(pair, db_dump, valid):
    files = entries(valid)
    files["manifest.json"] = files["manifest.json"].replace(b'"sequence":1', b'"sequence":7')
    refused(pair, db_dump, rezip(files), "E_SIGNATURE")
    files = entries(valid)
    payload = bytearray(files["payload/202302.bin"])
    payload[len(payload) // 2] ^= 0x01
    files["payload/202302.bin"] = bytes(payload)
    refused(pair, db_dump, rezip(files), "E_HASH")


def test_impostor_signer_not_registered(pair, db_dump, valid):
    impostor = load_pkcs12(create_identity("Impostor", "Nadie", "Nayarit", b"pw"), b"pw")
    from app.reports.signing.identity import certificate_pem

    data = reforge(
        pair.hq,
        impostor,
        valid,
        manifest_edit=lambda m: m["signer"].update(
            certificate=certificate_pem(impostor.certificate).decode(), fingerprint="0" * 64
        ),
    )
    refused(pair, db_dump, data, "E_SIGNER_UNKNOWN")


def test_signer_registered_for_another_state(pair, db_dump, valid):
    data = reforge(pair.hq, pair.identity, valid, manifest_edit=lambda m: m.update(state="06"))
    refused(pair, db_dump, data, "E_SIGNER_STATE")


def test_revoked_signer(pair, db_dump, valid):
    fp = sync_enrol.registrations(pair.hq)[0].fingerprint
    sync_enrol.revoke(pair.hq, fp, "laptop robada")
    refused(pair, db_dump, valid, "E_SIGNER_REVOKED")
    log = pair.hq.conn.execute("SELECT action, note FROM registration_log ORDER BY id").fetchall()
    assert log[-1] == ("revoke", "laptop robada")


def test_format_version_from_the_future(pair, db_dump, valid):
    data = resign_manifest(valid, pair.identity, lambda m: m.update(format_version=99))
    summary = refused(pair, db_dump, data, "E_FORMAT_VERSION")
    assert "actualice Coordina" in summary["description"]


@pytest.mark.parametrize(
    "edit",
    [
        lambda m: m.update(format_version=0),
        lambda m: m.update(format_version=-7),
        lambda m: m.update(created_at=["2023-02-01"]),
        lambda m: m.update(created_at={"a": 1}),
        lambda m: m.update(created_at="ayer"),
    ],
    ids=["version-0", "version-negative", "created-list", "created-object", "created-text"],
)
def test_signed_manifest_with_impossible_fields(pair, db_dump, valid, edit):
    """Signed by the genuine key, yet impossible: refused as a manifest error, not a crash."""
    summary = refused(pair, db_dump, resign_manifest(valid, pair.identity, edit), "E_MANIFEST")
    assert "E_INTERNAL" not in [c["errorCode"] for c in summary["conflicts"]]


def test_huge_sequence_gap_is_summarised(pair, db_dump, valid):
    """A signed sequence of 10**12 once listed every missing number (a hang); now a range."""
    data = resign_manifest(valid, pair.identity, lambda m: m.update(sequence=10**12))
    path = write(pair.outbox, "salto.coordina", data)
    [result] = sync_import.import_packages(pair.hq, [path])
    gaps = [c for c in result.summary["conflicts"] if c["errorCode"] == "W_SEQUENCE_GAP"]
    assert result.summary["status"] != "ERROR", result.summary
    assert len(gaps) == 1 and "1–999999999999" in gaps[0]["value"], gaps
    assert len(gaps[0]["value"]) < 200


def _first_value(doc):
    return doc["dataValueSets"][0]["dataValues"][0]


@pytest.mark.parametrize(
    ("edit", "code"),
    [
        (lambda doc: doc["dataValueSets"][0].update(period="209912"), "E_FUTURE_PERIOD"),
        (lambda doc: doc["dataValueSets"][0].update(orgUnit="NTSSA999999"), "E_UNKNOWN_ORGUNIT"),
        (lambda doc: _first_value(doc).update(dataElement="camas_fantasma"), "E_UNKNOWN_VARIABLE"),
        (lambda doc: _first_value(doc).update(value="muchos"), "E_NOT_NUMBER"),
        (lambda doc: _first_value(doc).update(value="-5"), "E_NEGATIVE"),
    ],
)
def test_bad_values_refuse_the_whole_package(pair, db_dump, valid, edit, code):
    data = reforge(pair.hq, pair.identity, valid, doc_edit=edit)
    summary = refused(pair, db_dump, data, code)
    assert summary["rejectedIndexes"], "the offending values are named"
    assert summary["importCount"] == {"imported": 0, "updated": 0, "ignored": 0, "deleted": 0}


def test_replay_and_out_of_order(pair, db_dump):
    first = sync_export.export_package(pair.state, pair.outbox, pair.identity, full=True)
    second = sync_export.export_package(pair.state, pair.outbox, pair.identity, full=True)
    [result] = sync_import.import_packages(pair.hq, [second.path])
    assert result.summary["status"] == "WARNING"
    assert [c["errorCode"] for c in result.summary["conflicts"]] == ["W_SEQUENCE_GAP"]
    refused(pair, db_dump, first.path.read_bytes(), "E_REPLAY", "viejo.coordina")
    # Same UUID, other content: refused; same UUID and hash: the stored summary.
    other = reforge(
        pair.hq, pair.identity, second.path.read_bytes(), doc_edit=lambda doc: _first_value(doc).update(value="7")
    )
    refused(pair, db_dump, other, "E_UUID_REUSED", "mismo-uuid.coordina")


def test_package_for_another_headquarters(pair, db_dump, valid, tmp_path):
    other_hq_data = resign_manifest(valid, pair.identity, lambda m: m.update(hq_id="0123456789abcdef"))
    refused(pair, db_dump, other_hq_data, "E_HQ_MISMATCH")


def test_hq_profile_that_does_not_match_the_one_in_use(pair, tmp_path):
    from app.services.workspace import open_workspace

    other = open_workspace(tmp_path / "otra_hq")
    sync_profile.init_profile(other, "hq")
    sync_profile.export_hq_profile(other, tmp_path / "otra.json")
    other.close()
    with pytest.raises(Exception) as info:
        sync_profile.import_hq_profile(pair.state, tmp_path / "otra.json", confirmed=True)
    assert info.value.code == "E_HQ_MISMATCH"


def test_a_bomb_inside_the_sealed_payload(pair, db_dump, valid, monkeypatch):
    from app.sync import package

    data = reforge(
        pair.hq, pair.identity, valid, doc_edit=lambda doc: doc.update(padding="0" * (64 << 20))
    )  # gzip makes 64 MiB of "0" tiny: sealed, no zip ratio sees it
    monkeypatch.setattr(package, "MAX_PAYLOAD", 32 << 20)
    refused(pair, db_dump, data, "E_TOO_LARGE")


def test_monthly_parts_cannot_be_swapped_or_mixed(pair, db_dump, valid):
    """Each month's part is bound to its name: swapping two parts fails to decrypt, and a
    part holding another month's values is refused."""
    files = entries(valid)
    files["payload/202301.bin"], files["payload/202302.bin"] = (
        files["payload/202302.bin"],
        files["payload/202301.bin"],
    )
    manifest = json.loads(files["manifest.json"])
    for name in ("payload/202301.bin", "payload/202302.bin"):
        manifest["files"][name] = package.sha256(files[name])
    files["manifest.json"] = package.canonical(manifest)
    files["manifest.sig"] = crypto.sign_with_key(files["manifest.json"], pair.identity.private_key)
    refused(pair, db_dump, rezip(files), "E_DECRYPT")

    def into_january(doc):
        for group in doc["dataValueSets"]:
            if group["period"] == "202302":
                group["period"] = "202301"
                break

    mixed = reforge(pair.hq, pair.identity, valid, doc_edit=into_january)
    refused(pair, db_dump, mixed, "E_PAYLOAD")
