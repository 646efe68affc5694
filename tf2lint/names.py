"""Canonical TensorFlow names: a dotted path split into the API name and how it was reached."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

TF_ROOT = "tensorflow"

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

    @property
    def via(self) -> str:
        rest = self.path[len(TF_ROOT) + 1 :]
        if rest == "compat.v1" or rest.startswith("compat.v1."):
            return VIA_COMPAT_V1
        if rest == "compat.v2" or rest.startswith("compat.v2."):
            return VIA_COMPAT_V2
        return VIA_TF

    @property
    def name(self) -> str:
        """The API name relative to the TF root, without any compat prefix ("Session")."""
        rest = self.path[len(TF_ROOT) + 1 :]
        for prefix in ("compat.v1", "compat.v2"):
            if rest == prefix:
                return ""
            if rest.startswith(prefix + "."):
                return rest[len(prefix) + 1 :]
        return rest

    @property
    def display(self) -> str:
        """How users spell it: ``tf.Session`` or ``tf.compat.v1.Session``."""
        rest = self.path[len(TF_ROOT) :]
        return "tf" + rest

    def child(self, attr: str) -> TFRef:
        return TFRef(self.path + "." + attr)


def is_tf_path(path: str) -> bool:
    return path == TF_ROOT or path.startswith(TF_ROOT + ".")


def prefixes(name: str):
    """Yield ``a.b.c``, ``a.b``, ``a``: the lookup order for prefix tables."""
    while name:
        yield name
        dot = name.rfind(".")
        if dot < 0:
            return
        name = name[:dot]


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
