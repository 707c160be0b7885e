"""Terminal output: problems as file:line: message, and a short summary of what a build wrote."""

from __future__ import annotations

import sys

from .errors import Problem


def print_problems(problems: list[Problem]) -> None:
    """Errors and warnings on stderr, one per line, in a form editors can jump to."""
    for problem in problems:
        print(problem, file=sys.stderr)
    errors = sum(p.severity == "error" for p in problems)
    if errors:
        print(f"{errors} error{'s' if errors != 1 else ''}", file=sys.stderr)


def print_build(result, timings: bool) -> None:
    print_problems(result.warnings)
    for fmt, path in result.outputs.items():
        print(f"wrote {path}")
    if timings:
        for stage, seconds in result.timings.items():
            print(f"  {stage:<14} {seconds * 1000:7.1f} ms")
