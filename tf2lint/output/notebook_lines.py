"""Where a notebook cell's source lines sit in the ``.ipynb`` file itself.

Findings in a notebook carry ``(cell, row inside the cell)``.  Reports that a code host
places on the file (GitHub annotations, GitLab Code Quality) need a line of the JSON
file instead: the line holding that source line's string.  Notebooks written by Jupyter
store ``source`` as a list of strings, one per line, each on its own JSON line, so the
mapping is exact; a cell whose ``source`` is one string sits on one JSON line, and every
row of it maps there.  When the file cannot be mapped (not JSON, no such cell) the answer
is None and callers fall back to the first line of the file.

A small JSON parser that records where each value starts does the work: the standard
``json`` module does not report positions.
"""

from __future__ import annotations

import bisect
import json.decoder
import re
from typing import Any, Callable, Dict, List, Optional, Tuple

from tf2lint.config import DEFAULT_MAX_FILE_SIZE

# The standard library's string scanner (C-accelerated), absent from the type stubs.
_scanstring: Callable[[str, int], Tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]

_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")
_LITERALS = {"true": True, "false": False, "null": None}


class _List(list):
    starts: List[int]


class _Dict(dict):
    starts: Dict[str, int]
    start: int


def _value(text: str, i: int) -> Tuple[Any, int]:
    ch = text[i : i + 1]
    if ch == '"':
        return _scanstring(text, i + 1)
    if ch == "{":
        obj = _Dict()
        obj.starts, obj.start = {}, i
        i = _WS.match(text, i + 1).end()  # type: ignore[union-attr]
        if text[i : i + 1] == "}":
            return obj, i + 1
        while True:
            if text[i : i + 1] != '"':
                raise ValueError(f"expected a key at {i}")
            key, i = _scanstring(text, i + 1)
            i = _WS.match(text, i).end()  # type: ignore[union-attr]
            if text[i : i + 1] != ":":
                raise ValueError(f"expected ':' at {i}")
            i = _WS.match(text, i + 1).end()  # type: ignore[union-attr]
            obj.starts[key] = i
            obj[key], i = _value(text, i)
            i = _WS.match(text, i).end()  # type: ignore[union-attr]
            if text[i : i + 1] == "}":
                return obj, i + 1
            if text[i : i + 1] != ",":
                raise ValueError(f"expected ',' at {i}")
            i = _WS.match(text, i + 1).end()  # type: ignore[union-attr]
    if ch == "[":
        arr = _List()
        arr.starts = []
        i = _WS.match(text, i + 1).end()  # type: ignore[union-attr]
        if text[i : i + 1] == "]":
            return arr, i + 1
        while True:
            arr.starts.append(i)
            item, i = _value(text, i)
            arr.append(item)
            i = _WS.match(text, i).end()  # type: ignore[union-attr]
            if text[i : i + 1] == "]":
                return arr, i + 1
            if text[i : i + 1] != ",":
                raise ValueError(f"expected ',' at {i}")
            i = _WS.match(text, i + 1).end()  # type: ignore[union-attr]
    for word, literal in _LITERALS.items():
        if text.startswith(word, i):
            return literal, i + len(word)
    number = _NUMBER.match(text, i)
    if number is None or not number.group():
        raise ValueError(f"unexpected character at {i}")
    return float(number.group()), number.end()


def _cells(notebook: Any) -> List[Any]:
    if not isinstance(notebook, dict):
        return []
    if isinstance(notebook.get("cells"), list):
        return list(notebook["cells"])
    cells: List[Any] = []
    for sheet in notebook.get("worksheets") or []:
        if isinstance(sheet, dict) and isinstance(sheet.get("cells"), list):
            cells.extend(sheet["cells"])
    return cells


class NotebookLines:
    """Maps (cell number from 1, row inside the cell) to a 1-based line of the file."""

    def __init__(self, data: bytes):
        self._cells: List[Any] = []
        self._newlines: List[int] = []
        try:
            text = data.decode("utf-8-sig")
            i = _WS.match(text, 0).end()  # type: ignore[union-attr]
            notebook, _ = _value(text, i)
        except (UnicodeDecodeError, ValueError, IndexError, RecursionError):
            return
        self._newlines = [m.start() for m in re.finditer("\n", text)]
        self._cells = _cells(notebook)

    def _line(self, offset: int) -> int:
        return bisect.bisect_right(self._newlines, offset - 1) + 1

    def line(self, cell: int, row: int) -> Optional[int]:
        if not 0 < cell <= len(self._cells) or not isinstance(self._cells[cell - 1], _Dict):
            return None
        obj = self._cells[cell - 1]
        key = "source" if "source" in obj else "input"
        source = obj.get(key)
        if isinstance(source, str):
            return self._line(obj.starts[key])
        if not isinstance(source, _List) or not source or not all(isinstance(s, str) for s in source):
            return self._line(obj.start)  # the cell's own first line
        # The element holding the first character of the row.
        wanted = 0
        text = "".join(source)
        for _ in range(row - 1):
            found = text.find("\n", wanted)
            if found < 0:
                break
            wanted = found + 1
        offset = 0
        for part, start in zip(source, source.starts):
            if offset + len(part) > wanted:
                return self._line(start)
            offset += len(part)
        return self._line(source.starts[-1])


_cache: Dict[str, Tuple[bytes, NotebookLines]] = {}


def file_line(filename: str, cell: int, row: int, data: Optional[bytes] = None) -> Optional[int]:
    """The line of ``filename`` (a notebook) holding row ``row`` of cell ``cell``."""
    if data is None:
        from tf2lint.reading import read_source  # regular files within the size limit only

        data, _ = read_source(filename, DEFAULT_MAX_FILE_SIZE)
        if data is None:
            return None
    cached = _cache.get(filename)
    if cached is None or cached[0] != data:
        cached = (data, NotebookLines(data))
        _cache.clear()  # one notebook at a time: reports come sorted by file
        _cache[filename] = cached
    return cached[1].line(cell, row)
