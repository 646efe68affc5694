"""Hover on a flagged range: this finding's replacement, then the rule's page."""

from __future__ import annotations

from typing import List, Optional, Sequence

from lsprotocol import types

from tf2lint.docs import render_rule_page
from tf2lint.finding import Finding, Position
from tf2lint.registry import rule_by_code
from tf2lint.server.diagnostics import diagnostic
from tf2lint.server.document import Snapshot


def _covers(finding: Finding, pos: Position) -> bool:
    return finding.start <= pos <= finding.end


def _section(finding: Finding) -> str:
    parts: List[str] = [f"**{finding.code}** `{finding.symbol}`: {finding.message}"]
    if finding.replacement:
        parts.append(f"**Instead:** {finding.replacement}")
    if finding.fix is not None and finding.fix.applicable:
        parts.append(f"**Fix ({finding.fix.applicability}):** {finding.fix.message or 'available as a quick fix'}")
    try:
        page = _demoted(render_rule_page(rule_by_code(finding.code)))
    except KeyError:  # pragma: no cover - every finding's code is in the catalog
        page = ""
    if page:
        parts.append("---\n\n" + page.rstrip())
    elif finding.url:
        parts.append(f"[{finding.code}]({finding.url})")
    return "\n\n".join(parts)


def _demoted(markdown: str) -> str:
    """The page's headings one level down (a hover is no page), code blocks untouched."""
    out: List[str] = []
    fenced = False
    for line in markdown.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and line.startswith("#"):
            line = "#" + line
        out.append(line)
    return "\n".join(out)


def hover(snapshot: Snapshot, findings: Sequence[Finding], at: types.Position) -> Optional[types.Hover]:
    """The hover for the findings under the cursor, or None when there is none."""
    pos = snapshot.from_client(at)
    under = [f for f in findings if _covers(f, pos)]
    if not under:
        return None
    rng = diagnostic(snapshot, under[0]).range
    text = "\n\n---\n\n".join(_section(f) for f in under)
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text), range=rng)
