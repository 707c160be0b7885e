"""Writing files whole: every file cvfilter writes goes through `atomic_write`."""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path

from .errors import CvError, Location


def atomic_write(target: Path, data: bytes, durable: bool = False) -> None:
    """Write beside the target, then rename: a failed write never leaves a half-written file.
    `durable` syncs to disk first."""
    temp = _write_temp(target, data, durable)
    try:
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _write_temp(target: Path, data: bytes, durable: bool = False) -> Path:
    """A full copy of `data` next to `target`. It is opened like any new file (0666 less the umask),
    not private as mkstemp makes it; a target that exists passes on its own mode."""
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
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


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
    write_outputs({target: data}, hint)


def write_outputs(outputs: dict[Path, bytes], hint: str = "choose another folder with -o") -> None:
    """Several files, all or none: each is written beside its target first, and only when every
    one is on disk are they all renamed into place. A build that cannot write its HTML does not
    leave a new PDF next to an old HTML."""
    for target in outputs:
        if target.is_dir():
            raise CvError.at(Location(str(target.parent)), f"cannot write {target.name}: a folder of that name is in the way", f"remove or rename the folder {target}")
    written: dict[Path, Path] = {}
    try:
        for target, data in outputs.items():
            written[target] = _write_beside(target, data, hint)
        for target, temp in written.items():
            os.replace(temp, target)
    finally:
        for temp in written.values():
            temp.unlink(missing_ok=True)


def _write_beside(target: Path, data: bytes, hint: str) -> Path:
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return _write_temp(target, data)
    except OSError as exc:
        raise _unwritable(folder, target, exc, hint) from None


def _unwritable(folder: Path, target: Path, exc: OSError, hint: str) -> CvError:
    blocker = next((p for p in (folder, *folder.parents) if p.exists() and not p.is_dir()), None)
    reason = f"{blocker} is a file, not a folder" if blocker else exc.strerror or str(exc)
    return CvError.at(Location(str(folder)), f"cannot write {target.name} into this folder: {reason}", hint)
