"""The `tf2lint` command: check, rules, rule, verify."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import List, Optional, Sequence, TextIO

from tf2lint import __version__
from tf2lint.config import Config, ConfigError, find_pyproject, load_file, with_overrides
from tf2lint.discovery import discover
from tf2lint.engine import lint_path
from tf2lint.finding import Finding
from tf2lint.output import RENDERERS
from tf2lint.output.text import render_statistics

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _codes(value: str) -> List[str]:
    return [v.strip().upper() for v in value.replace(" ", ",").split(",") if v.strip()]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tf2lint", description="Find TensorFlow 1.x idioms and show the TF2 code to write instead."
    )
    parser.add_argument("--version", action="version", version=f"tf2lint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    check = sub.add_parser("check", help="check files and directories (default: .)")
    check.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    check.add_argument("--select", type=_codes, help="comma-separated code prefixes to report (default: TF)")
    check.add_argument("--extend-select", type=_codes, default=[], help="code prefixes to add to the selection")
    check.add_argument("--ignore", type=_codes, help="comma-separated code prefixes to skip")
    check.add_argument("--extend-ignore", type=_codes, default=[], help="code prefixes to add to the ignore list")
    check.add_argument("--exclude", type=lambda v: [p for p in v.split(",") if p], default=[], help="glob patterns to skip")
    check.add_argument("--force-exclude", action="store_true", help="apply exclude to paths named on the command line too")
    check.add_argument("--output-format", choices=sorted(RENDERERS), default="text")
    check.add_argument("--statistics", action="store_true", help="print a count per code after the findings")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    check.add_argument("--config", metavar="FILE", help="read [tool.tf2lint] from this file instead of the nearest pyproject.toml")
    check.add_argument("--isolated", action="store_true", help="ignore configuration files")
    check.add_argument("--target-version", metavar="X.Y", help="TensorFlow version the code moves to (2.15 ... 2.21)")
    check.add_argument("-o", "--output-file", metavar="FILE", help="write the report to FILE")

    sub.add_parser("rules", help="list every rule")
    rule = sub.add_parser("rule", help="print one rule's documentation")
    rule.add_argument("code", metavar="CODE")

    from tf2lint.verify.cli import add_arguments as add_verify_arguments

    add_verify_arguments(sub.add_parser("verify", help="run the sample pairs under the installed TensorFlow (execution check)"))
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
        start = args.paths[0] if args.paths else "."
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


def run_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        config = load_config(args)
    except ConfigError as exc:
        err.write(f"tf2lint: error: {exc}\n")
        return EXIT_ERROR
    files, missing = discover(args.paths, config, force_exclude=args.force_exclude)
    for path in missing:
        err.write(f"tf2lint: error: {path}: no such file or directory\n")
    findings: List[Finding] = []
    for path in files:
        findings.extend(lint_path(path, config))
    findings.sort(key=lambda f: f.sort_key)
    target: TextIO = out
    handle: Optional[TextIO] = None
    if args.output_file:
        handle = open(args.output_file, "w", encoding="utf-8")
        target = handle
    try:
        RENDERERS[args.output_format](findings, target)
        if args.statistics:
            render_statistics(findings, target if args.output_format == "text" else err)
    finally:
        if handle is not None:
            handle.close()
    if missing:
        return EXIT_ERROR
    return EXIT_FINDINGS if findings and not args.exit_zero else EXIT_CLEAN


def run_rules(out: TextIO) -> int:
    from tf2lint.registry import all_rules

    for cls in all_rules():
        flag = "" if cls.default_enabled else "  (opt-in)"
        out.write(f"{cls.code}  {cls.symbol:32s} {cls.docs()[0]}{flag}\n")
    return EXIT_CLEAN


def run_rule(code: str, out: TextIO, err: TextIO) -> int:
    from tf2lint.docs import render_rule_page
    from tf2lint.registry import rule_by_code

    try:
        cls = rule_by_code(code)
    except KeyError:
        err.write(f"tf2lint: error: unknown rule code {code!r} (see `tf2lint rules`)\n")
        return EXIT_ERROR
    out.write(render_rule_page(cls))
    return EXIT_CLEAN


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    out, err = sys.stdout, sys.stderr
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
    except BrokenPipeError:
        return EXIT_CLEAN
    except KeyboardInterrupt:
        return 130
    return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
