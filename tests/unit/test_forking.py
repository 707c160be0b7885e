"""Forked workers: a child's value or its exception reaches the parent, and every child is reaped."""

from __future__ import annotations

import os
import threading

import pytest

from cvfilter.errors import CvError, Location
from cvfilter.forking import Forked, can_fork, each_result

pytestmark = pytest.mark.skipif(not can_fork(), reason="no fork on this platform")


def test_a_child_sees_the_parents_memory_and_sends_back_its_value():
    big = list(range(100_000))  # not passed in: the child inherits it
    child = Forked(lambda: (os.getpid(), sum(big), b"x" * 300_000))
    pid, total, blob = child.result()
    assert pid != os.getpid() and pid == child.pid
    assert total == sum(big)
    assert blob == b"x" * 300_000  # larger than a pipe's buffer


def test_a_user_error_in_a_child_is_raised_in_the_parent_with_its_problems():
    def fail():
        raise CvError.at(Location("cv.md", 4, 1), "unknown macro .nosuch", "known macros: header")

    with pytest.raises(CvError) as caught:
        Forked(fail).result()
    assert str(caught.value) == "cv.md:4:1: error: unknown macro .nosuch (known macros: header)"


def test_an_exception_that_cannot_be_pickled_still_arrives_as_its_text():
    class Local(Exception):  # a local class cannot be pickled
        pass

    def fail():
        raise Local("the reason")

    with pytest.raises(RuntimeError, match="Local: the reason"):
        Forked(fail).result()


def test_one_failing_child_does_not_leave_the_others_unreaped():
    def fail():
        raise ValueError("first")

    children = {"good": Forked(lambda: 1), "bad": Forked(fail), "also": Forked(lambda: 3)}
    seen = []
    with pytest.raises(ValueError, match="first"):
        for name, value in each_result(children):
            seen.append((name, value))
    assert seen == [("good", 1)]  # what came before the failure was handed over as it came
    _assert_reaped(children)


def test_a_caller_that_stops_early_leaves_no_child_behind():
    children = {"first": Forked(lambda: 1), "second": Forked(lambda: 2)}
    with pytest.raises(KeyError):
        for _name, _value in each_result(children):
            raise KeyError("the caller's own error")
    _assert_reaped(children)


def _assert_reaped(children: dict[str, Forked]) -> None:
    for child in children.values():
        with pytest.raises(ChildProcessError):
            os.waitpid(child.pid, os.WNOHANG)


def test_a_lower_priority_applies_to_the_child_only():
    before = os.nice(0)
    assert Forked(lambda: os.nice(0), nice=5).result() == min(before + 5, 19)
    assert os.nice(0) == before


def test_ctrl_c_while_waiting_stops_every_child_at_once():
    import signal
    import time

    def interrupt(_signum, _frame):
        raise KeyboardInterrupt

    children = {"slow": Forked(lambda: time.sleep(30)), "slower": Forked(lambda: time.sleep(60))}
    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, 0.2)
    started = time.monotonic()
    try:
        with pytest.raises(KeyboardInterrupt):
            for _name, _value in each_result(children):
                pass
    finally:
        signal.signal(signal.SIGALRM, previous)
    assert time.monotonic() - started < 10  # not after the children's 30 s
    _assert_reaped(children)


def test_no_forking_while_another_thread_runs():
    """`cv watch --serve` runs a server thread: builds then finish their formats in threads instead."""
    release = threading.Event()
    server = threading.Thread(target=release.wait)
    server.start()
    try:
        assert not can_fork()
    finally:
        release.set()
        server.join()
    assert can_fork()
