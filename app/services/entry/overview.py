"""What the main window needs to know about a data directory when it opens."""

from __future__ import annotations

from dataclasses import dataclass

from app.services.workspace import Workspace
from app.storage import facilities_repo, profile_repo, reports_repo


@dataclass(frozen=True)
class Overview:
    """States that have facilities, how many facilities, and whether the data is a demo."""

    states_with_facilities: tuple[str, ...]
    facility_count: int
    is_demo: bool
    #: The profile's role ("state", "hq") or None before one is chosen: the menus follow it.
    role: str | None = None
    #: The first-run wizard should open by itself (an empty data directory, never shown).
    first_run: bool = False


def workspace_overview(ws: Workspace) -> Overview:
    """Read the few facts the main window shows before any month is loaded."""
    states = tuple(facilities_repo.states_with_facilities(ws.conn))
    count = facilities_repo.facility_count(ws.conn)
    demo_flag = reports_repo.settings_get(ws.conn, "demo", "")
    # The setting is the demo builder's label; demo facilities count too, so a demo
    # imported some other way is never mistaken for real data.
    demo_rows = facilities_repo.has_demo(ws.conn)
    from app.services.system.first_run import should_open

    prof = profile_repo.get_profile(ws.conn)
    return Overview(
        states,
        int(count),
        demo_flag not in ("", "0", "false") or bool(demo_rows),
        prof.role if prof else None,
        should_open(ws),
    )
