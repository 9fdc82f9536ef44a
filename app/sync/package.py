"""Package files: ``manifest.json`` + ``manifest.sig`` + content, in a zip (DESIGN.md §6).

Three kinds share the layout:

- ``data`` (state → HQ): ``facilities.bin``, the state's facility registry (all of it, or
  its changes since the last acknowledged package), and ``payload/YYYYMM.bin``, one part per month, each the month's
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

import dataclasses
import gzip
import hashlib
import json
import re
import zlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from app.models.messages import InputError

from . import safejson
from .archive import ZipReader, write_zip
from .errors import SyncError

FORMAT = "coordina-package"
FORMAT_VERSION = 1
KINDS = ("data", "ack", "update")
CONTENT = {"ack": "ack.json", "update": "update.json"}  # data packages carry payload parts
PART = re.compile(r"payload/(\d{4})(0[1-9]|1[0-2])\.bin")
#: A data package's facility registry part (the sender state's units), sealed like a payload part.
REGISTRY_PART = "facilities.bin"
MAX_PAYLOAD = 512 << 20  # 512 MiB of JSON after gunzip: a reference year is ~1 GB for 23 states
MAX_MANIFEST = 1 << 20  # read before its signature is checked: kept small (a real one is ~3 KiB)
MAX_SIGNATURE = 64 << 10  # an RSA-16384 signature is 2 KiB
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def canonical(doc: Mapping[str, Any]) -> bytes:
    """Stable JSON bytes: what is hashed and signed."""
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True)
class RawPackage:
    """A package read and shape-checked, before any signature or decryption.

    Only ``manifest.json`` and ``manifest.sig`` have been inflated. The other entries are
    read on request through :attr:`files` (or :meth:`content`), once the signature has been
    checked: each within its declared size and checked against the manifest's SHA-256.
    """

    where: str
    sha256: str  # of the whole file (what is archived and what ``check`` compares)
    #: The manifest as parsed JSON; read() checked the fields every package has.
    manifest: dict[str, Any]
    manifest_bytes: bytes
    signature: bytes
    archive: ZipReader | None = field(default=None, repr=False, compare=False)
    #: SHA-256 of the signed manifest: the package's identity with its UUID. The manifest
    #: lists every other file's hash, so it pins the content; a re-wrapped zip (other bytes,
    #: same entries) keeps it. The signature is left out: ECDSA signatures are malleable
    #: (``s`` → ``n - s`` verifies too), so anyone could make a second valid one.
    manifest_sha256: str = ""

    @property
    def kind(self) -> str:
        kind: str = self.manifest["kind"]  # read() checked it is a text
        return kind

    @property
    def uuid(self) -> str:
        uuid: str = self.manifest["uuid"]  # read() checked it is a text
        return uuid

    @property
    def files(self) -> Mapping[str, bytes]:
        """The content files the manifest lists, read (and hash-checked) when looked up."""
        return _Content(self)

    @property
    def data(self) -> bytes:
        """The whole file's bytes (what :attr:`sha256` hashes)."""
        if self.archive is None:
            raise RuntimeError("package content was released")
        return self.archive.data

    def size(self, name: str) -> int:
        """Compressed size of a content entry in the zip (no inflating)."""
        if self.archive is None:
            raise RuntimeError("package content was released")
        return self.archive.entries[name].compress_size

    def content(self, name: str) -> bytes:
        """A listed content file, inflated within its declared size; E_HASH if altered."""
        if self.archive is None:
            raise RuntimeError("package content was released")
        data = self.archive.read(name)
        if sha256(data) != self.manifest["files"][name]:
            raise SyncError("E_HASH", self.where, name)
        return data

    def header(self) -> RawPackage:
        """The same package without its bytes: what orders a batch, kept while others import."""
        return dataclasses.replace(self, manifest_bytes=b"", signature=b"", archive=None)


class _Content(Mapping[str, bytes]):
    """``raw.files``: the manifest's names; each value read from the zip when looked up."""

    def __init__(self, raw: RawPackage):
        self._raw = raw

    def __getitem__(self, name: str) -> bytes:
        if name not in self._raw.manifest["files"]:
            raise KeyError(name)
        return self._raw.content(name)

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw.manifest["files"])

    def __len__(self) -> int:
        return len(self._raw.manifest["files"])


def build(manifest: Mapping[str, Any], content: dict[str, bytes], sign: Callable[[bytes], bytes]) -> bytes:
    """Zip ``content`` with its manifest; ``sign(manifest_bytes) -> signature``.

    ``manifest`` gets the format fields and the SHA-256 of every content file.
    """
    doc = dict(manifest)
    doc["format"], doc["format_version"] = FORMAT, FORMAT_VERSION
    doc["files"] = {name: sha256(data) for name, data in sorted(content.items())}
    body = canonical(doc)
    return write_zip({"manifest.json": body, "manifest.sig": sign(body), **content})


_ISO_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})?")


def _need(doc: Mapping[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    value = doc.get(key)
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise SyncError("E_MANIFEST", where, InputError("sync_detail.field", name=key))
    return value


def read(data: bytes, where: str) -> RawPackage:
    """Open a package file: zip structure, then the manifest and its signature only.

    Nothing else is inflated here: an unsigned file costs at most the size caps of these two
    entries, whatever it holds. The manifest's shape and format version are checked, and
    the zip must hold exactly the files it lists (an unlisted entry is refused unread).
    """
    archive = ZipReader(data, where)
    names = archive.names()
    for name in ("manifest.json", "manifest.sig"):
        if name not in names:
            raise SyncError("E_MISSING_FILE", where, name)
    manifest_bytes = archive.read("manifest.json", MAX_MANIFEST)
    manifest = _parse_manifest(manifest_bytes, where)
    kind = _check_header(manifest, where)
    listed = _check_listing(manifest, kind, where)
    # The manifest decides the exact set of files: missing or extra entries are refused.
    expected = {"manifest.json", "manifest.sig", *listed}
    for name in sorted(expected - names):
        raise SyncError("E_MISSING_FILE", where, name)
    for name in sorted(names - expected):
        raise SyncError("E_EXTRA_FILE", where, name)
    signature = archive.read("manifest.sig", MAX_SIGNATURE)
    return RawPackage(
        where, sha256(data), manifest, manifest_bytes, signature, archive, manifest_sha256=sha256(manifest_bytes)
    )


def _parse_manifest(manifest_bytes: bytes, where: str) -> dict[str, Any]:
    """The manifest's JSON, refused (E_MANIFEST) unless it is an object of this format."""
    try:
        manifest = safejson.loads(manifest_bytes, MAX_MANIFEST)
    except safejson.JsonRefused as exc:
        raise SyncError("E_MANIFEST", where, exc) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise SyncError("E_MANIFEST", where, "format")
    return manifest


def _check_header(manifest: Mapping[str, Any], where: str) -> str:
    """Check the fields every manifest has (version, date, kind, UUID); return its kind."""
    version = _need(manifest, "format_version", int, where)
    if version < 1:
        raise SyncError(
            "E_MANIFEST", where, InputError("sync_detail.field_value", name="format_version", value=version)
        )
    if version > FORMAT_VERSION:
        raise SyncError("E_FORMAT_VERSION", where, version)
    # Stored and shown as a date: anything but an ISO timestamp is refused here, before it
    # can reach a SQL parameter or a date parser.
    if not _ISO_TIME.fullmatch(_need(manifest, "created_at", str, where)):
        raise SyncError("E_MANIFEST", where, "created_at")
    kind: str = _need(manifest, "kind", str, where)
    if kind not in KINDS:
        raise SyncError("E_MANIFEST", where, InputError("sync_detail.field_value", name="kind", value=kind[:40]))
    if not _UUID.match(_need(manifest, "uuid", str, where)):
        raise SyncError("E_MANIFEST", where, "uuid")
    return kind


def _check_listing(manifest: Mapping[str, Any], kind: str, where: str) -> dict[str, Any]:
    """The manifest's ``files`` (name → SHA-256), each a hash and a name its ``kind`` may carry."""
    listed: dict[str, Any] = _need(manifest, "files", dict, where)
    if kind in CONTENT and CONTENT[kind] not in listed:
        raise SyncError("E_MISSING_FILE", where, CONTENT[kind])
    for name, digest in listed.items():
        if not isinstance(digest, str) or not _HEX64.match(digest):
            raise SyncError("E_MANIFEST", where, InputError("sync_detail.part_sha256", name=name))
        allowed = name == CONTENT.get(kind) or (
            kind == "data"
            and (PART.fullmatch(name) or name == REGISTRY_PART or re.fullmatch(r"pdf/[\w.-]+\.pdf", name))
        )
        if not allowed:
            raise SyncError("E_EXTRA_FILE", where, name)
    return listed


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


def open_part(sealed: bytes, private: Any, package_uuid: str, name: str, where: str) -> bytes:
    """The plain bytes of part ``name`` sealed to ``private`` (an X25519 key); E_DECRYPT if not.

    Both readers of a package's parts (the values' and the registry's) refuse the same way.
    """
    from . import crypto  # the `cryptography` package: only where a part is opened

    try:
        return crypto.open_sealed(sealed, private, part_aad(package_uuid, name))
    except ValueError:  # crypto's reason is English and says the same: altered, or not ours
        raise SyncError("E_DECRYPT", where, InputError("sync_detail.part_sealed", name=name)) from None


def check_hashes(raw: RawPackage) -> dict[str, bytes]:
    """Every content file, checked against the SHA-256 the (already verified) manifest lists.

    Called only after the signature checked out: each entry is inflated within its declared
    size, then hashed. Returns them (name → bytes), so they are inflated once.
    """
    return {name: raw.content(name) for name in raw.manifest["files"]}


def gzip_json(doc: Mapping[str, Any]) -> bytes:
    return gzip.compress(canonical(doc), compresslevel=6, mtime=0)


def gunzip_json(
    data: bytes, where: str, limit: int | None = None, max_depth: int | None = safejson.MAX_DEPTH
) -> dict[str, Any]:
    """Inflate and parse, refusing more than ``limit`` bytes (a bomb inside the payload).

    ``max_depth=None`` for payload parts: their nesting is fixed by the format and the walk
    would cost a second pass over a large document (RecursionError is still caught).
    """
    limit = MAX_PAYLOAD if limit is None else limit
    try:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        text = inflater.decompress(data, limit + 1)
        if len(text) > limit or inflater.unconsumed_tail:
            raise SyncError("E_TOO_LARGE", where, "payload")
    except zlib.error as exc:
        raise SyncError("E_PAYLOAD", where, exc) from None
    try:
        doc = safejson.loads(text, max_depth=max_depth)
    except safejson.JsonRefused as exc:
        raise SyncError("E_PAYLOAD", where, exc) from None
    if not isinstance(doc, dict):
        raise SyncError("E_PAYLOAD", where, "JSON")
    return doc
