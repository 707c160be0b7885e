"""Writing files whole: every file cvfilter writes goes through `atomic_write`."""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path

from .errors import CvError, Location


def atomic_write(target: Path, data: bytes, durable: bool = False) -> None:
    """Write beside the target, then rename: a failed write never leaves a half-written file.

    The temporary file is opened like any new file (0666 less the umask), not private as
    mkstemp makes it; a target that exists keeps its own mode. `durable` syncs to disk first.
    """
    temp, handle = _open_beside(target)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        try:
            os.chmod(temp, stat.S_IMODE(target.stat().st_mode))
        except FileNotFoundError:
            pass
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _open_beside(target: Path) -> tuple[Path, int]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            return temp, os.open(temp, flags, 0o666)
        except FileExistsError:
            continue


def write_output(target: Path, data: bytes, hint: str = "choose another folder with -o") -> None:
    """`atomic_write` for a file the user asked for, creating its folder: a folder that cannot be
    made or written is the user's to fix, reported naming that folder, not as a traceback."""
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write(target, data)
    except OSError as exc:
        blocker = next((p for p in (folder, *folder.parents) if p.exists() and not p.is_dir()), None)
        reason = f"{blocker} is a file, not a folder" if blocker else exc.strerror or str(exc)
        raise CvError.at(Location(str(folder)), f"cannot write {target.name} into this folder: {reason}", hint) from None
