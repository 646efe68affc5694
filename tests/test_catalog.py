"""Every rule carries complete metadata, and its VALID/INVALID examples hold."""

import re

import pytest

from tests.markers import expected
from tf2lint.config import Config
from tf2lint.engine import lint_source
from tf2lint.registry import all_rules

RULES = all_rules()
CONFIG_ALL = Config(select=("TF",), extend_select=tuple(r.code for r in RULES if not r.default_enabled))


def _config_for(rule):
    return CONFIG_ALL if not rule.default_enabled else Config()


def test_codes_and_symbols_are_unique_and_well_formed():
    codes = [r.code for r in RULES]
    symbols = [r.symbol for r in RULES]
    assert len(set(codes)) == len(codes)
    assert len(set(symbols)) == len(symbols)
    for rule in RULES:
        assert re.fullmatch(r"TF\d{3}", rule.code), rule.code
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.symbol), rule.symbol


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_metadata_is_complete(rule):
    what, why = rule.docs()
    assert what, f"{rule.code}: docstring needs a first paragraph (what it does)"
    assert why, f"{rule.code}: docstring needs a second part (why is this bad)"
    assert rule.summary and rule.replacement and rule.fix_safety
    if rule.family() != 0:
        assert rule.INVALID, f"{rule.code}: needs INVALID examples"
        assert rule.VALID, f"{rule.code}: needs VALID examples"


def _examples(kind):
    for rule in RULES:
        for i, source in enumerate(getattr(rule, kind)):
            yield pytest.param(rule, source, id=f"{rule.code}-{i}")


@pytest.mark.parametrize("rule,source", list(_examples("INVALID")))
def test_invalid_example_reports_exactly_the_marked_findings(rule, source):
    marks = expected(source)
    assert any(code == rule.code for _, code in marks), "an INVALID example must mark the rule's own code"
    found = {(f.start.row, f.code) for f in lint_source(source, "example.py", _config_for(rule))}
    assert found == marks


@pytest.mark.parametrize("rule,source", list(_examples("VALID")))
def test_valid_example_reports_nothing(rule, source):
    found = [(f.start.row, f.code, f.message) for f in lint_source(source, "example.py", _config_for(rule))]
    assert found == []
