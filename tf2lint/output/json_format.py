"""JSON output: a list of finding objects, the shape pinned in DESIGN.md."""

from __future__ import annotations

import json
from typing import List, TextIO

from tf2lint.finding import Finding


def render(findings: List[Finding], out: TextIO) -> None:
    json.dump([f.to_json() for f in findings], out, indent=2, ensure_ascii=False)
    out.write("\n")
