"""Measure tf2lint on a large body of real TF1 code, side by side with its reference points.

    python benchmarks/corpus.py ~/.cache/tf2lint-corpus         # once: download the code
    python benchmarks/bench.py --corpus ~/.cache/tf2lint-corpus/tf1 \\
        --tf-upgrade /path/to/venv/bin/tf_upgrade_v2 --repeat 3 --write docs/performance.md

Every measurement is a separate process, timed from outside, with its peak memory taken
from the kernel (``wait4`` rusage of that child and its workers).  The measurements take
turns within each repetition, so that load from other processes on a shared machine hits
all of them alike; the report gives medians.  Compared over the same files:

- bare:      ``ast.parse`` + ``ast.walk`` of every file (the floor for any ast-based linter)
- -j 1:      ``tf2lint check -j 1 --no-cache``
- -j N:      ``tf2lint check -j N --no-cache`` (N = every core)
- cold/warm: ``tf2lint check -j N`` with an empty cache, then again with the cache filled
- tf_upgrade_v2: TensorFlow's converter over the same tree (``--intree``/``--outtree``)
- slowest file: each file linted alone in one process; the slowest is the editor's latency

tf2lint's bytecode is compiled first, as an installed package has it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence

ROOT = Path(__file__).resolve().parent.parent
START, END = "<!-- bench:start -->", "<!-- bench:end -->"

# The floor: read, parse and visit every node of every file, nothing else.
BARE = """
import ast, sys
count = 0
for path in open(sys.argv[1], encoding="utf-8").read().splitlines():
    with open(path, "rb") as handle:
        data = handle.read()
    try:
        tree = ast.parse(data)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        continue
    for node in ast.walk(tree):
        count += 1
print(count)
"""


# The editor's latency: each file linted alone (in one process, after a warm-up, with the collector
# set as the language server sets it), the slowest one.
SLOWEST = """
import sys, time
from tf2lint.config import Config
from tf2lint.engine import lint_path
from tf2lint.gc_tuning import one_file, tune_for_linting
tune_for_linting()  # as the language server lints
config = Config()
paths = open(sys.argv[1], encoding="utf-8").read().splitlines()
lint_path(paths[0], config)
worst = []
for path in paths:
    best = None
    for _ in range(2):  # the better of two runs: less noise from other processes
        start = time.perf_counter()
        with one_file():
            lint_path(path, config)
        took = time.perf_counter() - start
        best = took if best is None else min(best, took)
    worst.append((best, path))
worst.sort(reverse=True)
for took, path in worst[:3]:
    print(f"{took * 1000:.0f}\t{path}")
"""


@dataclass
class Sample:
    wall: float
    cpu: float  # user + system of the child and its workers
    maxrss_mb: float
    returncode: int


@dataclass
class Measure:
    label: str
    command: List[str]
    ok_codes: Sequence[int] = (0,)
    samples: List[Sample] = field(default_factory=list)
    before: Optional[List[str]] = None  # a command to run (untimed) before each sample

    def median(self, attr: str) -> float:
        return statistics.median(getattr(s, attr) for s in self.samples)


def timed(command: List[str], cwd: Optional[str] = None) -> Sample:
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    # ru_maxrss is in KiB on Linux (the peak of the child or of any worker it waited for).
    return Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode)


def tf2lint_files(corpus: Path) -> List[str]:
    sys.path.insert(0, str(ROOT))
    from tf2lint.config import Config
    from tf2lint.discovery import discover

    files, _ = discover([str(corpus)], Config())
    return files


def machine() -> Dict[str, str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB"
    except OSError:
        pass
    return {
        "cpu": f"{cpu}, {os.cpu_count()} logical cores",
        "memory": memory,
        "os": f"{platform.system()} {platform.release()}",
        "python": f"{platform.python_implementation()} {platform.python_version()}",
    }


def tensorflow_version(tf_upgrade: str) -> str:
    """The TensorFlow next to the converter, from its package metadata (no import)."""
    try:
        first = Path(tf_upgrade).read_text(encoding="utf-8", errors="replace").splitlines()[0]
    except (OSError, IndexError):
        return "unknown"
    python = first[2:].strip() if first.startswith("#!") else sys.executable
    code = (
        "from importlib.metadata import version, PackageNotFoundError\n"
        "for name in ('tensorflow', 'tensorflow-cpu'):\n"
        "    try:\n        print(name, version(name)); break\n"
        "    except PackageNotFoundError:\n        pass\n"
    )
    try:
        out = subprocess.run([python, "-c", code], capture_output=True, text=True, timeout=60).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    return out or "unknown"


def corpus_summary(corpus: Path, files: Sequence[str]) -> List[str]:
    lines = 0
    size = 0
    tf_files = 0
    for path in files:
        data = Path(path).read_bytes()
        size += len(data)
        lines += data.count(b"\n")
        tf_files += b"tensorflow" in data
    packages = sorted(p.name for p in corpus.iterdir() if p.is_dir())
    return [
        f"{len(files)} Python files ({tf_files} mention `tensorflow`), {lines:,} lines, {size / 1e6:.1f} MB "
        f"from {len(packages)} TF1-era packages: {', '.join(packages)}.",
    ]


def fmt_row(values: Sequence[str]) -> str:
    return "| " + " | ".join(values) + " |"


def ratio(measures: Dict[str, Measure], a: str, b: str, attr: str = "wall") -> float:
    """Median over the runs of a/b, each run's pair measured back to back (less noisy than a
    ratio of medians on a machine shared with other work)."""
    pairs = zip(measures[a].samples, measures[b].samples)
    return statistics.median(getattr(x, attr) / getattr(y, attr) for x, y in pairs)


def slowest_files(python: str, file_list: Path, corpus: Path) -> List[str]:
    """The slowest single files to lint (ms, path relative to the corpus), from one process."""
    out = subprocess.run([python, "-c", SLOWEST, str(file_list)], capture_output=True, text=True, cwd=str(ROOT),
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    rows = []
    for line in out.stdout.splitlines():
        ms, _, path = line.partition("\t")
        rows.append(f"{ms} ms `{os.path.relpath(path, corpus)}`")
    return rows


def report(measures: Dict[str, Measure], info: Dict[str, str], corpus_lines: List[str], repeat: int,
           findings: str, rules: int, jobs: int, slowest: Sequence[str] = ()) -> str:
    def med(key: str, attr: str = "wall") -> float:
        return measures[key].median(attr)

    out = [START, "", f"Measured with `python benchmarks/bench.py` ({repeat} runs of each, taking turns).", ""]
    out += [f"- Machine: {info['cpu']}, {info['memory']} memory, {info['os']}", f"- {info['python']}; {info['tf2lint']}"
            f" ({rules} rules); {info['tensorflow']}", f"- Corpus: {corpus_lines[0]}", f"- Findings: {findings}", ""]
    out.append(fmt_row(["run", "wall (s)", "CPU (s)", "largest process (MB)", "vs bare parse+walk (wall / CPU)"]))
    out.append(fmt_row(["---"] * 5))
    for key, m in measures.items():
        rel = "" if key == "bare" else f"{ratio(measures, key, 'bare'):.2f}x / {ratio(measures, key, 'bare', 'cpu'):.2f}x"
        out.append(fmt_row([m.label, f"{med(key):.2f}", f"{med(key, 'cpu'):.2f}", f"{m.median('maxrss_mb'):.0f}", rel]))
    out.append("")
    out.append("Times are medians; ratios are medians of the ratio within each run. Memory is the peak")
    out.append("resident size of the largest process (for `-j`, of the main process or any one worker).")
    out.append("")
    out.append(f"- tf2lint `-j 1` / bare `ast.parse`+`ast.walk`: **{ratio(measures, 'j1', 'bare'):.2f}x** wall, "
               f"{ratio(measures, 'j1', 'bare', 'cpu'):.2f}x CPU (goal: at most 1.5x)")
    if "upgrade" in measures:
        out.append(f"- `tf_upgrade_v2` / tf2lint `-j 1`: **{ratio(measures, 'upgrade', 'j1'):.1f}x** wall, "
                   f"{ratio(measures, 'upgrade', 'j1', 'cpu'):.1f}x CPU (goal: at least 15x)")
    if slowest:
        out.append(f"- slowest single file (the editor's latency, one file linted alone): **{slowest[0]}**"
                   + (f"; next: {', '.join(slowest[1:])}" if len(slowest) > 1 else ""))
    out.append(f"- `-j 1` / `-j {jobs}`: {ratio(measures, 'j1', 'jn'):.2f}x faster with {jobs} processes")
    out.append(f"- empty cache / warm cache: **{ratio(measures, 'cold', 'warm'):.1f}x** (goal: at least 5x); "
               f"`-j 1` without cache / warm cache: {ratio(measures, 'j1', 'warm'):.1f}x")
    out += ["", END]
    return "\n".join(out) + "\n"


def write_into(path: Path, section: str) -> None:
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if START in text and END in text:
        before, rest = text.split(START, 1)
        after = rest.split(END, 1)[1]
        text = before + section.rstrip("\n") + after
    else:
        text = (text.rstrip("\n") + "\n\n" if text else "# Performance\n\n") + section
    path.write_text(text, encoding="utf-8")


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=Path.home() / ".cache" / "tf2lint-corpus" / "tf1",
                        help="directory of TF1 code (benchmarks/corpus.py fills DEST/tf1)")
    parser.add_argument("--tf-upgrade", metavar="PATH", help="the tf_upgrade_v2 executable (skipped when not given)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement (default 3)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="-j for the parallel runs (default: all cores)")
    parser.add_argument("--python", default=sys.executable, help="interpreter that has tf2lint installed")
    parser.add_argument("--write", type=Path, metavar="FILE", help="update the generated section of FILE (docs/performance.md)")
    args = parser.parse_args(argv)

    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}: run python benchmarks/corpus.py first", file=sys.stderr)
        return 2
    files = tf2lint_files(args.corpus)
    # An installed package has its bytecode compiled (pip does it at install time); a source
    # checkout under PYTHONDONTWRITEBYTECODE would otherwise recompile every module in every run.
    subprocess.run([args.python, "-m", "compileall", "-q", str(ROOT / "tf2lint")], check=True)
    work = Path(tempfile.mkdtemp(prefix="tf2lint-bench-"))
    try:
        file_list = work / "files.txt"
        file_list.write_text("\n".join(files) + "\n", encoding="utf-8")
        tf2lint = [args.python, "-m", "tf2lint", "check", "--isolated", "--output-format", "json", "-o", str(work / "out.json")]
        cache = str(work / "cache")
        measures: Dict[str, Measure] = {
            "bare": Measure("bare `ast.parse` + `ast.walk`", [args.python, "-c", BARE, str(file_list)]),
            "j1": Measure("tf2lint `-j 1 --no-cache`", tf2lint + ["-j", "1", "--no-cache", str(args.corpus)], (0, 1)),
            "jn": Measure(f"tf2lint `-j {args.jobs} --no-cache`", tf2lint + ["-j", str(args.jobs), "--no-cache", str(args.corpus)],
                          (0, 1)),
            "cold": Measure(f"tf2lint `-j {args.jobs}`, empty cache", tf2lint + ["-j", str(args.jobs), "--cache-dir", cache,
                                                                                 str(args.corpus)], (0, 1)),
            "warm": Measure(f"tf2lint `-j {args.jobs}`, warm cache", tf2lint + ["-j", str(args.jobs), "--cache-dir", cache,
                                                                                str(args.corpus)], (0, 1)),
        }
        if args.tf_upgrade:
            out_tree = str(work / "upgraded")
            measures["upgrade"] = Measure(
                "`tf_upgrade_v2 --intree`",
                [args.tf_upgrade, "--intree", str(args.corpus), "--outtree", out_tree, "--copyotherfiles", "False",
                 "--reportfile", str(work / "report.txt")],
            )
        for run in range(args.repeat):
            for key, m in measures.items():
                if key == "cold":
                    shutil.rmtree(cache, ignore_errors=True)
                if key == "upgrade":
                    shutil.rmtree(work / "upgraded", ignore_errors=True)
                sample = timed(m.command)
                if sample.returncode not in m.ok_codes:
                    print(f"{m.label} exited {sample.returncode}: {' '.join(m.command)}", file=sys.stderr)
                    return 1
                m.samples.append(sample)
                print(f"run {run + 1}/{args.repeat}  {m.label:40s} {sample.wall:7.2f}s wall {sample.cpu:7.2f}s CPU "
                      f"{sample.maxrss_mb:6.0f} MB", file=sys.stderr)
        findings = json.loads((work / "out.json").read_text(encoding="utf-8"))
        counted = f"{len(findings):,} in {len({f['filename'] for f in findings}):,} files"
        info = machine()
        version = subprocess.run([args.python, "-m", "tf2lint", "--version"], capture_output=True, text=True).stdout.strip()
        info["tf2lint"] = version
        info["tensorflow"] = f"`tf_upgrade_v2` from {tensorflow_version(args.tf_upgrade)}" if args.tf_upgrade else "no tf_upgrade_v2"
        rules = subprocess.run([args.python, "-m", "tf2lint", "rules"], capture_output=True, text=True).stdout.count("\n")
        slowest = slowest_files(args.python, file_list, args.corpus)
        print("slowest single files: " + "; ".join(slowest), file=sys.stderr)
        section = report(measures, info, corpus_summary(args.corpus, files), args.repeat, counted, rules, args.jobs, slowest)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(section)
    if args.write:
        write_into(args.write, section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
