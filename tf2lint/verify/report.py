"""The verify report: a table for people, a JSON list for tools (the table renders from the JSON)."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any, Dict, List, Sequence, TextIO

from tf2lint.verify.compare import VERDICTS, fmt

HEADERS = ("rule", "pair", "TF", "verdict", "max abs diff", "detail")


def render_json(records: Sequence[Dict[str, Any]], out: TextIO) -> None:
    json.dump(list(records), out, indent=2)
    out.write("\n")


def summary(records: Sequence[Dict[str, Any]]) -> str:
    counts = Counter(r["verdict"] for r in records)
    return ", ".join(f"{counts.get(v, 0)} {v}" for v in VERDICTS)


def render_records(records: Sequence[Dict[str, Any]], out: TextIO, heading: str = "") -> None:
    """The table: rule, pair, TF version, verdict, max abs difference, then the detail."""
    rows: List[Sequence[str]] = [
        (
            ",".join(r.get("codes") or [r["code"]]),
            str(r.get("pair", "")),
            str(r["tf_version"]),
            str(r["verdict"]),
            fmt(r["max_abs_diff"]),
            str(r["detail"]),
        )
        for r in records
    ]
    widths = [max([len(HEADERS[i])] + [len(row[i]) for row in rows]) for i in range(len(HEADERS) - 1)]

    def line(cells: Sequence[str]) -> str:
        return ("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(cells[:-1])) + "  " + cells[-1]).rstrip()

    if heading:
        out.write(heading + "\n\n")
    out.write(line(HEADERS) + "\n")
    for row in rows:
        out.write(line(row) + "\n")
    out.write(f"\n{len(records)} pair{'' if len(records) == 1 else 's'}: {summary(records)}\n")
