"""Recording values: one transaction per action, nothing written on bad input."""

import pytest

from app.models.messages import InputError
from app.models.values import ValueChange, ValueKey
from app.services.entry import month_values as entry
from app.services.summary import reports

HOSPITAL = "NTSSA000001"


def test_values_round_trip_with_metadata(ws):
    key = ValueKey(HOSPITAL, "202302", "plazas_ocupadas", "especialistas")
    entry.record_changes(ws, [ValueChange(key, "12", comment="Dato preliminar", provisional=True)])
    month = entry.load_month(ws, "18", "202302")
    stored = month.values[key]
    assert (stored.value, stored.comment, stored.provisional, stored.version) == (12, "Dato preliminar", True, 1)
    assert len(stored.uuid) == 36
    assert month.value(HOSPITAL, "cirugias") is None  # sin dato, never 0


def test_clearing_a_value_keeps_sin_dato_not_zero(ws):
    key = ValueKey(HOSPITAL, "202302", "cirugias")
    entry.record_changes(ws, [ValueChange(key, "5")])
    entry.record_changes(ws, [ValueChange(key, "")])
    assert entry.load_month(ws, "18", "202302").value(HOSPITAL, "cirugias") is None


@pytest.mark.parametrize(
    "change, code",
    [
        (ValueChange(ValueKey("NTSSA999999", "202302", "cirugias"), "1"), "unknown_clues"),
        (ValueChange(ValueKey(HOSPITAL, "202302", "no_existe"), "1"), "unknown_variable"),
        (ValueChange(ValueKey(HOSPITAL, "202302", "cirugias"), "muchas"), "not_a_number"),
        (ValueChange(ValueKey(HOSPITAL, "202302", "cirugias"), "-1"), "negative"),
        (ValueChange(ValueKey(HOSPITAL, "202302", "cirugias"), "20000000"), "above_max"),
        (ValueChange(ValueKey(HOSPITAL, "2023-13", "cirugias"), "1"), "period_malformed"),
        (ValueChange(ValueKey(HOSPITAL, "209901", "cirugias"), "1"), "period_future"),
        (ValueChange(ValueKey(HOSPITAL, "202302", "plazas_ocupadas", "pilotos"), "1"), "unknown_disaggregation"),
        (ValueChange(ValueKey(HOSPITAL, "202302", "basificacion_meta"), "1"), "state_level_variable"),
    ],
)
def test_bad_input_writes_nothing(ws, change, code, db_dump):
    good = ValueChange(ValueKey(HOSPITAL, "202302", "consultas_especialidad"), "10")
    before = db_dump(ws.conn)
    with pytest.raises(InputError) as err:
        entry.record_changes(ws, [good, change])
    assert err.value.code == code
    assert db_dump(ws.conn) == before


def test_closed_report_is_locked_and_reopening_is_logged(ws):
    key = ValueKey(HOSPITAL, "202302", "cirugias")
    entry.record_changes(ws, [ValueChange(key, "5")])
    reports.close_report(ws, "18", "202302")
    assert reports.report_status(ws, "18", "202302") == "cerrado"
    with pytest.raises(InputError) as err:
        entry.record_changes(ws, [ValueChange(key, "6")])
    assert err.value.code == "report_closed"
    # Other states and months stay open.
    entry.record_changes(ws, [ValueChange(ValueKey("CMSSA000001", "202302", "cirugias"), "1")])
    reports.reopen_report(ws, "18", "202302")
    entry.record_changes(ws, [ValueChange(key, "6")])
    log = ws.conn.execute(
        "SELECT old_value, new_value FROM change_log WHERE variable = '__report__' ORDER BY id"
    ).fetchall()
    assert log == [("borrador", "cerrado"), ("cerrado", "borrador")]


def test_a_report_with_errors_cannot_be_closed(ws):
    entry.record_changes(
        ws,
        [
            ValueChange(ValueKey(HOSPITAL, "202302", "recetas_emitidas"), "10"),
            ValueChange(ValueKey(HOSPITAL, "202302", "recetas_surtidas"), "11"),
        ],
    )
    with pytest.raises(InputError) as err:
        reports.close_report(ws, "18", "202302")
    assert err.value.code == "report_has_errors"
    assert reports.report_status(ws, "18", "202302") == "borrador"


def test_month_issues_and_completeness(ws):
    entry.record_changes(
        ws,
        [
            ValueChange(ValueKey(HOSPITAL, "202302", "plazas_autorizadas", "especialistas"), "10"),
            ValueChange(ValueKey(HOSPITAL, "202302", "plazas_ocupadas", "especialistas"), "12"),
        ],
    )
    month = entry.load_month(ws, "18", "202302")
    issues = entry.month_issues(ws.catalog, month)
    assert any(i.severity == "error" for i in issues[(HOSPITAL, "plazas_ocupadas", "especialistas")])
    hospital = next(f for f in month.facilities if f.clues == HOSPITAL)
    filled, expected = entry.completeness(ws.catalog, month, hospital, "personal")
    assert (filled, expected) == (2, 8)


def test_a_full_disk_rolls_back_the_whole_action(ws, db_dump):
    before = db_dump(ws.conn)
    pages = ws.conn.execute("PRAGMA page_count").fetchone()[0]
    ws.conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite now reports SQLITE_FULL
    changes = [ValueChange(ValueKey(HOSPITAL, "202302", "cirugias"), str(i), comment="x" * 2000) for i in range(1)]
    changes += [
        ValueChange(ValueKey(HOSPITAL, f"2022{m:02d}", "cirugias"), "1", comment="y" * 4000) for m in range(1, 13)
    ]
    with pytest.raises(InputError) as err:
        entry.record_changes(ws, changes)
    assert err.value.code == "disk_full"
    assert db_dump(ws.conn) == before
