"""Named colour roles taken from the palette, so dark and high-contrast themes stay readable.

Widgets never hard-code a colour: they ask for a role ("error", "muted", "accent"…) and get a
colour made from the active palette. Semantic hues (red for errors, amber for warnings, green
for done, the institutional guinda for titles) are kept, but their lightness is moved until the
text reaches WCAG's 4.5:1 contrast against the palette's base, and tinted backgrounds are mixed
into the palette's own base colour instead of being fixed pastel shades.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtGui import QColor, QGuiApplication, QPalette

Role = Literal["error", "warning", "ok", "accent", "muted", "info", "gold", "provisional", "follow_up"]
"""Text colour roles. "muted" is secondary text (hints, footnotes, metadata); "gold" the PDF's
metas; "provisional" and "follow_up" are the entry grid's corner marks (purple and orange, as in
its legend)."""

Tint = Literal["error", "warning", "ok", "accent", "info", "neutral", "gold"]
"""Background tint roles (banners, badges, highlighted cells)."""

#: The hue each role starts from on a light theme (the app's first-wave colours).
_HUES: dict[str, str] = {
    "error": "#b3261e",
    "warning": "#9a6700",
    "ok": "#1e7b34",
    "accent": "#9f2241",  # IMSS-BIENESTAR guinda
    "info": "#1f5f99",
    "neutral": "#6b6b6b",
    "provisional": "#8a5cc2",
    "follow_up": "#d9480f",
    "gold": "#b38e5d",  # the summary PDF's second colour: metas, totals and inventory bands
}
_MIN_CONTRAST = 4.5  # WCAG AA for normal text
_TINT_STRENGTH = 0.16  # how much of the hue a tinted background takes


def _palette(palette: QPalette | None) -> QPalette:
    if palette is not None:
        return palette
    app = QGuiApplication.instance()
    if app is None:  # before the application exists QPalette() is all black: assume a light theme
        return QPalette(QColor("#efefef"))
    return QGuiApplication.palette()


def current_palette() -> QPalette:
    """The application's palette, or a light default before the application exists."""
    return _palette(None)


def _luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast(first: QColor, second: QColor) -> float:
    """WCAG contrast ratio between two colours (1.0 … 21.0)."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the palette's base (the background text sits on) is dark."""
    return _luminance(_palette(palette).color(QPalette.ColorRole.Base)) < 0.2


def _readable(color: QColor, background: QColor) -> QColor:
    """``color`` with its lightness moved, away from the background, until it reads well."""
    towards_light = _luminance(background) < 0.2
    hue, saturation, lightness, alpha = (color.hslHueF(), color.hslSaturationF(), color.lightnessF(), color.alphaF())
    step = 0.04 if towards_light else -0.04
    # 8-bit RGB throughout, so the result compares equal to the same colour read back from a
    # widget or a style sheet, and rounding cannot take it back under the threshold.
    candidate = QColor.fromRgba(color.rgba())
    while contrast(candidate, background) < _MIN_CONTRAST and 0.0 < lightness < 1.0:
        lightness = min(1.0, max(0.0, lightness + step))
        candidate = QColor.fromRgba(QColor.fromHslF(max(hue, 0.0), saturation, lightness, alpha).rgba())
    return candidate


def color(role: Role, palette: QPalette | None = None) -> QColor:
    """The text colour for ``role`` on the palette's base, readable on light and dark themes."""
    pal = _palette(palette)
    base = pal.color(QPalette.ColorRole.Base)
    if role == "muted":
        text = pal.color(QPalette.ColorRole.Text)
        start = _mix(text, base, 0.62)  # between text and base, like placeholder text
    else:
        start = QColor(_HUES[role])
    found = _readable(start, base)
    window = pal.color(QPalette.ColorRole.Window)
    if (_luminance(window) < 0.2) == (_luminance(base) < 0.2):
        # Status lines and notes are labels on the window colour, often a shade off the base.
        found = _readable(found, window)
    return found


def tint(role: Tint, palette: QPalette | None = None, *, strength: float = _TINT_STRENGTH) -> QColor:
    """A background for ``role``: the palette's base with a little of the role's hue.

    ``strength`` is the share of the hue on a light theme (a stronger tint marks a grid
    cell); a dark base takes a little more, so the hue still shows.
    """
    pal = _palette(palette)
    base = pal.color(QPalette.ColorRole.Base)
    strength *= 1.6 if is_dark(pal) else 1.0
    return _mix(QColor(_HUES[role]), base, strength)


def color_on(role: Role, background: QColor, palette: QPalette | None = None) -> QColor:
    """The colour for ``role`` made readable on ``background`` (a tint) rather than on the base."""
    return _readable(color(role, palette), background)


def _mix(first: QColor, second: QColor, share_of_first: float) -> QColor:
    rest = 1.0 - share_of_first
    mixed = QColor.fromRgbF(
        first.redF() * share_of_first + second.redF() * rest,
        first.greenF() * share_of_first + second.greenF() * rest,
        first.blueF() * share_of_first + second.blueF() * rest,
    )
    return QColor.fromRgba(mixed.rgba())  # 8-bit, as _readable


def text_style(role: Role, *, bold: bool = False, palette: QPalette | None = None, on: QColor | None = None) -> str:
    """A style sheet fragment colouring text with ``role``: ``"color: #b3261e; font-weight: bold;"``.

    ``on`` is the background when it is neither the base nor the window (a button's face).
    """
    weight = " font-weight: bold;" if bold else ""
    found = color(role, palette) if on is None else color_on(role, on, palette)
    return f"color: {found.name()};{weight}"


def banner_style(role: Tint, *, palette: QPalette | None = None) -> str:
    """Style sheet for a banner or badge: tinted background, readable text, rounded padding."""
    pal = _palette(palette)
    background, foreground = tint(role, pal), on_tint(role, pal)
    return f"background: {background.name()}; color: {foreground.name()}; border-radius: 4px; padding: 4px 8px;"


def on_tint(role: Tint, palette: QPalette | None = None) -> QColor:
    """The text colour for a cell or badge filled with ``tint(role)``, readable on that tint."""
    pal = _palette(palette)
    text_role: Role = "muted" if role == "neutral" else role
    return color_on(text_role, tint(role, pal), pal)


def badge_style(role: Role, *, palette: QPalette | None = None) -> str:
    """Style sheet for a solid badge ("DATOS DE DEMOSTRACIÓN"): the role's colour as background.

    The text takes the palette's base: ``color(role)`` already reads at 4.5:1 on it, and
    contrast is symmetric, so the base reads as well on the role's colour.
    """
    pal = _palette(palette)
    background = color(role, pal).name()
    text = pal.color(QPalette.ColorRole.Base).name()
    return f"background: {background}; color: {text}; font-weight: bold; border-radius: 4px; padding: 3px 10px;"
