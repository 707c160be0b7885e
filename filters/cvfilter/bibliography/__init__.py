"""Publications and citations: BibTeX in, CSL-formatted Pandoc inlines out.

One module per job: `latex` (LaTeX text to Unicode), `names` (authors and the owner), `reader`
(tolerant BibTeX to records with file:line), `csl` (records to CSL-JSON), `render` (citeproc-py to
panflute inlines), `citations` (pandoc citations in prose).
"""
