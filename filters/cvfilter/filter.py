"""`cvfilter`: the Pandoc JSON filter. Reads the AST on stdin, writes the finished AST on stdout.

Usage under plain pandoc: `pandoc cv.md --filter cvfilter -o cv.pdf`. Pandoc passes the target
format as the first argument. A user error is printed as file:line and the exit status is 1, so
pandoc stops instead of writing a broken file.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path
from typing import NoReturn

import panflute as pf

from . import exit_now, quiet_startup
from .document import dump
from .errors import CvError, in_source_order, unexpected
from .pipeline import finish, prepare


def run(doc: pf.Doc, fmt: str, base_dir: Path | None = None) -> pf.Doc:
    """The whole filter on a document in memory: what tests call, with no subprocess."""
    context = prepare(doc, base_dir or Path.cwd())
    finish(doc, fmt, context)
    if context is not None:  # after finishing: an edge may warn too (a character pdflatex cannot set)
        context.diagnostics.print_warnings()
    return doc


def command() -> NoReturn:
    """The `cvfilter` command pandoc runs: the filter, then leave at once (see exit_now); pandoc
    waits for the filter's process to end before it writes."""
    main()
    exit_now(0)


def main(doc: pf.Doc | None = None) -> pf.Doc | None:
    quiet_startup()
    fmt = sys.argv[1] if len(sys.argv) > 1 else "html"
    if doc is not None:
        return run(doc, fmt)
    try:
        text = sys.stdin.buffer.read().decode("utf-8")
        loaded = pf.load(io.StringIO(text))
        run(loaded, fmt)
    except CvError as exc:
        for problem in in_source_order(exc.problems):
            print(problem, file=sys.stderr)
        sys.exit(1)
    except Exception as exc:  # noqa: BLE001  (a bug: one line naming the file, not a traceback)
        debug = os.environ.get("CVFILTER_DEBUG", "") not in ("", "0")
        print(unexpected(exc, "cv.md", debug, "CVFILTER_DEBUG=1"), file=sys.stderr)
        sys.exit(70)
    sys.stdout.write(dump(loaded))
    sys.stdout.flush()
    return None


if __name__ == "__main__":
    command()
