"""The entry grid's open editor and current cell, kept safe across loads and model resets.

Issue 9, defect 2: a month that finished loading reset the model under an open cell
editor, and the keys typed next landed in the wrong cell (Qt: "commitData called with
an editor that does not belong to this view"). The rules kept here:

* the view knows the one editor it has open; a commit or close queued for any other
  (Enter's commit is queued) is ignored, so nothing is stored twice or elsewhere;
* before a load or a section change, :meth:`CellKeepingView.commit_open_editor` stores
  what is typed in the cell it was typed in; no editor survives a reset;
* across a reset the current cell is kept by facility and column, not by row number;
* a repaint of rows (issues checked in the background, a write coming back) never
  replaces what is being typed: Qt 6 puts the model's value back into an open editor
  inside any changed range.
"""

from __future__ import annotations

from collections.abc import Sequence

import shiboken6
from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QLineEdit, QTableView, QWidget

from app.ui.entry.grid_delegate import GridDelegate
from app.ui.entry.grid_filter import GridFilterProxy
from app.ui.entry.grid_model import MonthGridModel
from app.ui.entry.month_index import CellKey


class CellKeepingView(QTableView):
    """A table view over the grid's filter proxy that keeps its editor and current cell safe."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._proxy: GridFilterProxy | None = None
        self._editor: QWidget | None = None  # the cell editor open now, if any
        self._stored_early: tuple[QWidget, bool] | None = None  # (editor, refused) stored as a load began
        self._keep: tuple[str, CellKey | None] | None = None  # (CLUES, cell) to be current after a reset
        self._last_commit_rejected = False
        self._following_click = False  # Qt is closing the editor because the current cell moved

    def dataChanged(
        self,
        top_left: QModelIndex | QPersistentModelIndex,  # noqa: N802 - Qt API
        bottom_right: QModelIndex | QPersistentModelIndex,
        roles: Sequence[int] | None = None,
    ) -> None:
        editor = self._editor
        typed = editor.text() if isinstance(editor, QLineEdit) and shiboken6.isValid(editor) else None
        super().dataChanged(top_left, bottom_right, roles or [])
        if typed is not None and isinstance(editor, QLineEdit) and shiboken6.isValid(editor) and editor.text() != typed:
            editor.setText(typed)  # the person's typing wins over a repaint of its row

    def _watch(self, delegate: GridDelegate, proxy: GridFilterProxy) -> None:
        delegate.editor_opened.connect(self._editor_opened)
        proxy.modelAboutToBeReset.connect(self._before_reset)
        proxy.modelReset.connect(self.restore_current)

    def grid(self) -> MonthGridModel:
        assert self._proxy is not None
        return self._proxy.grid()

    def proxy(self) -> GridFilterProxy:
        assert self._proxy is not None
        return self._proxy

    # -- the open editor ------------------------------------------------------------------
    def commit_open_editor(self) -> None:
        """Store what the open cell editor holds, in the cell it was opened on, and close it (no move)."""
        editor, self._editor = self._editor, None
        if editor is None or not shiboken6.isValid(editor) or self.state() != QAbstractItemView.State.EditingState:
            return
        QTableView.commitData(self, editor)
        QTableView.closeEditor(self, editor, QAbstractItemDelegate.EndEditHint.NoHint)
        # An Enter or Tab pressed just before may still have its commit queued: it will find
        # the editor closed, and only moves the cursor (see _closed_early).
        self._stored_early = (editor, self._last_commit_rejected)
        self._last_commit_rejected = False

    def commitData(self, editor: QWidget) -> None:  # noqa: N802 - Qt API
        if editor is not self._editor:
            return  # Enter's queued commit for an editor already stored and closed when a load began
        super().commitData(editor)

    def currentChanged(
        self,
        current: QModelIndex | QPersistentModelIndex,  # noqa: N802 - Qt API
        previous: QModelIndex | QPersistentModelIndex,
    ) -> None:
        # Qt stores and closes an open editor here with "submit" when the row changes: that is
        # a click or an arrow, not Enter, so the cursor must stay on the new cell.
        self._following_click = True
        try:
            super().currentChanged(current, previous)
        finally:
            self._following_click = False

    def _closed_early(self, editor: QWidget) -> tuple[bool, bool]:
        """For a close of ``editor``: (already closed, whether its key's move still applies)."""
        if editor is self._editor:
            self._editor = None
            return False, False
        early, self._stored_early = self._stored_early, None
        return True, early is not None and early[0] is editor and not early[1]

    def _editor_opened(self, editor: QWidget) -> None:
        self._editor = editor

    # -- resets ---------------------------------------------------------------------------
    def _before_reset(self) -> None:
        """Remember the current cell by facility and column; no editor may outlive the rows."""
        self._remember_current()
        editor, self._editor = self._editor, None
        if editor is not None and shiboken6.isValid(editor) and self.state() == QAbstractItemView.State.EditingState:
            # Loads and section changes store the editor first; anything left cannot be stored
            # safely now (the session may already hold another month), so it is dropped.
            QTableView.closeEditor(self, editor, QAbstractItemDelegate.EndEditHint.RevertModelCache)

    def _remember_current(self) -> None:
        index = self.currentIndex()
        if not index.isValid() or self._proxy is None:
            return
        grid = self.grid()
        source = self.proxy().mapToSource(index)
        if not 0 <= source.row() < grid.rowCount():
            return
        column = grid.column(source.column())
        self._keep = (grid.facility(source.row()).clues, column.key if column else None)

    def restore_current(self) -> None:
        """Make the remembered cell current (same facility; same column if the section has it).

        Without one, the current cell stays, or the first value cell is taken, so keys
        typed right after the month appears land in the first row.
        """
        if self._proxy is None:
            return
        grid, proxy = self.grid(), self.proxy()
        keep, self._keep = self._keep, None
        index = QModelIndex()
        if keep is not None and grid.row_of(keep[0]) >= 0:
            clues, cell = keep
            column = grid.value_column(*cell) if cell else MonthGridModel.PROGRESS_COLUMN
            if column < 0:
                column = MonthGridModel.FIRST_VALUE_COLUMN
            index = proxy.mapFromSource(grid.index(grid.row_of(clues), column))
        if not index.isValid():
            index = self.currentIndex()
        if not index.isValid() and proxy.rowCount() and proxy.columnCount() > MonthGridModel.FIRST_VALUE_COLUMN:
            index = proxy.index(0, MonthGridModel.FIRST_VALUE_COLUMN)
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)
