"""What the flake8 and pylint plugins add to a run over real TF1 code, and whether they agree with the CLI.

    python benchmarks/plugin_overhead.py [--corpus DIR] [--repeat N] [--pylint-packages NAMES|all]

flake8 runs twice per round over the whole corpus: in this environment (flake8 with the
tf2lint plugin) and in a second virtual environment holding the same flake8, pyflakes,
pycodestyle and mccabe versions without tf2lint (created once under --baseline-venv).  pylint
runs with and without `--load-plugins=tf2lint.pylint_plugin` in this environment, over a
subset of the corpus by default (pylint is two orders of magnitude slower than flake8).
Runs alternate within each round, use one process (`-j1`) and every default check; the
report gives CPU seconds (user + system of the child, steadier than wall time on a shared
machine), wall seconds, and the plugin's share of the run.

The with-plugin runs' output is then compared with `tf2lint check --output-format json` over
the same files: the (file, line, code) sets must be identical (flake8's E999 and pylint's
syntax-error stand for TF001 on files that mention tensorflow).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path
from typing import Dict, List, Sequence, Set, Tuple

DEFAULT_CORPUS = Path("/work/corpus/tf1") if Path("/work/corpus/tf1").is_dir() else Path.home() / ".cache/tf2lint-corpus/tf1"
DEFAULT_PYLINT_PACKAGES = ("trfl-1.1.0", "dopamine-rl-2.0.5", "tflearn-0.5.0", "dm-sonnet-1.36")
BASELINE_PACKAGES = ("flake8", "pyflakes", "pycodestyle", "mccabe")
BIN = Path(sys.executable).parent
Found = Set[Tuple[str, int, str]]


def timed(command: Sequence[str], cwd: Path) -> Tuple[float, float, str]:
    """(CPU seconds, wall seconds, stdout) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode not in (0, 1) or "Traceback" in result.stderr:
        raise SystemExit(f"{command[0]} failed ({result.returncode}):\n{result.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, result.stdout


def baseline_flake8(venv: Path) -> Path:
    """flake8 in a virtual environment without tf2lint, the same versions as here."""
    flake8 = venv / "bin" / "flake8"
    pins = [f"{name}=={metadata.version(name)}" for name in BASELINE_PACKAGES]
    marker = venv / "pins.txt"
    if not flake8.is_file() or not marker.is_file() or marker.read_text() != "\n".join(pins):
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", *pins], check=True)
        marker.write_text("\n".join(pins))
    listed = subprocess.run([str(flake8), "--version"], capture_output=True, text=True, check=True).stdout
    assert "tf2lint" not in listed, "the baseline environment must not have the plugin"
    return flake8


def python_files(root: Path) -> List[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*.py"))


def mentions_tensorflow(root: Path, name: str) -> bool:
    return b"tensorflow" in (root / name).read_bytes()


def flake8_findings(output: str, root: Path) -> Found:
    found: Found = set()
    for line in output.splitlines():
        match = re.match(r"^(.*?):(\d+):\d+: (\w+) ", line)
        if not match:
            continue
        path, row, code = match.group(1), int(match.group(2)), match.group(3)
        if code == "E999" and mentions_tensorflow(root, path):
            code = "TF001"
        if code.startswith("TF"):
            found.add((os.path.normpath(path), row, code))
    return found


def pylint_findings(output: str, root: Path) -> Found:
    found: Found = set()
    for message in json.loads(output or "[]"):
        path = os.path.normpath(os.path.relpath(message["path"], root) if os.path.isabs(message["path"]) else message["path"])
        if message["symbol"] == "syntax-error" and mentions_tensorflow(root, path):
            found.add((path, message["line"], "TF001"))
        elif message["message-id"].startswith("W7"):
            found.add((path, message["line"], "TF" + message["message-id"][2:]))
    return found


def cli_findings(root: Path, targets: Sequence[str]) -> Tuple[Found, float]:
    cpu, _, output = timed([sys.executable, "-m", "tf2lint", "check", "--isolated", "--output-format", "json", *targets], root)
    return {(os.path.normpath(f["filename"]), f["location"]["row"], f["code"]) for f in json.loads(output)}, cpu


def plugin_time_in_process(root: Path, files: Sequence[str]) -> Tuple[float, float]:
    """CPU seconds the flake8 plugin and the pylint plugin's engine call spend on these files.

    flake8 parses each file once and hands the tree to every plugin, so the flake8 plugin's
    cost is its `run()` alone; the pylint plugin reads and parses the source itself.
    """
    import ast

    from tf2lint.config import Config
    from tf2lint.engine import decode, lint_source
    from tf2lint.flake8_plugin import Plugin

    flake8_cpu = pylint_cpu = 0.0
    for name in files:
        data = (root / name).read_bytes()
        try:
            source = decode(data)
            tree = ast.parse(source)
        except (SyntaxError, ValueError, UnicodeDecodeError, LookupError):
            continue  # flake8 reports E999 and calls no plugin
        lines = source.splitlines(True)
        start = time.process_time()
        list(Plugin(tree, lines, str(root / name)).run())
        middle = time.process_time()
        if b"tensorflow" in data:
            lint_source(source, name, Config())
        pylint_cpu += time.process_time() - middle
        flake8_cpu += middle - start
    return flake8_cpu, pylint_cpu


def report(name: str, runs: Dict[str, List[Tuple[float, float]]]) -> float:
    without = [cpu for cpu, _ in runs["without"]]
    with_plugin = [cpu for cpu, _ in runs["with"]]
    base, full = statistics.median(without), statistics.median(with_plugin)
    wall_base = statistics.median(w for _, w in runs["without"])
    wall_full = statistics.median(w for _, w in runs["with"])
    print(f"{name}: without plugin {base:7.1f} s CPU ({wall_base:.1f} s wall), with plugin {full:7.1f} s CPU "
          f"({wall_full:.1f} s wall): ratio {full / base:.3f}, plugin share {(full - base) / full:.1%} of the run")
    return full


def compare(name: str, got: Found, cli: Found) -> bool:
    missing, extra = sorted(cli - got), sorted(got - cli)
    print(f"parity {name} vs CLI: {len(got)} findings, {len(missing)} missing, {len(extra)} extra")
    for item in (missing + extra)[:20]:
        print(f"    {'missing' if item in cli else 'extra  '} {item}")
    return not missing and not extra


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=3, help="rounds per tool (medians are reported)")
    parser.add_argument("--pylint-packages", default=",".join(DEFAULT_PYLINT_PACKAGES),
                        help="comma-separated corpus directories for pylint, or 'all'")
    parser.add_argument("--baseline-venv", type=Path, default=Path.home() / ".cache" / "tf2lint-bench" / "flake8-only")
    args = parser.parse_args(argv)
    root = args.corpus.resolve()
    files = python_files(root)
    lines = sum(len((root / f).read_bytes().splitlines()) for f in files)
    print(f"corpus {root}: {len(files)} files, {lines} lines; flake8 {metadata.version('flake8')}, "
          f"pylint {metadata.version('pylint')}; {args.repeat} rounds, -j1")

    flake8_without = baseline_flake8(args.baseline_venv)
    flake8_args = ["-j1", "--isolated", "--exit-zero", "."]
    runs: Dict[str, List[Tuple[float, float]]] = {"with": [], "without": []}
    flake8_output = ""
    for round_ in range(args.repeat):
        for which in ("with", "without") if round_ % 2 == 0 else ("without", "with"):
            command = [str(BIN / "flake8") if which == "with" else str(flake8_without), *flake8_args]
            cpu, wall, output = timed(command, root)
            runs[which].append((cpu, wall))
            flake8_output = output if which == "with" else flake8_output
    flake8_full = report("flake8 (every default check)", runs)

    packages = [p.name for p in sorted(root.iterdir()) if p.is_dir()] if args.pylint_packages == "all" else args.pylint_packages.split(",")
    pylint_files = [f for f in files if f.split(os.sep)[0] in packages]
    pylint_args = ["-j1", "--exit-zero", "--output-format=json", "--score=n", "--rcfile=/dev/null", *packages]
    runs = {"with": [], "without": []}
    pylint_output = ""
    for round_ in range(args.repeat):
        for which in ("with", "without") if round_ % 2 == 0 else ("without", "with"):
            plugin = ["--load-plugins=tf2lint.pylint_plugin"] if which == "with" else []
            cpu, wall, output = timed([str(BIN / "pylint"), *plugin, "--recursive=y", *pylint_args], root)
            runs[which].append((cpu, wall))
            pylint_output = output if which == "with" else pylint_output
    pylint_full = report(f"pylint over {', '.join(packages)} ({len(pylint_files)} files)", runs)

    flake8_plugin_cpu, _ = plugin_time_in_process(root, files)
    _, pylint_plugin_cpu = plugin_time_in_process(root, pylint_files)
    print(f"plugin work measured in-process: flake8 plugin {flake8_plugin_cpu:.1f} s CPU over the corpus "
          f"({flake8_plugin_cpu / flake8_full:.1%} of the flake8 run); pylint plugin {pylint_plugin_cpu:.1f} s CPU "
          f"over its subset ({pylint_plugin_cpu / pylint_full:.1%} of the pylint run)")

    cli_all, cli_cpu = cli_findings(root, ["."])
    print(f"tf2lint check over the whole corpus: {cli_cpu:.1f} s CPU, {len(cli_all)} findings")
    ok = compare("flake8", flake8_findings(flake8_output, root), cli_all)
    cli_subset = {f for f in cli_all if f[0].split(os.sep)[0] in packages}
    ok = compare("pylint", pylint_findings(pylint_output, root), cli_subset) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
