"""Hostile trees: special files, huge files, odd notebooks, unreadable directories and
control characters end in a clear finding, never a hang, a traceback or a quiet pass.
Every case runs the real command in a subprocess."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile import TF1, assert_no_traceback, command, env, run

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX special files")


def codes(proc: subprocess.CompletedProcess) -> list:
    return [(f["filename"].replace(os.sep, "/"), f["code"]) for f in json.loads(proc.stdout)]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "good.py").write_text(TF1)
    return tmp_path


def test_fifo_is_reported_not_waited_on(tree):
    os.mkfifo(tree / "pipe.py")
    proc = run("check", ".", "--no-cache", "--output-format", "json", cwd=tree, timeout=30)
    assert_no_traceback(proc)
    assert proc.returncode == 1
    found = json.loads(proc.stdout)
    assert ("good.py", "TF102") in codes(proc)
    (pipe,) = [f for f in found if f["filename"] == "pipe.py"]
    assert pipe["code"] == "TF003" and "not a regular file" in pipe["message"]


def test_link_to_dev_zero_is_not_read(tree):
    os.symlink("/dev/zero", tree / "zero.py")
    proc = run("check", ".", "--no-cache", "--output-format", "json", cwd=tree, timeout=30)
    assert_no_traceback(proc)
    assert ("zero.py", "TF003") in codes(proc)
    assert ("good.py", "TF102") in codes(proc)


def test_file_over_the_size_cap_is_a_finding(tree):
    (tree / "pyproject.toml").write_text('[tool.tf2lint]\nmax-file-size = "20KB"\n')
    (tree / "big.py").write_text("import tensorflow as tf\n" + "x = tf.placeholder(tf.float32)\n" * 1000)
    proc = run("check", ".", "--no-cache", "--output-format", "json", cwd=tree, timeout=60)
    assert_no_traceback(proc)
    found = [f for f in json.loads(proc.stdout) if f["filename"] == "big.py"]
    assert [f["code"] for f in found] == ["TF008"]
    assert "20,480" in found[0]["message"] or "20 KB" in found[0]["message"]
    assert ("good.py", "TF102") in codes(proc)


def test_findings_per_file_are_capped(tree):
    (tree / "pyproject.toml").write_text("[tool.tf2lint]\nmax-findings-per-file = 50\n")
    (tree / "many.py").write_text("import tensorflow as tf\n" + "x = tf.placeholder(tf.float32)\n" * 400)
    proc = run("check", ".", "--no-cache", "--output-format", "json", cwd=tree, timeout=60)
    assert_no_traceback(proc)
    found = [f for f in json.loads(proc.stdout) if f["filename"] == "many.py"]
    assert len(found) == 51
    assert found[-1]["code"] == "TF010" and "400" in found[-1]["message"]


def test_notebook_with_a_huge_integer_is_tf006(tree):
    nb = '{"cells": [{"cell_type": "code", "source": "import tensorflow as tf", "x": ' + "9" * 5000 + "}]}"
    (tree / "huge.ipynb").write_text(nb)
    proc = run("check", ".", "--no-cache", "--output-format", "json", cwd=tree)
    assert_no_traceback(proc)
    assert proc.returncode == 1
    assert ("huge.ipynb", "TF006") in codes(proc)
    assert ("good.py", "TF102") in codes(proc)


def _without_permission_override():
    """As root, drop the capabilities that bypass file permissions (for this child only)."""
    if os.geteuid() != 0:
        return None

    def drop():
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        for cap in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, from the bounding set
            if libc.prctl(24, cap, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
                raise OSError(ctypes.get_errno(), "cannot drop capabilities")

    return drop


def test_unreadable_directory_is_tf003(tree):
    locked = tree / "locked"
    locked.mkdir()
    (locked / "hidden.py").write_text(TF1)
    locked.chmod(0)
    try:
        proc = subprocess.run(command("check", ".", "--no-cache", "--output-format", "json"), cwd=tree, env=env(),
                              capture_output=True, text=True, timeout=60, preexec_fn=_without_permission_override())
    finally:
        locked.chmod(0o755)
    assert_no_traceback(proc)
    found = codes(proc)
    assert ("locked", "TF003") in found, proc.stdout + proc.stderr
    assert ("good.py", "TF102") in found


def test_verbose_counts_unreadable_files_as_checked(tree, tmp_path):
    os.mkfifo(tree / "pipe.py")
    proc = run("check", ".", "-v", "--cache-dir", tmp_path / "cache", cwd=tree, timeout=30)
    assert_no_traceback(proc)
    assert "2 checked, 0 from cache" in proc.stderr, proc.stderr


CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")
HOSTILE = 'import tensorflow as tf\nopt = tf.train.AdamOptimizer(learning_rate="\x1b[2J\x9b1m")\n'


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_control_characters_never_reach_the_terminal(tree, fmt):
    (tree / "e\x1b[31mvil.py").write_text(HOSTILE)
    (tree / "plain.py").write_text(HOSTILE)
    proc = run("check", ".", "--no-cache", "--output-format", fmt, cwd=tree)
    assert_no_traceback(proc)
    assert proc.returncode == 1
    assert "AdamOptimizer" in proc.stdout
    assert not CONTROL.search(proc.stdout), repr(CONTROL.findall(proc.stdout))
    assert "\\x1b" in proc.stdout


def test_sarif_escapes_control_characters_in_text(tree):
    (tree / "plain.py").write_text(HOSTILE)
    proc = run("check", ".", "--no-cache", "--output-format", "sarif", cwd=tree)
    assert_no_traceback(proc)
    assert "\x1b" not in json.dumps(json.loads(proc.stdout), ensure_ascii=False)


def test_symlinked_cache_marker_is_not_followed(tree, tmp_path):
    cache = tree / ".tf2lint_cache"
    cache.mkdir()
    target = tmp_path / "outside" / "planted"
    target.parent.mkdir()
    os.symlink(target, cache / ".gitignore")
    (cache / "CACHEDIR.TAG").write_text("mine\n")
    proc = run("check", ".", cwd=tree)
    assert_no_traceback(proc)
    assert proc.returncode == 1
    assert not target.exists()
    assert (cache / "CACHEDIR.TAG").read_text() == "mine\n"


def test_star_import_of_contrib_slim_is_tf601(tree):
    (tree / "star.py").write_text("from tensorflow.contrib.slim import *\n")
    proc = run("check", "star.py", "--no-cache", "--output-format", "json", cwd=tree)
    assert ("star.py", "TF601") in codes(proc)


def test_class_level_self_alias_keeps_later_findings(tree):
    (tree / "cls.py").write_text(
        "import tensorflow as tf\n\nclass Model:\n    tf = tf\n    x = tf.placeholder(tf.float32)\n\n"
        "y = tf.placeholder(tf.float32)\n"
    )
    proc = run("check", "cls.py", "--no-cache", "--output-format", "json", cwd=tree)
    rows = [(f["location"]["row"], f["code"]) for f in json.loads(proc.stdout)]
    assert (5, "TF102") in rows and (7, "TF102") in rows


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="PEP 695 parses on Python 3.12+")
def test_pep695_syntax_names_the_python_it_needs(tree):
    (tree / "gen.py").write_text("import tensorflow as tf\n\ntype Vector = list[float]\n\ndef f[T](x: T) -> T:\n    return x\n")
    proc = run("check", "gen.py", "--no-cache", "--output-format", "json", cwd=tree)
    (finding,) = json.loads(proc.stdout)
    assert finding["code"] == "TF001" and "Python 3.12" in finding["message"]


def test_linted_code_is_never_imported_or_run(tree):
    marker = tree / "executed"
    plant = f"open({str(marker)!r}, 'a').write(__name__ + '\\n')\n"
    # A package named like TensorFlow in the working directory (first on sys.path under `-m`),
    # and modules whose import would run code.
    (tree / "tensorflow").mkdir()
    (tree / "tensorflow" / "__init__.py").write_text(plant)
    (tree / "model.py").write_text("import tensorflow as tf\n" + plant + "x = tf.placeholder(tf.float32)\n")
    (tree / "sitecustomize.py").write_text(plant)
    (tree / "conftest.py").write_text("import tensorflow as tf\n" + plant)
    for extra in ([], ["-j", "2"], ["--output-format", "sarif"], ["--write-baseline", "b.json"]):
        proc = run("check", ".", *extra, cwd=tree)
        assert_no_traceback(proc)
    assert not marker.exists(), marker.read_text()


def _snapshot(root: Path) -> dict:
    return {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in root.rglob("*")
            if p.is_file() and ".tf2lint_cache" not in p.parts}


def test_check_never_writes_the_checked_files(tree):
    (tree / "nb.ipynb").write_text(json.dumps({"cells": [{"cell_type": "code", "source": "import tensorflow as tf\ntf.Session()"}]}))
    (tree / "pyproject.toml").write_text("[tool.tf2lint]\n")
    before = _snapshot(tree)
    for extra in ([], ["-j", "2"], ["--output-format", "sarif"], ["--statistics", "--summary"]):
        proc = run("check", ".", *extra, cwd=tree)
        assert proc.returncode == 1, proc.stderr
    assert _snapshot(tree) == before
