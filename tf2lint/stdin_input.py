"""Checking source read from standard input (`tf2lint check -`).

``--stdin-filename`` names it: the name findings carry, what `per-file-ignores` and
`exclude` match, and where the configuration is looked for; a name ending in ``.ipynb``
reads a notebook.  Without it the name is ``-``.  With ``--fix`` the fixed source is written
to standard output and the report to standard error; ``--diff`` prints its diff (tf2lint/cli.py).
"""

from __future__ import annotations

import sys
from typing import Optional

from tf2lint import tool_findings
from tf2lint.baseline import identities
from tf2lint.config import Config
from tf2lint.runner import FileResult, capped, lint_data

STDIN = "-"


def read_stdin() -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # stdin closed or replaced by text
        return (sys.stdin.read() if sys.stdin is not None else "").encode("utf-8")
    return bytes(stream.read())


def check_stdin(data: bytes, filename: Optional[str], config: Config, want_identities: bool) -> FileResult:
    name = filename or STDIN
    if len(data) > config.max_file_size:  # the limits files have apply to standard input too
        findings = [tool_findings.too_large(name, len(data), config.max_file_size)]
    else:
        findings = capped(lint_data(data, name, config), name, config.max_findings)
    return FileResult(name, findings, identities(data, name, findings) if want_identities else None)
