"""`tf2lint verify`: run the sample pairs under the TensorFlow installed here and print the verdicts."""

from __future__ import annotations

import argparse
import os
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
    parser.add_argument(
        "--python",
        metavar="PATH",
        help="run the check under this Python interpreter (one that has TensorFlow), with this tf2lint",
    )
    user = parser.add_argument_group("your own migration (instead of the sample pairs)")
    user.add_argument("--tf1", metavar="FILE.py:FUNCTION", help="the TF1 function: returns the tensors to compare")
    user.add_argument("--tf2", metavar="FILE.py:FUNCTION", help="its TF2 migration: returns the same outputs eagerly")
    user.add_argument("--inputs", metavar="DATA.npz", help="arrays passed to both functions as keyword arguments")
    user.add_argument(
        "--checkpoint",
        metavar="DIR",
        help="a TF1 checkpoint (or its directory): restored into the TF1 side by a Saver, passed to the TF2 side as checkpoint=",
    )
    user.add_argument("--atol", type=float, default=1e-6, help="absolute tolerance for --tf1/--tf2 (default 1e-6)")
    user.add_argument("--rtol", type=float, default=0.0, help="relative tolerance for --tf1/--tf2 (default 0)")


def _list(pairs: List[Any], out: TextIO) -> int:
    for pair in pairs:
        limit = f"  (TF <= {pair.max_tf[0]}.{pair.max_tf[1]})" if pair.max_tf else ""
        kind = "closed form" if pair.reference is not None else "TF1"
        out.write(f"{','.join(pair.codes):24s} {pair.name:36s} {kind} vs TF2: {pair.outputs}{limit}\n")
    return EXIT_OK


def _under(python: str, argv: List[str], err: TextIO) -> int:
    """Run this same `tf2lint verify` command under another interpreter, importing this tf2lint."""
    import os
    import subprocess

    import tf2lint

    root = os.path.dirname(os.path.dirname(os.path.abspath(tf2lint.__file__)))
    env = dict(os.environ)
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    try:
        return subprocess.call([python, "-m", "tf2lint", "verify", *argv], env=env)
    except OSError as exc:
        err.write(f"tf2lint verify: error: cannot run {python}: {exc}\n")
        return EXIT_ERROR


def _argv_of(args: argparse.Namespace) -> List[str]:
    """The `tf2lint verify` arguments that reproduce `args` (without --python)."""
    argv: List[str] = []
    for flag, value in (
        ("--rule", args.rule), ("--family", args.family), ("--tf1", args.tf1), ("--tf2", args.tf2),
        ("--inputs", args.inputs), ("--checkpoint", args.checkpoint),
    ):
        if value is not None:
            argv += [flag, str(value)]
    for path in args.samples:
        argv += ["--samples", os.path.abspath(path)]
    for flag, value in (("--tf1", args.tf1), ("--tf2", args.tf2)):
        if value is not None:
            file, _, function = value.rpartition(":")
            argv[argv.index(flag) + 1] = f"{os.path.abspath(file)}:{function}" if file else value
    for flag in ("--inputs", "--checkpoint"):
        if flag in argv:
            argv[argv.index(flag) + 1] = os.path.abspath(argv[argv.index(flag) + 1])
    argv += ["--output-format", args.output_format, "--timeout", str(args.timeout), "--atol", str(args.atol), "--rtol", str(args.rtol)]
    argv += [flag for flag, on in (("--list", args.list), ("--no-progress", args.no_progress), ("--verbose", args.verbose)) if on]
    return argv


def main(args: argparse.Namespace, out: Optional[TextIO] = None, err: Optional[TextIO] = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    if args.python:
        return _under(args.python, _argv_of(args), err)
    if bool(args.tf1) != bool(args.tf2):
        err.write("tf2lint verify: error: --tf1 and --tf2 go together\n")
        return EXIT_ERROR
    if args.tf1:
        import tempfile

        from tf2lint.verify.user import samples_module

        try:
            text = samples_module(args.tf1, args.tf2, args.inputs, args.checkpoint, args.atol, args.rtol)
        except ValueError as exc:
            err.write(f"tf2lint verify: error: {exc}\n")
            return EXIT_ERROR
        with tempfile.TemporaryDirectory(prefix="tf2lint-user-") as tmp:
            path = os.path.join(tmp, "user_pair.py")
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)
            args.samples, args.rule, args.family = [path], None, None
            return _run(args, out, err)
    return _run(args, out, err)


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from tf2lint.verify.catalog import SampleLoadError, load_contained
    from tf2lint.verify.environment import tensorflow_version
    from tf2lint.verify.pairs import load_pairs, select

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
