"""`tf2lint check`'s report: the findings in the chosen format (or --statistics instead),
then --summary; machine-readable formats keep stdout parseable, so the summary goes to stderr."""

from __future__ import annotations

import argparse
import json
from typing import Dict, List, Optional, Sequence, TextIO

from tf2lint.config import DEFAULT_MAX_FILE_SIZE
from tf2lint.finding import Finding
from tf2lint.fix.report import render_fixed
from tf2lint.fix.run import FixRun, FixSettings
from tf2lint.output import HUMAN_FORMATS, canonical, format_report
from tf2lint.output.report import Report
from tf2lint.output.style import use_color
from tf2lint.output.text import format_statistics, statistics_rows
from tf2lint.summary import format_summary

JSON_FORMATS = frozenset({"json", "json-lines"})


def statistics_json(findings: List[Finding]) -> str:
    rows = [{"code": code, "name": symbol, "count": count} for count, code, symbol in statistics_rows(findings)]
    return json.dumps(rows, indent=2) + "\n"


def write_report(
    args: argparse.Namespace,
    findings: List[Finding],
    fingerprints: Sequence[str],
    files: Sequence[str],
    data: Dict[str, bytes],
    errors: int,
    out: TextIO,
    err: TextIO,
    fixes: Optional[FixSettings] = None,
    fixed: Optional[FixRun] = None,
    max_file_size: int = DEFAULT_MAX_FILE_SIZE,
) -> None:
    fmt = canonical(args.output_format)
    report = Report(
        findings,
        files=files,
        fingerprints=list(fingerprints) if fingerprints else None,
        color=fmt in HUMAN_FORMATS and not args.output_file and use_color(out),
        quiet=args.quiet,
        errors=errors,
        data=data,
        unsafe_fixes=bool(fixes and fixes.unsafe),
        fixed=len(fixed.fixed) if fixed else 0,
        max_file_size=max_file_size,
    )
    if args.statistics:
        text = statistics_json(findings) if fmt in JSON_FORMATS else format_statistics(findings)
    else:
        text = format_report(report, fmt)
    summary = format_summary(findings, files) if args.summary else ""
    # -o: an AtomicFile the command opened before the run; renamed into place only when whole.
    target: TextIO = args.report.handle if args.output_file else out
    # Extras go with the findings for a person, to stderr next to machine-readable output.
    with_findings = fmt in HUMAN_FORMATS and not args.statistics or (args.statistics and fmt not in JSON_FORMATS)
    target.write(text + (summary if with_findings else ""))
    extra = target if with_findings else err
    if summary and not with_findings:
        extra.write(summary)
    if fixed is not None and fixes is not None and fixes.show:
        render_fixed(fixed.fixed, extra)
    if args.output_file:
        args.report.commit()
