"""Hostile zips made at test time: real zipfile output, headers patched with struct.

``patch`` rewrites fields of one entry in both its local header and its central directory
record (the reader must refuse either); ``raw_zip`` lays out entries whose compressed bytes
are given, so a big bomb costs one compression, not hundreds.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

_LOCAL = struct.Struct("<4s2B4HL2L2H")  # 30 bytes
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")  # 46 bytes
_END = struct.Struct("<4s4H2LH")  # 22 bytes

# Field positions, as in zipfile's own structs.
_L_VERSION, _L_FLAGS, _L_METHOD = 1, 3, 4
_C_VERSION, _C_FLAGS, _C_METHOD, _C_OFFSET = 3, 5, 6, 18


def zip_of(files: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED, methods: dict[str, int] | None = None) -> bytes:
    """A zip written by zipfile; ``methods`` sets one entry's compression (e.g. ZIP_LZMA)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data, compress_type=(methods or {}).get(name, method))
    return out.getvalue()


def _central_records(data: bytes):
    end = data.rfind(b"PK\x05\x06")
    _, _, _, _, count, size, offset, _ = _END.unpack_from(data, end)
    pos = offset
    for _ in range(count):
        fields = list(_CENTRAL.unpack_from(data, pos))
        name_len, extra_len, comment_len = fields[12], fields[13], fields[14]
        name = data[pos + 46 : pos + 46 + name_len].decode("utf-8")
        yield pos, fields, name
        pos += 46 + name_len + extra_len + comment_len


def patch(data: bytes, name: str, version: int | None = None, flags_or: int = 0, method: int | None = None) -> bytes:
    """``data`` with entry ``name``'s "version needed", flag bits or method changed."""
    out = bytearray(data)
    for pos, fields, found in _central_records(data):
        if found != name:
            continue
        local = list(_LOCAL.unpack_from(data, fields[_C_OFFSET]))
        for record, v, f, m in ((fields, _C_VERSION, _C_FLAGS, _C_METHOD), (local, _L_VERSION, _L_FLAGS, _L_METHOD)):
            if version is not None:
                record[v] = version
            record[f] |= flags_or
            if method is not None:
                record[m] = method
        _CENTRAL.pack_into(out, pos, *fields)
        _LOCAL.pack_into(out, fields[_C_OFFSET], *local)
        return bytes(out)
    raise KeyError(name)


def alias_entry(data: bytes, name: str, alias: str) -> bytes:
    """A second central directory record named ``alias`` pointing at ``name``'s data (overlap)."""
    records = list(_central_records(data))
    end_pos = data.rfind(b"PK\x05\x06")
    end = list(_END.unpack_from(data, end_pos))
    for pos, fields, found in records:
        if found == name:
            extra = fields[13] + fields[14]
            record = data[pos : pos + 46 + fields[12] + extra]
            fields = list(fields)
            fields[12] = len(alias.encode())
            copy = _CENTRAL.pack(*fields) + alias.encode() + record[46 + len(found.encode()) :]
            break
    else:
        raise KeyError(name)
    central = data[end[6] : end_pos] + copy
    end[3] += 1
    end[4] += 1
    end[5] = len(central)
    return data[: end[6]] + central + _END.pack(*end)


def raw_zip(entries: list[tuple[str, bytes, int, int]]) -> bytes:
    """A deflate zip from (name, compressed bytes, CRC-32, uncompressed size) entries."""
    out = bytearray()
    central = bytearray()
    for name, compressed, crc, size in entries:
        encoded = name.encode()
        offset = len(out)
        out += _LOCAL.pack(b"PK\x03\x04", 20, 0, 0, 8, 0, 0x5021, crc, len(compressed), size, len(encoded), 0)
        out += encoded + compressed
        central += (
            _CENTRAL.pack(
                b"PK\x01\x02",
                20,
                3,
                20,
                0,
                0,
                8,
                0,
                0x5021,
                crc,
                len(compressed),
                size,
                len(encoded),
                0,
                0,
                0,
                0,
                0o644 << 16,
                offset,
            )
            + encoded
        )
    start = len(out)
    out += central
    out += _END.pack(b"PK\x05\x06", 0, 0, len(entries), len(entries), len(central), start, 0)
    return bytes(out)


def deflated(data: bytes) -> tuple[bytes, int, int]:
    """(raw deflate bytes, CRC-32, size) of ``data``, for :func:`raw_zip`."""
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -15)
    return squeeze.compress(data) + squeeze.flush(), zlib.crc32(data), len(data)
