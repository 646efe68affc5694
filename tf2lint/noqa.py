"""`# noqa` read exactly as flake8 reads it.

flake8 applies `# noqa` itself to what its plugins report; the CLI and the pylint plugin
apply it here, with flake8's rules, so all three drop the same findings:

- `# noqa` (one space, any case) alone silences every code; `# noqa: TF101,TF2` the codes it
  lists, as written, each a prefix;
- the comment counts anywhere on the logical line when the line holds a token that spans
  several physical lines (a triple-quoted string, a backslash continuation); inside brackets
  each physical line stands alone;
- a line `# flake8: noqa` exempts the whole file.
"""

from __future__ import annotations

import io
import re
import tokenize
from typing import Dict, Iterator, List, Sequence, Tuple

from tf2lint.finding import Finding

# flake8's own patterns (flake8/defaults.py).
INLINE = re.compile(r"# noqa(?::[\s]?(?P<codes>([A-Z]+[0-9]+(?:[,\s]+)?)+))?", re.IGNORECASE)
WHOLE_FILE = re.compile(r"\s*# flake8[:=]\s*noqa", re.IGNORECASE)

def is_suppressed(text: str, code: str) -> bool:
    """Whether the noqa comment in ``text`` (a line, or a joined logical line) covers ``code``."""
    match = INLINE.search(text)
    if match is None:
        return False
    codes_text = match.group("codes")
    if codes_text is None:
        return True
    codes = tuple(c for c in re.split(r"[,\s]+", codes_text) if c)
    return code in codes or code.startswith(codes)


def token_line_spans(lines: Sequence[str]) -> Iterator[Tuple[int, int]]:
    """(first, last) rows of each logical line, as the tokenizer sees them (a multi-line string or
    a backslash continuation spans several rows); nothing when the text does not tokenize."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO("\n".join(lines) + "\n").readline))
    except (tokenize.TokenError, SyntaxError):
        return  # flake8 then looks at the physical line alone
    first, last = len(lines) + 2, -1
    for kind, _, (start, _), (end, _), _ in tokens:
        if kind in (tokenize.ENDMARKER, tokenize.DEDENT):
            continue
        first, last = min(first, start), max(last, end)
        if kind in (tokenize.NL, tokenize.NEWLINE):
            yield first, last
            first, last = len(lines) + 2, -1


def _logical_text(lines: Sequence[str]) -> Dict[int, str]:
    """Row -> the text searched for noqa: the rows a multi-line token spans, joined."""
    out: Dict[int, str] = {}
    for first, last in token_line_spans(lines):
        if last > first:
            joined = "\n".join(lines[first - 1 : last])
            for row in range(first, last + 1):
                out[row] = joined
    return out


def without_suppressed(findings: List[Finding], lines: Sequence[str]) -> List[Finding]:
    """The findings no `# noqa` comment covers."""
    if not findings or "noqa" not in "\n".join(lines).lower():  # faster than any regex
        return findings
    if any(WHOLE_FILE.match(line) for line in lines):
        return []
    logical = _logical_text(lines)
    kept = []
    for finding in findings:
        row = finding.start.row
        text = logical.get(row) or (lines[row - 1] if 0 < row <= len(lines) else "")
        if not is_suppressed(text, finding.code):
            kept.append(finding)
    return kept
