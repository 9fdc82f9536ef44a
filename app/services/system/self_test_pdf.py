"""The self-test's look inside a summary PDF: its Spanish text and its fonts.

A bundle that lost its fonts, or a ReportLab that fell back to a standard font, still
writes a PDF, but one whose accents are wrong on another computer. So the text is
extracted (pypdf, as ``verify`` does) and compared with labels the slide always prints,
accents included, and every font that draws text must be embedded in the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

#: Printed on every state slide of demo data, whatever the figures (accents on purpose).
EXPECTED_TEXT = (
    "Avances Generales",
    "DATOS DE DEMOSTRACIÓN",
    "Médicos especialistas",
    "Acción comunitaria",
    "Infraestructura y equipamiento",
    "Capacitación",
)
#: Operators that draw text with the current font.
_SHOW_TEXT = {b"Tj", b"TJ", b"'", b'"'}


class PdfCheckError(Exception):
    """The PDF lacks an expected text or draws text with a font it does not carry."""

    def __init__(self, key: str, **params: str):
        super().__init__(key)
        self.key = key
        self.params = params


# pypdf's objects are read duck-typed here (a reference or a dictionary, .get_object() on
# either), which its type hints do not describe: hence Any for them.
def _embedded(font: Any) -> bool:
    """Whether a font dictionary carries its glyphs (FontFile, FontFile2 or FontFile3)."""
    font = font.get_object()
    if font.get("/Subtype") == "/Type3":
        return True  # glyphs are drawn by content streams inside the font itself
    descriptor = font.get("/FontDescriptor")
    if descriptor is None and "/DescendantFonts" in font:
        descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
    if descriptor is None:
        return False
    descriptor = descriptor.get_object()
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def _fonts_drawing_text(reader: Any, stream: Any, resources: Any, seen: set[int], found: dict[str, object]) -> None:
    """Add to ``found`` (name -> font) every font a content stream shows text with,
    following the form XObjects it paints."""
    from pypdf.generic import ContentStream

    resources = resources.get_object() if resources is not None else {}
    fonts = resources.get("/Font", {})
    fonts = fonts.get_object() if hasattr(fonts, "get_object") else fonts
    xobjects = resources.get("/XObject", {})
    xobjects = xobjects.get_object() if hasattr(xobjects, "get_object") else xobjects
    current = None
    for operands, operator in ContentStream(stream, reader).operations:
        if operator == b"Tf" and operands:
            current = str(operands[0])
        elif operator in _SHOW_TEXT and current is not None:
            if current in fonts:
                found[str(fonts[current].get_object().get("/BaseFont", current))] = fonts[current]
        elif operator == b"Do" and operands and str(operands[0]) in xobjects:
            ref = xobjects[str(operands[0])]
            form = ref.get_object()
            key = id(form)
            if form.get("/Subtype") == "/Form" and key not in seen:
                seen.add(key)
                _fonts_drawing_text(reader, form, form.get("/Resources", resources), seen, found)


def check_summary_pdf(path: Path) -> str:
    """Check a demo state summary's text and fonts; returns a short detail.

    Raises :class:`PdfCheckError` naming the missing text or the font not embedded.
    """
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    for label in EXPECTED_TEXT:
        if label not in text:
            raise PdfCheckError("pdf_text_missing", text=label)
    found: dict[str, object] = {}
    for page in reader.pages:
        seen: set[int] = set()
        _fonts_drawing_text(reader, page.get_contents(), page.get("/Resources"), seen, found)
        # The visible signature block is the signature field's appearance stream.
        for annot in page.get("/Annots") or []:
            appearance = annot.get_object().get("/AP")
            normal = appearance.get_object().get("/N") if appearance is not None else None
            if normal is not None and hasattr(normal.get_object(), "get_data"):
                form = normal.get_object()
                _fonts_drawing_text(reader, form, form.get("/Resources"), seen, found)
    if not found:
        raise PdfCheckError("pdf_no_fonts")
    for name, font in sorted(found.items()):
        if not _embedded(font):
            raise PdfCheckError("pdf_font_not_embedded", font=name.lstrip("/"))
    names = sorted({name.lstrip("/").split("+")[-1] for name in found})
    return ", ".join(names)
