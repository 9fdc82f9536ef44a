"""Tab-separated text, the format Excel puts on and reads from the clipboard.

Excel writes one line per row and a tab between cells, and wraps a cell in
double quotes when it holds a tab, a line break or a quote (doubling inner
quotes). Reading goes through :mod:`csv` so such cells survive.
"""

from __future__ import annotations

import csv
import io


def parse_tsv(text: str) -> list[list[str]]:
    """Rows of cells from clipboard text; [] when there is nothing to paste."""
    if not text:
        return []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]  # Excel ends every copy with a line break
    if text == "":
        return [[""]]  # one empty cell copied
    rows = list(csv.reader(io.StringIO(text), delimiter="\t", quotechar='"'))
    return [row or [""] for row in rows]


def _quote(cell: str) -> str:
    if any(ch in cell for ch in ("\t", "\n", "\r", '"')):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def to_tsv(rows: list[list[str]]) -> str:
    """Clipboard text for a block of cells, ending with a line break like Excel's."""
    return "".join("\t".join(_quote(c) for c in row) + "\n" for row in rows)
