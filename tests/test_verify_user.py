"""`tf2lint verify --tf1 old.py:fn --tf2 new.py:fn`: a user's own migration, checked like a sample pair.

Runs under real TensorFlow (this interpreter's, or TF2LINT_TF_PYTHON's, through `--python`).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pytest

from tests.conftest import ROOT, tensorflow_python
from tf2lint.verify.compare import CONFIRMED, FAILED


def _tf() -> str:
    return tensorflow_python("the verify tests", current_first=True)

OLD = textwrap.dedent(
    """
    import tensorflow as tf


    def predict(x):
        w = tf.get_variable("w", [3, 2], initializer=tf.ones_initializer())
        logits = tf.matmul(x, w)
        return {"probs": tf.nn.softmax(logits, dim=1), "total": tf.reduce_sum(logits, keep_dims=True)}


    def save(directory):
        with tf.Session() as sess:
            w = tf.get_variable("w", initializer=tf.reshape(tf.range(6, dtype=tf.float32), [3, 2]) / 6.0)
            sess.run(tf.global_variables_initializer())
            tf.train.Saver().save(sess, directory + "/model.ckpt")
    """
)
NEW = textwrap.dedent(
    """
    import tensorflow as tf


    def _weights(checkpoint=None):
        if checkpoint:
            return tf.constant(tf.train.load_checkpoint(checkpoint).get_tensor("w"))
        return tf.ones([3, 2])


    def predict(x, checkpoint=None):
        logits = tf.matmul(x, _weights(checkpoint))
        return {"probs": tf.nn.softmax(logits, axis=1), "total": tf.reduce_sum(logits, keepdims=True)}


    def predict_ignoring_checkpoint(x, checkpoint=None):
        return predict(x)


    def predict_wrong_axis(x, checkpoint=None):
        logits = tf.matmul(x, _weights(checkpoint))
        return {"probs": tf.nn.softmax(logits, axis=0), "total": tf.reduce_sum(logits, keepdims=True)}
    """
)


@pytest.fixture(scope="module")
def migration(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("user")
    (tmp / "old.py").write_text(OLD)
    (tmp / "new.py").write_text(NEW)
    script = (
        "import numpy as np, sys\n"
        "np.savez(sys.argv[1], x=np.random.RandomState(0).rand(4, 3).astype(np.float32))\n"
        "import tensorflow.compat.v1 as tf\n"
        "tf.disable_v2_behavior()\n"
        "from tf2lint.verify.legacy import load\n"
        "load(sys.argv[2]).save(sys.argv[3])\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    (tmp / "ckpt").mkdir()
    done = subprocess.run(
        [_tf(), "-c", script, str(tmp / "data.npz"), str(tmp / "old.py"), str(tmp / "ckpt")],
        capture_output=True, text=True, env=env, timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return tmp


def run_user(tmp: Path, *args: str) -> Tuple[int, List[Dict[str, Any]], str]:
    """`tf2lint verify --python TF_PYTHON ...` from this interpreter (which need not have TensorFlow)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-m", "tf2lint", "verify", "--python", _tf(), "--output-format", "json", "--no-progress", *args],
        capture_output=True, text=True, cwd=tmp, env=env, timeout=600,
    )
    try:
        return result.returncode, json.loads(result.stdout), result.stderr
    except json.JSONDecodeError:
        pytest.fail(f"no JSON (exit {result.returncode}): {result.stdout}\n{result.stderr[-3000:]}")


def test_a_faithful_migration_is_confirmed(migration):
    code, records, stderr = run_user(migration, "--tf1", "old.py:predict", "--tf2", "new.py:predict", "--inputs", "data.npz")
    assert code == 0, stderr[-2000:]
    (record,) = records
    assert record["verdict"] == CONFIRMED and record["pair"] == "user-function"
    assert set(record["codes"]) >= {"TF201", "TF903"} and record["tf2_source"] == "hand"


def test_a_wrong_migration_fails_with_the_difference(migration):
    code, records, _ = run_user(migration, "--tf1", "old.py:predict", "--tf2", "new.py:predict_wrong_axis", "--inputs", "data.npz")
    (record,) = records
    assert code == 1 and record["verdict"] == FAILED
    assert "(in probs)" in record["detail"] and record["max_abs_diff"] > 1e-3


def test_the_tf1_checkpoint_is_restored_on_both_sides(migration):
    args = ("--tf1", "old.py:predict", "--inputs", "data.npz", "--checkpoint", "ckpt")
    code, records, stderr = run_user(migration, *args, "--tf2", "new.py:predict")
    assert code == 0 and records[0]["verdict"] == CONFIRMED, stderr[-2000:]
    # A TF2 side that keeps its initial weights no longer matches the restored TF1 side.
    code, records, _ = run_user(migration, *args, "--tf2", "new.py:predict_ignoring_checkpoint")
    assert code == 1 and records[0]["verdict"] == FAILED


def test_bad_targets_are_usage_errors(migration):
    result = subprocess.run(
        [sys.executable, "-m", "tf2lint", "verify", "--tf1", "old.py", "--tf2", "new.py:predict"],
        capture_output=True, text=True, cwd=migration, env=dict(os.environ, PYTHONPATH=str(ROOT)), timeout=120,
    )
    assert result.returncode == 2 and "expected FILE.py:FUNCTION" in result.stderr
