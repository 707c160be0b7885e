"""`cv check --ats` against `cv build` of the same CV: what the read-back costs beyond the build.

    python bench/ats.py [--rounds 7]

Copies the example CV, builds it once to warm the caches, then runs `cv build` and `cv check --ats`
as whole processes in interleaved rounds, so that the machine's load falls on both alike. Prints the
median wall and CPU time of each (CPU time, children included, is steadier on a shared machine), their
difference, and the check's own time after its build as it reports it.
"""

from __future__ import annotations

import argparse
import re
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
COMMANDS = {"build": ["build"], "check --ats": ["check", "--ats"]}


def timed(command: list[str], folder: Path) -> tuple[float, float, str]:
    """Wall and CPU seconds (this child and its children) of one `cv` run, and what it printed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "cvfilter.cli", *command, "cv.md"], cwd=folder,
                          capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        for name in FILES:
            shutil.copy(ROOT / name, folder / name)
        timed(COMMANDS["build"], folder)
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in COMMANDS}
        own: list[float] = []
        for _round in range(args.rounds):
            for name, command in COMMANDS.items():
                wall, cpu, out = timed(command, folder)
                times[name].append((wall, cpu))
                if found := re.search(r"\(([\d.]+) s after the build\)", out):
                    own.append(float(found[1]))
    medians = {name: (statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)) for name, runs in times.items()}
    for name, (wall, cpu) in medians.items():
        print(f"{name:12} wall {wall:5.2f} s   cpu {cpu:5.2f} s   (median of {args.rounds})")
    wall = medians["check --ats"][0] - medians["build"][0]
    cpu = medians["check --ats"][1] - medians["build"][1]
    print(f"difference   wall {wall:+5.2f} s   cpu {cpu:+5.2f} s")
    if own:
        print(f"the check after its build, as it reports: median {statistics.median(own):.2f} s (min {min(own):.2f}, max {max(own):.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
