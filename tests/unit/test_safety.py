"""Links that would run code are refused whatever their spelling; safe ones pass."""

from __future__ import annotations

import pytest

from cvfilter.safety import unsafe_target


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
    "java\nscript:alert(1)", "\x01javascript:x", "vbscript:msgbox", "data:text/html,<script>alert(1)</script>",
    "DATA:image/svg+xml;base64,AAAA", "file:///etc/passwd",
])
def test_code_running_targets_are_unsafe(url: str) -> None:
    assert unsafe_target(url)


@pytest.mark.parametrize("url", [
    "https://example.org", "http://example.org/a?b=javascript:x", "mailto:ada@example.org", "#publications",
    "paper.pdf", "https://example.org/data:thing",
])
def test_web_mail_and_relative_targets_are_safe(url: str) -> None:
    assert not unsafe_target(url)


def test_data_paths_cannot_leave_the_cv_folder_even_through_a_symbolic_link(tmp_path) -> None:
    from cvfilter.config import resolve_inside
    from cvfilter.errors import CvError, Location

    outside = tmp_path / "secret.yaml"
    outside.write_text("name: x\n", encoding="utf-8")
    folder = tmp_path / "cv"
    (folder / "data").mkdir(parents=True)
    (folder / "data" / "metadata.yaml").symlink_to(outside)
    where = Location("cv.md", 3, 9)
    assert resolve_inside(folder, "data/../data", where) == (folder / "data").resolve()
    for escaping in ("data/metadata.yaml", "../secret.yaml", str(outside), "data/../../secret.yaml"):
        with pytest.raises(CvError) as caught:
            resolve_inside(folder, escaping, where)
        assert str(caught.value.problems[0].location) == "cv.md:3:9"
