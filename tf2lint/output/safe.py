"""Text from user code and paths made safe to print: control characters (an escape
sequence could rewrite the terminal or forge an annotation) and bidirectional overrides
are shown as Python escapes (``\\x1b``, ``\\u202e``) instead of being sent raw."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable, List

from tf2lint.finding import Finding

# C0 controls but tab and line feed, DEL, C1 controls, and the bidirectional controls.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text


def safe_findings(findings: Iterable[Finding], *, paths: bool = True) -> List[Finding]:
    """The findings with their message, replacement and (unless ``paths`` is false) file
    name escaped; the common case, nothing to escape, returns the same objects."""
    out = []
    for f in findings:
        filename = printable(f.filename) if paths else f.filename
        message, replacement = printable(f.message), printable(f.replacement or "") if f.replacement else f.replacement
        if (filename, message, replacement) != (f.filename, f.message, f.replacement):
            f = replace(f, filename=filename, message=message, replacement=replacement)
        out.append(f)
    return out
