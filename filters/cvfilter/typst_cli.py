"""`typst compile in.typ out.pdf`: the part of Typst's command line that pandoc's --pdf-engine uses.

The typst package on PyPI is a Python API with no command; this wrapper lets
`pandoc cv.md --filter cvfilter --pdf-engine=typst -o cv.pdf` work with no TeX installed.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="typst", description="Compile a Typst file to PDF (via the typst Python package).")
    commands = parser.add_subparsers(dest="command", required=True)
    compile_ = commands.add_parser("compile", aliases=["c"])
    compile_.add_argument("input", type=Path)
    compile_.add_argument("output", type=Path, nargs="?")
    compile_.add_argument("--root", type=Path, default=None)
    parser.add_argument("--version", action="version", version="typst (cvfilter wrapper)")
    args, _unknown = parser.parse_known_args(argv)

    from .formats.typst_compile import compile_typst
    from .errors import CvError

    output = args.output or args.input.with_suffix(".pdf")
    root = args.root or args.input.resolve().parent
    try:
        pdf = compile_typst(str(args.input), root, font_folders=_script_folders(args.input))
    except CvError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    if str(output) == "-":
        sys.stdout.buffer.write(pdf)
    else:
        output.write_bytes(pdf)
    return 0


def _script_folders(source: Path) -> tuple[str, ...]:
    """The folders of the script faces (script_fonts.py) the characters of `source` need, in the
    language its `lang:` names: what `cv build` hands Typst too."""
    from .script_fonts import faces

    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ()  # compile_typst reports the file
    lang = re.search(r'lang: "([A-Za-z-]+)"', text)
    return tuple(face.folder for face in faces(text, lang.group(1) if lang else "en")[0])


if __name__ == "__main__":
    sys.exit(main())
