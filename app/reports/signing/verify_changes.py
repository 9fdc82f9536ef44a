"""Naming what a PDF's later revisions added after a signature (issue 10 part 1).

pyHanko's difference analysis decides whether later revisions hold only validation data and
document timestamps; this module names, for the person reading the verdict, what else they
hold: a new signature field, a new signature, an annotation, a page or its content, the
document information... Each name is a message code of :mod:`app.models.messages`.
"""

from __future__ import annotations

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import HistoricalResolver, PdfFileReader

#: Named in this order; the weak ones only when nothing stronger was found.
STRONG = (
    "verify_what_signature_field",
    "verify_what_signature",
    "verify_what_annotation",
    "verify_what_page",
    "verify_what_content",
    "verify_what_info",
    "verify_what_metadata",
    "verify_what_catalog",
)
WEAK = ("verify_what_form", "verify_what_other")
_NEUTRAL = {"allowed", "neutral"}


def added_after(reader: PdfFileReader, revisions: list[int]) -> tuple[str, ...]:
    """The message codes of what ``revisions`` added or changed, besides /DSS and timestamps."""
    found: set[str] = set()
    for rev in revisions:
        try:
            found |= _revision(reader, rev)
        except Exception:  # noqa: BLE001 - a revision too damaged to read is "other changes"
            found.add("verify_what_other")
    strong = tuple(code for code in STRONG if code in found)
    return strong or tuple(code for code in WEAK if code in found)


def _revision(reader: PdfFileReader, rev: int) -> set[str]:
    now = reader.get_historical_resolver(rev)
    before = reader.get_historical_resolver(rev - 1)
    trailer, old_trailer = now.trailer_view, before.trailer_view
    found: set[str] = set()
    info_ref = trailer.raw_get("/Info") if "/Info" in trailer else None
    old_info = old_trailer.raw_get("/Info") if "/Info" in old_trailer else None
    if _ref(info_ref) != _ref(old_info):
        found.add("verify_what_info")
    root_ref = _ref(trailer.raw_get("/Root"))
    dss = _dss_refs(trailer["/Root"])
    for ref in reader.xrefs.explicit_refs_in_revision(rev):
        key = (ref.idnum, ref.generation)
        if key in dss:
            continue
        obj = now.get_object(ref)
        if key == _ref(info_ref):
            found.add("verify_what_info")
        elif key == root_ref:
            found |= _catalog_change(obj, before.get_object(ref) if _existed(before, ref) else None)
        elif _only_annots_changed(obj, before, ref):
            found.add("neutral")  # a page that only lists a new annotation: that one is named
        else:
            found.add(_classify(obj))
    return found - _NEUTRAL


def _classify(obj: object) -> str:
    if not isinstance(obj, generic.DictionaryObject):
        return "neutral" if isinstance(obj, generic.ArrayObject) else "verify_what_other"
    kind = _get(obj, "/Type")
    if kind == "/DocTimeStamp":
        return "allowed"
    if kind == "/Sig":
        return "verify_what_signature"
    if _get(obj, "/FT") == "/Sig":
        value = _get(obj, "/V")
        if value is None:
            return "verify_what_signature_field"
        timestamp = isinstance(value, generic.DictionaryObject) and _get(value, "/Type") == "/DocTimeStamp"
        return "allowed" if timestamp else "verify_what_signature"
    if kind == "/Annot" or _get(obj, "/Subtype") == "/Widget" or "/Rect" in obj:
        return "verify_what_annotation"
    if kind in ("/Page", "/Pages"):
        return "verify_what_page"
    if kind == "/Metadata":
        return "verify_what_metadata"
    if "/Fields" in obj:
        return "verify_what_form"
    if kind in ("/Font", "/FontDescriptor", "/ExtGState") or (
        kind == "/XObject" and _get(obj, "/Subtype") in ("/Form", "/Image")
    ):
        return "verify_what_other"
    if isinstance(obj, generic.StreamObject):
        return "verify_what_content"  # a content stream: what a page paints
    return "verify_what_other"


def _only_annots_changed(obj: object, before: HistoricalResolver, ref: generic.Reference) -> bool:
    if not isinstance(obj, generic.DictionaryObject) or _get(obj, "/Type") != "/Page":
        return False
    if not _existed(before, ref):
        return False
    old = before.get_object(ref)
    if not isinstance(old, generic.DictionaryObject):
        return False
    keys = (set(obj) | set(old)) - {"/Annots"}
    return all(k in obj and k in old and obj.raw_get(k) == old.raw_get(k) for k in keys)


def _catalog_change(now: object, before: object) -> set[str]:
    """A changed catalog is named only for keys other than /DSS and /AcroForm."""
    if not isinstance(now, generic.DictionaryObject) or not isinstance(before, generic.DictionaryObject):
        return {"verify_what_catalog"}
    keys = (set(now) | set(before)) - {"/DSS", "/AcroForm"}
    changed = {k for k in keys if now.raw_get(k) != before.raw_get(k) if k in now and k in before}
    changed |= {k for k in keys if (k in now) != (k in before)}
    if not changed:
        return set()
    if changed <= {"/Pages"}:
        return {"verify_what_page"}
    if changed <= {"/Metadata"}:
        return {"verify_what_metadata"}
    return {"verify_what_catalog"}


def _dss_refs(root: generic.DictionaryObject) -> set[tuple[int, int]]:
    """Every object the catalog's /DSS reaches (validation data: certificates, OCSP, CRLs)."""
    found: set[tuple[int, int]] = set()
    try:
        stack = [root.raw_get("/DSS")] if "/DSS" in root else []
    except Exception:  # noqa: BLE001 - no readable /DSS: nothing allowed by it
        return found
    depth = 0
    while stack and depth < 10_000:
        depth += 1
        item = stack.pop()
        if isinstance(item, generic.IndirectObject):
            key = (item.idnum, item.generation)
            if key in found:
                continue
            found.add(key)
            item = item.get_object()
        if isinstance(item, generic.StreamObject):
            continue
        if isinstance(item, generic.DictionaryObject):
            stack.extend(item.raw_get(k) for k in item)
        elif isinstance(item, generic.ArrayObject):
            stack.extend(item)
    return found


def _get(obj: generic.DictionaryObject, key: str) -> object:
    """``obj[key]`` resolved (pyHanko's ``get`` may hand back an indirect reference)."""
    try:
        return obj[key] if key in obj else None
    except Exception:  # noqa: BLE001 - a dangling reference reads as absent
        return None


def _ref(value: object) -> tuple[int, int] | None:
    if isinstance(value, generic.IndirectObject):
        return value.idnum, value.generation
    return None


def _existed(resolver: HistoricalResolver, ref: generic.Reference) -> bool:
    try:
        resolver.get_object(ref)
        return True
    except Exception:  # noqa: BLE001 - new in this revision
        return False
