"""Compare fresh `tf2lint verify` runs with the recorded ones (tf2lint/data/verification.json).

    python scripts/compare_verification.py RUN.json [RUN.json ...]

Each RUN.json is `tf2lint verify --output-format json` output. A run is compared with the
recorded run of the same TensorFlow major.minor version. Exits 1 on drift: a pair added or
gone, a verdict or TF2 source that changed, or a largest difference that moved by more than
half its recorded size (and more than 1e-6). Re-record with scripts/record_verification.py
when the change is intended.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tf2lint.verify.records import DATA_FILE  # noqa: E402

COMPARED = ("verdict", "tf2_source", "kind", "codes")


def _minor(version: str) -> str:
    return ".".join(str(version).split(".")[:2])


def _diff_moved(old: Optional[float], new: Optional[float]) -> bool:
    if old is None or new is None:
        return (old is None) != (new is None)
    return abs(new - old) > max(1e-6, 0.5 * abs(old))


def drift(recorded: List[Dict[str, Any]], fresh: List[Dict[str, Any]]) -> List[str]:
    """What differs between a recorded run and a fresh one, one line each."""
    old = {r["pair"]: r for r in recorded}
    new = {r["pair"]: r for r in fresh}
    problems = [f"{name}: new pair, not recorded" for name in new if name not in old]
    problems += [f"{name}: recorded, but not in this run" for name in old if name not in new]
    for name in (n for n in new if n in old):
        for key in COMPARED:
            if old[name].get(key) != new[name].get(key):
                problems.append(f"{name}: {key} {old[name].get(key)!r} -> {new[name].get(key)!r}")
        if old[name].get("verdict") == new[name].get("verdict") and _diff_moved(
            old[name].get("max_abs_diff"), new[name].get("max_abs_diff")
        ):
            problems.append(f"{name}: max_abs_diff {old[name].get('max_abs_diff')} -> {new[name].get('max_abs_diff')}")
    return problems


def main(argv: List[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if argv else 2
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    runs = {_minor(run["tf_version"]): run["results"] for run in data.get("runs", [])}
    status = 0
    for path in argv:
        fresh = json.loads(Path(path).read_text(encoding="utf-8"))
        if not fresh:
            print(f"{path}: no results")
            status = 1
            continue
        version = _minor(fresh[0]["tf_version"])
        if version not in runs:
            print(f"{path}: TensorFlow {version} has no recorded run in {DATA_FILE.name}")
            status = 1
            continue
        problems = drift(runs[version], fresh)
        if problems:
            status = 1
            print(f"{path} (TF {version}) drifted from {DATA_FILE.name}:")
            print("\n".join(f"  {line}" for line in problems))
        else:
            print(f"{path} (TF {version}): matches the recorded run ({len(fresh)} pairs)")
    if status:
        print("re-record with scripts/record_verification.py if the change is intended")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
