"""Findings: the plain data every front end renders."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Optional, Tuple

DOCS_BASE_URL = "https://github.com/tf2lint/tf2lint/blob/main/docs/rules/"


class Severity(str, enum.Enum):
    """How bad a finding is; the value is what JSON and SARIF carry."""

    ERROR = "error"  # removed: the line fails on TF2
    WARNING = "warning"  # legacy: runs through compat.v1 with TF1 semantics
    INFO = "info"  # advice: TF2 API used in a way the guide recommends changing


class Position(NamedTuple):
    """A place in a file: 1-based row, 0-based column (as the ast gives it).

    A named tuple (immutable, ordered, hashable like a frozen dataclass): every finding and
    edit holds two, and a tuple is several times cheaper to create.
    """

    row: int
    col: int


@dataclass(frozen=True, order=True)
class Edit:
    """Replace the text from ``start`` to ``end`` (columns in characters) with ``content``.

    An insertion has ``start == end``; identical edits from several fixes (an import they
    all need) are applied once.
    """

    start: Position
    end: Position
    content: str


class Applicability(str, enum.Enum):
    """How far a fix can be trusted, as ruff defines it."""

    SAFE = "safe"  # same behaviour: applied by --fix
    UNSAFE = "unsafe"  # runs on TF2 but may behave differently: applied with --unsafe-fixes
    DISPLAY_ONLY = "display-only"  # a restructuring a person writes: shown, never applied


@dataclass(frozen=True)
class Fix:
    applicability: str  # an Applicability value
    edits: Tuple[Edit, ...]
    message: str = ""  # one line: what applying it does

    @property
    def applicable(self) -> bool:
        return self.applicability != Applicability.DISPLAY_ONLY.value and bool(self.edits)


@dataclass(frozen=True)
class Finding:
    code: str
    symbol: str
    message: str
    replacement: str
    severity: Severity
    filename: str
    start: Position
    end: Position
    url: str = ""
    fix: Optional[Fix] = None
    # Extra location info some inputs carry (a notebook cell number).
    extra: Tuple[Tuple[str, Any], ...] = field(default=(), compare=False)

    @property
    def sort_key(self) -> Tuple[str, int, int, str]:
        return (self.filename, self.start.row, self.start.col, self.code)

    def to_json(self) -> dict:
        """The stable JSON shape (rows and columns 1-based)."""
        data: dict = {
            "code": self.code,
            "symbol": self.symbol,
            "message": self.message,
            "replacement": self.replacement,
            "severity": self.severity.value,
            "filename": self.filename,
            "location": {"row": self.start.row, "column": self.start.col + 1},
            "end_location": {"row": self.end.row, "column": self.end.col + 1},
            "url": self.url,
            "fix": None,
        }
        if self.fix is not None:
            data["fix"] = {
                "applicability": self.fix.applicability,
                "message": self.fix.message,
                "edits": [
                    {
                        "content": e.content,
                        "location": {"row": e.start.row, "column": e.start.col + 1},
                        "end_location": {"row": e.end.row, "column": e.end.col + 1},
                    }
                    for e in self.fix.edits
                ],
            }
        for key, value in self.extra:
            data[key] = value
        return data
