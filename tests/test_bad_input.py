"""Bad input becomes a one-line TF0xx finding; the run goes on and nothing is lost."""

import json
import os

import pytest

from tests.conftest import run_cli

GOOD = b"import tensorflow as tf\nx = tf.placeholder(tf.float32)\n"

CASES = {
    "py2_print.py": (b"import tensorflow as tf\nprint 'hello'\n", "TF001", "Python 2"),
    "py2_except.py": (b"import tensorflow as tf\ntry:\n    pass\nexcept ValueError, e:\n    pass\n", "TF001", "Python 2"),
    "truncated.py": (b"import tensorflow as tf\nx = tf.placeholder(\n", "TF001", "never closed"),
    "undecodable.py": (b"import tensorflow as tf\ns = '\xff\xfe'\n", "TF002", "cannot decode"),
    "bad_cookie.py": (b"# -*- coding: no-such-codec -*-\nimport tensorflow as tf\n", "TF002", "no-such-codec"),
    "nul.py": (b"import tensorflow as tf\nx = 1\x00\n", "TF005", "NUL"),
    "deep.py": (b"import tensorflow as tf\nx = " + b"+".join([b"1"] * 100000) + b"\n", "TF004", "nested too deeply"),
    "parens.py": (b"import tensorflow as tf\nx = " + b"[" * 1000 + b"]" * 1000 + b"\n", "TF001", "nested"),
}


@pytest.fixture(scope="module")
def bad_tree(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad")
    for name, (data, _, _) in CASES.items():
        (root / name).write_bytes(data)
    (root / "a_good.py").write_bytes(GOOD)
    (root / "z_good.py").write_bytes(GOOD)
    (root / "latin1.py").write_bytes(b"# -*- coding: latin-1 -*-\nimport tensorflow as tf\ns = 'caf\xe9'\nx = tf.placeholder(tf.float32)\n")
    (root / "bom.py").write_bytes(b"\xef\xbb\xbf" + GOOD)
    (root / "not_tf.py").write_bytes(b"\xff\xfe garbage that never mentions the library\n")
    (root / "dir.py").mkdir()
    (root / "dir.py" / "inner.py").write_bytes(GOOD)
    return root


@pytest.fixture(scope="module")
def report(bad_tree):
    result = run_cli("check", "--output-format", "json", bad_tree)
    assert "Traceback" not in result.stderr
    assert result.returncode == 1
    return {(os.path.relpath(f["filename"], bad_tree), f["code"]): f for f in json.loads(result.stdout)}


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_bad_file_is_one_clear_finding(report, name):
    _, code, needle = CASES[name]
    hits = [f for (fname, c), f in report.items() if fname == name]
    assert [f["code"] for f in hits] == [code]
    assert needle in hits[0]["message"]
    assert "\n" not in hits[0]["message"]


def test_good_files_around_bad_ones_keep_their_findings(report):
    for name in ("a_good.py", "z_good.py", "latin1.py", "bom.py", os.path.join("dir.py", "inner.py")):
        assert (name, "TF102") in report, name


def test_file_without_tensorflow_is_skipped_unparsed(report):
    assert not [k for k in report if k[0] == "not_tf.py"]


def test_syntax_error_points_at_the_line(report):
    finding = report[("truncated.py", "TF001")]
    assert finding["location"]["row"] == 2
    assert report[("undecodable.py", "TF002")]["location"]["row"] == 2


def test_python3_syntax_error_is_not_called_python2(report):
    assert "Python 2" not in report[("truncated.py", "TF001")]["message"]


def test_directory_named_like_a_python_file(bad_tree):
    result = run_cli("check", "--output-format", "json", bad_tree / "dir.py", bad_tree / "a_good.py")
    codes = sorted((os.path.basename(f["filename"]), f["code"]) for f in json.loads(result.stdout))
    assert codes == [("a_good.py", "TF102"), ("dir.py", "TF003")]


def test_unreadable_file_through_the_engine(tmp_path, monkeypatch):
    """The read error path itself, independent of who runs the tests."""
    from tf2lint.config import Config
    from tf2lint.engine import lint_path

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("builtins.open", refuse)
    [finding] = lint_path(str(tmp_path / "x.py"), Config())
    assert finding.code == "TF003" and "Permission denied" in finding.message


def test_internal_rule_error_becomes_tf009_and_keeps_other_findings(monkeypatch):
    from tf2lint.config import Config
    from tf2lint.engine import lint_source
    from tf2lint.rules.tf1_graph_session import SessionRule

    def boom(self, node, ref, key, ctx):
        raise ValueError("boom")

    monkeypatch.setattr(SessionRule, "on_reference", boom)
    found = lint_source("import tensorflow as tf\ns = tf.Session()\nx = tf.placeholder(1)\n", "f.py", Config())
    # The crash never displaces another rule's finding: the generic rename rule still reports the line.
    assert [(f.code, f.start.row) for f in found] == [("TF009", 2), ("TF901", 2), ("TF102", 3)]
    assert "TF101: ValueError: boom" in found[0].message
