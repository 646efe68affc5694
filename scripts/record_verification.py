"""Record `tf2lint verify` runs in tf2lint/data/verification.json and regenerate docs/rules.

    python scripts/record_verification.py /venvs/tf-2.15/bin/python /venvs/tf-2.21/bin/python

Each argument is a python that has TensorFlow (the script runs `PYTHON -m tf2lint verify
--output-format json` with it, using this checkout) or a JSON file such a run wrote. One run
per TensorFlow version; a run with a `failed` verdict is not recorded.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, List, Tuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tf2lint.verify.records import DATA_FILE, build  # noqa: E402


def _results(source: str) -> List[Dict[str, Any]]:
    if source.endswith(".json"):
        with open(source, encoding="utf-8") as handle:
            return list(json.load(handle))
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    print(f"running tf2lint verify with {source} ...", file=sys.stderr)
    result = subprocess.run(
        [source, "-m", "tf2lint", "verify", "--output-format", "json", "--no-progress"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
    )
    if result.returncode not in (0, 1):
        raise SystemExit(f"{source}: tf2lint verify exited {result.returncode}:\n{result.stderr[-2000:]}")
    return list(json.loads(result.stdout))


def main(argv: List[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if argv else 2
    runs: Dict[str, Tuple[str, List[Dict[str, Any]]]] = {}
    for source in argv:
        results = _results(source)
        if not results:
            raise SystemExit(f"{source}: no results")
        failed = [f"{r['pair']}: {r['detail']}" for r in results if r["verdict"] == "failed"]
        if failed:
            raise SystemExit(f"{source}: not recording a run with failures:\n  " + "\n  ".join(failed))
        version = str(results[0]["tf_version"])
        runs[version] = (version, results)
    DATA_FILE.write_text(json.dumps(build(list(runs.values())), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {DATA_FILE.relative_to(ROOT)} (TensorFlow {', '.join(sorted(runs))})")
    return subprocess.call([sys.executable, str(ROOT / "scripts" / "gen_rule_docs.py")], cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
