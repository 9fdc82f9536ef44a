"""Tab-separated text, the format Excel puts on and reads from the clipboard.

Excel writes one line per row and a tab between cells, and wraps a cell in
double quotes when it holds a tab, a line break or a quote (doubling inner
quotes). Reading goes through :mod:`csv` so such cells survive.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable


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


Cell = tuple[int, int]


def copy_block(selected: set[Cell], cell_text: Callable[[int, int], str]) -> list[list[str]]:
    """The bounding block of ``selected`` cells as rows of texts; unselected cells inside are ""."""
    rows = range(min(r for r, _ in selected), max(r for r, _ in selected) + 1)
    cols = range(min(c for _, c in selected), max(c for _, c in selected) + 1)
    return [[cell_text(r, c) if (r, c) in selected else "" for c in cols] for r in rows]


def paste_targets(block: list[list[str]], anchor: Cell, selection: list[Cell]) -> list[tuple[int, int, str]]:
    """(row, column, text) for each pasted text: the block from ``anchor`` on, or, as in Excel,
    one copied value into every selected cell when more than one is selected."""
    if len(block) == 1 and len(block[0]) == 1 and len(selection) > 1:
        return [(r, c, block[0][0]) for r, c in selection]
    return [(anchor[0] + i, anchor[1] + j, text) for i, line in enumerate(block) for j, text in enumerate(line)]


def bounds(cells: list[Cell]) -> tuple[int, int, int, int]:
    """(top, left, bottom, right) of ``cells``."""
    return (min(r for r, _ in cells), min(c for _, c in cells), max(r for r, _ in cells), max(c for _, c in cells))
