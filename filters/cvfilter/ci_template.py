"""`cv init-ci`: the GitHub Actions workflow that builds a CV on every push and keeps the files.

One template serves both the user's CV repository and cvfilter's own `.github/workflows/cv.yml`;
they differ only in how cvfilter is installed. cvfilter is not on PyPI, so the user's workflow
installs it from where this copy came from: the Git URL and commit pip recorded (PEP 610's
direct_url.json). A copy installed from a folder has no such address, and CI cannot see that folder:
then the user names the install command, and is shown one to start from.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .assets import read_style
from .errors import CvError, Location

TEMPLATE = "templates/ci/cv.yml"
INSTALL_MARKER = "@INSTALL@"
WORKFLOW_PATH = Path(".github") / "workflows" / "cv.yml"
# cvfilter's own repository installs the checkout it is testing.
REPOSITORY_INSTALL = "python -m pip install ."
WHERE = Location("cv init-ci")


def render_workflow(install: str) -> str:
    """The workflow text with the install command filled in."""
    if not install.strip() or "\n" in install:
        raise CvError.at(WHERE, f"install command {install!r} must be one non-empty line")
    return read_style(TEMPLATE).replace(INSTALL_MARKER, install.strip())


def init_ci(folder: Path, install: str | None = None, force: bool = False) -> Path:
    """Write the workflow into `folder`; an existing different file is kept unless `force`.
    Without `install`, the command comes from how this cvfilter was installed."""
    target = folder / WORKFLOW_PATH
    content = render_workflow(install if install is not None else default_install(direct_url()))
    if target.is_file() and not force and target.read_text(encoding="utf-8") != content:
        raise CvError.at(Location(str(target)), "a different workflow is already there", "pass --force to replace it")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(content, encoding="utf-8")
    return target


def direct_url() -> dict | None:
    """PEP 610's record of where the installed cvfilter came from (the one first on the path, as
    imports find it); None when pip left none (an index, or a source tree on the path)."""
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        recorded = distribution("cvfilter").read_text("direct_url.json")
    except PackageNotFoundError:
        return None
    return json.loads(recorded) if recorded else None


def default_install(record: dict | None) -> str:
    """`pip install` of the same source pinned to the same commit (or archive), which CI can fetch;
    an error naming what to pass as --install when the source is a folder on this machine."""
    url = str((record or {}).get("url", ""))
    web = urlsplit(url).scheme in ("http", "https")
    vcs = (record or {}).get("vcs_info")
    if web and isinstance(vcs, dict) and vcs.get("vcs") and vcs.get("commit_id"):
        subdirectory = record.get("subdirectory")
        where = f"{vcs['vcs']}+{url}@{vcs['commit_id']}" + (f"#subdirectory={subdirectory}" if subdirectory else "")
        return _pip_install(where)
    if web and "archive_info" in record:
        return _pip_install(url)
    raise CvError.at(WHERE, f"cannot tell how CI should install cvfilter: {_origin(record)}", _hint(record))


def _pip_install(where: str) -> str:
    return f'python -m pip install "cvfilter @ {where}"'


def _origin(record: dict | None) -> str:
    if record is None:
        return "pip recorded no source for it, and it is not on PyPI"
    return f"it was installed from {record.get('url', 'an unknown place')}, which a CI machine cannot reach"


def _hint(record: dict | None) -> str:
    """The install line for the clone it came from, when that clone has a web remote."""
    folder = _local_folder(record)
    suggested = _clone_install(folder) if folder else None
    example = suggested or _pip_install("git+https://github.com/OWNER/cvfilter@COMMIT")
    return (f"pass --install '{example}'" + (" once that commit is pushed" if suggested else "")
            + ", or install cvfilter with pip from its Git URL and run cv init-ci again")


def _local_folder(record: dict | None) -> Path | None:
    url = urlsplit(str((record or {}).get("url", "")))
    return Path(unquote(url.path)) if url.scheme == "file" else None


# git@github.com:owner/repo.git, the form `git clone` over SSH takes: CI fetches it over HTTPS instead.
_SCP_LIKE = re.compile(r"^[\w.-]+@(?P<host>[\w.-]+):(?P<path>[^/].*)$")


def _clone_install(folder: Path) -> str | None:
    """pip's install line for the commit checked out in `folder`, fetched from its `origin` remote
    over HTTPS (without any user name or token the remote's address holds)."""
    remote, commit = _git(folder, "config", "--get", "remote.origin.url"), _git(folder, "rev-parse", "HEAD")
    if not remote or not commit:
        return None
    scp = _SCP_LIKE.match(remote)
    url = urlsplit(f"https://{scp['host']}/{scp['path']}" if scp else remote)
    if url.scheme not in ("https", "http", "ssh", "git") or not url.hostname:
        return None
    return _pip_install(f"git+https://{url.hostname}{url.path}@{commit}")


def _git(folder: Path, *args: str) -> str:
    """The output of a git command in `folder`; "" when git or the repository is missing."""
    try:
        done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""
