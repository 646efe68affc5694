"""Applying edits to source text: one pass, non-overlapping, in ruff's order."""

from __future__ import annotations

import re
from typing import List, Sequence, Set, Tuple

from tf2lint.finding import Edit, Fix, Position

_LINE_START = re.compile(r"\r\n|\r|\n")


def line_offsets(source: str) -> List[int]:
    """The string offset where each physical line starts (index 0 is row 1)."""
    return [0] + [m.end() for m in _LINE_START.finditer(source)]


def offset(offsets: List[int], source: str, pos: Position) -> int:
    """The string offset of a (1-based row, character column) position; past the end clamps to it."""
    if pos.row - 1 >= len(offsets):
        return len(source)
    return min(offsets[pos.row - 1] + pos.col, len(source))


def apply_fixes(source: str, fixes: Sequence[Fix]) -> Tuple[str, List[Fix]]:
    """Apply the fixes that do not overlap one taken before them (ordered by their first edit).

    Returns the new text and the fixes applied; the others wait for the next pass, after a
    re-lint. An edit shared by several fixes (an import they all need) is applied once, and an
    insertion goes before a replacement that starts at the same place.
    """
    taken, applied = _taken(source, fixes)
    out = source
    for start, _, end, content in sorted(taken, reverse=True):
        out = out[:start] + content + out[end:]
    return out, applied


Range = Tuple[int, int]  # string offsets [start, end)


def written(source: str, applied: Sequence[Fix], earlier: Sequence[Range] = ()) -> List[Range]:
    """Where, in the text ``apply_fixes(source, applied)`` makes, the fixes wrote their text, and
    where the ranges ``earlier`` (of ``source``) went; an earlier range an edit cuts into is lost."""
    taken = sorted(_taken(source, applied)[0])
    out: List[Range] = []
    delta = 0
    for start, _, end, content in taken:
        if content:
            out.append((start + delta, start + delta + len(content)))
        delta += len(content) - (end - start)
    for a, b in earlier:
        if any(s < b and a < e and not (a <= s and e <= b) for s, _, e, _ in taken if s < e):
            continue
        shift_a = sum(len(c) - (e - s) for s, _, e, c in taken if e <= a)
        shift_b = sum(len(c) - (e - s) for s, _, e, c in taken if e < b or (e == b and s < e))
        out.append((a + shift_a, b + shift_b))
    return sorted(out)


def _taken(source: str, fixes: Sequence[Fix]) -> Tuple[List[Tuple[int, int, int, str]], List[Fix]]:
    offsets = line_offsets(source)
    taken: List[Tuple[int, int, int, str]] = []  # (start, is_replacement, end, content)
    seen: Set[Edit] = set()
    applied: List[Fix] = []
    spans: List[Tuple[int, int]] = []
    for fix in sorted(fixes, key=lambda f: min(f.edits)):
        new = [e for e in fix.edits if e not in seen]
        ranges = [(offset(offsets, source, e.start), offset(offsets, source, e.end)) for e in new]
        if any(_overlaps(r, s) for r in ranges for s in spans):
            continue
        applied.append(fix)
        for edit, (start, end) in zip(new, ranges):
            seen.add(edit)
            spans.append((start, end))
            taken.append((start, int(end > start), end, edit.content))
    return taken, applied


def _overlaps(a: Tuple[int, int], b: Tuple[int, int]) -> bool:
    """Two ranges conflict when they share text; insertions conflict only strictly inside a range."""
    if a[0] == a[1] or b[0] == b[1]:
        point, other = (a, b) if a[0] == a[1] else (b, a)
        return other[0] < point[0] < other[1]
    return a[0] < b[1] and b[0] < a[1]
