"""One version of an open document, and its positions in tf2lint's and the client's units."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import List, Optional
from urllib.parse import unquote, urlparse

from lsprotocol import types

from tf2lint.engine import physical_lines
from tf2lint.finding import Position
from tf2lint.server.positions import UTF16, from_client, to_client


def uri_to_path(uri: str) -> Optional[str]:
    """The file system path of a ``file:`` URI (None for an unsaved buffer)."""
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    path = unquote(parsed.path)
    if len(path) >= 3 and path[0] == "/" and path[2] == ":":  # file:///C:/x on Windows
        path = path[1:]
    return path


@dataclass(frozen=True)
class Snapshot:
    """The text of a document at one version; what one engine call sees."""

    uri: str
    version: Optional[int]
    text: str
    encoding: str = UTF16  # the position encoding agreed with the client
    language_id: Optional[str] = "python"

    @property
    def is_python(self) -> bool:
        """Python source, by the client's language id or, without one, by the file's suffix."""
        if self.language_id:
            return self.language_id == "python"
        return (self.path or self.uri).endswith((".py", ".pyi"))

    @cached_property
    def path(self) -> Optional[str]:
        return uri_to_path(self.uri)

    @property
    def filename(self) -> str:
        """The name findings carry and configuration matches (the URI when the buffer has no file)."""
        return self.path or self.uri

    @cached_property
    def lines(self) -> List[str]:
        # Rows as Python and LSP number them: \n, \r\n and \r only (str.splitlines would also
        # break at form feeds and shift every later row).
        return physical_lines(self.text)

    def line(self, row: int) -> str:
        """The text of a 1-based row, without its line break ('' past the end)."""
        return self.lines[row - 1] if 0 < row <= len(self.lines) else ""

    def to_client(self, pos: Position) -> types.Position:
        if pos.row > len(self.lines):
            last = len(self.lines)
            return types.Position(line=last - 1, character=to_client(self.line(last), len(self.line(last)), self.encoding))
        return types.Position(line=max(pos.row - 1, 0), character=to_client(self.line(pos.row), pos.col, self.encoding))

    def range(self, start: Position, end: Position) -> types.Range:
        return types.Range(start=self.to_client(start), end=self.to_client(end))

    def from_client(self, pos: types.Position) -> Position:
        row = pos.line + 1
        if row > len(self.lines):
            return Position(len(self.lines), len(self.lines[-1]))
        return Position(row, from_client(self.line(row), pos.character, self.encoding))
