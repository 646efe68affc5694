"""Findings as LSP diagnostics."""

from __future__ import annotations

from typing import Dict

from lsprotocol import types

from tf2lint.finding import Finding, Position, Severity
from tf2lint.server.document import Snapshot

SOURCE = "tf2lint"

SEVERITIES: Dict[Severity, types.DiagnosticSeverity] = {
    Severity.ERROR: types.DiagnosticSeverity.Error,  # removed: the line fails on TF2
    Severity.WARNING: types.DiagnosticSeverity.Warning,  # legacy: runs through compat.v1
    Severity.INFO: types.DiagnosticSeverity.Information,  # advice
}


def message(finding: Finding) -> str:
    """The message with the replacement after an arrow, as the flake8 and pylint plugins show it."""
    return f"{finding.message} -> {finding.replacement}" if finding.replacement else finding.message


def diagnostic(snapshot: Snapshot, finding: Finding) -> types.Diagnostic:
    end = finding.end
    if end <= finding.start:
        # A finding about the file itself (a syntax error) marks a point: underline the rest
        # of its line so that every editor shows it.
        end = Position(finding.start.row, max(len(snapshot.line(finding.start.row)), finding.start.col))
    return types.Diagnostic(
        range=snapshot.range(finding.start, end),
        message=message(finding),
        severity=SEVERITIES[finding.severity],
        code=finding.code,
        code_description=types.CodeDescription(href=finding.url) if finding.url else None,
        source=SOURCE,
    )
