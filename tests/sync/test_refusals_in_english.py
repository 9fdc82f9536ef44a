"""A refusal or a note of the sync path reads in the reader's language, detail included.

Before, the code's sentence was translated but its detail was Spanish free text made where
the problem was found ("values: declara 5, trae 6", "faltan los paquetes 2"), and the
package reader's process sent its refusals back as Spanish strings. An analyst working in
English read half-Spanish sentences. Spanish readers see exactly what they saw before.
"""

from __future__ import annotations

import pickle
import re
import string

import pytest

from app.models.messages import MESSAGES
from app.models.values import ValueChange
from app.services.entry.month_values import record_changes
from app.services.sync import sync_export, sync_import
from app.sync import safejson
from app.sync.archive import ZipReader
from app.sync.errors import SyncError
from tests.sync.forge import reforge, resign_manifest, write
from tests.sync.test_hostile import refused
from tests.sync.test_part_reader import _swapped_parts
from tests.sync.test_signed_claims import _every_value, _key, _synced
from tests.sync.zipcraft import deflated, raw_zip

#: Words of the Spanish details and notes that have no business in an English sentence.
SPANISH = re.compile(r"\b(declara|trae|faltan|paquetes?|valores|firma(do)?|alterado|última|reloj|no coincide)\b")
DETAILS = sorted(code for code in MESSAGES if code.startswith(("sync_detail.", "sync_note.", "json_")))


def _words(template: str) -> str:
    """The template's own words, without its placeholders and punctuation."""
    literal = "".join(text for text, *_ in string.Formatter().parse(template))
    return re.sub(r"[^\w]+", " ", literal).strip()


@pytest.mark.parametrize("code", DETAILS)
def test_every_detail_is_translated_not_copied(code: str) -> None:
    es, en = MESSAGES[code]["es"], MESSAGES[code]["en"]
    if _words(es):  # "{name}: {reason}" has nothing to translate
        assert _words(es) != _words(en), code
    assert not SPANISH.search(en), code


def test_a_json_refusal_renders_in_either_language_after_crossing_a_process() -> None:
    with pytest.raises(safejson.JsonRefused) as caught:
        safejson.loads(b"[" * 100 + b"]" * 100)
    again = pickle.loads(pickle.dumps(caught.value))  # as the package reader sends it back
    assert again.message("en") == "nested too deep (more than 64 levels)"
    assert again.message("es") == "anidamiento excesivo (más de 64 niveles)"
    refusal = SyncError("E_MANIFEST", "a.coordina", again)
    assert refusal.message("en") == "[E_MANIFEST] a.coordina: invalid manifest: nested too deep (more than 64 levels)"
    assert refusal.detail == "anidamiento excesivo (más de 64 niveles)"  # what logs and the CLI's JSON keep


def test_a_refusal_that_cannot_be_pickled_still_reaches_the_importer_as_text() -> None:
    from app.models.messages import InputError
    from app.services.sync.sync_reader import _portable

    whole = SyncError("E_SCOPE", "a.coordina", InputError("sync_detail.scope_missing"))
    assert _portable(whole) is whole  # rendered in the reader's language on the other side
    odd = SyncError("E_PAYLOAD", "a.coordina", InputError("sync_detail.named", name=lambda: None))
    sent = pickle.loads(pickle.dumps(_portable(odd)))
    assert (sent.code, sent.where, sent.detail) == (odd.code, odd.where, odd.detail)


@pytest.mark.parametrize(
    ("damage", "english"),
    [
        (lambda c, crc, size: (c, crc ^ 1, size), "(a.json: CRC-32 does not match)"),
        (lambda c, crc, size: (c, crc, size - 10), "(a.json: more than it declares)"),
        (lambda c, crc, size: (c[:-3], crc, size), "(a.json: incomplete data)"),
        (lambda c, crc, size: (b"\xff" * len(c), crc, size), "(a.json: damaged compressed data (zlib: "),
    ],
    ids=["crc", "longer", "short", "not-deflate"],
)
def test_a_damaged_zip_entry_is_described_in_english(damage, english: str) -> None:
    compressed, crc, size = deflated(b"hola" * 50)
    with pytest.raises(SyncError) as caught:
        ZipReader(raw_zip([("a.json", *damage(compressed, crc, size))]), "a.coordina").read("a.json")
    assert english in caught.value.message("en"), caught.value.message("en")
    assert not SPANISH.search(caught.value.message("en"))


@pytest.fixture
def english_hq(pair):
    pair.hq.lang = "en"
    return pair


def test_a_scope_refusal_reads_in_english(english_hq, db_dump) -> None:
    pair = english_hq
    valid = sync_export.export_package(pair.state, pair.outbox, pair.identity, full=True).path.read_bytes()
    claimed = resign_manifest(valid, pair.identity, lambda m: m["scope"].update(values=m["scope"]["values"] + 1))
    summary = refused(pair, db_dump, claimed, "E_SCOPE")
    assert re.search(r"\(values: declares [\d,]+, holds [\d,]+\); nothing was imported$", summary["description"])
    assert not SPANISH.search(summary["description"]), summary["description"]


def test_a_refusal_from_the_package_readers_process_reads_in_english(english_hq, db_dump) -> None:
    pair = english_hq
    valid = sync_export.export_package(pair.state, pair.outbox, pair.identity, full=True).path.read_bytes()
    path = write(pair.outbox, "partes.coordina", _swapped_parts(valid, pair.identity))
    before = db_dump(pair.hq.conn)
    [result] = sync_import.import_packages(pair.hq, [path], pipeline=True)
    assert result.summary["status"] == "ERROR" and db_dump(pair.hq.conn) == before
    [conflict] = result.summary["conflicts"]
    assert conflict["errorCode"] == "E_DECRYPT"
    assert "altered, damaged or sealed to another key" in conflict["value"], conflict["value"]
    assert not SPANISH.search(conflict["value"]), conflict["value"]


def test_a_replay_and_a_gap_read_in_english(english_hq, db_dump) -> None:
    pair = english_hq
    first = sync_export.export_package(pair.state, pair.outbox, pair.identity, full=True)
    second = sync_export.export_package(pair.state, pair.outbox, pair.identity, full=True)
    [result] = sync_import.import_packages(pair.hq, [second.path])
    [gap] = result.summary["conflicts"]
    assert gap["value"] == "packages 1 are missing; their content is included in this one"
    summary = refused(pair, db_dump, first.path.read_bytes(), "E_REPLAY", "viejo.coordina")
    assert "(sequence 1 (last imported: 2))" in summary["description"], summary["description"]
    assert not SPANISH.search(summary["description"]), summary["description"]


def test_clock_notes_read_in_english(english_hq) -> None:
    pair = english_hq
    _synced(pair)
    record_changes(pair.state, [ValueChange(_key(pair.state), 2222)])
    delta = sync_export.export_package(pair.state, pair.outbox, pair.identity)
    future = "2999-01-01T00:00:00+00:00"
    forged = reforge(
        pair.hq,
        pair.identity,
        delta.path.read_bytes(),
        manifest_edit=lambda m: m.update(created_at=future),
        doc_edit=lambda doc: _every_value(doc, updated_at=future),
    )
    [result] = sync_import.import_packages(pair.hq, [write(pair.outbox, "reloj.coordina", forged)])
    notes = [c["value"] for c in result.summary["conflicts"] if c["errorCode"] == "W_CLOCK_SKEW"]
    assert len(notes) == 2, result.summary["conflicts"]
    assert notes[0].startswith(f"the package says it was signed on {future}, after headquarters' time")
    assert re.match(r"1 values dated after the package was signed \(.+\), or with an invalid date", notes[1])
    assert not any(SPANISH.search(note) for note in notes), notes
