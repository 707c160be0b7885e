"""Format edges: the one place per output format that knows how that format looks.

Each edge takes the semantic document (Divs and Spans with `cv-*` classes) and adds what its writer
needs: raw Typst or LaTeX wrappers, Word style names, HTML landmarks. Escaping of user text is left to
Pandoc's writers, except where an edge must build a string literal itself (one function per edge).

`registry.py` lists what `cv build --to` makes; `finishing.py` says which edge finishes for a pandoc
writer name (`pandoc --filter cvfilter -t NAME`). This file imports nothing, so that reading the
registry (`cv --help`) loads no edge.
"""
