"""Configuration for the flake8 and pylint plugins: `[tool.tf2lint]` plus the host tool's options.

Both plugins lint one file at a time, so the `pyproject.toml` is looked up from each file's
directory (the same file `tf2lint check FILE` would read) and cached per directory.  The host
tool's own options then take precedence: its target version replaces the file's, its
extend-select adds prefixes, opt-in codes the host tool turns on explicitly run even when
`[tool.tf2lint]` leaves them off, and codes the host tool filters out everywhere do not run
at all (a finding the host would drop must not displace another rule's finding at the same
place, which the engine's one-finding-per-place rule would otherwise do).
"""

from __future__ import annotations

import os
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import FrozenSet, Iterable, Optional, Tuple

from tf2lint.config import Config, ConfigError, find_pyproject, load_file, parse_target, with_overrides
from tf2lint.registry import all_rules

# A prefix must name at least the family ("TF9") to turn an opt-in rule on, as in the CLI.
MIN_OPT_IN_PREFIX = 3


@lru_cache(maxsize=256)
def _pyproject_for(directory: str) -> Optional[Path]:
    return find_pyproject(directory)


@lru_cache(maxsize=64)
def _file_config(pyproject: Optional[Path]) -> Config:
    if pyproject is None:
        return Config(root=os.path.abspath("."))
    return load_file(pyproject)


def explicitly_selected(prefixes: Iterable[str]) -> Tuple[str, ...]:
    """The codes a host tool's select list names specifically enough to turn opt-in rules on."""
    wanted = tuple(p.strip().upper() for p in prefixes if len(p.strip()) >= MIN_OPT_IN_PREFIX)
    return tuple(cls.code for cls in all_rules() if cls.code.startswith(wanted)) if wanted else ()


@lru_cache(maxsize=64)
def _combine(
    base: Config,
    target_version: Optional[str],
    extend_select: Tuple[str, ...],
    host_codes: Tuple[str, ...],
    host_allowed: Optional[FrozenSet[str]],
) -> Config:
    merged = with_overrides(base, extend_select=list(extend_select), target_version=target_version)
    enabled = tuple(
        cls.code
        for cls in all_rules()
        if (cls.code in host_codes or merged.is_enabled(cls.code, cls.default_enabled))
        and (host_allowed is None or cls.code in host_allowed)
    )
    # Exact codes as the selection: nothing left to match against ignore, so a code the
    # host tool selected is not dropped again by a [tool.tf2lint] ignore entry.
    return replace(merged, select=enabled, extend_select=(), ignore=())


def config_for(
    filename: str,
    *,
    target_version: Optional[str] = None,
    extend_select: Tuple[str, ...] = (),
    host_codes: Tuple[str, ...] = (),
    host_allowed: Optional[FrozenSet[str]] = None,
) -> Config:
    """The configuration one file is linted with.

    ``host_codes``: opt-in codes the host tool turns on explicitly; ``host_allowed``: the
    codes the host tool would show at all (None: no restriction).

    ``filename`` may be a display name ("stdin", a path that does not exist yet): the
    lookup starts from its directory all the same, relative names from the working directory.
    """
    directory = os.path.dirname(os.path.abspath(filename))
    base = _file_config(_pyproject_for(directory))
    return _combine(base, target_version, tuple(extend_select), tuple(host_codes), host_allowed)


def check_target(value: Optional[str], where: str) -> Optional[str]:
    """Validate a target version given in a host tool's configuration (raises ConfigError)."""
    if value is None or not str(value).strip():
        return None
    parse_target(value, where)
    return str(value).strip()


def check_codes(codes: Tuple[str, ...], where: str) -> Tuple[str, ...]:
    """Validate code prefixes given in a host tool's configuration (raises ConfigError)."""
    for code in codes:
        if not code.upper().startswith("TF"):
            raise ConfigError(f"{where}: {code!r} is not a TF code prefix")
    return tuple(code.upper() for code in codes)
