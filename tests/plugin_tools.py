"""Run the real flake8, pylint and tf2lint executables of this environment in subprocesses."""

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Dict, Optional, Sequence, Set, Tuple

from tests.conftest import ROOT

BIN = Path(sys.executable).parent
PYLINT_PLUGIN = "tf2lint.pylint_plugin"


def executable(name: str) -> str:
    path = BIN / name
    assert path.is_file(), f"{name} is not installed next to {sys.executable}: pip install -e '.[test]'"
    return str(path)


def env(extra: Optional[Dict[str, str]] = None) -> Dict[str, str]:
    out = dict(os.environ)
    out["PYTHONPATH"] = str(ROOT) + os.pathsep + out.get("PYTHONPATH", "")
    out.pop("PYLINTRC", None)
    out.update(extra or {})
    return out


def run(args: Sequence[str], cwd: Path, input: Optional[str] = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, capture_output=True, text=True, input=input, env=env(), timeout=600
    )


def flake8(*args: str, cwd: Path, input: Optional[str] = None) -> subprocess.CompletedProcess:
    return run([executable("flake8"), *args], cwd, input)


def pylint(*args: str, cwd: Path, input: Optional[str] = None) -> subprocess.CompletedProcess:
    return run([executable("pylint"), f"--load-plugins={PYLINT_PLUGIN}", *args], cwd, input)


def tf2lint(*args: str, cwd: Path, input: Optional[str] = None) -> subprocess.CompletedProcess:
    return run([sys.executable, "-m", "tf2lint", *args], cwd, input)


def flake8_rows(output: str) -> Set[Tuple[str, int, int, str]]:
    """(path, row, column, code) from flake8's default format (`path:row:col: CODE text`)."""
    found = set()
    for line in output.splitlines():
        path, row, col, rest = line.split(":", 3)
        found.add((path, int(row), int(col), rest.split()[0]))
    return found


def pylint_json(output: str) -> list:
    return json.loads(output) if output.strip() else []


def cli_json(output: str) -> list:
    return json.loads(output)


# A stand-in opt-in rule, loaded only inside subprocesses (importing it here would add it to
# the catalog the other tests check): the catalog may have no opt-in rule yet, and the
# plugins' handling of default-off rules must be tested all the same.
def opt_in_rule(api: str = "constant", priority: int = 0) -> str:
    return _OPT_IN_RULE.replace("API", api).replace("PRIORITY", str(priority))


_OPT_IN_RULE = '''
from tf2lint.rules.base import Rule, register


@register
class ExampleOptInRule(Rule):
    """Reports `tf.API` (a default-off rule for the plugin tests)."""

    code = "TF998"
    symbol = "example-opt-in"
    summary = "`{name}` (example opt-in rule)"
    replacement = "nothing"
    default_enabled = False
    priority = PRIORITY
    names = {"API": None}
'''
OPT_IN_CODE = "TF998"  # a code no real rule uses; family 9, where opt-in rules live
OPT_IN_SYMBOL = "example-opt-in"

_WITH_OPT_IN = {
    "flake8": "import example_opt_in, sys; from flake8.main.cli import main; raise SystemExit(main(sys.argv[1:]))",
    "pylint": "import example_opt_in, sys; from pylint.lint import Run; Run(sys.argv[1:])",
    "tf2lint": "import example_opt_in, sys; from tf2lint.cli import main; raise SystemExit(main(sys.argv[1:]))",
}


def with_opt_in_rule(
    tool: str, *args: str, cwd: Path, support: Path, input: Optional[str] = None, rule: Optional[str] = None
) -> subprocess.CompletedProcess:
    """Run a tool in a fresh interpreter that has the stand-in opt-in rule registered."""
    support.mkdir(parents=True, exist_ok=True)
    (support / "example_opt_in.py").write_text(rule or opt_in_rule(), encoding="utf-8")
    extra = [f"--load-plugins={PYLINT_PLUGIN}"] if tool == "pylint" else []
    environment = env({"PYTHONPATH": os.pathsep.join([str(support), str(ROOT), os.environ.get("PYTHONPATH", "")])})
    return subprocess.run(
        [sys.executable, "-c", _WITH_OPT_IN[tool], *extra, *args],
        cwd=cwd, capture_output=True, text=True, input=input, env=environment, timeout=600,
    )
