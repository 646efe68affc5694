"""Sample pairs: a TF1 program, the TF2 program a rule recommends, and how to compare them.

A sample module (bundled ones live in `tf2lint/verify/samples/`) defines a module-level
`PAIRS` list. Each side is a function `side(workdir) -> {name: array-like}` that imports
TensorFlow itself, so sample modules can be imported (for listing, filtering and linting)
without TensorFlow. All sides of a pair share `workdir`, a fresh directory; a pair whose
TF2 side reads what the TF1 side wrote (a checkpoint, an export) sets `tf2_reads_tf1`.
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import pkgutil
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple

Outputs = Mapping[str, Any]
Side = Callable[[str], Outputs]

SAMPLES_PACKAGE = "tf2lint.verify.samples"
KINDS = ("snippet", "model")
HAND = "hand"


@dataclass(frozen=True)
class Difference:
    """A documented numeric difference between the TF1 idiom and its replacement.

    `explained_by` is the TF2 side adjusted to TF1's numerics (for RMSprop: the rms slot
    started at 1.0 and TF1's epsilon); it must match the TF1 side within the pair's
    tolerance, which proves the measured difference is the documented one and nothing else.
    """

    kind: str
    description: str
    explained_by: Side


@dataclass(frozen=True)
class Pair:
    """One TF1 -> TF2 rewrite, run on both sides and compared output by output."""

    name: str
    codes: Tuple[str, ...]
    tf1: Optional[Side]
    tf2: Side
    outputs: str  # what the sides return, for the report ("variable values after 20 steps")
    atol: float = 1e-6
    rtol: float = 0.0
    max_tf: Optional[Tuple[int, int]] = None  # newest TensorFlow the TF1 side can run on
    version_note: str = ""  # why, shown with the skip reason
    requires: Tuple[str, ...] = ()  # importable modules both sides need besides TensorFlow
    requires_note: str = ""
    difference: Optional[Difference] = None
    # tf.contrib cannot be imported: `reference` computes the TF1 result in closed form and
    # `tf1_source` is the TF1 program the linter checks.
    reference: Optional[Side] = None
    reference_note: str = ""
    tf1_source: Optional[str] = None
    tf2_reads_tf1: bool = False
    # The TF1 program (text, `import tensorflow as tf`) whose TF2 counterpart tf2lint derives
    # (see tf2lint.verify.migrate); the sides run it through tf2lint.verify.fragments.
    program: str = ""
    hand: str = ""  # why the TF2 side is hand-written (a restructuring no output renders)
    identity: str = ""  # why both sides run the same implementation: agreement then confirms nothing
    kind: str = "snippet"  # or "model": a whole training program
    steps: Optional[int] = None  # training steps compared, for model pairs
    files: Tuple[str, ...] = ()  # source-tree files the sides run (relative to the checkout)
    tf1_eager: bool = False  # the "TF1" side is Keras 2 code that runs eagerly (in the TF2 worker)
    target: Optional[Tuple[int, int]] = None  # the target-version `program` is migrated for (default: the running TF)
    module: str = field(default="", compare=False)
    path: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if (self.tf1 is None) == (self.reference is None):
            raise ValueError(f"pair {self.name}: give exactly one of tf1= and reference=")
        if self.reference is not None and not self.tf1_source:
            raise ValueError(f"pair {self.name}: a closed-form reference needs tf1_source (the program linted)")
        if not self.codes:
            raise ValueError(f"pair {self.name}: no rule codes")
        if self.kind not in KINDS:
            raise ValueError(f"pair {self.name}: kind must be one of {', '.join(KINDS)}")

    def tf2_source(self, tf_version: Optional[Tuple[int, int]] = None) -> str:
        """Where the TF2 side comes from: tf2lint's fixes, its rendered replacements, or a person."""
        if not self.program:
            return HAND
        from tf2lint.verify.migrate import migrate

        return migrate(self.program, self.target or tf_version).how

    @property
    def code(self) -> str:
        return self.codes[0]

    def families(self) -> Tuple[int, ...]:
        return tuple(sorted({int(code[2]) for code in self.codes}))

    def baseline(self) -> Side:
        """The side the TF2 result is compared against: the TF1 program or the closed form."""
        side = self.tf1 if self.tf1 is not None else self.reference
        assert side is not None
        return side

    def skip_reason(self, tf_version: Tuple[int, int], has_module: Callable[[str], bool] = lambda name: True) -> Optional[str]:
        if self.max_tf is not None and tf_version > self.max_tf:
            reason = f"needs TF <= {self.max_tf[0]}.{self.max_tf[1]}"
            return f"{reason} ({self.version_note})" if self.version_note else reason
        root = Path(__file__).resolve().parents[2]
        absent = [name for name in self.files if not (root / name).is_file()]
        if absent:
            return "needs a source checkout of tf2lint (" + ", ".join(absent) + " not found)"
        missing = [name for name in self.requires if not has_module(name)]
        if missing:
            reason = "needs the " + ", ".join(missing) + (" package" if len(missing) == 1 else " packages")
            return f"{reason} ({self.requires_note})" if self.requires_note else reason
        return None

    def side(self, which: str) -> Side:
        if which == "tf1":
            return self.baseline()
        if which == "tf2":
            return self.tf2
        if which == "explained" and self.difference is not None:
            return self.difference.explained_by
        raise KeyError(f"pair {self.name} has no side {which!r}")

    def sides(self) -> Tuple[str, ...]:
        return ("tf1", "tf2", "explained") if self.difference is not None else ("tf1", "tf2")

    def source(self, which: str) -> str:
        """The program text of one side, as the linter should see it."""
        if which == "tf1" and self.tf1_source is not None:
            return self.tf1_source
        if self.files and which in ("tf1", "tf2"):  # a model pair: the scripts it runs
            root = Path(__file__).resolve().parents[2]
            return (root / self.files[0 if which == "tf1" else 1]).read_text(encoding="utf-8")
        if which == "tf1" and self.program:
            return self.program
        if which == "tf2" and self.program:
            from tf2lint.verify.migrate import migrate

            return migrate(self.program, self.target).source
        return textwrap.dedent(inspect.getsource(self.side(which)))


def _attach(module: ModuleType, path: str) -> List[Pair]:
    pairs = getattr(module, "PAIRS", None)
    if not isinstance(pairs, (list, tuple)) or not all(isinstance(p, Pair) for p in pairs):
        raise ValueError(f"{path}: expected a module-level PAIRS list of tf2lint.verify.pairs.Pair")
    out = []
    for pair in pairs:
        object.__setattr__(pair, "module", module.__name__)
        object.__setattr__(pair, "path", path)
        out.append(pair)
    return out


def load_module(name: str, path: str) -> ModuleType:
    """Import a sample module: bundled ones by name, others from their file."""
    if name.startswith(SAMPLES_PACKAGE + ".") or not path:
        return importlib.import_module(name)
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import sample file {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def module_name_for(path: str) -> str:
    """A stable module name for a sample file outside the package (same in every process)."""
    resolved = Path(path).resolve()
    safe = "".join(c if c.isalnum() else "_" for c in str(resolved))
    return f"tf2lint_user_samples.{safe}"


def bundled_pairs() -> List[Pair]:
    import tf2lint.verify.samples as package

    pairs: List[Pair] = []
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{SAMPLES_PACKAGE}.{info.name}")
        pairs += _attach(module, module.__file__ or "")
    return sorted(pairs, key=lambda p: p.code)  # stable: a module's own order within a code


def load_pairs(paths: Sequence[str] = ()) -> List[Pair]:
    """The bundled pairs, or the pairs defined in the given sample files instead."""
    if not paths:
        pairs = bundled_pairs()
    else:
        pairs = []
        for path in paths:
            resolved = str(Path(path).resolve())
            pairs += _attach(load_module(module_name_for(resolved), resolved), resolved)
    seen: Dict[str, Pair] = {}
    for pair in pairs:
        if pair.name in seen:
            raise ValueError(f"duplicate sample pair name {pair.name!r}")
        seen[pair.name] = pair
    return pairs


def select(pairs: Sequence[Pair], rule: Optional[str] = None, family: Optional[int] = None) -> List[Pair]:
    """Pairs covering a rule code (prefixes work: TF7) and/or a family."""
    out = list(pairs)
    if rule:
        prefix = rule.upper()
        out = [p for p in out if any(code.startswith(prefix) for code in p.codes)]
    if family is not None:
        out = [p for p in out if family in p.families()]
    return out


def find(pairs: Sequence[Pair], name: str) -> Pair:
    for pair in pairs:
        if pair.name == name:
            return pair
    raise KeyError(name)


def as_plain(outputs: Outputs) -> Dict[str, Any]:
    """Checked copy of a side's outputs: a non-empty dict with simple string keys."""
    if not isinstance(outputs, Mapping) or not outputs:
        raise TypeError(f"a side must return a non-empty dict of named outputs, got {type(outputs).__name__}")
    plain: Dict[str, Any] = {}
    for key, value in outputs.items():
        if not isinstance(key, str) or not key.replace("_", "").isalnum():
            raise TypeError(f"output names must be identifiers, got {key!r}")
        plain[key] = value
    return plain
