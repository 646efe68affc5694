"""Fixture files carry their expected findings inline; the real CLI must report exactly those."""

import json

import pytest

from tests.conftest import FIXTURES, run_cli
from tests.markers import expected

FIXTURE_FILES = sorted(FIXTURES.glob("*.py"))


OPT_IN = "TF990"  # fixtures marking the opt-in rule are checked with it selected


@pytest.fixture(scope="module")
def cli_findings():
    opt_in = [p for p in FIXTURE_FILES if f"[{OPT_IN}" in p.read_text(encoding="utf-8")]
    runs = [[str(FIXTURES)], ["--extend-select", OPT_IN, *map(str, opt_in)]] if opt_in else [[str(FIXTURES)]]
    found = {}
    for i, args in enumerate(runs):
        result = run_cli("check", "--isolated", "--no-cache", "--output-format", "json", *args)
        assert result.returncode in (0, 1), result.stderr
        per_run = {}
        for item in json.loads(result.stdout):
            per_run.setdefault(str(item["filename"]), set()).add((item["location"]["row"], item["code"]))
        found.update(per_run if i else {k: v for k, v in per_run.items() if k not in map(str, opt_in)})
    return found


def test_there_are_fixtures():
    assert len(FIXTURE_FILES) >= 2


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.name)
def test_fixture_findings_match_inline_markers(path, cli_findings):
    want = expected(path.read_text(encoding="utf-8"))
    got = cli_findings.get(str(path), set())
    missing = sorted(want - got)
    extra = sorted(got - want)
    assert not missing and not extra, f"missing={missing} extra={extra}"
