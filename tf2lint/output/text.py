"""Human-readable output.

``concise`` (the default; ``text`` is its old name): ``path:row:col: CODE message`` with the
replacement on the next line after ``->``, and a closing line.  ``full`` adds the source line
with a caret span under the flagged code, and the fix when there is one.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from typing import List, Optional, TextIO

from tf2lint.finding import Finding
from tf2lint.fix.report import fixable_hint, mark, totals
from tf2lint.notebook import cell_of
from tf2lint.output.report import Report
from tf2lint.output.safe import printable, safe_findings
from tf2lint.output.style import BOLD, CYAN, DIM, GREEN, SEVERITY_COLORS, paint


def location(f: Finding) -> str:
    """`path:row:col`, or `notebook.ipynb:cell 3:row:col` with the row inside the cell."""
    cell = cell_of(f)
    where = f"{f.filename}:cell {cell}" if cell is not None else f.filename
    return f"{where}:{f.start.row}:{f.start.col + 1}"


def headline(f: Finding, color: bool = False, unsafe_fixes: bool = False) -> str:
    """The finding's first line: where, code, ``[*]`` when --fix would fix it, message."""
    code = paint(f.code, BOLD, SEVERITY_COLORS[f.severity], enabled=color)
    return f"{paint(location(f), BOLD, enabled=color)}: {code} {mark(f, unsafe_fixes)}{f.message}"


def _indented(text: str, indent: str) -> str:
    return text.replace("\n", "\n" + indent)


def closing_line(report: Report) -> str:
    """"Found N findings in M files." (with what --fix fixed), or "All checks passed" for a clean
    run without errors; then how many --fix would fix."""
    findings = report.findings
    hint = fixable_hint(findings, report.unsafe_fixes)
    if report.fixed:
        return totals(len(findings), report.fixed) + hint
    if findings:
        files = len({f.filename for f in findings})
        noun = "finding" if len(findings) == 1 else "findings"
        return f"Found {len(findings)} {noun} in {files} file{'s' if files != 1 else ''}.\n" + hint
    if report.errors:
        return ""  # an error was reported: the run did not check everything
    return "All checks passed: no TF1 idioms found.\n"


def format_concise(report: Report) -> str:
    parts: List[str] = []
    for f in safe_findings(report.findings):
        parts.append(headline(f, report.color, report.unsafe_fixes) + "\n")
        if f.replacement:
            parts.append(f"    {paint('->', GREEN, enabled=report.color)} {_indented(f.replacement, '       ')}\n")
    if not report.quiet:
        parts.append(closing_line(report))
    return "".join(parts)


def _width(text: str) -> int:
    """Columns a terminal gives ``text`` (wide East Asian characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1 for ch in text)


def snippet(f: Finding, line: str, color: bool = False) -> List[str]:
    """The source line with a caret span under the flagged code (its first line when it spans several)."""
    # Control characters are shown escaped (as the message is), the carets still under the code.
    shown = printable(line).expandtabs(4)
    prefix = printable(line[: f.start.col]).expandtabs(4)
    end = f.end.col if f.end.row == f.start.row else len(line)
    span = max(_width(printable(line[:end]).expandtabs(4)) - _width(prefix), 1)
    gutter = str(f.start.row)
    pad = " " * len(gutter)
    bar = paint("|", CYAN, enabled=color)
    carets = paint("^" * span, BOLD, SEVERITY_COLORS[f.severity], enabled=color)
    return [f"{pad} {bar}", f"{paint(gutter, CYAN, enabled=color)} {bar} {shown}", f"{pad} {bar} {' ' * _width(prefix)}{carets}"]


def format_full(report: Report) -> str:
    parts: List[str] = []
    color = report.color
    for original, f in zip(report.findings, safe_findings(report.findings)):
        lines = [headline(f, color, report.unsafe_fixes)]
        source = report.source_line(original)
        if source is not None:
            lines += snippet(f, source, color)
        if f.replacement:
            lines.append(f"  = {paint('use instead:', GREEN, enabled=color)} {_indented(f.replacement, '    ')}")
        if f.fix is not None and f.fix.applicable:
            what = f.fix.message or "apply the replacement"
            lines.append(f"  = {paint(f'{f.fix.applicability} fix:', DIM, enabled=color)} {what}")
        parts.append("\n".join(lines) + "\n\n")
    if not report.quiet:
        parts.append(closing_line(report))
    return "".join(parts)


def render(findings: List[Finding], out: TextIO, *, unsafe_fixes: bool = False, fixed: Optional[int] = None) -> None:
    """``fixed``: how many findings --fix fixed (the closing line then counts them)."""
    out.write(format_concise(Report(findings, unsafe_fixes=unsafe_fixes, fixed=fixed or 0)))


def statistics_rows(findings: List[Finding]) -> List[tuple]:
    """(count, code, symbol), most frequent first."""
    counts = Counter((f.code, f.symbol) for f in findings)
    return [(n, code, symbol) for (code, symbol), n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


def format_statistics(findings: List[Finding]) -> str:
    return "".join(f"{count:6d}  {code}  {symbol}\n" for count, code, symbol in statistics_rows(findings))


def render_statistics(findings: List[Finding], out: TextIO) -> None:
    out.write(format_statistics(findings))
