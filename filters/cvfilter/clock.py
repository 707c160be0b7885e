"""How long each stage of a build takes, for `cv build --timings`, `cv watch` and the benchmark."""

from __future__ import annotations

import time


class Clock:
    """Records the seconds of each named stage: `with clock("typst"): ...`."""

    def __init__(self, timings: dict[str, float] | None = None) -> None:
        self.timings = {} if timings is None else timings

    def __call__(self, stage: str) -> _Stage:
        return _Stage(self.timings, stage)


class _Stage:
    def __init__(self, timings: dict[str, float], stage: str) -> None:
        self.timings, self.stage = timings, stage

    def __enter__(self) -> None:
        self.start = time.perf_counter()

    def __exit__(self, *_exc: object) -> None:
        self.timings[self.stage] = time.perf_counter() - self.start
