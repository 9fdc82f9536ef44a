"""The spreadsheet-like entry grid: keyboard entry, Excel copy and paste, cell menu.

Typing on a cell starts editing (the text replaces the cell, as in Excel);
Enter moves down, Tab moves right. Delete clears the selection to "sin dato"
as one undo step. Copy puts the selection on the clipboard as tab-separated
text; paste takes a block from Excel at the current cell, all or nothing: if
any cell cannot take its text, nothing is written and every bad cell is named.
The facility name is the vertical header, so it stays in view when scrolling
sideways.

While a month loads (:meth:`GridView.begin_loading`), the cell being typed is
stored first, in its own cell, and the grid takes no edit until the month is on
screen: a model reset must never happen under an open editor (issue 9, defect 2).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QApplication, QHeaderView, QMessageBox, QWidget

from app.models.values import ValueKey
from app.ui.common.alerts import show_error
from app.ui.entry.cell_marks import CellMarks
from app.ui.entry.grid_cells import CellErrors
from app.ui.entry.grid_clipboard import bounds, copy_block, parse_tsv, paste_targets, to_tsv
from app.ui.entry.grid_delegate import GridDelegate
from app.ui.entry.grid_filter import GridFilterProxy
from app.ui.entry.grid_keeper import CellKeepingView
from app.ui.entry.grid_loading import is_edit_key, paint_loading
from app.ui.entry.grid_model import MonthGridModel

if TYPE_CHECKING:
    from app.ui.entry.comment_dialog import CommentDialog

_MAX_LISTED = 15  # bad cells named in a refused paste; the rest are counted
_NAME_WIDTH = 340  # the facility names' column on a wide screen
_NAME_SHARE = 0.3  # ...and at most this share of a narrow grid (1024 px: one more value column)


class GridView(CellKeepingView):
    """Facilities × section columns, edited like a spreadsheet."""

    status_message = Signal(str)  # short feedback for the status bar
    open_form = Signal(str)  # CLUES whose facility form the person asked for

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._delegate = GridDelegate(self)
        self.setItemDelegate(self._delegate)
        self._loading = False
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setAlternatingRowColors(False)
        self.setWordWrap(False)
        self.setTabKeyNavigation(True)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        rows.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        rows.setMaximumWidth(_NAME_WIDTH)  # narrower on a small screen: see resizeEvent
        rows.setTextElideMode(Qt.TextElideMode.ElideRight)
        columns = self.horizontalHeader()
        columns.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        columns.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        columns.setHighlightSections(True)
        columns.setSortIndicatorClearable(True)  # third click: back to alphabetical order
        columns.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._show_menu)
        self._build_actions()

    # -- wiring -------------------------------------------------------------------------
    def set_models(self, grid: MonthGridModel, proxy: GridFilterProxy) -> None:
        """Show ``grid`` through ``proxy``; the view never holds the source model directly."""
        self._proxy = proxy
        self.setModel(proxy)
        grid.rejected.connect(self._on_rejected)
        grid.modelReset.connect(self.fit_columns)
        self._watch(self._delegate, proxy)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Size columns to their (wrapped) headers: values are short, labels are long."""
        if self._proxy is None:
            return
        header = self.horizontalHeader()
        metrics = header.fontMetrics()
        for col in range(self._proxy.columnCount()):
            text = str(self._proxy.headerData(col, Qt.Orientation.Horizontal) or "")
            widest = max((metrics.horizontalAdvance(line) for line in text.split("\n")), default=40)
            header.resizeSection(col, max(72, min(widest + 24, 190)))

    def _build_actions(self) -> None:
        def action(text: str, shortcut: QKeySequence | QKeySequence.StandardKey | None, slot) -> QAction:
            act = QAction(text, self)
            if shortcut is not None:
                act.setShortcut(shortcut)
                act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.copy_action = action(self.tr("Copiar"), QKeySequence.StandardKey.Copy, self.copy_selection)
        self.paste_action = action(self.tr("Pegar"), QKeySequence.StandardKey.Paste, self.paste)
        self.clear_action = action(self.tr("Borrar celdas (Supr)"), None, self.clear_selection)

    # -- loading a month ----------------------------------------------------------------
    def begin_loading(self) -> None:
        """A month starts loading: store the cell being typed, then refuse edits until :meth:`end_loading`."""
        self.commit_open_editor()
        self._loading = True
        self.viewport().update()

    def end_loading(self) -> None:
        """The month is on screen: keys are taken again, the cursor is back on its cell (or the first)."""
        self._loading = False
        self.restore_current()
        self.viewport().update()

    def is_loading(self) -> bool:
        return self._loading

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        # At 1024 px the names took half the grid and two value columns were left: the
        # names give way (elided, the full name stays in the tooltip and the form).
        self.verticalHeader().setMaximumWidth(max(160, min(_NAME_WIDTH, int(event.size().width() * _NAME_SHARE))))
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        super().paintEvent(event)
        if self._loading:
            paint_loading(self.viewport(), self.tr("Cargando el mes…"))

    # -- keyboard ---------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if self._loading and is_edit_key(event):
            # Refused, and said so: the rows on screen are about to be replaced.
            self.status_message.emit(self.tr("Espere: se está cargando el mes. No se escribió nada."))
            event.accept()
            return
        if self.state() != QAbstractItemView.State.EditingState:
            key = event.key()
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.clear_selection()
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._move(-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1, 0)
                return
            if event.matches(QKeySequence.StandardKey.Copy):
                self.copy_selection()
                return
            if event.matches(QKeySequence.StandardKey.Paste):
                self.paste()
                return
        super().keyPressEvent(event)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:  # noqa: N802
        """Enter moves down and Tab right once the cell is stored; a refused cell keeps the cursor."""
        moves = {
            QAbstractItemDelegate.EndEditHint.SubmitModelCache: (1, 0),
            QAbstractItemDelegate.EndEditHint.EditNextItem: (0, 1),
            QAbstractItemDelegate.EndEditHint.EditPreviousItem: (0, -1),
        }
        move = None if self._following_click else moves.get(hint)
        closed, still_moves = self._closed_early(editor)
        if closed:  # stored as a load began (the key's move still applies) or dropped by a reset
            if move and still_moves:
                self._move(*move)
            return
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint if move else hint)
        rejected, self._last_commit_rejected = self._last_commit_rejected, False
        if move and not rejected:
            self._move(*move)

    def _on_rejected(self, message: str) -> None:
        self._last_commit_rejected = True
        self.status_message.emit(message)

    def _move(self, rows: int, cols: int) -> None:
        current = self.currentIndex()
        model = self.model()
        if not current.isValid() or model is None:
            return
        row, col = current.row() + rows, current.column() + cols
        if col >= model.columnCount() and row + 1 < model.rowCount():
            row, col = row + 1, MonthGridModel.FIRST_VALUE_COLUMN  # Tab at the end: next row
        row = max(0, min(row, model.rowCount() - 1))
        col = max(0, min(col, model.columnCount() - 1))
        self.setCurrentIndex(model.index(row, col))

    # -- selection helpers ------------------------------------------------------------
    def _source_cells(self) -> list[tuple[int, int]]:
        """Selected cells as (source row, column), in reading order."""
        proxy = self.proxy()
        indexes = sorted(self.selectionModel().selectedIndexes(), key=lambda i: (i.row(), i.column()))
        if not indexes and self.currentIndex().isValid():
            indexes = [self.currentIndex()]
        return [(proxy.mapToSource(i).row(), i.column()) for i in indexes]

    def current_key(self) -> ValueKey | None:
        """The key of the current cell (None on the completeness column)."""
        index = self.currentIndex()
        if not index.isValid() or self._proxy is None:
            return None
        grid = self.grid()
        column = grid.column(index.column())
        if column is None:
            return None
        facility = grid.facility(self.proxy().mapToSource(index).row())
        return grid.session.key(facility.clues, *column.key)

    # -- clear, copy, paste -----------------------------------------------------------
    def clear_selection(self) -> None:
        """Set the selected cells to sin dato as ONE undo step."""
        if self._proxy is None:
            return
        grid = self.grid()
        cells = [(r, c, "") for r, c in self._source_cells() if grid.applies(r, c)]
        if not cells:
            return
        try:
            count = grid.set_texts(cells, self.tr("Borrar {0} celdas").format(len(cells)))
        except CellErrors as exc:
            self._refuse(self.tr("No se borró nada"), exc)
            return
        if count:
            self.status_message.emit(self.tr("{0} celdas borradas (sin dato)").format(count))

    def copy_selection(self) -> None:
        """Copy the selection's bounding block as tab-separated text, numbers without separators."""
        if self._proxy is None:
            return
        indexes = self.selectionModel().selectedIndexes() or (
            [self.currentIndex()] if self.currentIndex().isValid() else []
        )
        if not indexes:
            return
        selected = {(i.row(), i.column()) for i in indexes}
        grid, proxy = self.grid(), self.proxy()
        block = copy_block(selected, lambda r, c: grid.cell_text(proxy.mapToSource(proxy.index(r, c)).row(), c))
        QApplication.clipboard().setText(to_tsv(block))
        self.status_message.emit(self.tr("{0} celdas copiadas").format(len(selected)))

    def paste(self) -> None:
        """Paste a block from the clipboard at the current cell, all or nothing, as ONE undo step."""
        if self._proxy is None:
            return
        block = parse_tsv(QApplication.clipboard().text())
        anchor = self.currentIndex()
        if not block or not anchor.isValid():
            return
        proxy, grid = self.proxy(), self.grid()
        selection = [(i.row(), i.column()) for i in self.selectionModel().selectedIndexes()]
        targets = paste_targets(block, (anchor.row(), anchor.column()), selection)
        outside = [t for t in targets if t[0] >= proxy.rowCount() or t[1] >= proxy.columnCount()]
        if any(text.strip() for _, _, text in outside):
            QMessageBox.warning(
                self,
                self.tr("No se pegó nada"),
                self.tr(
                    "El bloque copiado ({0} filas × {1} columnas) no cabe a partir de la celda elegida. "
                    "Elija una celda más arriba o más a la izquierda, o filtre menos unidades."
                ).format(len(block), max(len(line) for line in block)),
            )
            return
        cells = [
            (proxy.mapToSource(proxy.index(r, c)).row(), c, text)
            for r, c, text in targets
            if r < proxy.rowCount() and c < proxy.columnCount()
        ]
        try:
            count = grid.set_texts(cells, self.tr("Pegar {0} celdas").format(len(cells)))
        except CellErrors as exc:
            self._refuse(self.tr("No se pegó nada"), exc)
            return
        self._select_block(targets)
        self.status_message.emit(self.tr("{0} celdas pegadas").format(count))

    def _select_block(self, targets: list[tuple[int, int, str]]) -> None:
        proxy = self.proxy()
        inside = [(r, c) for r, c, _ in targets if r < proxy.rowCount() and c < proxy.columnCount()]
        if not inside:
            return
        top, left, bottom, right = bounds(inside)
        selection = QItemSelection(proxy.index(top, left), proxy.index(bottom, right))
        self.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _refuse(self, title: str, exc: CellErrors) -> None:
        """Name every cell that refused its text; nothing was written."""
        grid = self.grid()
        lines = []
        for error in exc.errors[:_MAX_LISTED]:
            column = grid.column(error.column)
            column_label = column.label(grid.session.lang) if column else self.tr("Avance")
            lines.append(self.tr("• {0} — {1}: {2}").format(grid.facility(error.row).name, column_label, error.reason))
        if len(exc.errors) > _MAX_LISTED:
            lines.append(self.tr("… y {0} celdas más").format(len(exc.errors) - _MAX_LISTED))
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            title,
            self.tr("No se guardó ninguna celda. Corrija estas y vuelva a intentarlo:"),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setInformativeText("\n".join(lines))
        box.setObjectName("refusal")
        box.open()  # window-modal but not blocking: tests and the autosave keep running
        self.status_message.emit(f"{title}: {exc.errors[0].reason}")

    # -- cell menu --------------------------------------------------------------------
    def _show_menu(self, pos: QPoint) -> None:
        from app.ui.entry.grid_cell_menu import CellMenu, CellMenuSlots  # built on first right-click

        index = self.indexAt(pos)
        if not index.isValid() or self._proxy is None:
            return
        if not self.selectionModel().isSelected(index):
            self.setCurrentIndex(index)
        key = self.current_key()
        row = self.proxy().mapToSource(index).row()
        facility = self.grid().facility(row)
        editable = key is not None and self.grid().is_editable(row, index.column())
        slots = CellMenuSlots(
            lambda: self.show_history(key),
            self.edit_comment,
            self.toggle_flag,
            lambda: self.open_form.emit(facility.clues),
            (self.copy_action, self.paste_action),
        )
        builder = self.findChild(CellMenu) or CellMenu(self)
        self.cell_menu = builder.popup(
            self,
            self.viewport().mapToGlobal(pos),
            self.grid().session.value(key) if key else None,
            key is not None,
            editable,
            slots,
        )

    def show_history(self, key: ValueKey | None = None) -> None:
        key = key or self.current_key()
        if key is None:
            return
        from app.ui.entry.history_dialog import HistoryDialog  # the dialogs' own module, loaded on first use

        session = self.grid().session
        dialog = HistoryDialog(session.tasks, session.catalog, key, session.lang, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def edit_comment(self) -> CommentDialog | None:
        """Open the comment dialog of the current cell; the comment is stored on Guardar."""
        key = self.current_key()
        if key is None:
            return None
        column = self.grid().column(self.currentIndex().column())
        assert column is not None  # current_key() found a value column
        facility = self.grid().facility(self.proxy().mapToSource(self.currentIndex()).row())
        return self._cell_marks().edit_comment(self, self.grid().session, key, facility.name, column, self._show_error)

    def toggle_flag(self, flag: str) -> None:
        """Flip provisional/follow-up on the selected cells as ONE undo step."""
        grid, key = self.grid(), self.current_key()
        if key is None:
            return
        targets = []
        for row, col in self._source_cells():
            column = grid.column(col)
            if column is not None and grid.is_editable(row, col):
                targets.append(grid.session.key(grid.facility(row).clues, *column.key))
        self._cell_marks().toggle_flag(grid.session, key, targets, flag, self._show_error)

    def _cell_marks(self) -> CellMarks:
        return self.findChild(CellMarks) or CellMarks(self)

    def _show_error(self, exc: BaseException) -> None:
        show_error(self, self.tr("No se pudo guardar"), exc, self.grid().session.lang)

    def select_cell(self, clues: str, variable: str, option: str = "") -> QModelIndex:
        """Make a cell current (used by the window and tests); returns its proxy index."""
        grid, proxy = self.grid(), self.proxy()
        source = grid.index(grid.row_of(clues), grid.value_column(variable, option))
        index = proxy.mapFromSource(source)
        self.setCurrentIndex(index)
        self.scrollTo(index)
        return index
