"""Migration progress: where the remaining TF1 usage is, per directory and per family."""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from pathlib import Path
from typing import Dict, List, Sequence, Set, TextIO

from tf2lint.finding import Finding
from tf2lint.rules.base import FAMILIES


def _directory(filename: str, root: str) -> str:
    parent = os.path.dirname(os.path.abspath(filename))
    try:
        rel = os.path.relpath(parent, root)
    except ValueError:
        return Path(parent).as_posix()
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        return Path(parent).as_posix()
    return Path(rel).as_posix()


def family_of(code: str) -> int:
    return int(code[2]) if len(code) > 2 and code[2].isdigit() else 0


def render_summary(findings: Sequence[Finding], checked_files: Sequence[str], out: TextIO, root: str = "") -> None:
    """A table of directories (most findings first) with their files, the files still
    using TF1 idioms, and the findings per family; then the totals per family."""
    root = os.path.abspath(root or os.getcwd())
    files_in: Counter = Counter(_directory(p, root) for p in checked_files)
    flagged: Dict[str, Set[str]] = defaultdict(set)
    per_dir: Dict[str, Counter] = defaultdict(Counter)
    per_family: Counter = Counter()
    family_files: Dict[int, Set[str]] = defaultdict(set)
    for f in findings:
        directory = _directory(f.filename, root)
        family = family_of(f.code)
        flagged[directory].add(f.filename)
        per_dir[directory][family] += 1
        per_family[family] += 1
        family_files[family].add(f.filename)
    total_files = len(set(checked_files) | {f.filename for f in findings})
    touched = len({f.filename for f in findings})
    share = f" ({100.0 * touched / total_files:.0f}%)" if total_files else ""
    out.write(f"Migration summary: {len(findings)} findings in {touched} of {total_files} files{share}.\n")
    if not findings:
        return
    families = sorted(per_family)
    headers = ["findings", "files", "flagged"] + [f"TF{n}xx" for n in families]
    rows: List[List[str]] = []
    for directory in sorted(per_dir, key=lambda d: (-sum(per_dir[d].values()), d)):
        counts = per_dir[directory]
        rows.append(
            [str(sum(counts.values())), str(max(files_in[directory], len(flagged[directory]))), str(len(flagged[directory]))]
            + [str(counts[n]) if counts[n] else "." for n in families]
            + [directory]
        )
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    out.write("\nBy directory (flagged: files with at least one finding):\n")
    out.write("  ".join(h.rjust(w) for h, w in zip(headers, widths)) + "  directory\n")
    for row in rows:
        out.write("  ".join(v.rjust(w) for v, w in zip(row, widths)) + "  " + row[-1] + "\n")
    out.write("\nBy family:\n")
    for family in sorted(per_family, key=lambda n: (-per_family[n], n)):
        count = per_family[family]
        out.write(
            f"  TF{family}xx  {count:7d}  {100.0 * count / len(findings):5.1f}%  "
            f"in {len(family_files[family])} file{'' if len(family_files[family]) == 1 else 's'}  {FAMILIES.get(family, '')}\n"
        )
