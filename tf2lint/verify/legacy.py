"""Run a TF1 program under TensorFlow 2, as TF1: `python -m tf2lint.verify.legacy FILE [ARGS...]`.

The program's `import tensorflow as tf` is pointed at `tensorflow.compat.v1` and TF2
behaviour is disabled before it runs, so a script written for TF 1.x runs unchanged in graph
mode (what `tf2lint verify` compares its migration against).
"""

from __future__ import annotations

import sys
import types
from pathlib import Path
from typing import List

from tf2lint.verify.fragments import as_tf1


def load(path: str, name: str = "") -> types.ModuleType:
    """Import the TF1 program in FILE as a module (TF2 behaviour must already be disabled)."""
    module = types.ModuleType(name or Path(path).stem)
    module.__file__ = str(path)
    if name == "__main__":  # `tf.app.run()` finds `main` through sys.modules["__main__"]
        sys.modules["__main__"] = module
    code = compile(as_tf1(Path(path).read_text(encoding="utf-8")), str(path), "exec")
    exec(code, module.__dict__)  # noqa: S102 - the program the user asked to run
    return module


def main(argv: List[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        sys.stderr.write("usage: python -m tf2lint.verify.legacy FILE [ARGS...]\n")
        return 2 if not argv else 0
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    sys.argv = list(argv)
    load(argv[0], "__main__")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
