"""docs/rules/ is generated from the catalog; committed pages must match."""

import subprocess
import sys

from tests.conftest import ROOT


def test_rule_pages_match_the_catalog():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gen_rule_docs.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_page_has_the_required_sections():
    from tf2lint.docs import render_rule_page
    from tf2lint.registry import all_rules

    for rule in all_rules():
        page = render_rule_page(rule)
        for section in ("## What it does", "## Why is this bad?", "## Use instead", "## Fix safety"):
            assert section in page, (rule.code, section)
        if rule.family():
            assert "## Example" in page and "## References" in page, rule.code
