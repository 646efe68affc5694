"""Broken configuration, cache, baseline and output state: a clear finding, a cache miss
or exit 2 with a message, never a traceback and never a quiet pass."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.hostile import TF1, assert_no_traceback, command, env, run


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    (root / "good.py").write_text(TF1)
    (root / "other.py").write_text("import tensorflow as tf\ns = tf.Session()\n")
    return root


def _config(tree: Path, body: str) -> Path:
    path = tree / "pyproject.toml"
    path.write_text("[tool.tf2lint]\n" + body)
    return path


# ----- configuration -------------------------------------------------------------------

@pytest.mark.parametrize(
    "body, words",
    [
        ('select = ["TF999"]\n', ["TF999", "pyproject.toml", "select"]),
        ("select = []\n", ["selects no rule", "pyproject.toml"]),
        ('ignore = ["TF1O1"]\n', ["TF1O1", "ignore"]),
        ('extend-select = ["TF98"]\n', ["TF98", "extend-select"]),
        ('[tool.tf2lint.per-file-ignores]\n"tests/*" = ["TF77"]\n', ["TF77", "per-file-ignores"]),
        ("target-version = 2.20\n", ["quote", '"2.20"']),
    ],
    ids=["unknown-select", "empty-select", "unknown-ignore", "unknown-extend-select", "unknown-per-file", "float-target"],
)
def test_config_that_would_select_nothing_or_misread_is_exit_2(tree, body, words):
    _config(tree, body)
    proc = run("check", ".", "--no-cache", cwd=tree)
    assert_no_traceback(proc)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "All checks passed" not in proc.stdout
    for word in words:
        assert word in proc.stderr, proc.stderr


def test_tool_that_is_not_a_table_is_exit_2(tree):
    (tree / "pyproject.toml").write_text("tool = 5\n")
    proc = run("check", ".", "--no-cache", "--config", tree / "pyproject.toml", cwd=tree)
    assert_no_traceback(proc)
    assert proc.returncode == 2 and "tool" in proc.stderr


def test_tool_that_is_not_a_table_found_by_search_is_ignored_or_exit_2(tree):
    (tree / "pyproject.toml").write_text("tool = 5\n")
    proc = run("check", ".", "--no-cache", cwd=tree)
    assert_no_traceback(proc)
    assert proc.returncode in (1, 2)


def test_non_utf8_pyproject_holding_our_table_is_exit_2(tree):
    (tree / "pyproject.toml").write_bytes(b'[tool.tf2lint]\n# caf\xe9\nselect = ["TF1"]\n')
    proc = run("check", ".", "--no-cache", cwd=tree)
    assert_no_traceback(proc)
    assert proc.returncode == 2 and "pyproject.toml" in proc.stderr and "UTF-8" in proc.stderr


@pytest.mark.parametrize("flag", [["--select", ""], ["--select", "XYZ"], ["--select", "TF999"], ["--ignore", "TF99X"]])
def test_command_line_selection_errors_name_the_flag_not_the_file(tree, flag):
    _config(tree, 'select = ["TF1"]\n')
    proc = run("check", ".", "--no-cache", *flag, cwd=tree)
    assert_no_traceback(proc)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert flag[0] in proc.stderr and "pyproject.toml" not in proc.stderr, proc.stderr


def test_known_prefixes_and_opt_in_codes_stay_valid(tree):
    _config(tree, 'select = ["TF1", "TF990"]\nignore = ["TF0"]\n')
    proc = run("check", ".", "--no-cache", cwd=tree)
    assert proc.returncode == 1, proc.stderr


# ----- cache -----------------------------------------------------------------------------

def _results(tree: Path) -> Path:
    (path,) = (tree / ".tf2lint_cache").glob("results-*.json")
    return path


@pytest.mark.parametrize("tamper", ["empty-list", "wrong-types", "bad-severity", "rows-not-lists"])
def test_tampered_cache_entry_is_a_miss(tree, tamper):
    clean = run("check", ".", "--output-format", "json", cwd=tree)
    assert clean.returncode == 1
    path = _results(tree)
    data = json.loads(path.read_text())
    key = next(k for k in data["files"] if k.endswith("good.py"))
    entry = data["files"][key]
    data["files"][key] = {
        "empty-list": [],
        "wrong-types": [entry[0], [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]], None],
        "bad-severity": [entry[0], [[*entry[1][0][:4], "catastrophic", *entry[1][0][5:]]], None],
        "rows-not-lists": [entry[0], "findings", None],
    }[tamper]
    path.write_text(json.dumps(data))
    for _ in range(2):  # and on the run after
        again = run("check", ".", "--output-format", "json", cwd=tree)
        assert_no_traceback(again)
        assert again.returncode == 1
        assert json.loads(again.stdout) == json.loads(clean.stdout)


# ----- baseline --------------------------------------------------------------------------

INFINITY = '{"version": 1, "findings": [{"path": "a.py", "code": "TF1", "fingerprint": "x", "occurrence": Infinity}]}'


@pytest.mark.parametrize("content", [INFINITY, "[" * 100_000 + "]" * 100_000], ids=["infinity", "nested"])
def test_hostile_baseline_is_exit_2(tree, content):
    (tree / "base.json").write_text(content)
    proc = run("check", ".", "--no-cache", "--baseline", "base.json", cwd=tree)
    assert_no_traceback(proc)
    assert proc.returncode == 2 and "base.json" in proc.stderr


def test_moved_baseline_says_it_looks_moved(tree):
    assert run("check", ".", "--no-cache", "--write-baseline", "base.json", cwd=tree).returncode == 0
    (tree / "elsewhere").mkdir()
    os.replace(tree / "base.json", tree / "elsewhere" / "base.json")
    proc = run("check", ".", "--no-cache", "--baseline", "elsewhere/base.json", cwd=tree)
    assert_no_traceback(proc)
    assert "fixed" not in proc.stderr and "moved" in proc.stderr, proc.stderr


def test_file_that_stops_parsing_keeps_its_baseline_entries(tree):
    assert run("check", ".", "--no-cache", "--write-baseline", "base.json", cwd=tree).returncode == 0
    (tree / "good.py").write_text(TF1 + "def broken(:\n")
    proc = run("check", ".", "--no-cache", "--baseline", "base.json", cwd=tree)
    assert_no_traceback(proc)
    assert "fixed" not in proc.stderr, proc.stderr
    assert "TF001" in proc.stdout


# ----- output ----------------------------------------------------------------------------

def test_output_into_a_missing_directory_fails_before_linting(tree):
    proc = run("check", ".", "--no-cache", "-o", "nowhere/report.json", cwd=tree)
    assert_no_traceback(proc)
    assert proc.returncode == 2 and "nowhere/report.json" in proc.stderr
    assert not (tree / ".tf2lint_cache").exists()  # nothing was linted


def test_output_file_is_whole_or_absent(tree):
    proc = run("check", ".", "--no-cache", "--output-format", "json", "-o", "report.json", cwd=tree)
    assert proc.returncode == 1
    assert len(json.loads((tree / "report.json").read_text())) == 2
    assert [p.name for p in tree.iterdir() if p.name.startswith(".report")] == []


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_full_device_is_exit_2(tree):
    with open("/dev/full", "w") as full:
        proc = subprocess.run(command("check", ".", "--no-cache"), cwd=tree, env=env(), stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=60)
    assert_no_traceback(proc)
    assert proc.returncode == 2 and "No space left" in proc.stderr


def test_closed_stdout_is_not_a_traceback(tree):
    proc = subprocess.run(command("check", ".", "--no-cache"), cwd=tree, env=env(), stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, timeout=60, close_fds=True,
                          preexec_fn=lambda: os.close(1))
    assert_no_traceback(proc)
    assert proc.returncode == 2, proc.stderr


def test_unexpected_exception_is_internal_error_exit_2(tree, tmp_path):
    # A planted module that shadows one tf2lint imports late makes the run fail inside tf2lint.
    plant = tmp_path / "plant"
    (plant / "tf2lint_plant").mkdir(parents=True)
    (plant / "sitecustomize.py").write_text(
        "import tf2lint.output.text as t\n"
        "def boom(*a, **k):\n    raise ZeroDivisionError('planted')\n"
        "t.render = boom\n"
        "import tf2lint.output as o\n"
        "o.RENDERERS['text'] = boom\n"
    )
    proc = subprocess.run(command("check", ".", "--no-cache"), cwd=tree, capture_output=True, text=True, timeout=60,
                          env=env(PYTHONPATH=f"{plant}{os.pathsep}{env()['PYTHONPATH']}"))
    assert proc.returncode == 2, proc.stderr
    assert "internal error" in proc.stderr and "report" in proc.stderr and "ZeroDivisionError" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_recursion_error_in_one_rule_keeps_the_other_findings(monkeypatch):
    from tf2lint.config import Config
    from tf2lint.engine import lint_source, rule_set
    from tf2lint.registry import rule_by_code

    def deep(self, node, ctx):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(rule_by_code("TF103"), "check", deep)
    rule_set.cache_clear()
    try:
        found = lint_source("import tensorflow as tf\ns = tf.Session()\ns.run(1)\nx = tf.placeholder(tf.float32)\n", "f.py", Config())
    finally:
        rule_set.cache_clear()
    found_codes = [f.code for f in found]
    assert "TF101" in found_codes and "TF102" in found_codes and "TF004" not in found_codes
    assert any(f.code == "TF009" and "TF103" in f.message and "RecursionError" in f.message for f in found)

