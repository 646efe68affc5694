"""A dependency-free progress bar on stderr (a redrawn line on a terminal, a few lines in logs)."""

from __future__ import annotations

import time
from typing import Optional, TextIO


class Progress:
    WIDTH = 28

    def __init__(self, stream: TextIO, enabled: bool = True):
        self.stream = stream
        self.enabled = enabled
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.total = 0
        self.count = 0
        self.started = 0.0
        self._last_quarter = 0
        self._width = 0

    def start(self, total: int) -> None:
        self.total, self.count, self.started = total, 0, time.perf_counter()
        if self.enabled and not self.tty:
            self.stream.write(f"tf2lint verify: {total} sample sides to run\n")
            self.stream.flush()
        self._draw("starting TensorFlow")

    def advance(self, label: str) -> None:
        self.count += 1
        self._draw(label)

    def _draw(self, label: str) -> None:
        if not self.enabled or not self.total:
            return
        elapsed = time.perf_counter() - self.started
        if self.tty:
            filled = self.WIDTH * self.count // self.total
            line = f"[{'#' * filled}{'.' * (self.WIDTH - filled)}] {self.count}/{self.total} {elapsed:5.1f}s {label}"
            line = line[:100]
            self.stream.write("\r" + line.ljust(self._width))
            self._width = len(line)
            self.stream.flush()
            return
        quarter = 4 * self.count // self.total
        if quarter > self._last_quarter:
            self._last_quarter = quarter
            self.stream.write(f"tf2lint verify: {self.count}/{self.total} done ({elapsed:.0f} s)\n")
            self.stream.flush()

    def finish(self, message: Optional[str] = None) -> None:
        if self.enabled and self.tty and self.total:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
