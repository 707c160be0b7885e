"""The example's web page: semantic landmarks, no outside requests, valid HTML5, and no serious
accessibility violations in a real browser. The validator and axe-core come from scripts/test.sh."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import ROOT

TOOLS = ROOT / "tests" / ".tools" / "node_modules"
VNU_JAR = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = TOOLS / "axe-core" / "axe.min.js"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
OUTSIDE = re.compile(r"^(?:https?:)?//")


@pytest.fixture(scope="module")
def page(themed_build: Path) -> BeautifulSoup:
    return BeautifulSoup((themed_build / "cv.html").read_text(encoding="utf-8"), "lxml")


def test_page_has_landmarks_and_one_h1(page: BeautifulSoup) -> None:
    assert page.html["lang"] == "en-US"
    assert page.title.get_text() == "Brandon Amos — CV"
    assert [h.get_text() for h in page.find_all("h1")] == ["Brandon Amos"]
    assert page.select_one("body > header.cv-header h1.cv-name")
    sections = page.select("main > section")
    assert len(sections) >= 4
    assert all(section.find("h2", recursive=False) for section in sections)


def test_section_list_links_every_section(page: BeautifulSoup) -> None:
    nav = page.select_one("nav.cv-nav")
    targets = [a["href"] for a in nav.find_all("a")]
    ids = ["#" + s["id"] for s in page.select("main > section")]
    assert targets == ids
    assert [a.get_text(" ", strip=True) for a in nav.find_all("a")][:2] == ["Current Position", "Education"]


def test_dates_are_time_elements_beside_their_entries(page: BeautifulSoup) -> None:
    times = page.select("time.cv-date")
    assert len(times) > 20
    assert all(re.fullmatch(r"\d{4}(-\d\d){0,2}", t["datetime"]) for t in times)
    first = page.select_one(".cv-entry > p").get_text(" ", strip=True)
    assert re.sub(r"\s+", " ", first).endswith("New York City 2019 – Present")


def test_numbered_lists_are_ol_and_icons_are_hidden(page: BeautifulSoup) -> None:
    assert page.find("ol")
    icons = page.select(".cv-icon")
    assert icons and all(icon["aria-hidden"] == "true" for icon in icons)
    assert all(a.get_text(strip=True) for a in page.find_all("a")), "a link without text"


def test_marker_links_name_their_entry(page: BeautifulSoup) -> None:
    markers = [a for a in page.find_all("a") if a.get_text(strip=True) in {"[code]", "[slides]"}]
    assert markers, "the example has [code] and [slides] links"
    for link in markers:
        title = link.find_parent(class_="cv-entry").select_one(".cv-pub-title").get_text(" ", strip=True)
        word = link.get_text(strip=True).strip("[]")
        assert " ".join(link["aria-label"].split()) == f"{word}: {' '.join(title.split())}"


def test_page_is_self_contained_and_styled_for_every_medium(page: BeautifulSoup) -> None:
    for tag, attribute in (("link", "href"), ("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src")):
        for element in page.find_all(tag):
            assert not OUTSIDE.match(element.get(attribute, "")), f"<{tag}> fetches {element.get(attribute)}"
    css = "\n".join(style.get_text() for style in page.find_all("style"))
    assert "@import" not in css and not re.search(r"url\(\s*['\"]?(?:https?:)?//", css)
    assert "prefers-color-scheme: dark" in css
    assert "@media print" in css
    assert re.search(r"@media \(max-width", css)
    assert page.find("meta", attrs={"name": "viewport"})


def test_page_is_valid_html5(themed_build: Path) -> None:
    if not (shutil.which("java") and VNU_JAR.is_file()):
        pytest.skip("the Nu HTML checker needs java and tests/.tools (run scripts/test.sh)")
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", str(themed_build / "cv.html")],
        capture_output=True, text=True, check=True,
    )
    messages = json.loads(result.stderr)["messages"]
    problems = [f"{m.get('lastLine')}: {m['message']}" for m in messages if m["type"] in {"error", "non-document-error"}
                or m.get("subType") == "warning"]
    assert problems == []


def test_page_has_no_serious_accessibility_violations(themed_build: Path) -> None:
    playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (run scripts/test.sh)")
    if not (CHROMIUM and AXE_JS.is_file()):
        pytest.skip("axe needs Debian's chromium and tests/.tools (run scripts/test.sh)")
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            results = {}
            for scheme in ("light", "dark"):
                context = browser.new_context(color_scheme=scheme, offline=True)
                tab = context.new_page()
                tab.goto((themed_build / "cv.html").as_uri())
                tab.add_script_tag(path=str(AXE_JS))
                results[scheme] = tab.evaluate("axe.run(document, {resultTypes: ['violations']})")
                context.close()
        finally:
            browser.close()
    serious = [
        f"{scheme}: {v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for scheme, result in results.items()
        for v in result["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
    assert serious == []


def test_no_line_of_the_header_starts_with_a_separator_at_desktop_width(themed_build: Path) -> None:
    """However many contacts a header has and however narrow the screen, no line of it starts with a
    "•" (a "•" bound to the next item led the second line once the example had six contacts); the
    update date has a line of its own."""
    playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (run scripts/test.sh)")
    if not CHROMIUM:
        pytest.skip("needs Debian's chromium (run scripts/test.sh)")
    starts = {}
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            tab = browser.new_context(viewport={"width": 1000, "height": 700}, offline=True).new_page()
            tab.goto((themed_build / "cv.html").as_uri())
            for width in (1000, 360):
                tab.set_viewport_size({"width": width, "height": 700})
                starts[width] = tab.evaluate("""() => {
                    const seen = new Map();
                    for (const el of document.querySelectorAll('.cv-contact-item, .cv-updated, .cv-sep')) {
                        if (!el.getClientRects().length) continue;  // not shown
                        const top = Math.round(el.getBoundingClientRect().top);
                        const left = el.getBoundingClientRect().left;
                        if (!seen.has(top) || seen.get(top).left > left) seen.set(top, {left, cls: el.className});
                    }
                    return [...seen.values()].map(first => first.cls);
                }""")
        finally:
            browser.close()
    for width, lines in starts.items():
        assert "cv-sep" not in lines, (width, lines)
        assert lines[0] == "cv-contact-item" and lines[-1] == "cv-updated" and lines.count("cv-updated") == 1, (width, lines)
