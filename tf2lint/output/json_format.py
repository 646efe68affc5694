"""JSON output: a list of finding objects, the shape pinned in DESIGN.md; ``json-lines``
puts one object per line, for streaming tools.

The text is built once and written once: one finding object per line (encoded by the C
encoder; an indented dump goes through the pure-Python one, several times slower).
"""

from __future__ import annotations

import json
from typing import List, TextIO

from tf2lint.finding import Finding
from tf2lint.output.report import Report


def format_json(report: Report) -> str:
    return dumps(report.findings)


def format_json_lines(report: Report) -> str:
    return "".join(json.dumps(f.to_json(), ensure_ascii=False) + "\n" for f in report.findings)


_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def dumps(findings: List[Finding]) -> str:
    if not findings:
        return "[]\n"
    return "[\n  " + ",\n  ".join(_ENCODE(f.to_json()) for f in findings) + "\n]\n"


def render(findings: List[Finding], out: TextIO) -> None:
    out.write(format_json(Report(findings)))
