"""Coordina's icon on every window and in the task bar."""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app import RESOURCES_DIR


def set_app_icon() -> None:
    """Set the application icon in every size shipped (files load when first drawn)."""
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon.addFile(str(RESOURCES_DIR / "icons" / f"coordina-{size}.png"))
    QApplication.setWindowIcon(icon)
