"""Mutations of valid inputs, drawn with hypothesis: byte-wise, and structured per format.

Every mutator takes ``draw`` (hypothesis' ``data.draw``) and the valid bytes, and returns the
mutated bytes plus a short description of what it did (kept with a finding in the corpus).
"""

from __future__ import annotations

import copy
import csv
import io
import json
import struct
import zipfile
from collections.abc import Callable

from hypothesis import strategies as st

Draw = Callable
Mutated = tuple[bytes, str]

# Cell values people and generators really write, and the nasty ones.
ODD_CELLS = [
    "",
    " ",
    "N/A",
    "n/a",
    "NA",
    "null",
    "NULL",
    "None",
    "nan",
    "NaN",
    "inf",
    "-inf",
    "Infinity",
    "#DIV/0!",
    "#N/A",
    "#VALUE!",
    "#REF!",
    "#NAME?",
    "#NUM!",
    "#NULL!",
    "=1+1",
    "=A1",
    "=SUM(A1:A3)",
    "=1/0",
    "@SUM(1)",
    "+1",
    "-0",
    "0",
    "-1",
    "-4",
    "1_000",
    "1,000",
    "1.000,5",
    "12.5",
    "0.1",
    "1e-400",
    "1e400",
    "1e308",
    "99.99999999999999999",
    "0x10",
    "0b1",
    "١٢٣",
    "１２３",
    "𝟏𝟐𝟑",
    "٣",
    "½",
    "²",
    "1 000",
    "\u00a0120",
    "120\u200b",
    "\ufeff120",
    "9" * 4301,
    "1" * 400,
    "x" * 70000,
    "\x00",
    "'",
    '"',
    "\n",
    "\r\n",
    "a,b",
    "TRUE",
    "FALSE",
    "sí",
    "no",
    "2023-02-01",
    "202302",
    "209912",
    "000000",
    "202313",
    "NTSSA000001",
    "NTSSA000002",
    "NTSSA999999",
    "18",
    "Nayarit",
    "ÑÑÑ",
    "\U0001f600",
    "cirugias",
    "especialistas",
    "<script>",
    "%s%s%n",
    "../../etc/passwd",
    "\t",
    "3.0",
    "120.0",
]
ODD_JSON = [
    None,
    True,
    False,
    0,
    -1,
    1.5,
    1e308,
    "",
    "x" * 70000,
    [],
    {},
    "\x00",
    "٣",
    2**70,
    {"a": [1, {"b": None}]},
    "../../x",
    "18",
    "hq",
    "state",
    10**12,
]


def odd_cell(draw: Draw) -> str:
    """A cell value: a known troublemaker, or anything hypothesis makes up."""
    return draw(
        st.one_of(
            st.sampled_from(ODD_CELLS),
            st.text(max_size=40),
            st.integers(min_value=-(10**20), max_value=10**20).map(str),
            st.floats(allow_nan=True, allow_infinity=True).map(repr),
        )
    )


# -- byte-wise --------------------------------------------------------------------------------


INTERESTING_BYTES = [0x00, 0x01, 0x7F, 0x80, 0xFF, 0x22, 0x2C, 0x0A, 0x0D, 0x3C, 0x7B, 0x30, 0x39, 0x25]
INTERESTING_CHUNKS = [
    b"\x00" * 8,
    b"\xff" * 8,
    b"99999999999999999999",
    b"-1",
    b"1e999",
    b"NaN",
    b'"',
    b"{",
    b"[" * 64,
    b"<",
    b"%%EOF",
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"\r\n",
    b"\xef\xbb\xbf",
]


def byte_mutation(draw: Draw, data: bytes, focus: tuple[int, int] | None = None) -> Mutated:
    """1-4 byte-level edits: flips, sets, deletes, inserts, duplicates, truncation, appends.

    ``focus`` (start, end) biases positions into a region (e.g. a zip's central directory).
    """
    done = []
    for _ in range(draw(st.integers(1, 4))):
        n = len(data)
        lo, hi = (0, max(n - 1, 0))
        if focus and draw(st.booleans()):
            lo, hi = max(0, min(focus[0], hi)), max(0, min(focus[1], hi))
        pos = draw(st.integers(lo, hi)) if n else 0
        op = draw(
            st.sampled_from(
                ["flip", "set", "interesting", "delete", "insert", "chunk", "duplicate", "truncate", "append"]
            )
        )
        if op == "flip" and n:
            bit = draw(st.integers(0, 7))
            data = data[:pos] + bytes([data[pos] ^ (1 << bit)]) + data[pos + 1 :]
        elif op == "set" and n:
            data = data[:pos] + bytes([draw(st.integers(0, 255))]) + data[pos + 1 :]
        elif op == "interesting" and n:
            data = data[:pos] + bytes([draw(st.sampled_from(INTERESTING_BYTES))]) + data[pos + 1 :]
        elif op == "delete":
            size = draw(st.integers(1, 64))
            data = data[:pos] + data[pos + size :]
        elif op == "insert":
            data = data[:pos] + draw(st.binary(min_size=1, max_size=32)) + data[pos:]
        elif op == "chunk":
            chunk = draw(st.sampled_from(INTERESTING_CHUNKS))
            data = data[:pos] + chunk + data[pos + (len(chunk) if draw(st.booleans()) else 0) :]
        elif op == "duplicate":
            size = draw(st.integers(1, 256))
            data = data[:pos] + data[pos : pos + size] * draw(st.integers(2, 8)) + data[pos:]
        elif op == "truncate":
            data = data[:pos]
        else:
            op = "append"
            data = data + draw(st.binary(min_size=1, max_size=64))
        done.append(f"{op}@{pos}")
    return data, "bytes:" + ",".join(done)


# -- CSV ------------------------------------------------------------------------------------------


def csv_mutation(draw: Draw, data: bytes) -> Mutated:
    """Cell-level and shape edits of a CSV, then re-encoded (sometimes in another encoding)."""
    rows = [list(r) for r in csv.reader(io.StringIO(data.decode("utf-8-sig")))]
    done = []
    for _ in range(draw(st.integers(1, 3))):
        op = draw(
            st.sampled_from(
                [
                    "cell",
                    "cell",
                    "cell",
                    "dup_row",
                    "drop_row",
                    "drop_col",
                    "swap_cols",
                    "header",
                    "add_col",
                    "many_rows",
                    "short_row",
                ]
            )
        )
        r = draw(st.integers(0, max(len(rows) - 1, 0)))
        width = max((len(x) for x in rows), default=1)
        c = draw(st.integers(0, max(width - 1, 0)))
        if not rows:
            rows = [[""]]
        if op == "cell":
            if draw(st.booleans()) and r == 0 and len(rows) > 1:
                r = 1  # mostly data cells
            while len(rows[r]) <= c:
                rows[r].append("")
            rows[r][c] = odd_cell(draw)
        elif op == "dup_row":
            rows.insert(r, list(rows[r]))
        elif op == "drop_row":
            del rows[r]
        elif op == "drop_col":
            rows = [x[:c] + x[c + 1 :] for x in rows]
        elif op == "swap_cols":
            d = draw(st.integers(0, max(width - 1, 0)))
            for x in rows:
                if max(c, d) < len(x):
                    x[c], x[d] = x[d], x[c]
        elif op == "header":
            if rows and rows[0]:
                rows[0][c % len(rows[0])] = draw(
                    st.sampled_from(["", "VALUE", "valor", "value ", "org_unit", "Value", "CLUES", "x" * 300])
                )
        elif op == "add_col":
            for x in rows:
                x.append(odd_cell(draw) if x is not rows[0] else "extra")
        elif op == "many_rows" and len(rows) > 1:
            rows = rows[:1] + rows[1:] * draw(st.integers(10, 100))
        elif op == "short_row":
            rows[r] = rows[r][:c]
        done.append(f"{op}@{r},{c}")
    out = io.StringIO()
    delimiter = draw(st.sampled_from([",", ",", ",", ";", "\t"]))
    csv.writer(out, delimiter=delimiter, lineterminator=draw(st.sampled_from(["\r\n", "\n", "\r"]))).writerows(rows)
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "latin-1", "cp1252"]))
    text = out.getvalue()
    return text.encode(encoding, errors="replace"), f"csv[{delimiter!r},{encoding}]:" + ",".join(done)


# -- XLSX (cells through openpyxl) ---------------------------------------------------------------


def xlsx_mutation(draw: Draw, data: bytes) -> Mutated:
    """Cell-level edits with openpyxl: odd values, formulas without cached values, error values,
    numbers Excel can and cannot hold, dates, booleans; rows and sheets added, removed, renamed."""
    import datetime as dt

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data))
    done = []
    for _ in range(draw(st.integers(1, 3))):
        sheet = book.worksheets[draw(st.integers(0, len(book.worksheets) - 1))]
        rmax, cmax = max(sheet.max_row, 1), max(sheet.max_column, 1)
        r, c = draw(st.integers(1, rmax + 1)), draw(st.integers(1, cmax + 1))
        if draw(st.booleans()) and rmax > 1:
            r = draw(st.integers(2, rmax))  # mostly data rows
        op = draw(
            st.sampled_from(
                [
                    "text",
                    "text",
                    "number",
                    "formula",
                    "error",
                    "other",
                    "dup_row",
                    "delete_row",
                    "delete_sheet",
                    "rename_sheet",
                    "add_sheet",
                    "clear",
                ]
            )
        )
        cell = sheet.cell(row=r, column=c)
        if op == "text":
            cell.value = odd_cell(draw)[:32000]
        elif op == "number":
            cell.value = draw(
                st.one_of(
                    st.integers(-(10**18), 10**18),
                    st.floats(allow_nan=True),
                    st.sampled_from([1e-400, 1e308, 0.1 + 0.2, -0.0, 99.99999999999999999]),
                )
            )
        elif op == "formula":
            cell.value = draw(
                st.sampled_from(["=1+1", "=A1", "=SUM(A1:A9)", "=1/0", "=NA()", '="120"', '=HYPERLINK("http://x")'])
            )
        elif op == "error":
            cell.value = draw(st.sampled_from(["#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"]))
        elif op == "other":
            cell.value = draw(
                st.sampled_from(
                    [True, False, dt.datetime(2023, 2, 1), dt.date(1900, 1, 1), dt.time(12, 0), dt.timedelta(days=3)]
                )
            )
        elif op == "dup_row" and rmax > 1:
            sheet.append([x.value for x in sheet[r if r <= rmax else rmax]])
        elif op == "delete_row":
            sheet.delete_rows(r)
        elif op == "delete_sheet" and len(book.worksheets) > 1:
            book.remove(sheet)
        elif op == "rename_sheet":
            sheet.title = draw(st.sampled_from(["Hoja1", "x", "Sheet", "Datos", "Valores", "ÑÑ", "1"]))[:31]
        elif op == "add_sheet":
            book.create_sheet(draw(st.sampled_from(["Extra", "Valores", "Notas"]))).append(["a", "b"])
        elif op == "clear":
            cell.value = None
        done.append(f"{op}@{sheet.title}!{r},{c}")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue(), "xlsx:" + ",".join(done)


# -- ZIP containers (packages, XLSX) ----------------------------------------------------------------


def zip_entries(data: bytes) -> list[tuple[str, bytes]]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    return [(i.filename, archive.read(i)) for i in archive.infolist()]


def rezip(entries: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    import warnings

    out = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(out, "w", method) as archive:
            for name, content in entries:
                archive.writestr(name, content)
    return out.getvalue()


def patch_headers(data: bytes, which: str, value: int, only_first: bool) -> bytes:
    """Set a field of the local and central headers: ``flags``, ``method`` or ``version``.

    Raw edits, because zipfile will not write an encrypted flag, method 14 or version 8.4.
    """
    buf = bytearray(data)
    offsets = {
        "PK\x03\x04": {"version": 4, "flags": 6, "method": 8},
        "PK\x01\x02": {"version": 6, "flags": 8, "method": 10},
    }
    for magic, fields in offsets.items():
        start = 0
        while (at := buf.find(magic.encode("latin-1"), start)) != -1:
            pos = at + fields[which]
            if pos + 2 <= len(buf):
                struct.pack_into("<H", buf, pos, value)
            start = at + 4
            if only_first:
                break
    return bytes(buf)


def deep_json(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


def zip_mutation(
    draw: Draw, data: bytes, text_entry_edit: Callable[[Draw, str, bytes], tuple[bytes, str]] | None = None
) -> Mutated:
    """Edits of a zip's entries (drop, duplicate, rename, add, recompress, corrupt one entry's
    content while keeping its CRC right) and of its headers (encryption bit, method, version)."""
    entries = zip_entries(data)
    op = draw(
        st.sampled_from(
            [
                "drop",
                "duplicate",
                "rename",
                "add",
                "method",
                "entry_bytes",
                "entry_text",
                "flags",
                "hdr_method",
                "hdr_version",
                "deep",
                "long_name",
                "order",
            ]
        )
    )
    i = draw(st.integers(0, len(entries) - 1))
    name, content = entries[i]
    method = zipfile.ZIP_DEFLATED
    if op == "drop":
        del entries[i]
    elif op == "duplicate":
        entries.insert(i, (name, content))
    elif op == "rename":
        entries[i] = (
            draw(
                st.sampled_from(
                    [
                        "../" + name,
                        "/" + name,
                        name.upper(),
                        name + " ",
                        "x/" + name,
                        "C:/" + name,
                        name.replace("/", "\\"),
                        "",
                        "a" * 300,
                    ]
                )
            ),
            content,
        )
    elif op == "add":
        entries.append(
            (
                draw(
                    st.sampled_from(
                        ["leame.txt", "payload/209912.bin", "manifest.json", "xl/worksheets/sheet99.xml", "pdf/x.pdf"]
                    )
                ),
                draw(st.binary(max_size=64)),
            )
        )
    elif op == "method":
        method = draw(st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA]))
    elif op == "entry_bytes":
        entries[i] = (name, byte_mutation(draw, content)[0])
    elif op == "entry_text" and text_entry_edit:
        new, what = text_entry_edit(draw, name, content)
        entries[i] = (name, new)
        op = f"entry_text({what})"
    elif op == "deep":
        entries[i] = (name, deep_json(draw(st.sampled_from([100, 1000, 5000, 100_000]))))
    elif op == "long_name":
        entries.append(("d/" * 60 + "x" * 100, b"x"))
    elif op == "order":
        entries.reverse()
    result = rezip(entries, method)
    if op == "flags":
        result = patch_headers(
            result, "flags", draw(st.sampled_from([1, 0x41, 0x2000, 0x8, 0x800])), draw(st.booleans())
        )
    elif op == "hdr_method":
        result = patch_headers(result, "method", draw(st.sampled_from([14, 12, 99, 9, 1, 0xFFFF])), draw(st.booleans()))
    elif op == "hdr_version":
        result = patch_headers(result, "version", draw(st.sampled_from([84, 63, 0xFFFF, 0])), draw(st.booleans()))
    return result, f"zip:{op}@{name}"


# -- JSON -------------------------------------------------------------------------------------------


def _paths(doc, prefix=()):
    yield prefix
    if isinstance(doc, dict):
        for k, v in doc.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            yield from _paths(v, (*prefix, i))


def json_mutation(draw: Draw, data: bytes) -> Mutated:
    """Structured edits of a JSON document: drop, retype or replace a value, add keys, nest."""
    doc = json.loads(data)
    done, raw_after = mutate_tree(draw, doc)
    text = json.dumps(doc, ensure_ascii=draw(st.booleans()), indent=draw(st.sampled_from([None, 2])))
    if raw_after:
        text = text.replace(*raw_after)
    if draw(st.integers(0, 9)) == 0:
        text = "[" * 100_000 + "]" * 100_000 if draw(st.booleans()) else '{"a":' * 5000 + "1" + "}" * 5000
        done.append("deeply-nested")
    return text.encode("utf-8"), "json:" + ",".join(done)


def mutate_tree(draw: Draw, doc) -> tuple[list[str], tuple[str, str] | None]:
    """Edit a parsed JSON tree in place; returns what was done and an optional raw text swap
    (a huge integer cannot be a Python int in the tree without being rendered, so it is swapped in
    the serialised text)."""
    paths = [p for p in _paths(doc) if p]
    done = []
    raw_after = None
    for _ in range(draw(st.integers(1, 3))):
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = doc
        for key in path[:-1]:
            parent = parent[key]
        key = path[-1]
        op = draw(st.sampled_from(["replace", "replace", "drop", "text", "add", "nest", "huge_int", "swap_type"]))
        try:
            if op == "replace":
                parent[key] = draw(st.sampled_from(ODD_JSON).map(copy.deepcopy))
            elif op == "drop":
                del parent[key]
            elif op == "text":
                parent[key] = odd_cell(draw)
            elif op == "add" and isinstance(parent, dict):
                parent[draw(st.sampled_from(["extra", "format_version", "role", "", "\x00"]))] = draw(
                    st.sampled_from(ODD_JSON).map(copy.deepcopy)
                )
            elif op == "nest":
                parent[key] = [parent[key]]
            elif op == "huge_int":
                parent[key] = "__HUGE__"
                raw_after = ('"__HUGE__"', "9" * draw(st.sampled_from([20, 400, 4301, 50_000])))
            elif op == "swap_type":
                value = parent[key]
                parent[key] = (
                    str(value) if not isinstance(value, str) else (int(value) if value.isdigit() else {"v": value})
                )
        except (KeyError, IndexError, TypeError, ValueError):
            pass
        done.append(f"{op}@{'/'.join(map(str, path))}")
        paths = [p for p in _paths(doc) if p]
    return done, raw_after
