"""Work done in forked child processes, for the two cores of a laptop or a CI runner.

A forked child starts with the parent's memory as it is (the parsed document, the loaded data, the
imported modules), so nothing is copied in and only the child's result travels back, pickled,
through a pipe. That is cheaper than a process pool, which sets up queues and a manager thread
and imports multiprocessing: a build forks three children and is over in half a second.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    """Whether work may go to forked children. POSIX systems fork; Windows does not. Nor does a
    process with other threads running (`cv watch --serve` and its preview server): a child gets a
    copy of every lock such a thread holds, never to be released. Callers then do the same work in
    process."""
    return hasattr(os, "fork") and sys.platform != "win32" and threading.active_count() == 1


class Forked(Generic[T]):
    """`work()` running in a child process; `result()` waits for its value or raises its exception."""

    def __init__(self, work: Callable[[], T], nice: int = 0) -> None:
        read_end, write_end = os.pipe()
        try:
            self.pid = os.fork()
        except OSError:
            os.close(read_end)
            os.close(write_end)
            raise
        if self.pid == 0:
            os.close(read_end)
            _run_child(work, write_end, nice)
        os.close(write_end)
        self._pipe = os.fdopen(read_end, "rb")
        self._status: int | None = None

    def result(self) -> T:
        with self._pipe:
            payload = self._pipe.read()
        self._reap()
        if not payload:
            raise RuntimeError(f"a forked worker ended without a result (exit status {self._status})")
        ok, value = pickle.loads(payload)
        if not ok:
            raise value
        return value

    def stop(self) -> None:
        """End the child now, its result unread (the caller is leaving with an error or a Ctrl-C)."""
        self._pipe.close()
        if self._status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self._reap()

    def _reap(self) -> None:
        if self._status is None:
            _pid, self._status = os.waitpid(self.pid, 0)


def each_result(children: dict[str, Forked[T]]) -> Iterator[tuple[str, T]]:
    """Each child's result as soon as it is there, in order, so the caller can go on with the first
    while the others still work. A child's error is raised once the others are done; a caller that
    stops early (its own error, Ctrl-C) stops the children still working and leaves none behind."""
    pending = list(children.items())
    failure: Exception | None = None
    try:
        while pending:
            name, child = pending[0]
            try:
                value = child.result()
            except Exception as exc:  # noqa: BLE001  (raised below, once every child is done)
                failure = failure or exc
            pending.pop(0)
            if failure is None:
                yield name, value
    finally:
        for _name, child in pending:
            child.stop()
    if failure is not None:
        raise failure


def _run_child(work: Callable[[], object], write_end: int, nice: int) -> None:
    """The child's whole life: compute, send, and leave without running the parent's exit handlers
    or flushing the parent's buffered output a second time."""
    status = 0
    try:
        if nice:
            os.nice(nice)
        try:
            payload = pickle.dumps((True, work()), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException as exc:  # noqa: BLE001  (sent to the parent, which raises it)
            payload = _pickled_failure(exc)
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(payload)
    except BaseException:  # noqa: BLE001  (the parent reports a child that sent nothing)
        status = 1
    finally:
        os._exit(status)


def _pickled_failure(exc: BaseException) -> bytes:
    try:
        return pickle.dumps((False, exc), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001  (an exception that cannot be pickled travels as its text)
        return pickle.dumps((False, RuntimeError(f"{type(exc).__name__}: {exc}")))
