"""Fixtures for the PDF export, verification and identity dialogs: real identities and PDFs.

Builds on :mod:`tests.ui.dialog_fixtures` (Nayarit and Colima facilities with a few values).
Identities are made by the same service the app uses, in tmp dirs; nothing is mocked.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.services.summary import identity as identities
from app.services.summary import report_pdf
from tests.ui.dialog_fixtures import PERIOD, workspace

PASSPHRASE = "contraseña de prueba"


@pytest.fixture
def p12(seeded_dir: Path, tmp_path: Path) -> Path:
    """A coordinator identity for Nayarit, as "Crear identidad" writes it on *another* computer.

    Made in a data directory of its own, so the seeded workspace does not trust it yet
    (creating an identity puts its certificate in the creating workspace's trust store).
    """
    path = tmp_path / "keys" / "lucia.p12"
    elsewhere = tmp_path / "otra-computadora"
    elsewhere.mkdir()
    with workspace(elsewhere) as ws:
        identities.create_identity_file(
            ws, "Lucía Ávila Núñez", "Coordinadora estatal", "18", path, PASSPHRASE.encode()
        )
    return path


@pytest.fixture
def signed_pdf(seeded_dir: Path, tmp_path: Path, p12: Path) -> Path:
    """Nayarit's summary, signed with :func:`p12`'s identity (not yet in the trust store)."""
    out = tmp_path / "out" / "18-Nayarit-firmado.pdf"
    identity = identities.load_identity(p12=p12, passphrase=PASSPHRASE.encode())
    with workspace(seeded_dir) as ws:
        report_pdf.export_state_pdf(ws, "18", PERIOD, out, report_pdf.PdfOptions(), identity)
    return out
