"""The CLI, flake8 and pylint report the same (line, code) set for every fixture file.

Each tool runs once over one directory holding every fixture file plus every catalog
VALID/INVALID example (so every rule is exercised even before it has a fixture line).
An unparsable file is where the three differ in kind, not in content: flake8 never hands
such a file to a plugin and reports E999, pylint reports its own `syntax-error`; both count
as TF001 here, for files that mention tensorflow (the only files tf2lint reads).
"""

import shutil
from pathlib import Path
from typing import Dict, List, Set, Tuple

import pytest

from tests import plugin_tools as tools
from tests.conftest import FIXTURES
from tf2lint.pylint_plugin import message_id
from tf2lint.registry import all_rules

Found = Dict[str, Set[Tuple[int, str]]]

FIXTURE_FILES = sorted(FIXTURES.glob("*.py"))
RULES = all_rules()
OPT_IN = [rule.code for rule in RULES if not rule.default_enabled]


def _catalog_examples() -> Dict[str, str]:
    examples = {}
    for rule in RULES:
        for kind, sources in (("invalid", rule.INVALID), ("valid", rule.VALID)):
            for index, source in enumerate(sources):
                examples[f"catalog_{rule.code}_{kind}_{index}.py"] = source
    return examples


SPACED_NOQA = b"# noqa" + b" : TF101"  # a blanket noqa for flake8: no code list right after "noqa:"

# Where the three could drift apart: line endings, encodings, column arithmetic, and `# noqa`,
# which flake8 applies itself (see tf2lint/noqa.py). Source bytes -> expected (row, code).
EDGE_CASES = {
    "edge_crlf.py": (b"import tensorflow as tf\r\nsess = tf.Session()\r\nx = tf.placeholder(tf.float32)  # noqa: TF102\r\n",
                     {(2, "TF101")}),
    "edge_cr.py": (b"import tensorflow as tf\rsess = tf.Session()\r", {(2, "TF101")}),
    "edge_bom.py": (b"\xef\xbb\xbfimport tensorflow as tf\nsess = tf.Session()\n", {(2, "TF101")}),
    "edge_latin1.py": (b"# -*- coding: latin-1 -*-\nimport tensorflow as tf\nname = 'caf\xe9'; sess = tf.Session()\n", {(3, "TF101")}),
    "edge_form_feed.py": (b"import tensorflow as tf\n\x0c\nsess = tf.Session()  # noqa: TF101\nx = tf.placeholder(tf.float32)\n",
                          {(4, "TF102")}),
    "edge_noqa_forms.py": (
        b"import tensorflow as tf\na = tf.Session()  # NOQA:TF101\nb = tf.Session()  # noqa:TF1\n"
        b"c = tf.Session()  " + SPACED_NOQA + b"\nd = tf.Session()  # noqa: TF102\ne = tf.Session()  # noqa:E501,TF101\n"
        b"f = tf.Session()  #noqa\ng = tf.Session()  # noqa: tf101\nh = tf.Session()  # noqa: E501  # noqa: TF101\n",
        {(5, "TF101"), (7, "TF101"), (8, "TF101"), (9, "TF101")},
    ),
    "edge_noqa_multiline_string.py": (b'import tensorflow as tf\nsess = tf.Session(); doc = """\nline\n"""  # noqa: TF101\n', set()),
    "edge_noqa_backslash.py": (b"import tensorflow as tf\nsess = tf.Session(); y = \\\n    1  # noqa: TF101\n", set()),
    "edge_noqa_brackets.py": (b"import tensorflow as tf\nsess = tf.Session(\n    config=None)  # noqa: TF101\n", {(2, "TF101")}),
    "edge_noqa_whole_file.py": (b"import tensorflow as tf\n# flake8: noqa\nsess = tf.Session()\n", set()),
    "edge_python2.py": (b"import tensorflow as tf\nprint 'x'\n", {(2, "TF001")}),
}

CATALOG = _catalog_examples()
FILES = [path.name for path in FIXTURE_FILES] + sorted(CATALOG) + sorted(EDGE_CASES)


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("parity")
    for path in FIXTURE_FILES:
        shutil.copyfile(path, root / path.name)
    for name, source in CATALOG.items():
        (root / name).write_text(source, encoding="utf-8")
    for name, (data, _) in EDGE_CASES.items():
        (root / name).write_bytes(data)
    (root / "empty-pylintrc").write_text("", encoding="utf-8")
    return root


def _mentions_tensorflow(root: Path, name: str) -> bool:
    return b"tensorflow" in (root / name).read_bytes()


def run_cli(root: Path, opt_in: List[str]) -> Found:
    extra = ["--extend-select", ",".join(opt_in)] if opt_in else []
    result = tools.tf2lint("check", "--output-format", "json", *extra, ".", cwd=root)
    assert result.returncode in (0, 1), result.stderr
    found: Found = {}
    for item in tools.cli_json(result.stdout):
        found.setdefault(Path(item["filename"]).name, set()).add((item["location"]["row"], item["code"]))
    return found


def run_flake8(root: Path, opt_in: List[str]) -> Found:
    extra = ["--extend-select", ",".join(opt_in)] if opt_in else []
    result = tools.flake8("--isolated", "--select", "TF,E999", *extra, "--format=%(path)s:%(row)d:%(col)d:%(code)s", ".", cwd=root)
    assert result.returncode in (0, 1) and not result.stderr, result.stdout + result.stderr
    found: Found = {}
    for line in result.stdout.splitlines():
        path, row, _, code = line.rsplit(":", 3)
        name = Path(path).name
        if code == "E999":
            if not _mentions_tensorflow(root, name):
                continue
            code = "TF001"
        found.setdefault(name, set()).add((int(row), code))
    return found


def run_pylint(root: Path, enable: str) -> Found:
    result = tools.pylint(
        "--rcfile=empty-pylintrc", "--disable=all", f"--enable={enable},syntax-error",
        "--output-format=json", "--score=n", *FILES, cwd=root,
    )
    assert "Traceback" not in result.stderr, result.stderr
    found: Found = {}
    for message in tools.pylint_json(result.stdout):
        name = Path(message["path"]).name
        if message["symbol"] == "syntax-error":
            if not _mentions_tensorflow(root, name):
                continue
            code = "TF001"
        else:
            assert message["message-id"].startswith("W7"), message
            code = "TF" + message["message-id"][2:]
        found.setdefault(name, set()).add((message["line"], code))
    return found


@pytest.fixture(scope="module")
def default_rules(tree):
    """Default selection everywhere: what the fixture markers describe."""
    enabled = ",".join(message_id(rule.code) for rule in RULES if rule.default_enabled)
    return run_cli(tree, []), run_flake8(tree, []), run_pylint(tree, enabled)


@pytest.fixture(scope="module")
def every_rule(tree):
    """Opt-in rules turned on too, each tool in its own way."""
    return run_cli(tree, OPT_IN), run_flake8(tree, OPT_IN), run_pylint(tree, "tf2lint")


def test_there_is_something_to_compare(default_rules):
    cli, _, _ = default_rules
    assert len(FILES) >= len(RULES)
    assert sum(len(found) for found in cli.values()) >= sum(1 for rule in RULES if rule.INVALID)


@pytest.mark.parametrize("name", sorted(EDGE_CASES))
def test_edge_cases_give_the_labelled_findings(name, default_rules):
    cli, _, _ = default_rules
    assert cli.get(name, set()) == EDGE_CASES[name][1]


@pytest.mark.parametrize("name", FILES)
def test_same_findings_with_default_rules(name, default_rules):
    cli, flake8, pylint = (found.get(name, set()) for found in default_rules)
    assert flake8 == cli, f"flake8 missing={sorted(cli - flake8)} extra={sorted(flake8 - cli)}"
    assert pylint == cli, f"pylint missing={sorted(cli - pylint)} extra={sorted(pylint - cli)}"


@pytest.mark.parametrize("name", FILES)
def test_same_findings_with_every_rule(name, every_rule):
    cli, flake8, pylint = (found.get(name, set()) for found in every_rule)
    assert flake8 == cli, f"flake8 missing={sorted(cli - flake8)} extra={sorted(flake8 - cli)}"
    assert pylint == cli, f"pylint missing={sorted(cli - pylint)} extra={sorted(pylint - cli)}"
