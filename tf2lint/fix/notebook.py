"""Fixing a notebook's code cells in place.

The cells are joined and linted as one module (as `check` does); each fix's edits are
mapped back to the cell they fall in and applied to that cell's own text. A fix is left
out when an edit crosses a cell boundary or touches a line that IPython syntax occupies
(`%magic`, `!shell`, which the linter sees as `pass`). The notebook is written back with
the JSON layout it had (indentation, key order, escaping, final newline); when re-dumping
the unchanged notebook does not reproduce its bytes exactly, the notebook is not
rewritten and a TF007 finding says so.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Tuple

from tf2lint import tool_findings
from tf2lint.config import Config
from tf2lint.engine import Carried, lint_source, mentions_tensorflow, tf1_evidence
from tf2lint.finding import Edit, Finding, Fix, Position
from tf2lint.fix.edits import apply_fixes
from tf2lint.fix.loop import MAX_PASSES, Outcome, fixable, parse_error
from tf2lint.notebook import NotebookError, NotebookSource, _cell_text, _cells, _language, neutralize

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_LINES_KEEPENDS = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
BOM = b"\xef\xbb\xbf"


@dataclass
class _Cell:
    cell: Dict[str, Any]
    number: int
    key: str  # "source" (nbformat 4) or "input" (nbformat 3)
    as_list: bool
    text: str


@dataclass
class NotebookFix:
    outcome: Outcome
    data: Optional[bytes]  # the new notebook bytes, None when unchanged
    cells: List[Tuple[int, str, str]]  # (cell number, before, after) of each changed cell


def _layout(text: str, notebook: Any) -> Optional[Dict[str, Any]]:
    """The ``json.dumps`` arguments that reproduce ``text`` exactly, if any."""
    indents: List[Any] = [None]
    second = text.split("\n", 2)
    if len(second) > 1:
        lead = second[1][: len(second[1]) - len(second[1].lstrip(" \t"))]
        indents = [lead if "\t" in lead else len(lead)]
    for indent in indents:
        for ensure_ascii in (False, True):
            for separators in ((",", ": "), (", ", ": "), (",", ":")):
                for final in ("\n", ""):
                    kwargs = {"indent": indent, "ensure_ascii": ensure_ascii, "separators": separators}
                    if json.dumps(notebook, **kwargs) + final == text:
                        return dict(kwargs, final=final)
    return None


def _joined(cells: List[_Cell]) -> Tuple[NotebookSource, List[str]]:
    """The module the linter sees, and the raw (not neutralized) lines at the same rows."""
    joined: List[str] = []
    raw: List[str] = []
    numbers: List[int] = []
    firsts: List[int] = []
    for c in cells:
        numbers.append(c.number)
        firsts.append(len(joined) + 1)
        lines = _LINE_BREAK.split(c.text)
        if lines and lines[-1] == "":
            lines.pop()
        joined.extend(neutralize(c.text))
        raw.extend(lines)
    source = "\n".join(joined) + ("\n" if joined else "")
    return NotebookSource(source, tuple(numbers), tuple(firsts)), raw


def _cell_edit(edit: Edit, nb: NotebookSource, joined_lines: List[str], raw: List[str], cells: List[_Cell]) -> Optional[Tuple[int, Edit]]:
    """(code cell index, the edit in the cell's rows), or None when it cannot be made in one cell.

    A line inserted where a cell starts (an import after the leading imports) goes at the
    end of the cell before, with the imports it follows, when that cell ends with a line break.
    """
    insertion_at_line_start = edit.start == edit.end and edit.start.col == 0
    if insertion_at_line_start:
        index = len(cells) if edit.start.row > len(raw) else None
        if index is None and nb.locate(edit.start.row)[1] == 1:
            index = nb.cell_numbers.index(nb.locate(edit.start.row)[0])
        if index and cells[index - 1].text.endswith(("\n", "\r")):
            end = Position(len(_LINE_BREAK.split(cells[index - 1].text)), 0)
            return index - 1, Edit(end, end, edit.content)
    if edit.start.row > len(raw) or edit.end.row > len(raw):
        return None
    for row in range(edit.start.row, edit.end.row + 1):
        if joined_lines[row - 1] != raw[row - 1] and not insertion_at_line_start:
            return None  # an IPython line the linter saw as Python
    cell, start_row = nb.locate(edit.start.row)
    end_cell, end_row = nb.locate(edit.end.row)
    if cell != end_cell:
        return None
    return nb.cell_numbers.index(cell), Edit(Position(start_row, edit.start.col), Position(end_row, edit.end.col), edit.content)


def _set_text(c: _Cell, text: str) -> None:
    c.text = text
    c.cell[c.key] = _LINES_KEEPENDS.findall(text) if c.as_list else text


def fix_notebook(data: bytes, filename: str, config: Config, *, unsafe: bool = False, max_passes: int = MAX_PASSES) -> NotebookFix:
    nothing = NotebookFix(Outcome(""), None, [])
    if not mentions_tensorflow(data):
        return nothing
    bom = data.startswith(BOM)
    try:
        text = data[len(BOM) if bom else 0 :].decode("utf-8")
        notebook = json.loads(text)
        raw_cells = _cells(notebook)
        if _language(notebook) not in (None, "python"):
            return nothing
        cells: List[_Cell] = []
        for number, cell in enumerate(raw_cells, start=1):
            source = _cell_text(cell, number)
            if source is not None:
                key = "source" if "source" in cell else "input"
                cells.append(_Cell(cell, number, key, isinstance(cell.get(key), list), source))
    except (UnicodeDecodeError, ValueError, RecursionError, NotebookError):
        return nothing  # the check reports TF006
    originals = {c.number: c.text for c in cells}
    fixed: List[Finding] = []
    for passes in range(max_passes + 1):
        nb, raw = _joined(cells)
        joined_lines = _LINE_BREAK.split(nb.source)
        # Later passes judge the notebook by the TF1 evidence of the findings fixed so far.
        candidates = fixable(lint_source(nb.source, filename, config, evidence=Carried(tf1_evidence(fixed))), unsafe)
        mapped: List[Tuple[Finding, Fix, List[Tuple[int, Edit]]]] = []
        for finding in candidates:
            assert finding.fix is not None
            parts = [_cell_edit(e, nb, joined_lines, raw, cells) for e in finding.fix.edits]
            if all(p is not None for p in parts):
                mapped.append((finding, finding.fix, [p for p in parts if p is not None]))
        raw_text = "\n".join(raw) + "\n"
        # Which fixes go together in this pass is decided on the joined text (same rows and columns).
        _, applied = apply_fixes(raw_text, [fix for _, fix, _ in mapped])
        taken = {id(fix) for fix in applied}
        chosen = [(finding, parts) for finding, fix, parts in mapped if id(fix) in taken]
        if not chosen:
            break
        if passes == max_passes:
            detail = (f"fixes of {', '.join(sorted({f.code for f, _ in chosen}))} were still pending after "
                      f"{max_passes} passes; the fixes applied so far were kept: run --fix again")
            pending = Outcome("", fixed, tool_findings.fix_failed(filename, detail), passes)
            return _result(notebook, text, bom, cells, originals, pending, filename)
        per_cell: Dict[int, List[Edit]] = {}
        for _, cell_edits in chosen:
            for index, edit in cell_edits:
                per_cell.setdefault(index, []).append(edit)
        before = [c.text for c in cells]
        for index, edits in per_cell.items():
            new, _ = apply_fixes(cells[index].text, [Fix("safe", tuple(sorted(set(edits))))])
            cells[index].text = new
        problem = parse_error(_joined(cells)[0].source)
        if problem is not None:
            for c, old in zip(cells, before):
                c.text = old
            codes = ", ".join(sorted({f.code for f, _ in chosen}))
            detail = f"applying the fixes of {codes} would make the notebook unparsable: {problem}; the notebook was left unchanged"
            return NotebookFix(Outcome("", [], tool_findings.fix_failed(filename, detail)), None, [])
        if [c.text for c in cells] == before:
            break
        fixed += [f for f, _ in chosen]
    return _result(notebook, text, bom, cells, originals, Outcome("", fixed, None), filename)


def _result(notebook: Any, text: str, bom: bool, cells: List[_Cell], originals: Dict[int, str], outcome: Outcome,
            filename: str) -> NotebookFix:
    changed = [(c.number, originals[c.number], c.text) for c in cells if c.text != originals[c.number]]
    if not changed:
        return NotebookFix(Outcome("", [], outcome.error), None, [])
    layout = _layout(text, json.loads(text))
    if layout is None:
        detail = ("its JSON layout (indentation, escaping, number format) cannot be reproduced, so the notebook is "
                  "not rewritten; apply the fixes in Jupyter")
        return NotebookFix(Outcome("", [], tool_findings.fix_failed(filename, detail)), None, [])
    for c in cells:
        if c.text != originals[c.number]:
            _set_text(c, c.text)
    final = layout.pop("final")
    out = (json.dumps(notebook, **layout) + final).encode("utf-8")
    return NotebookFix(outcome, (BOM if bom else b"") + out, changed)
