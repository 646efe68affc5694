"""The rule catalog: every rule module under tf2lint/rules/, imported once."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from typing import Dict, List, Type

from tf2lint.rules.base import RULE_CLASSES, Rule


@cache
def _load() -> None:
    import tf2lint.rules as package

    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if info.name != "base":
            importlib.import_module(f"{package.__name__}.{info.name}")


def all_rules() -> List[Type[Rule]]:
    """Every registered rule class, ordered by code."""
    _load()
    seen: Dict[str, Type[Rule]] = {}
    for cls in RULE_CLASSES:
        if cls.code in seen and seen[cls.code] is not cls:
            raise RuntimeError(f"duplicate rule code {cls.code}: {seen[cls.code].__name__} and {cls.__name__}")
        seen[cls.code] = cls
    return [seen[code] for code in sorted(seen)]


def rule_by_code(code: str) -> Type[Rule]:
    code = code.upper()
    for cls in all_rules():
        if cls.code == code:
            return cls
    raise KeyError(code)


def rule_by_name(name: str) -> Type[Rule]:
    """A rule by its code (``TF101``, any case) or its symbol (``tf1-session``)."""
    try:
        return rule_by_code(name)
    except KeyError:
        pass
    wanted = name.strip().lower().replace("_", "-")
    for cls in all_rules():
        if cls.symbol == wanted:
            return cls
    raise KeyError(name)
