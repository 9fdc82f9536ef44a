"""Issue 11 holes 7 and 8: what a sender signs is not believed blindly.

Hole 7: a value's ``updated_at`` of ``9999-12-31`` no longer wins every conflict (times are
bounded by the package's signing time, itself bounded by HQ's clock, and flagged as
``W_CLOCK_SKEW``); the change log names the registered signer's certificate with the
claimed ``updated_by`` beside it. Hole 8: ``scope`` and ``previous_sha256`` must agree with
the content and with the packages HQ holds (``E_SCOPE``, ``E_CHAIN``); ``format_version``
below 1 stays refused (``tests/sync/test_hostile.py::test_signed_manifest_with_impossible_fields``).
"""

from __future__ import annotations

import pytest

from app.models.values import ValueChange, ValueKey
from app.services.entry.month_values import record_changes
from app.services.sync import sync_ack, sync_export, sync_import
from app.services.workspace import now_iso
from app.storage import changelog, values_repo
from tests.sync.forge import reforge, resign_manifest, write
from tests.sync.test_hostile import refused

FUTURE = "9999-12-31T23:59:59+00:00"
CLAIMED = '=HYPERLINK("http://evil.example","<b>Director general</b>")'


def _key(ws) -> ValueKey:
    row = ws.conn.execute(
        "SELECT org_unit, period, variable, disaggregation FROM data_values "
        "WHERE value IS NOT NULL AND variable = 'consultas_medicina_familiar' "
        "ORDER BY 1, 2 LIMIT 1"
    ).fetchone()
    return ValueKey(*row)


def _every_value(doc, **side):
    for group in doc["dataValueSets"]:
        for value in group["dataValues"]:
            value["coordina"].update(side)


def _synced(pair):
    first = sync_export.export_package(pair.state, pair.outbox, pair.identity, full=True)
    assert sync_import.import_packages(pair.hq, [first.path])[0].ok
    assert sync_import.import_packages(pair.state, [sync_ack.make_ack(pair.hq, "18", pair.outbox)])[0].ok


# -- hole 7 -----------------------------------------------------------------------------------


def test_a_far_future_updated_at_cannot_win_a_conflict(pair):
    _synced(pair)
    key = _key(pair.state)
    record_changes(pair.state, [ValueChange(key, 2222)])  # the coordinator, first
    delta = sync_export.export_package(pair.state, pair.outbox, pair.identity)
    record_changes(pair.hq, [ValueChange(key, 1111)])  # an analyst at HQ, after the package was signed
    # The sender claims her change was made at the end of time, by someone else.
    forged = reforge(
        pair.hq,
        pair.identity,
        delta.path.read_bytes(),
        manifest_edit=lambda m: m.update(created_at="2020-01-01T00:00:00+00:00"),
        doc_edit=lambda doc: _every_value(doc, updated_at=FUTURE, updated_by=CLAIMED),
    )
    [result] = sync_import.import_packages(pair.hq, [write(pair.outbox, "futuro.coordina", forged)])
    summary = result.summary
    assert summary["status"] == "WARNING", summary
    [flag] = [c for c in summary["conflicts"] if c["errorCode"] == "W_CONFLICT"]
    assert flag["applied"] == "ours", "HQ's later change stands: 9999 is read as the signing time"
    assert values_repo.get_values(pair.hq.conn, [key])[key].value == 1111
    [skew] = [c for c in summary["conflicts"] if c["errorCode"] == "W_CLOCK_SKEW"]
    assert "posterior a la firma" in skew["value"]
    theirs = pair.hq.conn.execute("SELECT theirs FROM conflicts").fetchone()[0]
    assert FUTURE not in theirs and "2020-01-01T00:00:00+00:00" in theirs


def test_the_change_log_names_the_signer_with_the_claim_beside_it(pair):
    _synced(pair)
    key = _key(pair.state)
    record_changes(pair.state, [ValueChange(key, 2222)])
    delta = sync_export.export_package(pair.state, pair.outbox, pair.identity)
    forged = reforge(
        pair.hq, pair.identity, delta.path.read_bytes(), doc_edit=lambda doc: _every_value(doc, updated_by=CLAIMED)
    )
    [result] = sync_import.import_packages(pair.hq, [write(pair.outbox, "autor.coordina", forged)])
    assert result.ok, result.summary
    fingerprint = pair.identity.fingerprint_sha256.replace(":", "").lower()
    users = {
        u
        for (u,) in pair.hq.conn.execute(
            "SELECT DISTINCT user FROM change_log WHERE source LIKE 'paquete %' AND field = 'value' "
            "AND org_unit = ? AND period = ? AND variable = ? AND new_value = '2222'",
            (key.org_unit, key.period, key.variable),
        )
    }
    assert len(users) == 1, users
    [user] = users
    assert user.startswith("Ana Núñez [cert ") and fingerprint[:16] in user.replace(":", "").lower(), user
    assert user.endswith(f"(declara: {CLAIMED})"), user
    assert changelog.verify_chain(pair.hq.conn) is None


def test_a_package_signed_in_the_future_is_flagged_and_bounded_by_hqs_clock(pair):
    _synced(pair)
    record_changes(pair.state, [ValueChange(_key(pair.state), 2222)])
    delta = sync_export.export_package(pair.state, pair.outbox, pair.identity)
    forged = reforge(
        pair.hq,
        pair.identity,
        delta.path.read_bytes(),
        manifest_edit=lambda m: m.update(created_at="2999-01-01T00:00:00+00:00"),
        doc_edit=lambda doc: _every_value(doc, updated_at="2999-01-01T00:00:00+00:00"),
    )
    [result] = sync_import.import_packages(pair.hq, [write(pair.outbox, "reloj.coordina", forged)])
    assert result.ok, result.summary
    codes = [c["errorCode"] for c in result.summary["conflicts"]]
    assert codes.count("W_CLOCK_SKEW") == 2, result.summary["conflicts"]  # the package and its values
    latest = pair.hq.conn.execute("SELECT max(updated_at) FROM data_values").fetchone()[0]
    assert latest <= now_iso()


def test_honest_times_pass_unchanged(pair):
    exported = sync_export.export_package(pair.state, pair.outbox, pair.identity, full=True)
    [result] = sync_import.import_packages(pair.hq, [exported.path])
    assert "W_CLOCK_SKEW" not in [c["errorCode"] for c in result.summary["conflicts"]]
    sent = dict(pair.state.conn.execute("SELECT uuid, updated_at FROM data_values WHERE value IS NOT NULL"))
    got = dict(pair.hq.conn.execute("SELECT uuid, updated_at FROM data_values WHERE value IS NOT NULL"))
    assert got == sent


# -- hole 8 -----------------------------------------------------------------------------------


@pytest.fixture
def valid(pair):
    return sync_export.export_package(pair.state, pair.outbox, pair.identity, full=True).path.read_bytes()


def _scope(edit):
    return lambda m: edit(m["scope"])


@pytest.mark.parametrize(
    "edit",
    [
        lambda m: m.pop("scope"),
        lambda m: m.update(scope="todo"),
        _scope(lambda s: s.update(values=s["values"] + 1)),
        _scope(lambda s: s.update(tombstones=3)),
        _scope(lambda s: s.update(values=-1)),
        _scope(lambda s: s.update(values="10")),
        _scope(lambda s: s.update(periods=s["periods"][:-1])),
        _scope(lambda s: s.update(periods=[*s["periods"], "202312"])),
        _scope(lambda s: s.update(org_units=s["org_units"][1:])),
        _scope(lambda s: s.update(variables=[*s["variables"], "camas_fantasma"])),
        _scope(lambda s: s.update(full="sí")),
    ],
    ids=[
        "missing",
        "not-an-object",
        "values+1",
        "tombstones",
        "negative",
        "text-count",
        "period-missing",
        "period-extra",
        "org-unit-missing",
        "variable-extra",
        "full-text",
    ],
)
def test_a_scope_that_does_not_match_the_content_is_refused(pair, db_dump, valid, edit):
    summary = refused(pair, db_dump, resign_manifest(valid, pair.identity, edit), "E_SCOPE")
    # The plain-Spanish wording (merge of issue 11 with issue 12) blames the signed claims.
    assert "lo que declara su firma" in summary["description"]


def test_previous_sha256_must_be_consistent(pair, db_dump, valid):
    # A first package cannot follow anything; a malformed hash is a manifest error.
    refused(
        pair,
        db_dump,
        resign_manifest(valid, pair.identity, lambda m: m.update(previous_sha256="ab" * 32)),
        "E_CHAIN",
        "primero.coordina",
    )
    refused(
        pair,
        db_dump,
        resign_manifest(valid, pair.identity, lambda m: m.update(previous_sha256="x")),
        "E_MANIFEST",
        "malformado.coordina",
    )
    assert sync_import.import_packages(pair.hq, [write(pair.outbox, "uno.coordina", valid)])[0].ok
    second = sync_export.export_package(pair.state, pair.outbox, pair.identity, full=True)
    # Naming one HQ never saw while it holds the one before: flagged, not refused (a state
    # that restored a backup restarts its chain; its sequence goes on). Naming a package of
    # another device, or a later one, is E_CHAIN (a later one is already E_REPLAY).
    forked = resign_manifest(second.path.read_bytes(), pair.identity, lambda m: m.update(previous_sha256="cd" * 32))
    [result] = sync_import.import_packages(pair.hq, [write(pair.outbox, "bifurcado.coordina", forked)])
    assert result.ok and "W_CHAIN" in [c["errorCode"] for c in result.summary["conflicts"]], result.summary
    # The next genuine one names the genuine second, not the forged one HQ holds: accepted, flagged.
    third = sync_export.export_package(pair.state, pair.outbox, pair.identity, full=True)
    [result] = sync_import.import_packages(pair.hq, [third.path])
    assert result.ok and "W_CHAIN" in [c["errorCode"] for c in result.summary["conflicts"]], result.summary
    # And the one after names the third, which HQ holds: no flag.
    fourth = sync_export.export_package(pair.state, pair.outbox, pair.identity, full=True)
    [result] = sync_import.import_packages(pair.hq, [fourth.path])
    assert result.ok and "W_CHAIN" not in [c["errorCode"] for c in result.summary["conflicts"]], result.summary
