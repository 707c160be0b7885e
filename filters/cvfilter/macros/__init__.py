"""The section macros. Importing this package registers every macro module below."""

from . import entries, header  # noqa: F401  (registration happens on import)
from .registry import MACROS, LIST_OPTIONS, MacroCall, Option, macro  # noqa: F401
