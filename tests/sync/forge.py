"""Build hostile packages from a valid one: the test corpus of issue 4's bad input."""

from __future__ import annotations

import io
import json
import warnings
import zipfile
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import x25519

from app.services.sync import sync_profile
from app.sync import crypto, package


def payload_of(hq_ws, data: bytes) -> tuple[dict, dict]:
    """(manifest, payload document) of a valid package, its monthly parts decrypted and joined."""
    raw = package.read(data, "x")
    keys = sync_profile.hq_keys(hq_ws)
    private = x25519.X25519PrivateKey.from_private_bytes(keys.enc_private)
    groups = []
    for name, _period in package.payload_parts(raw):
        plain = crypto.open_sealed(raw.files[name], private, package.part_aad(raw.uuid, name))
        groups += package.gunzip_json(plain, "x")["dataValueSets"]
    return dict(raw.manifest), {"dataValueSets": groups}


def registry_of(hq_ws, data: bytes) -> dict | None:
    """The decrypted facility registry part of a valid package (None if it has none)."""
    raw = package.read(data, "x")
    if package.REGISTRY_PART not in raw.files:
        return None
    keys = sync_profile.hq_keys(hq_ws)
    private = x25519.X25519PrivateKey.from_private_bytes(keys.enc_private)
    name = package.REGISTRY_PART
    return package.gunzip_json(crypto.open_sealed(raw.files[name], private, package.part_aad(raw.uuid, name)), "x")


def scope_of(doc: dict, registry: dict | None, full: bool) -> dict:
    """The manifest ``scope`` that describes ``doc`` (and the registry) exactly."""
    groups = doc["dataValueSets"]
    values = [v for g in groups for v in g.get("dataValues", [])]
    tombstones = sum(1 for v in values if v.get("deleted"))
    scope = {
        "full": full,
        "periods": sorted({str(g["period"]) for g in groups}),
        "org_units": sorted({g["orgUnit"] for g in groups if g.get("dataValues")}),
        "variables": sorted({v["dataElement"] for v in values}),
        "values": len(values) - tombstones,
        "tombstones": tombstones,
    }
    if registry is not None:
        scope["facilities"] = len(registry.get("facilities") or [])
    return scope


def reforge(
    hq_ws, identity, data: bytes, manifest_edit=None, doc_edit=None, registry_edit=None, fix_scope: bool = False
) -> bytes:
    """A package re-signed by ``identity`` after editing its manifest, payload and/or registry.

    The edited document is split into monthly parts again by each group's period; the
    registry part is sealed again for the (possibly edited) package UUID.
    """
    manifest, doc = payload_of(hq_ws, data)
    registry = registry_of(hq_ws, data)
    if registry_edit:
        registry = registry_edit(registry) or registry
    if doc_edit:
        doc_edit(doc)
    keys = sync_profile.hq_keys(hq_ws)
    for name in ("format", "format_version", "files"):
        manifest.pop(name, None)
    if fix_scope:  # the edit is what is under test, not a scope that no longer matches
        manifest["scope"] = scope_of(doc, registry if isinstance(registry, dict) else None, manifest["scope"]["full"])
    if manifest_edit:
        manifest_edit(manifest)
    recipient = x25519.X25519PublicKey.from_public_bytes(keys.enc_public)
    extra = {k: v for k, v in doc.items() if k != "dataValueSets"}
    months: dict[str, list] = {}
    for group in doc["dataValueSets"]:
        months.setdefault(str(group.get("period")), []).append(group)
    content = {}
    if registry is not None:
        name = package.REGISTRY_PART
        content[name] = crypto.seal(package.gzip_json(registry), recipient, package.part_aad(manifest["uuid"], name))
    for period, groups in months.items():
        name = package.part_name(period if period.isdigit() and len(period) == 6 else "202301")
        part = {"dataValueSets": groups, **extra}
        content[name] = crypto.seal(package.gzip_json(part), recipient, package.part_aad(manifest["uuid"], name))
    return package.build(manifest, content, lambda body: crypto.sign_with_key(body, identity.private_key))


def resign_manifest(data: bytes, identity, edit) -> bytes:
    """The same files with ``edit(manifest_dict)`` applied to the manifest, re-signed."""
    files = entries(data)
    manifest = json.loads(files["manifest.json"])
    edit(manifest)
    files["manifest.json"] = package.canonical(manifest)
    files["manifest.sig"] = crypto.sign_with_key(files["manifest.json"], identity.private_key)
    return rezip(files)


def rezip(files: dict[str, bytes], duplicate: str | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
        if duplicate:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                archive.writestr(duplicate, files[duplicate])
    return out.getvalue()


def entries(data: bytes) -> dict[str, bytes]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {n: archive.read(n) for n in archive.namelist()}


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path
