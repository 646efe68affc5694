"""Gather a body of real third-party TensorFlow code from PyPI (pinned, not committed).

    python benchmarks/corpus.py [DEST]        # default: ~/.cache/tf2lint-corpus

TF1-era packages go under DEST/tf1/, TF2-era packages (idiomatic TF2, some through
compat.v1) under DEST/tf2/.  Each package is downloaded once as a wheel or sdist with
`pip download --no-deps` and unpacked; only its .py files are kept.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

TF1_PACKAGES = [
    "tensor2tensor==1.15.7",
    "tensorpack==0.11",
    "tflearn==0.5.0",
    "tf-slim==1.1.0",
    "dm-sonnet==1.36",
    "gpflow==1.5.1",
    "stable-baselines==2.10.2",
    "trfl==1.1.0",
    "dopamine-rl==2.0.5",
    "mesh-tensorflow==0.1.21",
    "magenta==1.3.1",
]
TF2_PACKAGES = [
    "tf-models-official==2.15.0",
    "tensorflow-recommenders==0.7.3",
    "tensorflow-addons==0.23.0",
    "dm-sonnet==2.0.2",
    "tf-agents==0.19.0",
]

DEFAULT_DEST = Path.home() / ".cache" / "tf2lint-corpus"


def _unpack(archive: Path, dest: Path) -> int:
    dest.mkdir(parents=True, exist_ok=True)
    count = 0
    if archive.suffix in (".whl", ".zip"):
        with zipfile.ZipFile(archive) as zf:
            for name in zf.namelist():
                if name.endswith(".py"):
                    target = dest / name
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(zf.read(name))
                    count += 1
    else:
        with tarfile.open(archive) as tf:
            for member in tf.getmembers():
                if member.isfile() and member.name.endswith(".py"):
                    handle = tf.extractfile(member)
                    if handle is None:
                        continue
                    target = dest / member.name
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(handle.read())
                    count += 1
    return count


def fetch(spec: str, dest: Path) -> int:
    name = spec.split("==")[0]
    target = dest / spec.replace("==", "-")
    if target.is_dir() and any(target.rglob("*.py")):
        return sum(1 for _ in target.rglob("*.py"))
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", tmp, spec]
        result = subprocess.run(cmd, capture_output=True, text=True)
        if result.returncode != 0:
            # No wheel for this Python: take the sdist instead.
            cmd[4:4] = ["--no-binary", ":all:"]
            result = subprocess.run(cmd, capture_output=True, text=True)
        files = list(Path(tmp).iterdir())
        if result.returncode != 0 or not files:
            print(f"  skipped {name}: {result.stderr.strip().splitlines()[-1:] }", file=sys.stderr)
            return 0
        return _unpack(files[0], target)


def main(argv: list) -> int:
    dest = Path(argv[0]) if argv else DEFAULT_DEST
    for group, specs in (("tf1", TF1_PACKAGES), ("tf2", TF2_PACKAGES)):
        for spec in specs:
            count = fetch(spec, dest / group)
            print(f"{group}/{spec}: {count} .py files")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PIP_DISABLE_PIP_VERSION_CHECK", "1")
    sys.exit(main(sys.argv[1:]))
