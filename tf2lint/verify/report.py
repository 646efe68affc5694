"""The verify report: a table for people, a JSON list for tools."""

from __future__ import annotations

import json
from collections import Counter
from typing import List, Sequence, TextIO

from tf2lint.verify.compare import VERDICTS, fmt
from tf2lint.verify.runner import Result

HEADERS = ("rule", "pair", "TF", "verdict", "max abs diff", "detail")


def render_json(results: Sequence[Result], out: TextIO) -> None:
    json.dump([r.as_json() for r in results], out, indent=2)
    out.write("\n")


def summary(results: Sequence[Result]) -> str:
    counts = Counter(r.verdict for r in results)
    return ", ".join(f"{counts.get(v, 0)} {v}" for v in VERDICTS)


def render_text(results: Sequence[Result], out: TextIO, heading: str = "") -> None:
    rows: List[Sequence[str]] = [
        (",".join(r.pair.codes), r.pair.name, r.tf_version, r.verdict, fmt(r.max_abs_diff), r.detail) for r in results
    ]
    widths = [max([len(HEADERS[i])] + [len(row[i]) for row in rows]) for i in range(len(HEADERS) - 1)]
    if heading:
        out.write(heading + "\n\n")

    def line(cells: Sequence[str]) -> str:
        return "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(cells[:-1])) + "  " + cells[-1]

    out.write(line(HEADERS).rstrip() + "\n")
    for row in rows:
        out.write(line(row).rstrip() + "\n")
    out.write(f"\n{len(results)} pairs: {summary(results)}\n")
