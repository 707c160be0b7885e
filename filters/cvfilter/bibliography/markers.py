"""Private-use characters that carry structure through citeproc-py's string output.

citeproc-py renders to strings; these code points (never in user text: the reader strips them)
mark what the panflute formatter turns back into elements. The range is reserved in latex.py.
"""

OWNER = "\ue000"  # after the owner's family name
OTHERS = "\ue001"  # a name standing for "and others"
TITLE_OPEN, TITLE_CLOSE = "\ue002", "\ue003"  # the title, linked to the entry's URL
URL_OPEN, URL_CLOSE = "\ue004", "\ue005"  # a rendered URL or DOI, linked to itself
STRONG_OPEN, STRONG_CLOSE = "\ue006", "\ue007"  # inserted around the owner's whole name
OWNER_HIDEABLE = "\ue009"  # after OWNER: the style's et al. may hide this owner (option hide-owner)
STAND_IN = "\ue008"  # ends the name standing in for the authors a citation leaves out (`[-@key]`)
MATH_OPEN, MATH_CLOSE = "\ue00a", "\ue00b"  # TeX math in a title, made a Math element
BOUNDARY = "\ue00c"  # where a braced part of a title was: its words are cased on their own

# Formatting from the CSL style: (open, close) per panflute wrapper.
EMPH = ("\ue010", "\ue011")
BOLD = ("\ue012", "\ue013")
SMALLCAPS = ("\ue014", "\ue015")
SUPERSCRIPT = ("\ue016", "\ue017")
SUBSCRIPT = ("\ue018", "\ue019")
UNDERLINE = ("\ue01a", "\ue01b")
