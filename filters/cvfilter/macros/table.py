"""The macro reference as a Markdown table, generated from the registry so the README cannot drift."""

from __future__ import annotations

from .registry import MACROS, Option


def macro_table() -> str:
    rows = ["| macro | what it makes | options |", "|---|---|---|"]
    for name in sorted(MACROS):
        spec = MACROS[name]
        options = "<br>".join(f"`{key}`: {_describe(option)}" for key, option in spec.options.items()) or "none"
        rows.append(f"| `.{name}` | {spec.summary} | {options} |")
    return "\n".join(rows) + "\n"


def _describe(option: Option) -> str:
    kinds = " \\| ".join(option.kind) if isinstance(option.kind, tuple) else option.kind.__name__
    if option.minimum is not None:
        kinds += f" ≥ {option.minimum}"
    default = "" if option.default in (None, "") else f"; default `{str(option.default).lower() if isinstance(option.default, bool) else option.default}`"
    return f"{option.doc} ({kinds}{default})"
