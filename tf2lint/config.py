"""Configuration: `[tool.tf2lint]` in pyproject.toml, overridden by command-line flags."""

from __future__ import annotations

import fnmatch
import os
import re
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
DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024
DEFAULT_MAX_FINDINGS = 1000


class ConfigError(Exception):
    """A configuration problem the user must fix; the message names the key and file."""


def parse_target(value: Any, where: str = "--target-version") -> Tuple[int, int]:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ConfigError(f"{where}: expected a version string such as \"2.16\", got {type(value).__name__}")
    text = str(value).strip()
    parts = text.split(".")
    try:
        version = (int(parts[0]), int(parts[1])) if len(parts) >= 2 else (-1, -1)
    except ValueError:
        version = (-1, -1)
    if version not in SUPPORTED_TARGETS and isinstance(value, float):
        # TOML reads `2.20` as the number 2.2: the trailing zero is gone before we see it.
        written = f"{text}0" if len(text.partition(".")[2]) == 1 else text
        raise ConfigError(
            f"{where}: quote the version, target-version = \"{written}\": "
            f"TOML reads the unquoted {written} as the number {text}"
        )
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
    max_file_size: int = DEFAULT_MAX_FILE_SIZE  # bytes; a larger file is TF008, not read
    max_findings: int = DEFAULT_MAX_FINDINGS  # per file; the rest are counted in one TF010

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


_TABLE_MENTION = re.compile(rb"^\s*\[\s*tool\s*\.\s*[\"']?tf2lint\b|\btool\s*\.\s*tf2lint\b", re.MULTILINE)


def find_pyproject(start: str) -> Optional[Path]:
    """The nearest pyproject.toml with a [tool.tf2lint] table, searching upward."""
    here = Path(start).resolve()
    if here.is_file():
        here = here.parent
    for directory in (here, *here.parents):
        candidate = directory / "pyproject.toml"
        if candidate.is_file():
            try:
                raw = candidate.read_bytes()
            except OSError:
                return candidate  # it may configure tf2lint: loading it reports why it cannot be read
            try:
                data = tomllib.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, tomllib.TOMLDecodeError):
                if _TABLE_MENTION.search(raw):
                    return candidate  # ours but broken: loading it reports the error
                continue
            tool = data.get("tool", {})
            if not isinstance(tool, dict) or isinstance(tool.get("tf2lint"), dict):
                return candidate  # `tool` itself malformed, or our table: loading it says which
    return None


def _codes(value: Any, key: str, source: str) -> Tuple[str, ...]:
    """Validated code prefixes; ``source`` is the config file, or the flag (``--select``) they came from."""
    where = source if source.startswith("-") else f"{source}: [tool.tf2lint] {key}"
    if isinstance(value, str):
        value = [v for v in value.replace(",", " ").split() if v]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where} must be a list of code prefixes")
    for code in value:
        if not code.strip().upper().startswith("TF"):
            raise ConfigError(f"{where}: {code!r} is not a TF code prefix")
        if not _known_prefix(code.strip().upper()):
            raise ConfigError(f"{where}: unknown code {code!r}: no rule code starts with it (see `tf2lint rules`)")
    return tuple(v.strip().upper() for v in value)


def _known_prefix(prefix: str) -> bool:
    from tf2lint.registry import all_rules  # the catalog imports this module

    return any(cls.code.startswith(prefix) for cls in all_rules())


def check_selection(config: Config, where: str) -> Config:
    """A selection that turns every rule off is a mistake to report, not a clean run."""
    from tf2lint.registry import all_rules

    if not any(config.is_enabled(cls.code, cls.default_enabled) for cls in all_rules()):
        shown = f"select = {list(config.select + config.extend_select)}, ignore = {list(config.ignore)}"
        raise ConfigError(f"{where}: the selection ({shown}) selects no rule: nothing would be checked")
    return config


def _size(value: Any, where: str) -> int:
    """A byte count: an integer, or a string such as "10MB", "512 KB"."""
    units = {"": 1, "B": 1, "KB": 1024, "K": 1024, "MB": 1024**2, "M": 1024**2, "GB": 1024**3, "G": 1024**3}
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        match = re.fullmatch(r"\s*(\d+)\s*([KMG]?B?)\s*", str(value).upper()) if isinstance(value, str) else None
        if match is None:
            raise ConfigError(f"{where}: expected a size such as 10485760 or \"10MB\", got {value!r}")
        number = int(match.group(1)) * units[match.group(2)]
    if number <= 0:
        raise ConfigError(f"{where}: must be positive, got {value!r}")
    return number


def _count(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ConfigError(f"{where}: expected a positive integer, got {value!r}")
    return value


KNOWN_KEYS = {"select", "ignore", "extend-select", "per-file-ignores", "exclude", "target-version",
              "max-file-size", "max-findings-per-file", "fix", "unsafe-fixes"}


def load_file(path: Path) -> Config:
    """Read `[tool.tf2lint]` from a pyproject.toml (or a tf2lint.toml holding the table)."""
    source = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{source}: cannot read config: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        row = raw.count(b"\n", 0, exc.start) + 1
        raise ConfigError(
            f"{source}: not UTF-8 (byte {raw[exc.start:exc.start + 1]!r} on line {row}); TOML files must be UTF-8"
        ) from None
    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError, ValueError) as exc:
        raise ConfigError(f"{source}: invalid TOML: {exc}") from None
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{source}: `tool` must be a table of [tool.NAME] sections, not {type(tool).__name__} {tool!r}")
    table = tool.get("tf2lint", data if path.name != "pyproject.toml" else {})
    if not isinstance(table, dict):
        raise ConfigError(f"{source}: [tool.tf2lint] must be a table")
    return from_mapping(table, source, str(path.resolve().parent))


def from_mapping(table: Dict[str, Any], source: str, root: Optional[str]) -> Config:
    unknown = sorted(set(table) - KNOWN_KEYS)
    if unknown:
        raise ConfigError(f"{source}: [tool.tf2lint] unknown key {unknown[0]!r}")
    # A number where a count or size belongs, etc.: one clear message naming the key.
    config = Config(root=root, source=source)
    where = f"{source}: [tool.tf2lint]"
    if "select" in table:
        config = replace(config, select=_codes(table["select"], "select", source))
    if "extend-select" in table:
        config = replace(config, extend_select=_codes(table["extend-select"], "extend-select", source))
    if "ignore" in table:
        config = replace(config, ignore=_codes(table["ignore"], "ignore", source))
    if "per-file-ignores" in table:
        pfi = table["per-file-ignores"]
        if not isinstance(pfi, dict):
            raise ConfigError(f"{where} per-file-ignores must be a table of glob = [codes]")
        config = replace(
            config,
            per_file_ignores=tuple((str(k), _codes(v, f"per-file-ignores.{k}", source)) for k, v in pfi.items()),
        )
    if "exclude" in table:
        exclude = table["exclude"]
        if isinstance(exclude, str):
            exclude = [exclude]
        if not isinstance(exclude, list) or not all(isinstance(v, str) for v in exclude):
            raise ConfigError(f"{where} exclude must be a list of glob patterns")
        config = replace(config, exclude=tuple(exclude))
    for key in ("fix", "unsafe-fixes"):
        if key in table:
            if not isinstance(table[key], bool):
                raise ConfigError(f"{where} {key} must be true or false")
            config = replace(config, **{key.replace("-", "_"): table[key]})
    if "max-file-size" in table:
        config = replace(config, max_file_size=_size(table["max-file-size"], f"{where} max-file-size"))
    if "max-findings-per-file" in table:
        config = replace(config, max_findings=_count(table["max-findings-per-file"], f"{where} max-findings-per-file"))
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
    flags = [flag for flag, value in (("--select", select), ("--extend-select", extend_select), ("--ignore", ignore),
                                      ("--extend-ignore", extend_ignore)) if value is not None and (value or flag == "--select")]
    return check_selection(config, " and ".join(flags) if flags else (config.source or "the default configuration"))
