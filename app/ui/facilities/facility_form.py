"""The facility form: every section of one facility's month on one scrolling page.

The grid shows one section for many facilities; the form shows every section
for one facility (or, for the state code, the state-level variables such as
basificación). Both edit through the same :class:`MonthSession`, so an edit
here is validated, undoable and autosaved exactly like one in the grid.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.models.catalog import Column
from app.models.facility import Facility
from app.models.messages import InputError
from app.models.periods import period_label
from app.models.values import ValueChange, ValueKey
from app.ui.common import theme
from app.ui.common.form_fields import COMMENT, CellRow
from app.ui.common.formatting import error_text, status_style
from app.ui.common.window_fit import fit_window
from app.ui.entry.history_dialog import HistoryDialog
from app.ui.entry.session import MonthSession
from app.ui.facilities.facility_form_frame import build_footer, build_header
from app.ui.facilities.facility_form_header import (
    add_section_title,
    facility_header,
    month_text,
    position_text,
    state_header,
)


class FacilityFormDialog(QDialog):
    """All sections of one org unit for the loaded month, with next/previous facility."""

    scroll: QScrollArea  # type: ignore[assignment]  # shadows QWidget.scroll(), which nothing here calls

    def __init__(
        self, session: MonthSession, org_unit: str, parent: QWidget | None = None, order: list[str] | None = None
    ):
        super().__init__(parent)
        self.session = session
        self.catalog = session.catalog
        self.lang = session.lang
        self.org_unit = ""
        self.rows: list[CellRow] = []
        self._order = order
        self._section_status: dict[str, QLabel] = {}
        self._section_anchor: dict[str, QWidget] = {}
        self.setWindowTitle(self.tr("Formulario de la unidad"))
        fit_window(self, "facility_form", 1180, 760)
        header = self._build_header()
        splitter = self._build_body()
        footer = self._build_footer()
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.lock_banner)
        layout.addWidget(self.hidden_note)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        layout.addLayout(footer)
        session.values_changed.connect(self._on_values_changed)
        session.issues_changed.connect(self._on_values_changed)
        session.about_to_load.connect(self._on_about_to_load)
        session.load_failed.connect(lambda _exc: self._apply_lock())
        session.loaded.connect(self._on_loaded)
        session.status_changed.connect(self._on_status_changed)
        session.write_failed.connect(self._on_write_failed)
        self.show_org_unit(org_unit)

    # -- layout ---------------------------------------------------------------------
    def _build_header(self) -> QGridLayout:
        """Name, details, month and total at the top, and the lock and hidden-field notes."""
        header = build_header()
        self.name_label, self.details_label = header.name_label, header.details_label
        self.month_label, self.total_label = header.month_label, header.total_label
        self.lock_banner, self.hidden_note = header.lock_banner, header.hidden_note
        return header.layout

    def _build_body(self) -> QSplitter:
        """The list of sections beside the scrolling page (built per org unit)."""
        self.sections = QListWidget()
        self.sections.setMaximumWidth(260)
        self.sections.currentRowChanged.connect(self._jump_to_section)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        splitter = QSplitter()
        splitter.addWidget(self.sections)
        splitter.addWidget(self.scroll)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([230, 950])
        return splitter

    def _build_footer(self) -> QHBoxLayout:
        """Status line, previous/next, undo/redo and close, with their keyboard shortcuts."""
        footer = build_footer()
        self.status, self.position_label = footer.status, footer.position_label
        self.prev_button, self.next_button = footer.prev_button, footer.next_button
        self.undo_button, self.redo_button = footer.undo_button, footer.redo_button
        self.prev_button.clicked.connect(self.go_previous)
        self.next_button.clicked.connect(self.go_next)
        stack = self.session.undo_stack
        self.undo_button.clicked.connect(stack.undo)
        self.redo_button.clicked.connect(stack.redo)
        stack.canUndoChanged.connect(self.undo_button.setEnabled)
        stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(stack.canUndo())
        self.redo_button.setEnabled(stack.canRedo())
        footer.close_button.clicked.connect(self.accept)
        QShortcut(QKeySequence(Qt.Key.Key_PageDown), self, self.go_next)
        QShortcut(QKeySequence(Qt.Key.Key_PageUp), self, self.go_previous)
        QShortcut(QKeySequence.StandardKey.Undo, self, stack.undo)
        QShortcut(QKeySequence.StandardKey.Redo, self, stack.redo)
        return footer.layout

    # -- which org unit -------------------------------------------------------------
    def org_units(self) -> list[str]:
        """Order of next/previous: the state's own data first, then the facilities."""
        if self._order:
            return list(self._order)
        month = self.session.month
        if month is None:
            return []
        return [month.state_code, *(f.clues for f in month.facilities)]

    def facility(self) -> Facility | None:
        month = self.session.month
        if month is None:
            return None
        return next((f for f in month.facilities if f.clues == self.org_unit), None)

    def is_state(self) -> bool:
        return self.session.month is not None and self.org_unit == self.session.month.state_code

    def columns(self, section: str) -> list[Column]:
        if self.is_state():
            return self.catalog.columns(section, level="state")
        fac = self.facility()
        ftype = self.catalog.facility_types.get(fac.type_code) if fac else None
        category = ftype.category if ftype else "health_unit"
        return [c for c in self.catalog.columns(section) if c.variable.applies(category)]

    def go_next(self) -> None:
        self._step(1)

    def go_previous(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        units = self.org_units()
        if self.org_unit in units:
            target = units.index(self.org_unit) + delta
            if 0 <= target < len(units):
                self.show_org_unit(units[target])

    # -- building the page ----------------------------------------------------------
    def show_org_unit(self, org_unit: str) -> None:
        """Show ``org_unit``'s page (a typed but unconfirmed value is committed first)."""
        self.commit_focused()
        self.org_unit = org_unit
        if self.session.month is None:
            return  # nothing loaded yet: loaded() will build the page
        self.rows = []
        self._section_status.clear()
        self._section_anchor.clear()
        body = QWidget()
        grid = QGridLayout(body)
        grid.setColumnStretch(COMMENT, 1)  # labels keep their width; the comment takes the rest
        grid.setHorizontalSpacing(10)
        row = 0
        self.sections.blockSignals(True)
        self.sections.clear()
        for section in self.catalog.sections:
            columns = self.columns(section.code)
            if not columns:
                continue
            row = self._add_section_header(grid, row, section.code, section.label(self.lang))
            for column in columns:
                cell = CellRow(column, self._key(column), self.lang, body)
                cell.edited.connect(lambda change, cell=cell: self._commit(cell, change))
                cell.history_requested.connect(self.open_history)
                cell.advance.connect(self._advance)
                row = cell.add_to(grid, row)
                self.rows.append(cell)
        grid.setRowStretch(row, 1)
        self.sections.blockSignals(False)
        self.scroll.setWidget(body)
        self._fill_header()
        self.refresh()
        self._apply_lock()
        if self.rows:
            self.rows[0].editor.setFocus()

    def _key(self, column: Column) -> ValueKey:
        option = column.option.code if column.option else ""
        assert self.session.month is not None  # the form opens on a loaded month
        return ValueKey(self.org_unit, self.session.month.period, column.variable.code, option)

    def _add_section_header(self, grid: QGridLayout, row: int, code: str, label: str) -> int:
        title, status, row = add_section_title(grid, row, label)
        self._section_status[code] = status
        self._section_anchor[code] = title
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, code)
        self.sections.addItem(item)
        return row

    def _fill_header(self) -> None:
        month = self.session.month
        units = self.org_units()
        position = units.index(self.org_unit) + 1 if self.org_unit in units else 0
        self.position_label.setText(position_text(units, self.org_unit, month.state_code if month else None))
        self.prev_button.setEnabled(position > 1)
        self.next_button.setEnabled(0 < position < len(units))
        self.month_label.setText(month_text(month.period if month else "", month.status if month else "", self.lang))
        fac = self.facility()
        if self.is_state():
            header = state_header(self.catalog, self.org_unit)
        elif fac is None:
            self.name_label.setText(self.org_unit)
            self.details_label.clear()
            return
        else:
            header = facility_header(self.catalog, fac, self.lang, len(self.rows))
        self.name_label.setText(header.name)
        self.details_label.setText(header.details)
        self.setWindowTitle(header.window_title)
        self.hidden_note.setText(header.hidden_note)
        self.hidden_note.setVisible(bool(header.hidden_note))

    # -- showing values -------------------------------------------------------------
    def refresh(self, keys: set[ValueKey] | None = None) -> None:
        """Show stored values (all, or only ``keys``), marks and section completeness."""
        for cell in self.rows:
            if keys is None or cell.key in keys:
                cell.show_value(self.session.value(cell.key))
            # Cross-variable rules (ocupadas ≤ autorizadas) can change any row's marks.
            cell.show_issues(self.session.issues(self.org_unit, cell.key.variable, cell.key.disaggregation))
        self._update_completeness()

    def completeness(self, section: str) -> tuple[int, int]:
        """(filled, expected) cells of ``section`` on this page."""
        cells = [r for r in self.rows if r.variable.section == section]
        filled = sum(1 for r in cells if (v := self.session.value(r.key)) is not None and v.value is not None)
        return filled, len(cells)

    def _update_completeness(self) -> None:
        total_filled = total_expected = 0
        for index in range(self.sections.count()):
            item = self.sections.item(index)
            code = item.data(Qt.ItemDataRole.UserRole)
            filled, expected = self.completeness(code)
            total_filled += filled
            total_expected += expected
            text = self.tr("%1 de %2").replace("%1", str(filled)).replace("%2", str(expected))
            label = next(s.label(self.lang) for s in self.catalog.sections if s.code == code)
            done = filled == expected
            item.setText(f"{label}\n    {'✔ ' if done else ''}{text}")
            self._section_status[code].setText(("✔ " if done else "") + text)
            self._section_status[code].setStyleSheet(status_style("ok") if done else theme.text_style("muted"))
        self.total_label.setText(
            self.tr("Capturado: %1 de %2 campos").replace("%1", str(total_filled)).replace("%2", str(total_expected))
        )

    def _apply_lock(self) -> None:
        locked = self.session.is_locked()
        for cell in self.rows:
            cell.set_read_only(locked)
        self.lock_banner.setVisible(locked)
        if locked and self.session.month:
            self.lock_banner.setText(
                self.tr(
                    "El informe de %1 está cerrado: el formulario es de solo lectura. Reábralo para editar."
                ).replace("%1", period_label(self.session.month.period, self.lang))
            )

    # -- edits ----------------------------------------------------------------------
    def _commit(self, cell: CellRow, change: ValueChange) -> None:
        description = self.tr("%1 en %2").replace("%1", cell.label.text()).replace("%2", self.org_unit)
        try:
            self.session.edit([change], description)
        except InputError as exc:
            cell.show_refused(exc.message(self.lang))
            return
        self.status.clear()

    def commit_focused(self) -> None:
        """Commit the field being typed in (navigation does not move focus, so no editingFinished)."""
        focused = QApplication.focusWidget()
        for cell in self.rows:
            if focused is cell.editor:
                cell.commit_value()
            elif focused is cell.comment:
                cell.commit_comment()

    def _advance(self, cell: CellRow) -> None:
        index = self.rows.index(cell) + 1
        if index < len(self.rows):
            target = self.rows[index].editor
            target.setFocus()
            self.scroll.ensureWidgetVisible(target)

    def _jump_to_section(self, index: int) -> None:
        item = self.sections.item(index)
        if item is None:
            return
        anchor = self._section_anchor.get(item.data(Qt.ItemDataRole.UserRole))
        if anchor is not None:
            self.scroll.verticalScrollBar().setValue(anchor.y())

    def open_history(self, key: ValueKey) -> None:
        dialog = HistoryDialog(self.session.tasks, self.catalog, key, self.lang, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    # -- session signals ------------------------------------------------------------
    def _on_values_changed(self, keys: list[ValueKey]) -> None:
        mine = {k for k in keys if k.org_unit == self.org_unit}
        if mine:
            self.refresh(mine)

    def _on_about_to_load(self) -> None:
        """Another month is coming: store the field being typed (in this month), then take no
        edits until it is in, as the grid does (issue 12)."""
        self.commit_focused()
        for cell in self.rows:
            cell.set_read_only(True)
        self.lock_banner.setText(self.tr("Cargando el mes… El formulario acepta cambios en cuanto termine."))
        self.lock_banner.setVisible(True)

    def _on_loaded(self) -> None:
        month = self.session.month
        if month is None or self.org_unit not in self.org_units():
            self.reject()
            return
        self.show_org_unit(self.org_unit)

    def _on_status_changed(self, _status: str) -> None:
        self._fill_header()
        self._apply_lock()

    def _on_write_failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("No se guardó el último cambio: %1").replace("%1", error_text(exc, self.lang)))
        self.status.setStyleSheet(status_style("error"))

    def done(self, result: int) -> None:
        self.commit_focused()
        super().done(result)
