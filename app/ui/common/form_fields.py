"""One row of the facility form: a cell's value, comment, flags and validation mark.

A :class:`CellRow` owns the widgets of one Column (variable × disaggregation
option) and turns what the person does into a :class:`ValueChange`, emitted
through :attr:`CellRow.edited`; the form decides whether it is stored. Showing
a stored value never emits anything, so refreshing after an undo cannot loop.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QStyle,
    QToolButton,
    QWidget,
)

from app.models.catalog import Column
from app.models.messages import InputError
from app.models.validation import ERROR, Issue, worst
from app.models.values import UNCHANGED, DataValue, Scalar, ValueChange, ValueKey, display_value, parse_value
from app.ui.common import theme

#: Grid columns of a row; the form lays its header out on the same indexes.
LABEL, INPUT, MARK, COMMENT, PROVISIONAL, FOLLOW_UP, HISTORY = range(7)


class CellRow(QObject):
    """Widgets and behaviour of one enterable cell of one org unit."""

    edited = Signal(object)  # ValueChange asked for by the person
    history_requested = Signal(object)  # ValueKey
    advance = Signal(object)  # this row: Enter pressed in the value, go to the next one

    def __init__(self, column: Column, key: ValueKey, lang: str, parent: QWidget):
        super().__init__(parent)
        self.column = column
        self.key = key
        self.lang = lang
        self.variable = column.variable
        self._stored: DataValue | None = None
        self._issues: list[Issue] = []
        self.refused: str = ""  # reason the last typed value was not stored

        self.label = QLabel(self._label_text())
        self.label.setToolTip(self.variable.description_es or self.variable.label(lang))
        self.editor = self._make_editor(parent)
        self.label.setBuddy(self.editor)
        self.mark = QLabel()
        self.mark.setMinimumWidth(18)
        self.comment = QLineEdit()
        self.comment.setPlaceholderText(self.tr("Comentario"))
        self.comment.setClearButtonEnabled(True)
        self.comment.editingFinished.connect(self.commit_comment)
        self.provisional = QCheckBox(self.tr("Provisional"))
        self.provisional.setToolTip(self.tr("Dato provisional: en proceso de definición con el Gobierno del estado"))
        self.provisional.clicked.connect(
            lambda checked: self.edited.emit(ValueChange(self.key, UNCHANGED, provisional=checked))
        )
        self.follow_up = QCheckBox(self.tr("Seguimiento"))
        self.follow_up.setToolTip(self.tr("Marcar para dar seguimiento a este dato"))
        self.follow_up.clicked.connect(
            lambda checked: self.edited.emit(ValueChange(self.key, UNCHANGED, follow_up=checked))
        )
        self.history = QToolButton()
        self.history.setIcon(parent.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView))
        self.history.setToolTip(self.tr("Historial de cambios de esta celda"))
        self.history.setAutoRaise(True)
        self.history.clicked.connect(lambda: self.history_requested.emit(self.key))
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.hide()

    # -- building -------------------------------------------------------------------
    def _label_text(self) -> str:
        if self.column.option is None:
            return self.variable.label(self.lang)
        return f"{self.variable.label(self.lang)} · {self.column.option.label(self.lang)}"

    def _make_editor(self, parent: QWidget) -> QComboBox | QLineEdit:
        unit = self.variable.unit
        if unit in ("yesno", "category"):
            combo = QComboBox(parent)
            combo.addItem(self.tr("sin dato"), None)
            if unit == "yesno":
                combo.addItem(self.tr("Sí"), 1)
                combo.addItem(self.tr("No"), 0)
            else:
                for option in self.variable.options:
                    combo.addItem(option.label(self.lang), option.code)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.activated.connect(lambda _i: self.commit_value())
            return combo
        line = QLineEdit(parent)
        line.setAlignment(Qt.AlignmentFlag.AlignRight)
        line.setPlaceholderText(self.tr("sin dato"))
        line.setMaximumWidth(170)
        line.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        hints = {
            "money": self.tr("Pesos, por ejemplo 1,250,000.50"),
            "percent": self.tr("Porcentaje de 0 a 100"),
            "count": self.tr("Número entero, sin negativos"),
        }
        line.setToolTip(hints.get(unit, ""))
        line.editingFinished.connect(self.commit_value)
        line.returnPressed.connect(lambda: self.advance.emit(self))
        return line

    def add_to(self, grid: QGridLayout, row: int) -> int:
        """Place the widgets on ``row`` (and the reason below); returns the next free row."""
        grid.addWidget(self.label, row, LABEL)
        grid.addWidget(self.editor, row, INPUT)
        grid.addWidget(self.mark, row, MARK)
        grid.addWidget(self.comment, row, COMMENT)
        grid.addWidget(self.provisional, row, PROVISIONAL)
        grid.addWidget(self.follow_up, row, FOLLOW_UP)
        grid.addWidget(self.history, row, HISTORY)
        grid.addWidget(self.reason, row + 1, INPUT, 1, HISTORY - INPUT + 1)
        return row + 2

    # -- reading what was typed -----------------------------------------------------
    def typed(self) -> object:
        """The raw input: text of a line edit, or the data of the chosen combo item."""
        if isinstance(self.editor, QComboBox):
            return self.editor.currentData()
        return self.editor.text()

    def commit_value(self) -> None:
        """Emit the typed value as a change, or show why it cannot be stored."""
        raw = self.typed()
        try:
            parsed = parse_value(self.variable, raw)
        except InputError as exc:
            self.show_refused(exc.message(self.lang))
            return
        if parsed == self.stored_value():
            self.show_value(self._stored)  # same value: just tidy the formatting
            return
        self.edited.emit(ValueChange(self.key, raw))

    def commit_comment(self) -> None:
        """Emit the comment as a change when it differs from the stored one."""
        text = self.comment.text().strip()
        if text != (self._stored.comment if self._stored else ""):
            self.edited.emit(ValueChange(self.key, UNCHANGED, comment=text))

    def stored_value(self) -> Scalar:
        return self._stored.value if self._stored else None

    # -- showing --------------------------------------------------------------------
    def show_value(self, stored: DataValue | None) -> None:
        """Show what is stored (clears a refused entry)."""
        self._stored = stored
        self.refused = ""
        value = stored.value if stored else None
        if isinstance(self.editor, QComboBox):
            found = self.editor.findData(value) if value is not None else 0
            self.editor.setCurrentIndex(max(found, 0))
        else:
            self.editor.setText(display_value(self.variable, value, self.lang))
            self.editor.setCursorPosition(0)
        if not self.comment.hasFocus():
            self.comment.setText(stored.comment if stored else "")
            self.comment.setCursorPosition(0)  # long comments read from their start
        self.provisional.setChecked(bool(stored and stored.provisional))
        self.follow_up.setChecked(bool(stored and stored.follow_up))
        self._paint()

    def show_issues(self, issues: list[Issue]) -> None:
        self._issues = list(issues)
        self._paint()

    def show_refused(self, reason: str) -> None:
        """A typed value that was not stored: keep the text, say why."""
        self.refused = reason
        self._paint()

    def _paint(self) -> None:
        severity: str | None
        if self.refused:
            severity, lines = ERROR, [self.tr("No se guardó: %1").replace("%1", self.refused)]
        else:
            severity = worst(self._issues)
            # A missing required value is flagged by the mark only: an empty form
            # would otherwise drown the real problems in identical lines.
            lines = [i.message(self.lang) for i in self._issues if i.code != "required_missing"]
        missing_only = severity is not None and not lines
        color = theme.color("error" if severity == ERROR else "warning")
        if severity is None:
            self.mark.clear()
            self.mark.setToolTip("")
        else:
            self.mark.setText("✖" if severity == ERROR else "⚠")
            self.mark.setStyleSheet(f"color: {color.name()}; font-weight: bold;")
            tips = lines or [i.message(self.lang) for i in self._issues]
            self.mark.setToolTip("\n".join(tips))
        self.reason.setText("\n".join(lines))
        self.reason.setStyleSheet(f"color: {color.name()};")
        self.reason.setVisible(bool(lines))
        if missing_only:
            self.mark.setToolTip(self.tr("Valor requerido: todavía sin dato"))
        border = "" if severity is None or missing_only else f"border: 1px solid {color.name()};"
        if isinstance(self.editor, QLineEdit):
            self.editor.setStyleSheet(f"QLineEdit {{ {border} }}" if border else "")

    def set_read_only(self, read_only: bool) -> None:
        if isinstance(self.editor, QLineEdit):
            self.editor.setReadOnly(read_only)
        else:
            self.editor.setEnabled(not read_only)
        self.comment.setReadOnly(read_only)
        self.provisional.setEnabled(not read_only)
        self.follow_up.setEnabled(not read_only)
