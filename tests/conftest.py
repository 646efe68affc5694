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


@pytest.fixture
def cli():
    return run_cli
