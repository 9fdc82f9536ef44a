"""PySide6 user interface. The only package that imports Qt."""

from .qt_workarounds import protect_bool_singletons

# Before any module of the GUI can emit a signal (see qt_workarounds).
protect_bool_singletons()
