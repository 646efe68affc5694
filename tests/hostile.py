"""Helpers for the hostile-input suite: real `tf2lint` processes on hostile trees."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import List, Optional

ROOT = Path(__file__).resolve().parent.parent
# The checkout whose tf2lint the suite runs (another checkout's, to compare behaviour).
CHECKOUT = Path(os.environ.get("TF2LINT_CHECKOUT", str(ROOT)))

TF1 = "import tensorflow as tf\nx = tf.placeholder(tf.float32)\n"


def env(**extra: str) -> dict:
    out = dict(os.environ)
    # No empty entry: an empty PYTHONPATH component is the working directory, which would
    # import a planted sitecustomize.py at interpreter start-up, before tf2lint runs.
    out["PYTHONPATH"] = os.pathsep.join(p for p in (str(CHECKOUT), out.get("PYTHONPATH", "")) if p)
    out.update(extra)
    return out


def command(*args: object) -> List[str]:
    return [sys.executable, "-m", "tf2lint", *map(str, args)]


def run(*args: object, cwd: Optional[Path] = None, timeout: float = 60, **kwargs) -> subprocess.CompletedProcess:
    """A `tf2lint` run; a hang fails the test instead of blocking the suite."""
    kwargs.setdefault("capture_output", True)
    return subprocess.run(command(*args), cwd=cwd or ROOT, text=True, env=env(), timeout=timeout, **kwargs)


def assert_no_traceback(proc: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in (proc.stderr or ""), proc.stderr
    assert "Traceback" not in (proc.stdout or ""), proc.stdout


def children(pid: int) -> List[int]:
    """Every descendant of a process (Linux /proc)."""
    out: List[int] = []
    todo = [pid]
    while todo:
        parent = todo.pop()
        for task in Path(f"/proc/{parent}/task").glob("*"):
            try:
                kids = [int(k) for k in (task / "children").read_text().split()]
            except OSError:
                continue
            out += kids
            todo += kids
    return out


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_for(predicate, timeout: float = 30.0, step: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


def kill_all(pids: List[int]) -> None:
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
