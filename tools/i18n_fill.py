"""Carry English translations across Qt translation contexts after code moves.

When a string moves from one class to another (a file split, a widget extracted), lupdate
files it under the new class's context as unfinished, and drops the old entry as obsolete.
This fills each unfinished entry from an identical source text translated elsewhere in the
same .ts file, so a restructuring does not leave English users with Spanish. Run it between
two lupdate passes (``make i18n`` does): lupdate first (new contexts), this, lupdate again
(lupdate's own formatting), then lrelease.

Usage: python tools/i18n_fill.py resources/i18n/coordina_en.ts [OLD.ts ...]
Extra .ts files (for example the committed version, before lupdate dropped obsolete
entries) are read as further sources of translations.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def known_translations(*trees: ET.ElementTree) -> dict[str, str]:
    """Finished translations by source text, from every context of ``trees``."""
    known: dict[str, str] = {}
    for tree in trees:
        for message in tree.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            if translation.text:
                known.setdefault(source, translation.text)
    return known


def fill(ts_path: Path, extra: list[Path]) -> int:
    """Fill unfinished entries of ``ts_path`` in place; returns how many were filled."""
    tree = ET.parse(ts_path)
    trees = [tree, *(ET.parse(path) for path in extra)]
    # Obsolete ("vanished") entries are sources too: they are what moved.
    known = known_translations(*trees)
    for other in trees:
        for message in other.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("vanished", "obsolete") and translation.text:
                known.setdefault(message.findtext("source") or "", translation.text)
    filled = 0
    for message in tree.iter("message"):
        translation = message.find("translation")
        # lupdate may already have guessed the text (same source elsewhere) but leaves it
        # unfinished, which lrelease does not ship: confirm it only from a finished entry.
        if translation is None or translation.get("type") != "unfinished":
            continue
        text = known.get(message.findtext("source") or "")
        if text:
            translation.text = text
            del translation.attrib["type"]
            filled += 1
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    return filled


def main(argv: list[str]) -> int:
    """Command-line entry point."""
    if not argv:
        print(__doc__)
        return 2
    count = fill(Path(argv[0]), [Path(path) for path in argv[1:]])
    print(f"{argv[0]}: {count} translations carried over")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
