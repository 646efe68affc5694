"""Jupyter notebooks: the code cells joined into one module, IPython syntax neutralized.

Every line keeps its number inside its cell, so a finding on the joined module maps back
to ``(cell, row)``.  Cells are numbered from 1 over all cells, markdown included, the way
a reader counts them in the notebook.  IPython-only lines (``%magic``, ``!shell``,
``x = !cmd``, ``obj?``) become ``pass`` / ``x = None`` at the same indentation, and
the body of a non-Python cell magic (``%%bash``, ``%%writefile``) becomes blank lines,
so the rest of the notebook parses as Python.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, replace
from typing import Any, List, Optional, Tuple

from tf2lint import tool_findings
from tf2lint.config import Config
from tf2lint.engine import lint_source, mentions_tensorflow
from tf2lint.finding import Edit, Finding, Position

# Cell magics whose body is Python that IPython runs; the body of any other cell magic
# (bash, writefile, html, sql, ...) is not Python and is blanked.
PYTHON_CELL_MAGICS = frozenset({"time", "timeit", "capture", "prun", "debug"})

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# `x = !ls`, `out, err = %sx cmd`: IPython assigns the magic's result.
_MAGIC_ASSIGNMENT = re.compile(r"^(\s*[A-Za-z_][\w.\[\], ]*?\s*=)\s*[!%]")
_HELP_SUFFIX = re.compile(r"[\w.*]+\?{1,2}")


class NotebookError(ValueError):
    """The file is not a notebook tf2lint can read; the message says why."""


@dataclass(frozen=True)
class NotebookSource:
    """The Python module a notebook's code cells make, and where each cell starts in it."""

    source: str
    cell_numbers: Tuple[int, ...]  # 1-based notebook cell number of each code cell
    first_rows: Tuple[int, ...]  # joined row of each code cell's first line

    def locate(self, row: int) -> Tuple[int, int]:
        """(cell number, row inside the cell) for a row of the joined module."""
        if not self.first_rows:
            return 1, row
        i = max(bisect.bisect_right(self.first_rows, row) - 1, 0)
        return self.cell_numbers[i], max(row - self.first_rows[i] + 1, 1)

    def joined_row(self, cell: int, row: int) -> int:
        """Inverse of :meth:`locate`."""
        try:
            i = self.cell_numbers.index(cell)
        except ValueError:
            return row
        return self.first_rows[i] + row - 1


def _cells(notebook: Any) -> List[Any]:
    if not isinstance(notebook, dict):
        raise NotebookError("the top level is not a JSON object")
    if "cells" in notebook:  # nbformat 4
        cells = notebook["cells"]
    elif "worksheets" in notebook:  # nbformat 3
        sheets = notebook["worksheets"]
        if not isinstance(sheets, list) or not all(isinstance(s, dict) for s in sheets):
            raise NotebookError("'worksheets' is not a list of objects")
        cells = [cell for sheet in sheets for cell in (sheet.get("cells") or [])]
    else:
        raise NotebookError("no 'cells' list: this is not a Jupyter notebook")
    if not isinstance(cells, list):
        raise NotebookError("'cells' is not a list")
    return cells


def _language(notebook: dict) -> Optional[str]:
    metadata = notebook.get("metadata")
    if not isinstance(metadata, dict):
        return None
    for key, field in (("kernelspec", "language"), ("language_info", "name")):
        table = metadata.get(key)
        if isinstance(table, dict) and isinstance(table.get(field), str):
            return str(table[field]).lower()
    return None


def _cell_text(cell: Any, number: int) -> Optional[str]:
    """The source of a code cell, or None for any other cell."""
    if not isinstance(cell, dict):
        raise NotebookError(f"cell {number} is not a JSON object")
    if cell.get("cell_type") != "code":
        return None
    source = cell.get("source", cell.get("input", ""))
    if isinstance(source, list) and all(isinstance(part, str) for part in source):
        return "".join(source)
    if isinstance(source, str):
        return source
    raise NotebookError(f"cell {number}: 'source' is neither a string nor a list of strings")


class _LineScanner:
    """Tracks whether the next line begins a new logical line: not inside brackets, a
    triple-quoted string or a backslash continuation.  Fed one line at a time."""

    def __init__(self) -> None:
        self.depth = 0
        self.quote = ""  # the open triple quote, if any
        self.continued = False

    @property
    def at_statement_start(self) -> bool:
        return self.depth == 0 and not self.quote and not self.continued

    def skip(self, line: str) -> None:
        """A line that is not Python: only its trailing backslash matters."""
        self.continued = line.rstrip().endswith("\\")

    def feed(self, line: str) -> None:
        self.continued = False
        i, n = 0, len(line)
        while i < n:
            ch = line[i]
            if self.quote:
                if ch == "\\":
                    i += 2
                elif line.startswith(self.quote, i):
                    i += 3
                    self.quote = ""
                else:
                    i += 1
            elif ch == "#":
                return
            elif ch in "\"'":
                if line.startswith(ch * 3, i):
                    self.quote = ch * 3
                    i += 3
                    continue
                i += 1
                while i < n and line[i] != ch:
                    i += 2 if line[i] == "\\" else 1
                i += 1
            elif ch in "([{":
                self.depth += 1
                i += 1
            elif ch in ")]}":
                self.depth = max(self.depth - 1, 0)
                i += 1
            else:
                i += 1
        self.continued = not self.quote and line.endswith("\\")


def _is_ipython_line(stripped: str) -> bool:
    """`%magic`, `!shell`, `?obj` and `obj?` / `obj??` (help)."""
    return stripped.startswith(("%", "!", "?")) or _HELP_SUFFIX.fullmatch(stripped) is not None


def neutralize(text: str) -> List[str]:
    """A code cell's lines with IPython syntax replaced by Python of the same line count."""
    lines = _LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    if not lines:
        return []
    first = lines[0].strip()
    out = list(lines)
    if first.startswith("%%"):
        name = first[2:].split(None, 1)[0] if len(first) > 2 else ""
        if name not in PYTHON_CELL_MAGICS:
            return [""] * len(lines)
        out[0] = ""
    scanner = _LineScanner()
    in_magic = False  # a magic continued with backslashes swallows the following lines
    for i in range(1 if first.startswith("%%") else 0, len(lines)):
        line = lines[i]
        if in_magic:
            out[i] = ""
            scanner.skip(line)
            in_magic = scanner.continued
            continue
        stripped = line.strip()
        if scanner.at_statement_start and stripped:
            assignment = _MAGIC_ASSIGNMENT.match(line)
            if assignment or _is_ipython_line(stripped):
                indent = line[: len(line) - len(line.lstrip())]
                out[i] = assignment.group(1) + " None" if assignment else indent + "pass"
                scanner.skip(line)
                in_magic = scanner.continued
                continue
        scanner.feed(line)
    return out


def read_notebook(data: bytes) -> Optional[NotebookSource]:
    """The joined Python source of a notebook; None for a notebook in another language.

    Raises :class:`NotebookError` when the file is not a readable notebook.
    """
    try:
        notebook = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise NotebookError(f"not UTF-8 (byte offset {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise NotebookError(f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    except RecursionError:
        raise NotebookError("the JSON is nested too deeply") from None
    except ValueError as exc:  # e.g. an integer longer than Python converts (sys.int_info)
        raise NotebookError(f"invalid JSON: {exc}") from None
    cells = _cells(notebook)
    language = _language(notebook)
    if language is not None and language != "python":
        return None
    joined: List[str] = []
    numbers: List[int] = []
    firsts: List[int] = []
    for number, cell in enumerate(cells, start=1):
        text = _cell_text(cell, number)
        if text is None:
            continue
        numbers.append(number)
        firsts.append(len(joined) + 1)
        joined.extend(neutralize(text))
    return NotebookSource("\n".join(joined) + ("\n" if joined else ""), tuple(numbers), tuple(firsts))


def _to_cell(finding: Finding, nb: NotebookSource) -> Finding:
    cell, row = nb.locate(finding.start.row)
    end_cell, end_row = nb.locate(finding.end.row)
    start = Position(row, finding.start.col)
    end = Position(end_row, finding.end.col) if end_cell == cell else start
    fix = finding.fix
    if fix is not None:
        edits = tuple(
            Edit(Position(nb.locate(e.start.row)[1], e.start.col), Position(nb.locate(e.end.row)[1], e.end.col), e.content)
            for e in fix.edits
        )
        fix = replace(fix, edits=edits)
    return replace(finding, start=start, end=end, fix=fix, extra=finding.extra + (("cell", cell),))


def cell_of(finding: Finding) -> Optional[int]:
    """The notebook cell a finding is in, if it comes from a notebook."""
    for key, value in finding.extra:
        if key == "cell":
            return int(value)
    return None


def lint_notebook(data: bytes, filename: str, config: Config) -> List[Finding]:
    """Lint a notebook's code cells; findings carry cell-relative rows and ``cell``."""
    if not mentions_tensorflow(data):
        return []
    try:
        nb = read_notebook(data)
    except NotebookError as exc:
        return [tool_findings.malformed_notebook(filename, str(exc))]
    if nb is None:
        return []
    return [_to_cell(f, nb) for f in lint_source(nb.source, filename, config)]
