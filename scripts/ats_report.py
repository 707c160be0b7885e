"""Write docs/ats.md: `cv check --ats` over the example CVs in every theme, with the numbers.

    python scripts/ats_report.py            # writes docs/ats.md
    python scripts/ats_report.py -o FILE

The CVs: the academic example (cv.md of this repository), the engineer résumé starter
(`cv new --kind resume`), the JSON Resume project's own sample, imported (`cv import`), and the
bilingual example built in German (its headings looked up in the German table). The
themes: every theme cvfilter ships (`cv themes`, styles/themes/). Each CV is built in a temporary
folder; nothing is written into the repository but the report.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_FILES = ("cv.md", "metadata.yaml", "publications.bib", "stats.json")
JSON_RESUME = ROOT / "tests" / "data" / "jsonresume-schema" / "sample.resume.json"


def themes() -> list[str | None]:
    """The shipped themes (`cv themes`), or [None]: the one look of a cvfilter without any."""
    from cvfilter.themes import shipped_names

    return list(shipped_names()) or [None]


def make_cvs(work: Path) -> dict[str, tuple[Path, str | None]]:
    """Each example CV in a folder of its own under `work`: name -> its cv.md and the language to build it in."""
    from cvfilter.importers import import_cv
    from cvfilter.starter import new_cv

    made: dict[str, tuple[Path, str | None]] = {}
    example = work / "academic"
    example.mkdir()
    for name in EXAMPLE_FILES:
        if (ROOT / name).exists():
            shutil.copy(ROOT / name, example / name)
    made["academic example (cv.md)"] = (example / "cv.md", None)
    resume = work / "resume"
    new_cv(resume, kind="resume")
    made["engineer résumé (cv new --kind resume)"] = (resume / "cv.md", None)
    if JSON_RESUME.exists():
        imported = work / "json-resume"
        import_cv(JSON_RESUME, imported)
        made["JSON Resume sample (cv import)"] = (imported / "cv.md", None)
    bilingual = ROOT / "examples" / "bilingual"
    if bilingual.is_dir():
        shutil.copytree(bilingual, work / "bilingual")
        made["bilingual example in German (examples/bilingual, --lang de)"] = (work / "bilingual" / "cv.md", "de")
    return made


def report(output: Path) -> str:
    from cvfilter import __version__
    from cvfilter.ats.command import check_ats
    from cvfilter.ats.report import markdown_rows, merged_findings

    looks = themes()
    lines = [
        "# Will an applicant-tracking system read it?",
        "",
        "<!-- Written by `python scripts/ats_report.py`; do not edit by hand. -->",
        "",
        "`cv check --ats` builds the PDF, Word and HTML files of a CV and reads them back as parsers do:",
        "the PDF with two independent extractors (pypdf, pure Python; PDFium, Chrome's engine), the Word",
        "file by its paragraphs and by the raw text runs of its XML, the web page by its DOM. Each reading",
        "is compared with the CV's own data, entry by entry: the owner's name at the top, every contact as",
        "text with its address visible or as a link, each section heading a name parsers file sections",
        "under, each entry's title, organisation, dates and every highlight in the order the CV prints",
        "them; and no garbled text (U+FFFD, private-use icon-font characters, ligature characters such as",
        "ﬁ, soft hyphens, words hyphenated at line ends, pages without a text layer). A score is checks",
        "passed over checks made; `cv check --ats` exits 1 below `cvfilter.ats.threshold` (default 100).",
        "",
        f"Themes checked: {', '.join(t or 'default' for t in looks)}"
        + ".",
        f"cvfilter {__version__}, Python {platform.python_version()}, {platform.system()} {platform.machine()}.",
        "",
    ]
    timings: list[str] = []
    with tempfile.TemporaryDirectory(prefix="cvfilter-ats-") as folder:
        for name, (source, lang) in make_cvs(Path(folder)).items():
            lines += [f"## {name}", "", "| theme | format | reader | found / expected | score | problems |",
                      "| --- | --- | --- | ---: | ---: | --- |"]
            notes: list[str] = []
            for theme in looks:
                started = time.perf_counter()
                result = check_ats(source, lang=lang, theme=theme)
                total = time.perf_counter() - started
                shown = theme or "default"
                lines += [f"| {shown} {row}" for row in markdown_rows(result.scores)]
                timings.append(f"| {name} | {shown} | {total - result.seconds:.2f} s | {result.seconds:.2f} s | {result.cpu_seconds:.2f} s |")
                for finding, readers in merged_findings(result.scores):
                    where = f"`{finding.where}` " if finding.where else ""
                    notes.append(f"- {shown}: {where}{finding.kind}: {finding.what} ({', '.join(readers)}); {finding.fix}")
            lines.append("")
            if notes:
                lines += ["What to change:", "", *notes[:40], *([f"- ... and {len(notes) - 40} more"] if len(notes) > 40 else []), ""]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    busy = f" (load average {load:.1f} on {os.cpu_count()} cores while it ran: wall times stretch with it, processor times do not)" if load is not None else ""
    lines += ["## Time", "", f"The build, then the check after it (five readings and their comparison), on the machine above{busy}:", "",
              "| CV | theme | build | check after the build | its processor time |", "| --- | --- | ---: | ---: | ---: |",
              *timings, ""]
    text = "\n".join(lines)
    output.write_text(text, encoding="utf-8")
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "docs" / "ats.md")
    args = parser.parse_args(argv)
    report(args.output)
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
