"""Per-user settings kept with QSettings: language, window geometry, last month opened.

Defaults live here in code (as vorta does), so a missing or old settings file
never breaks a start.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QSettings

from app.services.system.app_paths import settings_file

LANGUAGES = ("es", "en")


def app_settings() -> QSettings:
    """The settings file each OS expects (app.services.system.app_paths; on Linux the same
    ``~/.config/Coordina/Coordina.ini`` Qt chose before)."""
    return QSettings(str(settings_file()), QSettings.Format.IniFormat)


def saved_language(default: str = "es") -> str:
    """The language chosen in Ver → Idioma, or ``default``."""
    value = str(app_settings().value("ui/lang", default))
    return value if value in LANGUAGES else default


def save_language(lang: str) -> None:
    app_settings().setValue("ui/lang", lang)


def _dir_key(data_dir: Path) -> str:
    # One entry per data directory: a coordinator may keep a demo and her real data apart.
    return hashlib.sha1(str(Path(data_dir).resolve()).encode()).hexdigest()[:12]


def last_month(data_dir: Path) -> tuple[str, str] | None:
    """(state code, period) last opened on this data directory, if any."""
    settings = app_settings()
    key = _dir_key(data_dir)
    state, period = (settings.value(f"last/{key}/state", ""), settings.value(f"last/{key}/period", ""))
    return (str(state), str(period)) if state and period else None


def save_last_month(data_dir: Path, state: str, period: str) -> None:
    settings = app_settings()
    key = _dir_key(data_dir)
    settings.setValue(f"last/{key}/state", state)
    settings.setValue(f"last/{key}/period", period)


def last_path(key: str, default: str = "") -> str:
    """A file or folder the person chose last time for ``key`` ("signing/p12", "export/folder").

    Only paths are remembered here; passphrases never are.
    """
    return str(app_settings().value(f"paths/{key}", default) or default)


def save_last_path(key: str, path: str) -> None:
    app_settings().setValue(f"paths/{key}", str(path))
