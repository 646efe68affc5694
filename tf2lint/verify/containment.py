"""Keeping sample code in its box: every process that runs user samples (the sides, the
loader that reads a samples file) starts in its own session and process group, with a
minimal environment and a private temporary directory, and is killed as a group on
timeout or at the end of the run. Descendants that escape the group (a sample that
starts its own session) are found through the subreaper mark and killed too.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Dict, Iterable, List, Optional

import tf2lint

# Variables a side may need: where programs and libraries are, TensorFlow's and CUDA's own.
KEPT = ("PATH", "HOME", "LD_LIBRARY_PATH", "SYSTEMROOT", "PYTHONPATH")
KEPT_PREFIXES = ("TF_", "CUDA_")
RUN_MARK = "TF2LINT_VERIFY_RUN"
RUN_ID = uuid.uuid4().hex  # marks the processes of this run, to find escaped descendants
_PR_SET_CHILD_SUBREAPER = 36


def checkout_root() -> str:
    return os.path.dirname(os.path.dirname(os.path.abspath(tf2lint.__file__)))


def minimal_env(tmpdir: str, extra: Optional[Dict[str, str]] = None) -> Dict[str, str]:
    """The environment of a sample process: only what running Python and TensorFlow needs."""
    env = {k: v for k, v in os.environ.items() if k in KEPT or k.startswith(KEPT_PREFIXES)}
    root = checkout_root()
    paths = [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
    if root not in paths and not _installed(root):  # running from a checkout: the same tf2lint
        paths.insert(0, root)
    if paths:
        env["PYTHONPATH"] = os.pathsep.join(paths)
    env.update({"TMPDIR": tmpdir, "TEMP": tmpdir, "TMP": tmpdir, RUN_MARK: RUN_ID})
    env.update(extra or {})
    return env


def _installed(root: str) -> bool:
    import site

    dirs = list(getattr(site, "getsitepackages", lambda: [])())
    user = getattr(site, "getusersitepackages", lambda: "")()
    return root in {os.path.abspath(d) for d in dirs + ([user] if user else [])}


def private_tmp(base: str, name: str) -> str:
    path = os.path.join(base, f"{name}-tmp")
    os.makedirs(path, mode=0o700, exist_ok=True)
    return path


def become_subreaper() -> None:
    """Orphaned descendants (a sample's daemon) become our children instead of init's."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
        except (OSError, AttributeError):
            pass


def popen(argv: List[str], *, env: Dict[str, str], cwd: str, **kwargs) -> subprocess.Popen:
    """Start a sample process in its own session (and so its own process group)."""
    return subprocess.Popen(argv, env=env, cwd=cwd, start_new_session=True, **kwargs)


def kill_group(proc: subprocess.Popen) -> None:
    """Kill the process and everything left in its group, even after it exited itself."""
    if sys.platform == "win32":  # pragma: no cover - no process groups
        if proc.poll() is None:
            proc.kill()
        return
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _children(pid: int) -> List[int]:
    out: List[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out += [int(k) for k in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return out


def _ours(pid: int) -> bool:
    try:
        environ = Path(f"/proc/{pid}/environ").read_bytes()
    except OSError:
        return False
    return f"{RUN_MARK}={RUN_ID}".encode() in environ.split(b"\0")


def reap_escaped(known: Iterable[int] = ()) -> int:
    """Kill this run's processes that escaped their group and were handed to us; returns how many."""
    if not sys.platform.startswith("linux"):
        return 0
    skip = set(known)
    killed = 0
    for _ in range(3):  # killing an escaped process hands its own children to us in turn
        found = []
        todo = [pid for pid in _children(os.getpid()) if pid not in skip]
        while todo:
            pid = todo.pop()
            todo += _children(pid)
            if _ours(pid):
                found.append(pid)
        if not found:
            break
        for pid in found:
            try:
                os.kill(pid, signal.SIGKILL)
                killed += 1
            except OSError:
                pass
        for pid in found:
            try:
                os.waitpid(pid, 0)  # our child now: collect it; a deeper one is collected by its parent
            except ChildProcessError:
                pass
    return killed
