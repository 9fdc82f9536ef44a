"""MonthGridModel and GridFilterProxy: Qt model contract, validation marks, sorting, filtering."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.models.values import ValueChange
from app.ui.entry.grid_cells import (
    COMPLETENESS_ROLE,
    ERROR_BG,
    MARK_COMMENT,
    MARK_PROVISIONAL,
    MARK_REJECTED,
    MARKS_ROLE,
    NOT_APPLICABLE_BG,
    REJECTED_BG,
    WARNING_BG,
)
from app.ui.entry.grid_filter import GridFilterProxy
from app.ui.entry.grid_model import MonthGridModel

HG, CSR, HIC, UMM = "NTSSA000001", "NTSSA000002", "NTSSA000003", "NTSSA000004"
BG = Qt.ItemDataRole.BackgroundRole
TIP = Qt.ItemDataRole.ToolTipRole


def cell(model, clues, variable, option=""):
    return model.index(model.row_of(clues), model.value_column(variable, option))


def test_qtmodeltester_on_model_and_proxy(qtmodeltester, session):
    session.edit(
        [
            ValueChange(session.key(HG, "plazas_autorizadas", "enfermeria"), 10),
            ValueChange(session.key(HG, "plazas_ocupadas", "enfermeria"), 12, comment="Según el SIS", provisional=True),
        ],
        "x",
    )
    model = MonthGridModel(session, "personal")
    qtmodeltester.check(model)
    proxy = GridFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_text("hospital")
    qtmodeltester.check(proxy)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)


def test_headers_are_spanish_with_options_and_units(session):
    model = MonthGridModel(session, "personal")
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[0] == "Avance"
    assert "Plazas autorizadas\nMédicos especialistas" in headers
    infra = MonthGridModel(session, "infraestructura")
    infra_headers = [infra.headerData(c, Qt.Orientation.Horizontal) for c in range(infra.columnCount())]
    assert any("($)" in h for h in infra_headers) and any("(sí/no)" in h for h in infra_headers)
    assert model.headerData(0, Qt.Orientation.Vertical) == "Centro de Salud Rural Jala"  # sorted by name


def test_error_marks_both_cells_with_reason(session):
    model = MonthGridModel(session, "personal")
    assert model.setData(cell(model, HG, "plazas_autorizadas", "enfermeria"), "10")
    assert model.setData(cell(model, HG, "plazas_ocupadas", "enfermeria"), "12")
    for variable in ("plazas_autorizadas", "plazas_ocupadas"):
        index = cell(model, HG, variable, "enfermeria")
        assert model.data(index, BG) == ERROR_BG
        assert "Plazas ocupadas (12) mayores que autorizadas (10)" in model.data(index, TIP)
    assert model.data(cell(model, HG, "plazas_ocupadas", "enfermeria")) == "12"


def test_required_missing_is_a_warning(session):
    model = MonthGridModel(session, "servicios")
    index = cell(model, HG, "cirugias")
    session.edit([ValueChange(session.key(HG, "consultas_especialidad"), 5)], "x")
    assert model.data(index, BG) == WARNING_BG
    assert "Falta un valor requerido" in model.data(index, TIP)


def test_text_in_a_count_is_rejected_and_nothing_stored(qtbot, session):
    model = MonthGridModel(session, "servicios")
    index = cell(model, CSR, "consultas_medicina_familiar")
    with qtbot.waitSignal(model.rejected) as signal:
        assert not model.setData(index, "muchas")
    assert "«muchas» no es un número" in signal.args[0]
    assert model.data(index) == "muchas"
    assert model.data(index, BG) == REJECTED_BG
    assert model.data(index, MARKS_ROLE) & MARK_REJECTED
    assert "No se guardó «muchas»" in model.data(index, TIP)
    assert session.value(session.key(CSR, "consultas_medicina_familiar")) is None
    assert session.undo_stack.count() == 0
    assert session.flush() and not session.has_pending_writes()
    # A good value replaces the rejected text.
    assert model.setData(index, "1,250")
    assert model.data(index) == "1,250" and model.data(index, Qt.ItemDataRole.EditRole) == "1250"
    assert model.data(index, BG) != REJECTED_BG


def test_not_applicable_cells_are_grey_and_read_only(session):
    model = MonthGridModel(session, "servicios")
    index = cell(model, CSR, "cirugias")  # surgeries: hospitals only
    assert model.data(index, BG) == NOT_APPLICABLE_BG
    assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(index, "3")
    assert "No aplica" in model.data(index, TIP)


def test_marks_and_tooltip_for_comment_and_provisional(session):
    model = MonthGridModel(session, "servicios")
    session.edit(
        [ValueChange(session.key(HG, "cirugias"), 7, comment="Según el SIS, revisión pendiente", provisional=True)], "x"
    )
    index = cell(model, HG, "cirugias")
    assert model.data(index, MARKS_ROLE) == MARK_COMMENT | MARK_PROVISIONAL
    tip = model.data(index, TIP)
    assert "Comentario: Según el SIS, revisión pendiente" in tip and "Provisional" in tip
    assert model.data(index, Qt.ItemDataRole.FontRole).italic()


def test_completeness_column(session):
    model = MonthGridModel(session, "servicios")
    row = model.row_of(CSR)
    session.edit([ValueChange(session.key(CSR, "consultas_medicina_familiar"), 3)], "x")
    filled, expected = model.data(model.index(row, 0), COMPLETENESS_ROLE)
    assert filled == 1 and expected >= 1
    assert model.data(model.index(row, 0)).endswith("%")


def test_closed_report_makes_grid_read_only(qtbot, session):
    model = MonthGridModel(session, "servicios")
    with qtbot.waitSignal(session.status_changed):
        session.close_report()
    assert not model.flags(cell(model, HG, "cirugias")) & Qt.ItemFlag.ItemIsEditable


def test_sort_numeric_with_missing_last(session):
    model = MonthGridModel(session, "servicios")
    session.edit(
        [
            ValueChange(session.key(HG, "consultas_medicina_familiar"), 9),
            ValueChange(session.key(CSR, "consultas_medicina_familiar"), 100),
            ValueChange(session.key(UMM, "consultas_medicina_familiar"), 20),
        ],
        "x",
    )
    col = model.value_column("consultas_medicina_familiar")
    model.sort(col, Qt.SortOrder.AscendingOrder)
    assert [model.facility(r).clues for r in range(4)] == [HG, UMM, CSR, HIC]  # 9 < 20 < 100, then sin dato
    model.sort(col, Qt.SortOrder.DescendingOrder)
    assert [model.facility(r).clues for r in range(4)] == [CSR, UMM, HG, HIC]
    model.sort(-1)
    assert [model.facility(r).name for r in range(4)] == sorted(model.facility(r).name for r in range(4))


def test_filters(session):
    model = MonthGridModel(session, "servicios")
    proxy = GridFilterProxy()
    proxy.setSourceModel(model)
    assert proxy.rowCount() == 4
    proxy.set_type("HG")
    assert proxy.rowCount() == 1
    proxy.set_filters(level=2)
    assert proxy.rowCount() == 2
    proxy.set_filters(municipality="Jala")
    assert proxy.rowCount() == 1
    proxy.set_filters(text="jesus maria")  # accents and case do not matter
    assert proxy.rowCount() == 1
    proxy.set_filters(text="NTSSA000004")
    assert proxy.data(proxy.index(0, 0)) is not None
    assert proxy.headerData(0, Qt.Orientation.Vertical) == "Unidad Médica Móvil Huajicori"
    proxy.set_filters()
    assert proxy.rowCount() == 4


def test_set_texts_is_all_or_nothing(session):
    from app.ui.entry.grid_cells import CellErrors

    model = MonthGridModel(session, "servicios")
    col = model.value_column("consultas_medicina_familiar")
    rows = [model.row_of(c) for c in (HG, CSR)]
    try:
        model.set_texts([(rows[0], col, "5"), (rows[1], col, "-3")], "pegar")
    except CellErrors as exc:
        assert [e.row for e in exc.errors] == [rows[1]]
        assert "negativos" in exc.errors[0].reason
    else:
        raise AssertionError("expected CellErrors")
    assert session.value(session.key(HG, "consultas_medicina_familiar")) is None
    assert model.set_texts([(rows[0], col, "5"), (rows[1], col, "3")], "pegar") == 2
    assert session.undo_stack.count() == 1
