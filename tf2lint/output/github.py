"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line per
finding, which the Actions runner turns into an annotation on the pull request's diff.

Values are escaped as the runner expects: in the message ``%``, CR and LF; in the
properties (``file``, ``title``) also ``:`` and ``,``, which separate the properties.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import List, TextIO

from tf2lint.finding import Finding, Severity
from tf2lint.notebook import cell_of
from tf2lint.output.safe import safe_findings

KINDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _path(filename: str) -> str:
    """Relative to the working directory (the checkout) when inside it, '/'-separated."""
    absolute = os.path.abspath(filename)
    try:
        rel = os.path.relpath(absolute, os.getcwd())
    except ValueError:
        return Path(absolute).as_posix()
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        return Path(absolute).as_posix()
    return Path(rel).as_posix()


def annotation(f: Finding) -> str:
    props = [("file", _path(f.filename)), ("line", str(f.start.row)), ("endLine", str(f.end.row))]
    # The runner rejects columns on an annotation that spans several lines.
    if f.start.row == f.end.row:
        props += [("col", str(f.start.col + 1)), ("endColumn", str(f.end.col + 1))]
    cell = cell_of(f)
    title = f"{f.code} {f.symbol}" + (f" (notebook cell {cell})" if cell is not None else "")
    props.append(("title", title))
    message = f.message + (f"\nUse instead: {f.replacement}" if f.replacement else "")
    rendered = ",".join(f"{key}={escape_property(value)}" for key, value in props)
    return f"::{KINDS[f.severity]} {rendered}::{escape_data(message)}"


def render(findings: List[Finding], out: TextIO) -> None:
    for f in safe_findings(findings):
        out.write(annotation(f) + "\n")
