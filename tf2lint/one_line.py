"""Finding text on one line, for hosts that print one message per line (flake8, pylint).

A replacement rendered from the user's own call keeps the call's line breaks.  Joined:
inside brackets a break becomes a space (none right after an opening bracket or before a
closing one); between statements it becomes ``; ``, after a block's colon a space — so
`with w.as_default():⏎    tf.summary.scalar(...)` reads as the one-line Python it is.
"""

from __future__ import annotations

from typing import List

OPENERS, CLOSERS = "([{", ")]}"


def _depth_after(line: str, depth: int) -> int:
    quote = ""
    i = 0
    while i < len(line):
        ch = line[i]
        if quote:
            if ch == "\\":
                i += 1
            elif ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch in OPENERS:
            depth += 1
        elif ch in CLOSERS:
            depth = max(depth - 1, 0)
        i += 1
    return depth


def one_line(text: str) -> str:
    """``text`` with every line break joined as described above; single-line text unchanged."""
    if "\n" not in text and "\r" not in text:
        return text
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    out: List[str] = []
    depth = 0
    for line in lines:
        if not line:
            continue
        if out:
            prev = out[-1]
            if depth > 0:
                sep = "" if prev.endswith(tuple(OPENERS)) or line.startswith(tuple(CLOSERS)) else " "
            elif prev.endswith((":", ",", "\\", ".", "=", "+", "-", "*", "/")):
                sep = " "
            else:
                sep = "; "
            out.append(sep)
        out.append(line)
        depth = _depth_after(line, depth)
    return "".join(out)
