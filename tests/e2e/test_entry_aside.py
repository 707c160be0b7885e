"""An entry's GPA, collaborators, topic and note all reach every output of `cv build`, in one order."""

from __future__ import annotations

import json

import yaml

from cvfilter import pandoc
from cvfilter.build import build
from tests.conftest import normalize
from tests.readback import docx_text, html_text, pdf_text

METADATA = {
    "name": "Ada Lovelace",
    "education": [{
        "title": "B.S. in Mathematics", "org": "Example University", "dates": "1835 -- 1839", "gpa": "3.9/4.0",
        "note": "summa cum laude", "topic": "notebooks", "with": [{"name": "Mary Somerville"}],
    }],
}
CV = "---\ndate: 1843-01-01\n---\n\n::: header\n:::\n\n# Education\n\n::: {.entries from=education}\n:::\n"
SHOWN = "Example University (3.9/4.0; with Mary Somerville on notebooks; summa cum laude)"


def test_gpa_collaborator_topic_and_note_read_back_from_every_format(tmp_path):
    (tmp_path / "metadata.yaml").write_text(yaml.safe_dump(METADATA), encoding="utf-8")
    (tmp_path / "cv.md").write_text(CV, encoding="utf-8")
    out = build(tmp_path / "cv.md", ("pdf", "docx", "html", "md", "txt", "json")).outputs
    markdown = out["md"].read_text(encoding="utf-8")
    reread = pandoc.write(pandoc.read_markdown(markdown, "cv.md", tmp_path), "plain", ["--wrap=none"], tmp_path, "cv.md")
    texts = {
        "pdf": pdf_text(out["pdf"]), "docx": docx_text(out["docx"]), "html": html_text(out["html"]),
        "md": reread.decode("utf-8"), "txt": out["txt"].read_text(encoding="utf-8"),
    }
    assert [fmt for fmt, text in texts.items() if SHOWN not in normalize(text)] == []
    education = json.loads(out["json"].read_text(encoding="utf-8"))["education"][0]
    assert (education["score"], education["summary"]) == ("3.9/4.0", "with Mary Somerville on notebooks; summa cum laude")
