"""MonthSession: local edits, background writes, undo/redo and rollback on refusal."""

from __future__ import annotations

import pytest

from app.models.messages import InputError
from app.models.values import UNCHANGED, ValueChange
from app.services.entry import month_values as entry
from app.services.workspace import open_workspace
from tests.ui.conftest import PERIOD, STATE

HG = "NTSSA000001"
CSR = "NTSSA000002"


def stored(data_dir, org_unit, variable, option=""):
    ws = open_workspace(data_dir)
    try:
        month = entry.load_month(ws, STATE, PERIOD, with_history=False)
        found = month.values.get(month_key(org_unit, variable, option))
        return found
    finally:
        ws.close()


def month_key(org_unit, variable, option=""):
    from app.models.values import ValueKey

    return ValueKey(org_unit, PERIOD, variable, option)


def test_edit_applies_at_once_and_is_stored(qtbot, session, nayarit_dir):
    key = session.key(HG, "cirugias")
    with qtbot.waitSignal(session.values_changed) as signal:
        session.edit([ValueChange(key, "12")], "Cirugías")
    assert signal.args[0] == [key]
    assert session.value(key).value == 12  # before the write finished
    assert session.flush()
    assert stored(nayarit_dir, HG, "cirugias").value == 12


def test_bad_value_raises_and_queues_nothing(session):
    with pytest.raises(InputError) as info:
        session.edit([ValueChange(session.key(HG, "cirugias"), "doce")], "Cirugías")
    assert "no es un número" in info.value.message("es")
    assert session.undo_stack.count() == 0
    assert session.value(session.key(HG, "cirugias")) is None


def test_cross_variable_error_marks_both_cells(session):
    session.edit(
        [
            ValueChange(session.key(HG, "plazas_autorizadas", "enfermeria"), 10),
            ValueChange(session.key(HG, "plazas_ocupadas", "enfermeria"), 12),
        ],
        "Plazas",
    )
    for variable in ("plazas_autorizadas", "plazas_ocupadas"):
        found = session.issues(HG, variable, "enfermeria")
        assert [i.code for i in found] == ["ocupadas_le_autorizadas"]
    assert session.index.error_cells == 2


def test_undo_redo_rewrite_and_log(qtbot, session, nayarit_dir):
    key = session.key(CSR, "consultas_medicina_familiar")
    session.edit([ValueChange(key, 300)], "a")
    session.edit([ValueChange(key, UNCHANGED, comment="Según el SIS")], "b")
    session.undo_stack.undo()
    assert session.value(key).comment == ""
    assert session.value(key).value == 300
    session.undo_stack.undo()
    assert session.value(key).value is None
    session.undo_stack.redo()
    assert session.flush()
    assert stored(nayarit_dir, CSR, "consultas_medicina_familiar").value == 300
    ws = open_workspace(nayarit_dir)
    try:
        log = [(e.field, e.old_value, e.new_value) for e in entry.cell_history(ws, key)]
    finally:
        ws.close()
    assert log == [
        ("value", None, "300"),
        ("comment", "", "Según el SIS"),
        ("comment", "Según el SIS", ""),
        ("value", "300", None),
        ("value", None, "300"),
    ]


def test_refused_write_rolls_back_and_leaves_no_undo_step(qtbot, session, nayarit_dir):
    # Another program closes the report behind the window's back: the write is refused.
    from app.services.summary import reports

    ws = open_workspace(nayarit_dir)
    reports.close_report(ws, STATE, PERIOD)
    ws.close()
    key = session.key(HG, "cirugias")
    with qtbot.waitSignal(session.write_failed, timeout=10000) as failed:
        session.edit([ValueChange(key, 5)], "Cirugías")
        assert session.value(key).value == 5
    assert failed.args[0].code == "report_closed"
    assert session.value(key).value is None
    assert session.undo_stack.count() == 0
    assert stored(nayarit_dir, HG, "cirugias") is None


def test_closing_locks_and_reopening_unlocks(qtbot, session):
    with qtbot.waitSignal(session.status_changed) as status:
        session.close_report()
    assert status.args == ["cerrado"] and session.is_locked()
    with pytest.raises(InputError):
        session.edit([ValueChange(session.key(HG, "cirugias"), 1)], "x")
    with qtbot.waitSignal(session.status_changed):
        session.reopen_report()
    assert not session.is_locked()


def test_close_refused_with_errors(qtbot, session):
    session.edit(
        [ValueChange(session.key(HG, "recetas_emitidas"), 10), ValueChange(session.key(HG, "recetas_surtidas"), 20)],
        "Recetas",
    )
    with qtbot.waitSignal(session.write_failed) as failed:
        session.close_report()
    assert failed.args[0].code == "report_has_errors"
    assert not session.is_locked()


def test_completeness_counts_applicable_cells(session):
    index = session.index
    filled, expected = index.section_totals["servicios"]
    assert filled == 0 and expected > 0
    session.edit([ValueChange(session.key(CSR, "consultas_medicina_familiar"), 3)], "x")
    assert index.section_totals["servicios"][0] == 1
    assert index.unit_completeness(CSR, "servicios")[0] == 1


def test_outlier_warnings_follow_the_history_read_after_the_month_is_usable(qtbot, tasks, catalog, nayarit_dir):
    """The month is installed (editable) before its year of history is read (issue 12's
    time to a usable grid); the outlier warnings arrive with the history, cell by cell,
    and an edit typed meanwhile is kept."""
    from PySide6.QtGui import QUndoStack

    from app.models.values import ValueKey
    from app.services.entry.edits import record_edits
    from app.ui.entry.session import MonthSession

    ws = open_workspace(nayarit_dir, user="ana")
    try:
        earlier = ["202208", "202209", "202210", "202211", "202212", "202301"]
        record_edits(ws, [ValueChange(ValueKey(HG, p, "cirugias", ""), 100 + i) for i, p in enumerate(earlier)])
        record_edits(ws, [ValueChange(ValueKey(HG, PERIOD, "cirugias", ""), 5000)])
    finally:
        ws.close()
    stack = QUndoStack()
    month = MonthSession(tasks, catalog, stack)
    with qtbot.waitSignal(month.loaded, timeout=10000):
        month.load(STATE, PERIOD)
    # Usable now; the history may still be on its way (or not: it is quick).
    month.edit([ValueChange(month.key(CSR, "cirugias"), "3")], "Cirugías")
    qtbot.waitUntil(lambda: not month.history_pending(), timeout=10000)
    assert [i.code for i in month.issues(HG, "cirugias")] == ["outlier_zscore"]
    assert month.index.warning_cells >= 1
    assert month.value(month.key(CSR, "cirugias")).value == 3
    assert month.flush()
    assert stored(nayarit_dir, CSR, "cirugias").value == 3


def test_history_of_a_replaced_month_is_dropped(qtbot, tasks, catalog, nayarit_dir):
    """Another month asked for before the history arrives: the late history of the first
    month never lands in the second (January's history does not hold January itself)."""
    from PySide6.QtGui import QUndoStack

    from app.models.values import ValueKey
    from app.services.entry.edits import record_edits
    from app.ui.entry.session import MonthSession

    ws = open_workspace(nayarit_dir, user="ana")
    try:
        record_edits(
            ws,
            [
                ValueChange(ValueKey(HG, p, "cirugias", ""), v)
                for p, v in (("202211", 100), ("202212", 110), ("202301", 777))
            ],
        )
        january_history = entry.outlier_history(ws, STATE, "202301")
    finally:
        ws.close()
    assert january_history == {(HG, "cirugias", ""): [100.0, 110.0]}
    stack = QUndoStack()
    month = MonthSession(tasks, catalog, stack)
    month.load(STATE, PERIOD)  # February: its history holds January's 777
    with qtbot.waitSignal(month.loaded, timeout=10000):
        month.load(STATE, "202301")
    qtbot.waitUntil(lambda: not month.history_pending(), timeout=10000)
    assert month.period == "202301"
    assert month.month.history == january_history
