"""`tf2lint verify`: run the sample pairs under the TensorFlow installed here and print the verdicts."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any, Dict, List, Optional, TextIO

EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Run each rule's TF1 sample program and the TF2 program the rule recommends under the TensorFlow "
        "installed here (TF1 sides in one subprocess, TF2 sides in another) and compare their outputs. "
        "Exit 1 when a pair fails."
    )
    parser.add_argument("--rule", metavar="CODE", help="only pairs for this rule code (a prefix such as TF7 works)")
    parser.add_argument("--family", type=int, choices=range(1, 10), metavar="N", help="only pairs for rule family N (1-9)")
    parser.add_argument("--output-format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--samples",
        action="append",
        default=[],
        metavar="FILE",
        help="run the pairs defined in FILE (a module with a PAIRS list) instead of the bundled ones; repeatable",
    )
    parser.add_argument("--list", action="store_true", help="list the selected pairs without running them")
    parser.add_argument("--timeout", type=float, default=120.0, metavar="SECONDS",
                        help="stop a side (and everything it started) that runs longer than this (default 120)")
    parser.add_argument("--no-progress", action="store_true", help="do not draw the progress bar on stderr")
    parser.add_argument("-v", "--verbose", action="store_true", help="print the traceback of every side that raised")


def _list(pairs: List[Any], out: TextIO) -> int:
    for pair in pairs:
        limit = f"  (TF <= {pair.max_tf[0]}.{pair.max_tf[1]})" if pair.max_tf else ""
        kind = "closed form" if pair.reference is not None else "TF1"
        out.write(f"{','.join(pair.codes):24s} {pair.name:36s} {kind} vs TF2: {pair.outputs}{limit}\n")
    return EXIT_OK


def main(args: argparse.Namespace, out: Optional[TextIO] = None, err: Optional[TextIO] = None) -> int:
    from tf2lint.verify.environment import tensorflow_version
    from tf2lint.verify.pairs import load_pairs, select

    out = out or sys.stdout
    err = err or sys.stderr
    from tf2lint.verify.catalog import SampleLoadError, load_contained

    try:  # user sample files are imported in a child process, never here
        loaded = load_contained(args.samples, args.timeout) if args.samples else load_pairs()
        pairs = select(loaded, rule=args.rule, family=args.family)
    except (SampleLoadError, OSError, ImportError, ValueError, SyntaxError) as exc:
        err.write(f"tf2lint verify: error: cannot load sample pairs: {exc}\n")
        return EXIT_ERROR
    if not pairs:
        err.write("tf2lint verify: error: no sample pair matches the selection (see `tf2lint verify --list`)\n")
        return EXIT_ERROR
    if args.list:
        return _list(pairs, out)
    version = tensorflow_version()
    if version is None:
        err.write(
            "tf2lint verify: error: TensorFlow is not installed in this environment "
            "(pip install 'tf2lint[verify]', or tensorflow-cpu==2.15.* with tensorflow-estimator for the Estimator pairs)\n"
        )
        return EXIT_ERROR

    from tf2lint.verify.progress import Progress
    from tf2lint.verify.report import render_json, render_records
    from tf2lint.verify.runner import any_failed, run

    ready: Dict[str, Any] = {}
    started = time.perf_counter()
    progress = Progress(err, enabled=not args.no_progress)
    results = run(pairs, version, progress=progress, timeout=args.timeout, on_ready=lambda e: ready.update({e["mode"]: e}))
    elapsed = time.perf_counter() - started
    if args.verbose:
        for result in results:
            for side, text in result.tracebacks.items():
                err.write(f"--- {result.pair.name} ({side}):\n{text}\n")
    records = [r.as_json() for r in results]
    if args.output_format == "json":
        render_json(records, out)
    else:
        keras = ready.get("tf2", {}).get("keras_version")
        heading = f"TensorFlow {version}" + (f" (Keras {keras})" if keras else "") + f": {len(results)} sample pairs in {elapsed:.1f} s"
        render_records(records, out, heading)
    return EXIT_FAILED if any_failed(results) else EXIT_OK
