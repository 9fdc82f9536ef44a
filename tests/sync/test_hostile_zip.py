"""Hostile zips and JSON (issue 9 defect 4): each is a refusal with its own code, never a crash,
and one bad file in a batch does not stop the others.

The files are made here from a valid package: headers patched with struct (encryption bit,
"version needed" 8.4), entries compressed with LZMA or bzip2 by zipfile itself, a manifest
nested 100,000 deep or holding a 5,000-digit number, and two central records sharing one
entry's bytes.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
import uuid as uuidlib
import zipfile
from pathlib import Path

import pytest

from app.cli import main as cli
from app.services.sync import sync_ack, sync_enrol, sync_export, sync_import, sync_profile
from app.services.workspace import now_iso
from app.storage import sync_repo
from app.sync import package
from app.sync.errors import SyncError
from tests.sync.forge import entries, rezip, write
from tests.sync.test_hostile import refused
from tests.sync.zipcraft import alias_entry, patch, zip_of

ROOT = Path(__file__).resolve().parents[2]
NESTED = b"[" * 100_000 + b"]" * 100_000
PART = "payload/202302.bin"


@pytest.fixture
def valid(pair):
    return sync_export.export_package(pair.state, pair.outbox, pair.identity, full=True).path.read_bytes()


def _manifest_with(valid: bytes, text: bytes) -> bytes:
    files = entries(valid)
    files["manifest.json"] = text
    return rezip(files)


def test_a_deeply_nested_manifest_is_refused(pair, db_dump, valid):
    summary = refused(pair, db_dump, _manifest_with(valid, NESTED), "E_MANIFEST")
    assert "anidamiento" in summary["description"]
    # Nested well below the interpreter's limit, inside an otherwise good manifest: the cap.
    manifest = json.loads(entries(valid)["manifest.json"])
    manifest["scope"] = json.loads("[" * 200 + "]" * 200)
    summary = refused(pair, db_dump, _manifest_with(valid, package.canonical(manifest)), "E_MANIFEST")
    assert "anidamiento" in summary["description"]


def test_a_huge_integer_in_the_manifest_is_refused(pair, db_dump, valid):
    text = entries(valid)["manifest.json"].replace(b'"sequence":1', b'"sequence":' + b"9" * 5000)
    summary = refused(pair, db_dump, _manifest_with(valid, text), "E_MANIFEST")
    assert "cifras" in summary["description"]
    # Fits Python, not SQLite: refused before anything is written.
    text = entries(valid)["manifest.json"].replace(b'"sequence":1', b'"sequence":' + b"9" * 30)
    refused(pair, db_dump, _manifest_with(valid, text), "E_MANIFEST")


@pytest.mark.parametrize("method", [zipfile.ZIP_LZMA, zipfile.ZIP_BZIP2])
@pytest.mark.parametrize("name", ["manifest.json", PART])
def test_an_entry_compressed_with_another_method_is_refused(pair, db_dump, valid, method, name):
    summary = refused(pair, db_dump, zip_of(entries(valid), methods={name: method}), "E_ZIP_METHOD")
    assert name in summary["description"]


@pytest.mark.parametrize("name", ["manifest.json", PART])
def test_the_encryption_bit_is_refused(pair, db_dump, valid, name):
    refused(pair, db_dump, patch(valid, name, flags_or=0x1), "E_ZIP_ENCRYPTED")
    refused(pair, db_dump, patch(valid, name, flags_or=0x40), "E_ZIP_ENCRYPTED")  # strong encryption


def test_a_zip_version_from_the_future_is_refused(pair, db_dump, valid):
    summary = refused(pair, db_dump, patch(valid, PART, version=84), "E_ZIP_VERSION")
    assert "8.4" in summary["description"]


def test_overlapping_entries_are_refused(pair, db_dump, valid):
    refused(pair, db_dump, alias_entry(valid, PART, "payload/202303.bin"), "E_ZIP_OVERLAP")


def test_a_batch_refuses_the_bad_files_and_imports_the_good_one(pair, db_dump, valid):
    bad = {
        "anidado.coordina": (_manifest_with(valid, NESTED), "E_MANIFEST"),
        "lzma.coordina": (zip_of(entries(valid), methods={PART: zipfile.ZIP_LZMA}), "E_ZIP_METHOD"),
        "cifrado.coordina": (patch(valid, "manifest.json", flags_or=1), "E_ZIP_ENCRYPTED"),
        "version.coordina": (patch(valid, PART, version=84), "E_ZIP_VERSION"),
    }
    paths = [write(pair.outbox, name, data) for name, (data, _) in bad.items()]
    good = write(pair.outbox, "bueno.coordina", valid)
    results = sync_import.import_packages(pair.hq, [*paths[:2], good, *paths[2:]])
    by_name = {r.path.name: r.summary for r in results}
    assert by_name["bueno.coordina"]["status"] == "SUCCESS", by_name["bueno.coordina"]
    for name, (_, code) in bad.items():
        assert by_name[name]["status"] == "ERROR"
        assert [c["errorCode"] for c in by_name[name]["conflicts"]] == [code], by_name[name]
    assert len(sync_repo.inbox(pair.hq.conn, "data")) == 1


def test_sync_import_cli_batch_end_to_end(pair, valid):
    """``python main.py sync import GOOD BAD`` on a real HQ directory: the good one is in."""
    good = write(pair.outbox, "bueno.coordina", valid)
    bad = write(pair.outbox, "malo.coordina", _manifest_with(valid, NESTED))
    lzma = write(pair.outbox, "lzma.coordina", zip_of(entries(valid), methods={PART: zipfile.ZIP_LZMA}))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    cmd = [
        sys.executable,
        str(ROOT / "main.py"),
        "--data-dir",
        str(pair.hq.data_dir),
        "sync",
        "import",
        str(bad),
        str(good),
        str(lzma),
    ]
    done = subprocess.run([*cmd, "--json"], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    summaries = {Path(s["file"]).name: s for s in json.loads(done.stdout)}
    assert summaries["bueno.coordina"]["status"] == "SUCCESS"
    assert summaries["bueno.coordina"]["importCount"]["imported"] > 0
    assert summaries["malo.coordina"]["conflicts"][0]["errorCode"] == "E_MANIFEST"
    assert summaries["lzma.coordina"]["conflicts"][0]["errorCode"] == "E_ZIP_METHOD"
    [entry] = sync_repo.inbox(pair.hq.conn, "data")
    assert entry.uuid == package.read(valid, "x").uuid
    state_values = pair.state.conn.execute(
        "SELECT org_unit, period, variable, disaggregation, value FROM data_values ORDER BY 1, 2, 3, 4"
    ).fetchall()
    hq_values = pair.hq.conn.execute(
        "SELECT org_unit, period, variable, disaggregation, value FROM data_values ORDER BY 1, 2, 3, 4"
    ).fetchall()
    assert hq_values == state_values

    # Text output: both listed, the good one on stdout, the refusals with their codes on stderr.
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert "bueno.coordina: SUCCESS" in done.stdout  # already imported: the stored summary
    assert "[E_MANIFEST]" in done.stderr and "[E_ZIP_METHOD]" in done.stderr


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    "content", [NESTED, b'{"format": ' + b"7" * 5000 + b"}", b"\xff\xfe{}", b'{"a": ' + b"[" * 500 + b"]" * 500 + b"}"]
)
def test_profile_and_enrolment_files_with_hostile_json(pair, tmp_path, db_dump, content):
    path = tmp_path / "hostil.json"
    path.write_bytes(content)
    before_state, before_hq = db_dump(pair.state.conn), db_dump(pair.hq.conn)
    with pytest.raises(SyncError) as caught:
        sync_profile.import_hq_profile(pair.state, path, confirmed=True)
    assert caught.value.code == "E_PROFILE_FILE"
    with pytest.raises(SyncError) as caught:
        sync_enrol.import_enrolment(pair.hq, path, confirmed=True)
    assert caught.value.code == "E_ENROL_FILE"
    for argv, code in (
        ([str(pair.state.data_dir), "hq-profile", "import"], "E_PROFILE_FILE"),
        ([str(pair.hq.data_dir), "enrol", "import"], "E_ENROL_FILE"),
    ):
        status, _, err = _run("--data-dir", argv[0], *argv[1:], str(path))
        assert status == 1 and f"[{code}]" in err and "Traceback" not in err
    assert db_dump(pair.state.conn) == before_state and db_dump(pair.hq.conn) == before_hq


def test_an_update_with_nested_json_is_refused(pair, db_dump):
    keys, sign = sync_ack._hq_signer(pair.hq)
    manifest = {
        "kind": "update",
        "uuid": str(uuidlib.uuid4()),
        "created_at": now_iso(),
        "created_by": "hq",
        "state": "18",
        "hq_id": keys.hq_id,
        # A genuine HQ number (issue 11: updates are numbered): only the content is hostile.
        "sequence": sync_ack._reserve_sequence(pair.hq, "18"),
    }
    data = package.build(manifest, {"update.json": gzip.compress(NESTED, mtime=0)}, sign)
    path = write(pair.outbox, "upd.coordina", data)
    before = db_dump(pair.state.conn)
    [result] = sync_import.import_packages(pair.state, [path])
    assert [c["errorCode"] for c in result.summary["conflicts"]] == ["E_PAYLOAD"]
    assert "anidamiento" in result.summary["description"]
    assert db_dump(pair.state.conn) == before
