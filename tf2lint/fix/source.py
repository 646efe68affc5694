"""Source files as `--fix` reads and writes them: the same encoding, BOM and newlines back out."""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass

from tf2lint.finding import Edit, Fix

_FIRST_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class SourceText:
    """Decoded text plus what is needed to encode it back byte for byte."""

    text: str
    encoding: str  # as Python detects it: "utf-8-sig" keeps the BOM, a PEP 263 cookie its codec
    newline: str  # the file's line break, used for lines a fix inserts

    @classmethod
    def decode(cls, data: bytes) -> SourceText:
        """Decode as Python does (raises SyntaxError/LookupError/UnicodeDecodeError when it cannot)."""
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        text = data.decode(encoding)
        return cls(text, encoding, newline_of(text))

    def encode(self, text: str) -> bytes:
        """``text`` in the file's encoding (raises UnicodeEncodeError when a fix wrote a character it lacks)."""
        return text.encode(self.encoding)


def newline_of(text: str) -> str:
    """The first line break of the text (``\\n`` when it has none)."""
    match = _FIRST_BREAK.search(text)
    return match.group() if match else "\n"


def with_newline(fix: Fix, newline: str) -> Fix:
    """The fix with the line breaks of its inserted text in the file's style."""
    if newline == "\n" or not any("\n" in e.content or "\r" in e.content for e in fix.edits):
        return fix
    edits = tuple(
        Edit(e.start, e.end, e.content.replace("\r\n", "\n").replace("\r", "\n").replace("\n", newline)) for e in fix.edits
    )
    return Fix(fix.applicability, edits, fix.message)
