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


CATALOG = _catalog_examples()
FILES = [path.name for path in FIXTURE_FILES] + sorted(CATALOG)


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("parity")
    for path in FIXTURE_FILES:
        shutil.copyfile(path, root / path.name)
    for name, source in CATALOG.items():
        (root / name).write_text(source, encoding="utf-8")
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
