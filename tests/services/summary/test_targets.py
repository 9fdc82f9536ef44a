"""Targets (metas) at HQ: validation writes nothing on bad input; set, list, clear."""

from __future__ import annotations

import pytest

from app.models.messages import InputError
from app.services.summary import targets
from app.services.sync import sync_profile
from app.storage import reports_repo


def stored_keys(ws) -> list[str]:
    return [k for (k,) in ws.conn.execute("SELECT key FROM settings WHERE key LIKE 'meta:%' ORDER BY key")]


def test_set_list_and_clear(ws):
    stored = targets.set_targets(
        ws, {"rx_filled_pct": "95", "consultations_total": 1200, "Nayarit:rx_filled_pct": "97.5 %"}
    )
    assert stored == {"rx_filled_pct": 95.0, "consultations_total": 1200.0, "18:rx_filled_pct": 97.5}
    assert targets.targets(ws) == {"18:rx_filled_pct": 97.5, "consultations_total": 1200.0, "rx_filled_pct": 95.0}
    # The state's own meta wins over the national one; other states get the national one.
    assert targets.state_targets(ws, "18") == {"rx_filled_pct": 97.5, "consultations_total": 1200.0}
    assert targets.state_targets(ws, "06") == {"rx_filled_pct": 95.0, "consultations_total": 1200.0}
    # Same settings keys the state has always used for what an update brings.
    assert reports_repo.settings_get(ws.conn, "meta:rx_filled_pct") == "95.0"
    assert targets.clear_target(ws, "18:rx_filled_pct") is True
    assert targets.clear_target(ws, "18:rx_filled_pct") is False
    assert targets.targets(ws) == {"consultations_total": 1200.0, "rx_filled_pct": 95.0}


@pytest.mark.parametrize(
    ("entries", "code", "text"),
    [
        ({"cobertura_inventada": 90}, "target_unknown_indicator", "indicador desconocido «cobertura_inventada»"),
        ({"rx_filled_pct": 101}, "target_percent_range", "rx_filled_pct: la meta es un porcentaje y 101 supera 100"),
        ({"rx_filled_pct": "noventa"}, "not_a_number", "«noventa» no es un número"),
        ({"consultations_total": -5}, "negative", "no se admiten valores negativos (-5)"),
        ({"rx_filled_pct": float("nan")}, "not_a_number", "no es un número"),
        ({"99:rx_filled_pct": 90}, "unknown_state", "estado desconocido «99»"),
    ],
)
def test_a_bad_entry_writes_nothing(ws, entries, code, text):
    targets.set_targets(ws, {"volunteers": 100})
    with pytest.raises(InputError) as caught:
        targets.set_targets(ws, {"home_visits": 500, **entries})  # a good one next to the bad one
    assert caught.value.code == "targets_rejected"
    [detail] = caught.value.details
    assert detail.params["reason"].code == code
    message = caught.value.message("es")
    assert "1 metas rechazadas; no se guardó nada" in message and text in message
    assert "targets rejected" in caught.value.message("en")
    assert stored_keys(ws) == ["meta:volunteers"]


def test_every_bad_entry_is_reported(ws):
    with pytest.raises(InputError) as caught:
        targets.set_targets(ws, {"a": 1, "rx_filled_pct": 200, "volunteers": "x"})
    assert len(caught.value.details) == 3 and stored_keys(ws) == []


def test_a_state_profile_only_reads(ws):
    sync_profile.init_profile(ws, "state", "18", name="Ana", position="Coordinadora")
    with pytest.raises(InputError) as caught:
        targets.set_targets(ws, {"rx_filled_pct": 90})
    assert caught.value.code == "target_read_only"
    assert "oficinas centrales" in caught.value.message("es")
    with pytest.raises(InputError):
        targets.clear_target(ws, "rx_filled_pct")
    assert stored_keys(ws) == []


def test_none_clears_in_the_same_transaction(ws):
    targets.set_targets(ws, {"volunteers": 100, "home_visits": 5})
    assert targets.set_targets(ws, {"volunteers": None, "home_visits": "", "rx_filled_pct": 80}) == {
        "volunteers": None,
        "home_visits": None,
        "rx_filled_pct": 80.0,
    }
    assert targets.targets(ws) == {"rx_filled_pct": 80.0}
