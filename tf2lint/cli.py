"""The `tf2lint` command: check, rules, rule, verify."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Dict, List, Optional, Sequence, TextIO

from tf2lint import __version__, shutdown
from tf2lint import baseline as baseline_file
from tf2lint.atomic import AtomicFile
from tf2lint.cache import DEFAULT_CACHE_DIR, Cache
from tf2lint.config import Config, ConfigError, find_pyproject, load_file, with_overrides
from tf2lint.discovery import discover
from tf2lint.finding import Finding
from tf2lint.fix import run as fixing
from tf2lint.fix.files import FileFix
from tf2lint.gc_tuning import tune_for_linting
from tf2lint.noqa_codes import warn_unknown_noqa
from tf2lint.output import ALIASES, DEFAULT_FORMAT, FINGERPRINT_FORMATS, FORMATS, canonical
from tf2lint.output.check_report import write_report
from tf2lint.runner import WorkerDied, default_jobs, run
from tf2lint.stdin_input import STDIN, check_stdin, read_stdin
from tf2lint.tool_findings import NOT_CHECKED

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

CHECK_EPILOG = """\
exit codes:
  0  no findings (or --exit-zero)
  1  findings reported
  2  usage, configuration or internal error (a missing path, a bad option value, ...)

examples:
  tf2lint check                                  check the current directory
  tf2lint check src/ --select TF1,TF2            only some families (code prefixes)
  tf2lint check --output-format full             each finding with its source line
  tf2lint check --diff                           what --fix would change, as a diff
  cat model.py | tf2lint check - --stdin-filename src/model.py
  cat model.py | tf2lint check --fix -           the fixed source on stdout, what remains on stderr
  tf2lint check -q --output-format json-lines    findings only, one JSON object per line
  tf2lint check --statistics                     a count per code, nothing else
  tf2lint check --summary --output-format html -o report.html
"""


def _codes(value: str) -> List[str]:
    return [v.strip().upper() for v in value.replace(" ", ",").split(",") if v.strip()]


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of processes, got {value!r}") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError("the number of processes cannot be negative")
    return jobs


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tf2lint", description="Find TensorFlow 1.x idioms and show the TF2 code to write instead."
    )
    parser.add_argument("--version", action="version", version=f"tf2lint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    check = sub.add_parser(
        "check", help="check files and directories (default: .)", epilog=CHECK_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("paths", nargs="*", default=[], metavar="PATH", help="files and directories; - reads standard input")
    check.add_argument("--stdin-filename", metavar="NAME",
                       help="the path standard input stands for (findings, per-file-ignores, exclude, configuration)")
    check.add_argument("--select", type=_codes, help="comma-separated code prefixes to report (default: TF)")
    check.add_argument("--extend-select", type=_codes, default=[], help="code prefixes to add to the selection")
    check.add_argument("--ignore", type=_codes, help="comma-separated code prefixes to skip")
    check.add_argument("--extend-ignore", type=_codes, default=[], help="code prefixes to add to the ignore list")
    check.add_argument("--exclude", type=lambda v: [p for p in v.split(",") if p], default=[], help="glob patterns to skip")
    check.add_argument("--force-exclude", action="store_true", help="apply exclude to paths named on the command line too")
    check.add_argument("--output-format", choices=[*FORMATS, *ALIASES], default=DEFAULT_FORMAT, metavar="FORMAT",
                       help=f"{', '.join(FORMATS)} (default: {DEFAULT_FORMAT}; text is concise)")
    check.add_argument("-q", "--quiet", action="store_true", help="print the findings only: no closing line, notes or warnings")
    check.add_argument("--statistics", action="store_true", help="print only a count per code instead of the findings")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    check.add_argument("--config", metavar="FILE", help="read [tool.tf2lint] from this file instead of the nearest pyproject.toml")
    check.add_argument("--isolated", action="store_true", help="ignore configuration files")
    check.add_argument("--target-version", metavar="X.Y", help="TensorFlow version the code moves to (2.15 ... 2.21)")
    check.add_argument("-o", "--output-file", metavar="FILE", help="write the report to FILE")
    check.add_argument("--summary", action="store_true",
                       help="after the findings, what remains per migration step, per directory and in total, "
                       "and what --fix / --unsafe-fixes would clear")
    known = check.add_mutually_exclusive_group()
    known.add_argument("--baseline", metavar="FILE", help="report only findings that FILE does not record")
    known.add_argument("--write-baseline", metavar="FILE", help="record every current finding in FILE and exit 0")
    check.add_argument("-j", "--jobs", type=_jobs, default=0, metavar="N",
                       help="worker processes (default: one per CPU; 1 checks in this process)")
    check.add_argument("--no-cache", action="store_true", help="check every file, neither reading nor writing the cache")
    check.add_argument("--cache-dir", metavar="DIR",
                       help=f"where cached results live (default: {DEFAULT_CACHE_DIR} next to the configuration, else here)")
    check.add_argument("--no-respect-gitignore", dest="respect_gitignore", action="store_false",
                       help="also check files that .gitignore files ignore")
    check.add_argument("-v", "--verbose", action="store_true", help="say how many files were checked or taken from the cache")
    fixing.add_arguments(check)

    sub.add_parser("rules", help="list every rule with its migration step")
    rule = sub.add_parser("rule", help="print one rule's documentation (by code or symbol)")
    rule.add_argument("code", metavar="CODE_OR_SYMBOL", help="a code (TF101) or a symbol (tf1-session)")

    from tf2lint.verify.cli import add_arguments as add_verify_arguments

    add_verify_arguments(sub.add_parser("verify", help="run the sample pairs under the installed TensorFlow (execution check)"))
    sub.add_parser("server", help="run the language server (LSP over stdio) for editors; needs the `server` extra",
                   description="Serve diagnostics, quick fixes and rule pages to an editor over stdin/stdout (LSP). "
                               "Editor settings: docs/editors.md. Needs pygls: pip install 'tf2lint[server]'.")
    return parser


def load_config(args: argparse.Namespace) -> Config:
    if args.isolated:
        config = Config()
    elif args.config:
        path = Path(args.config)
        if not path.is_file():
            raise ConfigError(f"--config: no such file: {args.config}")
        config = load_file(path)
    else:
        start = _config_start(args)
        found = find_pyproject(start if os.path.exists(start) else ".")
        config = load_file(found) if found else Config(root=os.path.abspath("."))
    return with_overrides(
        config,
        select=args.select,
        extend_select=args.extend_select,
        ignore=args.ignore,
        extend_ignore=args.extend_ignore,
        target_version=args.target_version,
        exclude=args.exclude,
    )


def _config_start(args: argparse.Namespace) -> str:
    """Where the configuration search starts: the first path, or the named standard input."""
    first = args.paths[0] if args.paths else "."
    if first == STDIN:
        name = args.stdin_filename
        return os.path.dirname(os.path.abspath(name)) if name else "."
    return first


def run_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if not args.paths:
        args.paths = [STDIN] if args.stdin_filename else ["."]
    try:
        config = load_config(args)
        known = baseline_file.load(args.baseline) if args.baseline else None
    except (ConfigError, baseline_file.BaselineError) as exc:
        err.write(f"tf2lint: error: {exc}\n")
        return EXIT_ERROR
    if args.output_file:
        try:  # before any work: a report that cannot be written is known now, not after the run
            args.report = AtomicFile(args.output_file)
        except OSError as exc:
            err.write(f"tf2lint: error: -o {args.output_file}: {exc.strerror or exc}\n")
            return EXIT_ERROR
    try:
        return _check(args, config, known, out, err)
    finally:
        if args.output_file:
            args.report.discard()  # nothing if the report was committed


def _check(args: argparse.Namespace, config: Config, known: Optional[List[baseline_file.Entry]], out: TextIO,
           err: TextIO) -> int:
    stdin = STDIN in args.paths
    files, missing = discover(
        [p for p in args.paths if p != STDIN], config, force_exclude=args.force_exclude, respect_gitignore=args.respect_gitignore
    )
    for path in missing:
        err.write(f"tf2lint: error: {path}: no such file or directory\n")
    cache = None
    if not args.no_cache:
        cache = Cache(args.cache_dir or os.path.join(config.root or os.getcwd(), DEFAULT_CACHE_DIR), config)
    # Identities (one more parse per file with findings) only when something uses them.
    need_identities = bool(args.baseline or args.write_baseline or canonical(args.output_format) in FINGERPRINT_FORMATS)
    results, stats = run(files, config, jobs=args.jobs or default_jobs(), cache=cache, want_identities=need_identities)
    fixes = fixing.FixSettings.from_args(args, config)
    fixed: Optional[fixing.FixRun] = None
    name = args.stdin_filename or STDIN
    data = read_stdin() if stdin else b""
    # An excluded name (--force-exclude) is neither checked nor fixed; --fix passes it through unchanged.
    stdin_checked = stdin and not (args.force_exclude and args.stdin_filename and config.is_excluded(name))
    stdin_fix: Optional[FileFix] = None
    if fixes.active:
        results, fixed = fixing.fix_stage(fixes, results, config, cache=cache, jobs=args.jobs or default_jobs(),
                                          want_identities=need_identities)
        if stdin_checked:
            stdin_fix = fixing.fix_stdin(fixes, data, name, config)
            fixed.files.append(stdin_fix)
        if fixes.diff:
            code = fixing.write_diff(fixed, out, err)
            return EXIT_ERROR if missing else EXIT_CLEAN if args.exit_zero else code
    stdin_data: Dict[str, bytes] = {}
    if stdin_checked:
        if stdin_fix is not None:  # the check of what the fixes made of it
            data, result = fixing.stdin_result(stdin_fix, data, config, need_identities)
        else:
            result = check_stdin(data, args.stdin_filename, config, need_identities)
        stdin_data[name] = data
        results.append(result)
        files = [*files, name]
    if stdin and fixes.fix:
        # As ruff does: standard output carries the fixed source alone (the input itself when nothing
        # changed, or when the name is excluded), and the report goes to standard error.
        _write_source(out, data)
        out = err
    if args.verbose:
        err.write(f"tf2lint: {stats.describe()}\n")
    # Files come sorted and each file's findings in order: the report is the same for any -j.
    findings: List[Finding] = [f for r in results for f in r.findings]
    identities = [i for r in results for i in (r.identities or [])]
    fingerprints = [i.fingerprint for i in identities]
    if args.write_baseline:
        code = _write_baseline(args.write_baseline, findings, identities, err)
        return EXIT_ERROR if missing else code
    if known is not None:
        comparison = baseline_file.compare(
            known, list(zip(findings, fingerprints)), files, os.path.dirname(os.path.abspath(args.baseline)),
            [r.filename for r in results if any(f.code in NOT_CHECKED for f in r.findings)],
        )
        findings = [findings[i] for i in comparison.new]
        fingerprints = [fingerprints[i] for i in comparison.new]
        if not args.quiet:
            err.write(_baseline_note(args.baseline, comparison))
    if not args.quiet:
        warn_unknown_noqa(files, stdin_data, err, config.max_file_size, {r.filename for r in results if r.mentions_noqa is False})
    write_report(args, findings, fingerprints, files, stdin_data, len(missing), out, err, fixes, fixed,
                 config.max_file_size)
    if missing:
        return EXIT_ERROR
    return EXIT_FINDINGS if findings and not args.exit_zero else EXIT_CLEAN


def _write_source(out: TextIO, data: bytes) -> None:
    """Bytes on a text stream: through its binary buffer when it has one (encoding and line breaks untouched)."""
    buffer = getattr(out, "buffer", None)
    if buffer is None:
        out.write(data.decode("utf-8", "replace"))
        return
    out.flush()
    buffer.write(data)
    buffer.flush()


def _write_baseline(path: str, findings: List[Finding], identities: List[baseline_file.Identity], err: TextIO) -> int:
    entries = baseline_file.make_entries(zip(findings, identities), os.path.dirname(os.path.abspath(path)))
    try:
        baseline_file.write(path, entries)
    except OSError as exc:
        err.write(f"tf2lint: error: {path}: {exc.strerror or exc}\n")
        return EXIT_ERROR
    err.write(f"tf2lint: wrote {len(entries)} finding{'s' if len(entries) != 1 else ''} to {path}\n")
    return EXIT_CLEAN


def _baseline_note(path: str, comparison: baseline_file.Comparison) -> str:
    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    def entries(n: int) -> str:
        return "1 baseline entry" if n == 1 else f"{n} baseline entries"

    note = f"tf2lint: {path}: {plural(comparison.known, 'known finding')} hidden"
    if comparison.moved:
        return note + (
            f"; none of its recorded paths exists relative to {os.path.dirname(os.path.abspath(path))}: "
            "the baseline looks moved or copied from another directory (write it again with --write-baseline).\n"
        )
    if comparison.unchecked:
        note += f"; {entries(comparison.unchecked)} kept for files that could not be checked (see their TF0 findings)"
    if comparison.fixed:
        note += f"; {entries(comparison.fixed)} fixed: run with --write-baseline {path} to drop them"
        if comparison.unchecked:
            note += " once every file can be checked again (rewriting now would drop the kept entries too)"
    return note + ".\n"


def run_rules(out: TextIO) -> int:
    from tf2lint.registry import all_rules

    for cls in all_rules():
        flag = "" if cls.default_enabled else "  (opt-in)"
        out.write(f"{cls.code}  {cls.symbol:32s} step {cls.step}  {cls.docs()[0]}{flag}\n")
    return EXIT_CLEAN


def run_rule(code: str, out: TextIO, err: TextIO) -> int:
    from tf2lint.docs import render_rule_page
    from tf2lint.registry import rule_by_name

    try:
        cls = rule_by_name(code)
    except KeyError:
        err.write(f"tf2lint: error: no rule has the code or symbol {code!r} (see `tf2lint rules`)\n")
        return EXIT_ERROR
    out.write(render_rule_page(cls))
    return EXIT_CLEAN


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    tune_for_linting()
    previous = shutdown.install()
    try:
        return shutdown.guarded(lambda: _dispatch(args), sys.stderr)
    finally:
        shutdown.restore(previous)


def _dispatch(args: argparse.Namespace) -> int:
    out, err = sys.stdout, sys.stderr or open(os.devnull, "w")
    if out is None:  # started with standard output closed
        if not getattr(args, "output_file", None):
            err.write("tf2lint: error: standard output is closed (use -o FILE to write the report to a file)\n")
            return EXIT_ERROR
        out = open(os.devnull, "w")
    try:
        if args.command == "check":
            return run_check(args, out, err)
        if args.command == "rules":
            return run_rules(out)
        if args.command == "rule":
            return run_rule(args.code, out, err)
        if args.command == "verify":
            from tf2lint.verify.cli import main as verify_main

            return verify_main(args)
        if args.command == "server":
            from tf2lint.server import main as server_main

            return server_main()
    except WorkerDied as exc:
        err.write(f"tf2lint: error: {exc}\n")
        return EXIT_ERROR
    return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
