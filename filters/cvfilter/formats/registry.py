"""The one table of what `cv build --to` can make: every output format, one line each.

A line names the format (its `--to` name and file suffix), the edge module in formats/ that makes
it, the pandoc writer the finished document goes to, and the timed stages of its write step.
Everything else derives from this table: the CLI's choices, defaults and help, the build's finish
and write steps, `cv watch`'s per-format times, and `cv preview`'s pictures.

An edge module has two functions, which the build calls in this order:

    def finish(doc: pf.Doc, context: Context | None) -> None
        # the semantic document made ready for the writer, in place; `doc.format` is `writer`
    def write(fmt: OutputFormat, finished: str, context: Context | None, base: Path, shown: str,
              clock: Clock) -> bytes
        # the file's bytes from the finished document's Pandoc JSON ("" when `reads_document` is off)

This module imports no edge and no panflute, so that the CLI can list the formats and `cv --help`
stays fast; `OutputFormat.edge` (output.py) loads the edge module when a build needs it.

To add a format: write its edge module (formats/NAME.py with `finish` and `write`; `finish` may be
an existing edge's, as pdf.py takes the Typst edge's) and add its line below.
"""

from __future__ import annotations

from .output import OutputFormat


FORMATS: dict[str, OutputFormat] = {fmt.name: fmt for fmt in (
    OutputFormat("pdf", "typeset with Typst", "pdf", "typst", ("typst", "typst-compile", "glyphs"), default=True),
    OutputFormat("docx", "Word", "docx", "docx", ("docx",), default=True),
    OutputFormat("html", "web page", "html", "html5", ("html",), default=True),
    OutputFormat("md", "clean Markdown", "text", "markdown", ("md",)),
    OutputFormat("txt", "plain text for web forms", "text", "plain", ("txt",)),
    OutputFormat("json", "JSON Resume", "json_resume", None, ("json",), reads_document=False),
    OutputFormat("typ", "the Typst source of the PDF", "typ", "typst", ("typ",)),
    OutputFormat("rendercv", "a RenderCV 2.x input file", "rendercv", None, ("rendercv",), reads_document=False,
                 extension="rendercv.yaml"),
)}

DEFAULT_FORMATS: tuple[str, ...] = tuple(name for name, fmt in FORMATS.items() if fmt.default)


def format_names() -> str:
    """The formats as `--help` lists them."""
    return ", ".join(f"{name} ({fmt.summary})" for name, fmt in FORMATS.items())
