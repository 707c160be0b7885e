"""Any text in any field reaches every output format literally, and never breaks one.

User strings enter the AST only through `elements.text()`, so each writer escapes them. These
properties check that promise end to end: random strings (with the characters each format treats
specially, right-to-left text and emoji mixed in) go into every kind of field of metadata.yaml,
and are read back from the document tree of every edge (many examples), from HTML, DOCX and
Markdown output, Typst must compile and LaTeX stay well-formed (a few examples: those run pandoc and
Typst), and a fixed set of every special character is read back from PDFs made by Typst, pdflatex
and xelatex. What Typst's markup and TeX's ligatures and mappings would read as something else is
read back from PDFs in every context it can stand in, with random text made of such pieces.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import panflute as pf
import pytest
import yaml
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from cvfilter import pandoc
from cvfilter.formats.typst_compile import compile_typst
from cvfilter.filter import run
from cvfilter.formats.latex import SEPARATOR, latex_for
from tests.conftest import SMALL_CV, markdown_to_doc, normalize

SPECIALS = list('&%$#_{}~^\\<>@*[]"`|\'') + ["--", "\\\\", "#set", "$x$", "<script>", "</div>", "&amp;", "{{", "\\end{document}"]
WORLD = ["שלום עולם", "مرحبا", "\u200f", "😀", "👩‍🔬", "日本語", "Zoë", "İ", "ﬁ"]

CV = SMALL_CV + """

# Repositories

::: repositories
:::

# Talks

::: talks
:::

# Students

::: students
:::

# Teaching

::: teaching
:::

# Reviewing

::: reviewing
:::

# Skills

::: skills
:::
"""

FIELDS = [
    "name", "phone", "title", "org", "location", "note", "detail", "topic", "collaborator", "thesis", "advisor",
    "repository", "talk", "venue", "student", "student_detail", "course", "code", "role", "term", "reviewing",
    "skill_group", "skill_1", "skill_2",
]


def metadata(v: dict[str, str]) -> dict:
    """One value per field, in every kind of record the macros show."""
    return {
        "name": v["name"],
        "contact": {"phone": v["phone"]},
        "positions": [{
            "title": v["title"], "org": v["org"], "location": v["location"], "note": v["note"], "detail": v["detail"],
            "topic": v["topic"], "with": [{"name": v["collaborator"]}], "thesis": {"title": v["thesis"]},
            "advisor": {"name": v["advisor"]}, "dates": "2019 -- Present",
        }],
        "repositories": [{"name": "ada/engine", "description": v["repository"], "stars": 3}],
        "talks": [{"title": v["talk"], "venue": v["venue"], "year": 2020}],
        "students": [{"name": v["student"], "detail": v["student_detail"], "dates": "2019 -- 2020"}],
        "teaching": [{"name": v["course"], "code": v["code"], "role": v["role"], "term": v["term"]}],
        "reviewing": [v["reviewing"]],
        "skills": [{"name": v["skill_group"], "items": [v["skill_1"], v["skill_2"]]}],
    }


# Invisible format characters (soft hyphen, ...) are left to WORLD's right-to-left mark: Word stores
# a soft hyphen as a hyphenation point, not as text, so reading it back would need its own rule.
_CHARS = st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn", "Cf", "Zl", "Zp"))
user_text = st.lists(st.one_of(st.sampled_from(SPECIALS + WORLD), _CHARS, st.text(_CHARS, max_size=6)), min_size=1, max_size=6).map("".join).filter(
    lambda s: s.strip() and s.strip()[0] not in "-"
)
values = st.fixed_dictionaries({field: user_text for field in FIELDS})

_CORE_JSON: list[str] = []


def expanded(v: dict[str, str], fmt: str, folder: Path) -> pf.Doc:
    """The CV with these values, through the whole filter for `fmt`, in memory."""
    if not _CORE_JSON:
        buffer = io.StringIO()
        pf.dump(markdown_to_doc(CV), buffer)
        _CORE_JSON.append(buffer.getvalue())
    (folder / "cv.md").write_text(CV, encoding="utf-8")
    (folder / "metadata.yaml").write_text(yaml.safe_dump(metadata(v), allow_unicode=True), encoding="utf-8")
    return run(pf.load(io.StringIO(_CORE_JSON[0])), fmt, base_dir=folder)


def missing(v: dict[str, str], text: str, replace: dict[str, str] | None = None) -> list[str]:
    """The fields whose value does not appear in `text` (white space folded, as writers do);
    `replace` maps characters an edge draws as commands to what stands in the text for them."""
    flat = normalize(text)
    swap = (lambda s: "".join(replace.get(c, c) for c in s)) if replace else (lambda s: s)
    return [field for field, value in v.items() if normalize(swap(value)) not in flat]


def dump(doc: pf.Doc) -> str:
    buffer = io.StringIO()
    pf.dump(doc, buffer)
    return buffer.getvalue()


# No shrinking: each example runs the whole filter five times, and a failure prints all its fields anyway.
FAST = [Phase.explicit, Phase.reuse, Phase.generate]


@settings(max_examples=25, deadline=None, phases=FAST, suppress_health_check=[HealthCheck.too_slow])
@given(values)
def test_every_field_survives_into_the_document_tree_of_every_edge(v: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for fmt in ("html", "docx", "typst", "latex", "markdown"):
            doc = expanded(v, fmt, Path(folder))
            # The LaTeX edge draws a few symbols (★, ✉, emoji) as commands; stringify shows the raw command.
            swap = {c: latex_for(c) or c for c in "".join(v.values())} if fmt == "latex" else None
            assert missing(v, pf.stringify(doc.walk(_escapes_as_text)), swap) == [], fmt


def _escapes_as_text(elem: pf.Element, _doc: pf.Doc) -> pf.Str | list | None:
    """An edge writes a character its format would read as markup as a raw escape (Markdown's `\\@`
    where a citation could start, Typst's `\\.` or `\\-`); in the tree it stands for that character.
    The LaTeX edge's zero kern between two characters TeX would join stands for nothing."""
    if isinstance(elem, pf.RawInline) and elem.format in ("markdown", "typst") and len(elem.text) <= 2:
        return pf.Str(elem.text.removeprefix("\\"))
    if isinstance(elem, pf.RawInline) and elem.format == "latex" and elem.text == SEPARATOR:
        return []
    return None


TRICKY = {field: value for field, value in zip(FIELDS, [
    "Zoë & Co. 100% $5 #1", "+1 (555) 010-0199", "C# & F# {braces} ~tilde^ under_score", "R&D <Lab> \"Q\"",
    "Zürich", "50% \\ backslash", "a*b*c [x](javascript:alert(1))", "<script>alert(1)</script>", "$$ math $$",
    "O'Brien @handle", "Thesis: \\textbf{bold}", "#set page(fill: red)", "`code` and ]]", "talk -- #1",
    "שלום עולם venue", "مرحبا Ali", "detail 😀 👩‍🔬", "日本語 course", "C++ {101}", "TA ~ lead", "Fall '23",
    "Review & <b>x</b>", "Skills {&}", "Python 3.12 ^ ~",
])}


@settings(max_examples=5, deadline=None, phases=FAST, suppress_health_check=[HealthCheck.too_slow])
@given(values)
@example(TRICKY)
def test_every_field_survives_into_html_docx_typst_latex_and_markdown(v: dict[str, str]) -> None:
    from bs4 import BeautifulSoup
    import docx

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        html = pandoc.write(dump(expanded(v, "html", folder)), "html5", ["-s"], folder, "cv.md").decode("utf-8")
        soup = BeautifulSoup(html, "lxml")
        assert missing(v, soup.body.get_text(" ")) == []
        assert soup.find_all(["script", "iframe", "object", "embed"]) == []
        assert not [tag for tag in soup.find_all(True) if any(attr.startswith("on") for attr in tag.attrs)]
        assert all(re.match(r"(https?:|mailto:|#)", a["href"]) for a in soup.find_all("a", href=True))

        written = pandoc.write(dump(expanded(v, "docx", folder)), "docx", [], folder, "cv.md")
        paragraphs = docx.Document(io.BytesIO(written)).paragraphs
        assert missing(v, " ".join(p.text for p in paragraphs)) == []

        typst_source = pandoc.write(dump(expanded(v, "typst", folder)), "typst", ["-s"], folder, "cv.md")
        assert compile_typst(typst_source, folder).startswith(b"%PDF")

        # LaTeX: the writer's escaping is proven by compiling and reading the PDF (tests below); here,
        # every value must at least come out of the writer without breaking the document's structure.
        latex = pandoc.write(dump(expanded(v, "latex", folder)), "latex", ["-s"], folder, "cv.md").decode("utf-8")
        assert latex.count("\\begin{") == latex.count("\\end{") and latex.rstrip().endswith("\\end{document}")

        # Text like "&amp;" comes back too: the Markdown edge escapes what pandoc's writer leaves bare.
        markdown = pandoc.write(dump(expanded(v, "markdown", folder)), "markdown", [], folder, "cv.md")
        assert missing(v, _read_back(markdown, "markdown", folder)) == []


def _read_back(source: bytes, fmt: str, folder: Path) -> str:
    """What pandoc's own Markdown reader makes of a source: escapes undone, raw code dropped."""
    ast = json.loads(pandoc.Running(source.decode("utf-8"), "cv.tex", folder, ["-f", fmt, "-t", "json"]).result())
    return pf.stringify(pf.load(io.StringIO(json.dumps(ast))))


# With what TeX's fonts and xelatex's TeX mapping would join or change: << >> ,, dashes, quotes, !` ?` ^.
PDF_TEXT = {field: f"{value} ({field})" for field, value in zip(FIELDS, [
    "Zoë & Co. 100% $5 #1", "555 0199", "C# & F# {braces} under_score", "R&D <<Lab>> \"Q\"", "Zürich", "50% back\\slash",
    "a*b*c [x] `tick`", "<script>", "$$ math $$", "O'Brien @handle", "\\textbf{bold}", "#set page(fill: red)", "]] ~ ^",
    "talk -- #1 --- a-b", "Venue ,,low'' & Co", "Ali", "detail * !`no ?`no", "course ``x'' ‘y’ “z” ’’", "C++ {101}",
    "TA –- —– ––", "Fall '23", "Review <b>x</b> >>> so\u2026", "Skills {&} ,,,", "Python 3.12 \"\"",
])}


def _pdf_text(pdf: bytes, folder: Path) -> str:
    (folder / "out.pdf").write_bytes(pdf)
    result = subprocess.run(["pdftotext", "-layout", "out.pdf", "-"], cwd=folder, capture_output=True, text=True, check=True)
    return result.stdout


def test_pdf_from_typst_shows_every_special_character_literally(tmp_path: Path) -> None:
    source = pandoc.write(dump(expanded(PDF_TEXT, "typst", tmp_path)), "typst", ["-s"], tmp_path, "cv.md")
    text = _pdf_text(compile_typst(source, tmp_path), tmp_path)
    assert missing(PDF_TEXT, text) == []


# The LaTeX route runs under any pandoc from Debian's 2.17 (which writes ' as it is) to the bundled 3.x.
LATEX_PANDOCS = {"bundled": (pandoc.pandoc_path(), None)}
if shutil.which("pandoc", path="/usr/bin"):
    LATEX_PANDOCS["debian"] = ("/usr/bin/pandoc", [1, 22, 2, 1])
ENGINES = ["pdflatex", "xelatex"]


def _latex_pdf_text(doc: pf.Doc, which: str, engine: str, folder: Path) -> str:
    """The text of the PDF that `pandoc -t latex -s` with `which` and `engine` make of a finished document."""
    if shutil.which(engine) is None:
        pytest.fail(f"{engine} is missing: scripts/test.sh installs TeX Live")
    command, api = LATEX_PANDOCS[which]
    ast = json.loads(dump(doc))
    if api:
        ast["pandoc-api-version"] = api
    written = subprocess.run([command, "-f", "json", "-t", "latex", "-s"], input=json.dumps(ast).encode("utf-8"), cwd=folder,
                             capture_output=True, check=True)
    (folder / "cv.tex").write_bytes(written.stdout)
    result = subprocess.run([engine, "-interaction=nonstopmode", "-halt-on-error", "cv.tex"], cwd=folder, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-2000:]
    # In drawing order: -layout guesses spaces from gaps.
    return subprocess.run(["pdftotext", "-raw", "cv.pdf", "-"], cwd=folder, capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("which", LATEX_PANDOCS)
def test_pdf_from_latex_shows_every_special_character_literally(which: str, engine: str, tmp_path: Path) -> None:
    text = _latex_pdf_text(expanded(PDF_TEXT, "latex", tmp_path), which, engine, tmp_path)
    assert missing(PDF_TEXT, text) == []


# ---- What TeX sets as other characters: the PDF shows what was written -------------------------------

# Pieces that TeX's T1 fonts join as ligatures (<< >> ,, -- !` and the quotes pandoc writes for ‘ ’ “ ”),
# that xelatex's TeX mapping turns into others (" ' `), that pandoc writes as TeX's own (… ^), that LaTeX
# reads as commands, and plain words; between them, the pairs that join.
TEX_PIECES = [
    "<", ">", ",", "-", "\u2013", "\u2014", "'", "`", '"', "!", "?", "\u2018", "\u2019", "\u201c", "\u201d", "~", "^",
    "\\", "{", "}", "$", "&", "%", "#", "_", "|", "@", "*", "[", "]", ".", "\u2026", "\u00ab", "\u00bb", "\u00a1",
    "\u00bf", "\u201e", " ", "a", "b", "Z", "\u00e9", "1",
]
tex_text = st.lists(st.sampled_from(TEX_PIECES), min_size=1, max_size=8).map("".join).filter(str.strip)


def _in_tex_contexts(value: str) -> tuple[list[pf.Block], list[str]]:
    """`value` alone, after a word, in the edge's \\cvdate{...}, in emphasis, a link and a heading, and
    twice in a row (the last word of one against the first of the other); and the text each shows."""
    from cvfilter.elements import text

    blocks = [
        pf.Para(*text(value)),
        pf.Para(pf.Str("A"), pf.Space(), *text(value)),
        pf.Para(pf.Span(*text(value), classes=["cv-date"])),
        pf.Para(pf.Emph(*text(value))),
        pf.Para(pf.Link(*text(value), url="https://example.org")),
        pf.Header(*text(value), level=1),
        pf.Para(*text(value), *text(value)),
    ]
    words = normalize(value)
    return blocks, [words, f"A {words}", words, words, words, words, words + words]


@settings(max_examples=2, deadline=None, phases=FAST, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(tex_text, min_size=1, max_size=3))
@example(["<<a>> ,,b'' ``c'' \"d\" !`e ?`f", "x--y---z \u2013-\u2014\u2013 \u2018\u2019\u201c\u201d\u2019\u2019 !\u2018 ^~ a\u2026"])
@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("which", LATEX_PANDOCS)
def test_tex_ligatures_and_mappings_in_any_context_read_back_from_the_pdf_as_written(which: str, engine: str, values: list[str]) -> None:
    from cvfilter.formats.latex import finish

    blocks, shown = _placed(values, _in_tex_contexts)
    doc = pf.Doc(*blocks)
    finish(doc, None)
    with tempfile.TemporaryDirectory() as name:
        text = _latex_pdf_text(doc, which, engine, Path(name))
    assert normalize(text) == normalize(" ".join(shown) + " 1")


# ---- Typst's markup in plain text: the PDF shows what HTML and Word show ----------------------------

# Pieces that Typst's markup reads as more than text: shorthands ("...", "-?", "--", "~", "-" before a
# digit), smart quotes, list, term and heading markers at the start of a line or of a content block,
# a field access or call after a function's closing bracket, comments, links; between plain words.
TYPST_PIECES = [
    "...", "..", ".", "-", "--", "---", "\u2013", "\u2014", "-?", "?", "'", '"', "\u2019", "\u2018", "~", "+", "/", "//", "/*", "=", "==",
    ":", "*", "_", "#", "$", "@", "<", ">", "[", "]", "(", ")", "`", "\\", "https://", "1", "12", "1.", "\u00b2",
    " ", " ", "a", "b", "Z", "\u00e9", ",", ";",
]
typst_text = st.lists(st.sampled_from(TYPST_PIECES), min_size=1, max_size=8).map("".join).filter(str.strip)
# Visible marks for the blocks Typst makes from markers, which read back like text ("1. x" is an enum).
SHOW_STRUCTURE = "\n".join(f"#show {kind}: it => [({kind})] + it" for kind in ("list", "enum", "terms", "heading"))


def _placed(values: list[str], contexts) -> tuple[list[pf.Block], list[str]]:
    """Each value in each of the places `contexts` puts it, and the text each place shows."""
    blocks: list[pf.Block] = []
    shown: list[str] = []
    for value in values:
        more, texts = contexts(value)
        blocks += more
        shown += texts
    return blocks, shown


def _in_every_context(value: str) -> tuple[list[pf.Block], list[str]]:
    """`value` first in a paragraph, after a word, inside and right after a wrapper of the edge
    (`#cv-org[...]`), in emphasis, a link and a heading; and the text each shows."""
    from cvfilter.elements import text

    blocks = [
        pf.Para(*text(value)),
        pf.Para(pf.Str("A"), pf.Space(), *text(value)),
        pf.Para(pf.Str("B"), pf.Space(), pf.Span(*text(value), classes=["cv-org"])),
        pf.Para(pf.Span(pf.Str("C"), classes=["cv-org"]), *text(value)),
        pf.Para(pf.Emph(*text(value))),
        pf.Para(pf.Link(*text(value), url="https://example.org")),
        pf.Header(*text(value), level=1),
    ]
    words = normalize(value)  # text() keeps no white space at the ends
    return blocks, [words, f"A {words}", f"B {words}", f"C{words}", words, words, f"(heading) {words}"]


def _typst_pdf_text(blocks: list[pf.Block], folder: Path) -> str:
    from cvfilter.formats.typst import finish

    doc = pf.Doc(*blocks)
    finish(doc, None)
    doc.content.insert(1, pf.RawBlock(SHOW_STRUCTURE, format="typst"))
    source = pandoc.write(dump(doc), "typst", ["-s"], folder, "cv.md")
    (folder / "out.pdf").write_bytes(compile_typst(source, folder))
    # In drawing order: -layout guesses spaces from gaps, and a backslash's side bearing hides one.
    return subprocess.run(["pdftotext", "-raw", "out.pdf", "-"], cwd=folder, capture_output=True, text=True, check=True).stdout


@settings(max_examples=12, deadline=None, phases=FAST, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(typst_text, min_size=1, max_size=3))
@example(["ML... it's -- a---b soft-?hy x -1 ~ end.", "’90s rock ’n’ roll (’x’)", "- dash"])
@example(["+ plus", "= eq", "/ term: x"])
@example(["3. third", ".field after", "x:-1 (-2) a-3 -\u00b2"])
@example(["\u2013- a-\u2013b \u2014\u2013 -\u2013\u2013 \u2013\u2014- x\u2014-1"])
def test_typst_markup_in_any_context_reads_back_from_the_pdf_as_written(values: list[str]) -> None:
    blocks, shown = _placed(values, _in_every_context)
    with tempfile.TemporaryDirectory() as name:
        text = _typst_pdf_text(blocks, Path(name))
    assert normalize(text) == normalize(" ".join(shown) + " 1 of 1")


TYPST_FIELDS = dict(zip(FIELDS, [
    "Ada... Lovelace", "-?", "x -1", "’90s", "- dash", "+ plus", "= eq", "/ term: x", "3. third", ".field", "a-?b",
    "(-2) x:-3", "it's \"q\"", "a--b---c", "1 ~ 2", "..", "12.", "’n’", "-\u00b2", "=", "+", "....", "-", "a.-1",
]))


def _bare(text: str) -> str:
    return "".join(text.split())


@settings(max_examples=4, deadline=None, phases=FAST, suppress_health_check=[HealthCheck.too_slow])
@given(st.fixed_dictionaries({field: typst_text for field in FIELDS}))
@example(TYPST_FIELDS)
def test_every_field_reads_back_alike_from_the_pdf_html_and_docx(v: dict[str, str]) -> None:
    """White space aside (a line may break anywhere in the PDF), each value is in all three."""
    from bs4 import BeautifulSoup
    import docx

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        source = pandoc.write(dump(expanded(v, "typst", folder)), "typst", ["-s"], folder, "cv.md")
        (folder / "out.pdf").write_bytes(compile_typst(source, folder))
        pdf = subprocess.run(["pdftotext", "-raw", "out.pdf", "-"], cwd=folder, capture_output=True, text=True, check=True).stdout
        html = pandoc.write(dump(expanded(v, "html", folder)), "html5", ["-s"], folder, "cv.md").decode("utf-8")
        written = pandoc.write(dump(expanded(v, "docx", folder)), "docx", [], folder, "cv.md")
    words = " ".join(p.text for p in docx.Document(io.BytesIO(written)).paragraphs)
    for fmt, text in (("pdf", pdf), ("html", BeautifulSoup(html, "lxml").body.get_text(" ")), ("docx", words)):
        assert [field for field, value in v.items() if _bare(value) not in _bare(text)] == [], fmt


def test_an_at_sign_after_punctuation_comes_back_from_markdown_as_text_not_a_citation(tmp_path):
    v = {**TRICKY, "phone": "x--@key (@other) ada@example.org"}
    markdown = pandoc.write(dump(expanded(v, "markdown", tmp_path)), "markdown", [], tmp_path, "cv.md")
    assert b"\\@key (\\@other) ada@example.org" in markdown
    assert missing(v, _read_back(markdown, "markdown", tmp_path)) == []


# What pandoc's smart typography reads as more than it is, and what it makes of it, between words.
SMART_PIECES = ["...", "..", ".", "-", "--", "---", "'", '"', "\u2019", "\u2018", "\u201c", "\u201d", "\u2013", "\u2014",
                "\u2026", "@", "x@y", "(", ")", "*", "_", "\\", "`", "#", "<", ">", "[", "]", " ", "a", "Zo\u00eb", "1"]
smart_text = st.lists(st.sampled_from(SMART_PIECES), min_size=1, max_size=8).map("".join).filter(
    lambda s: s.strip() and s.strip()[0] not in "-"
)


@settings(max_examples=20, deadline=None, phases=FAST, suppress_health_check=[HealthCheck.too_slow])
@given(st.fixed_dictionaries({field: smart_text for field in FIELDS}))
@example({field: f"dots... en -- em --- 'x' \"y\" it's ({field})" for field in FIELDS})
@example({field: f"a----b ....x \u2013 \u2014 \u2026 \u2019s \u201cq\u201d x--@y ({field})" for field in FIELDS})
def test_the_markdown_export_reads_back_through_pandoc_as_written(v: dict[str, str]) -> None:
    """`cv build --to md`, read by pandoc's Markdown reader (smart typography on): every value as written."""
    from cvfilter.build import build

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / "cv.md").write_text(CV, encoding="utf-8")
        (folder / "metadata.yaml").write_text(yaml.safe_dump(metadata(v), allow_unicode=True), encoding="utf-8")
        markdown = build(folder / "cv.md", ("md",)).outputs["md"].read_text(encoding="utf-8")
        plain = pandoc.Running(markdown, "cv.md", folder, ["-f", "markdown", "-t", "plain", "--wrap=none"]).result()
    assert missing(v, plain) == []


def test_the_markdown_export_keeps_typography_as_it_is_and_escapes_only_ascii(tmp_path):
    v = {**TRICKY, "title": "dots... en -- em --- 'x' \"y\"", "org": "2019 \u2013 \u201cq\u201d \u2026"}
    (tmp_path / "cv.md").write_text(CV, encoding="utf-8")
    (tmp_path / "metadata.yaml").write_text(yaml.safe_dump(metadata(v), allow_unicode=True), encoding="utf-8")
    from cvfilter.build import build

    markdown = build(tmp_path / "cv.md", ("md",)).outputs["md"].read_text(encoding="utf-8")
    assert "dots\\... en \\-- em \\-\\-- \\'x\\' \\\"y\\\"" in markdown
    assert "2019 \u2013 \u201cq\u201d \u2026" in markdown


BIB_CV = """---
date: 2024-03-05
cvfilter:
  data: metadata.yaml
  bibliography: refs.bib
---

::: header
:::

# Publications

::: publications
:::
"""
# The same LaTeX quotes, & and % with and without other LaTeX (braces, \\&) in the value.
BIB = """@article{plain, title={The ``Best'' Plan for R&D at 50% Cost}, author={Lovelace, Ada},
  journal={Pattern Analysis & Machine Intelligence}, year={2020}}
@article{braced, title={The ``Best'' {MPC} for {A & B} at 50% Cost}, author={Lovelace, Ada},
  journal={Security {\\&} Privacy & Trust}, year={2021}}
"""
BIB_SHOWN = ["The “Best” Plan for R&D at 50% Cost", "Pattern Analysis & Machine Intelligence",
             "The “Best” MPC for A & B at 50% Cost", "Security & Privacy & Trust"]


def test_bib_quotes_ampersands_and_percents_read_back_alike_from_pdf_html_and_docx(tmp_path: Path) -> None:
    from bs4 import BeautifulSoup
    import docx

    from cvfilter.build import build

    (tmp_path / "cv.md").write_text(BIB_CV, encoding="utf-8")
    (tmp_path / "metadata.yaml").write_text("name: Ada Lovelace\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    outputs = build(tmp_path / "cv.md").outputs
    pdf = subprocess.run(["pdftotext", "-raw", str(outputs["pdf"]), "-"], capture_output=True, text=True, check=True).stdout
    html = BeautifulSoup(Path(outputs["html"]).read_text(encoding="utf-8"), "lxml").body.get_text(" ")
    words = " ".join(p.text for p in docx.Document(str(outputs["docx"])).paragraphs)
    for fmt, text in (("pdf", pdf), ("html", html), ("docx", words)):
        assert [shown for shown in BIB_SHOWN if shown not in normalize(text)] == [], fmt


# Front matter that pandoc's Typst template sets itself, as markup or (keywords) as code.
FRONT_CV = r"""---
cvfilter:
  data: metadata.yaml
title: 'Title Wait\.\.\. soft-?hy x -1 ’90s'
subtitle: 'Subtitle a-?b (-2) ’n’'
author: 'Author x -1 ’x’'
abstract: 'Abstract Wait\.\.\. y -3'
thanks: 'Thanks z -4'
keywords: [machine learning, "x -1", '"quoted"']
date: 2024-03-05
---

::: header
:::
"""
FRONT_SHOWN = ["Title Wait... soft-?hy x -1 ’90s", "Subtitle a-?b (-2) ’n’", "Author x -1 ’x’", "Abstract Wait... y -3",
               "Thanks z -4", "Last updated on March 5, 2024"]


def test_front_matter_that_pandocs_typst_template_sets_reads_back_from_the_pdf_as_written(tmp_path: Path) -> None:
    import pypdf

    from cvfilter.build import build

    (tmp_path / "cv.md").write_text(FRONT_CV, encoding="utf-8")
    (tmp_path / "metadata.yaml").write_text("name: Ada Lovelace\n", encoding="utf-8")
    pdf = build(tmp_path / "cv.md", ("pdf",)).outputs["pdf"]
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert [shown for shown in FRONT_SHOWN if shown not in normalize(text)] == []
    assert pypdf.PdfReader(str(pdf)).metadata["/Keywords"] == 'machine learning, x -1, "quoted"'


def test_an_html_entity_in_the_data_comes_back_from_markdown_as_written(tmp_path):
    v = {**TRICKY, "phone": "R&amp;D &#38; &copy; & plain"}
    markdown = pandoc.write(dump(expanded(v, "markdown", tmp_path)), "markdown", [], tmp_path, "cv.md")
    assert missing(v, _read_back(markdown, "markdown", tmp_path)) == []
