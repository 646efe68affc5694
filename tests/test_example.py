"""The README's first command: check the bundled TF1 example."""

import json

from tests.conftest import ROOT, run_cli


def test_bundled_example_reports_its_tf1_idioms():
    result = run_cli("check", "--output-format", "json", ROOT / "examples")
    assert result.returncode == 1
    codes = {f["code"] for f in json.loads(result.stdout)}
    # placeholders, the session loop with feed_dict, variable scopes, collections; the initializer
    # run is one TF103 (deleting the statement covers the TF104 inside it)
    assert {"TF101", "TF102", "TF103", "TF109", "TF111", "TF201", "TF202", "TF203"} <= codes


def test_example_text_output_ends_with_a_summary():
    result = run_cli("check", ROOT / "examples")
    lines = result.stdout.rstrip().splitlines()
    # "Found N findings in 1 file.", then how many --fix would fix.
    assert lines[-2].startswith("Found ") and "fixable with --fix" in lines[-1], lines[-2:]
