"""Terminal colour: on for a terminal, off otherwise; NO_COLOR and FORCE_COLOR decide first.

As https://no-color.org and https://force-color.org define them: a non-empty ``NO_COLOR``
turns colour off, a non-empty ``FORCE_COLOR`` turns it on even when the output is not a
terminal; when both are set, ``NO_COLOR`` wins (as CPython's own colour does).
"""

from __future__ import annotations

import os
from typing import Mapping, Optional, TextIO

from tf2lint.finding import Severity

RESET = "\033[0m"
BOLD = "\033[1m"
DIM = "\033[2m"
RED = "\033[31m"
GREEN = "\033[32m"
YELLOW = "\033[33m"
BLUE = "\033[34m"
CYAN = "\033[36m"

SEVERITY_COLORS = {Severity.ERROR: RED, Severity.WARNING: YELLOW, Severity.INFO: BLUE}


def use_color(stream: TextIO, environ: Optional[Mapping[str, str]] = None) -> bool:
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    if env.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False


def paint(text: str, *codes: str, enabled: bool = True) -> str:
    return f"{''.join(codes)}{text}{RESET}" if enabled and codes and text else text
