"""`--fix` on notebooks: code cells fixed in place, the JSON layout kept, or a clear refusal."""

import json

from tests.conftest import run_cli


def cells(*specs):
    out = []
    for kind, source in specs:
        cell = {"cell_type": kind, "metadata": {}, "source": source.splitlines(keepends=True)}
        if kind == "code":
            cell.update(execution_count=None, outputs=[])
        out.append(cell)
    return out


def jupyter(notebook):
    """The bytes Jupyter writes (nbformat: indent 1, sorted keys, raw UTF-8, final newline)."""
    return (json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def make(*specs, metadata=None):
    meta = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}}
    return {"cells": cells(*specs), "metadata": metadata or meta, "nbformat": 4, "nbformat_minor": 5}


BEFORE = make(
    ("code", "%matplotlib inline\nimport tensorflow as tf\n"),
    ("markdown", "Caf\u00e9: `tf.log` is gone.\n"),
    ("code", "y = tf.log(x)  # natural log\n!echo tf.log\nz = tf.gfile.Exists(p)"),
    ("code", "x = tf.placeholder(tf.float32)\n"),
)


def test_code_cells_are_fixed_in_place_and_the_layout_is_kept(tmp_path):
    path = tmp_path / "nb.ipynb"
    path.write_bytes(jupyter(BEFORE))
    result = run_cli("check", "--isolated", "--no-cache", "--fix", "nb.ipynb", cwd=tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr  # the placeholder remains
    after = json.loads(json.dumps(BEFORE))
    after["cells"][2]["source"] = ["y = tf.math.log(x)  # natural log\n", "!echo tf.log\n", "z = tf.io.gfile.exists(p)"]
    assert path.read_bytes() == jupyter(after)
    assert "nb.ipynb:cell 4:1:5: TF102 " in result.stdout
    assert "Found 3 findings (2 fixed, 1 remaining)." in result.stdout
    again = run_cli("check", "--isolated", "--no-cache", "--diff", "nb.ipynb", cwd=tmp_path)
    assert (again.returncode, again.stdout) == (0, "")


def test_diff_shows_each_changed_cell(tmp_path):
    path = tmp_path / "nb.ipynb"
    path.write_bytes(jupyter(BEFORE))
    result = run_cli("check", "--isolated", "--no-cache", "--diff", "nb.ipynb", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith("--- a/nb.ipynb:cell 3\n+++ b/nb.ipynb:cell 3\n")
    assert "+y = tf.math.log(x)  # natural log\n" in result.stdout
    assert path.read_bytes() == jupyter(BEFORE)


def test_string_sources_stay_strings(tmp_path):
    notebook = make(("code", "import tensorflow as tf\ny = tf.log(x)\n"))
    notebook["cells"][0]["source"] = "import tensorflow as tf\ny = tf.log(x)\n"
    data = json.dumps(notebook, indent=2).encode()
    (tmp_path / "nb.ipynb").write_bytes(data)
    result = run_cli("check", "--isolated", "--no-cache", "--fix", "nb.ipynb", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    notebook["cells"][0]["source"] = "import tensorflow as tf\ny = tf.math.log(x)\n"
    assert (tmp_path / "nb.ipynb").read_bytes() == json.dumps(notebook, indent=2).encode()


def test_a_notebook_whose_layout_cannot_be_kept_is_refused_untouched(tmp_path):
    data = jupyter(make(("code", "import tensorflow as tf\ny = tf.log(x)\n"))).replace(b'"nbformat_minor": 5', b'"nbformat_minor": 5.0e0')
    path = tmp_path / "nb.ipynb"
    path.write_bytes(data)
    result = run_cli("check", "--isolated", "--no-cache", "--fix", "nb.ipynb", cwd=tmp_path)
    assert result.returncode == 1
    assert path.read_bytes() == data
    assert "nb.ipynb:1:1: TF007 cannot fix: its JSON layout" in result.stdout, result.stdout
    assert "nb.ipynb:cell 1:2:5: TF902 [*]" in result.stdout


def test_an_import_a_fix_needs_goes_into_the_cell_that_holds_the_imports(tmp_path):
    before = make(
        ("code", "import tensorflow as tf\n"),
        ("code", "tf.logging.set_verbosity(tf.logging.INFO)\n!ls\ntf.logging.info('x')"),
    )
    path = tmp_path / "nb.ipynb"
    path.write_bytes(jupyter(before))
    safe_only = run_cli("check", "--isolated", "--no-cache", "--fix", "nb.ipynb", cwd=tmp_path)
    assert safe_only.returncode == 1 and path.read_bytes() == jupyter(before)  # absl logging is an unsafe fix
    result = run_cli("check", "--isolated", "--no-cache", "--fix", "--unsafe-fixes", "nb.ipynb", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    after = json.loads(json.dumps(before))
    after["cells"][0]["source"] = ["import tensorflow as tf\n", "from absl import logging\n"]
    after["cells"][1]["source"] = ["logging.set_verbosity(logging.INFO)\n", "!ls\n", "logging.info('x')"]
    assert path.read_bytes() == jupyter(after)
