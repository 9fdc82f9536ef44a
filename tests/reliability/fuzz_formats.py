"""Structured mutations that need to know a format deeply: signed packages (re-signed with the
registered coordinator's key, so the mutation reaches the checks after the signature),
SQLite backups, and signed PDFs (incremental updates with pypdf and pyHanko)."""

from __future__ import annotations

import copy
import io
import json
import re
import sqlite3
import tempfile
from pathlib import Path

from hypothesis import strategies as st

from tests.reliability.fuzz_mutators import Draw, Mutated, mutate_tree, odd_cell

# -- signed packages ----------------------------------------------------------------------------


class PackageForge:
    """Re-signs and re-seals edited packages as the registered coordinator would."""

    def __init__(self, hq_copy: Path, p12: Path, passphrase: bytes):
        from app.reports.signing.identity import load_pkcs12
        from app.services.workspace import open_workspace

        self.hq = open_workspace(hq_copy, user="fuzz")  # a private copy: only its keys are read
        self.identity = load_pkcs12(p12.read_bytes(), passphrase, path=str(p12))
        self.last_recipe: dict | None = None

    def close(self) -> None:
        self.hq.close()

    def resign_manifest(self, draw: Draw, data: bytes) -> Mutated:
        """Edit the manifest (keys, types, sequence, state, hashes...) and sign it again."""
        from tests.sync.forge import resign_manifest

        done: list[str] = []
        seed = json.loads(_entry(data, "manifest.json"))

        def edit(manifest: dict) -> None:
            what, _ = mutate_tree(draw, manifest)
            done.extend(what)
            self.last_recipe = {"kind": "resign", "edited": copy.deepcopy(manifest), "seed": seed}

        return resign_manifest(data, self.identity, edit), "resigned-manifest:" + ",".join(done)

    def reforge_payload(self, draw: Draw, data: bytes) -> Mutated:
        """Edit the values (numbers, periods, org units, side objects...), re-seal and re-sign."""
        from tests.sync.forge import reforge

        done: list[str] = []

        def edit(doc: dict) -> None:
            seed = copy.deepcopy(doc)
            change(doc)
            self.last_recipe = {"kind": "payload", "edited": copy.deepcopy(doc), "seed": seed}

        def change(doc: dict) -> None:
            values = [v for g in doc.get("dataValueSets", []) for v in g.get("dataValues", [])]
            if values and draw(st.booleans()):
                target = draw(st.sampled_from(values))
                key = draw(st.sampled_from(sorted(target)))
                target[key] = (
                    odd_cell(draw)
                    if draw(st.booleans())
                    else draw(st.sampled_from([None, 0, -1, 1e308, True, [], {}, "", 10**30]).map(copy.deepcopy))
                )
                done.append(f"value.{key}")
            else:  # inside one month's group: the shape reforge needs stays
                groups = doc.get("dataValueSets") or [{}]
                what, _ = mutate_tree(draw, draw(st.sampled_from(groups)))
                done.extend(what)

        return reforge(self.hq, self.identity, data, doc_edit=edit), "reforged-payload:" + ",".join(done)

    def rebuild(self, recipe: dict, data: bytes) -> bytes:
        """A kept resigned/reforged case made again from this world's valid package ``data``.

        Keys, UUIDs and hashes differ from world to world, so every string of the kept seed that
        differs from this world's seed at the same place is translated before re-signing.
        """
        from tests.sync.forge import payload_of, reforge, resign_manifest

        if recipe["kind"] == "resign":
            current = json.loads(_entry(data, "manifest.json"))
            edited = _translate(recipe["edited"], _mapping(recipe["seed"], current))

            def replace(manifest: dict) -> None:
                manifest.clear()
                manifest.update(edited)

            return resign_manifest(data, self.identity, replace)
        current_doc = payload_of(self.hq, data)[1]
        edited = _translate(recipe["edited"], _mapping(recipe["seed"], current_doc))

        def replace_doc(doc: dict) -> None:
            doc.clear()
            doc.update(edited)

        return reforge(self.hq, self.identity, data, doc_edit=replace_doc)


def _entry(data: bytes, name: str) -> bytes:
    import zipfile

    return zipfile.ZipFile(io.BytesIO(data)).read(name)


def _mapping(old, new, found: dict | None = None) -> dict:
    """Strings that differ between two seeds of the same shape, old -> new."""
    found = {} if found is None else found
    if isinstance(old, dict) and isinstance(new, dict):
        for key in old.keys() & new.keys():
            _mapping(old[key], new[key], found)
    elif isinstance(old, list) and isinstance(new, list):
        for a, b in zip(old, new, strict=False):
            _mapping(a, b, found)
    elif isinstance(old, str) and isinstance(new, str) and old != new:
        found[old] = new
    return found


def _translate(value, mapping: dict):
    if isinstance(value, dict):
        return {mapping.get(k, k): _translate(v, mapping) for k, v in value.items()}
    if isinstance(value, list):
        return [_translate(v, mapping) for v in value]
    if isinstance(value, str):
        for old, new in mapping.items():
            if old in value and len(old) >= 8:
                value = value.replace(old, new)
        return mapping.get(value, value)
    return value


# -- SQLite backups -------------------------------------------------------------------------------

SQL_EDITS = [
    "DROP TABLE data_values",
    "DROP TABLE change_log",
    "DELETE FROM change_log WHERE id = (SELECT max(id) FROM change_log)",
    "UPDATE data_values SET value = 'abc'",
    "UPDATE data_values SET value = NULL",
    "PRAGMA user_version = 999",
    "PRAGMA user_version = 0",
    "PRAGMA user_version = -1",
    "ALTER TABLE facilities RENAME TO facilities_old",
    "CREATE TABLE junk(x)",
    "DROP TABLE settings",
    "PRAGMA journal_mode = WAL",
    "PRAGMA application_id = 12345",
    "DELETE FROM facilities",
    "UPDATE change_log SET hash = 'x'",
    "DROP TABLE profile",
    "PRAGMA page_size = 512",
    "INSERT INTO settings(key, value) VALUES ('catalog_version', '999.0')",
]


def sqlite_mutation(draw: Draw, data: bytes) -> Mutated:
    """One or two SQL edits of a real backup (schema, version, rows), then VACUUM sometimes."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "b.db"
        path.write_bytes(data)
        conn = sqlite3.connect(path)
        done = []
        try:
            for _ in range(draw(st.integers(1, 2))):
                sql = draw(st.sampled_from(SQL_EDITS))
                try:
                    conn.execute(sql)
                    conn.commit()
                    done.append(sql)
                except sqlite3.Error as exc:
                    done.append(f"{sql} ({exc})")
            if draw(st.booleans()):
                conn.execute("VACUUM")
        finally:
            conn.close()
        wal = Path(str(path) + "-wal")
        result = path.read_bytes()
        if wal.exists() and draw(st.booleans()):
            done.append("(wal left aside)")
    return result, "sql:" + "; ".join(done)


def sqlite_header_mutation(draw: Draw, data: bytes) -> Mutated:
    """A field of the 100-byte database header set to an odd value (page size, counts, encoding)."""
    fields = {
        "page_size": (16, 2),
        "write_version": (18, 1),
        "read_version": (19, 1),
        "reserved": (20, 1),
        "page_count": (28, 4),
        "freelist": (32, 4),
        "schema_cookie": (40, 4),
        "schema_format": (44, 4),
        "encoding": (56, 4),
        "user_version": (60, 4),
        "version_valid_for": (92, 4),
    }
    name = draw(st.sampled_from(sorted(fields)))
    at, size = fields[name]
    value = draw(st.sampled_from([0, 1, 2, 3, 255, 65535, 2**31 - 1, 2**32 - 1]))
    raw = (value % (1 << (8 * size))).to_bytes(size, "big")
    return data[:at] + raw + data[at + size :], f"sqlite-header:{name}={value}"


# -- signed PDFs ----------------------------------------------------------------------------------

BYTE_RANGE = re.compile(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")


def signed_ranges(pdf: bytes) -> list[tuple[int, int]]:
    """The (start, length) ranges the first signature covers."""
    found = BYTE_RANGE.search(pdf)
    if not found:
        return []
    a, b, c, d = (int(x) for x in found.groups())
    return [(a, b), (c, d)]


def signed_bytes_intact(original: bytes, mutated: bytes) -> bool:
    """Whether every byte the original signature covers is unchanged at its place."""
    ranges = signed_ranges(original)
    return bool(ranges) and all(mutated[s : s + n] == original[s : s + n] for s, n in ranges)


def pdf_structural(draw: Draw, data: bytes) -> Mutated:
    """An edit after signing: an incremental update (pypdf or pyHanko) or a full rewrite."""
    op = draw(
        st.sampled_from(
            [
                "pypdf_metadata",
                "pypdf_page",
                "pypdf_annotation",
                "pypdf_content",
                "pypdf_rewrite",
                "pyhanko_info",
                "pyhanko_content",
                "second_eof",
            ]
        )
    )
    try:
        return _pdf_edit(op, draw, data), f"pdf:{op}"
    except Exception as exc:  # noqa: BLE001 - a mutator that cannot apply leaves bytes mutated otherwise
        return data + b"\n%" + type(exc).__name__.encode() + b"\n", f"pdf:{op}-failed"


def _pdf_edit(op: str, draw: Draw, data: bytes) -> bytes:
    if op.startswith("pypdf"):
        from pypdf import PdfWriter
        from pypdf.annotations import FreeText

        writer = PdfWriter(io.BytesIO(data), incremental=op != "pypdf_rewrite")
        if op == "pypdf_metadata":
            writer.add_metadata({"/Title": draw(st.sampled_from(["Otro", "x" * 1000, ""]))})
        elif op == "pypdf_page":
            writer.add_blank_page(100, 100)
        elif op == "pypdf_annotation":
            writer.add_annotation(0, FreeText(text="ALTERADO", rect=(10, 10, 200, 60)))
        elif op == "pypdf_content":
            page = writer.pages[0]
            page.merge_page(PdfWriter().add_blank_page(10, 10))
            page[__import__("pypdf").generic.NameObject("/Rotate")] = __import__("pypdf").generic.NumberObject(90)
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()
    if op.startswith("pyhanko"):
        from pyhanko.pdf_utils import generic
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

        writer = IncrementalPdfFileWriter(io.BytesIO(data))
        if op == "pyhanko_info":
            writer.set_info(None)
            info = writer.trailer["/Info"] if "/Info" in writer.trailer else None
            if info is not None:
                info = info.get_object()
                info[generic.NameObject("/Title")] = generic.TextStringObject("alterado")
                writer.update_container(info)
        else:
            page_ref = writer.root["/Pages"]["/Kids"][0]
            page = page_ref.get_object()
            stream = generic.StreamObject(stream_data=b"BT /F1 24 Tf 50 50 Td (ALTERADO) Tj ET")
            page[generic.NameObject("/Contents")] = writer.add_object(stream)
            writer.update_container(page)
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()
    # A fake incremental section: a new /Info object and trailer appended by hand.
    body = json.dumps({"x": 1}).encode()
    return data + b"\n99 0 obj\n<< /Title (" + body + b") >>\nendobj\n%%EOF\n"
