"""Fixture files carry their expected findings inline; the real CLI must report exactly those."""

import json

import pytest

from tests.conftest import FIXTURES, run_cli
from tests.markers import expected

FIXTURE_FILES = sorted(FIXTURES.glob("*.py"))


@pytest.fixture(scope="module")
def cli_findings():
    result = run_cli("check", "--isolated", "--output-format", "json", FIXTURES)
    assert result.returncode in (0, 1), result.stderr
    found = {}
    for item in json.loads(result.stdout):
        found.setdefault(item["filename"], set()).add((item["location"]["row"], item["code"]))
    return {str(k): v for k, v in found.items()}


def test_there_are_fixtures():
    assert len(FIXTURE_FILES) >= 2


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.name)
def test_fixture_findings_match_inline_markers(path, cli_findings):
    want = expected(path.read_text(encoding="utf-8"))
    got = cli_findings.get(str(path), set())
    missing = sorted(want - got)
    extra = sorted(got - want)
    assert not missing and not extra, f"missing={missing} extra={extra}"
