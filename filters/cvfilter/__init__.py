"""cvfilter: one Markdown CV in, PDF, DOCX and HTML out, through Pandoc and panflute."""

__version__ = "0.1.0"
