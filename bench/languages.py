"""A build in a language that needs a script face of its own against the English build.

    python bench/languages.py [--rounds 7]

Copies the example CV three times: as it is (English), in Arabic (`lang: ar`, the name and the
current position in Arabic, so Noto Sans Arabic is loaded and the document is right to left) and in
Japanese (`lang: ja`, the same in Japanese, Noto Serif CJK from the system). Each is built once to warm
its caches, then `cv build` (PDF, DOCX, HTML) runs as a whole process in interleaved rounds, so that
the machine's load falls on all three alike. Prints the median wall and CPU time of each (CPU time
is steadier on a shared machine) and the ratio to English.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FILES = ("cv.md", "metadata.yaml", "publications.bib", "stats.json")
LANGUAGES = {
    "en": None,
    "ar": ("ar", "براندون أموس", "باحث علمي"),
    "ja": ("ja", "ブランドン・エイモス", "研究科学者"),
}


def make(work: Path, lang: str) -> Path:
    folder = work / lang
    folder.mkdir()
    for name in FILES:
        shutil.copy(ROOT / name, folder / name)
    change = LANGUAGES[lang]
    if change:
        tag, name, title = change
        cv = (folder / "cv.md").read_text(encoding="utf-8").replace("lang: en-US", f"lang: {tag}")
        (folder / "cv.md").write_text(cv, encoding="utf-8")
        meta = (folder / "metadata.yaml").read_text(encoding="utf-8")
        meta = meta.replace("name: Brandon Amos", f"name: {name}", 1).replace("title: Research Scientist", f"title: {title}", 1)
        (folder / "metadata.yaml").write_text(meta, encoding="utf-8")
    return folder / "cv.md"


def timed(source: Path) -> tuple[float, float]:
    """Wall time and CPU time (user + system, the build and its children) of one `cv build`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "cvfilter.cli", "build", str(source)], check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        sources = {lang: make(Path(tmp), lang) for lang in LANGUAGES}
        for source in sources.values():
            timed(source)  # warm: citation, data and bibliography caches
        samples: dict[str, list[tuple[float, float]]] = {lang: [] for lang in sources}
        for _ in range(args.rounds):
            for lang, source in sources.items():
                samples[lang].append(timed(source))
    for index, kind in ((0, "wall"), (1, "cpu")):
        english = statistics.median(run[index] for run in samples["en"])
        for lang, runs in samples.items():
            values = [run[index] for run in runs]
            median = statistics.median(values)
            print(f"{kind} {lang}: median {median:.2f} s (min {min(values):.2f}, max {max(values):.2f}), "
                  f"{median / english - 1:+.1%} against en")
    return 0


if __name__ == "__main__":
    sys.exit(main())
