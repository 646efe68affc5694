"""Canonical TensorFlow names: a dotted path split into the API name and how it was reached."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Dict, Generic, Optional, Tuple, TypeVar

T = TypeVar("T")


class computed_once(Generic[T]):
    """A property computed on first use and then stored on the instance (which shadows it).

    `functools.cached_property` does the same behind a lock on Python < 3.12; name lookups are
    on the linter's hot path and run in one thread per object.
    """

    def __init__(self, fn: Callable[[Any], T]):
        self.fn = fn
        self.attr = fn.__name__
        self.__doc__ = fn.__doc__

    def __get__(self, obj: Any, owner: Any = None) -> T:
        if obj is None:
            return self  # type: ignore[return-value]
        value = obj.__dict__[self.attr] = self.fn(obj)
        return value

TF_ROOT = "tensorflow"
PRIVATE_ROOT = TF_ROOT + ".python."

# How an API was reached; decides the severity of a finding.
VIA_TF = "tf"  # plain `tf.X`: a TF1-only name fails on TF2
VIA_COMPAT_V1 = "compat.v1"  # `tf.compat.v1.X`: still runs, with TF1 semantics
VIA_COMPAT_V2 = "compat.v2"  # `tf.compat.v2.X`: TF2 API


@dataclass(frozen=True)
class TFRef:
    """A TensorFlow API object named by an expression.

    ``path`` is the full dotted path as imported (``tensorflow.compat.v1.Session``);
    ``instance`` is true for the value a call of that path returned (``tf.Session()``).
    """

    path: str
    instance: bool = False

    @computed_once
    def via(self) -> str:
        rest = self.path[len(TF_ROOT) + 1 :]
        if rest == "compat.v1" or rest.startswith("compat.v1."):
            return VIA_COMPAT_V1
        if rest.startswith("python."):
            export = private_export(rest)
            if export is not None:
                # TensorFlow's own export record: a TF2 API, or one it ships only to TF1.
                return VIA_TF if export[1] else VIA_COMPAT_V1
            if _public_name(rest) is not None:
                return VIA_COMPAT_V1  # private modules still ship the TF1 implementations
        if rest == "compat.v2" or rest.startswith("compat.v2."):
            return VIA_COMPAT_V2
        return VIA_TF

    @computed_once
    def name(self) -> str:
        """The API name relative to the TF root, without any compat prefix ("Session")."""
        rest = self.path[len(TF_ROOT) + 1 :]
        for prefix in ("compat.v1", "compat.v2"):
            if rest == prefix:
                return ""
            if rest.startswith(prefix + "."):
                return rest[len(prefix) + 1 :]
        if rest.startswith("python."):
            export = private_export(rest)
            if export is not None:
                return export[0]
            public = _public_name(rest)
            if public is not None:
                return public
        return rest

    @property
    def private(self) -> bool:
        """Reached through TensorFlow's private modules (``tensorflow.python.*``)."""
        return self.path.startswith(PRIVATE_ROOT)

    @property
    def display(self) -> str:
        """How users spell it: ``tf.Session`` or ``tf.compat.v1.Session``."""
        if self.private:
            return self.path  # private modules are imported by their full path
        return "tf" + self.path[len(TF_ROOT) :]

    def child(self, attr: str) -> TFRef:
        return interned(self.path + "." + attr)

    def called(self) -> TFRef:
        """What a call of this API returns."""
        return interned(self.path, True)


# Resolution builds the same few hundred references over and over, in every file; one shared
# object per path also computes its `name` and `via` once. Bounded: a file of made-up names
# cannot grow it without limit.
_INTERNED: Dict[Tuple[str, bool], TFRef] = {}
_INTERNED_MAX = 50_000


def interned(path: str, instance: bool = False) -> TFRef:
    """The shared ``TFRef(path, instance)``."""
    key = (path, instance)
    ref = _INTERNED.get(key)
    if ref is None:
        if len(_INTERNED) >= _INTERNED_MAX:
            _INTERNED.clear()
        ref = _INTERNED[key] = TFRef(path, instance)
    return ref


_EXPORTS: Dict[str, Dict[str, str]] = {}  # decoded modules of the generated table


def _exports(module: str) -> Optional[Dict[str, str]]:
    """{attribute: public name} of one private module, decoded from the generated table on first use."""
    table = _EXPORTS.get(module)
    if table is None:
        from tf2lint.data.generated.private_exports import EXPORTS

        encoded = EXPORTS.get(module)
        if encoded is None:
            return None
        table = {}
        prefix = ""
        for token in encoded.split():
            if token[0] == "@":
                prefix = token[1:] + "." if len(token) > 1 else ""
            elif "=" in token:
                attr, _, public = token.partition("=")
                table[attr] = public
            else:
                table[token] = prefix + token
        _EXPORTS[module] = table
    return table


def private_export(rest: str) -> Optional[Tuple[str, bool]]:
    """(public name, whether TF2 exports it) of a private `python.*` path that TensorFlow's
    `tf_export` records name; None for anything else (the hand-written module table decides).

    `python.ops.data_flow_ops.FIFOQueue` is `tf.queue.FIFOQueue` in TF2; `python.ops.nn_ops.in_top_k`
    is exported only to TF1 (`tf.compat.v1.nn.in_top_k`, the name the hand-written table gives
    when it is one of the TF1 names, else the first).
    """
    parts = rest.split(".")
    if _exports(rest) is not None:
        return "", True  # a private module TF2 still has: not an API itself (its members are)
    for end in range(len(parts) - 1, 1, -1):
        table = _exports(".".join(parts[:end]))
        if table is None:
            continue
        public = table.get(parts[end])
        if public is None:
            return None
        tail = "".join("." + p for p in parts[end + 1 :])
        if public[0] != "~":
            return public + tail, True
        names = public[1:].split(",")
        usual = _public_name(".".join(parts[: end + 1]))
        return (usual if usual in names else names[0]) + tail, False
    return None


def _public_name(rest: str) -> Optional[str]:
    """The public name behind a private `tensorflow.python.*` path, if it is one we map."""
    from tf2lint.data.internal_modules import INTERNAL_MODULES

    for module in prefixes(rest):
        public = INTERNAL_MODULES.get(module)
        if public is not None:
            tail = rest[len(module) + 1 :]
            if not tail:
                return None  # the module itself is not an API
            return f"{public}.{tail}" if public else tail
    return None


def is_tf_path(path: str) -> bool:
    return path == TF_ROOT or path.startswith(TF_ROOT + ".")


ESTIMATOR_ROOT = "tensorflow_estimator"


def tf_import_path(path: str) -> Optional[str]:
    """The TensorFlow path an imported module path stands for, or None.

    `tensorflow_estimator` is the package behind `tf.estimator` up to TF 2.15: its private
    modules (`tensorflow_estimator.python.estimator.estimator`) are `tensorflow.python.estimator.*`,
    its public API (`tensorflow_estimator.estimator`) is `tf.estimator`.
    """
    if is_tf_path(path):
        return path
    if path == ESTIMATOR_ROOT or path.startswith(ESTIMATOR_ROOT + "."):
        return TF_ROOT + path[len(ESTIMATOR_ROOT) :]
    return None


@lru_cache(maxsize=8192)
def prefixes(name: str) -> Tuple[str, ...]:
    """``a.b.c``, ``a.b``, ``a``: the lookup order for prefix tables (cached: every reference
    and call the walk resolves asks for its name's)."""
    out = []
    while name:
        out.append(name)
        dot = name.rfind(".")
        if dot < 0:
            break
        name = name[:dot]
    return tuple(out)


def exists_in_tf2(name: str) -> Optional[bool]:
    """Whether the canonical ``name`` (no ``tf.``) exists in TF2 under that spelling.

    True or False from the TF2 namespace of the pinned release (tf2lint/data/generated/
    tf2_names.py, loaded on first use); None when it cannot be told: Keras-served
    namespaces (their contents follow the Keras release) and attributes of classes.
    """
    from tf2lint.data.generated import tf2_names as table

    if not name or name in table.TF2_NAMES:
        return True
    opaque = table.OPAQUE
    for prefix in prefixes(name):
        if prefix in opaque:
            return None
        if prefix != name and prefix in table.TF2_NAMES:
            return False if prefix in table.TF2_MODULES else None
    return False
