"""What every output format renders: the findings of one run and what they need around them."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

from tf2lint.config import DEFAULT_MAX_FILE_SIZE
from tf2lint.engine import decode, physical_lines
from tf2lint.finding import Finding
from tf2lint.notebook import NotebookError, NotebookSource, cell_of, read_notebook
from tf2lint.reading import read_source


@dataclass
class Report:
    findings: List[Finding]
    files: Sequence[str] = ()  # every file checked, for totals
    fingerprints: Optional[Sequence[str]] = None  # aligned with findings (baseline fingerprints)
    color: bool = False
    quiet: bool = False  # the findings alone: no closing line
    errors: int = 0  # errors already reported: never say "All checks passed" after one
    unsafe_fixes: bool = False  # whether --fix applies unsafe fixes too (the [*] mark follows it)
    fixed: int = 0  # findings --fix fixed in this run
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    # Bytes of inputs that are not files on disk (stdin), by the name findings carry.
    data: Dict[str, bytes] = field(default_factory=dict)
    _modules: Dict[str, Tuple[List[str], Optional[NotebookSource]]] = field(default_factory=dict, repr=False)

    def read(self, filename: str) -> Optional[bytes]:
        if filename in self.data:
            return self.data[filename]
        # As the check reads files: regular files within the size limit only.
        return read_source(filename, self.max_file_size)[0]

    def _module(self, filename: str) -> Tuple[List[str], Optional[NotebookSource]]:
        """The lines findings count rows in: the file's, or a notebook's joined code cells."""
        if filename not in self._modules:
            lines: List[str] = []
            nb = None
            data = self.read(filename)
            if data is not None:
                try:
                    if filename.endswith(".ipynb"):
                        nb = read_notebook(data)
                        lines = physical_lines(nb.source) if nb is not None else []
                    else:
                        lines = physical_lines(decode(data))
                except (NotebookError, SyntaxError, LookupError, UnicodeDecodeError, ValueError):
                    lines = []
            self._modules[filename] = (lines, nb)
        return self._modules[filename]

    def source_line(self, f: Finding) -> Optional[str]:
        """The source line a finding starts on (for a notebook, the line in its cell)."""
        lines, nb = self._module(f.filename)
        row = f.start.row
        cell = cell_of(f)
        if cell is not None:
            if nb is None:
                return None
            row = nb.joined_row(cell, row)
        return lines[row - 1] if 0 < row <= len(lines) else None


def display_path(filename: str, root: Optional[str] = None) -> str:
    """Relative to ``root`` (default: the working directory) when inside it, '/'-separated."""
    absolute = os.path.abspath(filename)
    try:
        rel = os.path.relpath(absolute, os.path.abspath(root or os.getcwd()))
    except ValueError:
        return Path(absolute).as_posix()
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        return Path(absolute).as_posix()
    return Path(rel).as_posix()
