"""The worker subprocesses as seen from the parent: start, feed, read, stop.

Each `python -m tf2lint.verify.worker MODE` process reads job lines on stdin and writes
JSON events on stdout; a reader thread puts them on a queue shared by all workers.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from typing import IO, Any, Dict, Optional, Tuple

from tf2lint.verify import containment

Event = Tuple[str, Optional[Dict[str, Any]]]  # (worker mode, protocol message or None at end of output)

WORKER_ENV = {
    "TF_CPP_MIN_LOG_LEVEL": "2",
    # The same kernels in graph and eager mode, and no GPU: numbers must not depend on the machine.
    # (TF_DETERMINISTIC_OPS stays off: it makes every unseeded dataset op raise.)
    "TF_ENABLE_ONEDNN_OPTS": "0",
    "CUDA_VISIBLE_DEVICES": "-1",
    "PYTHONHASHSEED": "0",
    "PYTHONUNBUFFERED": "1",
}



class Worker:
    """One `python -m tf2lint.verify.worker MODE` process; its events land on a shared queue."""

    def __init__(self, mode: str, tmp: str, events: queue.Queue[Event]):
        self.mode = mode
        self.stderr_path = os.path.join(tmp, f"{mode}.stderr")
        self._stderr = open(self.stderr_path, "w", encoding="utf-8")
        # Its own session and process group, a minimal environment, a private temporary directory.
        env = containment.minimal_env(containment.private_tmp(tmp, mode), WORKER_ENV)
        self.proc = containment.popen(
            [sys.executable, "-m", "tf2lint.verify.worker", mode],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            cwd=tmp,
            env=env,
            text=True,
            encoding="utf-8",
        )
        self.stdin: Optional[IO[str]] = self.proc.stdin
        self._thread = threading.Thread(target=self._read, args=(events,), daemon=True)
        self._thread.start()

    def _read(self, events: queue.Queue[Event]) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            try:
                events.put((self.mode, json.loads(line)))
            except json.JSONDecodeError:
                continue
        events.put((self.mode, None))

    def send(self, message: str) -> None:
        if self.stdin is not None:
            try:
                self.stdin.write(message + "\n")
                self.stdin.flush()
            except OSError:
                pass  # the worker is gone; its end of output reports the job as failed

    def close_input(self) -> None:
        if self.stdin is not None:
            try:
                self.stdin.close()
            except OSError:
                pass
            self.stdin = None

    def stderr_tail(self, lines: int = 6) -> str:
        self._stderr.flush()
        try:
            with open(self.stderr_path, encoding="utf-8", errors="replace") as handle:
                tail = [line.rstrip() for line in handle.readlines() if line.strip()][-lines:]
        except OSError:
            return ""
        return " | ".join(tail)

    def stop(self) -> int:
        self.close_input()
        try:
            code = self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            code = None
        containment.kill_group(self.proc)  # what the sides started goes too
        if code is None:
            code = self.proc.wait()
        self._stderr.close()
        return code

    def kill(self) -> None:
        """Kill the worker and its whole process group (also after the worker itself ended)."""
        containment.kill_group(self.proc)
