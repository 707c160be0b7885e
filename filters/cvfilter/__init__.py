"""cvfilter: one Markdown CV in, PDF, DOCX and HTML out, through Pandoc and panflute."""

from __future__ import annotations

TYPE_CHECKING = False  # typing is not imported at run time: `cv --help` loads only argparse
if TYPE_CHECKING:
    from typing import NoReturn

try:  # written by setuptools-scm when the package is built or installed, from the newest Git tag
    from ._version import __version__
except ImportError:  # a source tree on sys.path that was never installed
    __version__ = "0+unknown"


def quiet_startup() -> None:
    """What the `cv` and `cvfilter` commands set before anything loads, to start fast.

    pydantic looks through every installed package's entry points for plugins (tracing hooks) the
    first time it builds a schema: 15 to 25 ms here, more in a large environment, on every run.
    cvfilter uses none. Set PYDANTIC_DISABLE_PLUGINS to an empty value to keep yours.
    """
    import os

    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


def exit_now(code: int) -> NoReturn:
    """How the `cv` and `cvfilter` commands end: flush the output, then leave at once.

    Tearing the interpreter down after a build (collecting a heap that held the whole document,
    unloading every module) takes about 50 ms and serves no one: every file is written and closed,
    every child process reaped, by then. `os._exit` skips it.
    """
    import os
    import sys

    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass  # a reader that left (`cv stats | head`) or a closed stream: nothing more to say
    os._exit(code)
