"""What the menus and their actions may use of the main window.

The Archivo, Resumen and Sincronizar actions need the month on screen, the task manager
and a parent for their dialogs, but not the window's construction. Depending on this base
instead of :class:`~app.ui.shell.main_window.MainWindow` keeps the imports one-way: the window
imports its menus and actions; they import only this module.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from app.models.catalog import Catalog
    from app.services.entry.overview import Overview
    from app.ui.common.tasks import TaskManager
    from app.ui.entry.entry_page import EntryPage
    from app.ui.entry.session import MonthSession


class FacilitySteps(Protocol):
    """The Archivo actions the first-run wizard reuses (FileActions provides them)."""

    def import_facilities_from(self, path: Path) -> Any:
        """Open the import preview of a CLUES file; returns the dialog (its ``imported`` signal)."""
        ...

    def build_demo(self, on_done: Callable[[], None] | None = None) -> None:
        """Build the demo state, then call ``on_done``."""
        ...


class ShellWindow(QMainWindow):
    """The main window as its menus see it; :class:`MainWindow` fills it in."""

    data_dir: Path
    lang: str
    tasks: TaskManager
    undo_stack: QUndoStack
    overview: Overview | None

    @property
    def catalog(self) -> Catalog:
        """The data directory's catalog."""
        raise NotImplementedError

    @property
    def session(self) -> MonthSession:
        """The month being edited."""
        raise NotImplementedError

    @property
    def entry(self) -> EntryPage:
        """The report-entry page (grid, filters, side panel)."""
        raise NotImplementedError

    @property
    def file_actions(self) -> FacilitySteps:
        """The Archivo menu's actions, as far as other windows reuse them."""
        raise NotImplementedError

    def current_state(self) -> str:
        """The state chosen in the toolbar (its INEGI code)."""
        raise NotImplementedError

    def current_period(self) -> str:
        """The month chosen in the toolbar (``YYYYMM``)."""
        raise NotImplementedError

    def reload_all(self, state_code: str | None = None, period: str | None = None) -> None:
        """Re-read what the data directory holds, then (re)load the month."""
        raise NotImplementedError

    def close_report(self) -> None:
        """Ask, then close the month's report."""
        raise NotImplementedError

    def reopen_report(self) -> None:
        """Ask, then reopen the month's report."""
        raise NotImplementedError

    def open_facility_form(self, org_unit: str) -> None:
        """The form of one facility, or of the state's own data."""
        raise NotImplementedError
