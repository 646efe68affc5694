"""Whether flake8 prints exactly one line per tf2lint finding over real TF1 code.

    python benchmarks/flake8_one_line.py [--corpus DIR]

Runs `flake8 --select TF` and `tf2lint check --output-format json` over the corpus, then
checks that every line of flake8's output is one `path:row:col: TFnnn ...` message, that
there are as many lines as findings, and that they are the same (file, row, column, code)
set.  Prints the counts and how many findings carry a multi-line replacement (the ones the
plugin joins); exits 1 on any mismatch.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

DEFAULT_CORPUS = Path.home() / ".cache/tf2lint-corpus/tf1"
BIN = Path(sys.executable).parent
LINE = re.compile(r"^(?P<path>.+?):(?P<row>\d+):(?P<col>\d+): (?P<code>TF\d{3}) ")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    corpus = str(args.corpus)
    flake8 = subprocess.run(
        [str(BIN / "flake8"), "--isolated", "--select", "TF", "-j", "2", corpus], capture_output=True, text=True
    )
    cli = subprocess.run(
        [sys.executable, "-m", "tf2lint", "check", "--isolated", "--no-cache", "-q", "--output-format", "json", corpus],
        capture_output=True, text=True,
    )
    findings = json.loads(cli.stdout)
    lines = flake8.stdout.splitlines()
    matches = [LINE.match(line) for line in lines]
    stray = [line for line, m in zip(lines, matches) if m is None]
    from_flake8 = {(m["path"], int(m["row"]), int(m["col"]), m["code"]) for m in matches if m}
    from_cli = {(f["filename"], f["location"]["row"], f["location"]["column"], f["code"]) for f in findings}
    multi = sum("\n" in f["replacement"] or "\n" in f["message"] for f in findings)
    print(f"corpus: {corpus}")
    print(f"tf2lint findings: {len(findings)} ({multi} with a multi-line replacement)")
    print(f"flake8 lines:     {len(lines)} ({len(stray)} not a one-line TF message)")
    print(f"same findings:    {from_flake8 == from_cli} ({len(from_flake8 ^ from_cli)} differ)")
    for line in stray[:5]:
        print(f"  stray: {line[:120]}")
    ok = not stray and len(lines) == len(findings) and from_flake8 == from_cli
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
