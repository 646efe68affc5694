"""JSON output: a list of finding objects, the shape pinned in DESIGN.md; ``json-lines``
puts one object per line, for streaming tools."""

from __future__ import annotations

import json
from typing import List, TextIO

from tf2lint.finding import Finding
from tf2lint.output.report import Report


def format_json(report: Report) -> str:
    return json.dumps([f.to_json() for f in report.findings], indent=2, ensure_ascii=False) + "\n"


def format_json_lines(report: Report) -> str:
    return "".join(json.dumps(f.to_json(), ensure_ascii=False) + "\n" for f in report.findings)


def render(findings: List[Finding], out: TextIO) -> None:
    out.write(format_json(Report(findings)))
