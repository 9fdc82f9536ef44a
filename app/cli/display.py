"""Whether this process can open a window at all (asked before Qt is loaded)."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping


def display_missing(environ: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """Whether no window can open: an X11/Wayland system with neither DISPLAY nor
    WAYLAND_DISPLAY set, and Qt not told to draw elsewhere (QT_QPA_PLATFORM=offscreen, vnc...)."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if platform.startswith(("win", "darwin", "cygwin")):
        return False
    qpa = environ.get("QT_QPA_PLATFORM", "")
    if qpa and not qpa.startswith(("xcb", "wayland")):
        return False
    return not (environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))
