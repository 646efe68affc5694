"""Fix-all: the document's text with every safe fix applied."""

from __future__ import annotations

import ast
import warnings
from typing import List, Optional, Sequence

from tf2lint.config import Config
from tf2lint.finding import Applicability, Finding, Fix
from tf2lint.fix.edits import apply_fixes


def _safe_fixes(findings: Sequence[Finding]) -> List[Fix]:
    return [
        f.fix
        for f in findings
        if f.fix is not None and f.fix.applicable and f.fix.applicability == Applicability.SAFE.value and not f.code.startswith("TF0")
    ]


def _parses(source: str) -> bool:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True


def fixed_text(source: str, filename: str, config: Config, findings: Sequence[Finding]) -> Optional[str]:
    """The text with the safe fixes applied, or None when there is nothing to apply or the
    result would not parse (the document is then left as it is)."""
    fixes = _safe_fixes(findings)
    if not fixes:
        return None
    new, applied = apply_fixes(source, fixes)
    if not applied or new == source or not _parses(new):
        return None
    return new
