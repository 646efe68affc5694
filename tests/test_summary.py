"""Migration progress: --summary per directory, per migration step and per family; --statistics per code."""

import io
import re

from tests.conftest import run_cli
from tf2lint.finding import Applicability, Edit, Finding, Fix, Position, Severity
from tf2lint.summary import format_summary, render_summary

SESSION = "import tensorflow as tf\nsess = tf.Session()\nx = tf.placeholder(tf.float32)\n"
VARIABLES = "import tensorflow as tf\nwith tf.variable_scope('a'):\n    w = tf.get_variable('w', [1])\n"
SYMBOLS = "import tensorflow as tf\ny = tf.log(2.0)\n"
CONTRIB = "import tensorflow as tf\nr = tf.contrib.layers.l2_regularizer(0.1)\n"
CLEAN = "import tensorflow as tf\nx = tf.constant(1)\n"


def make_project(root):
    for rel, source in [
        ("app/models/a.py", SESSION + VARIABLES),
        ("app/models/b.py", SESSION + SYMBOLS),
        ("app/models/clean.py", CLEAN),
        ("app/data/c.py", VARIABLES + CONTRIB),
        ("app/data/clean.py", CLEAN),
        ("tools/clean.py", CLEAN),
    ]:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source)


def rows(text):
    """{directory: [findings, files, flagged, step1..step5, --fix, --unsafe-fixes]} from the directory table."""
    table = text.split("By directory", 1)[1].split("By migration step", 1)[0]
    out = {}
    for line in table.strip().splitlines()[2:]:
        *numbers, directory = line.split()
        out[directory] = numbers
    return out


def step_rows(text):
    table = text.split("By migration step", 1)[1].split("By family", 1)[0]
    return {int(line.split()[0]): line.split()[1:6] for line in table.strip().splitlines()[2:]}


def test_summary_shows_what_remains_per_step_and_directory(tmp_path):
    make_project(tmp_path)
    result = run_cli("check", "--isolated", "--no-cache", "--summary", ".", cwd=tmp_path)
    assert result.returncode == 1
    text = result.stdout
    assert "Migration summary: 10 findings in 3 of 6 files (50%)." in text
    # tf.log -> tf.math.log (safe); l2_regularizer(0.1) -> tf.keras.regularizers.L2(0.05) (unsafe)
    assert "--fix would clear 1, --unsafe-fixes 2; 8 need a person." in text
    header = re.search(
        r"^findings\s+files\s+flagged\s+step1\s+step2\s+step3\s+step4\s+step5\s+--fix\s+--unsafe-fixes\s+directory$", text, re.M
    )
    assert header, text
    table = rows(text)
    assert list(table) == ["app/models", "app/data"]  # most findings first; tools/ is clean
    assert table["app/models"] == ["7", "3", "2", "1", ".", "6", ".", ".", "1", "1"]
    assert table["app/data"] == ["3", "2", "1", ".", "1", "2", ".", ".", "0", "1"]
    steps = step_rows(text)
    assert steps[1] == ["1", "10.0%", "1", "1", "1"]
    assert steps[2] == ["1", "10.0%", "1", "0", "1"]
    assert steps[3] == ["8", "80.0%", "3", "0", "0"]
    assert steps[4][0] == steps[5][0] == "0"
    assert "Run the forward pass eagerly: variables, collections, sessions" in text
    family = text.split("By family:", 1)[1]
    assert re.search(r"TF1xx\s+4\s+40\.0%\s+in 2 files\s+Graph and session", family)
    assert re.search(r"TF2xx\s+4\s+40\.0%\s+in 2 files\s+Variables, collections and layers", family)


def _finding(code, filename, applicability=None):
    fix = None
    if applicability is not None:
        fix = Fix(applicability, (Edit(Position(1, 0), Position(1, 1), "x"),), "rewrite")
    return Finding(code, "s", "m", "r", Severity.ERROR, filename, Position(1, 0), Position(1, 1), fix=fix)


def test_summary_counts_what_fix_and_unsafe_fixes_would_clear(tmp_path):
    findings = [
        _finding("TF902", str(tmp_path / "a" / "x.py"), Applicability.SAFE.value),
        _finding("TF903", str(tmp_path / "a" / "x.py"), Applicability.UNSAFE.value),
        _finding("TF701", str(tmp_path / "a" / "y.py"), Applicability.UNSAFE.value),
        _finding("TF101", str(tmp_path / "b" / "z.py"), Applicability.DISPLAY_ONLY.value),
        _finding("TF990", str(tmp_path / "b" / "z.py")),
    ]
    text = format_summary(findings, sorted({f.filename for f in findings}), root=str(tmp_path))
    assert "--fix would clear 1, --unsafe-fixes 3; 2 need a person." in text
    table = rows(text)
    assert table["a"] == ["3", "2", "2", "2", ".", ".", "1", ".", "1", "3"]
    assert table["b"] == ["2", "1", "1", ".", ".", "1", ".", "1", "0", "0"]
    steps = step_rows(text)
    assert steps[1] == ["2", "40.0%", "1", "1", "2"]  # display-only fixes are never applied
    assert steps[4] == ["1", "20.0%", "1", "0", "1"]
    assert steps[5] == ["1", "20.0%", "1", "0", "0"]


def test_summary_goes_to_stderr_with_machine_readable_output(tmp_path):
    make_project(tmp_path)
    result = run_cli("check", "--isolated", "--no-cache", "--summary", "--output-format", "json", ".", cwd=tmp_path)
    assert result.stdout.lstrip().startswith("[")
    assert "Migration summary: 10 findings" in result.stderr


def test_statistics_print_only_the_count_per_code(tmp_path):
    make_project(tmp_path)
    result = run_cli("check", "--isolated", "--no-cache", "--statistics", ".", cwd=tmp_path)
    lines = [line.split() for line in result.stdout.splitlines()]
    assert all(re.match(r"^\d+$", n) and re.match(r"^TF\d{3}$", code) for n, code, _ in lines), result.stdout
    assert [(n, code) for n, code, _ in lines] == [
        ("2", "TF101"), ("2", "TF102"), ("2", "TF201"), ("2", "TF202"), ("1", "TF602"), ("1", "TF902")
    ]
    assert result.returncode == 1


def test_clean_tree_summary():
    out = io.StringIO()
    render_summary([], ["a.py", "b.py"], out)
    assert out.getvalue() == "Migration summary: 0 findings in 0 of 2 files (0%).\n"


def test_directories_outside_the_root_are_absolute(tmp_path):
    f = Finding("TF101", "tf1-session", "m", "r", Severity.ERROR, str(tmp_path / "x" / "a.py"), Position(1, 0), Position(1, 1))
    out = io.StringIO()
    render_summary([f], [f.filename], out, root=str(tmp_path / "elsewhere"))
    assert rows(out.getvalue()) == {(tmp_path / "x").as_posix(): ["1", "1", "1", ".", ".", "1", ".", ".", "0", "0"]}
