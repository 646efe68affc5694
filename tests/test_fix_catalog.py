"""Every rule's FIXES pairs hold: `before` fixed to the fixpoint (unsafe fixes included) is `after`."""

import ast

import pytest

from tf2lint.docs import render_index, render_rule_page
from tf2lint.engine import lint_source
from tf2lint.fix import catalog
from tf2lint.fix.loop import allowed, fix_text
from tf2lint.registry import all_rules

RULES = all_rules()
PAIRS = [
    pytest.param(rule, before, after, id=f"{rule.code}-{i}")
    for rule in RULES
    for i, (before, after) in enumerate(rule.FIXES)
]


def test_some_rule_has_fix_examples():
    assert PAIRS, "no rule carries FIXES pairs: the fix machinery would go untested"


@pytest.mark.parametrize("rule, before, after", PAIRS)
def test_fixes_turn_before_into_after(rule, before, after):
    config = catalog.config_for(rule)
    assert any(f.code == rule.code and allowed(f.fix, True) for f in lint_source(before, "example.py", config)), (
        f"{rule.code}: `before` must carry an applicable fix of the rule"
    )
    outcome = fix_text(before, "example.py", config, unsafe=True)
    assert outcome.error is None, outcome.error
    assert outcome.source == after
    ast.parse(after)
    left = [f for f in lint_source(after, "example.py", config) if f.code == rule.code and allowed(f.fix, True)]
    assert left == [], f"{rule.code}: `after` still offers a fix"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_fix_availability_is_derived_and_shown(rule):
    kinds = catalog.availability(rule)
    page = render_rule_page(rule)
    assert catalog.describe(rule) in page
    applicable = [k for k in kinds if k != "display-only"]
    if rule.FIXES:
        assert applicable, f"{rule.code}: FIXES pairs whose `before` carries no applicable fix"
        for before, after in rule.FIXES:
            assert before.rstrip("\n") in page and after.rstrip("\n") in page
    else:
        assert not applicable, f"{rule.code}: its examples carry {applicable} fixes: add FIXES (before, after) pairs"


def test_the_index_has_a_fix_column():
    index = render_index(RULES)
    assert "| code | symbol | what it reports | fix |" in index
    assert "| [TF902](TF902.md) | `renamed-symbol` |" in index and "| safe |" in index
