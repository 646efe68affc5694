"""GitLab Code Quality report: the JSON array GitLab reads from a job's
``artifacts:reports:codequality`` and shows in merge requests.

Each issue has ``description``, ``check_name``, ``fingerprint`` (unique in the report and
stable across edits elsewhere in the file: the baseline fingerprint, hashed with the path),
``severity`` and ``location`` (``path`` relative to the repository, ``lines.begin``).
Severity: *removed* (the line fails on TF2) is ``major``, *legacy* ``minor``, *advice*
``info``; ``critical`` and ``blocker`` are left to security and correctness tools.
A notebook finding points at the ``.ipynb`` line holding its source line.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Dict, List

from tf2lint.finding import Severity
from tf2lint.notebook import cell_of
from tf2lint.output.notebook_lines import file_line
from tf2lint.output.report import Report, display_path

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def issues(report: Report) -> List[Dict[str, Any]]:
    fingerprints = list(report.fingerprints or [])
    out: List[Dict[str, Any]] = []
    seen: Dict[str, int] = {}
    for i, f in enumerate(report.findings):
        path = display_path(f.filename)
        base = fingerprints[i] if i < len(fingerprints) and fingerprints[i] else f"{f.code}:{f.start.row}:{f.start.col}"
        key = f"{path}\0{base}"
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:  # identical findings: keep every fingerprint unique
            key += f"\0{seen[key]}"
        begin, end = f.start.row, f.end.row
        cell = cell_of(f)
        description = f.message + (f" Use instead: {f.replacement}" if f.replacement else "")
        if cell is not None:
            begin = file_line(f.filename, cell, f.start.row, report.data.get(f.filename)) or 1
            end = max(file_line(f.filename, cell, f.end.row, report.data.get(f.filename)) or begin, begin)
            description = f"Notebook cell {cell}, line {f.start.row}: {description}"
        out.append(
            {
                "type": "issue",
                "description": description,
                "check_name": f"{f.code} {f.symbol}",
                "categories": ["Compatibility"],
                "fingerprint": hashlib.sha256(key.encode("utf-8")).hexdigest(),
                "severity": SEVERITIES[f.severity],
                "location": {"path": path, "lines": {"begin": begin, "end": end}},
                "content": {"body": f"[{f.code} {f.symbol}]({f.url})"} if f.url else {"body": f.code},
            }
        )
    return out


def format_gitlab(report: Report) -> str:
    return json.dumps(issues(report), indent=2, ensure_ascii=False) + "\n"
