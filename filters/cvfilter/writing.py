"""`cv build`'s writing: each output format finished by its edge and written, all at once.

Every format comes from the registry (formats/registry.py); nothing here knows one format from
another, except that the PDF, the longest chain, starts first and stays in this process.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path

import panflute as pf

from .clock import Clock
from .context import Context
from .document import dump, load
from .errors import Problem
from .forking import Forked, can_fork, each_result
from .formats.output import OutputFormat
from .formats.registry import FORMATS


def write_all(doc: pf.Doc, formats: tuple[str, ...], context: Context | None, base: Path, shown: str, clock: Clock) -> dict[str, bytes]:
    """Every format's bytes. Where processes fork, see `_write_forked`. Elsewhere (Windows) each
    format is finished here, one after another (Python holds the GIL anyway), and handed to a
    thread for its pandoc process (and Typst) while the next one is finished: both cores stay busy.
    The PDF, the longest chain, starts first; the last format finishes the parsed document itself."""
    order = [FORMATS[name] for name in FORMATS if name in formats]
    if len(order) > 1 and can_fork():
        return _write_forked(doc, order, context, base, shown, clock)
    for fmt in order:  # here, before the threads: one import of each edge, not one per thread
        fmt.edge  # noqa: B018
    core = None
    if len(order) > 1:
        with clock("serialise"):
            core = dump(doc)
    with ThreadPoolExecutor(max_workers=len(order)) as pool:
        futures = {}
        for index, fmt in enumerate(order):
            with clock(fmt.finish_stage):
                own = doc if index == len(order) - 1 else load(core)
                finished = _finished_json(own, fmt, context)
            futures[fmt.name] = pool.submit(fmt.edge.write, fmt, finished, context, base, shown, clock)
        return {name: futures[name].result() for name in formats}


# What forked writers need; set only while they are being forked (children inherit it, nothing is copied).
_FORK_STATE: tuple | None = None


def _write_forked(doc: pf.Doc, order: list[OutputFormat], context: Context | None, base: Path, shown: str, clock: Clock) -> dict[str, bytes]:
    """Each format but the PDF finished and written in its own forked child: no copy of the
    document goes in, and no GIL is shared between formats, so both cores share the Python work.

    The PDF, the longest chain (finish, pandoc, Typst), is made here once the children are forked,
    in the process that keeps the Typst compiler warm (`cv watch`); the children run at a lower
    priority, so on two cores they fill the time the PDF leaves free instead of slowing it down."""
    global _FORK_STATE
    _FORK_STATE = (doc, context, base, shown)
    warned = len(context.diagnostics.warnings) if context else 0
    here = FORMATS["pdf"] if FORMATS["pdf"] in order else None
    lower = 5 if here else 0
    try:
        children = {fmt.name: Forked(partial(_forked_writer, fmt, warned), nice=lower) for fmt in order if fmt is not here}
    finally:
        _FORK_STATE = None
    produced: dict[str, bytes] = {}
    try:
        if here is not None:
            with clock(here.finish_stage):
                finished = _finished_json(doc, here, context)
            produced[here.name] = here.edge.write(here, finished, context, base, shown, clock)
        for name, (data, timings, warnings) in each_result(children):
            clock.timings.update(timings)
            if context:
                context.diagnostics.extend(warnings)
            produced[name] = data
    except BaseException:
        for child in children.values():
            child.stop()
        raise
    return {fmt.name: produced[fmt.name] for fmt in order}


def _forked_writer(fmt: OutputFormat, warned: int) -> tuple[bytes, dict[str, float], list[Problem]]:
    """A child's work: one format, its stage times, and the warnings it added."""
    doc, context, base, shown = _FORK_STATE
    clock = Clock()
    with clock(fmt.finish_stage):
        finished = _finished_json(doc, fmt, context)
    data = fmt.edge.write(fmt, finished, context, base, shown, clock)
    return data, clock.timings, context.diagnostics.warnings[warned:] if context else []


def _finished_json(doc: pf.Doc, fmt: OutputFormat, context: Context | None) -> str:
    """The document finished by the format's edge, as Pandoc JSON for its writer."""
    if not fmt.reads_document:
        return ""
    doc.format = fmt.writer
    fmt.edge.finish(doc, context)
    return dump(doc)
