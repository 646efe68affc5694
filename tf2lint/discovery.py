"""Which files a run checks: recursive discovery that skips tool and environment directories
and what the repository's ``.gitignore`` files ignore."""

from __future__ import annotations

import os
from typing import Iterator, List, Optional, Sequence, Tuple

import pathspec

from tf2lint.config import Config

SKIP_DIRS = frozenset(
    {
        ".git", ".hg", ".svn", ".bzr", "_darcs", ".tox", ".nox", ".venv", "venv", ".env", "env",
        "__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".tf2lint_cache", "build",
        "dist", "site-packages", "node_modules", ".eggs", ".ipynb_checkpoints", ".direnv",
    }
)
SOURCE_SUFFIXES = (".py", ".pyi", ".ipynb")


def _is_venv(path: str) -> bool:
    return os.path.isfile(os.path.join(path, "pyvenv.cfg"))


class GitIgnore:
    """The ``.gitignore`` rules in force in one directory: each file's patterns apply
    relative to its own directory, and a deeper file overrides a shallower one (so a
    nested ``!pattern`` re-includes)."""

    def __init__(self, specs: Tuple[Tuple[str, pathspec.PathSpec], ...] = ()):
        self.specs = specs  # (absolute base directory, patterns), shallowest first

    @staticmethod
    def _read(path: str) -> Optional[pathspec.PathSpec]:
        try:
            with open(path, encoding="utf-8", errors="replace") as handle:
                lines = handle.read().splitlines()
        except OSError:
            return None
        spec = pathspec.GitIgnoreSpec.from_lines(lines)
        return spec if len(spec) else None

    def enter(self, directory: str) -> GitIgnore:
        """The rules inside ``directory`` (absolute): these plus its own ``.gitignore``."""
        spec = self._read(os.path.join(directory, ".gitignore"))
        return GitIgnore(self.specs + ((directory, spec),)) if spec is not None else self

    @classmethod
    def for_directory(cls, directory: str) -> GitIgnore:
        """The rules in force in ``directory``: inside a git work tree every ``.gitignore``
        from the top of the work tree down (and ``.git/info/exclude``); elsewhere only the
        directory's own ``.gitignore``."""
        directory = os.path.abspath(directory)
        chain = [directory]
        top = None
        probe = directory
        while True:
            if os.path.exists(os.path.join(probe, ".git")):
                top = probe
                break
            parent = os.path.dirname(probe)
            if parent == probe:
                break
            chain.append(parent)
            probe = parent
        rules = cls()
        if top is None:
            return rules.enter(directory)
        exclude = cls._read(os.path.join(top, ".git", "info", "exclude"))
        if exclude is not None:
            rules = cls(((top, exclude),))
        for path in reversed(chain):
            rules = rules.enter(path)
        return rules

    def ignores(self, path: str, is_dir: bool) -> bool:
        """Whether ``path`` (absolute, under the directories of these rules) is ignored."""
        verdict = None
        for base, spec in self.specs:
            prefix = base.rstrip(os.sep) + os.sep
            if not path.startswith(prefix):
                continue
            rel = path[len(prefix) :].replace(os.sep, "/")
            result = spec.check_file(rel + "/" if is_dir else rel).include
            if result is not None:
                verdict = result
        return bool(verdict)


def discover(
    paths: Sequence[str], config: Config, force_exclude: bool = False, respect_gitignore: bool = True
) -> Tuple[List[str], List[str]]:
    """Return (files to check, paths that do not exist), sorted and de-duplicated.

    Files named explicitly are always checked unless ``force_exclude`` applies the
    configured ``exclude`` and the ``.gitignore`` rules to them too (what pre-commit needs).
    """
    found: List[str] = []
    missing: List[str] = []
    for path in paths:
        if os.path.isdir(path) and not path.endswith(SOURCE_SUFFIXES):
            rules = GitIgnore.for_directory(path) if respect_gitignore else None
            found.extend(_walk(path, config, rules))
        elif os.path.lexists(path):
            if force_exclude and (config.is_excluded(path) or (respect_gitignore and _gitignored(path))):
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


def _gitignored(path: str) -> bool:
    absolute = os.path.abspath(path)
    return GitIgnore.for_directory(os.path.dirname(absolute)).ignores(absolute, is_dir=False)


def _walk(root: str, config: Config, rules: Optional[GitIgnore]) -> Iterator[str]:
    stack = [(root, os.path.abspath(root), rules)]
    while stack:
        dirpath, absolute, here = stack.pop()
        try:
            with os.scandir(dirpath) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError:
            # Not skipped without a word: checking the path reports why it cannot be listed (TF003).
            yield os.path.normpath(dirpath)
            continue
        subdirs = []
        for entry in entries:
            name = entry.name
            full = os.path.join(dirpath, name)
            try:
                is_dir = entry.is_dir()
            except OSError:
                continue
            if is_dir:
                if entry.is_symlink():  # as os.walk: never follow a link into another tree
                    continue
                if name in SKIP_DIRS or name.endswith(".egg-info") or _is_venv(full) or config.is_excluded(full):
                    continue
                child = os.path.join(absolute, name)
                if here is not None and here.ignores(child, is_dir=True):
                    continue
                subdirs.append((full, child))
            elif name.endswith(SOURCE_SUFFIXES):
                if config.is_excluded(full):
                    continue
                if here is not None and here.ignores(os.path.join(absolute, name), is_dir=False):
                    continue
                yield os.path.normpath(full)  # "./a.py" -> "a.py"
        for full, child in reversed(subdirs):
            stack.append((full, child, here.enter(child) if here is not None else None))
