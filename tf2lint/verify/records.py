"""Recorded verify runs (tf2lint/data/verification.json) and the rule-page section built from them.

`scripts/record_verification.py` writes the file from `tf2lint verify` runs under the pinned
TensorFlows; rule pages render from it, so the docs drift test catches a stale page.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Tuple

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "verification.json"
RECORDED_FIELDS = ("pair", "codes", "verdict", "max_abs_diff", "detail", "outputs", "tf2_source", "kind", "steps")


def build(runs: List[Tuple[str, List[Dict[str, Any]]]]) -> Dict[str, Any]:
    """The data file's content from (tf_version, JSON results) per run, oldest TensorFlow first."""

    def version_key(item: Tuple[str, List[Dict[str, Any]]]) -> Tuple[int, ...]:
        return tuple(int(p) if p.isdigit() else 0 for p in item[0].split("."))

    return {
        "generated_by": "scripts/record_verification.py (tf2lint verify --output-format json under each TensorFlow)",
        "runs": [
            {"tf_version": version, "results": [{key: r.get(key) for key in RECORDED_FIELDS} for r in results]}
            for version, results in sorted(runs, key=version_key)
        ],
    }


@lru_cache(maxsize=4)
def load(path: Path = DATA_FILE) -> Dict[str, Any]:
    if not path.is_file():
        return {"runs": []}
    with open(path, encoding="utf-8") as handle:
        return dict(json.load(handle))


def _cell(result: Dict[str, Any]) -> str:
    from tf2lint.verify.compare import fmt

    verdict = str(result["verdict"]).replace("-", " ")
    if result.get("max_abs_diff") is None:
        return verdict
    return f"{verdict} ({fmt(result['max_abs_diff'])})"


def verification_section(code: str, data: Dict[str, Any] | None = None) -> List[str]:
    """Markdown lines for a rule page: one row per sample pair, one column per TensorFlow run."""
    data = data if data is not None else load()
    runs = [run for run in data.get("runs", []) if any(code in r.get("codes", ()) for r in run["results"])]
    if not runs:
        return []
    pairs: Dict[str, Dict[str, Any]] = {}
    for run in runs:
        for result in run["results"]:
            if code in result.get("codes", ()):
                pairs.setdefault(result["pair"], {})[run["tf_version"]] = result
    lines = [
        "## Verification",
        "",
        "`tf2lint verify` runs each sample pair (the TF1 program and the TF2 program this rule recommends) "
        "under real TensorFlow and compares the outputs; the cells give the verdict and the largest "
        "absolute difference. The TF2 side is tf2lint's own `fix`, its rendered `replacement`, or written "
        "by `hand` where the advice is a restructuring. Recorded in `tf2lint/data/verification.json`.",
        "",
        "| sample pair | compares | TF2 side | " + " | ".join(f"TF {run['tf_version']}" for run in runs) + " |",
        "|---|---|---|" + "---|" * len(runs),
    ]
    notes: Dict[Tuple[str, str], List[str]] = {}
    for name, by_version in pairs.items():
        outputs = next(iter(by_version.values())).get("outputs") or ""
        source = list(by_version.values())[-1].get("tf2_source") or "-"
        cells = [_cell(by_version[run["tf_version"]]) if run["tf_version"] in by_version else "-" for run in runs]
        lines.append(f"| `{name}` | {outputs} | {source} | " + " | ".join(cells) + " |")
        for version, result in by_version.items():
            if result["verdict"] != "confirmed":
                notes.setdefault((name, str(result["detail"])), []).append(version)
    if notes:
        lines.append("")
        for (name, detail), versions in notes.items():
            lines.append(f"- `{name}` (TF {', '.join(versions)}): {detail}")
    return lines + [""]
