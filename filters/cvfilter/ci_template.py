"""`cv init-ci`: the GitHub Actions workflow that builds a CV on every push and keeps the files.

The workflow is a few lines around the cvfilter Action (action.yml at the repository's root), which
installs cvfilter, checks and builds the CV and uploads the documents. One template serves the
user's CV repository and cvfilter's own `.github/workflows/cv.yml`; they differ in which Action
they name and where it gets cvfilter from. The user's pins both to where this copy came from:
a release from PyPI names the Action at that release's tag and installs that version; a copy
installed from a Git URL (pip records it: PEP 610's direct_url.json) names the Action at that very
commit and installs the Action's own files. A copy installed from a folder has no such address, and
CI cannot see that folder: then the user names what to install, and is shown a line to start from.
"""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .assets import read_style
from .errors import CvError, Location
from .home import REPOSITORY

TEMPLATE = "templates/ci/cv.yml"
ACTION_MARKER = "@ACTION@"
INSTALL_MARKER = "@INSTALL@"
WORKFLOW_PATH = Path(".github") / "workflows" / "cv.yml"
WHERE = Location("cv init-ci")


@dataclass(frozen=True)
class Source:
    """What the workflow's step names: the Action (`uses:`) and what it installs (its `cvfilter:` input:
    `action` for the Action's own copy, else a pip requirement)."""

    action: str
    install: str


# cvfilter's own repository runs the Action of the commit it is testing, which installs that checkout.
REPOSITORY_SOURCE = Source("./", "action")


def render_workflow(source: Source) -> str:
    """The workflow text with the Action and what it installs filled in."""
    for value in (source.action, source.install):
        if not value.strip() or "\n" in value:
            raise CvError.at(WHERE, f"{value!r} must be one non-empty line")
    text = read_style(TEMPLATE).replace(ACTION_MARKER, source.action.strip())
    return text.replace(INSTALL_MARKER, json.dumps(source.install.strip()))  # a JSON string is a YAML string


def init_ci(folder: Path, install: str | None = None, force: bool = False) -> Path:
    """Write the workflow into `folder`; an existing different file is kept unless `force`.
    Without `install`, what the Action installs comes from how this cvfilter was installed."""
    target = folder / WORKFLOW_PATH
    record, version = installed()
    source = given_source(install, version) if install is not None else default_source(record, version)
    content = render_workflow(source)
    if target.is_file() and not force and target.read_text(encoding="utf-8") != content:
        raise CvError.at(Location(str(target)), "a different workflow is already there", "pass --force to replace it")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(content, encoding="utf-8")
    return target


def installed() -> tuple[dict | None, str]:
    """PEP 610's record of where the installed cvfilter came from (the one first on the path, as
    imports find it; None when pip left none: an index, or a source tree on the path) and its version."""
    from importlib.metadata import PackageNotFoundError, distribution

    from . import __version__

    try:
        found = distribution("cvfilter")
    except PackageNotFoundError:
        return None, __version__
    recorded = found.read_text("direct_url.json")
    return (json.loads(recorded) if recorded else None), found.version


def is_release(version: str) -> bool:
    """0.2.0 is a release (a tag, on PyPI); 0.2.1.dev3+g0123abc is not."""
    return bool(re.fullmatch(r"\d+(\.\d+)*", version))


def _action_at(version: str) -> str:
    return f"{REPOSITORY}@v{version}" if is_release(version) else f"{REPOSITORY}@main"


def given_source(install: str, version: str) -> Source:
    """`--install REQUIREMENT`: the Action of this version (main for a development copy) installs it."""
    if re.match(r"\s*(python3?|pip3?)\s", install):
        raise CvError.at(WHERE, f"--install {install!r} is a command; give what pip installs",
                         "e.g. --install 'cvfilter==0.2.0' or --install 'cvfilter @ git+https://github.com/OWNER/cvfilter@COMMIT'")
    return Source(_action_at(version), install)


def default_source(record: dict | None, version: str) -> Source:
    """The same cvfilter as this one, which CI can fetch; an error naming what to pass as --install
    when it came from a folder on this machine."""
    url = str((record or {}).get("url", ""))
    web = urlsplit(url).scheme in ("http", "https")
    vcs = (record or {}).get("vcs_info")
    if record is None and is_release(version):
        return Source(_action_at(version), f"cvfilter=={version}")  # from PyPI
    if web and isinstance(vcs, dict) and vcs.get("vcs") and vcs.get("commit_id"):
        subdirectory = record.get("subdirectory")
        github = re.fullmatch(r"https://github\.com/([\w.-]+/[\w.-]+?)(?:\.git)?/?", url)
        if github and vcs["vcs"] == "git" and not subdirectory:
            return Source(f"{github[1]}@{vcs['commit_id']}", "action")  # that commit's action.yml installs itself
        where = f"{vcs['vcs']}+{url}@{vcs['commit_id']}" + (f"#subdirectory={subdirectory}" if subdirectory else "")
        return Source(_action_at(version), _requirement(where))
    if web and "archive_info" in record:
        return Source(_action_at(version), _requirement(url))
    raise CvError.at(WHERE, f"cannot tell how CI should install cvfilter: {_origin(record)}", _hint(record))


def _requirement(where: str) -> str:
    return f"cvfilter @ {where}"


def _origin(record: dict | None) -> str:
    if record is None:
        return "pip recorded no source for it, and a development version is not on PyPI"
    return f"it was installed from {record.get('url', 'an unknown place')}, which a CI machine cannot reach"


def _hint(record: dict | None) -> str:
    """The install line for the clone it came from, when that clone has a web remote."""
    folder = _local_folder(record)
    suggested = _clone_install(folder) if folder else None
    example = suggested or _requirement("git+https://github.com/OWNER/cvfilter@COMMIT")
    return (f"pass --install '{example}'" + (" once that commit is pushed" if suggested else "")
            + ", or install cvfilter from PyPI or its Git URL and run cv init-ci again")


def _local_folder(record: dict | None) -> Path | None:
    url = urlsplit(str((record or {}).get("url", "")))
    return Path(unquote(url.path)) if url.scheme == "file" else None


# git@github.com:owner/repo.git, the form `git clone` over SSH takes: CI fetches it over HTTPS instead.
_SCP_LIKE = re.compile(r"^[\w.-]+@(?P<host>[\w.-]+):(?P<path>[^/].*)$")


def _clone_install(folder: Path) -> str | None:
    """pip's requirement for the commit checked out in `folder`, fetched from its `origin` remote
    over HTTPS (without any user name or token the remote's address holds)."""
    remote, commit = _git(folder, "config", "--get", "remote.origin.url"), _git(folder, "rev-parse", "HEAD")
    if not remote or not commit:
        return None
    scp = _SCP_LIKE.match(remote)
    url = urlsplit(f"https://{scp['host']}/{scp['path']}" if scp else remote)
    if url.scheme not in ("https", "http", "ssh", "git") or not url.hostname:
        return None
    return _requirement(f"git+https://{url.hostname}{url.path}@{commit}")


def _git(folder: Path, *args: str) -> str:
    """The output of a git command in `folder`; "" when git or the repository is missing."""
    try:
        done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""
