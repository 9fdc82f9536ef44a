"""A state and headquarters, each with its own data directory, enrolled with each other.

``pair`` builds the whole trust setup the way people do it: HQ creates its keys and
exports its profile, the state imports it; the coordinator creates her identity, exports
her enrolment, HQ registers it. HQ starts with an empty facility registry, as a new HQ does: the
state's units reach it in the state's packages (issue 11).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.reports.signing.identity import Identity
from app.services.summary import identity as identities
from app.services.sync import sync_enrol, sync_profile
from app.services.workspace import Workspace, open_workspace
from app.storage.database import DB_FILENAME

PASSPHRASE = b"frase de paso"


@dataclass
class Pair:
    state: Workspace
    hq: Workspace
    identity: Identity
    outbox: Path  # the "USB stick"
    p12: Path


def make_state(
    nayarit_demo_db: Path, folder: Path, hq: Workspace, exchange: Path, user: str = "ana"
) -> tuple[Workspace, Identity, Path]:
    folder.mkdir(parents=True)
    shutil.copy(nayarit_demo_db, folder / DB_FILENAME)
    state = open_workspace(folder, user=user)
    sync_profile.init_profile(state, "state", "18", name="Ana Núñez", position="Coordinadora estatal")
    sync_profile.import_hq_profile(state, exchange / "hq.json", confirmed=True)
    p12 = folder / "ana.p12"
    identity = identities.create_identity_file(state, "Ana Núñez", "Coordinadora estatal", "18", p12, PASSPHRASE)
    enrol = exchange / f"enrol-{user}.json"
    sync_enrol.export_enrolment(state, enrol)
    sync_enrol.import_enrolment(hq, enrol, confirmed=True)
    return state, identity, p12


@pytest.fixture
def pair(nayarit_demo_db: Path, tmp_path: Path):
    exchange = tmp_path / "usb"
    exchange.mkdir()
    hq = open_workspace(tmp_path / "hq", user="analista")
    sync_profile.init_profile(hq, "hq")
    sync_profile.export_hq_profile(hq, exchange / "hq.json")
    state, identity, p12 = make_state(nayarit_demo_db, tmp_path / "nayarit", hq, exchange)
    yield Pair(state, hq, identity, exchange, p12)
    state.close()
    hq.close()
