"""Family 6: `tf.contrib` replacements, checked against contrib's own definitions in closed form.

No TensorFlow that runs on a supported Python can import `tf.contrib`, so the TF1 side of
these pairs is the formula contrib implemented (NumPy); `CONTRIB` is the contrib program the
linter checks, and the TF2 side runs what tf2lint makes of it. With no TF1 run to compare
with, agreement is reported as `identity`, not as a confirmation.
"""

from __future__ import annotations

import math

from tf2lint.verify.pairs import Pair
from tf2lint.verify.samples import _data as data

SCALES = (0.01, 0.5)
FAN_IN, FAN_OUT = 300, 500
ADAMW_STEPS = 20

CONTRIB = """
import tensorflow as tf


def l2(weights):
    return {"scale0": tf.contrib.layers.l2_regularizer(0.01)(weights), "scale1": tf.contrib.layers.l2_regularizer(0.5)(weights)}


def l1(weights):
    return {"scale0": tf.contrib.layers.l1_regularizer(0.01)(weights), "scale1": tf.contrib.layers.l1_regularizer(0.5)(weights)}


def xavier():
    return tf.contrib.layers.xavier_initializer()


def layer_norm(x):
    return tf.contrib.layers.layer_norm(x)


def instance_norm(x):
    return tf.contrib.layers.instance_norm(x)


def adamw():
    return tf.contrib.opt.AdamWOptimizer(0.01, learning_rate=0.1)
"""


def _tf2():
    from tf2lint.verify.fragments import tf2_program

    return tf2_program(CONTRIB)


def l2_reference(workdir):
    import numpy as np

    # contrib.layers.l2_regularizer(scale)(w) == scale * tf.nn.l2_loss(w) == scale * sum(w**2) / 2
    return {f"scale{i}": np.float32(s * np.sum(data.W1.astype(np.float64) ** 2) / 2) for i, s in enumerate(SCALES)}


def l2_tf2(workdir):
    import tensorflow as tf

    return _tf2().l2(tf.constant(data.W1))


def l1_reference(workdir):
    import numpy as np

    # contrib.layers.l1_regularizer(scale)(w) == scale * sum(|w|)
    return {f"scale{i}": np.float32(s * np.sum(np.abs(data.W1.astype(np.float64)))) for i, s in enumerate(SCALES)}


def l1_tf2(workdir):
    import tensorflow as tf

    return _tf2().l1(tf.constant(data.W1))


def xavier_reference(workdir):
    # contrib.layers.xavier_initializer(): uniform on [-limit, limit], limit = sqrt(6 / (fan_in + fan_out))
    limit = math.sqrt(6.0 / (FAN_IN + FAN_OUT))
    return {"bound": limit, "variance": limit**2 / 3.0, "mean": 0.0}


def xavier_tf2(workdir):
    import tensorflow as tf

    tf.random.set_seed(7)
    sample = _tf2().xavier()(shape=(FAN_IN, FAN_OUT))
    return {"bound": tf.reduce_max(tf.abs(sample)), "variance": tf.math.reduce_variance(sample), "mean": tf.reduce_mean(sample)}


def layer_norm_reference(workdir):
    import numpy as np

    # contrib.layers.layer_norm(x): normalize over the last axis with variance_epsilon=1e-12,
    # beta initialized to 0 and gamma to 1.
    x = data.W2.T.astype(np.float64)
    mean, var = x.mean(axis=-1, keepdims=True), x.var(axis=-1, keepdims=True)
    return {"normalized": ((x - mean) / np.sqrt(var + 1e-12)).astype(np.float32)}


def layer_norm_tf2(workdir):
    import tensorflow as tf

    return {"normalized": _tf2().layer_norm(tf.constant(data.W2.T))}


def _images():
    return data.uniform((2, 3, 4, 5), seed=11)


def instance_norm_reference(workdir):
    import numpy as np

    # contrib.layers.instance_norm(x) (NHWC): per example and channel over height and width,
    # epsilon 1e-6, beta 0 and gamma 1 at initialization.
    x = _images().astype(np.float64)
    mean, var = x.mean(axis=(1, 2), keepdims=True), x.var(axis=(1, 2), keepdims=True)
    return {"normalized": ((x - mean) / np.sqrt(var + 1e-6)).astype(np.float32)}


def instance_norm_tf2(workdir):
    import tensorflow as tf

    return {"normalized": _tf2().instance_norm(tf.constant(_images()))}


def adamw_reference(workdir):
    import numpy as np

    # contrib.opt.AdamWOptimizer(weight_decay, learning_rate): each step computes the gradient,
    # then `var -= weight_decay * var` (not scaled by the learning rate), then Adam's update
    # with TF1's epsilon 1e-8.
    wd, lr, b1, b2, eps = 0.01, 0.1, 0.9, 0.999, 1e-8
    x, y = data.REG_X.astype(np.float64), data.REG_Y.astype(np.float64)
    params = [data.REG_W0.astype(np.float64), data.REG_B0.astype(np.float64)]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    losses = []
    for t in range(1, ADAMW_STEPS + 1):
        residual = x @ params[0] + params[1] - y
        losses.append(np.mean(residual**2))
        grads = [2 * x.T @ residual / len(x), np.array([2 * residual.mean()])]
        lr_t = lr * math.sqrt(1 - b2**t) / (1 - b1**t)
        for i, g in enumerate(grads):
            params[i] = params[i] - wd * params[i]
            m[i] = b1 * m[i] + (1 - b1) * g
            v[i] = b2 * v[i] + (1 - b2) * g * g
            params[i] = params[i] - lr_t * m[i] / (np.sqrt(v[i]) + eps)
    return {"w": params[0].astype(np.float32), "b": params[1].astype(np.float32), "losses": np.array(losses, np.float32)}


def adamw_tf2(workdir):
    import tensorflow as tf

    from tf2lint.verify.samples.optimizers import train_tf2

    return train_tf2(tf, _tf2().adamw(), steps=ADAMW_STEPS)


def _contrib_pair(name, reference, note, tf2, outputs, **extra):
    return Pair(
        f"contrib-{name}",
        ("TF602",),
        tf1=None,
        reference=reference,
        reference_note=note,
        tf1_source=CONTRIB,
        tf2=tf2,
        outputs=outputs,
        program=CONTRIB,
        **extra,
    )


PAIRS = [
    _contrib_pair("l2-regularizer", l2_reference, "l2_regularizer(s)(w) = s * sum(w**2) / 2", l2_tf2, "the penalty for two scales"),
    _contrib_pair("l1-regularizer", l1_reference, "l1_regularizer(s)(w) = s * sum(|w|)", l1_tf2, "the penalty for two scales"),
    _contrib_pair(
        "xavier-initializer",
        xavier_reference,
        "xavier_initializer() draws from U(-sqrt(6 / (fan_in + fan_out)), +sqrt(...))",
        xavier_tf2,
        "bound, variance and mean of 150,000 draws",
        atol=1e-3,
    ),
    _contrib_pair(
        "layer-norm",
        layer_norm_reference,
        "layer_norm(x) = (x - mean) / sqrt(variance + 1e-12) over the last axis",
        layer_norm_tf2,
        "normalized rows",
        atol=1e-5,
    ),
    _contrib_pair(
        "instance-norm",
        instance_norm_reference,
        "instance_norm(x) = (x - mean) / sqrt(variance + 1e-6) over height and width, per example and channel",
        instance_norm_tf2,
        "normalized 2 x 3 x 4 x 5 images",
        atol=1e-5,
    ),
    _contrib_pair(
        "adamw",
        adamw_reference,
        "AdamW decays var by weight_decay (unscaled) before each Adam step",
        adamw_tf2,
        f"weights and losses over {ADAMW_STEPS} steps",
        atol=1e-5,
    ),
]
