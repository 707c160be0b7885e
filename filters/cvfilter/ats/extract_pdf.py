"""The PDF's text as two independent parsers read it: pypdf (pure Python, as many résumé parsers
use) and PDFium (Chrome's engine, through pypdfium2). Both are BSD/Apache licensed.

pdfminer.six was the other candidate: on the example's 8 pages it took 2.0 s against PDFium's
0.12 s (pypdf 0.9 s) on this machine, too slow for a check that must cost under a second.
"""

from __future__ import annotations

from pathlib import Path

from .text import Extraction


def read_pypdf(path: Path) -> Extraction:
    return pypdf_extraction(*read_pypdf_pages(path))


def read_pypdf_pages(path: Path, first: int = 0, last: int | None = None) -> tuple[list[str], list[str]]:
    """The text and the link targets of pages `first` to `last` (not included), read by pypdf."""
    import pypdf

    reader = pypdf.PdfReader(str(path))
    chosen = reader.pages[first:last]
    return [page.extract_text() or "" for page in chosen], _links(chosen)


def pypdf_extraction(pages: list[str], links: list[str]) -> Extraction:
    return Extraction("pdf", "pypdf", "\n".join(pages), links, _empty(pages))


def _links(pages) -> list[str]:
    found = []
    for page in pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            uri = action.get_object().get("/URI") if action is not None else None
            if uri:
                found.append(str(uri))
    return found


def read_pdfium(path: Path) -> Extraction:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        pages = []
        for page in document:
            textpage = page.get_textpage()
            # PDFium marks a hyphen that ends a line (a soft one or a word's own) with U+0002 and joins
            # the lines: it is the hyphen the page shows, at a line end.
            text = textpage.get_text_bounded().replace("\r\n", "\n").replace("\r", "\n")
            pages.append(text.replace("\x02", "-\n"))
            textpage.close()
            page.close()
    finally:
        document.close()
    # PDFium's text pages carry no link annotations: the check takes the file's links from pypdf.
    return Extraction("pdf", "pdfium", "\n".join(pages), [], _empty(pages))


def _empty(pages: list[str]) -> list[int]:
    """Pages (from 1) with no letters: drawn, scanned or outlined text a parser cannot read."""
    return [number for number, text in enumerate(pages, 1) if not any(c.isalnum() for c in text)]
