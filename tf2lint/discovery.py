"""Which files a run checks: recursive discovery that skips tool and environment directories."""

from __future__ import annotations

import os
from typing import Iterator, List, Sequence, Tuple

from tf2lint.config import Config

SKIP_DIRS = frozenset(
    {
        ".git", ".hg", ".svn", ".bzr", "_darcs", ".tox", ".nox", ".venv", "venv", ".env", "env",
        "__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".tf2lint_cache", "build",
        "dist", "site-packages", "node_modules", ".eggs", ".ipynb_checkpoints", ".direnv",
    }
)
SOURCE_SUFFIXES = (".py", ".pyi")


def _is_venv(path: str) -> bool:
    return os.path.isfile(os.path.join(path, "pyvenv.cfg"))


def discover(paths: Sequence[str], config: Config, force_exclude: bool = False) -> Tuple[List[str], List[str]]:
    """Return (files to check, paths that do not exist), sorted and de-duplicated.

    Files named explicitly are always checked unless ``force_exclude`` applies the
    configured ``exclude`` to them too (what pre-commit needs).
    """
    found: List[str] = []
    missing: List[str] = []
    for path in paths:
        if os.path.isdir(path) and not path.endswith(SOURCE_SUFFIXES):
            found.extend(_walk(path, config))
        elif os.path.lexists(path):
            if force_exclude and config.is_excluded(path):
                continue
            found.append(path)
        else:
            missing.append(path)
    seen = set()
    unique = []
    for path in found:
        key = os.path.normpath(path)
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return sorted(unique), missing


def _walk(root: str, config: Config) -> Iterator[str]:
    for dirpath, dirnames, filenames in os.walk(root):
        keep = []
        for name in dirnames:
            full = os.path.join(dirpath, name)
            if name in SKIP_DIRS or name.endswith(".egg-info") or _is_venv(full) or config.is_excluded(full):
                continue
            keep.append(name)
        dirnames[:] = sorted(keep)
        for name in sorted(filenames):
            if name.endswith(SOURCE_SUFFIXES):
                full = os.path.normpath(os.path.join(dirpath, name))  # "./a.py" -> "a.py"
                if not config.is_excluded(full):
                    yield full
