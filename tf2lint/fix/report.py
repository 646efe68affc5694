"""What the text output says about fixes: the `[*]` mark, the closing lines, `--show-fixes`, `--diff`."""

from __future__ import annotations

import difflib
import os
import re
from collections import Counter
from typing import Iterable, List, Sequence, TextIO

from tf2lint.finding import Applicability, Finding
from tf2lint.fix.loop import allowed

MARK = "[*] "
_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def mark(finding: Finding, unsafe: bool) -> str:
    """``[*] `` before the message of a finding ``--fix`` would fix with these settings."""
    return MARK if not finding.code.startswith("TF0") and allowed(finding.fix, unsafe) else ""


def fixable_hint(findings: Sequence[Finding], unsafe: bool) -> str:
    """``[*] N fixable with --fix (M more with --unsafe-fixes).``, or nothing when no fix applies."""
    now = sum(1 for f in findings if mark(f, unsafe))
    more = 0 if unsafe else sum(1 for f in findings if mark(f, True) and f.fix and f.fix.applicability == Applicability.UNSAFE.value)
    if not now and not more:
        return ""
    text = f"{MARK if now else ''}{now} fixable with --fix"
    if more:
        text += f" ({more} more with --unsafe-fixes)"
    return text + ".\n"


def totals(remaining: int, fixed: int) -> str:
    """``Found X findings (Y fixed, Z remaining).`` after a run that fixed something."""
    return f"Found {plural(remaining + fixed, 'finding')} ({fixed} fixed, {remaining} remaining).\n"


def render_fixed(fixed: Iterable[Finding], out: TextIO, verb: str = "Fixed") -> None:
    """``--show-fixes``: per file, how many findings of each code were fixed."""
    by_file: dict = {}
    for f in fixed:
        by_file.setdefault(f.filename, Counter())[(f.code, f.symbol)] += 1
    total = sum(sum(c.values()) for c in by_file.values())
    if not total:
        out.write(f"No findings {'would be ' if verb != 'Fixed' else ''}fixed.\n")
        return
    out.write(f"{verb} {plural(total, 'finding')}:\n")
    for filename, counts in by_file.items():
        out.write(f"- {filename}:\n")
        for (code, symbol), n in sorted(counts.items()):
            out.write(f"    {n:4d} x {code} ({symbol})\n")


def unified_diff(label: str, before: str, after: str) -> str:
    """A unified diff of one file (or notebook cell), lines ending as they do in the file."""

    def lines(text: str) -> List[str]:
        out = _LINES.findall(text)  # not str.splitlines, which also breaks at form feeds
        if out and not out[-1].endswith(("\n", "\r")):
            out[-1] += "\n\\ No newline at end of file\n"
        return out

    # git's a/ b/ prefixes for relative paths (`git apply` takes the diff); an absolute path, or `-`
    # (standard input without a name), as it is.
    old, new = (label, label) if os.path.isabs(label) or label == "-" else (f"a/{label}", f"b/{label}")
    return "".join(difflib.unified_diff(lines(before), lines(after), fromfile=old, tofile=new))
