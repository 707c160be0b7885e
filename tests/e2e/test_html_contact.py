"""HTML contact line on a narrow screen: a separator is never left alone at a line's end or start."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup


def test_each_separator_is_bound_to_the_item_after_it(example_build: Path) -> None:
    soup = BeautifulSoup((example_build / "cv.html").read_text(encoding="utf-8"), "lxml")
    css = " ".join(style.get_text() for style in soup.find_all("style"))
    separators = soup.select(".cv-contact .cv-sep")
    assert len(separators) >= 4
    for sep in separators:
        group = sep.parent
        assert "cv-contact-next" in group["class"] and sep is group.find(True)
        assert group.select_one(".cv-contact-item, .cv-updated") is not None
    rule = next(r for r in css.split("}") if ".cv-contact-next" in r)
    assert "white-space: nowrap" in rule
