"""The language server's pure parts: position encodings, noqa edits, edits from text, settings."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lsprotocol import types

from tf2lint.config import Config, ConfigError
from tf2lint.finding import Edit, Finding, Fix, Position, Severity
from tf2lint.fix.edits import apply_fixes
from tf2lint.noqa import is_suppressed
from tf2lint.server.actions import code_actions, wanted, whole_text_edit
from tf2lint.server.document import Snapshot, uri_to_path
from tf2lint.server.linting import lint_snapshot
from tf2lint.server.positions import UTF8, UTF16, UTF32, from_client, to_client
from tf2lint.server.settings import Settings, config_for
from tf2lint.server.suppression import comment_row, noqa_edit

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "encoding, expected",
    [(UTF16, [0, 1, 3, 4, 5]), (UTF8, [0, 1, 5, 7, 8]), (UTF32, [0, 1, 2, 3, 4])],
)
def test_columns_in_each_encoding(encoding, expected):
    line = "a\U0001F600\u00e9b"  # ASCII, outside the BMP, two UTF-8 bytes, ASCII
    assert [to_client(line, c, encoding) for c in range(5)] == expected
    assert [from_client(line, u, encoding) for u in expected] == list(range(5))


CODECS = {UTF8: ("utf-8", 1), UTF16: ("utf-16-le", 2), UTF32: ("utf-32-le", 4)}


@given(st.text(max_size=30), st.sampled_from([UTF8, UTF16, UTF32]))
def test_columns_round_trip(line, encoding):
    codec, size = CODECS[encoding]
    for column in range(len(line) + 1):
        units = to_client(line, column, encoding)
        assert units == len(line[:column].encode(codec)) // size
        assert from_client(line, units, encoding) == column


def test_snapshot_rows_are_python_rows():
    # A form feed is no line break for Python or LSP (str.splitlines would split there).
    snap = Snapshot("file:///x.py", 1, "a = 1\x0c\nb = 2\r\nc\rd")
    assert snap.lines == ["a = 1\x0c", "b = 2", "c", "d"]
    assert snap.to_client(Position(4, 1)) == types.Position(line=3, character=1)
    assert snap.to_client(Position(9, 0)) == types.Position(line=3, character=1)  # past the end: the end
    assert snap.from_client(types.Position(line=1, character=2)) == Position(2, 2)


def test_only_python_documents_are_linted():
    assert Snapshot("file:///a.md", 1, "", language_id="markdown").is_python is False
    assert Snapshot("file:///a.ipynb", 1, "", language_id="jupyter").is_python is False
    assert Snapshot("file:///a.pyi", 1, "", language_id=None).is_python is True
    assert Snapshot("file:///a.txt", 1, "", language_id="").is_python is False
    assert lint_snapshot(Snapshot("file:///a.md", 1, "import tensorflow as tf\nx = (", language_id="markdown"), Config()) == []


def test_uri_to_path():
    assert uri_to_path("file:///home/me/my%20project/train.py") == "/home/me/my project/train.py"
    assert uri_to_path("untitled:Untitled-1") is None


@pytest.mark.parametrize(
    "lines, row, code, expected",
    [
        (["x = tf.Session()"], 1, "TF101", "x = tf.Session()  # noqa: TF101"),
        (["x = tf.Session()   "], 1, "TF101", "x = tf.Session()  # noqa: TF101"),
        (["x = tf.Session()  # noqa: TF102"], 1, "TF101", "x = tf.Session()  # noqa: TF102, TF101"),
        (["x = f()  # noqa:TF102,TF103  keep"], 1, "TF101", "x = f()  # noqa:TF102,TF103, TF101  keep"),
        (["x = f()  # type: ignore"], 1, "TF101", "x = f()  # type: ignore  # noqa: TF101"),
    ],
)
def test_noqa_edit(lines, row, code, expected):
    edit = noqa_edit(lines, row, code)
    assert edit is not None
    new, _ = apply_fixes("\n".join(lines), [Fix("safe", (edit,))])
    assert new == expected
    assert is_suppressed(new, code)


def test_noqa_edit_none_when_already_suppressed():
    assert noqa_edit(["x = f()  # noqa"], 1, "TF101") is None
    assert noqa_edit(["x = f()  # noqa: TF101"], 1, "TF101") is None


def test_noqa_goes_after_a_multiline_string_or_a_continuation():
    lines = ['x = tf.Session(config="""', 'a', '""")', "y = 1 + \\", "    tf.Session()", "z = (", "  tf.Session(),", ")"]
    assert comment_row(lines, 1) == 3
    assert comment_row(lines, 4) == 5
    assert comment_row(lines, 7) == 7  # inside brackets each line takes its own comment
    edit = noqa_edit(lines, 1, "TF101")
    assert edit == Edit(Position(3, 4), Position(3, 4), "  # noqa: TF101")


def test_whole_text_edit_is_the_changed_lines():
    old = "import tensorflow as tf\r\n\r\nx = tf.foo(1)\r\ny = 2\r\n"
    new = "import tensorflow as tf\r\n\r\nx = tf.bar(1)\r\ny = 2\r\n"
    edit = whole_text_edit(Snapshot("file:///x.py", 1, old), new)
    assert edit.range == types.Range(start=types.Position(line=2, character=0), end=types.Position(line=3, character=0))
    assert edit.new_text == "x = tf.bar(1)\r\n"
    inserted = whole_text_edit(Snapshot("file:///x.py", 1, "a\nb"), "a\nimport x\nb")
    assert inserted.range.start == inserted.range.end == types.Position(line=1, character=0)
    assert inserted.new_text == "import x\n"


@pytest.mark.parametrize(
    "only, kind, expected",
    [
        (None, "quickfix", True),
        (["quickfix"], "source.fixAll.tf2lint", False),
        (["source"], "source.fixAll.tf2lint", True),
        (["source.fixAll"], "source.fixAll.tf2lint", True),
        (["source.fix"], "source.fixAll.tf2lint", False),
    ],
)
def test_requested_kinds(only, kind, expected):
    assert wanted(only, kind) is expected


def test_settings_from_initialization_options(tmp_path):
    settings = Settings.from_options({"targetVersion": "2.16", "extendSelect": ["TF990"], "ignore": "TF109", "debounceMs": 50})
    config = settings.apply(Config())
    assert config.target_version == (2, 16) and config.extend_select == ("TF990",) and config.ignore == ("TF109",)
    assert settings.debounce_ms == 50
    with pytest.raises(ConfigError, match="^initialization option targetVersion: unsupported target-version '1.15'"):
        Settings.from_options({"targetVersion": "1.15"})
    with pytest.raises(ConfigError, match="debounceMs"):
        Settings.from_options({"debounceMs": -1})
    with pytest.raises(ConfigError, match="^initialization option select: 'E501' is not a TF code prefix"):
        Settings.from_options({"select": ["E501"]})


def test_configuration_is_found_from_the_documents_folder(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.tf2lint]\ntarget-version = "2.15"\nignore = ["TF1"]\n', encoding="utf-8")
    (tmp_path / "pkg").mkdir()
    config = config_for(str(tmp_path / "pkg" / "train.py"), Settings(target_version="2.17"), None)
    assert config.ignore == ("TF1",) and config.target_version == (2, 17)  # the option wins, as a flag does
    assert config.root == str(tmp_path.resolve())
    alone = tmp_path / "elsewhere"
    alone.mkdir()
    (tmp_path / "pyproject.toml").unlink()
    config = config_for(str(alone / "x.py"), Settings(), "/workspace")
    assert config == Config(root="/workspace")  # no file: defaults, patterns relative to the workspace


def test_the_linter_never_imports_the_server(tmp_path):
    script = (
        "import sys\n"
        "from tf2lint.cli import main\n"
        f"code = main(['check', '--no-cache', {str(tmp_path / 'a.py')!r}])\n"
        "assert 'pygls' not in sys.modules and 'lsprotocol' not in sys.modules, 'server modules imported'\n"
        "sys.exit(code)\n"
    )
    (tmp_path / "a.py").write_text("import tensorflow as tf\ns = tf.Session()\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert done.returncode == 1, done.stderr  # one finding, and no assertion error
    assert "TF101" in done.stdout


def test_server_without_pygls_says_what_to_install(monkeypatch, capsys):
    from tf2lint.server import main

    monkeypatch.setitem(sys.modules, "tf2lint.server.app", None)  # as if pygls were missing
    assert main() == 2
    assert "pip install 'tf2lint[server]'" in capsys.readouterr().err


def _finding(applicability: str) -> Finding:
    edit = Edit(Position(2, 4), Position(2, 14), "tf.compat.v1.Session")
    return Finding(
        code="TF101", symbol="tf1-session", message="m", replacement="r", severity=Severity.ERROR, filename="x.py",
        start=Position(2, 4), end=Position(2, 16), fix=Fix(applicability, (edit,), "Rewrite"),
    )


@pytest.mark.parametrize("applicability, titles", [
    ("safe", ["TF101: Rewrite", "Disable TF101 for this line", "tf2lint: fix all safe fixes"]),
    ("unsafe", ["TF101: Rewrite (unsafe)", "Disable TF101 for this line"]),  # never in fix-all
    ("display-only", ["Disable TF101 for this line"]),  # advice a person writes: never an edit
])
def test_actions_by_applicability(applicability, titles):
    text = "import tensorflow as tf\ns = tf.Session()\n"
    snapshot = Snapshot("file:///x.py", 3, text)
    finding = _finding(applicability)
    cursor = types.Range(start=types.Position(line=1, character=6), end=types.Position(line=1, character=6))
    fixed = "import tensorflow as tf\ns = tf.compat.v1.Session()\n"
    actions = code_actions(snapshot, [finding], cursor, None, fixed)
    assert [a.title for a in actions] == titles
    for action in actions:
        assert action.edit is not None and action.edit.document_changes
        change = action.edit.document_changes[0]
        assert isinstance(change, types.TextDocumentEdit) and change.text_document.version == 3
