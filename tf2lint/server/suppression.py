"""The edit that adds ``# noqa: TFxxx`` for a finding, or extends the line's noqa comment."""

from __future__ import annotations

from typing import List, Optional

from tf2lint.finding import Edit, Position
from tf2lint.noqa import INLINE, token_line_spans


def comment_row(lines: List[str], row: int) -> int:
    """The row whose end can take a comment that `# noqa` reads for ``row``.

    A statement whose token spans lines (a triple-quoted string, a backslash continuation)
    cannot take a comment before its last line; the noqa reader joins those lines, so the
    comment counts there. Inside brackets every physical line can take one.
    """
    for first, last in token_line_spans(lines):
        if first <= row <= last:
            return last if last > first else row
        if first > row:
            break
    return row


def noqa_edit(lines: List[str], row: int, code: str) -> Optional[Edit]:
    """The edit suppressing ``code`` on ``row`` (1-based); None when the line suppresses it already."""
    target = comment_row(lines, row)
    if not 0 < target <= len(lines):
        return None
    line = lines[target - 1]
    match = INLINE.search(line)
    if match is not None:
        codes = match.group("codes")
        if codes is None:
            return None  # a bare noqa comment silences every code
        listed = codes.rstrip(", \t")
        if code in listed.replace(",", " ").split():
            return None
        at = match.start("codes") + len(listed)
        return Edit(Position(target, at), Position(target, at), f", {code}")
    code_end = len(line.rstrip())
    return Edit(Position(target, code_end), Position(target, len(line)), f"  # noqa: {code}")
