"""Migration progress: what remains in each of the guide's five steps, per directory and in
total, how much of it ``--fix`` (safe fixes) and ``--unsafe-fixes`` would clear, and the
findings per family."""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Sequence, Set, TextIO

from tf2lint.data.migration_steps import STEPS, step_for
from tf2lint.finding import Applicability, Finding
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


def step_of(code: str) -> int:
    try:
        return step_for(code)
    except (KeyError, ValueError, IndexError):
        return 1


def fix_kind(f: Finding) -> str:
    """'safe' (--fix clears it), 'unsafe' (--unsafe-fixes clears it) or '' (a person rewrites it)."""
    if f.fix is None or not f.fix.applicable:
        return ""
    return "safe" if f.fix.applicability == Applicability.SAFE.value else "unsafe"


@dataclass
class Tally:
    """Counts for one directory, or for everything."""

    findings: int = 0
    steps: Counter = field(default_factory=Counter)
    families: Counter = field(default_factory=Counter)
    safe: int = 0  # findings --fix clears
    unsafe: int = 0  # further findings --unsafe-fixes clears
    flagged: Set[str] = field(default_factory=set)
    step_files: Dict[int, Set[str]] = field(default_factory=lambda: defaultdict(set))
    step_safe: Counter = field(default_factory=Counter)
    step_unsafe: Counter = field(default_factory=Counter)
    family_files: Dict[int, Set[str]] = field(default_factory=lambda: defaultdict(set))

    def add(self, f: Finding) -> None:
        step = step_of(f.code)
        self.findings += 1
        self.steps[step] += 1
        self.families[family_of(f.code)] += 1
        self.flagged.add(f.filename)
        self.step_files[step].add(f.filename)
        self.family_files[family_of(f.code)].add(f.filename)
        kind = fix_kind(f)
        if kind == "safe":
            self.safe += 1
            self.step_safe[step] += 1
        elif kind == "unsafe":
            self.unsafe += 1
            self.step_unsafe[step] += 1


@dataclass
class Progress:
    total: Tally
    directories: Dict[str, Tally]  # most findings first
    files_in: Counter  # checked files per directory
    total_files: int


def progress(findings: Sequence[Finding], checked_files: Sequence[str], root: str = "") -> Progress:
    root = os.path.abspath(root or os.getcwd())
    total = Tally()
    per_dir: Dict[str, Tally] = defaultdict(Tally)
    for f in findings:
        total.add(f)
        per_dir[_directory(f.filename, root)].add(f)
    ordered = {d: per_dir[d] for d in sorted(per_dir, key=lambda d: (-per_dir[d].findings, d))}
    return Progress(
        total=total,
        directories=ordered,
        files_in=Counter(_directory(p, root) for p in checked_files),
        total_files=len(set(checked_files) | {f.filename for f in findings}),
    )


def _table(headers: List[str], rows: List[List[str]], label: str) -> List[str]:
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    lines = ["  ".join(h.rjust(w) for h, w in zip(headers, widths)) + f"  {label}"]
    lines += ["  ".join(v.rjust(w) for v, w in zip(row, widths)) + "  " + row[-1] for row in rows]
    return lines


def format_summary(findings: Sequence[Finding], checked_files: Sequence[str], root: str = "") -> str:
    """A table of directories (most findings first): their files, the files still flagged, what
    remains in each migration step and what the fix options clear; then the totals per step
    and per family."""
    p = progress(findings, checked_files, root)
    total = p.total
    touched = len(total.flagged)
    share = f" ({100.0 * touched / p.total_files:.0f}%)" if p.total_files else ""
    out = [f"Migration summary: {total.findings} findings in {touched} of {p.total_files} files{share}."]
    if not findings:
        return out[0] + "\n"
    out.append(
        f"--fix would clear {total.safe}, --unsafe-fixes {total.safe + total.unsafe}; "
        f"{total.findings - total.safe - total.unsafe} need a person."
    )
    headers = ["findings", "files", "flagged"] + [f"step{n}" for n in STEPS] + ["--fix", "--unsafe-fixes"]
    rows: List[List[str]] = []
    for directory, tally in p.directories.items():
        rows.append(
            [str(tally.findings), str(max(p.files_in[directory], len(tally.flagged))), str(len(tally.flagged))]
            + [str(tally.steps[n]) if tally.steps[n] else "." for n in STEPS]
            + [str(tally.safe), str(tally.safe + tally.unsafe), directory]
        )
    out += ["", "By directory (flagged: files with at least one finding; stepN: findings left in step N):"]
    out += _table(headers, rows, "directory")
    out += ["", "By migration step (the guide's order):"]
    step_rows = [
        [str(n), str(total.steps[n]), f"{100.0 * total.steps[n] / total.findings:.1f}%", str(len(total.step_files[n])),
         str(total.step_safe[n]), str(total.step_safe[n] + total.step_unsafe[n]), text]
        for n, text in STEPS.items()
    ]
    out += _table(["step", "findings", "share", "files", "--fix", "--unsafe-fixes"], step_rows, "what")
    out += ["", "By family:"]
    for family in sorted(total.families, key=lambda n: (-total.families[n], n)):
        count = total.families[family]
        files = len(total.family_files[family])
        out.append(
            f"  TF{family}xx  {count:7d}  {100.0 * count / total.findings:5.1f}%  "
            f"in {files} file{'' if files == 1 else 's'}  {FAMILIES.get(family, '')}"
        )
    return "\n".join(out) + "\n"


def render_summary(findings: Sequence[Finding], checked_files: Sequence[str], out: TextIO, root: str = "") -> None:
    out.write(format_summary(findings, checked_files, root))
