"""The baseline ratchet: known findings hidden, new ones reported, fixed ones counted."""

import json

import pytest

from tests.conftest import run_cli
from tests.test_notebook import notebook
from tf2lint.baseline import dumps, identities, load, make_entries
from tf2lint.config import Config
from tf2lint.engine import lint_source

LEGACY = """\
import tensorflow as tf


def build():
    x = tf.placeholder(tf.float32, [None, 3])
    y = tf.placeholder(tf.int32, [None])
    return x, y


class Trainer:
    def run(self):
        with tf.Session() as sess:
            sess.run([train_op, tf.global_variables_initializer()])
"""


def check(tmp_path, *args):
    return run_cli("check", "--isolated", "--no-cache", *args, cwd=tmp_path)


@pytest.fixture
def repo(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "legacy.py").write_text(LEGACY)
    (tmp_path / "src" / "other.py").write_text("import tensorflow as tf\nsess = tf.Session()\n")
    written = check(tmp_path, "--write-baseline", "tf2lint-baseline.json", "src")
    assert written.returncode == 0, written.stderr
    assert "wrote 6 findings to tf2lint-baseline.json" in written.stderr
    return tmp_path


def test_baseline_file_is_sorted_relative_and_one_entry_per_line(repo):
    text = (repo / "tf2lint-baseline.json").read_text()
    data = json.loads(text)
    assert data["version"] == 1
    entries = data["findings"]
    assert {e["path"] for e in entries} == {"src/legacy.py", "src/other.py"}
    keys = [(e["path"], e["code"], e["scope"], e["source"], e["occurrence"], e["fingerprint"]) for e in entries]
    assert keys == sorted(keys)
    assert ("src/legacy.py", "TF101", "Trainer.run", "tf.Session()", 0) in [k[:5] for k in keys]
    assert "line" not in text and "row" not in text
    assert len(text.splitlines()) == len(entries) + 6  # one line per finding
    # Writing again gives identical bytes.
    check(repo, "--write-baseline", "again.json", "src")
    assert (repo / "again.json").read_text() == text


def test_known_findings_are_hidden(repo):
    result = check(repo, "--baseline", "tf2lint-baseline.json", "src")
    assert result.returncode == 0, result.stdout
    assert "All checks passed" in result.stdout
    assert "6 known findings hidden." in result.stderr
    assert "fixed" not in result.stderr


def test_inserted_lines_above_keep_findings_known_and_a_new_one_is_reported(repo):
    legacy = repo / "src" / "legacy.py"
    source = legacy.read_text()
    # Ten lines above everything, and a new placeholder in build() above the two known ones.
    source = '"""Module docs."""\n' + "import os\n" * 9 + source
    source = source.replace("    x = tf.placeholder(", "    z = tf.placeholder(tf.bool)\n    x = tf.placeholder(")
    legacy.write_text(source)
    result = check(repo, "--baseline", "tf2lint-baseline.json", "--output-format", "json", "src")
    assert result.returncode == 1
    new = json.loads(result.stdout)
    assert [(i["filename"], i["location"]["row"], i["code"]) for i in new] == [("src/legacy.py", 15, "TF102")]
    assert "6 known findings hidden." in result.stderr


def test_fixed_entries_are_counted(repo):
    (repo / "src" / "other.py").write_text("import tensorflow as tf\n")
    legacy = repo / "src" / "legacy.py"
    legacy.write_text(legacy.read_text().replace("    y = tf.placeholder(tf.int32, [None])\n", ""))
    result = check(repo, "--baseline", "tf2lint-baseline.json", "src")
    assert result.returncode == 0
    assert "4 known findings hidden; 2 baseline entries fixed: run with --write-baseline" in result.stderr


def test_deleted_file_entries_count_as_fixed_and_unchecked_files_do_not(repo):
    (repo / "src" / "other.py").unlink()
    result = check(repo, "--baseline", "tf2lint-baseline.json", "src/legacy.py")
    assert "5 known findings hidden; 1 baseline entry fixed" in result.stderr
    (repo / "src" / "other.py").write_text("import tensorflow as tf\nsess = tf.Session()\n")
    result = check(repo, "--baseline", "tf2lint-baseline.json", "src/legacy.py")
    assert result.stderr.strip().endswith("5 known findings hidden.")


def test_paths_are_relative_to_the_baseline_file_not_the_working_directory(repo):
    result = run_cli("check", "--isolated", "--no-cache", "--baseline", "../tf2lint-baseline.json", ".", cwd=repo / "src")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "6 known findings hidden." in result.stderr


def test_unusable_baseline_is_a_usage_error(repo):
    (repo / "bad.json").write_text('{"version": 99, "findings": []}')
    result = check(repo, "--baseline", "bad.json", "src")
    assert result.returncode == 2
    assert "bad.json: not a tf2lint baseline" in result.stderr
    assert check(repo, "--baseline", "missing.json", "src").returncode == 2


def test_baseline_and_write_baseline_are_exclusive(repo):
    result = check(repo, "--baseline", "a.json", "--write-baseline", "b.json", "src")
    assert result.returncode == 2
    assert "not allowed with" in result.stderr


def test_identities_ignore_line_numbers_and_number_duplicates():
    source = "import tensorflow as tf\n\nclass A:\n    def f(self):\n        a = tf.Session(); a = tf.Session()\n"
    findings = lint_source(source, "a.py", Config())
    ids = identities(source.encode(), "a.py", findings)
    assert [(i.scope, i.source, i.occurrence) for i in ids] == [("A.f", "tf.Session()", 0), ("A.f", "tf.Session()", 1)]
    moved = "\n\n\n" + source
    assert [i.fingerprint for i in identities(moved.encode(), "a.py", lint_source(moved, "a.py", Config()))] == [
        i.fingerprint for i in ids
    ]


def test_whitespace_changes_keep_the_fingerprint_and_code_changes_do_not():
    def fingerprint(source):
        findings = lint_source(source, "a.py", Config())
        return identities(source.encode(), "a.py", findings)[0].fingerprint

    base = fingerprint("import tensorflow as tf\nx = tf.placeholder(tf.float32)\n")
    assert fingerprint("import tensorflow as tf\nx = tf.placeholder( tf.float32 )\n") == base
    assert fingerprint("import tensorflow as tf\nx = tf.placeholder(tf.int32)\n") != base
    assert fingerprint("import tensorflow as tf\ndef f():\n    x = tf.placeholder(tf.float32)\n") != base


def test_notebook_findings_in_a_baseline(tmp_path):
    nb = notebook(("code", "import tensorflow as tf\n"), ("code", "sess = tf.Session()\n"))
    (tmp_path / "nb.ipynb").write_bytes(nb)
    assert check(tmp_path, "--write-baseline", "b.json", ".").returncode == 0
    (entry,) = load(str(tmp_path / "b.json"))
    assert (entry.path, entry.code, entry.source) == ("nb.ipynb", "TF101", "tf.Session()")
    # A cell inserted above keeps the finding known.
    data = json.loads(nb)
    data["cells"].insert(0, {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None, "source": ["x = 1\n"]})
    (tmp_path / "nb.ipynb").write_text(json.dumps(data))
    result = check(tmp_path, "--baseline", "b.json", ".")
    assert result.returncode == 0, result.stdout
    assert "1 known finding hidden." in result.stderr


def test_empty_baseline_round_trips(tmp_path):
    text = dumps(make_entries([], str(tmp_path)))
    (tmp_path / "b.json").write_text(text)
    assert json.loads(text) == {"version": 1, "tool": "tf2lint", "findings": []}
    assert load(str(tmp_path / "b.json")) == []
