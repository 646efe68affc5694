"""The migration harness: turn a TF1 program into the TF2 program tf2lint's own output describes.

This is how a sample pair's TF2 side is produced from its TF1 source, so what `tf2lint verify`
runs is what a user is told to write:

1. lint the source; apply every fix that can be applied (safe and unsafe, as
   `tf2lint check --fix --unsafe-fixes` does) and, for a finding without one, insert its
   rendered replacement: the edits of a display-only fix, or else the code the replacement
   text starts with (its backquoted span, when the text is that code or starts with it and
   it parses as Python) put in place of the finding's span;
2. re-lint and repeat until nothing changes (at most `MAX_PASSES` passes; overlapping edits
   wait for the next pass). Fixes and replacements go in the same passes, so every piece of
   advice is followed as it was printed for the original program (a later pass may no longer
   report an idiom whose evidence an earlier fix rewrote);
3. lint the result: any finding left means the advice could not be rendered, and the
   harness says which (the pair then fails).

The source of the result is `fix` when fixes did everything, `replacement` when a rendered
replacement was needed. Nothing here imports TensorFlow.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, List, Optional, Set, Tuple

from tf2lint.finding import Edit, Finding, Fix

MAX_PASSES = 10
FIX, REPLACEMENT = "fix", "replacement"
_LEADING_CODE = re.compile(r"\s*`([^`]+)`")


class MigrationError(Exception):
    """tf2lint's advice for this source could not be turned into a program."""


@dataclass(frozen=True)
class Migration:
    source: str  # the TF2 program
    how: str  # FIX or REPLACEMENT
    fixed: Tuple[str, ...] = ()  # codes whose fixes were applied
    replaced: Tuple[str, ...] = ()  # codes whose rendered replacement was inserted
    remaining: Tuple[str, ...] = field(default=())  # findings no output could render ("TF101 3:4 ...")


def _config(target: Optional[Tuple[int, int]]) -> Any:
    """The default configuration, aimed at the TensorFlow the result will run on (clamped to the supported ones)."""
    from tf2lint.config import SUPPORTED_TARGETS, Config

    config = Config()
    if target is not None:
        config = replace(config, target_version=min(max(target, SUPPORTED_TARGETS[0]), SUPPORTED_TARGETS[-1]))
    return config


def _lint(source: str, target: Optional[Tuple[int, int]]) -> List[Finding]:
    from tf2lint.engine import lint_source

    return lint_source(source, "<migrated>", _config(target), apply_noqa=False)


def rendered_code(finding: Finding) -> Optional[str]:
    """The code a finding's replacement text starts with, when it is Python (else None)."""
    match = _LEADING_CODE.match(finding.replacement or "")
    if not match:
        return None
    code = match.group(1).strip()
    probe = code.split("=", 1)[1] if re.match(r"^[A-Za-z_]\w*=(?!=)", code) else code  # a keyword argument
    try:
        ast.parse(probe, mode="eval")
    except SyntaxError:
        return None
    return code


def _span_text(lines: List[str], finding: Finding) -> str:
    start, end = finding.start, finding.end
    if start.row == end.row:
        return lines[start.row - 1][start.col : end.col]
    return "".join([lines[start.row - 1][start.col :]] + lines[start.row : end.row - 1] + [lines[end.row - 1][: end.col]])


def _callee_only(span: str, code: str) -> Optional[str]:
    """`tf.math.log(x)` for the span `tf.log(x)` and the rendered name `tf.math.log` (else None)."""
    try:
        node = ast.parse(span.strip(), mode="eval").body
        name = ast.parse(code, mode="eval").body
    except SyntaxError:
        return None
    if not (isinstance(node, ast.Call) and isinstance(name, (ast.Name, ast.Attribute)) and node.func.end_lineno == 1):
        return None
    stripped = span.strip()
    return code + stripped[node.func.end_col_offset or 0 :]


def _display_fix(finding: Finding, lines: List[str]) -> Optional[Fix]:
    """The edits that insert a finding's rendered replacement, or None."""
    if finding.fix is not None and finding.fix.edits:
        return Fix("unsafe", finding.fix.edits, finding.fix.message)
    code = rendered_code(finding)
    if code is None:
        return None
    # A replacement that is a bare name for a call ("`tf.math.log`", "`tf.keras.optimizers.Adam`
    # with the same arguments") renames the callee; the finding spans the whole call.
    code = _callee_only(_span_text(lines, finding), code) or code
    return Fix("unsafe", (Edit(finding.start, finding.end, code),))


def _render(finding: Finding) -> str:
    return f"{finding.code} {finding.start.row}:{finding.start.col} {finding.message}"


@lru_cache(maxsize=64)
def migrate(source: str, target: Optional[Tuple[int, int]] = None) -> Migration:
    """The TF2 program for a TF1 source, from tf2lint's fixes and rendered replacements."""
    from tf2lint.fix.edits import apply_fixes

    fixed: List[str] = []
    replaced: List[str] = []
    inserted: Set[str] = set()  # replacement code put in: reported again, it is not re-rendered
    for _ in range(MAX_PASSES):
        lines = source.splitlines(keepends=True)
        candidates: List[Tuple[Finding, Fix, bool]] = []
        for finding in _lint(source, target):
            if finding.fix is not None and finding.fix.applicable:
                candidates.append((finding, finding.fix, True))
            elif _span_text(lines, finding) not in inserted:
                display = _display_fix(finding, lines)
                if display is not None:
                    candidates.append((finding, display, False))
        if not candidates:
            break
        source, applied = apply_fixes(source, [fix for _, fix, _ in candidates])
        for finding, fix, is_fix in candidates:
            if fix in applied:
                (fixed if is_fix else replaced).append(finding.code)
                if not is_fix:
                    inserted.update(edit.content for edit in fix.edits)
        if not applied:
            break
    remaining = tuple(_render(f) for f in _lint(source, target))
    try:
        ast.parse(source)
    except SyntaxError as exc:
        remaining += (f"the migrated program does not parse: {exc}",)
    return Migration(source, REPLACEMENT if replaced else FIX, tuple(fixed), tuple(replaced), remaining)


def migrated_source(source: str, target: Optional[Tuple[int, int]] = None) -> str:
    """The migrated program, or MigrationError naming what tf2lint's output could not render."""
    result = migrate(source, target)
    if result.remaining:
        raise MigrationError("tf2lint's advice leaves " + "; ".join(result.remaining))
    return result.source
