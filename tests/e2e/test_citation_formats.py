"""Citations in prose read the same in every format `cv build` writes: `[-@key]` shows no author."""

from __future__ import annotations

from docx import Document
from pypdf import PdfReader

from cvfilter.build import build
from tests.conftest import normalize

BIB = """\
@inproceedings{optnet, title={OptNet}, author={Amos, Brandon and Kolter, J. Zico}, year={2017}, booktitle={ICML}}
@book{book, title={A Book}, author={Boyd, Stephen}, year={2004}, publisher={CUP}}
"""
CV = """\
---
date: 2020-01-01
cvfilter: {data: metadata.yaml, bibliography: refs.bib, csl: apa}
---

# Research

Kolter showed it [-@optnet]. Boyd [-@book, p. 3]. And @optnet did [@book].
"""
SENTENCE = "Kolter showed it (2017). Boyd (2004, p. 3). And Amos and Kolter (2017) did (Boyd, 2004)."


def test_suppressed_and_in_text_citations_in_pdf_docx_markdown_and_text(tmp_path):
    (tmp_path / "metadata.yaml").write_text("name: Brandon Amos\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    (tmp_path / "cv.md").write_text(CV, encoding="utf-8")
    out = build(tmp_path / "cv.md", ("pdf", "docx", "md", "txt")).outputs
    pdf = normalize(" ".join(page.extract_text() for page in PdfReader(out["pdf"]).pages))
    docx = normalize(" ".join(p.text for p in Document(str(out["docx"])).paragraphs))
    for shown in (pdf, docx, normalize(out["md"].read_text(encoding="utf-8")), normalize(out["txt"].read_text(encoding="utf-8"))):
        assert SENTENCE in shown
