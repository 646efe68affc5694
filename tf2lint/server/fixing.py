"""Fix-all: the document's text with every safe fix applied, to a fixpoint, as `check --fix` does."""

from __future__ import annotations

from typing import Optional, Sequence

from tf2lint.config import Config
from tf2lint.finding import Finding
from tf2lint.fix.loop import fix_text
from tf2lint.fix.source import newline_of


def fixed_text(source: str, filename: str, config: Config, findings: Sequence[Finding]) -> Optional[str]:
    """The text with the safe fixes applied, or None when nothing applies or the result would
    not parse (the document then stays as it is)."""

    # The first pass is the document's version already linted: no second engine call for it.
    outcome = fix_text(source, filename, config, unsafe=False, newline=newline_of(source), first=list(findings))
    if not outcome.changed or outcome.source == source:
        return None
    return outcome.source
