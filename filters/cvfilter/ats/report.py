"""The check's result as people read it: a table per format and reader, then each finding at its
file:line with what to change; and the same as Markdown for docs/ats.md."""

from __future__ import annotations

import sys

from .compare import Finding, Score


def merged_findings(scores: list[Score]) -> list[tuple[Finding, list[str]]]:
    """Each finding once, with the readers that made it, in the order first seen."""
    found: dict[Finding, list[str]] = {}
    for result in scores:
        for finding in result.findings:
            found.setdefault(finding, []).append(f"{result.fmt}/{result.reader}")
    return list(found.items())


def _problems(result: Score) -> str:
    kinds: dict[str, int] = {}
    for finding in result.findings:
        kinds[finding.kind] = kinds.get(finding.kind, 0) + 1
    return ", ".join(f"{n} {kind}" for kind, n in kinds.items()) or "none"


def print_report(scores: list[Score], threshold: float, seconds: float, source: str) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=sys.stdout, highlight=False, soft_wrap=True)
    table = Table(title=f"ATS read-back of {source}", title_justify="left")
    for column in ("format", "reader", "found / expected", "score", "problems"):
        table.add_column(column, justify="right" if column in ("found / expected", "score") else "left")
    for result in scores:
        mark = "green" if result.percent >= threshold else "red"
        table.add_row(result.fmt, result.reader, f"{result.passed} / {result.checked}",
                      f"[{mark}]{result.percent:g}%[/{mark}]", _problems(result))
    console.print(table)
    for finding, readers in merged_findings(scores):
        where = f"{finding.where}: " if finding.where else ""
        console.print(f"{where}{finding.kind}: {finding.what} [{', '.join(readers)}]; {finding.fix}", markup=False)
    worst = min((s.percent for s in scores), default=100.0)
    verdict = "passes" if worst >= threshold else "fails"
    console.print(f"{source}: lowest score {worst:g}%, threshold {threshold:g}%: {verdict} ({seconds:.2f} s after the build)",
                  markup=False)


def markdown_rows(scores: list[Score]) -> list[str]:
    return [f"| {s.fmt} | {s.reader} | {s.passed} / {s.checked} | {s.percent:g}% | {_problems(s)} |" for s in scores]
