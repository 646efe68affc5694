"""Warnings for `# noqa` comments naming codes that no tf2lint rule has.

A misspelt code (`# noqa: TF1O1`, `# noqa: TF9999`) silences nothing and hides the
mistake; a lower-case one (`# noqa: tf101`) silences nothing either, since flake8 matches
codes as written.  Only codes that start with ``TF`` are ours to judge: other tools' codes
(`E501`) are left alone.
"""

from __future__ import annotations

import re
from typing import AbstractSet, Iterable, List, Mapping, Sequence, TextIO, Tuple

from tf2lint.config import DEFAULT_MAX_FILE_SIZE
from tf2lint.noqa import INLINE
from tf2lint.reading import read_source


def unknown_noqa_codes(text: str, known: Iterable[str]) -> List[Tuple[int, str, str]]:
    """(row, code as written, why) for each unknown TF code, the first place it appears."""
    codes = tuple(known)
    out: List[Tuple[int, str, str]] = []
    seen = set()
    for row, line in enumerate(text.splitlines(), start=1):
        if "noqa" not in line.lower():
            continue
        for match in INLINE.finditer(line):
            listed = match.group("codes")
            if not listed:
                continue
            for code in (c for c in re.split(r"[,\s]+", listed) if c):
                if not code.upper().startswith("TF") or code in seen:
                    continue
                if any(rule.startswith(code) for rule in codes):
                    continue
                seen.add(code)
                if any(rule.startswith(code.upper()) for rule in codes):
                    out.append((row, code, f"codes are matched as written: use {code.upper()}"))
                else:
                    out.append((row, code, "no tf2lint rule has this code (see `tf2lint rules`)"))
    return out


def mentions_noqa(data: bytes) -> bool:
    return b"noqa" in data.lower()


def noqa_warnings(filename: str, data: bytes, known: Iterable[str]) -> List[str]:
    if not mentions_noqa(data):
        return []
    text = data.decode("utf-8", errors="replace")
    return [
        f"tf2lint: warning: {filename}:{row}: `# noqa` names unknown code {code}: {why}\n"
        for row, code, why in unknown_noqa_codes(text, known)
    ]


def warn_unknown_noqa(
    files: Sequence[str],
    data: Mapping[str, bytes],
    err: TextIO,
    max_size: int = DEFAULT_MAX_FILE_SIZE,
    without_noqa: AbstractSet[str] = frozenset(),
) -> None:
    """Warn, once per file and code, about unknown codes in the checked files' `# noqa` comments.

    ``without_noqa``: files whose checked bytes hold no `noqa` at all (not read again)."""
    from tf2lint.registry import all_rules

    known = [cls.code for cls in all_rules()]
    for filename in files:
        content = data.get(filename)
        if content is None:
            if filename in without_noqa:
                continue
            # Regular files within the size limit only, as the check reads them (never a FIFO or a device).
            content, _ = read_source(filename, max_size)
            if content is None:
                continue
        for line in noqa_warnings(filename, content, known):
            err.write(line)
