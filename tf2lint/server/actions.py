"""Code actions: a quick fix per fixable finding, fix-all for the safe ones, and noqa.

Fixes come from the findings' own ``Fix`` edits, the ones ``tf2lint check --fix`` applies:
an unsafe fix is offered with "(unsafe)" in its title and never applied by fix-all; a
display-only fix is advice a person writes, so it is never offered as an edit.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import List, Optional, Sequence

from lsprotocol import types

from tf2lint.finding import Applicability, Edit, Finding, Fix, Position
from tf2lint.fix.edits import line_offsets
from tf2lint.fix.source import newline_of, with_newline
from tf2lint.server.diagnostics import diagnostic
from tf2lint.server.document import Snapshot
from tf2lint.server.suppression import noqa_edit

FIX_ALL_KIND = "source.fixAll.tf2lint"
KINDS = [types.CodeActionKind.QuickFix, FIX_ALL_KIND]

# Physical lines with their breaks (\n, \r\n, \r: as Python and LSP count them).
_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def wanted(only: Optional[Sequence[str]], kind: str) -> bool:
    """Whether a requested kind (`source`, `source.fixAll`, ...) covers ``kind``; kinds are hierarchical."""
    if not only:
        return True
    return any(kind == k or kind.startswith(k + ".") for k in only)


def touches(snapshot: Snapshot, finding: Finding, rng: types.Range) -> bool:
    """Whether a finding's range meets the requested range (a cursor inside or at either end counts)."""
    span = diagnostic(snapshot, finding).range
    start, end = (span.start.line, span.start.character), (span.end.line, span.end.character)
    return start <= (rng.end.line, rng.end.character) and (rng.start.line, rng.start.character) <= end


def text_edit(snapshot: Snapshot, edit: Edit) -> types.TextEdit:
    return types.TextEdit(range=snapshot.range(edit.start, edit.end), new_text=edit.content)


def workspace_edit(snapshot: Snapshot, edits: Sequence[types.TextEdit]) -> types.WorkspaceEdit:
    document = types.OptionalVersionedTextDocumentIdentifier(uri=snapshot.uri, version=snapshot.version)
    return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(text_document=document, edits=list(edits))])


def quick_fix(snapshot: Snapshot, finding: Finding) -> Optional[types.CodeAction]:
    fix = finding.fix
    if fix is None or not fix.applicable:
        return None
    unsafe = fix.applicability == Applicability.UNSAFE.value
    title = f"{finding.code}: {fix.message or 'apply the fix'}" + (" (unsafe)" if unsafe else "")
    # Inserted lines break as the document's lines do.
    edits = [text_edit(snapshot, e) for e in sorted(set(with_newline(fix, newline_of(snapshot.text)).edits))]
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic(snapshot, finding)],
        edit=workspace_edit(snapshot, edits),
        is_preferred=not unsafe,
    )


def disable_for_line(snapshot: Snapshot, finding: Finding) -> Optional[types.CodeAction]:
    edit = noqa_edit(snapshot.lines, finding.start.row, finding.code)
    if edit is None:
        return None
    return types.CodeAction(
        title=f"Disable {finding.code} for this line",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic(snapshot, finding)],
        edit=workspace_edit(snapshot, [text_edit(snapshot, edit)]),
    )


def whole_text_edit(snapshot: Snapshot, new: str) -> types.TextEdit:
    """One edit turning the document into ``new``: the lines between the common head and tail."""
    old_lines = _LINES.findall(snapshot.text)
    new_lines = _LINES.findall(new)
    head = 0
    while head < min(len(old_lines), len(new_lines)) and old_lines[head] == new_lines[head]:
        head += 1
    tail = 0
    while (
        tail < min(len(old_lines), len(new_lines)) - head
        and old_lines[len(old_lines) - 1 - tail] == new_lines[len(new_lines) - 1 - tail]
    ):
        tail += 1
    start = sum(len(line) for line in old_lines[:head])
    end = len(snapshot.text) - sum(len(line) for line in old_lines[len(old_lines) - tail :])
    new_end = len(new) - sum(len(line) for line in new_lines[len(new_lines) - tail :])
    return types.TextEdit(
        range=types.Range(start=_client_at(snapshot, start), end=_client_at(snapshot, end)),
        new_text=new[start:new_end],
    )


def _client_at(snapshot: Snapshot, offset: int) -> types.Position:
    """The client position of a string offset in the snapshot's text."""
    starts = line_offsets(snapshot.text)
    row = bisect_right(starts, offset)
    return snapshot.to_client(Position(row, offset - starts[row - 1]))


def fix_all(snapshot: Snapshot, new_text: Optional[str]) -> Optional[types.CodeAction]:
    if new_text is None or new_text == snapshot.text:
        return None
    return types.CodeAction(
        title="tf2lint: fix all safe fixes",
        kind=FIX_ALL_KIND,
        edit=workspace_edit(snapshot, [whole_text_edit(snapshot, new_text)]),
    )


def wants_fix_all(findings: Sequence[Finding], only: Optional[Sequence[str]]) -> bool:
    """Whether the request asks for fix-all and a safe fix exists (fixing is worth computing)."""
    return wanted(only, FIX_ALL_KIND) and any(_safe(f.fix) for f in findings if not f.code.startswith("TF0"))


def code_actions(
    snapshot: Snapshot,
    findings: Sequence[Finding],
    rng: types.Range,
    only: Optional[Sequence[str]],
    fixed_text: Optional[str] = None,
) -> List[types.CodeAction]:
    """The actions for the findings meeting ``rng``, plus fix-all when ``fixed_text`` (the
    text with every safe fix applied) differs from the document's."""
    actions: List[types.CodeAction] = []
    if wanted(only, types.CodeActionKind.QuickFix):
        for finding in findings:
            if finding.code.startswith("TF0") or not touches(snapshot, finding, rng):
                continue
            for action in (quick_fix(snapshot, finding), disable_for_line(snapshot, finding)):
                if action is not None:
                    actions.append(action)
    if wants_fix_all(findings, only):
        action = fix_all(snapshot, fixed_text)
        if action is not None:
            actions.append(action)
    return actions


def _safe(fix: Optional[Fix]) -> bool:
    return fix is not None and fix.applicable and fix.applicability == Applicability.SAFE.value
