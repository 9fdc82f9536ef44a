"""A state and headquarters enrolled with each other, for the outbox and check tests.

The same trust setup as ``tests/sync/conftest.py`` (HQ profile → state, enrolment → HQ),
built here so these tests do not depend on another folder's conftest.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from app.reports.signing.identity import Identity
from app.services.summary import identity as identities
from app.services.sync import sync_enrol, sync_profile
from app.services.workspace import Workspace, open_workspace
from app.storage.database import DB_FILENAME

PASSPHRASE = b"frase de paso"
PASSPHRASE_ENV = "COORDINA_TEST_PASSPHRASE"


@dataclass
class Pair:
    state: Workspace
    hq: Workspace
    identity: Identity
    usb: Path
    p12: Path


def make_pair(nayarit_demo_db: Path, root: Path) -> Pair:
    """HQ and the Nayarit demo state in ``root``, with the state's identity registered at HQ."""
    exchange = root / "usb"
    exchange.mkdir(parents=True)
    hq = open_workspace(root / "hq", user="analista")
    sync_profile.init_profile(hq, "hq")
    sync_profile.export_hq_profile(hq, root / "hq.json")
    # HQ's registry starts empty: the state's units reach it in its packages (issue 11).
    folder = root / "nayarit"
    folder.mkdir()
    shutil.copy(nayarit_demo_db, folder / DB_FILENAME)
    state = open_workspace(folder, user="ana")
    sync_profile.init_profile(state, "state", "18", name="Ana Núñez", position="Coordinadora estatal")
    sync_profile.import_hq_profile(state, root / "hq.json", confirmed=True)
    p12 = root / "ana.p12"
    identity = identities.create_identity_file(state, "Ana Núñez", "Coordinadora estatal", "18", p12, PASSPHRASE)
    sync_enrol.export_enrolment(state, root / "enrol.json")
    sync_enrol.import_enrolment(hq, root / "enrol.json", confirmed=True)
    return Pair(state, hq, identity, exchange, p12)
