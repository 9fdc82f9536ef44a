"""ZipReader refuses each kind of damaged or hostile zip with its own code, before inflating.

A package comes from a USB stick or an email. Whatever is wrong with it, the coordinator
must get a SyncError naming the file and the reason (the CLI and the GUI show its message),
never a crash nor a half-read package. Each zip here is real zipfile output with one field
changed by struct, as a truncated copy, a foreign tool or an attacker would leave it.
"""

from __future__ import annotations

import io
import struct
import warnings
import zipfile
import zlib

import pytest

from app.sync.archive import Limits, ZipReader, write_zip
from app.sync.errors import SyncError
from tests.sync.zipcraft import deflated, patch, raw_zip, zip_of

_END = struct.Struct("<4s4H2LH")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_LOCAL = struct.Struct("<4s2B4HL2L2H")
WHERE = "paquete.coordina"


def refused(data: bytes, limits: Limits | None = None) -> SyncError:
    with pytest.raises(SyncError) as caught:
        ZipReader(data, WHERE, *([limits] if limits else []))
    assert WHERE in str(caught.value), "the message names the file"
    return caught.value


def with_end(data: bytes, **changes: int) -> bytes:
    """``data`` with fields of its end-of-central-directory record changed."""
    pos = data.rfind(b"PK\x05\x06")
    fields = list(_END.unpack_from(data, pos))
    names = ("sig", "disk", "cd_disk", "count_disk", "count", "cd_size", "cd_offset", "comment")
    for name, value in changes.items():
        fields[names.index(name)] = value
    return data[:pos] + _END.pack(*fields) + data[pos + _END.size :]


def with_central(data: bytes, index: int, value: int) -> bytes:
    """``data`` with field ``index`` of its first central directory record changed."""
    start = _END.unpack_from(data, data.rfind(b"PK\x05\x06"))[6]
    fields = list(_CENTRAL.unpack_from(data, start))
    fields[index] = value
    return data[:start] + _CENTRAL.pack(*fields) + data[start + _CENTRAL.size :]


ONE = zip_of({"manifest.json": b'{"format": 1}'})


def test_a_valid_zip_with_a_comment_is_read_and_each_entry_crc_checked() -> None:
    """Some zip tools add an archive comment: the end record is then found by searching."""
    data = write_zip({"manifest.json": b'{"format": 1}', "empty.txt": b""})
    commented = with_end(data, comment=7) + b"comment"
    reader = ZipReader(commented, WHERE)
    assert reader.names() == {"manifest.json", "empty.txt"}
    assert reader.read("manifest.json") == b'{"format": 1}'
    assert reader.read("empty.txt") == b""
    stored = ZipReader(zip_of({"a.txt": b"plain"}, method=zipfile.ZIP_STORED), WHERE)
    assert stored.read("a.txt") == b"plain"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"MZ not a zip at all", "E_NOT_ZIP"),
        (b"PK\x03\x04 cut before its directory", "E_TRUNCATED"),
        (ONE[: len(ONE) // 2], "E_TRUNCATED"),
        (with_end(ONE, count=0xFFFF), "E_ZIP_VERSION"),
        (with_end(ONE, cd_offset=0xFFFFFFFF), "E_ZIP_VERSION"),
        (with_end(ONE, disk=1), "E_ZIP_VERSION"),
        (with_end(ONE, cd_offset=1), "E_TRUNCATED"),
        (with_end(ONE, count=2, count_disk=2), "E_TRUNCATED"),
        (
            with_end(
                ONE,
                cd_size=_END.unpack_from(ONE, ONE.rfind(b"PK\x05\x06"))[5] + 1,
                cd_offset=_END.unpack_from(ONE, ONE.rfind(b"PK\x05\x06"))[6] - 1,
            ),
            "E_TRUNCATED",
        ),
    ],
    ids=[
        "not-zip",
        "no-end-record",
        "cut-in-half",
        "zip64-count",
        "zip64-offset",
        "multi-volume",
        "directory-elsewhere",
        "fewer-records-than-said",
        "directory-shifted",
    ],
)
def test_a_damaged_structure_is_refused_with_its_code(data: bytes, code: str) -> None:
    assert refused(data).code == code


def test_many_entries_or_a_huge_directory_are_refused_before_reading_them() -> None:
    many = zip_of({f"f{i}.txt": b"x" for i in range(5)})
    assert refused(many, Limits(max_entries=4)).code == "E_TOO_LARGE"
    assert refused(many, Limits(max_directory=64)).code == "E_TOO_LARGE"


def test_two_entries_with_one_name_are_refused() -> None:
    out = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(out, "w") as archive:
        warnings.simplefilter("ignore", UserWarning)  # zipfile warns "Duplicate name"
        archive.writestr("values.json", b"[1]")
        archive.writestr("values.json", b"[2]")
    assert refused(out.getvalue()).code == "E_DUPLICATE_ENTRY"


@pytest.mark.parametrize("name", ["../fuera.json", "/etc/passwd", "dir\\x.json", "C:/x.json", "carpeta/", "a\0b", ""])
def test_a_path_that_could_escape_or_confuse_is_refused(name: str) -> None:
    data = raw_zip([(name, *deflated(b"{}"))])
    error = refused(data)
    assert error.code == "E_PATH"


def test_a_name_flagged_utf8_that_is_not_is_refused() -> None:
    data = raw_zip([("x.json", *deflated(b"{}"))])
    data = data.replace(b"x.json", b"\xff.json")
    assert refused(with_central(data, 5, 0x800)).code == "E_PATH"


def test_an_entry_whose_local_header_disagrees_is_refused() -> None:
    """Other readers use the local header: it must tell the same story as the directory."""
    renamed = ONE.replace(b"manifest.json", b"manifest.jsoN", 1)  # the local header's copy only
    assert refused(renamed).code == "E_TRUNCATED"
    local_only = bytearray(ONE)
    fields = list(_LOCAL.unpack_from(ONE, 0))
    fields[3] |= 0x1  # encrypted, in the local header only
    _LOCAL.pack_into(local_only, 0, *fields)
    assert refused(bytes(local_only)).code == "E_ZIP_ENCRYPTED"
    fields = list(_LOCAL.unpack_from(ONE, 0))
    fields[1] = 90  # "version 9.0 needed", in the local header only
    _LOCAL.pack_into(local_only := bytearray(ONE), 0, *fields)
    assert refused(bytes(local_only)).code == "E_ZIP_VERSION"
    fields = list(_LOCAL.unpack_from(ONE, 0))
    fields[4] = 0  # stored, while the directory says deflated
    _LOCAL.pack_into(local_only := bytearray(ONE), 0, *fields)
    assert refused(bytes(local_only)).code == "E_ZIP_METHOD"


def test_an_entry_without_its_header_or_its_bytes_is_refused() -> None:
    assert refused(with_central(ONE, 18, 5)).code == "E_TRUNCATED"  # offset to no local header
    assert refused(patch(ONE, "manifest.json", flags_or=0x20)).code == "E_ZIP_METHOD"
    stored = zip_of({"a.txt": b"plain"}, method=zipfile.ZIP_STORED)
    assert refused(with_central(stored, 10, 3)).code == "E_TRUNCATED"  # sizes disagree
    compressed, crc, size = deflated(b"x" * 100)
    cut = raw_zip([("a.txt", compressed, crc, size)])
    start = _END.unpack_from(cut, cut.rfind(b"PK\x05\x06"))[6]
    big = with_central(cut, 10, 10_000)  # says it holds more compressed bytes than the file
    assert big[start:] != cut[start:]
    assert refused(big).code == "E_TRUNCATED"


def test_sizes_over_the_limits_or_a_zip_bomb_ratio_are_refused() -> None:
    data = zip_of({"ceros.json": b"0" * 5000})
    assert refused(data, Limits(max_total=4000)).code == "E_TOO_LARGE"
    assert refused(data, Limits(ratio_floor=1000, max_ratio=10)).code == "E_RATIO"


def test_reading_refuses_an_entry_over_the_cap_a_bad_crc_or_lying_sizes() -> None:
    reader = ZipReader(zip_of({"a.json": b"x" * 500}), WHERE)
    with pytest.raises(SyncError) as caught:
        reader.read("a.json", cap=100)
    assert caught.value.code == "E_TOO_LARGE"

    compressed, crc, size = deflated(b"hola" * 50)
    for entry, code, detail in [
        (("a.json", compressed, crc ^ 1, size), "E_TRUNCATED", "CRC-32"),
        (("a.json", compressed, crc, size - 10), "E_TOO_LARGE", "más de lo declarado"),
        (("a.json", compressed, crc, size + 10), "E_TRUNCATED", "datos incompletos"),
        (("a.json", compressed[:-3], crc, size), "E_TRUNCATED", "datos incompletos"),
        (("a.json", b"\xff" * len(compressed), crc, size), "E_TRUNCATED", "a.json"),
    ]:
        with pytest.raises(SyncError) as caught:
            ZipReader(raw_zip([entry]), WHERE).read("a.json")
        assert caught.value.code == code and detail in caught.value.detail, caught.value
    assert zlib.crc32(b"hola" * 50) == crc
