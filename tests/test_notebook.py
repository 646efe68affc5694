"""Notebooks: code cells joined, IPython syntax neutralized, findings located as cell + row."""

import json

import pytest

from tests.conftest import run_cli
from tf2lint.config import Config
from tf2lint.discovery import discover
from tf2lint.notebook import lint_notebook, neutralize, read_notebook


def notebook(*cells, language="python", as_lists=True):
    """nbformat 4 JSON; a cell is ("code" | "markdown", source)."""
    out = []
    for kind, source in cells:
        src = source.splitlines(keepends=True) if as_lists else source
        cell = {"cell_type": kind, "metadata": {}, "source": src}
        if kind == "code":
            cell.update(execution_count=None, outputs=[])
        out.append(cell)
    meta = {"kernelspec": {"name": "k", "display_name": "k", "language": language}}
    return json.dumps({"cells": out, "metadata": meta, "nbformat": 4, "nbformat_minor": 5}, indent=1).encode()


NB = notebook(
    ("markdown", "# Training\nSome prose mentioning tf.Session.\n"),
    ("code", "%matplotlib inline\n!pip install tensorflow==1.15\nimport tensorflow as tf\n"),
    ("code", "files = !ls data\nx = tf.placeholder(tf.float32)\ntf.Session?\n"),
    ("markdown", "More prose."),
    ("code", "%%time\nfor f in files:\n    !echo $f\n    sess = tf.Session()\n"),
    ("code", "%%bash\npython -c 'import tensorflow as tf; tf.Session()'\n"),
)


def _found(findings):
    return sorted((f.extra, f.start.row, f.start.col, f.code) for f in findings)


def test_findings_point_at_cell_and_row():
    findings = lint_notebook(NB, "nb.ipynb", Config())
    assert _found(findings) == [
        ((("cell", 3),), 2, 4, "TF102"),  # x = tf.placeholder(...): cell 3, line 2, column 5
        ((("cell", 5),), 4, 11, "TF101"),  # sess = tf.Session() inside the %%time cell
    ]
    # Nothing from the %%bash cell, the shell escapes, the help line or the markdown.


def test_string_sources_give_the_same_findings():
    data = json.loads(NB)
    for cell in data["cells"]:
        cell["source"] = "".join(cell["source"])
    assert _found(lint_notebook(json.dumps(data).encode(), "nb.ipynb", Config())) == _found(
        lint_notebook(NB, "nb.ipynb", Config())
    )


def test_cli_text_and_json_name_the_cell(tmp_path):
    (tmp_path / "nb.ipynb").write_bytes(NB)
    text = run_cli("check", "--isolated", "--no-cache", "nb.ipynb", cwd=tmp_path)
    assert text.returncode == 1, text.stderr
    assert "nb.ipynb:cell 3:2:5: TF102 " in text.stdout
    assert "nb.ipynb:cell 5:4:12: TF101 " in text.stdout
    result = run_cli("check", "--isolated", "--no-cache", "--output-format", "json", "nb.ipynb", cwd=tmp_path)
    items = json.loads(result.stdout)
    assert [(i["cell"], i["location"], i["code"]) for i in items] == [
        (3, {"row": 2, "column": 5}, "TF102"),
        (5, {"row": 4, "column": 12}, "TF101"),
    ]


def test_noqa_works_in_a_cell():
    data = notebook(("code", "import tensorflow as tf\nx = tf.placeholder(tf.float32)  # noqa: TF102\n"))
    assert lint_notebook(data, "nb.ipynb", Config()) == []


@pytest.mark.parametrize(
    "data, detail",
    [
        (b'{"cells": ["tensorflow",', "invalid JSON"),
        (b'{"nbformat": 4, "metadata": {}} tensorflow', "invalid JSON"),
        (b'{"nbformat": 4, "metadata": {"tensorflow": 1}}', "no 'cells' list"),
        (b'{"cells": {"tensorflow": 1}}', "'cells' is not a list"),
        (b'{"cells": [{"cell_type": "code", "source": 3}, "tensorflow"]}', "cell 1: 'source'"),
        (b'["tensorflow"]', "not a JSON object"),
        (b'{"cells": [], "x": "tensorflow \xff"}', "not UTF-8"),
    ],
)
def test_malformed_notebook_is_tf006(data, detail):
    # Like a .py file, a notebook that never mentions tensorflow is skipped unread.
    (finding,) = lint_notebook(data, "bad.ipynb", Config())
    assert finding.code == "TF006"
    assert detail in finding.message
    assert finding.filename == "bad.ipynb"


def test_files_without_tensorflow_are_not_read():
    assert lint_notebook(b"{not json", "other.ipynb", Config()) == []


def test_syntax_error_in_a_cell_is_located_in_it():
    data = notebook(("code", "import tensorflow as tf\n"), ("code", "x = 1\ndef broken(:\n"))
    (finding,) = lint_notebook(data, "nb.ipynb", Config())
    assert (finding.code, finding.extra, finding.start.row) == ("TF001", (("cell", 2),), 2)


def test_other_languages_are_skipped():
    data = notebook(("code", "library(tensorflow)\nsess <- tf$Session()\n"), language="R")
    assert lint_notebook(data, "r.ipynb", Config()) == []


def test_nbformat3_worksheets_are_read():
    data = json.dumps(
        {"worksheets": [{"cells": [{"cell_type": "code", "input": ["import tensorflow as tf\n", "tf.Session()\n"]}]}],
         "metadata": {}, "nbformat": 3}
    ).encode()
    assert _found(lint_notebook(data, "old.ipynb", Config())) == [((("cell", 1),), 2, 0, "TF101")]


@pytest.mark.parametrize(
    "source, expected",
    [
        ("%matplotlib inline\nx = 1", ["pass", "x = 1"]),
        ("  !ls -la", ["  pass"]),
        ("out = !ls \\\n  -la\ny = 2", ["out = None", "", "y = 2"]),
        ("?tf.Session\ntf.Session??\nobj.*Sess*?", ["pass", "pass", "pass"]),
        ("s = '''\n%not a magic\n'''", ["s = '''", "%not a magic", "'''"]),
        ("x = (1,\n!2)", ["x = (1,", "!2)"]),
        ("%%writefile a.py\nimport tensorflow as tf", ["", ""]),
        ("%%timeit -n1\nf()", ["", "f()"]),
        ("print('what?')  # really?", ["print('what?')  # really?"]),
        ("x = 1 if a else 2\ny = x != 3", ["x = 1 if a else 2", "y = x != 3"]),
    ],
)
def test_neutralize_keeps_every_line(source, expected):
    assert neutralize(source) == expected


def test_rows_map_back_and_forth():
    nb = read_notebook(NB)
    assert nb is not None
    assert nb.cell_numbers == (2, 3, 5, 6)
    for cell, row in [(2, 1), (3, 2), (5, 4), (6, 2)]:
        assert nb.locate(nb.joined_row(cell, row)) == (cell, row)


def test_discovery_finds_notebooks(tmp_path):
    (tmp_path / "a.ipynb").write_bytes(NB)
    (tmp_path / ".ipynb_checkpoints").mkdir()
    (tmp_path / ".ipynb_checkpoints" / "a-checkpoint.ipynb").write_bytes(NB)
    files, _ = discover([str(tmp_path)], Config())
    assert files == [str(tmp_path / "a.ipynb")]
