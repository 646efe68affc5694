"""`check --fix / --unsafe-fixes / --diff / --show-fixes`: the flags and what `check` does with them.

The check runs first (with its cache); only files holding a finding whose fix is allowed
are fixed. Fixed files are checked again, so the report shows what remains, and the
cache learns their new content (it is keyed by the bytes, so an old result is never
served for a rewritten file).
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field, replace
from typing import Dict, List, Optional, TextIO, Tuple

from tf2lint.baseline import identities
from tf2lint.cache import Cache, digest
from tf2lint.config import Config
from tf2lint.engine import visible
from tf2lint.finding import Finding
from tf2lint.fix.files import FileFix, fix_data, fix_files
from tf2lint.fix.loop import fixable
from tf2lint.fix.report import plural, render_fixed, unified_diff

__all__ = ["FixRun", "FixSettings", "add_arguments", "fix_stage", "fix_stdin", "render_fixed", "stdin_result", "write_diff"]
from tf2lint.runner import FileResult, capped, read, run


def add_arguments(check: argparse.ArgumentParser) -> None:
    group = check.add_argument_group("fixes")
    group.add_argument("--fix", dest="fix", action="store_true", default=None,
                       help="apply the safe fixes, then report what remains ([tool.tf2lint] fix = true); "
                       "with -, the fixed source goes to standard output and the report to standard error")
    group.add_argument("--no-fix", dest="fix", action="store_false", help="do not fix, whatever the configuration says")
    group.add_argument("--unsafe-fixes", dest="unsafe_fixes", action="store_true", default=None,
                       help="also apply (with --fix) or count as fixable the unsafe fixes ([tool.tf2lint] unsafe-fixes = true)")
    group.add_argument("--no-unsafe-fixes", dest="unsafe_fixes", action="store_false",
                       help="leave the unsafe fixes out, whatever the configuration says")
    group.add_argument("--diff", action="store_true",
                       help="print a unified diff of what --fix would change, write nothing; exit 1 when there is a diff")
    group.add_argument("--show-fixes", action="store_true", help="list what was fixed, per file and code")


@dataclass(frozen=True)
class FixSettings:
    fix: bool = False
    unsafe: bool = False
    diff: bool = False
    show: bool = False

    @classmethod
    def from_args(cls, args: argparse.Namespace, config: Config) -> FixSettings:
        fix = config.fix if getattr(args, "fix", None) is None else bool(args.fix)
        unsafe = config.unsafe_fixes if getattr(args, "unsafe_fixes", None) is None else bool(args.unsafe_fixes)
        return cls(fix=fix, unsafe=unsafe, diff=bool(getattr(args, "diff", False)), show=bool(getattr(args, "show_fixes", False)))

    @property
    def active(self) -> bool:
        return self.fix or self.diff


@dataclass
class FixRun:
    settings: FixSettings
    files: List[FileFix] = field(default_factory=list)

    @property
    def fixed(self) -> List[Finding]:
        return [f for ff in self.files for f in ff.fixed]

    @property
    def errors(self) -> List[Finding]:
        return [ff.error for ff in self.files if ff.error is not None]


def fix_stage(
    settings: FixSettings,
    results: List[FileResult],
    config: Config,
    *,
    cache: Optional[Cache],
    jobs: int,
    want_identities: bool,
) -> Tuple[List[FileResult], FixRun]:
    """Fix (or, for --diff, only compute the fixes of) the files whose findings carry allowed fixes.

    Returns the check results after fixing: fixed files checked again, TF007 findings added.
    """
    write = not settings.diff
    candidates = [r for r in results if fixable(r.findings, settings.unsafe)]
    # The check's findings serve the first pass unless they were capped (TF010: some are missing).
    known = {r.filename: (r.digest, r.findings) for r in candidates
             if r.digest is not None and not any(f.code == "TF010" for f in r.findings)}
    outcome = FixRun(settings, list(fix_files([r.filename for r in candidates], config, unsafe=settings.unsafe,
                                              write=write, jobs=jobs, known=known)))
    if not write:
        return results, outcome
    fresh: Dict[str, FileResult] = {}
    for ff in outcome.files:
        if ff.written and ff.data is not None and ff.findings is not None:
            # The fixing's last lint is the check of the new bytes: no need to check them again.
            findings = capped(ff.findings, ff.path, config.max_findings)
            ids = identities(ff.data, ff.path, findings) if want_identities else None
            fresh[ff.path] = FileResult(ff.path, findings, ids, digest(ff.data))
            if cache is not None and not ff.carried:
                cache.put(ff.path, digest(ff.data), findings, ids)
    again = [ff.path for ff in outcome.files if ff.written and ff.path not in fresh]  # notebooks
    if again:
        fresh.update((r.filename, r) for r in run(again, config, jobs=jobs, cache=cache, want_identities=want_identities)[0])
    elif cache is not None and fresh:
        cache.save()
    errors = {ff.path: ff.error for ff in outcome.files if ff.error is not None and visible(ff.error, config)}
    out: List[FileResult] = []
    for result in results:
        result = fresh.get(result.filename, result)
        error = errors.get(result.filename)
        if error is not None:
            findings = sorted(result.findings + [error], key=lambda f: f.sort_key)
            ids = None
            if want_identities:
                data, _ = read(result.filename)
                ids = identities(data or b"", result.filename, findings)
            result = replace(result, findings=findings, identities=ids)
        out.append(result)
    return out, outcome


def fix_stdin(settings: FixSettings, data: bytes, name: str, config: Config) -> FileFix:
    """`--fix -` / `--diff -`: what fixing standard input gives (``name``: `-` or --stdin-filename)."""
    if len(data) > config.max_file_size:  # the limit files have: checked (TF008), not fixed
        return FileFix(name)
    return fix_data(data, name, config, unsafe=settings.unsafe)


def stdin_result(fixed: FileFix, data: bytes, config: Config, want_identities: bool) -> Tuple[bytes, FileResult]:
    """The bytes standard input stands for after ``fixed`` (the input when nothing changed) and their check
    result, with the TF007 finding of fixes that could not be applied."""
    from tf2lint.stdin_input import check_stdin

    new = fixed.data if fixed.data is not None else data
    result = check_stdin(new, fixed.path, config, False)
    if fixed.error is not None and visible(fixed.error, config):
        result.findings = sorted(result.findings + [fixed.error], key=lambda f: f.sort_key)
    if want_identities:
        result.identities = identities(new, result.filename, result.findings)
    return new, result


def write_diff(outcome: FixRun, out: TextIO, err: TextIO) -> int:
    """--diff: the diffs on ``out``, the rest on ``err``; 1 when there is a diff."""
    changed = 0
    for ff in outcome.files:
        for label, before, after in ff.changes:
            out.write(unified_diff(label, before, after))
        changed += bool(ff.changes)
    for error in outcome.errors:
        err.write(f"{error.filename}:{error.start.row}:{error.start.col + 1}: {error.code} {error.message}\n")
    fixed = outcome.fixed
    if outcome.settings.show:
        render_fixed(fixed, err, verb="Would fix")
    else:
        err.write(f"Would fix {plural(len(fixed), 'finding')} in {plural(changed, 'file')}.\n" if fixed else "No fixes to apply.\n")
    return 1 if changed else 0
