"""`cv init-ci`: the GitHub Actions workflow that builds a CV on every push and keeps the files.

One template serves both the user's CV repository and cvfilter's own `.github/workflows/cv.yml`;
they differ only in how cvfilter is installed.
"""

from __future__ import annotations

from pathlib import Path

from .assets import read_style
from .errors import CvError, Location

TEMPLATE = "templates/ci/cv.yml"
INSTALL_MARKER = "@INSTALL@"
WORKFLOW_PATH = Path(".github") / "workflows" / "cv.yml"
DEFAULT_INSTALL = "python -m pip install cvfilter"
# cvfilter's own repository installs the checkout it is testing.
REPOSITORY_INSTALL = "python -m pip install ."


def render_workflow(install: str = DEFAULT_INSTALL) -> str:
    """The workflow text with the install command filled in."""
    if not install.strip() or "\n" in install:
        raise CvError.at(Location("cv init-ci"), f"install command {install!r} must be one non-empty line")
    return read_style(TEMPLATE).replace(INSTALL_MARKER, install.strip())


def init_ci(folder: Path, install: str = DEFAULT_INSTALL, force: bool = False) -> Path:
    """Write the workflow into `folder`; an existing different file is kept unless `force`."""
    target = folder / WORKFLOW_PATH
    content = render_workflow(install)
    if target.is_file() and not force and target.read_text(encoding="utf-8") != content:
        raise CvError.at(Location(str(target)), "a different workflow is already there", "pass --force to replace it")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(content, encoding="utf-8")
    return target
