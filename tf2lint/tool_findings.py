"""Findings about the input itself (family 0), built without a parse tree."""

from __future__ import annotations

import ast
import re
import sys
from typing import Optional

from tf2lint.finding import Finding, Position, Severity

# Codes saying a file was not (fully) checked: its other findings are unknown, not fixed.
NOT_CHECKED = frozenset({"TF001", "TF002", "TF003", "TF004", "TF005", "TF006", "TF008"})

_PY2_HINTS = (
    re.compile(r"^\s*print\s+[^\s(=]"),
    re.compile(r"^\s*except\s+[\w.]+\s*,\s*\w+\s*:"),
    re.compile(r"^\s*exec\s+[\"']"),
    re.compile(r"`[^`]+`"),
    re.compile(r"(?<![\w.])0\d+\b"),
    re.compile(r"\bur[\"']"),
    re.compile(r"^\s*raise\s+\w+\s*,"),
)


def _make(code: str, filename: str, detail: str, row: int = 1, col: int = 0, replacement: Optional[str] = None) -> Finding:
    from tf2lint.registry import rule_by_code

    rule = rule_by_code(code)
    return Finding(
        code=code,
        symbol=rule.symbol,
        message=rule.summary.format(detail=detail),
        replacement=replacement if replacement is not None else rule.replacement,
        severity=Severity.ERROR,
        filename=filename,
        start=Position(max(row, 1), max(col, 0)),
        end=Position(max(row, 1), max(col, 0)),
        url=rule.url(),
    )


def looks_like_python2(source: str, exc: SyntaxError) -> bool:
    if "Missing parentheses in call to" in (exc.msg or ""):
        return True
    lines = source.splitlines()
    row = (exc.lineno or 1) - 1
    line = lines[row] if 0 <= row < len(lines) else ""
    return any(p.search(line) for p in _PY2_HINTS)


_PEP695 = re.compile(r"^\s*(type\s+\w+\s*(\[.*\])?\s*=|(async\s+)?def\s+\w+\s*\[|class\s+\w+\s*\[)")


def _needs_312(source: str, exc: SyntaxError) -> bool:
    lines = source.splitlines()
    row = (exc.lineno or 1) - 1
    return 0 <= row < len(lines) and bool(_PEP695.match(lines[row]))


def syntax_error(filename: str, source: str, exc: SyntaxError) -> Finding:
    detail = f"{exc.msg} (line {exc.lineno})"
    if looks_like_python2(source, exc):
        detail += "; this looks like Python 2 code, which TensorFlow 2 cannot run"
    elif sys.version_info < (3, 12) and _needs_312(source, exc):
        running = f"{sys.version_info[0]}.{sys.version_info[1]}"
        detail += (f"; `type` statements and type parameter lists (PEP 695) need Python 3.12 or newer, "
                   f"and tf2lint runs on Python {running}: run it with Python 3.12+")
    return _make("TF001", filename, detail, exc.lineno or 1, (exc.offset or 1) - 1)


def undecodable(filename: str, exc: Exception) -> Finding:
    if isinstance(exc, UnicodeDecodeError):
        data = bytes(exc.object)
        row = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1)
        detail = f"{exc.encoding} cannot decode byte {data[exc.start:exc.start + 1]!r} (line {row}, byte {col + 1})"
        return _make("TF002", filename, detail, row, col)
    return _make("TF002", filename, str(exc))


def unreadable(filename: str, detail: str) -> Finding:
    return _make("TF003", filename, detail)


def too_deep(filename: str) -> Finding:
    return _make("TF004", filename, "the code is nested too deeply (recursion limit exceeded)")


def nul_bytes(filename: str, source: str) -> Finding:
    before = source[: source.index("\0")]
    row = before.count("\n") + 1
    col = len(before) - (before.rfind("\n") + 1)
    return _make("TF005", filename, "the file contains NUL bytes", row, col)


def malformed_notebook(filename: str, detail: str) -> Finding:
    return _make("TF006", filename, detail)


def fix_failed(filename: str, detail: str, row: int = 1, col: int = 0) -> Finding:
    return _make("TF007", filename, detail, row, col)


def too_large(filename: str, size: int, limit: int) -> Finding:
    return _make("TF008", filename, f"{size:,} bytes, over the {limit:,}-byte limit (max-file-size)")


def too_many(filename: str, total: int, shown: int, row: int, col: int) -> Finding:
    detail = f"{total:,} findings in this file; the first {shown:,} are shown (max-findings-per-file)"
    return _make("TF010", filename, detail, row, col)


def internal_error(filename: str, code: str, exc: Exception, node: ast.AST) -> Finding:
    detail = f"{code}: {type(exc).__name__}: {exc}"
    return _make("TF009", filename, detail, getattr(node, "lineno", 1), getattr(node, "col_offset", 0))
