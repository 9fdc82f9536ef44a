"""Render resources/icons/coordina.svg into the committed PNG sizes and the Windows .ico.

The PNGs and the .ico are committed, so neither a build nor a test needs an SVG renderer.
Run this only after changing the SVG, from a throwaway venv (never the project's .venv):

    python3 -m venv /tmp/icons-venv && /tmp/icons-venv/bin/pip install cairosvg pillow
    /tmp/icons-venv/bin/python packaging/make_icons.py
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
#: freedesktop hicolor sizes (16..512); the .ico holds those Windows Explorer asks for.
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(svg: bytes, size: int) -> bytes:
    """Return the SVG rendered as a size x size PNG (cairosvg: a real vector renderer)."""
    import cairosvg  # noqa: PLC0415 - only in the throwaway venv

    return cairosvg.svg2png(bytestring=svg, output_width=size, output_height=size)


def main() -> int:
    """Write coordina-<size>.png for every size and coordina.ico; print what was written."""
    from PIL import Image  # noqa: PLC0415 - only in the throwaway venv

    svg = (ICONS / "coordina.svg").read_bytes()
    images: dict[int, Image.Image] = {}
    for size in PNG_SIZES:
        png = render(svg, size)
        (ICONS / f"coordina-{size}.png").write_bytes(png)
        images[size] = Image.open(io.BytesIO(png)).convert("RGBA")
        print(f"coordina-{size}.png")
    # Each .ico frame is its own rendering (not a downscale of 256), so 16 px stays sharp.
    largest = images[max(ICO_SIZES)]
    largest.save(ICONS / "coordina.ico", format="ICO", sizes=[(s, s) for s in ICO_SIZES],
                 append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)])
    print("coordina.ico")
    return 0


if __name__ == "__main__":
    sys.exit(main())
