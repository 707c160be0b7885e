"""`cv`: the command line. It only orchestrates; every decision lives in the modules it calls.

Imports are lazy so that `cv --help` starts fast.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import TYPE_CHECKING, exit_now, quiet_startup
from .formats.registry import DEFAULT_FORMATS, FORMATS, format_names

if TYPE_CHECKING:
    from typing import NoReturn


def _formats(value: str) -> tuple[str, ...]:
    """`--to pdf,html`: known formats, at least one, each once; anything else is a usage error."""
    chosen = tuple(dict.fromkeys(part.strip() for part in value.split(",") if part.strip()))
    known = ",".join(FORMATS)
    if not chosen:
        raise argparse.ArgumentTypeError(f"no format named; choose from {known}")
    unknown = [fmt for fmt in chosen if fmt not in FORMATS]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown format {unknown[0]!r}; choose from {known}")
    return chosen


_TO_HELP = f"formats, comma-separated (default: {','.join(DEFAULT_FORMATS)}): {format_names()}"


def make_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(prog="cv", description="Build a CV from cv.md, metadata.yaml and publications.bib.")
    parser.add_argument("--version", action="version", version=f"cvfilter {__version__}")
    parser.add_argument("--debug", action="store_true", help="show the traceback of an unexpected failure (for a bug report)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser("build", help="write build/cv.pdf, build/cv.docx and build/cv.html")
    build.add_argument("source", nargs="?", default="cv.md", type=Path, help="the CV's Markdown (default: cv.md)")
    build.add_argument("--to", type=_formats, default=DEFAULT_FORMATS, help=_TO_HELP)
    build.add_argument("-o", "--output", type=Path, default=None, help="output folder (default: build/ beside cv.md)")
    build.add_argument("--timings", action="store_true", help="print how long each stage took")
    chosen = build.add_mutually_exclusive_group()
    chosen.add_argument("--variant", action="append", default=None, help="build the named variant as cv-NAME.* (repeatable)")
    chosen.add_argument("--all-variants", action="store_true", help="build cv.* and every variant of the front matter")
    build.add_argument("--lang", default=None, help="build in this language (a per-language value's text, the labels), e.g. de")
    build.add_argument("--refresh-stats", action="store_true", help="run `cv stats --refresh` first (uses the network)")
    build.add_argument("--ats", action="store_true", help="build the PDF, DOCX and HTML and read them back as applicant-tracking parsers do (see cv check --ats)")
    build.add_argument("--theme", default=None, help="style with this theme instead of the front matter's (see `cv themes`)")

    watch = commands.add_parser("watch", help="rebuild whenever cv.md, its data, bibliography or styles change")
    watch.add_argument("source", nargs="?", default="cv.md", type=Path, help="the CV's Markdown (default: cv.md)")
    watch.add_argument("--to", type=_formats, default=DEFAULT_FORMATS, help=_TO_HELP)
    watch.add_argument("-o", "--output", type=Path, default=None, help="output folder (default: build/ beside cv.md)")
    watch.add_argument("--serve", action="store_true", help="serve a live-reloading HTML preview on 127.0.0.1")
    watch.add_argument("--port", type=int, default=8000, help="port of the preview (default: 8000)")

    check = commands.add_parser("check", help="validate cv.md, metadata.yaml and the bibliography; exit 1 on errors")
    check.add_argument("source", nargs="?", default="cv.md", type=Path, help="the CV's Markdown (default: cv.md)")
    check.add_argument("--lang", default=None, help="check in this language and list every per-language value without its text")
    check.add_argument("--ats", action="store_true",
                       help="build the PDF, DOCX and HTML and read them back as applicant-tracking parsers do; exit 1 below the front matter's cvfilter.ats.threshold (default 100)")
    check.add_argument("-o", "--output", type=Path, default=None, help="with --ats: the build folder (default: build/ beside cv.md)")
    check.add_argument("--theme", default=None, help="with --ats: build in this theme instead of the front matter's (see `cv themes`)")

    stats = commands.add_parser("stats", help="show the cached GitHub stars and citation metrics, and their age")
    stats.add_argument("source", nargs="?", default="cv.md", type=Path, help="the CV's Markdown (default: cv.md)")
    stats.add_argument("--refresh", action="store_true", help="fetch them again from GitHub and OpenAlex")

    add = commands.add_parser("add", help="fetch works by DOI, arXiv id or DBLP key and append their BibTeX entries")
    add.add_argument("ids", nargs="+", metavar="ID", help="10.1000/xyz, https://doi.org/..., arXiv:2101.00001, an arxiv.org URL, conf/icml/AmosK17")
    add.add_argument("--source", default="cv.md", type=Path, help="the CV's Markdown, whose front matter names the bibliography (default: cv.md)")

    sync = commands.add_parser("sync", help="list your works on OpenAlex, ORCID and DBLP that the bibliography lacks")
    sync.add_argument("source", nargs="?", default="cv.md", type=Path, help="the CV's Markdown (default: cv.md)")
    sync.add_argument("--write", action="store_true", help="append the missing works to the bibliography")
    sync.add_argument("--since", type=int, metavar="YEAR", help="only works from YEAR on")
    sync.add_argument("--update", metavar="KEY", help="set in entry KEY what the sources know and it lacks (a DOI, an eprint)")

    imports = commands.add_parser("import", help="turn a JSON Resume (.json) or RenderCV (.yaml) file into cv.md, metadata.yaml, publications.bib")
    imports.add_argument("file", type=Path, help="resume.json (JSON Resume) or cv.yaml (RenderCV)")
    imports.add_argument("-o", "--output", type=Path, default=Path("."), help="folder to write into (default: here)")
    imports.add_argument("--force", action="store_true", help="replace files that already exist")

    new = commands.add_parser("new", help="start a CV: cv.md, metadata.yaml and publications.bib with every macro shown once")
    new.add_argument("folder", nargs="?", default=Path("."), type=Path, help="where to write (default: here)")
    new.add_argument("--force", action="store_true", help="replace files that already exist")
    new.add_argument("--kind", choices=("cv", "resume"), default="cv",
                     help="cv: an academic CV showing every macro (default); resume: an engineer's one-page résumé")

    ci = commands.add_parser("init-ci", help="write .github/workflows/cv.yml: the cvfilter Action builds the CV on every push, keeps the files")
    ci.add_argument("folder", nargs="?", default=Path("."), type=Path, help="the CV's repository (default: here)")
    ci.add_argument("--install", default=None, help="what the Action installs, as pip names it (default: this version from PyPI, or the Git commit it came from)")
    ci.add_argument("--force", action="store_true", help="replace an existing, different workflow")

    preview = commands.add_parser("preview", help="build, then write PNGs of the PDF, DOCX and HTML first pages")
    preview.add_argument("source", nargs="?", default="cv.md", type=Path, help="the CV's Markdown (default: cv.md)")
    preview.add_argument("-o", "--output", type=Path, default=None, help="folder for the PNGs (default: the build folder)")
    preview.add_argument("-r", "--resolution", type=int, default=60, help="dots per inch of the PNGs (default: 60)")
    shown = preview.add_mutually_exclusive_group()
    shown.add_argument("--theme", default=None, help="build in this theme; the PNGs are named preview-THEME-FORMAT.png")
    shown.add_argument("--all-themes", action="store_true", help="one set of PNGs per built-in theme")

    commands.add_parser("themes", help="list the built-in themes, one a line: name, then what it looks like")
    theme = commands.add_parser("theme", help="`cv theme eject NAME [folder]`: copy a theme beside cv.md to edit it")
    theme_commands = theme.add_subparsers(dest="theme_command", required=True, metavar="ACTION", help="eject")
    eject = theme_commands.add_parser("eject", help="copy a built-in theme to FOLDER/styles/themes/NAME/, which then takes precedence")
    eject.add_argument("name", help="the theme (see `cv themes`)")
    eject.add_argument("folder", nargs="?", default=Path("."), type=Path, help="the CV's folder (default: here)")

    commands.add_parser("macros", help="print the section macros and their options as a Markdown table")

    pandoc = commands.add_parser("pandoc", help="run the bundled pandoc 3 (with cvfilter and typst on its PATH)",
                                 add_help=False, prefix_chars="\0")
    pandoc.add_argument("arguments", nargs=argparse.REMAINDER, help="pandoc's own arguments")

    schema = commands.add_parser("schema", help="write the JSON Schemas of metadata.yaml and of the front matter (for editors)")
    schema.add_argument("output", nargs="?", default=Path("."), type=Path,
                        help="folder to write metadata.schema.json and frontmatter.schema.json into (default: here); a .json path gets the metadata schema alone")
    return parser


def command() -> NoReturn:
    """The `cv` command: `main`, then leave without tearing the interpreter down (see exit_now)."""
    exit_now(main())


def main(argv: list[str] | None = None) -> int:
    quiet_startup()
    args = make_parser().parse_args(argv)
    from .errors import CvError
    from .report import print_problems

    handler = HANDLERS.get(args.command)
    if handler is None:
        return 2
    try:
        return handler(args)
    except CvError as exc:
        print_problems(exc.problems)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _quiet_closed_stdout()
        return 141
    except Exception as exc:  # noqa: BLE001  (a bug: one line naming the file, not a traceback)
        from .errors import unexpected

        print(unexpected(exc, str(getattr(args, "source", None) or getattr(args, "file", None) or "cv"), args.debug), file=sys.stderr)
        return 70


def _quiet_closed_stdout() -> None:
    """`cv stats | head`: the reader left, which is not an error; stop Python's flush at exit
    from reporting the pipe again."""
    import os

    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _watch(args: argparse.Namespace) -> int:
    from .watch import watch

    return watch(args.source, args.to, args.output, args.serve, args.port)


def _macros(_args: argparse.Namespace) -> int:
    from .macros import table

    print(table.macro_table(), end="")
    return 0


def _pandoc(args: argparse.Namespace) -> int:
    from .pandoc import run_bundled

    return run_bundled(args.arguments)


def _build(args: argparse.Namespace) -> int:
    from .build import build
    from .report import print_build

    if args.refresh_stats:
        from .stats.command import refresh_before_build

        refresh_before_build(args.source)
    if args.ats:
        if args.variant or args.all_variants or args.to != DEFAULT_FORMATS:
            print("cv build --ats builds the PDF, DOCX and HTML it reads back: leave out --to, --variant and --all-variants",
                  file=sys.stderr)
            return 2
        return _ats(args.source, args.output, args.lang, args.theme, args.timings)
    if args.variant or args.all_variants:
        from .build import build_variants

        told: set[str] = set()  # a warning about a shared file is printed once, not once per variant
        for result in build_variants(args.source, args.to, args.output, None if args.all_variants else args.variant, args.theme):
            print_build(result, args.timings, told)
        return 0
    result = build(args.source, args.to, args.output, lang=args.lang, theme=args.theme)
    print_build(result, args.timings)
    return 0


def _ats(source: Path, output: Path | None, lang: str | None, theme: str | None, timings: bool = False) -> int:
    from .ats.command import check_ats
    from .ats.report import print_report
    from .report import print_build

    result = check_ats(source, output, lang, theme)
    print_build(result.build, timings)
    print_report(result.scores, result.threshold, result.seconds, str(source))
    return 0 if result.passed else 1


def _check(args: argparse.Namespace) -> int:
    if args.ats:
        return _ats(args.source, args.output, args.lang, args.theme)
    from .check import check
    from .report import check_summary, print_problems

    problems = check(args.source, args.lang)
    print_problems(problems, count=False)
    print(check_summary(str(args.source), problems), file=sys.stderr)
    return 1 if any(p.severity == "error" for p in problems) else 0


def _stats(args: argparse.Namespace) -> int:
    from .stats.command import run_stats

    return run_stats(args.source, args.refresh)


def _add(args: argparse.Namespace) -> int:
    from .works.command import run_add

    return run_add(args.source, args.ids)


def _sync(args: argparse.Namespace) -> int:
    from .works.command import run_sync

    return run_sync(args.source, args.write, args.since, args.update)


def _init_ci(args: argparse.Namespace) -> int:
    from .ci_template import init_ci

    print(f"wrote {init_ci(args.folder, args.install, args.force)}")
    return 0


def _preview(args: argparse.Namespace) -> int:
    from .build import build
    from .preview import PREVIEWED, preview

    from .themes import shipped_names

    themes = shipped_names() if args.all_themes else [args.theme]
    for theme in themes:
        stem = "cv" if theme is None else f"cv-{theme}"
        result = build(args.source, PREVIEWED, stem=stem, theme=theme)
        folder = args.output or next(iter(result.outputs.values())).parent
        for made in preview(result.outputs, folder, args.resolution, "preview" if theme is None else f"preview-{theme}"):
            print(f"wrote {made.path}")
    return 0


def _themes(_args: argparse.Namespace) -> int:
    from .themes import listing

    themes = listing()
    width = max(len(name) for name, _ in themes)
    for name, description in themes:
        print(f"{name:<{width}}  {description}")
    return 0


def _theme(args: argparse.Namespace) -> int:
    from .themes import eject

    folder = eject(args.name, args.folder)
    print(f"wrote {folder}")
    print(f"next: edit its files; `cvfilter: {{theme: {args.name}}}` in the front matter now uses this copy")
    return 0


def _schema(args: argparse.Namespace) -> int:
    from .schema import write_schemas

    for path in write_schemas(args.output):
        print(f"wrote {path}")
    return 0


def _import(args: argparse.Namespace) -> int:
    from .importers import import_cv
    from .report import print_problems

    written, warnings = import_cv(args.file, args.output, args.force)
    print_problems(warnings)
    for path in written:
        print(f"wrote {path}")
    return 0



def _new(args: argparse.Namespace) -> int:
    from .starter import new_cv

    for path in new_cv(args.folder, args.force, args.kind):
        print(f"wrote {path}")
    print(f"next: cd {args.folder} && cv build")
    return 0


HANDLERS = {
    "build": _build,
    "check": _check,
    "stats": _stats,
    "add": _add,
    "sync": _sync,
    "watch": _watch,
    "init-ci": _init_ci,
    "import": _import,
    "new": _new,
    "macros": _macros,
    "schema": _schema,
    "preview": _preview,
    "themes": _themes,
    "theme": _theme,
    "pandoc": _pandoc,
}


if __name__ == "__main__":
    command()
