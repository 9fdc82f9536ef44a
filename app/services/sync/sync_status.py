"""What is waiting and what arrived: the outbox and the inbox, for ``sync status`` and the GUI."""

from __future__ import annotations

from app.services.sync.sync_profile import hq_fingerprint, readable
from app.services.workspace import Workspace
from app.storage import conflicts_repo, sync_repo


def status(ws: Workspace) -> dict:
    """Profile, HQ profile, outbox (state) and inbox (both) as plain data (JSON-ready)."""
    prof = sync_repo.get_profile(ws.conn)
    keys = sync_repo.get_hq_keys(ws.conn)
    outbox = [
        {
            "uuid": e.uuid,
            "sequence": e.sequence,
            "file": e.file_name,
            "created_at": e.created_at,
            "full": e.full,
            "values": e.value_count,
            "delivered_at": e.delivered_at,
        }
        for e in sync_repo.outbox(ws.conn)
    ]
    inbox = [
        {
            "uuid": e.uuid,
            "kind": e.kind,
            "state": e.state_code,
            "sequence": e.sequence,
            "imported_at": e.imported_at,
            "status": e.summary.get("status"),
            "importCount": e.summary.get("importCount"),
            "periods": list(e.periods),
        }
        for e in sync_repo.inbox(ws.conn)
    ]
    open_conflicts = conflicts_repo.open_count(ws.conn)
    return {
        "profile": None
        if prof is None
        else {"role": prof.role, "state": prof.state_code, "device": prof.device_id, "name": prof.name},
        "hq": None
        if keys is None
        else {
            "name": keys.name,
            "hq_id": keys.hq_id,
            "fingerprint": readable(hq_fingerprint(keys.sign_public, keys.enc_public)),
        },
        "outbox": outbox,
        "pending": sum(1 for e in outbox if not e["delivered_at"]),
        "inbox": inbox,
        "open_conflicts": open_conflicts,
    }


def status_text(data: dict, lang: str = "es") -> str:
    """The status as lines of text for the terminal."""
    es = lang != "en"
    lines = []
    prof = data["profile"]
    if prof is None:
        lines.append("Sin perfil (use init)" if es else "No profile (use init)")
    else:
        role = prof["role"]
        lines.append(
            f"Perfil: {'oficinas centrales' if role == 'hq' else 'estado ' + prof['state']}"
            if es
            else f"Profile: {'headquarters' if role == 'hq' else 'state ' + prof['state']}"
        )
    if data["hq"]:
        lines.append(("Oficinas centrales: " if es else "Headquarters: ") + data["hq"]["fingerprint"])
    if data["outbox"]:
        lines.append(
            f"Bandeja de salida: {len(data['outbox'])} paquetes, {data['pending']} sin acuse"
            if es
            else f"Outbox: {len(data['outbox'])} packages, {data['pending']} not acknowledged"
        )
        for e in data["outbox"]:
            state = e["delivered_at"] or ("pendiente" if es else "pending")
            lines.append(f"  {e['sequence']:>4}  {e['file']}  {e['values']:>7}  {state}")
    lines.append(
        f"Bandeja de entrada: {len(data['inbox'])} paquetes" if es else f"Inbox: {len(data['inbox'])} packages"
    )
    for e in data["inbox"]:
        count = e["importCount"] or {}
        lines.append(
            f"  {e['kind']:<6} {e['state'] or '':<3} {e['sequence'] or '':>4}  {e['status']:<8} "
            f"{count.get('imported', 0)}/{count.get('updated', 0)}/{count.get('deleted', 0)}  "
            f"{e['imported_at']}"
        )
    if data["open_conflicts"]:
        lines.append(
            f"Conflictos por revisar: {data['open_conflicts']}"
            if es
            else f"Conflicts to review: {data['open_conflicts']}"
        )
    return "\n".join(lines) + "\n"
