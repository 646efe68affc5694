"""A rule's fix availability, derived from the fixes its own examples carry (as Fixit does)."""

from __future__ import annotations

from typing import Dict, Tuple, Type

from tf2lint.config import Config
from tf2lint.finding import Applicability
from tf2lint.rules.base import Rule

ORDER = (Applicability.SAFE.value, Applicability.UNSAFE.value, Applicability.DISPLAY_ONLY.value)
DESCRIPTIONS = {
    Applicability.SAFE.value: "safe (applied by `--fix`)",
    Applicability.UNSAFE.value: "unsafe (applied by `--fix --unsafe-fixes`)",
    Applicability.DISPLAY_ONLY.value: "display-only (the code is shown, never applied)",
}


def config_for(cls: Type[Rule]) -> Config:
    """A configuration that reports this rule alone (opt-in rules included)."""
    return Config(select=(cls.code,))


_KNOWN: Dict[Type[Rule], Tuple[str, ...]] = {}


def availability(cls: Type[Rule]) -> Tuple[str, ...]:
    """The applicabilities of the fixes the rule's FIXES and INVALID examples carry, safest first."""
    if cls not in _KNOWN:
        _KNOWN[cls] = _derive(cls)
    return _KNOWN[cls]


def _derive(cls: Type[Rule]) -> Tuple[str, ...]:
    from tf2lint.engine import lint_source

    found = set()
    for source in [before for before, _ in cls.FIXES] + list(cls.INVALID):
        for finding in lint_source(source, "example.py", config_for(cls)):
            if finding.code == cls.code and finding.fix is not None and finding.fix.edits:
                found.add(finding.fix.applicability)
    return tuple(a for a in ORDER if a in found)


def label(cls: Type[Rule]) -> str:
    """``safe``, ``safe, unsafe``, ... or ``none``: the rule index's fix column."""
    return ", ".join(availability(cls)) or "none"


def describe(cls: Type[Rule]) -> str:
    """The sentence a rule page opens its Fix safety section with."""
    kinds = availability(cls)
    if not kinds:
        return "Fix availability: none."
    return "Fix availability: " + "; ".join(DESCRIPTIONS[k] for k in kinds) + "."
