"""Migration progress: --summary per directory and family, --statistics per code."""

import io
import re

from tests.conftest import run_cli
from tf2lint.finding import Finding, Position, Severity
from tf2lint.summary import render_summary

SESSION = "import tensorflow as tf\nsess = tf.Session()\nx = tf.placeholder(tf.float32)\n"
VARIABLES = "import tensorflow as tf\nwith tf.variable_scope('a'):\n    w = tf.get_variable('w', [1])\n"
CLEAN = "import tensorflow as tf\nx = tf.constant(1)\n"


def make_project(root):
    for rel, source in [
        ("app/models/a.py", SESSION + VARIABLES),
        ("app/models/b.py", SESSION),
        ("app/models/clean.py", CLEAN),
        ("app/data/c.py", VARIABLES),
        ("app/data/clean.py", CLEAN),
        ("tools/clean.py", CLEAN),
    ]:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source)


def rows(text):
    """{directory: [findings, files, flagged, per-family...]} from the directory table."""
    table = text.split("By directory", 1)[1].split("By family", 1)[0]
    out = {}
    for line in table.strip().splitlines()[2:]:
        *numbers, directory = line.split()
        out[directory] = numbers
    return out


def test_summary_shows_where_findings_are_concentrated(tmp_path):
    make_project(tmp_path)
    result = run_cli("check", "--isolated", "--no-cache", "--summary", ".", cwd=tmp_path)
    assert result.returncode == 1
    text = result.stdout
    assert "Migration summary: 8 findings in 3 of 6 files (50%)." in text
    header = re.search(r"^findings\s+files\s+flagged\s+TF1xx\s+TF2xx\s+directory$", text, re.M)
    assert header, text
    table = rows(text)
    assert list(table) == ["app/models", "app/data"]  # most findings first; tools/ is clean
    assert table["app/models"] == ["6", "3", "2", "4", "2"]
    assert table["app/data"] == ["2", "2", "1", ".", "2"]
    family = text.split("By family:", 1)[1]
    assert re.search(r"TF1xx\s+4\s+50\.0%\s+in 2 files\s+Graph and session", family)
    assert re.search(r"TF2xx\s+4\s+50\.0%\s+in 2 files\s+Variables, collections and layers", family)


def test_summary_goes_to_stderr_with_machine_readable_output(tmp_path):
    make_project(tmp_path)
    result = run_cli("check", "--isolated", "--no-cache", "--summary", "--output-format", "json", ".", cwd=tmp_path)
    assert result.stdout.lstrip().startswith("[")
    assert "Migration summary: 8 findings" in result.stderr


def test_statistics_count_per_code(tmp_path):
    make_project(tmp_path)
    result = run_cli("check", "--isolated", "--no-cache", "--statistics", ".", cwd=tmp_path)
    lines = [line.split() for line in result.stdout.splitlines() if re.match(r"^\s+\d+\s+TF\d{3}\s", line)]
    assert [(n, code) for n, code, _ in lines] == [("2", "TF101"), ("2", "TF102"), ("2", "TF201"), ("2", "TF202")]


def test_clean_tree_summary():
    out = io.StringIO()
    render_summary([], ["a.py", "b.py"], out)
    assert out.getvalue() == "Migration summary: 0 findings in 0 of 2 files (0%).\n"


def test_directories_outside_the_root_are_absolute(tmp_path):
    f = Finding("TF101", "tf1-session", "m", "r", Severity.ERROR, str(tmp_path / "x" / "a.py"), Position(1, 0), Position(1, 1))
    out = io.StringIO()
    render_summary([f], [f.filename], out, root=str(tmp_path / "elsewhere"))
    assert rows(out.getvalue()) == {(tmp_path / "x").as_posix(): ["1", "1", "1", "1"]}
