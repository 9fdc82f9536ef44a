"""The one message catalogue: every entry in both languages, every code the app uses defined.

The scan reads the app's source (no import of Qt or ReportLab) for the ways it names a
message: ``text("code", …)``, ``render``, ``InputError("code")`` and its subclasses, the CLI's
``_say(lang, "key")`` and ``_t(…)["key"]``, and the summary's ``words(lang)["key"]``.
"""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from app.models import messages
from app.models.messages import MESSAGES, PARTS, InputError, table, text

APP = Path(messages.__file__).resolve().parents[3]

# Calls whose first string argument is a catalogue code.
_CALLS = re.compile(
    r"(?<![.\w])(?:text|message_text|render|InputError|SyncError|CatalogError|_InputError)"
    r"\(\s*\"([A-Za-z][\w.]*)\"(?=\s*[,)])"
)
# A code chosen between two literals: InputError("catalog_older" if older else "catalog_same").
_CHOICES = re.compile(
    r"(?<![.\w])(?:text|message_text|render|InputError|SyncError|CatalogError)\(\s*"
    r"\"([\w.]+)\" if [^\n]*? else \"([\w.]+)\""
)
_SAY = re.compile(r"\b_say\(\s*[\w.]+,\s*\"(\w+)\"")
_SUBSCRIPT = re.compile(r"\b(?:_t\([^()]*\)|text|said|words\(lang\))\[\s*[\"'](\w+)[\"']\s*\]")
#: File → the prefix its ``words(lang)[key]`` subscripts look up (the CLI's modules say theirs
#: in their own ``table("cli.….", lang)`` call, read from the source below).
_TABLES = {
    "summary_pdf.py": "summary.",
    "summary_pdf_parts.py": "summary.",
    "summary_pdf_page.py": "summary.",
    "signature_block.py": "signature_block.",
}
_TABLE_CALL = re.compile(r"\btable\(\s*\"([\w.]+)\"")


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def used_codes() -> dict[str, set[str]]:
    """Every catalogue code named literally in app/, with the files that name it."""
    found: dict[str, set[str]] = {}
    for path in sorted(APP.joinpath("app").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        codes = set(_CALLS.findall(source))
        codes |= {code for pair in _CHOICES.findall(source) for code in pair}
        codes |= set(re.findall(r"^    \(\"(backup_count_\w+)\"", source, re.M))  # backup's count labels
        if path.parent.name == "cli":
            codes |= {"cli." + key for key in _SAY.findall(source)}
        called = _TABLE_CALL.search(source)
        prefix = _TABLES.get(path.name) or (called.group(1) if called else None)
        if prefix:
            codes |= {prefix + key for key in _SUBSCRIPT.findall(source)}
        for code in codes:
            found.setdefault(code, set()).add(str(path.relative_to(APP)))
    return found


def test_every_entry_has_spanish_and_english_with_the_same_placeholders():
    assert len(MESSAGES) > 250
    for code, entry in MESSAGES.items():
        assert set(entry) == {"es", "en"}, code
        assert entry["es"].strip() and entry["en"].strip(), code
        assert _fields(entry["es"]) == _fields(entry["en"]), code


def test_no_code_is_defined_by_two_features():
    seen: dict[str, str] = {}
    for part in PARTS:
        for code in part.MESSAGES:
            assert code not in seen, f"{code} in {seen.get(code)} and {part.__name__}"
            seen[code] = part.__name__
    assert set(seen) == set(MESSAGES)


def test_the_scan_finds_each_way_of_naming_a_message():
    used = used_codes()
    # One of each: an InputError, a sync code, a catalog detail, the summary's words, the CLI.
    for code in (
        "file_missing",
        "E_NOT_ZIP",
        "catalog_older",
        "catalog_same",
        "summary.fingerprint_full",
        "summary.presence_short",
        "cli.backup",
        "cli.sync.init_state",
        "cli.pdf.written",
        "cli.verify.count",
        "cli.export.exported",
        "sync_already_imported",
    ):
        assert code in used, code
    assert len(used) > 200


def test_every_code_the_app_names_is_in_the_catalogue():
    missing = {code: sorted(files) for code, files in used_codes().items() if code not in MESSAGES}
    assert not missing


@pytest.mark.parametrize("code", sorted(c for c in MESSAGES if c.startswith("E_")))
def test_sync_codes_name_where_it_happened(code):
    assert "{where}" in MESSAGES[code]["es"]


def test_lookup_falls_back_to_spanish_and_never_hides_an_unknown_code():
    assert text("file_missing", "en", path="x.csv") == "File not found: x.csv"
    assert text("file_missing", "fr", path="x.csv") == "No existe el archivo: x.csv"
    assert text("no_such_code", "en", path="x") == "no_such_code {'path': 'x'}"
    assert text("file_missing", "en") == MESSAGES["file_missing"]["en"]  # a field missing: unfilled
    assert table("cli.pdf.", "en")["unsigned"] == "unsigned"


def test_an_input_error_renders_nested_errors_and_lists_of_them_in_the_readers_language():
    items = [InputError("catalog_drop_type", type="HG"), InputError("catalog_drops_more", count=2)]
    error = InputError("catalog_drops", version="2099.1", items=items)
    assert (
        error.message("en") == "2099.1 drops items that hold data on this computer: the facility type 'HG'; and 2 more"
    )
    assert "«HG»; y 2 más" in error.message("es") and str(error) == error.message("es")
