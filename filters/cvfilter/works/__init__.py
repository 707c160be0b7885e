"""Publications that keep themselves current: `cv add` and `cv sync`.

The metadata services (Crossref, DataCite, arXiv, DBLP, OpenAlex, ORCID) are read into one record,
`Work`; works are matched against the bibliography and new ones appended to it as BibTeX, the
rest of the file left byte for byte as it was. Nothing here runs during `cv build`.
"""
