"""Run a TF1 program text as TF1 (through `tf.compat.v1`) or as the TF2 program tf2lint makes of it.

A sample's TF1 code is written the way TF1 users wrote it (`import tensorflow as tf`). Under a
TF2 installation it runs as TF1 with that one import pointed at `tensorflow.compat.v1` in graph
mode; its TF2 counterpart is the program `tf2lint.verify.migrate` derives from tf2lint's fixes
and rendered replacements. Both run as fresh modules. Imported by the worker only.
"""

from __future__ import annotations

import re
import types
from typing import Dict, Optional, Tuple

from tf2lint.verify.migrate import migrated_source

_TF_IMPORT = re.compile(r"^([ \t]*)import tensorflow as tf[ \t]*$", re.MULTILINE)
_cache: Dict[Tuple[str, str], types.ModuleType] = {}


def as_tf1(source: str) -> str:
    """The TF1 program with its `import tensorflow as tf` pointed at `tensorflow.compat.v1`."""
    if not _TF_IMPORT.search(source):
        raise ValueError("a TF1 program for the execution check imports `tensorflow as tf`")
    return _TF_IMPORT.sub(r"\1import tensorflow.compat.v1 as tf", source)


def _module(text: str, name: str) -> types.ModuleType:
    module = types.ModuleType(name)
    module.__file__ = f"<{name}>"
    exec(compile(text, module.__file__, "exec"), module.__dict__)  # noqa: S102 - a sample program
    return module


def tf1_program(source: str, name: str = "tf1_program") -> types.ModuleType:
    key = ("tf1", source)
    if key not in _cache:
        _cache[key] = _module(as_tf1(source), name)
    return _cache[key]


def tf2_source(source: str, target: Optional[Tuple[int, int]] = None) -> str:
    """The TF2 program for a TF1 source, aimed at `target` (default: the TensorFlow installed here)."""
    if target is None:
        import tensorflow as tf

        from tf2lint.verify.environment import version_tuple

        target = version_tuple(tf.__version__)
    return migrated_source(source, target)


def tf2_program(source: str, name: str = "tf2_program", target: Optional[Tuple[int, int]] = None) -> types.ModuleType:
    key = ("tf2", source)
    if key not in _cache:
        _cache[key] = _module(tf2_source(source, target), name)
    return _cache[key]
