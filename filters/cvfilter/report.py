"""Terminal output: problems as file:line: message, and a short summary of what a build wrote."""

from __future__ import annotations

import sys

from .errors import Problem, in_source_order


def print_problems(problems: list[Problem], count: bool = True) -> None:
    """Errors and warnings on stderr, one per line in source order, in a form editors can jump to."""
    for problem in in_source_order(problems):
        print(problem, file=sys.stderr)
    errors = sum(p.severity == "error" for p in problems)
    if errors and count:
        print(_counted(errors, "error"), file=sys.stderr)


def check_summary(source: str, problems: list[Problem]) -> str:
    """One line after `cv check`, so that silence is never the only sign of success."""
    if not problems:
        return f"{source}: no problems"
    errors = sum(p.severity == "error" for p in problems)
    return f"{source}: {_counted(errors, 'error')}, {_counted(len(problems) - errors, 'warning')}"


def _counted(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def print_build(result, timings: bool, told: set[str] | None = None) -> None:
    """The warnings (those not in `told` yet, which collects them across the builds of one command)
    and the files written."""
    warnings = result.warnings
    if told is not None:
        warnings = [w for w in warnings if str(w) not in told]
        told.update(str(w) for w in warnings)
    print_problems(warnings)
    for fmt, path in result.outputs.items():
        print(f"wrote {path}")
    if timings:
        for stage, seconds in result.timings.items():
            print(f"  {stage:<14} {seconds * 1000:7.1f} ms")
