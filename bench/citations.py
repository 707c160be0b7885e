"""Compare cvfilter's citations with pandoc --citeproc's, entry by entry, on real public .bib files.

    python bench/citations.py                         # the whole corpus, all styles; writes the report
    python bench/citations.py --bibs d2l --styles apa # one bib, one style
    python bench/citations.py --show 5                # print five differences of each class

Each .bib of bench/corpus/ (see its README for where each file comes from and its licence) is
rendered twice per CSL style: by cvfilter's publications macro, in process, the way `cv build` runs
it (one list of every entry, no owner, no links, no numbers of ours), and by the bundled pandoc with
`--citeproc` and `nocite: @*` for the same .bib and the same .csl file. Entries are matched by key;
both sides are read as plain text the same way (`plain_text`); the numeric label a numbered style
prints before an entry ("[12]") is dropped on both sides, since our lists number entries themselves.
Each difference is put in one class (`classify`); a difference listed in bench/corpus/pandoc-wrong.txt
(where pandoc is the one that is wrong, with the reason) counts as justified.
"""

from __future__ import annotations

import argparse
import difflib
import io
import json
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import panflute as pf

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "bench" / "corpus"
REPORT = ROOT / "bench" / "citations-report.md"
STYLES = ("apa", "ieee", "chicago-author-date", "nature")
OWNERLESS = "name: Nobody Inthecorpus\n"
_LABEL = re.compile(r"^\s*(?:\[\d+\]|\d+\.)\s*")


@dataclass
class Comparison:
    """One bib under one style: the entries both sides printed, and how each pair compares."""

    bib: str
    style: str
    identical: list[str] = field(default_factory=list)
    different: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # key -> (class, ours, pandoc's)
    dropped: list[str] = field(default_factory=list)  # pandoc printed it, we did not
    extra: list[str] = field(default_factory=list)  # we printed it, pandoc did not
    crashed: str = ""
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return len(self.identical) + len(self.different) + len(self.dropped)

    def justified(self, known: Known) -> int:
        return sum(1 for key in self.different if known.reason(key, self.style, *self.different[key][1:]))


def plain_text(inlines: list[pf.Inline]) -> str:
    """Inlines as a reader sees them: NFC, no-break and other spaces as one space, no label."""
    text = pf.stringify(pf.Plain(*inlines)) if inlines else ""
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ").replace("\u202f", " ")
    return _LABEL.sub("", " ".join(text.split()))


def style_path(name: str) -> str:
    from cvfilter.bibliography.render import resolve_style
    from cvfilter.errors import Location

    return resolve_style(name, ROOT, Location("bench"))


def render_pandoc(bib: Path, style: str) -> dict[str, str]:
    """key -> pandoc's text of the entry (pandoc names each entry's Div ref-KEY)."""
    from cvfilter.pandoc import pandoc_path

    source = "---\nnocite: '@*'\nlang: en-US\n---\n"
    command = [pandoc_path(), "-f", "markdown", "-t", "json", "--citeproc", "--bibliography", str(bib), "--csl", style_path(style)]
    done = subprocess.run(command, input=source.encode(), capture_output=True, check=True)
    doc = pf.load(io.StringIO(done.stdout.decode("utf-8")))
    out: dict[str, str] = {}

    def collect(elem: pf.Element, _doc: pf.Doc) -> None:
        if isinstance(elem, pf.Div) and elem.identifier.startswith("ref-"):
            inlines = [i for block in elem.content for i in _block_inlines(block)]
            out[elem.identifier[4:]] = plain_text(inlines)

    doc.walk(collect)
    return out


def _block_inlines(block: pf.Element) -> list[pf.Inline]:
    if isinstance(block, (pf.Para, pf.Plain)):
        return list(block.content)
    if isinstance(block, pf.Div):
        return [pf.Space(), *[i for inner in block.content for i in _block_inlines(inner)]]
    return []


def render_cvfilter(bib: Path, style: str) -> dict[str, str]:
    """key -> cvfilter's text of the entry, from one publications list of the whole file."""
    from cvfilter import pandoc
    from cvfilter.pipeline import prepare

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "refs.bib").write_bytes(bib.read_bytes())
        (folder / "metadata.yaml").write_text(OWNERLESS, encoding="utf-8")
        text = (f"---\ncvfilter:\n  bibliography: refs.bib\n  data: metadata.yaml\n---\n\n"
                f"::: {{.publications csl={style} group-by=none numbering=none links=\"\" legend=false}}\n:::\n")
        (folder / "cv.md").write_text(text, encoding="utf-8")
        doc = pf.load(io.StringIO(pandoc.read_markdown(text, "cv.md", folder)))
        prepare(doc, folder, "cv.md", text)
    out: dict[str, str] = {}

    def collect(elem: pf.Element, _doc: pf.Doc) -> None:
        if isinstance(elem, pf.Div) and "cv-pub" in elem.classes:
            out[elem.attributes["key"]] = plain_text([i for block in elem.content for i in _block_inlines(block)])

    doc.walk(collect)
    return out


def compare(bib: Path, style: str) -> Comparison:
    result = Comparison(bib.stem, style)
    started = time.perf_counter()
    theirs = render_pandoc(bib, style)
    result.seconds["pandoc"] = time.perf_counter() - started
    started = time.perf_counter()
    try:
        ours = render_cvfilter(bib, style)
    except Exception as exc:  # the harness reports a crash and goes on with the next pair
        result.crashed = f"{type(exc).__name__}: {exc}"
        result.dropped = sorted(theirs)
        return result
    result.seconds["cvfilter"] = time.perf_counter() - started
    ours_by_key = {key.casefold(): text for key, text in ours.items()}
    for key, expected in theirs.items():
        got = ours_by_key.pop(key.casefold(), None)
        if got is None:
            result.dropped.append(key)
        elif got == expected:
            result.identical.append(key)
        else:
            result.different[key] = (classify(got, expected), got, expected)
    result.extra = sorted(ours_by_key)
    return result


_PUNCT = re.compile(r"[\s.,;:!?\"'“”‘’()\[\]«»–—-]+")


def classify(ours: str, theirs: str) -> str:
    """The first kind of difference that explains the pair, from the most to the least specific."""
    if ours.casefold() == theirs.casefold():
        return "letter case"
    if _PUNCT.sub("", ours) == _PUNCT.sub("", theirs):
        if re.search(r"[.,][”\"]", theirs) and not re.search(r"[.,][”\"]", ours):
            return "punctuation inside quotes"
        if re.search(r"(\.\.|[?!]\.)", ours):
            return "doubled punctuation"
        return "punctuation or spacing"
    if _PUNCT.sub("", ours).casefold() == _PUNCT.sub("", theirs).casefold():
        return "letter case and punctuation"
    if re.search(r"\b\d{4}[a-z]\b", theirs) and not re.search(r"\b\d{4}[a-z]\b", ours):
        return "year suffix"
    if "$" in ours or "\\" in ours:
        return "LaTeX left in the text"
    missing, added = _word_changes(ours, theirs)
    if missing and not added:
        return "missing: " + _what(missing)
    if added and not missing:
        return "extra: " + _what(added)
    return "other: " + _what(missing or added)


def _word_changes(ours: str, theirs: str) -> tuple[list[str], list[str]]:
    a, b = ours.split(), theirs.split()
    missing: list[str] = []
    added: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op in ("replace", "insert"):
            missing.extend(b[j1:j2])
        if op in ("replace", "delete"):
            added.extend(a[i1:i2])
    return missing, added


_MONTHS = {m.casefold() for m in "January February March April May June July August September October November December Jan. Feb. Mar. Apr. Aug. Sept. Sep. Oct. Nov. Dec.".split()}


def _what(words: list[str]) -> str:
    """A rough name for the words one side lacks: a date, a URL, an editor label, or words."""
    bare = [w.strip(".,;:()[]") for w in words]
    if any(w.casefold() in _MONTHS for w in bare):
        return "month or day"
    if any(w.startswith(("http", "doi", "arXiv", "https")) for w in bare):
        return "link or identifier"
    if any(w.casefold() in {"ed", "eds", "ed.", "eds.", "edited", "trans", "translated", "by"} for w in bare):
        return "editor or translator"
    if all(w.isdigit() for w in bare if w):
        return "numbers"
    return "words"


@dataclass
class Known:
    """bench/corpus/pandoc-wrong.txt: where pandoc is the one that is wrong. A line is either
    `key style reason` (style * for all), or `pandoc s/PATTERN/REPLACEMENT/ reason` (`ours s/.../`):
    a pair differing only by what that substitution corrects on pandoc's (or our) side is justified."""

    entries: dict[tuple[str, str], str] = field(default_factory=dict)
    rules: list[tuple[str, re.Pattern[str], str, str]] = field(default_factory=list)

    def reason(self, key: str, style: str, ours: str, theirs: str) -> str | None:
        found = self.entries.get((key, style)) or self.entries.get((key, "*"))
        if found:
            return found
        fixed_ours, fixed_theirs, reasons = ours, theirs, []
        for side, pattern, replacement, why in self.rules:
            # A rule is kept only where it brings the two texts closer: a general pattern (an issue
            # in parentheses) must not take away what both print.
            if side == "pandoc":
                trial = (fixed_ours, pattern.sub(replacement, fixed_theirs))
            else:
                trial = (pattern.sub(replacement, fixed_ours), fixed_theirs)
            if trial != (fixed_ours, fixed_theirs) and _closeness(*trial) > _closeness(fixed_ours, fixed_theirs):
                fixed_ours, fixed_theirs = trial
                reasons.append(why)
        return "; ".join(dict.fromkeys(reasons)) if reasons and fixed_ours == fixed_theirs else None


def _closeness(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


_RULE = re.compile(r"^(pandoc|ours) s/((?:[^/\\]|\\.)*)/((?:[^/\\]|\\.)*)/ (.+)$")


def read_known(path: Path) -> Known:
    known = Known()
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            rule = _RULE.match(line)
            if rule:
                side, pattern, replacement, why = rule.groups()
                known.rules.append((side, re.compile(pattern), replacement.replace("\\/", "/"), why))
            else:
                key, style, reason = line.split(maxsplit=2)
                known.entries[(key, style)] = reason
    return known


def report(results: list[Comparison], known: Known, show: int) -> str:
    lines = ["# Citations: cvfilter against pandoc --citeproc", "",
             "Made by `python bench/citations.py`; see its docstring for the method, bench/corpus/README.md for the files.", "",
             "| bib | style | entries | identical | different | justified | dropped | crashed | identical or justified % |",
             "|---|---|---:|---:|---:|---:|---:|---|---:|"]
    by_style: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for r in results:
        justified = r.justified(known)
        share = 100 * (len(r.identical) + justified) / r.total if r.total else 100.0
        lines.append(f"| {r.bib} | {r.style} | {r.total} | {len(r.identical)} | {len(r.different)} | {justified} | "
                     f"{len(r.dropped)} | {'yes' if r.crashed else 'no'} | {share:.1f} |")
        sums = by_style[r.style]
        sums[0] += r.total
        sums[1] += len(r.identical)
        sums[2] += justified
    lines += ["", "| style | entries | identical or justified | % |", "|---|---:|---:|---:|"]
    for style, (total, same, justified) in by_style.items():
        lines.append(f"| {style} | {total} | {same + justified} | {100 * (same + justified) / max(total, 1):.1f} |")
    classes: dict[str, list[tuple[Comparison, str]]] = defaultdict(list)
    for r in results:
        for key, (kind, ours, theirs) in r.different.items():
            if not known.reason(key, r.style, ours, theirs):
                classes[kind].append((r, key))
    lines += ["", "## Remaining differences by class", "", "| class | entries |", "|---|---:|"]
    for kind, items in sorted(classes.items(), key=lambda kv: -len(kv[1])):
        lines.append(f"| {kind} | {len(items)} |")
    for kind, items in sorted(classes.items(), key=lambda kv: -len(kv[1])):
        lines += ["", f"### {kind}", ""]
        for r, key in items[:show]:
            _kind, ours, theirs = r.different[key]
            lines += [f"- `{key}` ({r.bib}, {r.style})", f"  - cvfilter: {ours}", f"  - pandoc:   {theirs}"]
    justified_rows = [(r, key, known.reason(key, r.style, *r.different[key][1:])) for r in results for key in r.different]
    justified_rows = [row for row in justified_rows if row[2]]
    if justified_rows:
        lines += ["", "## Justified differences (bench/corpus/pandoc-wrong.txt: where pandoc is wrong, or cvfilter differs on purpose)", "",
                  "| reason | entries |", "|---|---:|"]
        for reason, count in Counter(reason for _r, _key, reason in justified_rows).most_common():
            lines.append(f"| {reason} | {count} |")
        lines.append("")
        shown: Counter[str] = Counter()
        for r, key, reason in justified_rows:
            shown[reason] += 1
            if shown[reason] > show:
                continue
            _kind, ours, theirs = r.different[key]
            lines += [f"- `{key}` ({r.bib}, {r.style}): {reason}", f"  - cvfilter: {ours}", f"  - pandoc:   {theirs}"]
    crashes = [r for r in results if r.crashed or r.dropped or r.extra]
    if crashes:
        lines += ["", "## Dropped, extra or crashed", ""]
        for r in crashes:
            lines.append(f"- {r.bib} {r.style}: crashed={r.crashed or 'no'} dropped={r.dropped[:10]} extra={r.extra[:10]}")
    return "\n".join(lines) + "\n"


def speed(bib: Path, style: str, rounds: int) -> dict[str, list[tuple[float, float]]]:
    """Seconds of whole processes, interleaved: pandoc --citeproc to HTML; `cv build --to html` with
    no cache (cold: a fresh folder each round) and again in the same folder (warm)."""
    import shutil

    from cvfilter.pandoc import pandoc_path

    times: dict[str, list[tuple[float, float]]] = {"pandoc --citeproc": [], "cv build, cold": [], "cv build, warm": []}
    cv = Path(sys.executable).with_name("cv")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "refs.bib").write_bytes(bib.read_bytes())
        (folder / "pandoc.md").write_text("---\nnocite: '@*'\n---\n", encoding="utf-8")
        pandoc_run = [pandoc_path(), "pandoc.md", "--citeproc", "--bibliography", "refs.bib", "--csl", style_path(style),
                      "-s", "-t", "html", "-o", "pandoc.html"]
        for _round in range(rounds):
            times["pandoc --citeproc"].append(_timed(pandoc_run, folder))
            cold = folder / "cold"
            shutil.rmtree(cold, ignore_errors=True)
            cold.mkdir()
            (cold / "refs.bib").write_bytes(bib.read_bytes())
            (cold / "metadata.yaml").write_text(OWNERLESS, encoding="utf-8")
            (cold / "cv.md").write_text(f"---\ncvfilter:\n  bibliography: refs.bib\n  data: metadata.yaml\n---\n\n"
                                        f"::: {{.publications csl={style}}}\n:::\n", encoding="utf-8")
            times["cv build, cold"].append(_timed([str(cv), "build", "--to", "html"], cold))
            times["cv build, warm"].append(_timed([str(cv), "build", "--to", "html"], cold))
    return times


def _timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user and system, with the process's own children: cv's forked
    workers): on a shared, loaded machine the CPU time is the fairer of the two."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bibs", default="", help="only these corpus files (stems, comma-separated)")
    parser.add_argument("--styles", default=",".join(STYLES))
    parser.add_argument("--show", type=int, default=3, help="examples printed per class")
    parser.add_argument("--report", default=str(REPORT), help="where the Markdown report goes ('' for none)")
    parser.add_argument("--json", default="", help="also write every pair as JSON here")
    parser.add_argument("--speed", type=int, default=0, help="instead: time N interleaved rounds per bib and style")
    args = parser.parse_args(argv)
    if args.speed:
        import statistics

        wanted = {b for b in args.bibs.split(",") if b} or {"d2l"}
        for bib in sorted(p for p in CORPUS.glob("*.bib") if p.stem in wanted):
            for style in args.styles.split(","):
                for name, values in speed(bib, style, args.speed).items():
                    walls, cpus = [w for w, _c in values], [c for _w, c in values]
                    print(f"{bib.stem} {style} {name}: wall median {statistics.median(walls):.2f} s "
                          f"(min {min(walls):.2f}, max {max(walls):.2f}); CPU median {statistics.median(cpus):.2f} s "
                          f"(min {min(cpus):.2f}); {len(values)} runs")
        return 0
    wanted = {b for b in args.bibs.split(",") if b}
    bibs = [p for p in sorted(CORPUS.glob("*.bib")) if not wanted or p.stem in wanted]
    known = read_known(CORPUS / "pandoc-wrong.txt")
    results = [compare(bib, style) for bib in bibs for style in args.styles.split(",")]
    text = report(results, known, args.show)
    print(text)
    if args.report:
        Path(args.report).write_text(text, encoding="utf-8")
    if args.json:
        Path(args.json).write_text(json.dumps([r.__dict__ for r in results], indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
