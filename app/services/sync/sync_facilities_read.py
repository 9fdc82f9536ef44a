"""Reading a received facility registry (no database): every row checked before anything is written."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric import x25519

from app.models.catalog import Catalog
from app.models.facility import Facility, StatusPeriod
from app.models.messages import InputError
from app.services.facilities.registry import validate_facility
from app.sync import package
from app.sync.errors import SyncError

MAX_UNITS = 100_000  # a national registry is ~30,000 units; one state's is a few thousand
MAX_HISTORY = 500  # status periods of one unit
MAX_TEXT = 500  # characters of a name, municipality or jurisdiction
_TEXT_FIELDS = (
    "clues",
    "name",
    "state_code",
    "municipality",
    "jurisdiction",
    "type_code",
    "institution",
    "status",
    "status_since",
)


@dataclass(frozen=True)
class Unit:
    """One unit of a received registry: the facility, when it last changed there, its history."""

    facility: Facility
    updated_at: str
    history: tuple[StatusPeriod, ...]


def _utc(text: str, where: str, index: int) -> str:
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise SyncError(
            "E_REGISTRY", where, InputError("sync_detail.unit_updated_at", index=index, text=text[:40])
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).replace(microsecond=0).isoformat()


def _date(text: object) -> bool:
    if text == "":
        return True
    try:
        return isinstance(text, str) and len(text) == 10 and dt.date.fromisoformat(text).isoformat() == text
    except ValueError:
        return False


def _unit(catalog: Catalog, row: object, state: str, where: str, index: int, signed_at: str) -> Unit:
    if not isinstance(row, dict):
        raise SyncError("E_REGISTRY", where, InputError("sync_detail.unit_not_object", index=index))
    for name in _TEXT_FIELDS + ("updated_at",):
        value = row.get(name)
        if type(value) is not str or len(value) > MAX_TEXT:
            raise SyncError("E_REGISTRY", where, InputError("sync_detail.unit_field", index=index, name=name))
    if type(row.get("level")) is not int or type(row.get("is_demo")) is not bool:
        raise SyncError("E_REGISTRY", where, InputError("sync_detail.unit_field", index=index, name="level/is_demo"))
    clues = row["clues"]
    if row["state_code"] != state:
        other = row["state_code"][:8]
        raise SyncError(
            "E_FACILITY_STATE", where, InputError("sync_detail.facility_state", clues=clues[:20], state=other)
        )
    fac = Facility(**{name: row[name] for name in Facility.__dataclass_fields__})
    try:
        checked = validate_facility(catalog, fac)
    except InputError as exc:
        if exc.code == "state_mismatch":  # the CLUES says another state, whatever the row claims
            raise SyncError("E_FACILITY_STATE", where, clues[:20]) from None
        raise SyncError(
            "E_REGISTRY", where, InputError("sync_detail.unit_refused", index=index, clues=clues[:20], reason=exc)
        ) from None
    if checked != fac:  # a registry is sent as stored: normalised already
        raise SyncError("E_REGISTRY", where, InputError("sync_detail.unit_not_normal", index=index, clues=clues[:20]))
    history = row.get("history")
    if not isinstance(history, list) or len(history) > MAX_HISTORY:
        raise SyncError("E_REGISTRY", where, InputError("sync_detail.unit_history", index=index, clues=clues[:20]))
    periods = []
    for item in history:
        if (
            not isinstance(item, list)
            or len(item) != 3
            or item[0] not in catalog.operating_status
            or not _date(item[1])
            or not _date(item[2])
        ):
            raise SyncError(
                "E_REGISTRY", where, InputError("sync_detail.unit_history_period", index=index, clues=clues[:20])
            )
        periods.append(StatusPeriod(*item))
    # A sender's clock cannot put a change after the package was signed (it would always win).
    updated = min(_utc(row["updated_at"], where, index), signed_at)
    return Unit(fac, updated, tuple(periods))


def parse_units(catalog: Catalog, rows: object, state: str, where: str, signed_at: str) -> list[Unit]:
    """Every row checked (see the module's docstring); raises SyncError for the first bad one."""
    if not isinstance(rows, list) or len(rows) > MAX_UNITS:
        raise SyncError("E_REGISTRY", where, InputError("sync_detail.facilities_list"))
    signed = _utc(signed_at, where, 0)
    units = [_unit(catalog, row, state, where, index, signed) for index, row in enumerate(rows)]
    seen: set[str] = set()
    for unit in units:
        if unit.facility.clues in seen:
            raise SyncError("E_REGISTRY", where, f"{unit.facility.clues} repetida")
        seen.add(unit.facility.clues)
    return units


def open_registry(
    catalog: Catalog, raw: package.RawPackage, sealed: bytes | None, state: str, enc_private: bytes
) -> list[Unit]:
    """Decrypt and check a data package's registry part (none: no units)."""
    if sealed is None:
        return []
    private = x25519.X25519PrivateKey.from_private_bytes(enc_private)
    name = package.REGISTRY_PART
    plain = package.open_part(sealed, private, raw.uuid, name, raw.where)
    doc = package.gunzip_json(plain, raw.where)
    if doc.get("state") != state or type(doc.get("full")) is not bool:
        raise SyncError("E_REGISTRY", raw.where, InputError("sync_detail.named", name="state/full"))
    units = parse_units(catalog, doc.get("facilities"), state, raw.where, raw.manifest["created_at"])
    scope = raw.manifest.get("scope")
    claimed = scope.get("facilities") if isinstance(scope, dict) else None
    if type(claimed) is int and claimed != len(units):  # the signed count must be what came
        raise SyncError(
            "E_SCOPE",
            raw.where,
            InputError("sync_detail.scope_count", name="facilities", claimed=claimed, found=len(units)),
        )
    return units
