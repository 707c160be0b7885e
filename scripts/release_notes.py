"""Print the CHANGELOG.md section of one version, for the release's notes: `release_notes.py 0.2.0`.

The release workflow runs it before anything is published, so a tag whose version has no section
in CHANGELOG.md stops the release (exit status 1) instead of shipping without notes.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

CHANGELOG = Path(__file__).resolve().parents[1] / "CHANGELOG.md"


def section(text: str, version: str) -> str | None:
    """The text under `## <version>` (a date or words may follow it) up to the next `## ` heading."""
    heading = re.compile(rf"^## \[?{re.escape(version)}\]?(?:\s.*)?$", re.MULTILINE)
    found = heading.search(text)
    if found is None:
        return None
    rest = text[found.end():]
    following = re.search(r"^## ", rest, re.MULTILINE)
    return rest[: following.start() if following else len(rest)].strip() + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: release_notes.py VERSION", file=sys.stderr)
        return 2
    version = argv[0].removeprefix("v")
    notes = section(CHANGELOG.read_text(encoding="utf-8"), version)
    if notes is None:
        print(f"{CHANGELOG.name}: no section `## {version}`: add one before tagging v{version}", file=sys.stderr)
        return 1
    sys.stdout.write(notes)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
