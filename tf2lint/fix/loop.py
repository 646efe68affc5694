"""Fixes applied to a fixpoint: lint, apply what may be applied, re-lint, a bounded number of times.

A pass applies every allowed fix that does not overlap one taken before it; the others
come back re-rendered on the next pass, against the text the first ones produced (ruff
does the same, with 100 passes; ten are plenty for nested TF1 calls). Later passes judge the
module by the TF1 evidence of the text before the fixes (a renamed `tf.log` no longer says
the module runs TF1, but its `tf.random.poisson(lam, shape)` still is TF1's call). The text a pass
produces must parse, or nothing is kept: the file stays as it was and a TF007 finding
says which rules' fixes broke it.
"""

from __future__ import annotations

import ast
import bisect
import warnings
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from tf2lint import tool_findings
from tf2lint.config import Config
from tf2lint.engine import Carried, lint_source, tf1_evidence
from tf2lint.finding import Applicability, Finding, Fix, Position, Severity
from tf2lint.fix.edits import Range, apply_fixes, line_offsets, offset, written
from tf2lint.fix.source import with_newline

MAX_PASSES = 10

Lint = Callable[[str], List[Finding]]


def allowed(fix: Optional[Fix], unsafe: bool) -> bool:
    """Whether ``--fix`` applies this fix: safe ones always, unsafe ones with ``--unsafe-fixes``."""
    if fix is None or not fix.applicable:
        return False
    return fix.applicability == Applicability.SAFE.value or (unsafe and fix.applicability == Applicability.UNSAFE.value)


def fixable(findings: Sequence[Finding], unsafe: bool) -> List[Finding]:
    """The findings whose fixes ``--fix`` would apply (never a TF0xx one: those are about the file)."""
    return [f for f in findings if not f.code.startswith("TF0") and allowed(f.fix, unsafe)]


@dataclass
class Outcome:
    """What fixing one text did."""

    source: str  # the fixed text; the input when nothing was applied or the fixes were refused
    fixed: List[Finding] = field(default_factory=list)  # the findings whose fixes were applied
    error: Optional[Finding] = None  # TF007: refused (file untouched) or not converged (partly fixed)
    passes: int = 0
    findings: Optional[List[Finding]] = None  # what linting ``source`` gives (the last lint), when known
    # What the fixes removed or wrote decided ``findings`` (the TF1 evidence the text had, the
    # TF2 names they wrote): linting ``source`` afresh may give other findings. The evidence
    # level carried (None when there was none).
    carried: bool = False
    evidence: Optional[Severity] = None

    @property
    def changed(self) -> bool:
        return bool(self.fixed)


def parse_error(source: str) -> Optional[str]:
    """Why the text does not parse, or None when it does."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ast.parse(source)
    except SyntaxError as exc:
        return f"{exc.msg} (line {exc.lineno})"
    except (ValueError, RecursionError, MemoryError) as exc:
        return f"{type(exc).__name__}: {exc}"
    return None


def _changes_text(fix: Fix, source: str, offsets: List[int]) -> bool:
    """False for a fix whose edits would leave the text as it is."""
    for e in fix.edits:
        if source[offset(offsets, source, e.start) : offset(offsets, source, e.end)] != e.content:
            return True
    return False


def _positions(source: str, ranges: Sequence[Range]) -> List[Tuple[Position, Position]]:
    """String offsets of ``source`` as (row, column) positions."""
    offsets = line_offsets(source)

    def at(index: int) -> Position:
        row = bisect.bisect_right(offsets, index)
        return Position(row, index - offsets[row - 1])

    return [(at(a), at(b)) for a, b in ranges]


def _codes(findings: Sequence[Finding]) -> str:
    codes = sorted({f.code for f in findings})
    return ", ".join(codes)


def fix_text(
    source: str,
    filename: str,
    config: Config,
    *,
    unsafe: bool = False,
    newline: str = "\n",
    lint: Optional[Lint] = None,
    max_passes: int = MAX_PASSES,
    first: Optional[List[Finding]] = None,
) -> Outcome:
    """Apply the allowed fixes of ``source`` until none is left (or ``max_passes`` passes).

    ``first``: the findings of ``source`` when the caller has them already (one lint less).
    ``lint``: lints a text instead of the engine (then no TF1 evidence is carried between passes).
    """
    current = source
    fixed: List[Finding] = []
    carried: Optional[Carried] = None  # the TF1 evidence of the findings fixed so far, the text they wrote
    wrote: List[Range] = []

    def run(text: str) -> List[Finding]:
        if lint is not None:
            return lint(text)
        return lint_source(text, filename, config, evidence=carried)

    original = found = first if first is not None else run(source)
    for passes in range(max_passes + 1):
        if passes:
            carried = Carried(tf1_evidence(fixed), _positions(current, wrote))
            found = run(current)
        candidates = fixable(found, unsafe)
        offsets = line_offsets(current)
        by_fix: Dict[int, Finding] = {}
        fixes: List[Fix] = []
        for finding in candidates:
            assert finding.fix is not None
            fix = with_newline(finding.fix, newline)
            if _changes_text(fix, current, offsets):
                by_fix[id(fix)] = finding
                fixes.append(fix)
        decided = carried is not None and carried.decided
        evidence = carried.level if carried is not None else None
        if not fixes:
            return Outcome(current, fixed, None, passes, found, decided, evidence)
        if passes == max_passes:
            detail = (f"fixes of {_codes(candidates)} were still pending after {max_passes} passes; "
                      "the fixes applied so far were kept: run --fix again")
            return Outcome(current, fixed, tool_findings.fix_failed(filename, detail), passes, found, decided, evidence)
        new, applied = apply_fixes(current, fixes)
        applied_findings = [by_fix[id(fix)] for fix in applied]
        problem = parse_error(new)
        if problem is not None:
            detail = (f"applying the fixes of {_codes(applied_findings)} would make the file unparsable: {problem}; "
                      "the file was left unchanged")
            at = min(applied_findings, key=lambda f: f.start).start
            return Outcome(source, [], tool_findings.fix_failed(filename, detail, at.row, at.col), passes, original)
        fixed += applied_findings
        wrote = written(current, applied, wrote)
        current = new
    raise AssertionError("unreachable")  # pragma: no cover
