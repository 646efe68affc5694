"""`--fix --unsafe-fixes` over real code: does everything still parse, is a second run a no-op,
does no fix introduce `compat.v1`, and how many findings do the fixes remove?

    python benchmarks/fix_corpus.py [DIR] [--jobs N] [--target-version X.Y]

DIR (default: /work/corpus/tf1, the TF1 packages `benchmarks/corpus.py` unpacks) is copied
to a temporary directory; the real `tf2lint` command checks the copy, fixes it, and checks
that a second `--fix` run would change nothing (`--diff`). It prints the findings before and
after, the share of findings carrying a safe or an unsafe fix, a per-code table of fix
coverage and the share of findings the fixes removed. It exits 1 when a check fails (a file
that parsed no longer parses, the second run changes something, a file gained `compat.v1`
spellings, or a fix was refused with TF007), 2 on a usage error.
"""

from __future__ import annotations

import argparse
import ast
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tokenize
import warnings
from collections import Counter
from pathlib import Path
from typing import Dict, List, Optional, Sequence

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_DIR = "/work/corpus/tf1"
COMPAT_V1 = re.compile(r"compat\.v1\b")
SOURCES = (".py", ".ipynb")


def tf2lint(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run([sys.executable, "-m", "tf2lint", *args], capture_output=True, text=True, env=env)


def findings(tree: Path, extra: Sequence[str]) -> List[dict]:
    result = tf2lint("check", "--isolated", "--no-cache", "--no-respect-gitignore", "--exit-zero",
                     "--output-format", "json", *extra, str(tree))
    if result.returncode != 0:
        raise SystemExit(f"tf2lint check failed ({result.returncode}):\n{result.stderr}")
    return json.loads(result.stdout)


def sources(tree: Path) -> List[Path]:
    return sorted(p for p in tree.rglob("*") if p.suffix in SOURCES and p.is_file())


def module_text(path: Path) -> Optional[str]:
    """The Python text of a file (a notebook's code cells joined), None when it cannot be read."""
    data = path.read_bytes()
    try:
        if path.suffix == ".ipynb":
            from tf2lint.notebook import NotebookError, read_notebook

            try:
                nb = read_notebook(data)
            except NotebookError:
                return None
            return nb.source if nb is not None else None
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        return data.decode(encoding)
    except (SyntaxError, LookupError, UnicodeDecodeError):
        return None


def parses(text: Optional[str]) -> bool:
    if text is None:
        return False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True


def snapshot(tree: Path) -> Dict[str, tuple]:
    """Per file: (parses, compat.v1 spellings)."""
    out = {}
    for path in sources(tree):
        text = module_text(path)
        out[str(path.relative_to(tree))] = (parses(text), len(COMPAT_V1.findall(text or "")))
    return out


def pct(part: int, whole: int) -> str:
    return f"{100.0 * part / whole:5.1f}%" if whole else "    -"


def fix_kind(item: dict) -> str:
    fix = item.get("fix")
    return fix["applicability"] if fix and fix.get("edits") else "none"


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", nargs="?", default=DEFAULT_DIR)
    parser.add_argument("--jobs", "-j", default="0", help="passed to tf2lint check -j")
    parser.add_argument("--target-version", help="passed to tf2lint check --target-version")
    args = parser.parse_args(argv)
    source = Path(args.directory)
    if not source.is_dir():
        print(f"fix_corpus: no such directory: {source}", file=sys.stderr)
        return 2
    extra = ["-j", args.jobs] + (["--target-version", args.target_version] if args.target_version else [])
    with tempfile.TemporaryDirectory(prefix="tf2lint-fix-corpus-") as tmp:
        tree = Path(tmp) / "tree"
        shutil.copytree(source, tree, symlinks=True, ignore=shutil.ignore_patterns(".git", "__pycache__"))
        before_files = snapshot(tree)
        before = findings(tree, extra)
        fixed = tf2lint("check", "--isolated", "--no-cache", "--no-respect-gitignore", "--exit-zero",
                        "--fix", "--unsafe-fixes", "--show-fixes", *extra, str(tree))
        if fixed.returncode != 0:
            print(f"tf2lint check --fix failed ({fixed.returncode}):\n{fixed.stderr}", file=sys.stderr)
            return 1
        after_files = snapshot(tree)
        after = findings(tree, extra)
        second = tf2lint("check", "--isolated", "--no-cache", "--no-respect-gitignore", "--diff", "--unsafe-fixes",
                         *extra, str(tree))
        return report(before, after, before_files, after_files, second, tree)


def report(before: List[dict], after: List[dict], before_files: Dict[str, tuple], after_files: Dict[str, tuple],
           second: subprocess.CompletedProcess, tree: Path) -> int:
    failures: List[str] = []
    broken = [name for name, (ok, _) in before_files.items() if ok and not after_files.get(name, (False, 0))[0]]
    failures += [f"no longer parses: {name}" for name in broken]
    gained = [(name, n, after_files[name][1]) for name, (_, n) in before_files.items()
              if name in after_files and after_files[name][1] > n]
    failures += [f"compat.v1 introduced: {name} ({n} -> {m})" for name, n, m in gained]
    if second.returncode != 0 or second.stdout:
        changed = sorted({line[6:] for line in second.stdout.splitlines() if line.startswith("+++ b/")})
        failures.append(f"a second --fix run would change {len(changed)} file(s): " + ", ".join(changed[:10]))
    refused = [f for f in after if f["code"] == "TF007"]
    failures += [f"fix refused: {f['filename']}: {f['message']}" for f in refused]

    kinds = Counter(fix_kind(f) for f in before)
    per_code: Dict[str, Counter] = {}
    for f in before:
        per_code.setdefault(f["code"], Counter())[fix_kind(f)] += 1
    remaining = Counter(f["code"] for f in after)
    total = len(before)
    print(f"files: {len(before_files)} ({sum(ok for ok, _ in before_files.values())} parse)")
    print(f"findings before: {total}   after --fix --unsafe-fixes: {len(after)}   removed: {pct(total - len(after), total)}")
    print(f"findings with a safe fix: {kinds['safe']} ({pct(kinds['safe'], total)}), with an unsafe fix: "
          f"{kinds['unsafe']} ({pct(kinds['unsafe'], total)}), either: {pct(kinds['safe'] + kinds['unsafe'], total)}, "
          f"display-only: {kinds['display-only']}")
    print(f"compat.v1 spellings: {sum(n for _, n in before_files.values())} before, "
          f"{sum(n for _, n in after_files.values())} after")
    print()
    print(f"{'code':6} {'findings':>9} {'safe':>7} {'unsafe':>7} {'fixable':>8} {'after':>7}")
    for code in sorted(per_code):
        c = per_code[code]
        n = sum(c.values())
        print(f"{code:6} {n:9d} {c['safe']:7d} {c['unsafe']:7d} {pct(c['safe'] + c['unsafe'], n):>8} {remaining[code]:7d}")
    print()
    checks = [
        ("every file that parsed still parses", not broken),
        ("a second --fix run changes nothing", second.returncode == 0 and not second.stdout),
        ("no compat.v1 introduced", not gained),
        ("no fix refused (TF007)", not refused),
    ]
    for name, ok in checks:
        print(f"{'ok  ' if ok else 'FAIL'} {name}")
    for line in failures[:50]:
        print(f"  {line}".replace(str(tree) + os.sep, ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
