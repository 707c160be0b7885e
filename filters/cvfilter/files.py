"""Writing files whole: every file cvfilter writes goes through `atomic_write`."""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path


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
