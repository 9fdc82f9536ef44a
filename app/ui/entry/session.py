"""The month being edited: one shared editing core for the grid and the facility form.

Every edit is applied to the local copy at once (the grid never waits for the
disk), pushed as ONE :class:`QUndoCommand` and stored in the background through
the database worker, whose queue keeps writes in order, so an undo never
overtakes the edit it undoes. When a write comes back, the cells it touched are
reconciled with what the database kept: a refused write (closed report, full
disk...) rolls the screen back and :attr:`MonthSession.write_failed` says why.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from app.models.catalog import Catalog
from app.models.messages import InputError
from app.models.validation import Issue
from app.models.values import DataValue, ValueChange, ValueKey, apply_change
from app.ui.common.tasks import TaskManager
from app.ui.entry.change_check import checked_change
from app.ui.entry.undo_edits import EditCommand, same_content

if TYPE_CHECKING:
    from app.services.entry.edits import EditOutcome
    from app.services.entry.month_values import MonthData
    from app.ui.entry.month_index import MonthIndex


log = logging.getLogger(__name__)


class MonthSession(QObject):
    """The month being edited (state, period): cached MonthData, issues, undo; shared by grid and form."""

    about_to_load = Signal()  # a (re)load starts: open editors store what they hold, in this month
    loaded = Signal()  # after a (re)load finished
    values_changed = Signal(list)  # list[ValueKey] whose value/comment/flags changed
    issues_changed = Signal(list)  # list[ValueKey] whose errors or warnings changed (the month's check)
    status_changed = Signal(str)  # report status: borrador / cerrado
    write_failed = Signal(object)  # an exception; the local change was rolled back
    load_failed = Signal(object)  # an exception while reading the month
    saving_changed = Signal(bool)  # True while edits wait to be stored

    def __init__(
        self,
        tasks: TaskManager,
        catalog: Catalog,
        undo_stack: QUndoStack,
        lang: str = "es",
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.tasks = tasks
        self.catalog = catalog
        self.undo_stack = undo_stack
        self.lang = lang
        self.month: MonthData | None = None
        self.index: MonthIndex | None = None
        self._load_seq = 0
        self._installed_seq = 0
        self._month_token = 0  # changes when another month is installed
        self._write_ids = itertools.count(1)
        self._latest_write: dict[ValueKey, int] = {}
        self._pending_writes = 0
        self._history_seq = 0  # the load whose history and check were asked for
        self._history_done = 0  # the load whose check was taken (or dropped as stale)
        self._touched_units: set[str] | None = None  # edited while the month is checked

    # -- loading --------------------------------------------------------------------
    @property
    def state_code(self) -> str:
        return self.month.state_code if self.month else ""

    @property
    def period(self) -> str:
        return self.month.period if self.month else ""

    def load(self, state_code: str, period: str) -> None:
        """Read the month on the database thread, index it on the CPU pool, emit loaded.

        ``about_to_load`` goes first, while the month on screen still takes edits: a
        cell being typed is stored in the month and the cell it was typed in.
        """
        self.about_to_load.emit()
        self._load_seq += 1
        seq = self._load_seq
        catalog = self.catalog

        # The month's modules (storage, validation) load with the first month, after the
        # window has painted.
        from app.ui.entry.month_index import MonthIndex

        def read(ws: Any, _progress: Any) -> MonthData:
            from app.services.entry.month_values import load_month

            # Without the outlier history: a year of earlier values is most of the read, and
            # the grid is usable without it; it follows, and its warnings appear (issue 12).
            return load_month(ws, state_code, period, with_history=False, with_metadata=False)

        def index(month: MonthData) -> None:
            self.tasks.run_cpu(
                lambda _p: MonthIndex.build(catalog, month, with_issues=False),
                lambda built: self._install(seq, built),
                lambda exc: self._load_error(seq, exc),
                owner=self,
            )

        self.tasks.run_db(read, index, lambda exc: self._load_error(seq, exc), owner=self)

    def is_loading(self) -> bool:
        return self._load_seq != self._installed_seq

    def _install(self, seq: int, built: MonthIndex) -> None:
        if seq != self._load_seq:
            return  # a newer load was asked for meanwhile
        self._installed_seq = seq
        old = self.index
        same_month = old is not None and (old.month.state_code, old.month.period) == (
            built.month.state_code,
            built.month.period,
        )
        if same_month and self._latest_write:
            # Edits typed while the month was being read are not in what was read yet.
            assert old is not None  # same_month says so
            for key in self._latest_write:
                local = old.value(key.org_unit, (key.variable, key.disaggregation))
                if local is not None:
                    built.put(local)
            built.refresh_units(k.org_unit for k in self._latest_write)
        if not same_month:
            self._month_token += 1
            self._latest_write.clear()
            self.undo_stack.clear()
        self.index = built
        self.month = built.month
        self.loaded.emit()
        self._history_seq = seq
        # The outlier history (a year of values: ~100 ms of Python on the database thread)
        # is read once the event loop has painted the grid: asked for here, it shared the
        # interpreter with that first paint (issue 12).
        # The session as the timer's context: a session closed meanwhile is never called.
        QTimer.singleShot(1, self, lambda: self._read_history(seq, built))

    def _read_history(self, seq: int, built: MonthIndex) -> None:
        """Read the installed month's outlier history, then check its units on the CPU pool.

        The month is installed unchecked (issue 12: a usable grid first); its errors and
        warnings come once, with the outlier history, without blocking the UI thread.
        """
        if seq != self._load_seq or self.index is not built:
            self._history_done = seq
            return  # another month (or a reload) replaced it before its history was asked for
        month = built.month

        def read(ws: Any, _progress: Any) -> dict:
            from app.services.entry.month_values import outlier_history

            return outlier_history(ws, month.state_code, month.period)

        def failed(exc: BaseException) -> None:
            # Only the outlier warnings are missing; every other check still runs.
            log.warning("could not read the outlier history of %s %s: %r", month.state_code, month.period, exc)
            self._check_units(seq, built, {})

        self.tasks.run_db(read, lambda history: self._check_units(seq, built, history), failed, owner=self)

    def _check_units(self, seq: int, built: MonthIndex, history: dict) -> None:
        if seq != self._load_seq or self.index is not built:
            self._history_done = seq
            return  # another month (or a reload) replaced it meanwhile
        from app.ui.entry.month_index import unit_issues

        built.month.history = history
        snapshot = built.snapshot()
        self._touched_units = set()  # units edited from here on are checked again here
        catalog, month, categories = self.catalog, built.month, dict(built.categories)
        self.tasks.run_cpu(
            lambda _p: unit_issues(catalog, month, categories, snapshot),
            lambda found: self._take_issues(seq, built, found),
            lambda exc: self._issues_failed(seq, built, exc),
            owner=self,
        )

    def _take_issues(self, seq: int, built: MonthIndex, found: dict) -> None:
        self._history_done = seq
        touched, self._touched_units = self._touched_units, None
        if seq != self._load_seq or self.index is not built:
            return
        before = {unit: dict(cells) for unit, cells in built.issues.items()}
        for unit, issues in found.items():
            if unit in (touched or ()):
                built.refresh_units([unit])  # edited while the copy was being checked
            else:
                built.set_issues(unit, issues)
        changed = [
            self.key(unit, *cell)
            for unit, cells in built.issues.items()
            for cell in set(cells) | set(before.get(unit, {}))
            if cells.get(cell) != before.get(unit, {}).get(cell)
        ]
        if changed:
            self.issues_changed.emit(changed)

    def _issues_failed(self, seq: int, built: MonthIndex, exc: BaseException) -> None:
        log.error("checking the month on the CPU pool failed: %r; checking here", exc)
        self._touched_units = None
        if seq == self._load_seq and self.index is built:
            built.refresh_units(list(built.units))
            self.issues_changed.emit([self.key(unit, *cell) for unit, cells in built.issues.items() for cell in cells])
        self._history_done = seq

    def history_pending(self) -> bool:
        """Whether the loaded month's check (its errors and warnings, outliers included) is
        still to come: see :meth:`_read_history`."""
        return self._history_done != self._history_seq

    def _load_error(self, seq: int, exc: BaseException) -> None:
        if seq == self._load_seq:
            self._installed_seq = seq
            self.load_failed.emit(exc)

    # -- reading --------------------------------------------------------------------
    def value(self, key: ValueKey) -> DataValue | None:
        if self.index is None or key.period != self.period:
            return None
        return self.index.value(key.org_unit, (key.variable, key.disaggregation))

    def issues(self, org_unit: str, variable: str, option: str = "") -> list[Issue]:
        if self.index is None:
            return []
        return self.index.cell_issues(org_unit, (variable, option))

    def key(self, org_unit: str, variable: str, option: str = "") -> ValueKey:
        """The key of a cell of the loaded month."""
        return ValueKey(org_unit, self.period, variable, option)

    def is_locked(self) -> bool:
        """Whether the report is past 'borrador' (closed reports are read-only)."""
        return self.month is not None and self.month.status != "borrador"

    # -- editing --------------------------------------------------------------------
    def check(self, change: ValueChange) -> ValueChange:
        """Validate one change with the rules of manual entry; returns it normalised."""
        if self.month is None:
            raise ValueError("no month is loaded")
        facilities = self.index.facilities if self.index is not None else {}
        return checked_change(self.catalog, self.month, facilities, change)

    def edit(self, changes: Sequence[ValueChange], description: str) -> None:
        """Validate, apply locally, push ONE undo step and store in the background.

        Raises InputError (nothing applied, nothing queued) when a change is invalid
        or the report is closed.
        """
        if self.month is None or not changes:
            return
        if self.is_locked():
            raise InputError("report_closed", state=self.catalog.states[self.state_code].name, period=self.period)
        checked = [self.check(c) for c in changes]
        before = {c.key: self.value(c.key) for c in checked}
        self.undo_stack.push(EditCommand(self, checked, before, description))

    def _perform(self, command: EditCommand, changes: Sequence[ValueChange]) -> None:
        """Apply ``changes`` locally and queue their write (redo and undo both land here)."""
        if self.index is None:
            return
        fallback = {c.key: self.value(c.key) for c in changes}
        self._apply_local(changes)
        self._write(command, list(changes), fallback)

    def _apply_local(self, changes: Sequence[ValueChange]) -> None:
        index = self.index
        assert index is not None
        for change in changes:
            key = change.key
            old = index.value(key.org_unit, (key.variable, key.disaggregation))
            index.put(apply_change(old, change))
        index.refresh_units(c.key.org_unit for c in changes)
        if self._touched_units is not None:
            self._touched_units.update(c.key.org_unit for c in changes)
        self.values_changed.emit([c.key for c in changes])

    def _write(
        self, command: EditCommand, changes: list[ValueChange], fallback: dict[ValueKey, DataValue | None]
    ) -> None:
        write_id = next(self._write_ids)
        token = self._month_token
        for change in changes:
            self._latest_write[change.key] = write_id
        self._pending_writes += 1
        if self._pending_writes == 1:
            self.saving_changed.emit(True)

        def store(ws: Any, _progress: Any) -> EditOutcome:
            from app.services.entry.edits import record_edits  # on the database thread

            return record_edits(ws, changes)

        def done(outcome: EditOutcome) -> None:
            self._written(write_id, token, command, changes, fallback, outcome)

        def crashed(exc: BaseException) -> None:  # record_edits catches; this is a last resort
            from app.services.entry.edits import EditOutcome

            self._written(write_id, token, command, changes, fallback, EditOutcome(None, exc))

        self.tasks.run_db(store, done, crashed, owner=self)

    def _written(
        self,
        write_id: int,
        token: int,
        command: EditCommand,
        changes: list[ValueChange],
        fallback: dict[ValueKey, DataValue | None],
        outcome: EditOutcome,
    ) -> None:
        self._pending_writes -= 1
        if token == self._month_token and self.index is not None:
            stored = outcome.stored
            if stored is None and outcome.error is not None:
                stored = fallback  # could not even read back: assume the write changed nothing
            changed: list[ValueKey] = []
            for change in changes:
                key = change.key
                if self._latest_write.get(key) != write_id:
                    continue  # a later edit of this cell is on its way; it will reconcile
                del self._latest_write[key]
                if stored is None:
                    continue
                truth = stored.get(key) or DataValue(key, None)
                local = self.value(key)
                if not same_content(local, truth):
                    changed.append(key)
                self.index.put(truth)
            if changed:
                self.index.refresh_units(k.org_unit for k in changed)
                if self._touched_units is not None:
                    self._touched_units.update(k.org_unit for k in changed)
                self.values_changed.emit(changed)
        if outcome.error is not None:
            self._drop_command(command)
            self.write_failed.emit(outcome.error)
        if self._pending_writes == 0:
            self.saving_changed.emit(False)

    def _drop_command(self, command: EditCommand) -> None:
        """Take a command whose write failed off the undo stack (it was never stored)."""
        try:
            command.setObsolete(True)
        except RuntimeError:
            return  # already deleted (the stack was cleared)
        stack = self.undo_stack
        # An obsolete command is deleted, without running it, when the stack reaches it.
        if stack.index() > 0 and stack.command(stack.index() - 1) is command:
            stack.undo()
        elif stack.index() < stack.count() and stack.command(stack.index()) is command:
            stack.redo()

    def has_pending_writes(self) -> bool:
        return self._pending_writes > 0

    def flush(self) -> bool:
        """Wait until queued writes are stored; False if they did not finish in time."""
        return self.tasks.wait_idle()

    # -- report status --------------------------------------------------------------
    def close_report(self) -> None:
        """borrador → cerrado in the background; refusals come back as write_failed."""
        self._set_status("close_report", "cerrado")

    def reopen_report(self) -> None:
        """cerrado → borrador in the background (logged by the service)."""
        self._set_status("reopen_report", "borrador")

    def _set_status(self, action: str, status: str) -> None:
        if self.month is None:
            return
        state, period, token = self.state_code, self.period, self._month_token

        def run(ws: Any, _progress: Any) -> None:
            from app.services.summary import reports  # on the database thread

            getattr(reports, action)(ws, state, period)

        def done(_result: object) -> None:
            if token != self._month_token or self.month is None:
                return
            self.month.status = status
            # Undoing across a close or a reopen would edit a signed report.
            self.undo_stack.clear()
            self.status_changed.emit(status)

        self.tasks.run_db(run, done, self.write_failed.emit, owner=self)
