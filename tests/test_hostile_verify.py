"""`tf2lint verify` with hostile sample files: loaded in a child process, each side in its
own process group with a per-side timeout, a minimal environment and a private temporary
directory; nothing outlives the run, and a load error is exit 2 with the message."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.conftest import tensorflow_python
from tests.hostile import alive, assert_no_traceback, command, env

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="process groups and /proc")


def _write(path: Path, body: str) -> Path:
    path.write_text(textwrap.dedent(body))
    return path


def test_samples_are_never_imported_in_the_main_process(tmp_path):
    marker = tmp_path / "imported-by"
    samples = _write(tmp_path / "samples.py", f"""
        import os
        from tf2lint.verify.pairs import Pair
        with open({str(marker)!r}, "a") as handle:
            handle.write(f"{{os.getpid()}}\\n")
        def side(workdir):
            return {{"x": 1.0}}
        PAIRS = [Pair("listed", ("TF101",), side, side, "a number")]
    """)
    proc = subprocess.Popen(command("verify", "--samples", samples, "--list"), env=env(), cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert "listed" in out
    pids = marker.read_text().split()
    assert pids and str(proc.pid) not in pids


@pytest.mark.parametrize("body, words", [
    ("raise RuntimeError('sample setup exploded')\n", ["RuntimeError", "sample setup exploded"]),
    ("import os\nos._exit(7)\n", ["exit"]),
    ("PAIRS = 5\n", ["PAIRS"]),
    ("def broken(:\n", ["SyntaxError"]),
])
def test_sample_load_errors_are_exit_2_with_the_message(tmp_path, body, words):
    samples = _write(tmp_path / "samples.py", body)
    proc = subprocess.run(command("verify", "--samples", samples, "--list"), env=env(), cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert_no_traceback(proc)
    assert proc.returncode == 2
    for word in words:
        assert word in proc.stderr, proc.stderr
    assert "samples.py" in proc.stderr


def test_sample_that_hangs_on_import_is_stopped(tmp_path):
    samples = _write(tmp_path / "samples.py", "import time\ntime.sleep(600)\n")
    started = time.monotonic()
    proc = subprocess.run(command("verify", "--samples", samples, "--list", "--timeout", "3"), env=env(), cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "timed out" in proc.stderr, proc.stderr
    assert time.monotonic() - started < 60


def test_sides_run_contained(tmp_path):
    python = tensorflow_python("the verify tests", current_first=True)
    pidfile = tmp_path / "grandchild.pid"
    samples = _write(tmp_path / "samples.py", f"""
        import os
        import subprocess
        import sys
        import tempfile
        import time

        from tf2lint.verify.pairs import Pair

        def contained(workdir):
            tmp = tempfile.gettempdir()
            return {{
                "leaked": float("TF2LINT_SECRET" in os.environ),
                "private_tmp": float(tmp != "/tmp" and "tf2lint" in tmp and os.access(tmp, os.W_OK)),
            }}

        def expected(workdir):
            return {{"leaked": 0.0, "private_tmp": 1.0}}

        def escape(workdir):
            child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"], start_new_session=True)
            with open({str(pidfile)!r}, "w") as handle:
                handle.write(str(child.pid))
            return {{"x": 1.0}}

        def one(workdir):
            return {{"x": 1.0}}

        def hang(workdir):
            time.sleep(600)
            return {{"x": 1.0}}

        PAIRS = [
            Pair("a_contained", ("TF101",), expected, contained, "environment"),
            Pair("b_escape", ("TF101",), escape, one, "a number"),
            Pair("m_hang", ("TF101",), one, hang, "a number"),
            Pair("z_after", ("TF101",), one, one, "a number"),
        ]
    """)
    started = time.monotonic()
    proc = subprocess.run([python, "-m", "tf2lint", "verify", "--samples", str(samples), "--output-format", "json",
                           "--no-progress", "--timeout", "25"],
                          env=env(TF2LINT_SECRET="1"), cwd=tmp_path, capture_output=True, text=True, timeout=400)
    elapsed = time.monotonic() - started
    records = {r["pair"]: r for r in json.loads(proc.stdout)}
    assert records["a_contained"]["verdict"] == "confirmed", records["a_contained"]
    assert records["b_escape"]["verdict"] == "confirmed", records["b_escape"]
    assert records["m_hang"]["verdict"] == "failed" and "timed out after 25 s" in records["m_hang"]["detail"]
    # The sides queued behind the one that hung still run, in a fresh worker.
    assert records["z_after"]["verdict"] == "confirmed", records["z_after"]
    assert elapsed < 300
    grandchild = int(pidfile.read_text())
    assert not alive(grandchild), "a sample's grandchild outlived the run"
