"""National synthetic data for the sync benchmarks: HQ, enrolled states, signed packages.

The reference year of issue 4: 23 states × 12 months × ~10,400 facilities × ~40 variables
(≈ 5 M values). Packages are built with the same code a state uses (``data_value_sets``,
sealing, signing), straight from generated values, so the generator does not need 23 state
databases. ``python -m tests.bench.sync_generator DIR STATES MONTHS`` writes a world to DIR.
"""

from __future__ import annotations

import json
import random
import sys
import uuid as uuidlib
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import x25519

from app.models.dhis2 import data_value_sets
from app.models.facility import Facility
from app.models.values import DataValue, ValueKey
from app.reports.signing import identity as ident
from app.services.sync import sync_profile
from app.services.workspace import open_workspace
from app.storage import facilities_repo
from app.sync import crypto, package

FACILITIES_PER_STATE = 452  # 23 × 452 ≈ 10,400
TYPES = (("HG", 2), ("HIC", 2), ("CSR", 1), ("CSR", 1), ("CSU", 1), ("CSR", 1), ("UMM", 1))


def _value(variable, rng: random.Random):
    if variable.value_type == "boolean":
        return float(rng.randint(0, 1))
    if variable.value_type == "text":
        return variable.options[0].code if variable.options else "operando"
    high = variable.max_value if variable.max_value is not None else 5000
    low = variable.min_value or 0
    if variable.unit == "percent" or high <= 100:
        return float(rng.randint(int(low), int(high)))
    return float(rng.randint(int(low), int(min(high, 5000))))


def _side(value: DataValue) -> dict:
    return {
        "uuid": value.uuid,
        "version": 1,
        "base_version": 0,
        "updated_at": value.updated_at,
        "updated_by": value.updated_by,
        "provisional": False,
    }


def build_world(root: Path, states: int = 23, months: int = 12, seed: int = 7) -> dict:
    """HQ database with registered coordinators and one signed package per state."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    hq = open_workspace(root / "hq", user="analista")
    sync_profile.init_profile(hq, "hq")
    keys = sync_profile.hq_keys(hq)
    recipient = x25519.X25519PublicKey.from_public_bytes(keys.enc_public)
    codes = sorted(hq.catalog.states)[:states]
    columns = [c for c in hq.catalog.columns() if c.variable.level == "facility"]
    periods = [f"2023{m:02d}" for m in range(1, months + 1)]
    packages, total = [], 0
    all_facilities = []
    for code in codes:
        state = hq.catalog.states[code]
        facilities = [
            Facility(
                f"{state.clues_prefix or state.short_code[:2]}SSA{n:06d}",
                f"Unidad {n}",
                code,
                *TYPES[n % len(TYPES)],
                "Municipio",
            )
            for n in range(1, FACILITIES_PER_STATE + 1)
        ]
        all_facilities += facilities
        identity = ident.load_pkcs12(
            ident.create_identity(f"Coordinación {state.name}", "Coordinadora", state.name, b"pw"), b"pw"
        )
        reg = sync_profile.certificate_fingerprint(identity.certificate)
        hq.conn.execute(
            "INSERT INTO registrations (fingerprint, state_code, name, certificate, registered_at, "
            "registered_by) VALUES (?, ?, ?, ?, '2023-01-01', 'bench')",
            (reg, code, identity.name, ident.certificate_pem(identity.certificate)),
        )
        values = [
            DataValue(
                ValueKey(f.clues, p, col.variable.code, col.key[1]),
                _value(col.variable, rng),
                "",
                False,
                False,
                str(uuidlib.uuid4()),
                1,
                "2023-03-01T00:00:00+00:00",
                "coord",
            )
            for f in facilities
            for p in periods
            for col in columns
        ]
        total += len(values)
        pkg_uuid = str(uuidlib.uuid4())
        content = {}
        for period in periods:
            name = package.part_name(period)
            doc = data_value_sets([v for v in values if v.key.period == period], side=_side)
            content[name] = crypto.seal(package.gzip_json(doc), recipient, package.part_aad(pkg_uuid, name))
        manifest = {
            "kind": "data",
            "uuid": pkg_uuid,
            "created_at": "2023-03-02T00:00:00+00:00",
            "created_by": "coord",
            "state": code,
            "device": f"device-{code}",
            "sequence": 1,
            "previous_sha256": None,
            "base_sequence": 0,
            "hq_id": keys.hq_id,
            "scope": {"full": True, "periods": periods, "values": len(values), "tombstones": 0},
            "signer": {"certificate": ident.certificate_pem(identity.certificate).decode(), "fingerprint": reg},
        }
        data = package.build(manifest, content, lambda body, key=identity.private_key: crypto.sign_with_key(body, key))
        path = root / f"{state.short_code}_{periods[-1]}_0001.coordina"
        path.write_bytes(data)
        packages.append(str(path))
        del values, content
    with hq.db.atomic():
        facilities_repo.upsert_facilities(hq.conn, all_facilities, "2023-01-01T00:00:00+00:00")
    hq.close()
    info = {
        "packages": packages,
        "values": total,
        "bytes": sum(Path(p).stat().st_size for p in packages),
        "hq": str(root / "hq"),
        "states": len(codes),
        "months": months,
        "facilities": len(all_facilities),
    }
    (root / "world.json").write_text(json.dumps(info, indent=2))
    return info


if __name__ == "__main__":
    print(json.dumps(build_world(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])), indent=2))
