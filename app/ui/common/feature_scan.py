"""PySide's look at each imported module, done on the file's bytes.

After PySide6 is imported, every module imported later is checked for whether it could
switch a PySide "feature" (``from __feature__ import snake_case``): PySide reads the module's
source with ``inspect.getsource`` and searches it for "PySide6". ``inspect`` finds the file
by walking ``sys.modules`` and reads it line by line through ``linecache``, so the check
grows with every module already loaded: for the ~150 modules Coordina imports on the way to
its grid that was 12-20 ms of every start (issue 12). :func:`install` makes PySide run the
same search on the file's bytes. Coordina uses no feature, and the answer is PySide's own
for every module: a module without a source file (built in, compiled, inside a bundle) does
not use PySide, as before.
"""

from __future__ import annotations

import sys
from types import ModuleType

#: Where PySide 6 keeps the check (``PySide6/support/feature.py``, loaded with QtCore).
FEATURE_MODULE = "PySide6.support.feature"


def uses_pyside(module: ModuleType) -> bool:
    """Whether ``module``'s source file mentions PySide6 (PySide's own test, on bytes)."""
    spec = getattr(module, "__spec__", None)
    origin = getattr(spec, "origin", None)
    if not isinstance(origin, str) or not origin.endswith(".py"):
        return False
    try:
        with open(origin, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


def install() -> bool:
    """Give PySide :func:`uses_pyside` as its check; False (nothing done) if it has none."""
    feature = sys.modules.get(FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False  # another PySide: it keeps its own check
    setattr(feature, "_mod_uses_pyside", uses_pyside)  # noqa: B010 - a private name of PySide's
    return True
