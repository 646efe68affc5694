"""The subprocess that runs sample sides under TensorFlow: `python -m tf2lint.verify.worker tf1|tf2`.

A `tf1` worker disables TF2 behaviour once and runs every TF1 side in a fresh graph; a `tf2`
worker runs TF2 sides eagerly. Jobs arrive as JSON lines on stdin; each result is an .npz
file plus a JSON line on the protocol stream (the original stdout; anything TensorFlow or a
sample prints is redirected to stderr so it cannot corrupt the protocol).
"""

from __future__ import annotations

import json
import os
import sys
import time
import traceback
from typing import IO, Any, Dict

from tf2lint.verify.pairs import as_plain, find, load_module

MODES = ("tf1", "tf2")


def _protocol_stream() -> IO[str]:
    proto = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    return proto


def _configure(mode: str) -> Any:
    import tensorflow as tf

    tf.get_logger().setLevel("ERROR")
    # One thread each: the two workers share the machine, and single-threaded kernels
    # reduce in a fixed order, so repeated runs give identical numbers.
    tf.config.threading.set_inter_op_parallelism_threads(1)
    tf.config.threading.set_intra_op_parallelism_threads(1)
    if mode == "tf1":
        tf.compat.v1.disable_v2_behavior()
    return tf


def _keras_version(tf: Any, mode: str) -> str:
    if mode == "tf1":
        return ""  # TF1 sides do not use Keras; importing it would only cost start-up time
    try:
        return str(tf.keras.__version__)
    except AttributeError:  # Keras 2 keeps its version on the `keras` package only
        pass
    try:
        import keras

        return str(keras.__version__)
    except Exception:  # noqa: BLE001 - Keras is optional for the report
        return "unknown"


_SAMPLES_DIR = os.path.join("tf2lint", "verify", "samples") + os.sep
_WORKER_FILES = (os.path.abspath(__file__), os.path.join(os.path.dirname(os.path.abspath(__file__)), "pairs.py"))


def _in_sample(filename: str) -> bool:
    """A frame of sample code: a bundled sample module, or a user's file outside any installed package."""
    if _SAMPLES_DIR in filename:
        return True
    return filename not in _WORKER_FILES and "site-packages" not in filename and "dist-packages" not in filename


def _error_text(exc: BaseException) -> str:
    """`Type: message (file:line)` pointing at the innermost frame in sample code."""
    where = ""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if _in_sample(frame.filename):
            where = f" ({os.path.basename(frame.filename)}:{frame.lineno})"
            break
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {message}{where}"[:400]


def _save(outputs: Any, path: str) -> None:
    import numpy as np

    arrays: Dict[str, Any] = {}
    for key, value in as_plain(outputs).items():
        if hasattr(value, "numpy"):
            value = value.numpy()
        array = np.asarray(value)
        if array.dtype == object:
            raise TypeError(f"output {key!r} is not a numeric or string array")
        arrays[key] = array
    np.savez(path, **arrays)


def run_job(tf: Any, mode: str, job: Dict[str, Any]) -> Dict[str, Any]:
    start = time.perf_counter()
    result: Dict[str, Any] = {"event": "done", "id": job["id"]}
    try:
        module = load_module(job["module"], job["path"])
        pair = find(module.PAIRS, job["pair"])
        side = pair.side(job["side"])
        os.makedirs(job["workdir"], exist_ok=True)
        if mode == "tf1":
            with tf.compat.v1.Graph().as_default():
                outputs = side(job["workdir"])
        else:
            if "keras" in sys.modules:
                tf.keras.backend.clear_session()
            outputs = side(job["workdir"])
        _save(outputs, job["out"])
        result["ok"] = True
    except Exception as exc:  # noqa: BLE001 - a failing sample is a result, not a crash
        result["ok"] = False
        result["error"] = _error_text(exc)
        result["traceback"] = traceback.format_exc()[-4000:]
    result["seconds"] = round(time.perf_counter() - start, 3)
    return result


def main(argv: list) -> int:
    if len(argv) != 1 or argv[0] not in MODES:
        sys.stderr.write("usage: python -m tf2lint.verify.worker tf1|tf2\n")
        return 2
    mode = argv[0]
    proto = _protocol_stream()
    tf = _configure(mode)
    ready = {"event": "ready", "mode": mode, "tf_version": tf.__version__, "keras_version": _keras_version(tf, mode)}
    proto.write(json.dumps(ready) + "\n")
    for line in sys.stdin:
        if line.strip():
            proto.write(json.dumps(run_job(tf, mode, json.loads(line))) + "\n")
    proto.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
