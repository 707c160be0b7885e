"""`cv build` with no network at all (a fresh network namespace): every number comes from stats.json."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from docx import Document
from pypdf import PdfReader

from tests.conftest import copy_example, normalize

CHANGED = ("cmusatyalab/openface", 15_234)  # differs from metadata.yaml's 14600, so only the cache can show it


def _unshare_works() -> str | None:
    if shutil.which("unshare") is None:
        return "unshare is not installed"
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True, text=True)
    return None if probe.returncode == 0 else f"unshare -n is not permitted here: {probe.stderr.strip()}"


pytestmark = pytest.mark.skipif(_unshare_works() is not None, reason=str(_unshare_works()))


def offline_cv(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["unshare", "-n", sys.executable, "-m", "cvfilter.cli", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def example(tmp_path_factory) -> Path:
    work = copy_example(tmp_path_factory.mktemp("offline"))
    cache = json.loads((work / "stats.json").read_text(encoding="utf-8"))
    cache["repositories"][CHANGED[0]]["stars"] = CHANGED[1]
    cache["scholar"].update(citations=6543, h_index=33)  # metadata.yaml says 6000 and 31
    (work / "stats.json").write_text(json.dumps(cache), encoding="utf-8")
    return work


# The 33 star counts of the seed CV (cv-target.txt), in its order.
SEED_STARS = (
    "152 38 1.3k 83 110 61 51 768 114 1.5k 298 1.5k 56 648 139 251 439 577 780 285 104 "
    "1.3k 14.6k 10 27 196 109 359 307 379 198 188 235"
).split()


def test_the_full_cv_is_built_from_the_cache_without_a_network(example):
    done = offline_cv(["build", "-o", "out"], example)
    assert done.returncode == 0, done.stderr
    texts = {
        "pdf": normalize(" ".join(page.extract_text() for page in PdfReader(example / "out" / "cv.pdf").pages)),
        "html": normalize(BeautifulSoup((example / "out" / "cv.html").read_bytes(), "html.parser").get_text(" ")),
        "docx": normalize(" ".join(p.text for p in Document(str(example / "out" / "cv.docx")).paragraphs)),
    }
    expected = [count.replace("14.6k", "15.2k") for count in SEED_STARS]
    assert len(expected) == 33
    for fmt, text in texts.items():
        shown = [part.split()[0] for part in text.split("★")[1:]]
        assert shown == expected, fmt
        assert "27.7k+ GitHub stars across all repositories." in text, fmt  # 27162 - 14600 + 15234
        assert f"{CHANGED[0]} ★15.2k" in text and "★14.6k" not in text, fmt
        assert "6.5k+ citations and an h-index of 33" in text, fmt


def test_refresh_stats_without_a_network_warns_and_keeps_the_cache(example):
    before = (example / "stats.json").read_bytes()
    done = offline_cv(["build", "--refresh-stats", "--to", "html", "-o", "out2"], example)
    assert done.returncode == 0, done.stderr
    assert re.search(r"metadata\.yaml:\d+:\d+: warning: could not reach GitHub for 33 repositories: cannot connect", done.stderr)
    assert "failed 33 (" in done.stderr and ", and 28 more); stats.json unchanged" in done.stderr
    assert (example / "stats.json").read_bytes() == before
    html = normalize(BeautifulSoup((example / "out2" / "cv.html").read_bytes(), "html.parser").get_text(" "))
    assert f"{CHANGED[0]} ★15.2k" in html
