"""Package files: ``manifest.json`` + ``manifest.sig`` + content, in a zip (DESIGN.md §6).

Three kinds share the layout:

- ``data`` (state → HQ): ``payload/YYYYMM.bin``, one part per month, each the month's
  dataValueSets JSON gzipped and sealed to HQ's X25519 key (HQ reads one month at a time, so
  a year of a large state never has to sit in memory at once); the manifest is signed with the coordinator's X.509 key and carries her
  certificate; signed PDFs may ride along under ``pdf/``;
- ``ack`` (HQ → state): ``ack.json`` says what arrived and what was flagged;
- ``update`` (HQ → state): ``update.json`` with new facilities, catalog version or targets.

``ack`` and ``update`` are signed with HQ's Ed25519 key and not encrypted. The manifest
lists the SHA-256 of every other file, so a changed byte anywhere is caught: in the manifest
by its signature, elsewhere by its hash. Nothing here touches the database.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import re
import zlib
from dataclasses import dataclass

from .archive import read_zip, write_zip
from .errors import SyncError

FORMAT = "coordina-package"
FORMAT_VERSION = 1
KINDS = ("data", "ack", "update")
CONTENT = {"ack": "ack.json", "update": "update.json"}  # data packages carry payload parts
PART = re.compile(r"payload/(\d{4})(0[1-9]|1[0-2])\.bin")
MAX_PAYLOAD = 512 << 20  # 512 MiB of JSON after gunzip: a reference year is ~1 GB for 23 states
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def canonical(doc: dict) -> bytes:
    """Stable JSON bytes: what is hashed and signed."""
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True)
class RawPackage:
    """A package read and shape-checked, before any signature or decryption."""

    where: str
    sha256: str  # of the whole file: the package's identity with its UUID
    manifest: dict
    manifest_bytes: bytes
    signature: bytes
    files: dict[str, bytes]

    @property
    def kind(self) -> str:
        return self.manifest["kind"]

    @property
    def uuid(self) -> str:
        return self.manifest["uuid"]


def build(manifest: dict, content: dict[str, bytes], sign) -> bytes:
    """Zip ``content`` with its manifest; ``sign(manifest_bytes) -> signature``.

    ``manifest`` gets the format fields and the SHA-256 of every content file.
    """
    doc = dict(manifest)
    doc["format"], doc["format_version"] = FORMAT, FORMAT_VERSION
    doc["files"] = {name: sha256(data) for name, data in sorted(content.items())}
    body = canonical(doc)
    return write_zip({"manifest.json": body, "manifest.sig": sign(body), **content})


def _need(doc: dict, key: str, kind: type | tuple[type, ...], where: str):
    value = doc.get(key)
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise SyncError("E_MANIFEST", where, f"campo «{key}»")
    return value


def read(data: bytes, where: str) -> RawPackage:
    """Open a package file: zip checks, manifest shape and format version. No crypto yet."""
    files = read_zip(data, where, ["manifest.json"], ["*"])
    try:
        manifest = json.loads(files["manifest.json"].decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SyncError("E_MANIFEST", where, f"JSON: {exc}") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise SyncError("E_MANIFEST", where, "format")
    version = _need(manifest, "format_version", int, where)
    if version > FORMAT_VERSION:
        raise SyncError("E_FORMAT_VERSION", where, version)
    kind = _need(manifest, "kind", str, where)
    if kind not in KINDS:
        raise SyncError("E_MANIFEST", where, f"kind «{kind}»")
    if not _UUID.match(_need(manifest, "uuid", str, where)):
        raise SyncError("E_MANIFEST", where, "uuid")
    listed = _need(manifest, "files", dict, where)
    if kind in CONTENT and CONTENT[kind] not in listed:
        raise SyncError("E_MISSING_FILE", where, CONTENT[kind])
    for name, digest in listed.items():
        if not isinstance(digest, str) or not _HEX64.match(digest):
            raise SyncError("E_MANIFEST", where, f"sha256 de «{name}»")
        allowed = (name == CONTENT.get(kind) or (kind == "data" and (
            PART.fullmatch(name) or re.fullmatch(r"pdf/[\w.-]+\.pdf", name))))
        if not allowed:
            raise SyncError("E_EXTRA_FILE", where, name)
    # The manifest decides the exact set of files: missing or extra entries are refused.
    expected = {"manifest.json", "manifest.sig", *listed}
    for name in sorted(expected - files.keys()):
        raise SyncError("E_MISSING_FILE", where, name)
    for name in sorted(files.keys() - expected):
        raise SyncError("E_EXTRA_FILE", where, name)
    return RawPackage(where, sha256(data), manifest, files["manifest.json"], files["manifest.sig"],
                      {name: files[name] for name in listed})


def part_name(period: str) -> str:
    """The payload part of one month: ``payload/202302.bin``."""
    return f"payload/{period}.bin"


def payload_parts(raw: RawPackage) -> list[tuple[str, str]]:
    """(name, period) of every payload part of a data package, in period order."""
    found = []
    for name in raw.files:
        match = PART.fullmatch(name)
        if match:
            found.append((name, match.group(1) + match.group(2)))
    return sorted(found, key=lambda item: item[1])


def part_aad(package_uuid: str, name: str) -> bytes:
    """What a part's encryption is bound to: its package and its name (no swapping parts)."""
    return f"{package_uuid}/{name}".encode("ascii")


def check_hashes(raw: RawPackage) -> None:
    """Every content file matches the SHA-256 the (already verified) manifest lists."""
    for name, digest in raw.manifest["files"].items():
        if sha256(raw.files[name]) != digest:
            raise SyncError("E_HASH", raw.where, name)


def gzip_json(doc: dict) -> bytes:
    return gzip.compress(canonical(doc), compresslevel=6, mtime=0)


def gunzip_json(data: bytes, where: str, limit: int | None = None) -> dict:
    """Inflate and parse, refusing more than ``limit`` bytes (a bomb inside the payload)."""
    limit = MAX_PAYLOAD if limit is None else limit
    try:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        text = inflater.decompress(data, limit + 1)
        if len(text) > limit or inflater.unconsumed_tail:
            raise SyncError("E_TOO_LARGE", where, "payload")
        doc = json.load(io.BytesIO(text))
    except (zlib.error, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SyncError("E_PAYLOAD", where, exc) from None
    if not isinstance(doc, dict):
        raise SyncError("E_PAYLOAD", where, "JSON")
    return doc
