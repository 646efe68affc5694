"""A user's own migration checked like a sample pair: `tf2lint verify --tf1 old.py:fn --tf2 new.py:fn`.

The TF1 function runs in graph mode (a file importing `tensorflow as tf` runs through
`tf.compat.v1`, as `tf2lint.verify.legacy` does); it returns tensors (or a dict, list or tuple
of them), which are evaluated in a session after the variables are initialized and, with
`--checkpoint DIR`, restored from the latest checkpoint in DIR by a `tf.train.Saver`. The TF2
function runs eagerly; with `--checkpoint` it is called with `checkpoint=` the same TF1
checkpoint path and restores it itself (see docs/verify.md). Both get the arrays of
`--inputs data.npz` as keyword arguments.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Dict, Optional, Tuple

from tf2lint.verify.pairs import Pair

PAIR_NAME = "user-function"


def split_target(text: str) -> Tuple[str, str]:
    """`path/to/file.py:function` -> (absolute path, function name)."""
    path, sep, function = text.rpartition(":")
    if not sep or not path or not function.isidentifier():
        raise ValueError(f"expected FILE.py:FUNCTION, got {text!r}")
    if not Path(path).is_file():
        raise ValueError(f"{path}: no such file")
    return str(Path(path).resolve()), function


def _inputs(path: str) -> Dict[str, Any]:
    if not path:
        return {}
    import numpy as np

    with np.load(path) as data:
        return {key: data[key] for key in data.files}


def _named(outputs: Any) -> Dict[str, Any]:
    if isinstance(outputs, dict):
        return dict(outputs)
    if isinstance(outputs, (list, tuple)):
        return {f"output{i}": value for i, value in enumerate(outputs)}
    return {"output": outputs}


def _load(path: str, tf1: bool) -> Any:
    import importlib.util

    name = ("tf2lint_user_tf1_" if tf1 else "tf2lint_user_tf2_") + "".join(c if c.isalnum() else "_" for c in path)
    if name in sys.modules:
        return sys.modules[name]
    if tf1:
        from tf2lint.verify.fragments import _TF_IMPORT
        from tf2lint.verify.legacy import load

        source = Path(path).read_text(encoding="utf-8")
        if _TF_IMPORT.search(source):  # written for TF 1.x: run it through tf.compat.v1
            module = load(path, name)
            sys.modules[name] = module
            return module
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _latest(checkpoint: str) -> str:
    import tensorflow as tf

    latest = tf.train.latest_checkpoint(checkpoint) if os.path.isdir(checkpoint) else checkpoint
    if not latest:
        raise FileNotFoundError(f"no checkpoint in {checkpoint}")
    return latest


def run_tf1(target: str, inputs: str, checkpoint: str) -> Dict[str, Any]:
    import tensorflow.compat.v1 as tf

    path, function = split_target(target)
    outputs = _named(getattr(_load(path, tf1=True), function)(**_inputs(inputs)))
    tensors = {k: v for k, v in outputs.items() if isinstance(v, (tf.Tensor, tf.Variable))}
    if tensors:
        with tf.Session() as sess:
            sess.run([tf.global_variables_initializer(), tf.local_variables_initializer(), tf.tables_initializer()])
            if checkpoint:
                tf.train.Saver().restore(sess, _latest(checkpoint))
            outputs.update(sess.run(tensors))
    return outputs


def run_tf2(target: str, inputs: str, checkpoint: str) -> Dict[str, Any]:
    path, function = split_target(target)
    extra = {"checkpoint": _latest(checkpoint)} if checkpoint else {}
    return _named(getattr(_load(path, tf1=False), function)(**_inputs(inputs), **extra))


def codes_of(path: str) -> Tuple[str, ...]:
    """The codes tf2lint reports on the TF1 file (what the migration was about)."""
    from tf2lint.config import Config
    from tf2lint.engine import lint_source

    findings = lint_source(Path(path).read_text(encoding="utf-8"), path, Config())
    return tuple(sorted({f.code for f in findings})) or ("TF000",)


def user_pair(tf1: str, tf2: str, inputs: str = "", checkpoint: str = "", atol: float = 1e-6, rtol: float = 0.0) -> Pair:
    def tf1_side(workdir: str) -> Dict[str, Any]:
        return run_tf1(tf1, inputs, checkpoint)

    def tf2_side(workdir: str) -> Dict[str, Any]:
        return run_tf2(tf2, inputs, checkpoint)

    return Pair(
        PAIR_NAME,
        codes_of(split_target(tf1)[0]),
        tf1=tf1_side,
        tf2=tf2_side,
        outputs=f"{Path(tf1).name} vs {Path(tf2).name}" + (f" on {Path(inputs).name}" if inputs else ""),
        atol=atol,
        rtol=rtol,
        hand="the user's own migration",
    )


def samples_module(tf1: str, tf2: str, inputs: Optional[str], checkpoint: Optional[str], atol: float, rtol: float) -> str:
    """The text of a samples file holding the one user pair (the workers import pairs from files)."""
    split_target(tf1), split_target(tf2)
    if inputs and not Path(inputs).is_file():
        raise ValueError(f"{inputs}: no such file")
    if checkpoint and not (Path(checkpoint).exists() or Path(checkpoint + ".index").exists()):
        raise ValueError(f"{checkpoint}: no such checkpoint or directory")
    args = dict(
        tf1=str(Path(tf1.rpartition(':')[0]).resolve()) + ":" + tf1.rpartition(":")[2],
        tf2=str(Path(tf2.rpartition(':')[0]).resolve()) + ":" + tf2.rpartition(":")[2],
        inputs=str(Path(inputs).resolve()) if inputs else "",
        checkpoint=str(Path(checkpoint).resolve()) if checkpoint else "",
        atol=atol,
        rtol=rtol,
    )
    return f"from tf2lint.verify.user import user_pair\n\nPAIRS = [user_pair(**{args!r})]\n"
