"""A coordinator HQ revokes is refused by ``verify`` at HQ and, after an update, at the state."""

from __future__ import annotations

from app.reports.signing.identity import certificate_pem
from app.reports.signing.pades import sign_pdf
from app.services.summary import identity as identities
from app.services.sync import sync_ack, sync_enrol, sync_import
from tests.reports.pki import one_page_pdf
from tests.sync.test_catalog_update import forge_update


def test_revocation_reaches_verify_at_hq_and_at_the_state(pair, tmp_path):
    pdf = tmp_path / "avances.pdf"
    pdf.write_bytes(sign_pdf(one_page_pdf(), pair.identity, "Avances", "Tepic"))
    identities.add_trusted(pair.hq, certificate_pem(pair.identity.certificate))
    assert identities.verify_file(pair.hq, pdf).exit_code == 0
    assert identities.verify_file(pair.state, pdf).exit_code == 0

    sync_enrol.revoke(pair.hq, pair.identity.fingerprint_sha256)
    at_hq = identities.verify_file(pair.hq, pdf)
    assert at_hq.exit_code == 1 and at_hq.problem_code == "verify_cert_revoked" and at_hq.intact
    assert identities.verify_file(pair.state, pdf).exit_code == 0  # the state does not know yet

    [result] = sync_import.import_packages(pair.state, [sync_ack.make_update(pair.hq, "18", pair.outbox)])
    assert result.ok, result.summary
    at_state = identities.verify_file(pair.state, pdf)
    assert at_state.exit_code == 1 and at_state.problem_code == "verify_cert_revoked"
    assert "oficinas centrales revocó" in at_state.problem_text("es")
    # A second update with the same list changes nothing and is accepted.
    [again] = sync_import.import_packages(pair.state, [sync_ack.make_update(pair.hq, "18", pair.outbox)])
    assert again.ok, again.summary


def test_a_malformed_revocation_list_refuses_the_update(pair, tmp_path):
    for bad in ("all", [{"fingerprint": "ZZ", "revoked_at": "2024-01-01"}], [{"fingerprint": "a" * 64}]):
        path = tmp_path / "forjado.coordina"
        path.write_bytes(forge_update(pair.hq, {"state": "18", "facilities": [], "targets": {}, "revoked": bad}))
        [result] = sync_import.import_packages(pair.state, [path])
        assert not result.ok, result.summary
    assert pair.state.conn.execute("SELECT count(*) FROM revoked_certificates").fetchone()[0] == 0
