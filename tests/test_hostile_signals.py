"""Signals and dead workers: the worker processes never outlive the run, a killed worker
ends the run with exit 2 naming the file, and an interrupted run leaves no partial report."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.hostile import alive, assert_no_traceback, children, command, env, kill_all, wait_for

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the process tree from /proc")

BODY = "import tensorflow as tf\n" + "".join(
    f"def f{i}(x):\n    v = tf.get_variable('v{i}', [1])\n    return tf.placeholder(tf.float32) + v\n" for i in range(400)
)


@pytest.fixture(scope="module")
def heavy(tmp_path_factory) -> Path:
    """Enough work that two workers are still busy for many seconds."""
    root = tmp_path_factory.mktemp("heavy")
    for i in range(80):
        (root / f"m{i:03d}.py").write_text(BODY)
    return root


def _start(tree: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(command("check", ".", "--no-cache", "-j", "2", *extra), cwd=tree, env=env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _workers(proc: subprocess.Popen) -> list:
    assert wait_for(lambda: len(children(proc.pid)) >= 2, timeout=60), "workers never started"
    time.sleep(0.3)
    return children(proc.pid)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGKILL])
def test_signal_to_the_main_process_leaves_no_worker_behind(heavy, sig):
    proc = _start(heavy)
    workers = _workers(proc)
    try:
        proc.send_signal(sig)
        proc.communicate(timeout=30)
        assert wait_for(lambda: not any(alive(pid) for pid in workers), timeout=10), "orphaned workers"
        if sig != signal.SIGKILL:
            assert proc.returncode != 0
    finally:
        kill_all(workers)
        proc.kill()


def test_killed_worker_is_exit_2_naming_the_file(heavy):
    proc = _start(heavy)
    workers = _workers(proc)
    try:
        os.kill(workers[0], signal.SIGKILL)
        out, err = proc.communicate(timeout=60)
        assert_no_traceback(subprocess.CompletedProcess(proc.args, proc.returncode, out, err))
        assert proc.returncode == 2, err
        assert "worker" in err and "m0" in err and ".py" in err, err
    finally:
        kill_all(workers)
        proc.kill()


def test_interrupted_run_leaves_no_partial_report(heavy, tmp_path):
    report = tmp_path / "report.json"
    report.write_text("previous\n")
    proc = _start(heavy, "--output-format", "json", "-o", str(report))
    workers = _workers(proc)
    try:
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=30)
        assert proc.returncode != 0
        assert report.read_text() == "previous\n"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]
    finally:
        kill_all(workers)
        proc.kill()
