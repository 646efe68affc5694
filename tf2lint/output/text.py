"""Human-readable output: `path:row:col: CODE message`, the replacement underneath."""

from __future__ import annotations

from collections import Counter
from typing import List, Optional, TextIO

from tf2lint.finding import Finding
from tf2lint.fix.report import fixable_hint, mark, totals
from tf2lint.notebook import cell_of
from tf2lint.output.safe import safe_findings


def location(f: Finding) -> str:
    """`path:row:col`, or `notebook.ipynb:cell 3:row:col` with the row inside the cell."""
    cell = cell_of(f)
    where = f"{f.filename}:cell {cell}" if cell is not None else f.filename
    return f"{where}:{f.start.row}:{f.start.col + 1}"


def render(findings: List[Finding], out: TextIO, *, unsafe_fixes: bool = False, fixed: Optional[int] = None) -> None:
    """``fixed``: how many findings --fix fixed (the closing line then counts them)."""
    findings = safe_findings(findings)
    for f in findings:
        out.write(f"{location(f)}: {f.code} {mark(f, unsafe_fixes)}{f.message}\n")
        if f.replacement:
            out.write(f"    -> {f.replacement}\n")
    if fixed:
        out.write(totals(len(findings), fixed))
    elif findings:
        files = len({f.filename for f in findings})
        noun = "finding" if len(findings) == 1 else "findings"
        out.write(f"Found {len(findings)} {noun} in {files} file{'s' if files != 1 else ''}.\n")
    else:
        out.write("All checks passed: no TF1 idioms found.\n")
    out.write(fixable_hint(findings, unsafe_fixes))


def render_statistics(findings: List[Finding], out: TextIO) -> None:
    counts = Counter((f.code, f.symbol) for f in findings)
    for (code, symbol), count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        out.write(f"{count:6d}  {code}  {symbol}\n")
