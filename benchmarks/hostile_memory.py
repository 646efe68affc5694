"""Memory and time on hostile inputs, this checkout side by side with another (e.g. main).

    python benchmarks/hostile_memory.py --baseline /path/to/other/checkout

Cases, each one `tf2lint check --no-cache --output-format json -o FILE` in its own process,
peak RSS from the kernel (``wait4``):

- huge file: a generated module of LINES findings, over the size cap when LINES is large
  (the hostile review's 55 MB / 1.1M-finding file, scaled by ``--huge-lines``);
- one file, many findings: under the size cap, so it is checked, with the findings cap;
- many files: FILES modules of PER findings each (memory per finding in the pipeline).

Memory per finding is (peak RSS - peak RSS of an empty run) / findings in the input.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, List, Tuple

ROOT = Path(__file__).resolve().parent.parent
LINE = "x = tf.placeholder(tf.float32)\n"


def _measure(checkout: Path, cwd: Path, target: str, timeout: float) -> Tuple[float, float, str]:
    """(seconds, peak RSS in MB, outcome) of one run."""
    env = dict(os.environ, PYTHONPATH=str(checkout))
    out = cwd / "report.json"
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "tf2lint", "check", target, "--no-cache", "-j", "1",
                             "--output-format", "json", "-o", str(out)],
                            cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    outcome = ""
    try:
        _, status, usage = os.wait4(proc.pid, 0)
        code = os.waitstatus_to_exitcode(status)
        outcome = f"exit {code}"
    except KeyboardInterrupt:
        proc.kill()
        raise
    seconds = time.perf_counter() - started
    if seconds > timeout:
        outcome += " (over the time budget)"
    return seconds, usage.ru_maxrss / 1024, outcome


def _tree(root: Path, files: Dict[str, int]) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for name, lines in files.items():
        with open(root / name, "w", encoding="utf-8") as handle:
            handle.write("import tensorflow as tf\n")
            for _ in range(lines // 10000):
                handle.write(LINE * 10000)
            handle.write(LINE * (lines % 10000))


def main(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline", type=Path, required=True, help="another checkout to compare with")
    parser.add_argument("--huge-lines", type=int, default=400_000, help="findings in the huge file (default 400,000: 12 MB)")
    parser.add_argument("--many-lines", type=int, default=20_000, help="findings in the one-file case")
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--per", type=int, default=200)
    parser.add_argument("--timeout", type=float, default=300.0)
    args = parser.parse_args(argv)
    cases = {
        "empty": ({"empty.py": 0}, 0),
        "huge file": ({"huge.py": args.huge_lines}, args.huge_lines),
        "one file, many findings": ({"many.py": args.many_lines}, args.many_lines),
        "many files": ({f"m{i:04d}.py": args.per for i in range(args.files)}, args.files * args.per),
    }
    checkouts = {"this": ROOT, "baseline": args.baseline.resolve()}
    rows = []
    with tempfile.TemporaryDirectory(prefix="tf2lint-hostile-bench-") as tmp:
        floor: Dict[str, float] = {}
        for name, (files, findings) in cases.items():
            where = Path(tmp) / name.replace(" ", "_").replace(",", "")
            _tree(where / "src", files)
            size = sum((where / "src" / f).stat().st_size for f in files) / 1e6
            for label, checkout in checkouts.items():
                seconds, rss, outcome = _measure(checkout, where, "src", args.timeout)
                if name == "empty":
                    floor[label] = rss
                per = (rss - floor[label]) * 1024 / findings if findings else 0.0
                rows.append((name, f"{size:.1f} MB", findings, label, seconds, rss, per, outcome))
    print(f"{'case':26s} {'size':>8s} {'findings':>9s} {'checkout':9s} {'seconds':>8s} {'peak MB':>8s} {'KB/finding':>10s}  outcome")
    for name, size, findings, label, seconds, rss, per, outcome in rows:
        print(f"{name:26s} {size:>8s} {findings:9d} {label:9s} {seconds:8.1f} {rss:8.0f} {per:10.2f}  {outcome}")
    by = {(r[0], r[3]): r for r in rows}
    print("\nratios (baseline / this):")
    for name in list(cases)[1:]:
        b, t = by[(name, "baseline")], by[(name, "this")]
        print(f"  {name:26s} time x{b[4] / max(t[4], 1e-9):.1f}   peak memory x{b[5] / max(t[5], 1e-9):.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
