"""What HQ checks of a data package's signed claims beyond its signature (issue 11 holes 6-8).

A signature proves who made a manifest, not that what it claims is consistent or true:

- **identity** (hole 6): a package is its signed manifest (uuid + SHA-256 of the manifest
  bytes), so a re-wrapped zip is the same package and the genuine file is not refused;
- **scope** (hole 8): the manifest's ``scope`` (periods, org units, variables, counts of
  values and tombstones) must describe exactly what the parts hold (``E_SCOPE``);
- **previous_sha256** (hole 8): the identity of the device's previous package. A first
  package names none; a named package HQ holds must be an earlier one of the same device
  (``E_CHAIN``). One HQ does not hold is allowed (it may be lost on the way, or the state
  restored a backup: sequences go on, the chain restarts), and when HQ holds the package
  just before and it is not the one named, that is flagged (``W_CHAIN``), not refused;
- **times** (hole 7): a value's ``updated_at`` decides conflicts, so it is bounded by the
  package's signing time (itself bounded by HQ's clock); later ones are flagged
  (``W_CLOCK_SKEW``) and the signing time is kept instead;
- **author**: the change log names the registered signer (subject and certificate
  fingerprint), with the name the sender claimed beside it.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from app.models.import_summary import ImportConflict
from app.models.messages import InputError, text
from app.storage import sync_repo
from app.storage.sync_repo import InboxEntry
from app.sync import package
from app.sync.errors import SyncError
from app.sync.package import RawPackage

#: How far ahead of HQ's clock a signing time may be before it is called skew.
CLOCK_TOLERANCE = dt.timedelta(minutes=5)
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
#: Scope fields and their types (``facilities`` is the registry part's count, optional).
_SCOPE: dict[str, type[Any]] = {
    "full": bool,
    "periods": list,
    "org_units": list,
    "variables": list,
    "values": int,
    "tombstones": int,
}


def check_same(stored: InboxEntry, raw: RawPackage) -> None:
    """The UUID was imported before: fine if it is the same signed manifest, else E_UUID_REUSED."""
    if not sync_repo.same_package(stored.sha256, stored.manifest_sha256, raw.sha256, raw.manifest_sha256):
        raise SyncError("E_UUID_REUSED", raw.where, raw.uuid)


def check_previous(conn: sqlite3.Connection, raw: RawPackage, state: str, lang: str = "es") -> list[ImportConflict]:
    """``previous_sha256`` against the packages HQ holds (see the module's docstring).

    Raises E_MANIFEST (malformed) or E_CHAIN (impossible); returns W_CHAIN warnings.
    """
    m, where = raw.manifest, raw.where
    previous, sequence, device = m.get("previous_sha256"), m.get("sequence"), m.get("device")
    assert isinstance(sequence, int) and isinstance(device, str)  # the caller checked them first
    if previous is not None and (not isinstance(previous, str) or not _HEX64.match(previous)):
        raise SyncError("E_MANIFEST", where, "previous_sha256")
    if sequence == 1 and previous is not None:
        raise SyncError("E_CHAIN", where, InputError("sync_detail.chain_first"))
    if previous is None:
        return []  # a device whose earlier exports never reached a file names none
    named = sync_repo.inbox_by_identity(conn, previous)
    if named is not None:
        if named.state_code != state or named.device_id != device or (named.sequence or 0) >= sequence:
            raise SyncError(
                "E_CHAIN", where, InputError("sync_detail.chain_other", previous=previous[:12], sequence=named.sequence)
            )
        if named.sequence == sequence - 1:
            return []
    before = sync_repo.inbox_by_sequence(conn, state, device, sequence - 1)
    if before is None:
        return []
    return [
        {
            "object": f"{state} {str(device)[:8]}",
            "value": text("sync_note.chain", lang, sequence=sequence, previous=sequence - 1),
            "errorCode": "W_CHAIN",
            "property": "previous_sha256",
            "indexes": [],
        }
    ]


@dataclass
class ScopeTally:
    """What the parts really held, to compare with the manifest's ``scope`` at the end."""

    scope: dict[str, Any]
    values: int = 0
    tombstones: int = 0
    org_units: set[str] = field(default_factory=set)
    variables: set[str] = field(default_factory=set)

    def add(self, received: Sequence[tuple], org: int = 0, variable: int = 2, deleted: int = 13) -> None:
        """Count one month's received values (tuples of :mod:`app.services.sync.sync_values`)."""
        for item in received:
            if item[deleted]:
                self.tombstones += 1
            else:
                self.values += 1
        self.org_units.update(item[org] for item in received)
        self.variables.update(item[variable] for item in received)

    def check(self, raw: RawPackage) -> None:
        """E_SCOPE when the parts did not hold what the signed scope says.

        Called after the values were validated, so a bad value is blamed on itself first.
        """
        s, where = self.scope, raw.where
        parts = [period for _name, period in package.payload_parts(raw)]
        if sorted(s["periods"]) != parts:
            declared, held = ", ".join(s["periods"][:6]), ", ".join(parts[:6])
            raise SyncError("E_SCOPE", where, InputError("sync_detail.scope_periods", claimed=declared, parts=held))
        for name, found, claimed in (
            ("values", self.values, s["values"]),
            ("tombstones", self.tombstones, s["tombstones"]),
        ):
            if found != claimed:
                raise SyncError(
                    "E_SCOPE", where, InputError("sync_detail.scope_count", name=name, claimed=claimed, found=found)
                )
        for name, found_set in (("org_units", self.org_units), ("variables", self.variables)):
            claimed_set = set(s[name])
            if found_set != claimed_set:
                extra = sorted(found_set - claimed_set)[:3] or sorted(claimed_set - found_set)[:3]
                items = ", ".join(map(str, extra))
                raise SyncError("E_SCOPE", where, InputError("sync_detail.scope_items", name=name, items=items))


def check_scope(raw: RawPackage) -> ScopeTally:
    """The scope's shape (before decrypting); :meth:`ScopeTally.check` compares the rest."""
    scope, where = raw.manifest.get("scope"), raw.where
    if not isinstance(scope, dict):
        raise SyncError("E_SCOPE", where, InputError("sync_detail.scope_missing"))
    for name, kind in _SCOPE.items():
        value: Any = scope.get(name)
        if type(value) is not kind:
            raise SyncError("E_SCOPE", where, InputError("sync_detail.named", name=name))
        if kind is int and value < 0:
            raise SyncError("E_SCOPE", where, InputError("sync_detail.named_value", name=name, value=value))
        if kind is list and not all(isinstance(item, str) for item in value):
            raise SyncError("E_SCOPE", where, InputError("sync_detail.named", name=name))
    extra = scope.get("facilities")
    if extra is not None and (type(extra) is not int or extra < 0):
        raise SyncError("E_SCOPE", where, InputError("sync_detail.named", name="facilities"))
    return ScopeTally(scope)


def _utc(text: str) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)  # Coordina writes UTC; a naive one is read as such
    return moment.astimezone(dt.UTC)


def iso(moment: dt.datetime) -> str:
    """The stored form of a time (``now_iso``'s): UTC, seconds, ``+00:00``."""
    return moment.astimezone(dt.UTC).replace(microsecond=0).isoformat()


def signing_bound(raw: RawPackage, now: str, lang: str = "es") -> tuple[str, list[ImportConflict]]:
    """(latest time a value of this package may carry, warnings).

    The package's signing time (``created_at``, signed), but never after HQ's clock: a
    manifest signed "in the future" is flagged as clock skew.
    """
    here = _utc(now) or dt.datetime.now(dt.UTC)
    signed = _utc(raw.manifest.get("created_at", "")) or here
    if signed > here + CLOCK_TOLERANCE:
        return iso(here), [
            {
                "object": raw.where,
                "value": text("sync_note.signed_later", lang, signed=iso(signed), now=iso(here)),
                "errorCode": "W_CLOCK_SKEW",
                "property": "created_at",
                "indexes": [],
            }
        ]
    return iso(min(signed, here)), []


def bounded_time(text: object, bound: str) -> str | None:
    """``text`` as a stored time if it is not after ``bound``; None when it must be replaced.

    The common case (a stored-form time not after the bound) costs a string comparison.
    """
    if type(text) is str and len(text) == 25 and text.endswith("+00:00") and text <= bound:
        return text
    moment = _utc(text) if isinstance(text, str) else None
    if moment is None:
        return None
    normal = iso(moment)
    return normal if normal <= bound else None


def skew_note(count: int, bound: str, lang: str = "es") -> list[ImportConflict]:
    """The W_CLOCK_SKEW notice for values dated after the package was signed."""
    if not count:
        return []
    return [
        {
            "object": "updated_at",
            "value": text("sync_note.values_later", lang, count=count, bound=bound),
            "errorCode": "W_CLOCK_SKEW",
            "property": "updated_at",
            "indexes": [],
        }
    ]


def author(registered_name: str, fingerprint: str) -> str:
    """Who the change log names for a package's values: the registered signer's certificate."""
    return f"{registered_name} [cert {fingerprint[:16]}]"


def logged_author(signer: str, claimed: object) -> str:
    """The change log's user: the signer, with the sender's claimed ``updated_by`` beside it."""
    claimed_text = str(claimed or "")[:80]
    return f"{signer} (declara: {claimed_text})" if claimed_text else signer
