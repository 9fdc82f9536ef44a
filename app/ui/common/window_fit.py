"""Windows and dialogs that fit the screen they open on, and come back where they were left.

A coordinator's laptop is often 1366×768 (sometimes 1024×768, with a taskbar): a window
made for 1440×900 would open with its buttons and status bar off-screen. :func:`fit_window`
replaces ``resize(w, h)``: the preferred size is only a wish, capped by the screen's
available geometry; the size and position the person leaves are kept in QSettings (per
window), and a saved place on a screen that is no longer there is moved back onto one
that is.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from app.ui.common import settings

#: Room kept for the window manager's title bar and borders, which are unknown until the
#: window is mapped (and absent offscreen): without it a window as tall as the available
#: area would push its bottom edge, where the buttons are, under the taskbar.
FRAME_ALLOWANCE = QSize(16, 40)


def _key(name: str) -> str:
    return f"window/{name}"


def screen_for(widget: QWidget, rect: QRect | None = None) -> QScreen:
    """The screen ``rect`` (or the widget) is on; the primary screen if none is."""
    if rect is not None and rect.isValid():
        screen = QGuiApplication.screenAt(rect.center())
        if screen is not None:
            return screen
    parent = widget.parentWidget()
    if parent is not None and parent.window().isVisible():
        return parent.window().screen()
    return widget.screen() or QGuiApplication.primaryScreen()


def usable_area(screen: QScreen) -> QRect:
    """The part of ``screen`` a window's client area may take (taskbar and frame left out)."""
    area = screen.availableGeometry()
    return QRect(
        area.x(),
        area.y(),
        max(200, area.width() - FRAME_ALLOWANCE.width()),
        max(150, area.height() - FRAME_ALLOWANCE.height()),
    )


def clamp_rect(rect: QRect, area: QRect, minimum: QSize | None = None) -> QRect:
    """``rect`` made no larger than ``area`` (but not below ``minimum``) and moved inside it."""
    width, height = min(rect.width(), area.width()), min(rect.height(), area.height())
    if minimum is not None:
        width, height = max(width, minimum.width()), max(height, minimum.height())
    x = min(max(rect.x(), area.x()), area.x() + area.width() - width)
    y = min(max(rect.y(), area.y()), area.y() + area.height() - height)
    return QRect(max(x, area.x()), max(y, area.y()), width, height)


def _centered(size: QSize, around: QRect) -> QRect:
    top_left = around.center() - QPoint(size.width() // 2, size.height() // 2)
    return QRect(top_left, size)


class _Fitter(QObject):
    """Event filter that places its window on first show and saves its place on hide."""

    def __init__(self, widget: QWidget, name: str, preferred: QSize):
        super().__init__(widget)
        self._widget = widget
        self._name = name
        self._preferred = preferred
        self._placed = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if obj is self._widget:
            kind = event.type()
            if kind == QEvent.Type.Show and not self._placed:
                self._placed = True
                self.place()
            elif kind in (QEvent.Type.Hide, QEvent.Type.Close) and self._placed and not event.spontaneous():
                self.save()
        return False

    def place(self) -> None:
        """Restore the saved place, or centre the preferred size, always within a screen."""
        widget = self._widget
        store = settings.app_settings()
        saved = store.value(_key(self._name))
        rect = saved if isinstance(saved, QRect) and saved.isValid() else None
        screen = screen_for(widget, rect)
        area = usable_area(screen)
        minimum = widget.minimumSizeHint().expandedTo(widget.minimumSize())
        if rect is None:
            parent = widget.parentWidget()
            around = parent.window().frameGeometry() if parent is not None and parent.isVisible() else area
            box = around.intersected(area)
            rect = _centered(self._preferred.boundedTo(area.size()), area if box.isEmpty() else box)
        # resize + move, not setGeometry: move() places the frame, so the title bar stays
        # on-screen; either marks the window as placed, so QDialog does not re-centre it.
        place = clamp_rect(rect, area, minimum.boundedTo(area.size()))
        widget.resize(place.size())
        widget.move(place.topLeft())
        if str(store.value(_key(self._name) + "_maximized", "false")).lower() == "true":
            widget.setWindowState(widget.windowState() | Qt.WindowState.WindowMaximized)

    def save(self) -> None:
        """Remember the normal (not maximized) place and whether the window was maximized."""
        widget = self._widget
        store = settings.app_settings()
        maximized = bool(widget.windowState() & Qt.WindowState.WindowMaximized)
        size = widget.normalGeometry().size() if maximized else widget.size()
        # The frame's top-left (what move() takes back) with the client area's size.
        rect = QRect(widget.pos(), size)
        if rect.isValid():
            store.setValue(_key(self._name), rect)
        store.setValue(_key(self._name) + "_maximized", maximized)


def fit_window(widget: QWidget, name: str, width: int, height: int) -> None:
    """Size ``widget`` to ``width``×``height`` or less, so that it fits its screen.

    Call it in place of ``resize()`` in the constructor of every top-level window and
    dialog. On its first show the window gets the place saved under ``name`` (if that is
    still on a screen), else the capped size centred on its parent or the screen; its place
    is saved again whenever it is hidden or closed.
    """
    preferred = QSize(width, height)
    widget.resize(preferred.boundedTo(usable_area(screen_for(widget)).size()))
    widget.installEventFilter(_Fitter(widget, name, preferred))
