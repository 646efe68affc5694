"""The verify table, the recorded runs and the rule-page section built from them (no TensorFlow)."""

from __future__ import annotations

import io
import json
import subprocess
import sys

from tests.conftest import ROOT
from tf2lint.docs import render_rule_page
from tf2lint.registry import rule_by_code
from tf2lint.verify.compare import fmt
from tf2lint.verify.environment import version_tuple
from tf2lint.verify.pairs import load_pairs
from tf2lint.verify.records import build, load, verification_section
from tf2lint.verify.report import render_records

RECORDS = [
    {"code": "TF701", "codes": ["TF701"], "pair": "optimizer-adam", "verdict": "confirmed", "tf_version": "2.21.0",
     "max_abs_diff": 3.6e-07, "detail": "agree within atol 1e-06 (weights)", "outputs": "weights"},
    {"code": "TF701", "codes": ["TF701"], "pair": "optimizer-rmsprop", "verdict": "documented-difference",
     "tf_version": "2.21.0", "max_abs_diff": 0.31, "detail": "slot: measured 0.31", "outputs": "weights"},
    {"code": "TF301", "codes": ["TF301"], "pair": "estimator-to-keras-fit", "verdict": "skipped", "tf_version": "2.21.0",
     "max_abs_diff": None, "detail": "needs TF <= 2.15", "outputs": "weights"},
]


def test_table_has_one_aligned_row_per_pair_and_a_summary():
    out = io.StringIO()
    render_records(RECORDS, out, heading="TensorFlow 2.21.0")
    lines = out.getvalue().splitlines()
    assert lines[0] == "TensorFlow 2.21.0"
    header = lines[2]
    assert header.split() == ["rule", "pair", "TF", "verdict", "max", "abs", "diff", "detail"]
    rows = lines[3:6]
    verdict_column = header.index("verdict")
    assert [row[verdict_column:].split()[0] for row in rows] == ["confirmed", "documented-difference", "skipped"]
    assert "3.6e-07" in rows[0] and "0.31" in rows[1] and "needs TF <= 2.15" in rows[2]
    assert lines[-1] == "3 pairs: 1 confirmed, 1 documented-difference, 0 identity, 1 skipped, 0 failed"


def test_fmt():
    assert [fmt(v) for v in (None, 0.0, 0.31, 3.6e-07, float("inf"))] == ["-", "0", "0.31", "3.6e-07", "inf"]


def test_rule_page_section_has_a_column_per_tensorflow_and_notes_for_differences():
    older = [dict(r, tf_version="2.15.1") for r in RECORDS]
    older[2].update(verdict="confirmed", max_abs_diff=0.0)
    data = build([("2.21.0", RECORDS), ("2.15.1", older)])
    assert [run["tf_version"] for run in data["runs"]] == ["2.15.1", "2.21.0"]
    section = verification_section("TF701", data)
    assert section[0] == "## Verification"
    assert "| sample pair | compares | TF2 side | TF 2.15.1 | TF 2.21.0 |" in section
    assert "| `optimizer-adam` | weights | - | confirmed (3.6e-07) | confirmed (3.6e-07) |" in section
    assert "| `optimizer-rmsprop` | weights | - | documented difference (0.31) | documented difference (0.31) |" in section
    assert "- `optimizer-rmsprop` (TF 2.15.1, 2.21.0): slot: measured 0.31" in section
    estimator = verification_section("TF301", data)
    assert "| `estimator-to-keras-fit` | weights | - | confirmed (0) | skipped |" in estimator
    assert "- `estimator-to-keras-fit` (TF 2.21.0): needs TF <= 2.15" in estimator
    assert verification_section("TF999", data) == []


def test_recorded_runs_cover_exactly_the_bundled_pairs():
    """Re-record (scripts/record_verification.py) whenever a sample pair is added or changed."""
    runs = load()["runs"]
    assert {version_tuple(run["tf_version"]) for run in runs} >= {(2, 15), (2, 21)}
    expected = {(p.name, tuple(p.codes), p.outputs) for p in load_pairs()}
    for run in runs:
        recorded = {(r["pair"], tuple(r["codes"]), r["outputs"]) for r in run["results"]}
        assert recorded == expected, run["tf_version"]
        assert not [r for r in run["results"] if r["verdict"] == "failed"], run["tf_version"]


def test_rule_pages_show_the_recorded_verification():
    page = render_rule_page(rule_by_code("TF101"))
    assert "## Verification" in page and "`session-placeholder-forward`" in page
    assert page.index("## Verification") < page.index("## Fix safety")


def test_record_script_refuses_a_run_with_failures(tmp_path):
    failing = tmp_path / "run.json"
    failing.write_text(json.dumps([dict(RECORDS[0], verdict="failed", detail="max abs diff 0.2 exceeds atol 1e-06")]))
    before = (ROOT / "tf2lint" / "data" / "verification.json").read_text()
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "record_verification.py"), str(failing)], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode != 0
    assert "not recording a run with failures" in result.stderr
    assert (ROOT / "tf2lint" / "data" / "verification.json").read_text() == before


def _compare(tmp_path, results):
    path = tmp_path / "fresh.json"
    path.write_text(json.dumps(results))
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "compare_verification.py"), str(path)], capture_output=True, text=True, cwd=ROOT
    )


def test_ci_compare_passes_the_recorded_results_and_fails_on_drift(tmp_path):
    run = load()["runs"][-1]
    fresh = [dict(r, tf_version=run["tf_version"]) for r in run["results"]]
    same = _compare(tmp_path, fresh)
    assert same.returncode == 0 and "matches the recorded run" in same.stdout, same.stdout + same.stderr
    drifted = [dict(r) for r in fresh[1:]]
    drifted[0]["verdict"] = "identity" if drifted[0]["verdict"] != "identity" else "confirmed"
    drifted[1]["tf2_source"] = "hand" if drifted[1]["tf2_source"] != "hand" else "fix"
    result = _compare(tmp_path, drifted)
    assert result.returncode == 1
    assert f"{fresh[0]['pair']}: recorded, but not in this run" in result.stdout
    assert f"{drifted[0]['pair']}: verdict" in result.stdout and f"{drifted[1]['pair']}: tf2_source" in result.stdout
