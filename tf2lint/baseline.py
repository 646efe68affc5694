"""The baseline ratchet: record today's findings, then report only new ones.

A finding is identified without its line number, so that edits elsewhere in the file
(lines inserted above it, a function moved) keep it known: the fingerprint hashes the
code, the symbol, the enclosing scope (``Class.method``), the flagged source and the
line(s) it is on with all whitespace removed, and an occurrence index among otherwise
identical findings.  The line tells apart two ``tf.placeholder`` calls of one function,
so a new one added above an old one is the one reported.
The baseline file is JSON with one finding per line, sorted, with paths relative to the
baseline file's directory, so that a review shows exactly which findings were added or
fixed.
"""

from __future__ import annotations

import ast
import bisect
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Set, Tuple

from tf2lint.engine import decode
from tf2lint.finding import Finding
from tf2lint.notebook import NotebookError, NotebookSource, cell_of, read_notebook

FORMAT_VERSION = 1
SOURCE_PREVIEW = 60  # characters of the flagged source shown in the file (the hash uses all of it)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class BaselineError(Exception):
    """The baseline file cannot be used; the message names the file and the problem."""


# ----- fingerprints ------------------------------------------------------------------


@dataclass(frozen=True)
class Identity:
    """What identifies a finding across edits that move it."""

    code: str
    symbol: str
    scope: str
    source: str  # the flagged expression, whitespace removed
    context: str  # the line(s) it is on, whitespace removed
    occurrence: int

    @property
    def fingerprint(self) -> str:
        text = "\0".join((self.code, self.symbol, self.scope, self.source, self.context, str(self.occurrence)))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


class _Scopes:
    """Innermost enclosing def/class of a row, from one pass over the statements."""

    def __init__(self, source: str):
        self.spans: List[Tuple[int, int, str]] = []  # (first row, last row, qualname), outer first
        try:
            tree = ast.parse(source)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return
        stack: List[Tuple[ast.AST, str]] = [(tree, "")]
        while stack:
            node, prefix = stack.pop()
            for child in ast.iter_child_nodes(node):
                if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    name = f"{prefix}.{child.name}" if prefix else child.name
                    first = min([child.lineno] + [d.lineno for d in child.decorator_list])
                    self.spans.append((first, child.end_lineno or child.lineno, name))
                    stack.append((child, name))
                elif isinstance(child, ast.stmt):
                    stack.append((child, prefix))
        self.spans.sort(key=lambda s: (s[0], -s[1]))
        self._starts = [s[0] for s in self.spans]

    def at(self, row: int) -> str:
        if not self.spans:
            return ""
        best = ""
        # Spans starting at or before the row; the innermost (latest start) that contains it wins.
        for first, last, name in reversed(self.spans[: bisect.bisect_right(self._starts, row)]):
            if first <= row <= last:
                best = name
                break
        return best


def _span_text(lines: Sequence[str], start: Tuple[int, int], end: Tuple[int, int]) -> str:
    (srow, scol), (erow, ecol) = start, end
    if not 0 < srow <= len(lines):
        return ""
    if erow < srow or erow > len(lines):
        erow, ecol = srow, len(lines[srow - 1])
    if erow == srow:
        return lines[srow - 1][scol:ecol] if ecol > scol else lines[srow - 1][scol:]
    chunk = [lines[srow - 1][scol:], *lines[srow : erow - 1], lines[erow - 1][:ecol]]
    return "\n".join(chunk)


def normalize(text: str) -> str:
    return "".join(text.split())


def _module_text(data: bytes, filename: str) -> Tuple[str, Optional[NotebookSource]]:
    """The Python text findings are located in (a notebook's joined cells), and the notebook."""
    if filename.endswith(".ipynb"):
        try:
            nb = read_notebook(data)
        except NotebookError:
            return "", None
        return (nb.source, nb) if nb is not None else ("", None)
    try:
        return decode(data), None
    except (SyntaxError, LookupError, UnicodeDecodeError):
        return data.decode("utf-8", "replace"), None


def identities(data: bytes, filename: str, findings: Sequence[Finding]) -> List[Identity]:
    """The identity of each finding of one file, in the findings' order."""
    if not findings:
        return []
    text, nb = _module_text(data, filename)
    lines = _LINE_BREAK.split(text)  # as Python numbers lines (not at form feeds)
    scopes = _Scopes(text)
    counts: Dict[Tuple[str, str, str, str, str], int] = {}
    result: List[Optional[Identity]] = [None] * len(findings)
    # Occurrences are numbered in file order, whatever order the findings come in.
    order = sorted(range(len(findings)), key=lambda i: (cell_of(findings[i]) or 0, findings[i].start, findings[i].end, findings[i].code))
    for index in order:
        f = findings[index]
        srow, erow = f.start.row, f.end.row
        cell = cell_of(f)
        if nb is not None and cell is not None:
            srow, erow = nb.joined_row(cell, srow), nb.joined_row(cell, erow)
        source = normalize(_span_text(lines, (srow, f.start.col), (erow, f.end.col)))
        context = normalize("".join(lines[srow - 1 : max(erow, srow)])) if 0 < srow <= len(lines) else ""
        scope = scopes.at(srow)  # not the cell number: inserting a cell must not renumber findings
        key = (f.code, f.symbol, scope, source, context)
        occurrence = counts.get(key, 0)
        counts[key] = occurrence + 1
        result[index] = Identity(f.code, f.symbol, scope, source, context, occurrence)
    return [r for r in result if r is not None]


def fingerprints(data: bytes, filename: str, findings: Sequence[Finding]) -> List[str]:
    return [i.fingerprint for i in identities(data, filename, findings)]


# ----- the baseline file ---------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One recorded finding; the readable fields are for review, matching uses the fingerprint."""

    path: str  # relative to the baseline file's directory, '/'-separated
    code: str
    symbol: str
    scope: str
    source: str
    occurrence: int
    fingerprint: str

    def to_json(self) -> str:
        preview = self.source if len(self.source) <= SOURCE_PREVIEW else self.source[: SOURCE_PREVIEW - 3] + "..."
        fields = {
            "path": self.path,
            "code": self.code,
            "symbol": self.symbol,
            "scope": self.scope,
            "source": preview,
            "occurrence": self.occurrence,
            "fingerprint": self.fingerprint,
        }
        return json.dumps(fields, ensure_ascii=False)

    @property
    def sort_key(self) -> Tuple[str, str, str, str, int, str]:
        return (self.path, self.code, self.scope, self.source, self.occurrence, self.fingerprint)


def relative_path(filename: str, base_dir: str) -> str:
    absolute = os.path.abspath(filename)
    try:
        rel = os.path.relpath(absolute, base_dir)
    except ValueError:  # another drive on Windows
        rel = absolute
    return Path(rel).as_posix()


def make_entries(items: Iterable[Tuple[Finding, Identity]], base_dir: str) -> List[Entry]:
    entries = [
        Entry(relative_path(f.filename, base_dir), i.code, i.symbol, i.scope, i.source, i.occurrence, i.fingerprint)
        for f, i in items
    ]
    return sorted(entries, key=lambda e: e.sort_key)


def dumps(entries: Sequence[Entry]) -> str:
    body = ",\n".join("    " + e.to_json() for e in entries)
    return (
        "{\n"
        f'  "version": {FORMAT_VERSION},\n'
        '  "tool": "tf2lint",\n'
        '  "findings": [\n' + (body + "\n" if body else "") + "  ]\n}\n"
    )


def write(path: str, entries: Sequence[Entry]) -> None:
    Path(path).write_text(dumps(entries), encoding="utf-8")


def _no_constants(name: str) -> None:
    raise ValueError(f"{name} is not a number a baseline holds")


_TEXT_FIELDS = ("path", "code", "fingerprint")


def load(path: str) -> List[Entry]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise BaselineError(f"{path}: not a baseline file (not UTF-8: byte offset {exc.start})") from None
    try:
        data = json.loads(text, parse_constant=_no_constants)
    except RecursionError:
        raise BaselineError(f"{path}: not a baseline file (JSON nested too deeply)") from None
    except ValueError as exc:
        raise BaselineError(f"{path}: not a baseline file (invalid JSON: {exc})") from None
    if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{path}: not a tf2lint baseline of version {FORMAT_VERSION} (write one with --write-baseline)")
    entries = []
    for number, item in enumerate(data["findings"], 1):
        occurrence = item.get("occurrence", 0) if isinstance(item, dict) else None
        if (
            not isinstance(item, dict)
            or not all(isinstance(item.get(key), str) for key in _TEXT_FIELDS)
            or not isinstance(occurrence, int)
            or isinstance(occurrence, bool)
            or occurrence < 0
        ):
            raise BaselineError(f"{path}: malformed entry {number}: {_preview(item)}")
        entries.append(
            Entry(item["path"], item["code"], str(item.get("symbol", "")), str(item.get("scope", "")),
                  str(item.get("source", "")), occurrence, item["fingerprint"])
        )
    return entries


def _preview(item: object) -> str:
    text = json.dumps(item, ensure_ascii=True)
    return text if len(text) <= 120 else text[:117] + "..."


@dataclass
class Comparison:
    new: List[int]  # indexes of the findings not in the baseline
    known: int  # findings hidden because the baseline has them
    fixed: int  # baseline entries of checked files that no longer occur
    unchecked: int = 0  # entries of files that could not be checked this time (kept, not fixed)
    moved: bool = False  # no recorded path exists relative to the baseline's directory


def compare(
    entries: Sequence[Entry],
    findings: Sequence[Tuple[Finding, str]],
    checked_files: Sequence[str],
    base_dir: str,
    unchecked_files: Sequence[str] = (),
) -> Comparison:
    """Split findings (each with its fingerprint) into new and known; count fixed entries.

    Entries of files that were not part of this run are neither matched nor counted as
    fixed, unless the file no longer exists. Entries of files that could not be checked
    (a syntax error, unreadable) are not fixed. When no recorded path exists relative to
    the baseline's directory, the file looks moved and nothing is counted as fixed.
    """
    remaining: Dict[Tuple[str, str], int] = {}
    for e in entries:
        key = (e.path, e.fingerprint)
        remaining[key] = remaining.get(key, 0) + 1
    new: List[int] = []
    known = 0
    for index, (finding, fp) in enumerate(findings):
        key = (relative_path(finding.filename, base_dir), fp)
        if remaining.get(key, 0) > 0:
            remaining[key] -= 1
            known += 1
        else:
            new.append(index)
    checked: Set[str] = {relative_path(p, base_dir) for p in checked_files}
    failed: Set[str] = {relative_path(p, base_dir) for p in unchecked_files}
    paths = {e.path for e in entries}
    moved = bool(paths) and known == 0 and not any(os.path.exists(os.path.join(base_dir, p)) for p in paths)
    fixed = unchecked = 0
    for (path, _), count in remaining.items():
        if not count or moved:
            continue
        if path in failed:
            unchecked += count
        elif path in checked or not os.path.exists(os.path.join(base_dir, path)):
            fixed += count
    return Comparison(new, known, fixed, unchecked, moved)
