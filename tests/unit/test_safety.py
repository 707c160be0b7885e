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
