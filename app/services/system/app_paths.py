"""Where Coordina keeps its data, settings and logs on each operating system.

One place decides, following each system's conventions through ``platformdirs`` (no Qt
here: the CLI and the services use it too):

============  ==============================================  ====================================
system        data directory (database, backups, ``logs/``)  settings file
============  ==============================================  ====================================
Windows       ``%LOCALAPPDATA%\\Coordina``                    ``%LOCALAPPDATA%\\Coordina\\Coordina.ini``
macOS         ``~/Library/Application Support/Coordina``      same folder, ``Coordina.ini``
Linux, BSD    ``$XDG_DATA_HOME/Coordina``                     ``$XDG_CONFIG_HOME/Coordina/Coordina.ini``
              (``~/.local/share/Coordina``)                  (``~/.config/Coordina/Coordina.ini``)
============  ==============================================  ====================================

On Linux these are exactly the folders Coordina used before (its own rules and Qt's
``QSettings``), so nobody's data or settings move. On Windows the data never go into the
installation folder, which a per-user install may replace on every update.

The logs stay with the data they describe, in ``<data directory>/logs``: a coordinator who
keeps a demo and her real data in two directories gets two logs, and ``--data-dir`` on a
USB stick carries its own.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path

from platformdirs.api import PlatformDirsABC

APP_NAME = "Coordina"
SETTINGS_FILE = "Coordina.ini"
LOGS = "logs"

#: Set by :func:`settings_override` (the self-test must never touch the person's settings).
_SETTINGS_OVERRIDE: list[Path] = []


def _dirs(platform: str | None = None) -> PlatformDirsABC:
    """platformdirs' rules for ``platform`` (default: this one), chosen explicitly so the
    Windows and macOS branches can be exercised on any machine."""
    platform = sys.platform if platform is None else platform
    Rules: type[PlatformDirsABC]
    if platform.startswith(("win", "cygwin")):
        from platformdirs.windows import Windows as Rules
    elif platform == "darwin":
        from platformdirs.macos import MacOS as Rules
    else:
        from platformdirs.unix import Unix as Rules
    # appauthor=False: no "Coordina\Coordina" nesting on Windows; roaming=False: %LOCALAPPDATA%.
    return Rules(appname=APP_NAME, appauthor=False, roaming=False)


def user_data_dir(platform: str | None = None) -> Path:
    """The per-user data directory (see the table above)."""
    return Path(_dirs(platform).user_data_dir)


def settings_file(platform: str | None = None) -> Path:
    """The per-user settings file (INI): language, window places, last folders and month."""
    if _SETTINGS_OVERRIDE:
        return _SETTINGS_OVERRIDE[-1]
    return Path(_dirs(platform).user_config_dir) / SETTINGS_FILE


def log_dir(data_dir: Path) -> Path:
    """The log folder of a data directory."""
    return Path(data_dir) / LOGS


@contextlib.contextmanager
def settings_override(path: Path) -> Iterator[Path]:
    """Use ``path`` as the settings file inside the ``with`` block (the self-test's window)."""
    _SETTINGS_OVERRIDE.append(Path(path))
    try:
        yield Path(path)
    finally:
        _SETTINGS_OVERRIDE.pop()
