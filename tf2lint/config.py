"""Configuration: `[tool.tf2lint]` in pyproject.toml, overridden by command-line flags."""

from __future__ import annotations

import fnmatch
import os
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python < 3.11
    import tomli as tomllib

SUPPORTED_TARGETS: Tuple[Tuple[int, int], ...] = tuple((2, minor) for minor in range(15, 22))
DEFAULT_TARGET = SUPPORTED_TARGETS[-1]


class ConfigError(Exception):
    """A configuration problem the user must fix; the message names the key and file."""


def parse_target(value: Any, where: str = "--target-version") -> Tuple[int, int]:
    text = str(value).strip()
    parts = text.split(".")
    try:
        version = (int(parts[0]), int(parts[1])) if len(parts) >= 2 else (-1, -1)
    except ValueError:
        version = (-1, -1)
    if version not in SUPPORTED_TARGETS:
        choices = ", ".join(f"{a}.{b}" for a, b in SUPPORTED_TARGETS)
        raise ConfigError(f"{where}: unsupported target-version {text!r} (choose one of {choices})")
    return version


@dataclass(frozen=True)
class Config:
    select: Tuple[str, ...] = ("TF",)
    extend_select: Tuple[str, ...] = ()
    ignore: Tuple[str, ...] = ()
    per_file_ignores: Tuple[Tuple[str, Tuple[str, ...]], ...] = ()
    exclude: Tuple[str, ...] = ()
    target_version: Tuple[int, int] = DEFAULT_TARGET
    root: Optional[str] = None  # directory of the config file; per-file patterns are relative to it
    source: Optional[str] = None  # the config file read, for messages
    # What `check` does with fixes (`fix`, `unsafe-fixes`); they change no finding, so they
    # stay out of the comparison and the repr that key the rule set and the result cache.
    fix: bool = field(default=False, compare=False, repr=False)
    unsafe_fixes: bool = field(default=False, compare=False, repr=False)

    def is_enabled(self, code: str, default_enabled: bool = True) -> bool:
        """flake8-style selection: the longest matching prefix among select and ignore wins.

        Opt-in rules need an explicit prefix naming at least their family (``TF9``).
        """
        selected = [p for p in (*self.select, *self.extend_select) if code.startswith(p)]
        if not default_enabled:
            selected = [p for p in selected if len(p) >= 3]
        if not selected:
            return False
        ignored = [p for p in self.ignore if code.startswith(p)]
        return not ignored or max(map(len, selected)) > max(map(len, ignored))

    def ignored_for_file(self, filename: str) -> Tuple[str, ...]:
        if not self.per_file_ignores:
            return ()
        rel = _relative(filename, self.root)
        out: List[str] = []
        for pattern, codes in self.per_file_ignores:
            if _match(rel, pattern):
                out.extend(codes)
        return tuple(out)

    def is_excluded(self, path: str) -> bool:
        if not self.exclude:
            return False
        rel = _relative(path, self.root)
        return any(_match(rel, pattern) for pattern in self.exclude)


def _relative(path: str, root: Optional[str]) -> str:
    absolute = os.path.abspath(path)
    if root:
        try:
            return Path(absolute).relative_to(root).as_posix()
        except ValueError:
            pass
    return Path(path).as_posix()


def _match(rel: str, pattern: str) -> bool:
    """Match a path against a glob the way ruff/flake8 users expect.

    A pattern matches the whole relative path, any trailing part of it, or, without a
    slash, any single component (``build`` excludes every ``build/`` directory).
    """
    pattern = pattern.rstrip("/")
    if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(rel, pattern + "/*"):
        return True
    parts = rel.split("/")
    if "/" not in pattern:
        return any(fnmatch.fnmatch(part, pattern) for part in parts)
    for i in range(1, len(parts)):
        tail = "/".join(parts[i:])
        if fnmatch.fnmatch(tail, pattern) or fnmatch.fnmatch(tail, pattern + "/*"):
            return True
    return False


def find_pyproject(start: str) -> Optional[Path]:
    """The nearest pyproject.toml with a [tool.tf2lint] table, searching upward."""
    here = Path(start).resolve()
    if here.is_file():
        here = here.parent
    for directory in (here, *here.parents):
        candidate = directory / "pyproject.toml"
        if candidate.is_file():
            try:
                text = candidate.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            try:
                data = tomllib.loads(text)
            except tomllib.TOMLDecodeError:
                if "tool.tf2lint" in text:
                    return candidate  # ours but broken: loading it reports the error
                continue
            if isinstance(data.get("tool", {}).get("tf2lint"), dict):
                return candidate
    return None


def _codes(value: Any, key: str, source: str) -> Tuple[str, ...]:
    if isinstance(value, str):
        value = [v for v in value.replace(",", " ").split() if v]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{source}: [tool.tf2lint] {key} must be a list of code prefixes")
    for code in value:
        if not code.upper().startswith("TF"):
            raise ConfigError(f"{source}: [tool.tf2lint] {key}: {code!r} is not a TF code prefix")
    return tuple(v.upper() for v in value)


KNOWN_KEYS = {"select", "ignore", "extend-select", "per-file-ignores", "exclude", "target-version", "fix", "unsafe-fixes"}


def load_file(path: Path) -> Config:
    """Read `[tool.tf2lint]` from a pyproject.toml (or a tf2lint.toml holding the table)."""
    source = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{source}: cannot read config: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{source}: invalid TOML: {exc}") from None
    table = data.get("tool", {}).get("tf2lint", data if path.name != "pyproject.toml" else {})
    if not isinstance(table, dict):
        raise ConfigError(f"{source}: [tool.tf2lint] must be a table")
    return from_mapping(table, source, str(path.resolve().parent))


def from_mapping(table: Dict[str, Any], source: str, root: Optional[str]) -> Config:
    unknown = sorted(set(table) - KNOWN_KEYS)
    if unknown:
        raise ConfigError(f"{source}: [tool.tf2lint] unknown key {unknown[0]!r}")
    config = Config(root=root, source=source)
    if "select" in table:
        config = replace(config, select=_codes(table["select"], "select", source))
    if "extend-select" in table:
        config = replace(config, extend_select=_codes(table["extend-select"], "extend-select", source))
    if "ignore" in table:
        config = replace(config, ignore=_codes(table["ignore"], "ignore", source))
    if "per-file-ignores" in table:
        pfi = table["per-file-ignores"]
        if not isinstance(pfi, dict):
            raise ConfigError(f"{source}: [tool.tf2lint] per-file-ignores must be a table of glob = [codes]")
        config = replace(
            config,
            per_file_ignores=tuple((str(k), _codes(v, f"per-file-ignores.{k}", source)) for k, v in pfi.items()),
        )
    if "exclude" in table:
        exclude = table["exclude"]
        if isinstance(exclude, str):
            exclude = [exclude]
        if not isinstance(exclude, list) or not all(isinstance(v, str) for v in exclude):
            raise ConfigError(f"{source}: [tool.tf2lint] exclude must be a list of glob patterns")
        config = replace(config, exclude=tuple(exclude))
    for key in ("fix", "unsafe-fixes"):
        if key in table:
            if not isinstance(table[key], bool):
                raise ConfigError(f"{source}: [tool.tf2lint] {key} must be true or false")
            config = replace(config, **{key.replace("-", "_"): table[key]})
    if "target-version" in table:
        config = replace(
            config,
            target_version=parse_target(table["target-version"], f"{source}: [tool.tf2lint] target-version"),
        )
    return config


def with_overrides(
    config: Config,
    *,
    select: Optional[Sequence[str]] = None,
    extend_select: Optional[Sequence[str]] = None,
    ignore: Optional[Sequence[str]] = None,
    extend_ignore: Optional[Sequence[str]] = None,
    target_version: Optional[str] = None,
    exclude: Optional[Sequence[str]] = None,
) -> Config:
    """Apply command-line values, which take precedence over the file."""
    if select is not None:
        config = replace(config, select=_codes(list(select), "select", "--select"))
    if extend_select:
        config = replace(
            config, extend_select=config.extend_select + _codes(list(extend_select), "extend-select", "--extend-select")
        )
    if ignore is not None:
        config = replace(config, ignore=_codes(list(ignore), "ignore", "--ignore"))
    if extend_ignore:
        config = replace(config, ignore=config.ignore + _codes(list(extend_ignore), "extend-ignore", "--extend-ignore"))
    if target_version is not None:
        config = replace(config, target_version=parse_target(target_version))
    if exclude:
        config = replace(config, exclude=config.exclude + tuple(exclude))
    return config
