"""How often does one change get reported more than once? Findings nested in another's span.

    python benchmarks/nesting.py /path/to/tf1-corpus [--top 15] [--json findings.json]

Lints every Python file under the given paths (all default rules; or reads the findings of a
``tf2lint check --output-format json`` run) and prints:

- the share of findings whose span lies inside another finding's span in the same file
  (identical spans count once: the second is nested in the first); goal: at most 2%;
- the most common (outer code, inner code) pairs, to find what to merge;
- the number of findings per family.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# (code, start row, start col, end row, end col)
Span = Tuple[str, int, int, int, int]


def lint(paths: Sequence[Path]) -> Dict[str, List[Span]]:
    from tf2lint.config import Config
    from tf2lint.discovery import discover
    from tf2lint.engine import lint_path

    files, _ = discover([str(p) for p in paths], Config())
    config = Config()
    out: Dict[str, List[Span]] = {}
    for path in files:
        out[path] = [(f.code, f.start.row, f.start.col, f.end.row, f.end.col) for f in lint_path(path, config)]
    return out


def read_json(path: Path) -> Dict[str, List[Span]]:
    out: Dict[str, List[Span]] = defaultdict(list)
    for f in json.loads(path.read_text(encoding="utf-8")):
        loc, end = f["location"], f["end_location"]
        out[f["filename"]].append((f["code"], loc["row"], loc["column"], end["row"], end["column"]))
    return out


def nested(spans: List[Span]) -> List[Tuple[Span, Span]]:
    """(outer, inner) for every finding inside an earlier-starting (or equal) finding's span."""
    order = sorted(spans, key=lambda s: (s[1], s[2], -s[3], -s[4]))
    pairs: List[Tuple[Span, Span]] = []
    widest: Optional[Span] = None  # the finding reaching furthest among those started so far
    for span in order:
        if widest is not None and (widest[3], widest[4]) >= (span[3], span[4]):
            pairs.append((widest, span))
        elif widest is None or (span[3], span[4]) > (widest[3], widest[4]):
            widest = span
    return pairs


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, help="files or directories to lint")
    parser.add_argument("--json", type=Path, help="read findings from a JSON report instead of linting")
    parser.add_argument("--top", type=int, default=15, help="print the N most common nested pairs")
    args = parser.parse_args(argv)
    if not args.paths and not args.json:
        parser.error("give paths to lint or --json")
    by_file = read_json(args.json) if args.json else lint(args.paths)
    total = sum(len(v) for v in by_file.values())
    pairs = [p for spans in by_file.values() for p in nested([s for s in spans if not s[0].startswith("TF0")])]
    print(f"findings: {total} in {sum(1 for v in by_file.values() if v)} files")
    print(f"nested in another finding's span: {len(pairs)} = {100.0 * len(pairs) / max(total, 1):.2f}% (goal: at most 2%)")
    for (outer, inner), count in Counter((o[0], i[0]) for o, i in pairs).most_common(args.top):
        print(f"    {count:6d}  {inner} inside {outer}")
    families = Counter(code[:3] for spans in by_file.values() for code, *_ in spans)
    print("per family: " + ", ".join(f"{fam}xx {families[fam]}" for fam in sorted(families)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
