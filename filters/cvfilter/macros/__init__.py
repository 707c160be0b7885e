"""The section macros. Importing this package registers every macro module below."""

from . import (  # noqa: F401  (registration happens on import)
    activities,
    entries,
    header,
    interests,
    languages,
    lines,
    publications,
    referees,
    references,
    scholar_stats,
    repositories,
    reviewing,
    skills,
    students,
    summary,
    talks,
    teaching,
)
from .registry import INLINE_MACROS, MACROS, LIST_OPTIONS, MacroCall, Option, macro  # noqa: F401
