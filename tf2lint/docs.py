"""Rule pages, rendered from the catalog (for `tf2lint rule` and docs/rules/)."""

from __future__ import annotations

from typing import List, Type

from tf2lint.fix import catalog
from tf2lint.rules.base import FAMILIES, Rule
from tf2lint.verify.records import verification_section


def _example(source: str) -> str:
    return "```python\n" + source.rstrip("\n") + "\n```"


def render_rule_page(cls: Type[Rule]) -> str:
    what, why = cls.docs()
    lines: List[str] = [
        f"# {cls.code} `{cls.symbol}`",
        "",
        f"Family {cls.family()}: {FAMILIES[cls.family()]}."
        + ("" if cls.default_enabled else " Off by default: enable it with `--extend-select " + cls.code + "`."),
        "",
        "## What it does",
        "",
        what,
        "",
        "## Why is this bad?",
        "",
        why,
        "",
    ]
    if cls.INVALID:
        lines += ["## Example", ""]
        for source in cls.INVALID:
            lines += [_example(source), ""]
    lines += ["## Use instead", "", cls.replacement, ""]
    if cls.VALID:
        for source in cls.VALID[:1]:
            lines += [_example(source), ""]
    if cls.version_notes:
        lines += ["## TensorFlow versions", "", cls.version_notes, ""]
    lines += verification_section(cls.code)
    lines += ["## Fix safety", "", catalog.describe(cls), "", cls.fix_safety, ""]
    applied = "`--fix --unsafe-fixes`" if "unsafe" in catalog.availability(cls) else "`--fix`"
    for before, after in cls.FIXES:
        lines += ["Before:", "", _example(before), "", f"After {applied}:", "", _example(after), ""]
    refs = cls.references()
    if refs:
        lines += ["## References", ""] + [f"- <{url}>" for url in refs] + [""]
    lines += [
        f"pylint: `W7{cls.code[2:]}` (`{cls.symbol}`); flake8 and the CLI: `{cls.code}`.",
        "",
    ]
    return "\n".join(lines)


def render_index(rules: List[Type[Rule]]) -> str:
    lines = ["# tf2lint rules", "", "Generated from the rule catalog by `scripts/gen_rule_docs.py`.", ""]
    family = -1
    for cls in rules:
        if cls.family() != family:
            family = cls.family()
            lines += ["", f"## TF{family}xx: {FAMILIES[family]}", "", "| code | symbol | what it reports | fix |", "|---|---|---|---|"]
        what = cls.docs()[0].replace("|", "\\|")
        lines.append(f"| [{cls.code}]({cls.code}.md) | `{cls.symbol}` | {what} | {catalog.label(cls)} |")
    return "\n".join(lines) + "\n"
