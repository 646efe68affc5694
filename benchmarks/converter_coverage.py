"""How much of what TensorFlow's own converter changes does tf2lint report?

For each package directory given: copy it, run `tf_upgrade_v2 --intree` over the copy, diff
every Python file against the converter's output, lint the copy with tf2lint (all default
rules), and count the changed lines a finding's span covers (start row .. end row):

  (a) changed lines that name a symbol missing from TF2: the converter's report renames a
      name there that TF2 lacks under that spelling (per the TF2 name table generated from
      TensorFlow), or flags a removed module there;
  (b) all changed lines, not counting the rewrite of `import tensorflow.compat.v1 as tf`.

    python benchmarks/converter_coverage.py --tf-upgrade /path/to/tf-venv/bin/tf_upgrade_v2 \\
        /path/to/tf1-package [...] [--show 20]

Needs a TensorFlow install only for `tf_upgrade_v2` (found on PATH when not given); tf2lint
itself runs in the current interpreter. The packages are copied to a temporary directory;
nothing is written next to them.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Set, Tuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tf2lint.config import Config  # noqa: E402
from tf2lint.data.generated import v1_symbols  # noqa: E402
from tf2lint.engine import lint_path  # noqa: E402
from tf2lint.names import exists_in_tf2  # noqa: E402

_ENTRY = re.compile(r"^(\d+):(\d+): (INFO|WARNING|ERROR): (.*)$")
_FILE = re.compile(r"^Processing file '(.*)'$")
_RENAMED = re.compile(r"Renamed '([\w.]+)' to '([\w.]+)'")
_REMOVED_MODULE = re.compile(r"(tf\.flags and tf\.app\.flags have been removed|tf\.contrib)")
_COMPAT_IMPORT = re.compile(r"^\s*import\s+tensorflow\.compat\.v1\s+as\s+tf\s*(#.*)?$")


def missing_from_tf2(name: str) -> bool:
    """Whether TF2 lacks the converter's source name under that spelling."""
    name = name[3:] if name.startswith("tf.") else name
    known = exists_in_tf2(name)
    if known is not None:
        return not known
    parts = name.split(".")
    prefixes = {".".join(parts[:i]) for i in range(1, len(parts) + 1)}
    tables = v1_symbols.RENAMED.keys() | v1_symbols.REMOVED | v1_symbols.REMOVED_MODULES
    return bool(prefixes & tables)


@dataclass
class FileResult:
    changed: Set[int] = field(default_factory=set)
    missing: Set[int] = field(default_factory=set)
    covered: Set[int] = field(default_factory=set)


def changed_lines(before: List[str], after: List[str]) -> Set[int]:
    out: Set[int] = set()
    for tag, i1, i2, _, _ in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if tag in ("replace", "delete"):
            out.update(range(i1 + 1, i2 + 1))
        elif tag == "insert":
            out.add(max(i1, 1))
    return out


def parse_report(report: Path, intree: Path) -> Dict[str, Dict[int, List[str]]]:
    """File (relative to the tree) -> line -> the converter's messages for it."""
    out: Dict[str, Dict[int, List[str]]] = defaultdict(lambda: defaultdict(list))
    current: Optional[str] = None
    for line in report.read_text(errors="replace").splitlines():
        match = _FILE.match(line)
        if match:
            current = os.path.relpath(match.group(1), intree)
            continue
        match = _ENTRY.match(line)
        if match and current is not None:
            out[current][int(match.group(1))].append(match.group(4))
    return out


def measure(package: Path, tf_upgrade: str, work: Path) -> Dict[str, FileResult]:
    intree = work / "in"
    outtree = work / "out"
    shutil.copytree(package, intree, ignore=shutil.ignore_patterns("*.pyc", "__pycache__"))
    report = work / "report.txt"
    subprocess.run(
        [tf_upgrade, "--intree", str(intree), "--outtree", str(outtree), "--reportfile", str(report)],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=work,
    )
    messages = parse_report(report, intree)
    config = Config()
    results: Dict[str, FileResult] = {}
    for source in sorted(intree.rglob("*.py")):
        rel = str(source.relative_to(intree))
        converted = outtree / rel
        if not converted.is_file():
            continue
        before = source.read_text(errors="replace").splitlines()
        after = converted.read_text(errors="replace").splitlines()
        result = FileResult()
        result.changed = {n for n in changed_lines(before, after) if n > len(before) or not _COMPAT_IMPORT.match(before[n - 1])}
        if not result.changed:
            continue
        for row, notes in messages.get(rel, {}).items():
            for note in notes:
                renamed = _RENAMED.search(note)
                if (renamed and missing_from_tf2(renamed.group(1))) or _REMOVED_MODULE.search(note):
                    result.missing.add(row)
        result.missing &= result.changed
        for finding in lint_path(str(source), config):
            result.covered.update(range(finding.start.row, finding.end.row + 1))
        results[rel] = result
    return results


def _ratio(part: int, whole: int) -> str:
    return f"{part}/{whole} = {100.0 * part / whole:.1f}%" if whole else "0/0"


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("packages", nargs="+", type=Path, help="TF1 package directories (not modified)")
    parser.add_argument("--tf-upgrade", default=shutil.which("tf_upgrade_v2") or "", help="path of tf_upgrade_v2")
    parser.add_argument("--show", type=int, default=0, help="print up to N uncovered changed lines per package")
    args = parser.parse_args(argv)
    if not args.tf_upgrade:
        parser.error("tf_upgrade_v2 not found: pass --tf-upgrade")

    totals = [0, 0, 0, 0]  # missing, missing covered, changed, changed covered
    for package in args.packages:
        with tempfile.TemporaryDirectory(prefix="tf2lint-coverage-") as tmp:
            results = measure(package.resolve(), args.tf_upgrade, Path(tmp))
            intree = Path(tmp) / "in"
            counts = [0, 0, 0, 0]
            uncovered: List[Tuple[str, int, bool]] = []
            for rel, r in results.items():
                counts[0] += len(r.missing)
                counts[1] += len(r.missing & r.covered)
                counts[2] += len(r.changed)
                counts[3] += len(r.changed & r.covered)
                uncovered += [(rel, n, n in r.missing) for n in sorted(r.changed - r.covered)]
            print(f"{package.name}: (a) missing-symbol lines covered {_ratio(counts[1], counts[0])}; "
                  f"(b) changed lines covered {_ratio(counts[3], counts[2])}")
            for rel, row, missing in sorted(uncovered, key=lambda u: not u[2])[: args.show]:
                text = (intree / rel).read_text(errors="replace").splitlines()[row - 1].strip()
                print(f"    {'A' if missing else 'B'} {rel}:{row}: {text[:110]}")
            totals = [t + c for t, c in zip(totals, counts)]
    print(f"TOTAL: (a) {_ratio(totals[1], totals[0])}; (b) {_ratio(totals[3], totals[2])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
