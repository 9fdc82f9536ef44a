"""Issue 11 holes 2 and 4, attacker's view: an HQ profile or an enrolment is trusted only after
its fingerprint is compared over the phone, and that fingerprint covers what matters."""

from __future__ import annotations

import base64
import io
import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519

from app.cli import main as cli
from app.services.summary import identity as identities
from app.services.sync import sync_enrol, sync_profile
from app.services.workspace import open_workspace
from app.storage import sync_repo
from app.sync import crypto
from app.sync.errors import SyncError
from tests.conftest import dump

HQ_PASS = b"caballo-correcto-bateria"


def _hq(folder: Path, out: Path):
    ws = open_workspace(folder, user="analista")
    sync_profile.init_profile(ws, "hq", passphrase=HQ_PASS)
    fp = sync_profile.export_hq_profile(ws, out)
    return ws, fp


def _state(folder: Path):
    ws = open_workspace(folder, user="ana")
    sync_profile.init_profile(ws, "state", "18", name="Ana")
    return ws


@pytest.fixture
def world(tmp_path: Path):
    real, real_fp = _hq(tmp_path / "hq", tmp_path / "hq.json")
    evil, evil_fp = _hq(tmp_path / "atacante", tmp_path / "falso.json")
    state = _state(tmp_path / "nayarit")
    yield {"real": real, "real_fp": real_fp, "evil": evil, "evil_fp": evil_fp, "state": state, "root": tmp_path}
    for ws in (real, evil, state):
        ws.close()


def _code(call) -> str:
    with pytest.raises(SyncError) as caught:
        call()
    return caught.value.code


# -- hole 2: nothing stored before the fingerprint is compared ----------------------------------


def test_attacker_profile_imported_without_confirmation_stores_nothing(world):
    state, root = world["state"], world["root"]
    before = dump(state.conn)
    assert _code(lambda: sync_profile.import_hq_profile(state, root / "falso.json")) == "E_FINGERPRINT_UNCONFIRMED"
    assert dump(state.conn) == before and sync_repo.get_hq_keys(state.conn) is None
    # the CLI, not at a terminal and without --fingerprint: the same refusal, the fingerprint shown
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(
        ["--data-dir", str(state.data_dir), "hq-profile", "import", str(root / "falso.json")], out=out, err=err
    )
    assert code == 1 and "E_FINGERPRINT_UNCONFIRMED" in err.getvalue()
    assert world["evil_fp"] in err.getvalue()
    assert dump(state.conn) == before


def test_fingerprint_read_over_the_phone_must_match_the_file(world):
    state, root = world["state"], world["root"]
    before = dump(state.conn)
    # the attacker's file, with the real HQ's fingerprint read over the phone
    assert (
        _code(lambda: sync_profile.import_hq_profile(state, root / "falso.json", world["real_fp"]))
        == "E_FINGERPRINT_MISMATCH"
    )
    assert dump(state.conn) == before
    keys, fp = sync_profile.import_hq_profile(state, root / "hq.json", world["real_fp"].lower())
    assert fp == world["real_fp"] and keys.hq_id == sync_profile.hq_public(world["real"]).hq_id


def test_an_unconfirmed_profile_is_replaced_by_the_confirmed_one(world):
    state, root = world["state"], world["root"]
    # what a Coordina before issue 11 did: the attacker's profile stored unconfirmed
    evil = sync_profile.parse_hq_profile(root / "falso.json")
    with state.db.atomic():
        sync_repo.set_hq_keys(state.conn, evil, "2026-01-01T00:00:00+00:00")
    assert not sync_profile.hq_profile_confirmed(state)
    sync_profile.import_hq_profile(state, root / "hq.json", world["real_fp"])
    assert sync_repo.get_hq_keys(state.conn).hq_id == sync_profile.hq_public(world["real"]).hq_id
    assert sync_profile.hq_profile_confirmed(state)
    actions = [row[2] for row in sync_repo.registration_log(state.conn)]
    assert actions == ["hq_replace"]


def test_a_confirmed_profile_is_not_replaced_by_another_hq(world):
    state, root = world["state"], world["root"]
    sync_profile.import_hq_profile(state, root / "hq.json", world["real_fp"])
    before = dump(state.conn)
    assert _code(lambda: sync_profile.import_hq_profile(state, root / "falso.json", confirmed=True)) == "E_HQ_MISMATCH"
    assert dump(state.conn) == before


def test_rotation_signed_by_the_old_key_is_accepted_and_logged(world):
    state, real, root = world["state"], world["real"], world["root"]
    sync_profile.import_hq_profile(state, root / "hq.json", world["real_fp"])
    old_id = sync_repo.get_hq_keys(state.conn).hq_id
    new_fp = sync_profile.rotate_hq_keys(real, HQ_PASS)
    assert sync_profile.export_hq_profile(real, root / "nuevo.json") == new_fp
    # no phone call: the old key vouches for the new one
    keys, fp = sync_profile.import_hq_profile(state, root / "nuevo.json")
    assert fp == new_fp and keys.hq_id != old_id
    assert sync_repo.get_hq_keys(state.conn).hq_id == keys.hq_id
    log = sync_repo.registration_log(state.conn)
    assert log[-1][2] == "hq_rotate" and old_id in log[-1][5]


def test_rotation_not_signed_by_the_old_key_is_refused(world):
    state, real, evil, root = world["state"], world["real"], world["evil"], world["root"]
    sync_profile.import_hq_profile(state, root / "hq.json", world["real_fp"])
    before = dump(state.conn)
    # the attacker claims to rotate the real HQ's keys, endorsing her keys with her own key
    doc = json.loads((root / "falso.json").read_text())
    real_keys = sync_profile.hq_public(real)
    evil_keys = sync_profile.hq_keys(evil)
    evil_sign = ed25519.Ed25519PrivateKey.from_private_bytes(evil_keys.sign_private)
    body = sync_profile.ROTATION_CONTEXT + evil_keys.sign_public + evil_keys.enc_public
    doc["rotated_from"] = {
        "hq_id": real_keys.hq_id,
        "sign_public": base64.b64encode(real_keys.sign_public).decode(),
        "signature": base64.b64encode(crypto.sign_ed25519(body, evil_sign)).decode(),
    }
    doc.pop("signature")
    doc["signature"] = base64.b64encode(crypto.sign_ed25519(sync_profile._canonical(doc), evil_sign)).decode()
    forged = root / "rotacion-falsa.json"
    forged.write_text(json.dumps(doc))
    assert _code(lambda: sync_profile.import_hq_profile(state, forged)) == "E_HQ_ROTATION"
    assert _code(lambda: sync_profile.import_hq_profile(state, forged, confirmed=True)) == "E_HQ_ROTATION"
    assert dump(state.conn) == before


# -- hole 4: the enrolment's state is in the fingerprint read over the phone ---------------------


def _enrolled_state(world):
    state, root = world["state"], world["root"]
    identities.create_identity_file(state, "Ana Núñez", "Coordinadora", "18", root / "ana.p12", b"frase de paso")
    fp = sync_enrol.export_enrolment(state, root / "enrol.json")
    return fp, root / "enrol.json"


def test_enrolment_edited_from_18_to_09_fails_the_phone_comparison(world):
    hq, root = world["real"], world["root"]
    fp, enrol = _enrolled_state(world)
    edited = root / "enrol-09.json"
    edited.write_text(enrol.read_text(encoding="utf-8").replace('"state": "18"', '"state": "09"'), encoding="utf-8")
    assert '"state": "09"' in edited.read_text(encoding="utf-8")
    before = dump(hq.conn)
    assert _code(lambda: sync_enrol.import_enrolment(hq, edited, fingerprint=fp)) == "E_FINGERPRINT_MISMATCH"
    assert dump(hq.conn) == before and sync_enrol.registrations(hq) == []
    # what HQ would read back for the edited file differs from what the coordinator read
    assert sync_enrol.enrolment_preview(hq, edited)[2] != fp
    reg = sync_enrol.import_enrolment(hq, enrol, fingerprint=fp)
    assert reg.state_code == "18"


def test_enrolment_without_confirmation_stores_nothing(world):
    hq = world["real"]
    _fp, enrol = _enrolled_state(world)
    before = dump(hq.conn)
    assert _code(lambda: sync_enrol.import_enrolment(hq, enrol)) == "E_FINGERPRINT_UNCONFIRMED"
    assert dump(hq.conn) == before


def test_enrolment_fingerprint_covers_certificate_and_state():
    cert = "ab" * 32
    assert sync_profile.enrolment_fingerprint(cert, "18") != sync_profile.enrolment_fingerprint(cert, "09")
    assert sync_profile.enrolment_fingerprint(cert, "18") != sync_profile.enrolment_fingerprint("cd" * 32, "18")
