import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def run_cli(*args, cwd=None, input=None):
    """Run the real `tf2lint` command in a subprocess."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run(
        [sys.executable, "-m", "tf2lint", *map(str, args)],
        cwd=cwd or ROOT,
        capture_output=True,
        text=True,
        input=input,
        env=env,
        timeout=300,
    )


def tensorflow_python(purpose: str, *, current_first: bool = False) -> str:
    """A Python that imports TensorFlow: $TF2LINT_TF_PYTHON, or this interpreter when it can
    (tried first with ``current_first``). Without one the test fails in CI (CI=true) and skips
    elsewhere, saying ``purpose``."""
    configured = os.environ.get("TF2LINT_TF_PYTHON", "")
    here = importlib.util.find_spec("tensorflow") is not None
    if here and (current_first or not configured):
        return sys.executable
    if configured:
        if not os.access(configured, os.X_OK):
            pytest.fail(f"TF2LINT_TF_PYTHON={configured} is not an executable")
        return configured
    reason = "needs TensorFlow: set TF2LINT_TF_PYTHON to a python with tensorflow-cpu==2.21.0 (pip install 'tf2lint[verify]')"
    if os.environ.get("CI", "").lower() in ("true", "1"):
        pytest.fail(f"in CI {purpose} must run: {reason}")
    pytest.skip(reason)


@pytest.fixture
def cli():
    return run_cli
