"""Does a PDF hold demo data? (issue 10 part 2: "marcada como DEMO en todas partes").

The summary of demo data carries the document-information key ``/CoordinaDemo`` = "1" and a
diagonal "DATOS DE DEMOSTRACIÓN" watermark on every page (``app.reports.pdf.summary_pdf_page``).
The key is read in the first signature's own revision (what the signer signed), or in the
file as it is when it is not signed; failing that, the watermark text is looked for on the
first pages. Never raises: a file too damaged to read holds no demo mark we can see.
"""

from __future__ import annotations

import io

from pyhanko.pdf_utils.reader import PdfFileReader

DEMO_INFO_KEY = "/CoordinaDemo"
WATERMARK_TEXT = "DATOS DE DEMOSTRACIÓN"
#: Pages whose text is searched for the watermark: a summary has one or two.
MAX_PAGES = 8


def holds_demo_data(reader: PdfFileReader, signatures: list) -> bool:
    """True when the info key (in the signed revision) or the watermark says demo data."""
    return _info_says_demo(reader, signatures) or _watermark_on_a_page(reader)


def _info_says_demo(reader: PdfFileReader, signatures: list) -> bool:
    try:
        if signatures:
            trailer = reader.get_historical_resolver(signatures[0].signed_revision).trailer_view
        else:
            trailer = reader.trailer_view
        info = trailer["/Info"] if "/Info" in trailer else None
        return info is not None and DEMO_INFO_KEY in info and str(info[DEMO_INFO_KEY]).strip() == "1"
    except Exception:  # noqa: BLE001 - an unreadable info dictionary says nothing
        return False


def _watermark_on_a_page(reader: PdfFileReader) -> bool:
    """The watermark text on one of the first pages (pypdf extracts text through ToUnicode)."""
    try:
        from pypdf import PdfReader

        data = reader.stream.getvalue() if hasattr(reader.stream, "getvalue") else None
        if data is None:
            return False
        pages = PdfReader(io.BytesIO(data), strict=False).pages
        for index in range(min(len(pages), MAX_PAGES)):
            text = " ".join((pages[index].extract_text() or "").split())
            if WATERMARK_TEXT in text or WATERMARK_TEXT.replace(" ", "") in text.replace(" ", ""):
                return True
    except Exception:  # noqa: BLE001 - damaged pages: no watermark found
        return False
    return False
