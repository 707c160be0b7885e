"""Benchmark `cv` as a user runs it: whole processes, median and spread over repeated runs.

    python bench/run.py            # a few minutes on 2 cores
    python bench/run.py --quick    # fewer repetitions, no 4,000-publication CV
    python bench/run.py --markdown # also print the table as Markdown (for README.md)

Measures, on a copy of the example CV: `cv --help`; `cv build` of all three formats cold (no
citation cache) and warm; each format alone; the floor (bundled pandoc and typst run as plain
sequential commands on the already-expanded document, no filter); a `cv watch` rebuild after a
one-line edit; the stages inside a build. Then cold and warm builds of synthetic CVs with 250,
1,000 and 4,000 publications (seeded random BibTeX), and the scaling cases: one paragraph of 25, 50
and 100 KB, one paper with 1,000, 2,000 and 4,000 authors (`--only-scaling` runs just those).
Results go to bench/results/ as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
EXAMPLE_FILES = ("cv.md", "metadata.yaml", "publications.bib", "stats.json")
SIZES = (250, 1000, 4000)

STAGES_SCRIPT = """
import json, sys
from pathlib import Path
from cvfilter.build import build
result = build(Path(sys.argv[1]))
print(json.dumps(result.timings))
"""

EXPANDED_SCRIPT = """
import io, sys
from pathlib import Path
import panflute as pf
from cvfilter import pandoc
from cvfilter.pipeline import finish, prepare
source = Path(sys.argv[1]).resolve()
out = Path(sys.argv[2])
text = source.read_text(encoding="utf-8")
core = pandoc.read_markdown(text, source.name, source.parent)
for fmt in ("html", "docx", "typst"):
    doc = pf.load(io.StringIO(core))
    context = prepare(doc, source.parent, source.name, text)
    finish(doc, fmt, context)
    with open(out / f"expanded-{fmt}.json", "w", encoding="utf-8") as stream:
        pf.dump(doc, stream)
"""

WATCH_SCRIPT = """
import io, json, sys
from pathlib import Path
from cvfilter.watch import Watcher
source = Path(sys.argv[1])
edits = int(sys.argv[2])
adding = sys.argv[3] == "add"
lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
body = lines.index("---\\n", 1) + 1  # after the front matter
prose = next(i for i in range(body, len(lines)) if lines[i][:1].isalpha())
def changes():
    for n in range(edits):
        if adding:  # a new paragraph at the end
            lines.append(f"\\nOne more line, edit {n}.\\n")
        else:  # words changed in a line of prose that is there
            lines[prose] = lines[prose].rstrip("\\n").removesuffix(f" (edit {n - 1})") + f" (edit {n})\\n"
        source.write_text("".join(lines), encoding="utf-8")
        yield {source}
outcomes = Watcher(source, out=io.StringIO()).run(changes())
print(json.dumps({"ok": [o.ok for o in outcomes], "seconds": [o.seconds for o in outcomes[1:]]}))
"""


def cv_command() -> list[str]:
    """The `cv` script installed beside this Python, as a user would run it."""
    script = Path(sys.executable).parent / "cv"
    return [str(script)] if script.exists() else [sys.executable, "-m", "cvfilter.cli"]


def pandoc_command() -> str:
    import pypandoc

    return pypandoc.get_pandoc_path()


def run_timed(args: list[str], cwd: Path, reps: int, before=None) -> Runs:
    """Wall-clock seconds of `reps` runs of a process; `before` resets state outside the timing."""
    samples = Runs()
    for _ in range(reps):
        if before:
            before()
        cpu = _children_cpu()
        start = time.perf_counter()
        done = subprocess.run(args, cwd=cwd, capture_output=True)
        samples.append(time.perf_counter() - start)
        samples.cpu.append(_children_cpu() - cpu)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} failed:\n{done.stderr.decode(errors='replace')}")
    return samples


class Runs(list):
    """Wall seconds of each run, with `cpu`: user + system seconds of the process and its children.
    On a shared machine wall time varies with other load, CPU time much less."""

    def __init__(self) -> None:
        super().__init__()
        self.cpu: list[float] = []


def _children_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_sequence_timed(commands: list[list[str]], cwd: Path, reps: int) -> Runs:
    """The floor: plain commands one after another, timed together."""
    samples = Runs()
    for _ in range(reps):
        cpu = _children_cpu()
        start = time.perf_counter()
        for args in commands:
            done = subprocess.run(args, cwd=cwd, capture_output=True)
            if done.returncode != 0:
                raise RuntimeError(f"{' '.join(args)} failed:\n{done.stderr.decode(errors='replace')}")
        samples.append(time.perf_counter() - start)
        samples.cpu.append(_children_cpu() - cpu)
    return samples


def summary(samples: list[float]) -> dict:
    cpu = getattr(samples, "cpu", [])
    return {
        "median": statistics.median(samples),
        "min": min(samples),
        "max": max(samples),
        "runs": len(samples),
        "samples": samples,
        "cpu_median": statistics.median(cpu) if cpu else None,
    }


def clear(folder: Path, *names: str) -> None:
    for name in names:
        shutil.rmtree(folder / name, ignore_errors=True)


def copy_example(work: Path) -> Path:
    work.mkdir(parents=True, exist_ok=True)
    for name in EXAMPLE_FILES:
        if (ROOT / name).exists():
            shutil.copy(ROOT / name, work / name)
    return work / "cv.md"


# ---- synthetic CVs ------------------------------------------------------------------------------

_GIVEN = ["Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Frances", "John", "Leslie", "Margaret",
          "Niklaus", "Radia", "Shafi", "Tim", "Yoshua", "Fei-Fei", "Jürgen", "Zoë", "Sergey", "Chen"]
_FAMILY = ["Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov", "Knuth", "Allen", "McCarthy", "Lamport",
           "Hamilton", "Wirth", "Perlman", "Goldwasser", "Berners-Lee", "Bengio", "Li", "Schmidhuber",
           "Müller", "Brin", "Wang", "Lim", "O'Neil", "van der Berg"]
_WORDS = ["learning", "differentiable", "optimization", "convex", "neural", "stochastic", "graphs", "control",
          "inference", "robust", "scalable", "meta", "policy", "transport", "equilibrium", "amortized",
          "models", "networks", "layers", "variational", "flows", "sparse", "gradient", "games", "energy"]
_VENUES = ["NeurIPS", "ICML", "ICLR", "AISTATS", "CVPR", "Journal of Machine Learning Research",
           "Transactions on Pattern Analysis & Machine Intelligence", "L4DC", "UAI", "AAAI"]


def synthetic_bib(count: int, seed: int = 8) -> str:
    """`count` BibTeX entries, random but the same for the same seed; the owner is on about half."""
    rng = random.Random(seed)
    entries = []
    for n in range(count):
        authors = [f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}" for _ in range(rng.randint(1, 7))]
        if rng.random() < 0.5:
            authors.insert(rng.randrange(len(authors) + 1), "Brandon Amos")
        title = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(4, 11))).capitalize()
        kind = rng.choice(["inproceedings", "article", "misc"])
        venue_field = {"inproceedings": "booktitle", "article": "journal", "misc": "howpublished"}[kind]
        entries.append(
            f"@{kind}{{synthetic{n:05d},\n"
            f"  title={{{title}}},\n"
            f"  author={{{' and '.join(authors)}}},\n"
            f"  {venue_field}={{{rng.choice(_VENUES)}}},\n"
            f"  year={{{rng.randint(1995, 2025)}}},\n"
            f"  url={{https://example.org/paper/{n}}},\n"
            "}\n"
        )
    return "\n".join(entries)


SYNTHETIC_CV = """\
---
cvfilter:
  data: metadata.yaml
  bibliography: publications.bib
date: 2023-03-20
lang: en-US
---

::: header
:::

# Publications

::: {.publications group-by=year}
:::
"""


def make_synthetic(work: Path, count: int) -> Path:
    work.mkdir(parents=True, exist_ok=True)
    for name in ("metadata.yaml", "stats.json"):
        if (ROOT / name).exists():
            shutil.copy(ROOT / name, work / name)
    (work / "publications.bib").write_text(synthetic_bib(count), encoding="utf-8")
    (work / "cv.md").write_text(SYNTHETIC_CV, encoding="utf-8")
    return work / "cv.md"


# Inputs that grow along one dimension only, to show each stage is linear in it: one paragraph of
# so many KB, one publication with so many authors.
LONG_TEXT_KB = (25, 50, 100)
MANY_AUTHORS = (1000, 2000, 4000)


def make_long_text(work: Path, kilobytes: int) -> Path:
    """A CV whose prose is one paragraph of `kilobytes` KB of words."""
    rng = random.Random(kilobytes)
    work.mkdir(parents=True, exist_ok=True)
    words: list[str] = []
    while sum(len(w) + 1 for w in words) < kilobytes * 1000:
        words.append(rng.choice(_WORDS))
    (work / "metadata.yaml").write_text("name: Ada Lovelace\ncontact:\n  email: ada@example.org\n", encoding="utf-8")
    (work / "cv.md").write_text("---\ncvfilter:\n  data: metadata.yaml\ndate: 2023-03-20\n---\n\n::: header\n:::\n\n"
                                "# About\n\n" + " ".join(words) + "\n", encoding="utf-8")
    return work / "cv.md"


def make_many_authors(work: Path, count: int) -> Path:
    """A CV with one publication written by `count` authors and the owner."""
    work.mkdir(parents=True, exist_ok=True)
    authors = " and ".join(f"{_FAMILY[n % len(_FAMILY)]}{n}, {_GIVEN[n % len(_GIVEN)]}" for n in range(count))
    (work / "publications.bib").write_text(
        f"@article{{many,\n  title={{A paper}},\n  author={{{authors} and Amos, Brandon}},\n  journal={{J}},\n  year={{2020}},\n}}\n",
        encoding="utf-8")
    (work / "metadata.yaml").write_text("name: Brandon Amos\ncontact:\n  email: bamos@example.org\n", encoding="utf-8")
    (work / "cv.md").write_text(SYNTHETIC_CV, encoding="utf-8")
    return work / "cv.md"


def bench_scaling(work: Path, reps: int, log) -> dict:
    """Cold builds (all three formats) of the long-text and many-authors CVs, by size."""
    cv = cv_command()
    results: dict = {}
    for case, sizes, make in (("long_text", LONG_TEXT_KB, make_long_text), ("many_authors", MANY_AUTHORS, make_many_authors)):
        results[case] = {}
        for size in sizes:
            folder = work / f"{case}-{size}"
            make(folder, size)
            log(f"{case} {size}")
            runs = run_timed([*cv, "build"], folder, max(1, reps // 2), lambda: clear(folder, ".cache", "build"))
            results[case][str(size)] = summary(runs)
    return results


# ---- the cases ----------------------------------------------------------------------------------


def bench_themes(work: Path, reps: int, log) -> dict:
    """The cold three-format build of the example in each built-in theme, the themes interleaved in
    each round so that a slow spell of the shared machine falls on all of them alike."""
    copy_example(work)
    cv = cv_command()
    themes = sorted(p.name for p in (ROOT / "styles" / "themes").iterdir() if (p / "theme.yaml").is_file())
    runs = {theme: Runs() for theme in themes}
    for round_ in range(reps):
        log(f"themes, round {round_ + 1} of {reps}")
        for theme in themes:
            one = run_timed([*cv, "build", "--theme", theme], work, 1, lambda: clear(work, ".cache", "build"))
            runs[theme].extend(one)
            runs[theme].cpu.extend(one.cpu)
    results = {theme: summary(samples) for theme, samples in runs.items()}
    base = results["academic"]
    for entry in results.values():
        entry["to_academic"] = entry["median"] / base["median"]
        entry["cpu_to_academic"] = entry["cpu_median"] / base["cpu_median"]
    return results


def bench_example(work: Path, reps: int, log) -> dict:
    source = copy_example(work)
    cv = cv_command()
    results: dict = {}

    log("cv --help")
    results["help"] = summary(run_timed([*cv, "--help"], work, reps * 2))
    log("cv build, cold")
    results["build_cold"] = summary(run_timed([*cv, "build"], work, reps, lambda: clear(work, ".cache", "build")))
    log("cv build, warm")
    results["build_warm"] = summary(run_timed([*cv, "build"], work, reps))
    for fmt in ("pdf", "docx", "html"):
        log(f"cv build --to {fmt}")
        results[f"build_{fmt}"] = summary(run_timed([*cv, "build", "--to", fmt], work, reps))

    log("floor")
    subprocess.run([sys.executable, "-c", EXPANDED_SCRIPT, str(source), str(work)], check=True, capture_output=True)
    pandoc = pandoc_command()
    typst = Path(sys.executable).parent / "typst"
    floor = [
        [pandoc, "-f", "markdown", "-t", "json", "-o", "floor-read.json", "cv.md"],
        [pandoc, "-f", "json", "-s", "-t", "html5", "-o", "floor.html", "expanded-html.json"],
        [pandoc, "-f", "json", "-t", "docx", "-o", "floor.docx", "expanded-docx.json"],
        [pandoc, "-f", "json", "-s", "-t", "typst", "-o", "floor.typ", "expanded-typst.json"],
        [str(typst) if typst.exists() else "typst", "compile", "floor.typ", "floor.pdf"],
    ]
    results["floor"] = summary(run_sequence_timed(floor, work, reps))

    for mode in ("change", "add"):
        log(f"cv watch rebuild ({mode} a line)")
        watched = copy_example(work / f"watch-{mode}")
        done = subprocess.run([sys.executable, "-c", WATCH_SCRIPT, str(watched), str(reps), mode], capture_output=True, check=True)
        report = json.loads(done.stdout)
        if not all(report["ok"]):
            raise RuntimeError("a watch rebuild failed")
        results[f"watch_{mode}"] = summary(report["seconds"])

    log("stages")
    stages: dict[str, list[float]] = {}
    for _ in range(reps):
        clear(work, ".cache", "build")
        done = subprocess.run([sys.executable, "-c", STAGES_SCRIPT, str(source)], capture_output=True, check=True)
        for stage, seconds in json.loads(done.stdout).items():
            stages.setdefault(stage, []).append(seconds)
    results["stages"] = {stage: statistics.median(values) for stage, values in stages.items()}
    return results


def bench_synthetic(work: Path, sizes: tuple[int, ...], reps: int, log) -> dict:
    cv = cv_command()
    results: dict = {}
    for count in sizes:
        folder = work / f"pubs-{count}"
        make_synthetic(folder, count)
        # Large CVs take seconds per run: fewer repetitions keep a full run within a few minutes.
        runs = max(1, reps // 2)
        log(f"{count} publications, cold")
        cold = run_timed([*cv, "build"], folder, 1 if count > 1000 else runs, lambda: clear(folder, ".cache", "build"))
        log(f"{count} publications, warm")
        warm = run_timed([*cv, "build"], folder, runs)
        results[str(count)] = {"cold": summary(cold), "warm": summary(warm)}
    return results


# ---- reporting ----------------------------------------------------------------------------------


def fmt_time(entry: dict) -> str:
    return f"{entry['median']:.2f} s ({entry['min']:.2f}–{entry['max']:.2f})"


def fmt_cpu(entry: dict) -> str:
    return f"{entry['cpu_median']:.2f} s" if entry.get("cpu_median") is not None else "–"


def table(results: dict) -> list[tuple[str, ...]]:
    """Rows of (case, wall median (min–max), CPU median, target, ratio or scaling)."""
    example = results["example"]
    floor = example["floor"]["median"]

    def row(name: str, entry: dict, target: str = "", note: str = "") -> tuple[str, ...]:
        return (name, fmt_time(entry), fmt_cpu(entry), target, note)

    def to_floor(entry: dict) -> str:
        return f"{entry['median'] / floor:.2f}× floor"

    rows = [
        row("`cv --help`", example["help"], "< 0.15 s"),
        row("`cv build`, all three, cold", example["build_cold"], "< 0.7 s", to_floor(example["build_cold"])),
        row("`cv build`, all three, warm cache", example["build_warm"], "< 0.5 s", to_floor(example["build_warm"])),
        row("`cv build --to pdf`", example["build_pdf"]),
        row("`cv build --to docx`", example["build_docx"]),
        row("`cv build --to html`", example["build_html"]),
        row("floor: pandoc ×4 + typst, sequential", example["floor"], "", "1.00× floor"),
        row("`cv watch` rebuild after changing a line", example["watch_change"], "< 0.3 s", to_floor(example["watch_change"])),
        row("`cv watch` rebuild after adding a line", example["watch_add"], "< 0.3 s", to_floor(example["watch_add"])),
    ]
    synthetic = results.get("synthetic", {})
    if synthetic:
        first_count = min(int(c) for c in synthetic)
        first = synthetic[str(first_count)]
        for count_text, entry in sorted(synthetic.items(), key=lambda item: int(item[0])):
            count = int(count_text)
            for kind, target in (("cold", "< 5 s"), ("warm", "< 1.5 s")):
                growth = entry[kind]["median"] / first[kind]["median"]
                rows.append(row(f"{count:,} publications, {kind}", entry[kind], target if count == 1000 else "",
                                f"×{growth:.1f} time for ×{count / first_count:g} entries"))
    for case, label, unit in (("long_text", "KB paragraph", "KB"), ("many_authors", "authors on one paper", "authors")):
        scaled = results.get("scaling", {}).get(case, {})
        if scaled:
            first_size = min(int(size) for size in scaled)
            first_time = scaled[str(first_size)]["median"]
            for size_text, entry in sorted(scaled.items(), key=lambda item: int(item[0])):
                size = int(size_text)
                rows.append(row(f"{size:,} {label}, cold", entry, "linear",
                                f"×{entry['median'] / first_time:.1f} time for ×{size / first_size:g} {unit}"))
    return rows


def print_table(results: dict, markdown: bool) -> None:
    rows = table(results)
    header = ("Case", "Wall, median (min–max)", "CPU, median", "Target", "Ratio / scaling")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)))
    print("\nStages of a cold `cv build` (median ms; the writers overlap):")
    for stage, seconds in results["example"]["stages"].items():
        print(f"  {stage:<16} {seconds * 1000:7.1f}")
    if markdown:
        print()
        print("| " + " | ".join(header) + " |")
        print("|" + "|".join("---" for _ in header) + "|")
        for row in rows:
            print("| " + " | ".join(row) + " |")
        print()
        stages = results["example"]["stages"]
        print("| Stage | " + " | ".join(stages) + " |")
        print("|---|" + "|".join("---:" for _ in stages) + "|")
        print("| ms | " + " | ".join(f"{s * 1000:.0f}" for s in stages.values()) + " |")


def print_scaling(results: dict) -> None:
    """The long-text and many-authors rows alone (`--only-scaling`)."""
    for case, unit in (("long_text", "KB"), ("many_authors", "authors")):
        scaled = results["scaling"][case]
        first_size = min(int(size) for size in scaled)
        first_time = scaled[str(first_size)]["median"]
        for size_text, entry in sorted(scaled.items(), key=lambda item: int(item[0])):
            size = int(size_text)
            print(f"{case:<13} {size:>6,} {unit:<8} {fmt_time(entry):<24} "
                  f"×{entry['median'] / first_time:.1f} time for ×{size / first_size:g} {unit}")


def precompile() -> bool:
    """Write cvfilter's .pyc files first, as `pip install` does: an editable install run with
    PYTHONDONTWRITEBYTECODE set (some CI and container images) would otherwise compile every
    module from source in every measured process. compileall writes them even under that setting."""
    import compileall

    return bool(compileall.compile_dir(ROOT / "filters" / "cvfilter", quiet=1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark cv on the example CV and on synthetic CVs.")
    parser.add_argument("--quick", action="store_true", help="3 repetitions, 250 and 1,000 publications only")
    parser.add_argument("--reps", type=int, default=None, help="repetitions per case (default 5; 3 with --quick)")
    parser.add_argument("--sizes", type=str, default=None, help="publication counts, comma-separated")
    parser.add_argument("--markdown", action="store_true", help="also print the table as Markdown")
    parser.add_argument("--no-scaling", dest="scaling", action="store_false",
                        help="leave out the long-text and many-authors CVs")
    parser.add_argument("--only-scaling", action="store_true", help="run only the long-text and many-authors CVs")
    parser.add_argument("--themes", action="store_true", help="only the cold build of the example in each theme, interleaved")
    args = parser.parse_args(argv)
    reps = args.reps or (3 if args.quick else 5)
    sizes = tuple(int(s) for s in args.sizes.split(",")) if args.sizes else (SIZES[:2] if args.quick else SIZES)

    def log(what: str) -> None:
        print(f"… {what}", file=sys.stderr, flush=True)

    compiled = precompile()
    results: dict = {"machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]}, "reps": reps,
                     "precompiled": compiled}
    if args.themes:
        with tempfile.TemporaryDirectory(prefix="cv-bench-") as temp:
            results["themes"] = bench_themes(Path(temp), reps, log)
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "themes.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
        print("| Theme | Cold build, median (min–max) | CPU, median | Wall / CPU against academic |")
        print("|---|---|---|---|")
        for theme, entry in results["themes"].items():
            print(f"| {theme} | {fmt_time(entry)} | {entry['cpu_median']:.2f} s | "
                  f"{entry['to_academic']:.2f}× / {entry['cpu_to_academic']:.2f}× |")
        return 0
    with tempfile.TemporaryDirectory(prefix="cv-bench-") as temp:
        work = Path(temp)
        if args.only_scaling:
            results["scaling"] = bench_scaling(work / "scaling", reps, log)
            print_scaling(results)
            return 0
        results["example"] = bench_example(work / "example", reps, log)
        try:
            results["synthetic"] = bench_synthetic(work / "synthetic", sizes, reps, log)
        except RuntimeError as exc:
            print(f"synthetic CVs skipped: {exc}", file=sys.stderr)
        if args.scaling:
            results["scaling"] = bench_scaling(work / "scaling", reps, log)
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for name in (f"bench-{stamp}.json", "latest.json"):
        (RESULTS / name).write_text(json.dumps(results, indent=2), encoding="utf-8")
    print_table(results, args.markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main())
