"""Columns as tf2lint counts them (characters) and as an LSP client counts them (code units).

LSP positions count UTF-16 code units unless the client and server agreed on another
encoding at initialization; tf2lint, like the ast, counts characters (code points). A
character outside the Basic Multilingual Plane is two UTF-16 units, and up to four UTF-8
bytes, so columns after an emoji or a rare CJK character differ.
"""

from __future__ import annotations

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def _units(char: str, encoding: str) -> int:
    code = ord(char)
    if encoding == UTF32:
        return 1
    if encoding == UTF8:
        return 1 if code < 0x80 else 2 if code < 0x800 else 3 if code < 0x10000 else 4
    return 2 if code > 0xFFFF else 1


def to_client(line: str, column: int, encoding: str = UTF16) -> int:
    """The client's column for character ``column`` of ``line`` (past the end counts as the end)."""
    prefix = line[: max(column, 0)]
    if encoding == UTF32 or prefix.isascii():
        return len(prefix)
    return sum(_units(c, encoding) for c in prefix)


def from_client(line: str, units: int, encoding: str = UTF16) -> int:
    """The character column at the client's column ``units`` (inside a character: that character)."""
    if encoding == UTF32 or line.isascii():
        return min(max(units, 0), len(line))
    seen = 0
    for index, char in enumerate(line):
        if seen >= units:
            return index
        seen += _units(char, encoding)
    return len(line)
