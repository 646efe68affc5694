"""Fix-all: the document's text with every safe fix applied, to a fixpoint, as `check --fix` does."""

from __future__ import annotations

from typing import List, Optional, Sequence

from tf2lint.config import Config
from tf2lint.engine import lint_source
from tf2lint.finding import Finding
from tf2lint.fix.loop import fix_text
from tf2lint.fix.source import newline_of


def fixed_text(source: str, filename: str, config: Config, findings: Sequence[Finding]) -> Optional[str]:
    """The text with the safe fixes applied, or None when nothing applies or the result would
    not parse (the document then stays as it is)."""

    def lint(text: str) -> List[Finding]:
        # The first pass is the document's version already linted: no second engine call for it.
        return list(findings) if text is source else lint_source(text, filename, config)

    outcome = fix_text(source, filename, config, unsafe=False, newline=newline_of(source), lint=lint)
    if not outcome.changed or outcome.source == source:
        return None
    return outcome.source
