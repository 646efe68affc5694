"""SARIF 2.1.0 output, as GitHub code scanning and other SARIF viewers read it.

Every rule of the catalog is described in ``tool.driver.rules`` (its page as help);
results point at files relative to ``%SRCROOT%`` (the working directory) with full
regions, columns counted in Unicode code points, and carry a ``partialFingerprints``
entry that does not depend on line numbers (the baseline fingerprint), so a result
keeps its identity when lines are inserted above it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, TextIO
from urllib.parse import quote

from tf2lint import __version__
from tf2lint.finding import DOCS_BASE_URL, Finding, Position, Severity
from tf2lint.notebook import cell_of
from tf2lint.output.safe import safe_findings

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
PROJECT_URL = DOCS_BASE_URL.split("/blob/")[0]
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "tf2lint/v1"

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _rules() -> List[Dict[str, Any]]:
    from tf2lint.docs import render_rule_page
    from tf2lint.registry import all_rules
    from tf2lint.rules.base import FAMILIES

    out = []
    for cls in all_rules():
        what, why = cls.docs()
        page = render_rule_page(cls)
        out.append(
            {
                "id": cls.code,
                "name": cls.symbol,
                "shortDescription": {"text": what},
                "fullDescription": {"text": f"{what}\n\n{why}" if why else what},
                "help": {"text": page, "markdown": page},
                "helpUri": cls.url(),
                "defaultConfiguration": {
                    "level": LEVELS[cls.severity or Severity.ERROR],
                    "enabled": cls.default_enabled,
                },
                "properties": {"tags": ["tensorflow", "tf2-migration", FAMILIES[cls.family()]], "precision": "high"},
            }
        )
    return out


def artifact_location(filename: str, root: str) -> Dict[str, str]:
    """A URI relative to %SRCROOT% for files under the root, else an absolute file URI."""
    absolute = os.path.abspath(filename)
    try:
        rel = os.path.relpath(absolute, root)
    except ValueError:  # another drive on Windows
        rel = os.pardir
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        return {"uri": Path(absolute).as_uri()}
    return {"uri": quote(Path(rel).as_posix()), "uriBaseId": SRCROOT}


def _region(start: Position, end: Position) -> Dict[str, int]:
    return {"startLine": start.row, "startColumn": start.col + 1, "endLine": end.row, "endColumn": end.col + 1}


def _result(f: Finding, rule_index: Dict[str, int], fingerprint: Optional[str], root: str) -> Dict[str, Any]:
    location = artifact_location(f.filename, root)
    cell = cell_of(f)
    text = f.message + (f" (notebook cell {cell})" if cell is not None else "")
    if f.replacement:
        text += f"\nUse instead: {f.replacement}"
    result: Dict[str, Any] = {
        "ruleId": f.code,
        "level": LEVELS[f.severity],
        "message": {"text": text},
        "locations": [{"physicalLocation": {"artifactLocation": location, "region": _region(f.start, f.end)}}],
    }
    if f.code in rule_index:
        result["ruleIndex"] = rule_index[f.code]
    if fingerprint:
        result["partialFingerprints"] = {FINGERPRINT_KEY: fingerprint}
    # A fix a viewer may apply: never a display-only one, and never in a notebook, whose
    # edits count rows inside a cell while SARIF regions count them in the file.
    if f.fix is not None and f.fix.applicable and cell is None:
        result["fixes"] = [
            {
                "description": {"text": f"{f.fix.applicability} fix: {f.fix.message or f.replacement}"},
                "artifactChanges": [
                    {
                        "artifactLocation": location,
                        "replacements": [
                            {"deletedRegion": _region(e.start, e.end), "insertedContent": {"text": e.content}}
                            for e in f.fix.edits
                        ],
                    }
                ],
            }
        ]
    if cell is not None:
        result["properties"] = {"cell": cell}
    return result


def _fingerprints_from_files(findings: Sequence[Finding]) -> List[str]:
    """Fingerprints for callers that did not compute them while checking."""
    from tf2lint.baseline import fingerprints
    from tf2lint.runner import read

    by_file: Dict[str, List[int]] = {}
    for i, f in enumerate(findings):
        by_file.setdefault(f.filename, []).append(i)
    out = [""] * len(findings)
    for filename, indexes in by_file.items():
        data, _ = read(filename)
        for i, fp in zip(indexes, fingerprints(data or b"", filename, [findings[i] for i in indexes])):
            out[i] = fp
    return out


def to_sarif(findings: Sequence[Finding], fingerprints: Optional[Sequence[str]] = None, root: Optional[str] = None) -> Dict[str, Any]:
    root = os.path.abspath(root or os.getcwd())
    rules = _rules()
    rule_index = {rule["id"]: i for i, rule in enumerate(rules)}
    fps = list(fingerprints) if fingerprints is not None else _fingerprints_from_files(findings)
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "tf2lint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": PROJECT_URL,
                        "rules": rules,
                    }
                },
                "invocations": [{"executionSuccessful": True}],
                "originalUriBaseIds": {SRCROOT: {"uri": Path(root).as_uri().rstrip("/") + "/"}},
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, rule_index, fp, root) for f, fp in zip(safe_findings(findings, paths=False), fps)],
            }
        ],
    }


def render(findings: List[Finding], out: TextIO, fingerprints: Optional[Sequence[str]] = None) -> None:
    json.dump(to_sarif(findings, fingerprints), out, indent=2, ensure_ascii=False)
    out.write("\n")
