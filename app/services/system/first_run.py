"""The first-run wizard's memory (issue 12): which steps are done or skipped, per data directory.

The wizard opens by itself once per data directory (an empty one: no profile and no
facilities); afterwards it is reopened from the menus and resumes at the first step
that is neither done nor skipped. What each step *does* is the existing services'
work (:mod:`.sync_profile`, :mod:`.identity`, :mod:`.facilities`, :mod:`.demo`); this
module only remembers the wizard's progress and reads what is already in place, so a
step done elsewhere (the Sincronizar menu, the CLI) counts as done here too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from app.services.workspace import Workspace, write_transaction
from app.storage import facilities_repo, profile_repo, reports_repo

if TYPE_CHECKING:
    from app.reports.signing.identity import Identity

# sync_enrol.OWN_CERTIFICATE, spelled here so the overview read at start-up does not
# import the crypto stack (time to a usable grid, issue 12 "speed").
OWN_CERTIFICATE = "own_certificate_pem"

SETTING = "first_run"
DONE, SKIPPED = "done", "skipped"
#: Steps, in order, for each role; "role" comes first for everyone (it creates the profile,
#: and at HQ the keys).
STATE_STEPS = ("role", "identity", "hq_profile", "facilities")
HQ_STEPS = ("role", "export_profile", "facilities")


@dataclass(frozen=True)
class FirstRun:
    """What the wizard shows: the profile, what is in place, and each step's mark."""

    role: str | None  # "state", "hq" or None before the profile exists
    state_code: str | None
    name: str
    has_identity: bool
    has_hq_profile: bool
    facility_count: int
    shown: bool  # the wizard has opened once in this data directory
    marks: dict[str, str] = field(default_factory=dict)

    def steps(self) -> tuple[str, ...]:
        """The steps for this role (a state's until HQ is chosen)."""
        return HQ_STEPS if self.role == "hq" else STATE_STEPS

    def is_done(self, step: str) -> bool:
        """Done in the wizard, or already in place however it was done."""
        in_place = {
            "role": self.role is not None,
            "identity": self.has_identity,
            "hq_profile": self.has_hq_profile,
            "facilities": self.facility_count > 0,
        }
        return in_place.get(step, False) or self.marks.get(step) == DONE

    def next_step(self) -> str | None:
        """The first step neither done nor skipped (None when all are)."""
        return next((s for s in self.steps() if not self.is_done(s) and self.marks.get(s) != SKIPPED), None)

    def resume_step(self) -> str:
        """Where reopening the wizard starts: the first step not done, else the first one."""
        return next((s for s in self.steps() if not self.is_done(s)), self.steps()[0])


def _read_marks(ws: Workspace) -> dict:
    try:
        data = json.loads(reports_repo.settings_get(ws.conn, SETTING, "") or "{}")
    except ValueError:  # a hand-edited setting: start the marks again rather than fail
        data = {}
    return data if isinstance(data, dict) else {}


def first_run(ws: Workspace) -> FirstRun:
    """The wizard's state for this data directory."""
    prof = profile_repo.get_profile(ws.conn)
    data = _read_marks(ws)
    marks = {str(k): str(v) for k, v in (data.get("steps") or {}).items()}
    own_cert = reports_repo.settings_get(ws.conn, OWN_CERTIFICATE, "")
    facilities = facilities_repo.facility_count(ws.conn)
    # At a state the HQ keys row is HQ's imported profile; at HQ it is HQ's own keys.
    has_hq = prof is not None and prof.role == "state" and profile_repo.get_hq_keys(ws.conn) is not None
    return FirstRun(
        prof.role if prof else None,
        prof.state_code if prof else None,
        prof.name if prof else "",
        bool(own_cert),
        has_hq,
        int(facilities),
        bool(data.get("shown")),
        marks,
    )


def should_open(ws: Workspace) -> bool:
    """Open the wizard by itself? Only once, and only on an empty data directory."""
    state = first_run(ws)
    return not state.shown and state.role is None and state.facility_count == 0


def _write(ws: Workspace, data: dict) -> None:
    with write_transaction(ws):
        reports_repo.settings_set(ws.conn, SETTING, json.dumps(data, sort_keys=True))


def mark_shown(ws: Workspace) -> None:
    """The wizard has opened: it will not open by itself again in this data directory."""
    data = _read_marks(ws)
    data["shown"] = True
    _write(ws, data)


def mark_step(ws: Workspace, step: str, mark: str) -> FirstRun:
    """Record ``step`` as done or skipped; returns the new state."""
    if mark not in (DONE, SKIPPED) or step not in set(STATE_STEPS) | set(HQ_STEPS):
        raise ValueError(f"unknown first-run step or mark: {step}={mark}")
    data = _read_marks(ws)
    data["shown"] = True
    data.setdefault("steps", {})[step] = mark
    _write(ws, data)
    return first_run(ws)


def use_existing_identity(
    ws: Workspace, passphrase: bytes, p12: Path | None = None, cer: Path | None = None, key: Path | None = None
) -> Identity:
    """Adopt a ``.p12``/``.pfx`` or an e.firma pair the coordinator already has.

    It is opened with its passphrase first (a wrong one, a CSD or an expired certificate
    is refused by :func:`app.services.summary.identity.load_identity` and nothing is written); its
    certificate then joins this workspace's trust store and becomes the one the state
    enrols, exactly as for an identity created here.
    """
    from app.reports.signing import identity as ident
    from app.services.summary import identity as identity_service
    from app.services.sync.sync_enrol import remember_own_certificate

    made = identity_service.load_identity(p12=p12, cer=cer, key=key, passphrase=passphrase)
    identity_service.add_trusted(ws, ident.certificate_pem(made.certificate))
    remember_own_certificate(ws, made.certificate)
    mark_step(ws, "identity", DONE)
    return made
