"""The server's settings: initialization options, and each document's configuration.

A document gets the configuration ``tf2lint check`` would use for it: `[tool.tf2lint]` of
the nearest pyproject.toml above its folder, with the client's initialization options
applied on top, the way command-line flags apply on top of the file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, List, Optional, Tuple

from tf2lint.config import Config, ConfigError, find_pyproject, load_file, parse_target, with_overrides

DEFAULT_DEBOUNCE_MS = 200


def _list(value: Any, key: str) -> Optional[List[str]]:
    if value is None:
        return None
    if isinstance(value, str):
        value = [v for v in value.replace(",", " ").split() if v]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"initialization option {key} must be a list of code prefixes")
    for code in value:
        if not code.upper().startswith("TF"):
            raise ConfigError(f"initialization option {key}: {code!r} is not a TF code prefix")
    return [code.upper() for code in value]


@dataclass(frozen=True)
class Settings:
    """Initialization options (all optional)::

        {"targetVersion": "2.16", "select": ["TF"], "extendSelect": ["TF990"],
         "ignore": ["TF109"], "debounceMs": 200}
    """

    target_version: Optional[str] = None
    select: Optional[Tuple[str, ...]] = None
    extend_select: Tuple[str, ...] = ()
    ignore: Optional[Tuple[str, ...]] = None
    debounce_ms: int = DEFAULT_DEBOUNCE_MS

    @classmethod
    def from_options(cls, options: Any) -> Settings:
        """Settings from the client's initializationOptions (raises ConfigError on a bad value)."""
        if options is None:
            return cls()
        if not isinstance(options, dict):
            raise ConfigError("initializationOptions must be an object")
        select = _list(options.get("select"), "select")
        ignore = _list(options.get("ignore"), "ignore")
        target = options.get("targetVersion")
        debounce = options.get("debounceMs", DEFAULT_DEBOUNCE_MS)
        if isinstance(debounce, bool) or not isinstance(debounce, (int, float)) or debounce < 0:
            raise ConfigError("initialization option debounceMs must be a number of milliseconds >= 0")
        settings = cls(
            target_version=None if target is None else str(target),
            select=None if select is None else tuple(select),
            extend_select=tuple(_list(options.get("extendSelect"), "extendSelect") or ()),
            ignore=None if ignore is None else tuple(ignore),
            debounce_ms=int(debounce),
        )
        if settings.target_version is not None:
            parse_target(settings.target_version, "initialization option targetVersion")
        settings.apply(Config())  # anything else wrong shows now, not at the first lint
        return settings

    def apply(self, config: Config) -> Config:
        return with_overrides(
            config,
            select=self.select,
            extend_select=self.extend_select,
            ignore=self.ignore,
            target_version=self.target_version,
        )


def config_for(path: Optional[str], settings: Settings, fallback_root: Optional[str]) -> Config:
    """The configuration for a document, found from its folder as ``tf2lint check`` finds it.

    Raises ConfigError when the pyproject.toml found is invalid.
    """
    found = find_pyproject(os.path.dirname(path)) if path else None
    if found is not None:
        config = load_file(found)
    else:
        # As the CLI run from the workspace folder: per-file patterns are relative to it.
        root = fallback_root or (os.path.dirname(path) if path else None)
        config = Config(root=os.path.abspath(root) if root else None)
    return settings.apply(config)
